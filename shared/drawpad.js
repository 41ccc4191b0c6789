// The drawing pad's browser side (an anywidget ES module), used by shared/drawpad.py.
//
// It only records strokes and shows results: when a stroke ends it sends every stroke
// to Python (the `strokes` trait), and Python answers with `result` (probabilities,
// pictures of the feature maps, the saliency map). Pointer events cover mouse, pen and
// touch alike. Element classes and data-* attributes are what tests/test_browser.py reads.

function add(parent, tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  parent.appendChild(node);
  return node;
}

function copyStrokes(strokes) {
  return (strokes || []).map((stroke) => stroke.map((point) => [point[0], point[1]]));
}

function render({ model, el }) {
  const labels = model.get("labels");
  const size = model.get("canvas_size");
  const root = add(el, "div", "drawpad");

  // Left: the canvas, the Clear button and a one-line message.
  const left = add(root, "div", "drawpad-left");
  const canvas = add(left, "canvas", "drawpad-canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.setAttribute("aria-label", labels.draw_here);
  const clearButton = add(left, "button", "drawpad-clear", labels.clear);
  clearButton.type = "button";
  const message = add(left, "div", "drawpad-message");

  // Middle: one bar per class.
  const scores = add(root, "div", "drawpad-scores");
  add(scores, "div", "drawpad-heading", labels.probabilities);
  const rows = [];
  for (let digit = 0; digit < 10; digit++) {
    const row = add(scores, "div", "drawpad-score");
    row.dataset.digit = String(digit);
    add(row, "span", "drawpad-digit", String(digit));
    const bar = add(row, "span", "drawpad-bar");
    const fill = add(bar, "span", "drawpad-fill");
    const value = add(row, "span", "drawpad-value", "–");
    rows.push({ row, fill, value });
  }

  // Right: what the network sees, and the saliency map.
  const pictures = add(root, "div", "drawpad-pictures");
  const inputBox = add(pictures, "figure", "drawpad-picture");
  const inputImage = add(inputBox, "img", "drawpad-input");
  add(inputBox, "figcaption", "", labels.input);
  const saliencyBox = add(pictures, "figure", "drawpad-picture");
  const saliencyImage = add(saliencyBox, "img", "drawpad-saliency");
  const saliencyCaption = add(saliencyBox, "figcaption", "");

  // Below: every feature map of every layer.
  const layers = add(root, "div", "drawpad-layers");

  const context = canvas.getContext("2d");
  let strokes = copyStrokes(model.get("strokes"));
  let current = null; // the stroke being drawn, if any

  function paint() {
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size, size);
    if (strokes.length === 0) {
      context.fillStyle = "#9aa5b1";
      context.font = `${Math.round(size / 16)}px sans-serif`;
      context.textAlign = "center";
      context.fillText(labels.draw_here, size / 2, size / 2);
    }
    context.strokeStyle = "#111111";
    context.fillStyle = "#111111";
    context.lineWidth = model.get("stroke_width");
    context.lineCap = "round";
    context.lineJoin = "round";
    for (const stroke of strokes) {
      if (stroke.length === 1) {
        context.beginPath();
        context.arc(stroke[0][0], stroke[0][1], context.lineWidth / 2, 0, 2 * Math.PI);
        context.fill();
        continue;
      }
      context.beginPath();
      context.moveTo(stroke[0][0], stroke[0][1]);
      for (const [x, y] of stroke.slice(1)) context.lineTo(x, y);
      context.stroke();
    }
  }

  function pointOf(event) {
    const box = canvas.getBoundingClientRect();
    const x = ((event.clientX - box.left) * size) / box.width;
    const y = ((event.clientY - box.top) * size) / box.height;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  }

  function onDown(event) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    current = [pointOf(event)];
    strokes.push(current);
    paint();
  }

  function onMove(event) {
    if (current === null) return;
    event.preventDefault();
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    for (const each of events.length ? events : [event]) current.push(pointOf(each));
    paint();
  }

  function onUp() {
    if (current === null) return;
    current = null;
    root.dataset.busy = "true";
    model.set("strokes", copyStrokes(strokes));
    model.save_changes();
  }

  function onClear() {
    strokes = [];
    current = null;
    paint();
    show({ status: "empty", message: labels.empty });
    model.set("strokes", []);
    model.save_changes();
  }

  function show(result) {
    const ok = result.status === "ok";
    root.dataset.status = result.status || "empty";
    root.dataset.best = ok ? String(result.best) : "";
    if (result.serial !== undefined) root.dataset.serial = String(result.serial);
    message.textContent = result.message || "";
    message.classList.toggle("drawpad-error", result.status === "error");
    rows.forEach(({ row, fill, value }, digit) => {
      const p = ok ? result.probabilities[digit] : 0;
      fill.style.width = `${(100 * p).toFixed(1)}%`;
      value.textContent = ok ? `${(100 * p).toFixed(1)}%` : "–";
      row.classList.toggle("drawpad-best", ok && digit === result.best);
    });
    pictures.style.visibility = ok ? "visible" : "hidden";
    if (ok) {
      inputImage.src = result.input;
      saliencyImage.src = result.saliency;
      saliencyCaption.textContent = result.saliency_title;
    } else {
      inputImage.removeAttribute("src");
      saliencyImage.removeAttribute("src");
    }
    layers.replaceChildren();
    for (const layer of ok ? result.layers : []) {
      const box = add(layers, "figure", "drawpad-layer");
      box.dataset.layer = layer.name;
      const image = add(box, "img", "drawpad-maps");
      image.src = layer.src;
      image.alt = layer.title;
      add(box, "figcaption", "", layer.title);
    }
  }

  function onResult() {
    const result = model.get("result");
    // An answer to an earlier drawing can arrive while the learner adds strokes: stay busy until
    // Python has seen them all.
    if (result.stroke_count === undefined || result.stroke_count === strokes.length) delete root.dataset.busy;
    show(result);
  }

  function onStrokes() {
    if (current !== null) return; // the learner is drawing: keep the stroke under the pen
    strokes = copyStrokes(model.get("strokes"));
    paint();
  }

  canvas.addEventListener("pointerdown", onDown);
  canvas.addEventListener("pointermove", onMove);
  canvas.addEventListener("pointerup", onUp);
  canvas.addEventListener("pointercancel", onUp);
  clearButton.addEventListener("click", onClear);
  model.on("change:result", onResult);
  model.on("change:strokes", onStrokes);
  paint();
  show(model.get("result"));

  return () => {
    model.off("change:result", onResult);
    model.off("change:strokes", onStrokes);
  };
}

export default { render };
