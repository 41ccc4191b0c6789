// The drawing pad's browser side (an anywidget ES module), used by shared/drawpad.py.
//
// It only records strokes and shows results: when a stroke ends it sends every stroke
// to Python (the `strokes` trait), and Python answers with `result` (probabilities,
// pictures of the feature maps, the saliency map). Pointer events cover mouse, pen and
// touch alike. Element classes and data-* attributes are what tests/test_browser.py reads.
// The canvas size and the colours come from Python (canvas_size, colours) and reach
// drawpad.css as custom properties on the root element: --drawpad-canvas-size, --drawpad-best, ...

/** @typedef {[number, number]} Point  x, y in canvas pixels (0 … canvas_size) */
/** @typedef {Point[]} Stroke */

/**
 * One layer's feature maps, as a picture.
 * @typedef {object} Layer
 * @property {string} name  the layer's name, e.g. "conv1" (becomes data-layer)
 * @property {string} title  the caption, e.g. "conv1: 16 feature maps of 28×28 pixels"
 * @property {string} src  a data:image/png URL
 */

/**
 * What the pad shows, made by analyse() and DrawPad._update() in drawpad.py. The fields
 * from probabilities to layers are only there when status is "ok".
 * @typedef {object} Result
 * @property {"ok" | "empty" | "problem" | "error"} status  problem: a drawing that is no digit (a dot, ink everywhere)
 * @property {string} message  one line under the Clear button
 * @property {string} [problem]  why the drawing is no digit: an i18n key such as "input_dot"
 * @property {number[]} [probabilities]  ten numbers that sum to 1 (the bars' widths)
 * @property {string[]} [percents]  the same as the course's language writes them, e.g. "99.1%" or "99,1 %"
 * @property {number} [best]  the most probable digit
 * @property {string} [input]  data: URL of the 28×28 digit the network sees
 * @property {string} [saliency]  data: URL of the saliency map
 * @property {string} [saliency_title]
 * @property {Layer[]} [layers]
 * @property {number} [serial]  new for every answer, even to the same picture
 * @property {number} [stroke_count]  how many strokes the answer is for (stale answers have fewer)
 */

/**
 * The pad's words, in the course's language (pad_labels() in drawpad.py).
 * @typedef {{clear: string, draw_here: string, empty: string, probabilities: string, input: string}} Labels
 */

/**
 * The pad's colours as CSS colour strings (PAD_COLOURS in drawpad.py).
 * @typedef {{best: string, other: string, ink: string, paper: string, hint: string}} Colours
 */

/**
 * The model's traits (DrawPad in drawpad.py).
 * @typedef {object} Traits
 * @property {Stroke[]} strokes  the drawing, set here when a stroke ends or by Python
 * @property {Result} result  set by Python in answer to strokes
 * @property {Labels} labels
 * @property {number} canvas_size  the canvas's width and height, in pixels
 * @property {number} stroke_width  the pen's width, in canvas pixels
 * @property {Colours} colours
 */

/** @typedef {import("@anywidget/types").AnyModel<Traits>} Model */

/**
 * The elements render() fills in.
 * @typedef {object} View
 * @property {HTMLDivElement} root  carries data-status, data-best, data-serial and data-busy
 * @property {HTMLCanvasElement} canvas
 * @property {HTMLButtonElement} clearButton
 * @property {HTMLDivElement} message
 * @property {{row: HTMLElement, fill: HTMLElement, value: HTMLElement}[]} rows  one per digit
 * @property {HTMLDivElement} pictures
 * @property {HTMLImageElement} inputImage
 * @property {HTMLImageElement} saliencyImage
 * @property {HTMLElement} saliencyCaption
 * @property {HTMLDivElement} layers
 */

/** @typedef {{strokes: Stroke[], current: Stroke | null}} Drawing  current: the stroke being drawn */

function add(parent, tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  parent.appendChild(node);
  return node;
}

/** @returns {Stroke[]} */
function copyStrokes(strokes) {
  return (strokes || []).map((stroke) => stroke.map((point) => [point[0], point[1]]));
}

/** Middle column: one bar per class. */
function buildScores(parent, labels) {
  const scores = add(parent, "div", "drawpad-scores");
  add(scores, "div", "drawpad-heading", labels.probabilities);
  const rows = [];
  for (let digit = 0; digit < 10; digit++) {
    const row = add(scores, "div", "drawpad-score");
    row.dataset.digit = String(digit);
    add(row, "span", "drawpad-digit", String(digit));
    const fill = add(add(row, "span", "drawpad-bar"), "span", "drawpad-fill");
    const value = add(row, "span", "drawpad-value", "–");
    rows.push({ row, fill, value });
  }
  return rows;
}

/** Right column: what the network sees, and the saliency map. */
function buildPictures(parent, labels) {
  const pictures = add(parent, "div", "drawpad-pictures");
  const inputBox = add(pictures, "figure", "drawpad-picture");
  const inputImage = add(inputBox, "img", "drawpad-input");
  add(inputBox, "figcaption", "", labels.input);
  const saliencyBox = add(pictures, "figure", "drawpad-picture");
  const saliencyImage = add(saliencyBox, "img", "drawpad-saliency");
  const saliencyCaption = add(saliencyBox, "figcaption", "");
  return { pictures, inputImage, saliencyImage, saliencyCaption };
}

/**
 * Builds the pad inside `el`: canvas, Clear and message on the left, the scores, the pictures,
 * and below them every feature map of every layer.
 * @returns {View}
 */
function buildLayout(el, labels, size) {
  const root = add(el, "div", "drawpad");
  const left = add(root, "div", "drawpad-left");
  const canvas = add(left, "canvas", "drawpad-canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.setAttribute("aria-label", labels.draw_here);
  const clearButton = add(left, "button", "drawpad-clear", labels.clear);
  clearButton.type = "button";
  const message = add(left, "div", "drawpad-message");
  const rows = buildScores(root, labels);
  const pictures = buildPictures(root, labels);
  const layers = add(root, "div", "drawpad-layers");
  return { root, canvas, clearButton, message, rows, ...pictures, layers };
}

/** Hands the canvas size and the colours to drawpad.css as custom properties of the root element. */
function setStyleProperties(root, size, colours) {
  root.style.setProperty("--drawpad-canvas-size", `${size}px`);
  for (const [name, value] of Object.entries(colours)) root.style.setProperty(`--drawpad-${name}`, value);
}

/** One stroke in ink: a line, or a dot for a single point. */
function paintStroke(context, stroke) {
  context.beginPath();
  if (stroke.length === 1) {
    context.arc(stroke[0][0], stroke[0][1], context.lineWidth / 2, 0, 2 * Math.PI);
    context.fill();
    return;
  }
  context.moveTo(stroke[0][0], stroke[0][1]);
  for (const [x, y] of stroke.slice(1)) context.lineTo(x, y);
  context.stroke();
}

/**
 * Paints the whole canvas: paper, the hint while it is empty, then every stroke.
 * @param {CanvasRenderingContext2D} context
 * @param {Stroke[]} strokes
 * @param {{size: number, lineWidth: number, colours: Colours, hint: string}} look
 */
function paintCanvas(context, strokes, { size, lineWidth, colours, hint }) {
  context.fillStyle = colours.paper;
  context.fillRect(0, 0, size, size);
  if (strokes.length === 0) {
    context.fillStyle = colours.hint;
    context.font = `${Math.round(size / 16)}px sans-serif`;
    context.textAlign = "center";
    context.fillText(hint, size / 2, size / 2);
  }
  context.strokeStyle = colours.ink;
  context.fillStyle = colours.ink;
  context.lineWidth = lineWidth;
  context.lineCap = "round";
  context.lineJoin = "round";
  for (const stroke of strokes) paintStroke(context, stroke);
}

/**
 * Where a pointer event is on the canvas, in canvas pixels, to 0.1 pixel.
 * @returns {Point}
 */
function pointOf(canvas, size, event) {
  const box = canvas.getBoundingClientRect();
  const x = ((event.clientX - box.left) * size) / box.width;
  const y = ((event.clientY - box.top) * size) / box.height;
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

/**
 * Lets the learner draw: pointer events (mouse, pen, touch) add strokes to `drawing`, calling
 * `repaint` as the pen moves and `finished` when a stroke ends. Returns a function that detaches them.
 * @param {Drawing} drawing
 */
function attachPointer(canvas, size, drawing, { repaint, finished }) {
  const onDown = (event) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing.current = [pointOf(canvas, size, event)];
    drawing.strokes.push(drawing.current);
    repaint();
  };
  const onMove = (event) => {
    if (drawing.current === null) return;
    event.preventDefault();
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    for (const each of events.length ? events : [event]) drawing.current.push(pointOf(canvas, size, each));
    repaint();
  };
  const onUp = () => {
    if (drawing.current === null) return;
    drawing.current = null;
    finished();
  };
  const listeners = { pointerdown: onDown, pointermove: onMove, pointerup: onUp, pointercancel: onUp };
  for (const [type, listener] of Object.entries(listeners)) canvas.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of Object.entries(listeners)) canvas.removeEventListener(type, listener);
  };
}

/**
 * The ten bars and percentages; `result` is null when there is nothing to score. Python writes
 * the percentages, in the course's language; the bars' widths come from the probabilities.
 */
function showScores(rows, result) {
  rows.forEach(({ row, fill, value }, digit) => {
    const p = result ? result.probabilities[digit] : 0;
    fill.style.width = `${(100 * p).toFixed(1)}%`;
    value.textContent = result ? result.percents[digit] : "–";
    row.classList.toggle("drawpad-best", result !== null && digit === result.best);
  });
}

/** The input and saliency pictures; `result` is null when there is nothing to show. */
function showPictures(view, result) {
  view.pictures.style.visibility = result ? "visible" : "hidden";
  if (result) {
    view.inputImage.src = result.input;
    view.saliencyImage.src = result.saliency;
    view.saliencyCaption.textContent = result.saliency_title;
  } else {
    view.inputImage.removeAttribute("src");
    view.saliencyImage.removeAttribute("src");
  }
}

/** @param {Layer[]} layers */
function showLayers(container, layers) {
  container.replaceChildren();
  for (const layer of layers) {
    const box = add(container, "figure", "drawpad-layer");
    box.dataset.layer = layer.name;
    const image = add(box, "img", "drawpad-maps");
    image.src = layer.src;
    image.alt = layer.title;
    add(box, "figcaption", "", layer.title);
  }
}

/**
 * Shows one result: status, message, scores, pictures and feature maps.
 * @param {View} view
 * @param {Result} result
 */
function showResult(view, result) {
  const ok = result.status === "ok";
  const { root, message } = view;
  root.dataset.status = result.status || "empty";
  root.dataset.best = ok ? String(result.best) : "";
  if (result.serial !== undefined) root.dataset.serial = String(result.serial);
  message.textContent = result.message || "";
  message.classList.toggle("drawpad-error", result.status === "error");
  showScores(view.rows, ok ? result : null);
  showPictures(view, ok ? result : null);
  showLayers(view.layers, ok ? result.layers : []);
}

/**
 * Shows Python's answer. An answer to an earlier drawing can arrive while the learner adds
 * strokes: stay busy until Python has seen them all.
 * @param {View} view
 * @param {Result} result
 * @param {number} strokeCount  how many strokes the pad shows now
 */
function receiveResult(view, result, strokeCount) {
  if (result.stroke_count === undefined || result.stroke_count === strokeCount) delete view.root.dataset.busy;
  showResult(view, result);
}

/**
 * Hands the drawing to Python, which answers with a new `result`.
 * @param {Model} model
 * @param {Stroke[]} strokes
 */
function sendStrokes(model, strokes) {
  model.set("strokes", strokes);
  model.save_changes();
}

/** @param {{model: Model, el: HTMLElement}} props */
function render({ model, el }) {
  const labels = model.get("labels");
  const size = model.get("canvas_size");
  const colours = model.get("colours");
  const view = buildLayout(el, labels, size);
  setStyleProperties(view.root, size, colours);
  const context = view.canvas.getContext("2d");
  /** @type {Drawing} */
  const drawing = { strokes: copyStrokes(model.get("strokes")), current: null };
  const look = () => ({ size, lineWidth: model.get("stroke_width"), colours, hint: labels.draw_here });
  const paint = () => paintCanvas(context, drawing.strokes, look());

  const detachPointer = attachPointer(view.canvas, size, drawing, {
    repaint: paint,
    finished: () => {
      view.root.dataset.busy = "true";
      sendStrokes(model, copyStrokes(drawing.strokes));
    },
  });
  const onClear = () => {
    drawing.strokes = [];
    drawing.current = null;
    paint();
    showResult(view, { status: "empty", message: labels.empty });
    sendStrokes(model, []);
  };
  const onResult = () => receiveResult(view, model.get("result"), drawing.strokes.length);
  const onStrokes = () => {
    if (drawing.current !== null) return; // the learner is drawing: keep the stroke under the pen
    drawing.strokes = copyStrokes(model.get("strokes"));
    paint();
  };

  view.clearButton.addEventListener("click", onClear);
  model.on("change:result", onResult);
  model.on("change:strokes", onStrokes);
  paint();
  showResult(view, model.get("result"));
  return () => {
    detachPointer();
    view.clearButton.removeEventListener("click", onClear);
    model.off("change:result", onResult);
    model.off("change:strokes", onStrokes);
  };
}

export default { render };
