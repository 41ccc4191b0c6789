"""The drawing pad in a real browser: JupyterLab and headless Chromium, driven by Selenium.

The test starts JupyterLab from this environment on 127.0.0.1 (a free port, a token, no
browser of its own), opens a small notebook written into a temporary folder (a tiny untrained
network with the lesson's layer names, so nothing has to train), runs it, draws a 7 on the pad
with the mouse, and checks that the ten probabilities and the feature maps of every layer
appear, that Clear resets them, and that a dot gets a message instead of a digit. A
screenshot of the pad goes to artifacts/drawpad_browser.png.

It uses Debian's browser and driver (`apt-get install chromium chromium-driver`), never a
downloaded one. Without them the test is skipped, except under CI (the variable CI is set),
where it fails: .ci/run installs them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-dev-shm-usage", "--window-size=1400,1800")

NOTEBOOK_CELLS = [
    """
import keras
import numpy as np
import tensorflow as tf
import shared
shared.setup("en")
""",
    """
# A tiny untrained network with the lesson's layer names: the pad only needs its shapes.
inputs = keras.Input(shape=(28, 28, 1))
x = keras.layers.Conv2D(4, 5, padding="same", activation="relu", name="conv1")(inputs)
x = keras.layers.MaxPooling2D(2, name="pool1")(x)
x = keras.layers.Conv2D(8, 5, padding="same", activation="relu", name="conv2")(x)
x = keras.layers.MaxPooling2D(2, name="pool2")(x)
logits = keras.layers.Dense(10, name="logits")(keras.layers.Flatten()(x))
model = keras.Model(inputs, logits)
LAYERS = ["conv1", "pool1", "conv2", "pool2"]
inspector = keras.Model(model.inputs, [model.get_layer(n).output for n in LAYERS] + [model.output])


def look_inside(image):
    x = tf.constant(image.reshape(1, 28, 28, 1).astype("float32") / 255)
    with tf.GradientTape() as tape:
        tape.watch(x)
        *maps, logits = inspector(x)
        score = tf.reduce_max(logits[0])
    saliency = (tape.gradient(score, x) * x)[0, :, :, 0].numpy()
    return shared.Inspection(tf.nn.softmax(logits[0]).numpy(),
                             {n: m[0].numpy() for n, m in zip(LAYERS, maps)}, saliency)
""",
    """
pad = shared.DrawPad(look_inside)
pad
""",
]

# Runs in the page: waits for JupyterLab, the notebook and its kernel, then runs every cell.
RUN_ALL_CELLS = """
const done = arguments[arguments.length - 1];
(async () => {
  const deadline = Date.now() + 90000;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  while (!(window.jupyterapp && window.jupyterapp.shell.currentWidget
           && window.jupyterapp.shell.currentWidget.sessionContext)) {
    if (Date.now() > deadline) throw new Error("JupyterLab did not open the notebook");
    await sleep(250);
  }
  const panel = window.jupyterapp.shell.currentWidget;
  await panel.context.ready;
  await panel.sessionContext.ready;
  while (!(panel.sessionContext.session && panel.sessionContext.session.kernel
           && panel.sessionContext.session.kernel.status === "idle")) {
    if (Date.now() > deadline) throw new Error("the kernel did not start");
    await sleep(250);
  }
  await window.jupyterapp.commands.execute("notebook:run-all-cells");
  return "started";
})().then(done, (error) => done("error: " + error.message));
"""

# Runs in the page: how many pixels of the pad's canvas are dark ink (the hint text is light grey).
DARK_PIXELS = """
const canvas = document.querySelector(".drawpad-canvas");
const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
let dark = 0;
for (let i = 0; i < data.length; i += 4) if (data[i] < 80) dark++;
return dark;
"""


def require_browser() -> None:
    """Skip (or, under CI, fail) when Chromium, its driver or Selenium are missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the Python package selenium (requirements-dev.txt)")
    if missing:
        reason = (f"browser test needs {', '.join(missing)}: "
                  "run `apt-get install chromium chromium-driver` (Debian) and `python3 course.py test`")
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI must run it: .ci/run installs them)")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c.strip()) for c in NOTEBOOK_CELLS])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    path = folder / "pad_test.ipynb"
    nbformat.write(nb, path)
    return path


def quiet_lab_settings(folder: Path) -> Path:
    """User settings that keep JupyterLab from asking about (and fetching) news."""
    settings = folder / "settings"
    notification = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    return settings


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on 127.0.0.1 serving tmp_path/work; yields (base URL, token)."""
    require_browser()
    work = tmp_path / "work"
    work.mkdir()
    write_notebook(work)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_DATA_DIR=str(tmp_path / "data"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), IPYTHONDIR=str(tmp_path / "ipython"),
               MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="3")
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.open_browser=False",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
               "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               f"--LabApp.user_settings_dir={quiet_lab_settings(tmp_path)}",
               f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_server(base, token, server, tmp_path / "lab.log")
        yield base, token
    finally:
        stop_server(server, log)


def stop_server(server: subprocess.Popen, log) -> None:
    """Stop a JupyterLab started in its own session: the server and the kernels it started, nothing else."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    log.close()


def wait_for_server(base: str, token: str, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with code {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def browser(tmp_path, monkeypatch):
    """Headless Debian Chromium through Debian's chromedriver, with a fresh profile."""
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never try to download anything
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_script_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder and remembers every request's path and status."""

    requests: list[tuple[str, int]]

    def log_request(self, code="-", size="-"):
        self.requests.append((urlsplit(self.path).path, int(code)))

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


@contextlib.contextmanager
def static_server(folder: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """``folder`` on http://127.0.0.1:<free port>/ (the slides, the website); yields that address
    and the list of (path, status) of the requests it answers."""
    requests: list[tuple[str, int]] = []
    handler = type("Handler", (_QuietHandler,), {"requests": requests})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def assert_all_local(driver, origin: str) -> None:
    """Everything the page loaded, its scripts' and styles' fetches included, came from ``origin``
    (or is inline)."""
    loaded = driver.execute_script("return performance.getEntriesByType('resource').map((e) => e.name)")
    assert loaded and all(name.startswith(origin) or name.startswith("data:") for name in loaded), loaded


# Draws each character in ``element``'s font: a missing glyph is drawn as the same empty box for
# every character, so real glyphs give different pictures. Returns [hash, inked pixels] per character.
GLYPHS = """
const [element, chars] = arguments;
const canvas = document.createElement("canvas");
canvas.width = canvas.height = 64;
const context = canvas.getContext("2d");
context.font = getComputedStyle(element).fontWeight + " 48px " + getComputedStyle(element).fontFamily;
return chars.map((char) => {
  context.clearRect(0, 0, 64, 64);
  context.fillText(char, 4, 52);
  const data = context.getImageData(0, 0, 64, 64).data;
  let hash = 0, ink = 0;
  for (let i = 3; i < data.length; i += 4) { hash = (hash * 31 + data[i]) | 0; if (data[i] > 0) ink++; }
  return [hash, ink];
});
"""


def assert_real_glyphs(driver, element, chinese: list[str]) -> None:
    """The Chinese characters ``chinese`` are drawn in ``element``'s font with glyphs of their own
    (and differently from a character no font has: no empty boxes)."""
    drawn = driver.execute_script(GLYPHS, element, [*chinese, "\U0010fffd"])
    assert all(ink > 0 for _, ink in drawn[:-1]), "every character leaves ink"
    assert len({hash_ for hash_, _ in drawn}) == len(drawn), "each Chinese character has a glyph of its own"


def pad_state(driver) -> dict:
    """What the pad shows right now, read from its elements."""
    return driver.execute_script("""
        const root = document.querySelector(".drawpad");
        const rows = [...root.querySelectorAll(".drawpad-score")];
        return {
          status: root.dataset.status, best: root.dataset.best, serial: root.dataset.serial,
          busy: root.dataset.busy !== undefined,
          message: root.querySelector(".drawpad-message").textContent,
          values: rows.map((row) => row.querySelector(".drawpad-value").textContent),
          highlighted: rows.filter((row) => row.classList.contains("drawpad-best")).map((row) => row.dataset.digit),
          layers: [...root.querySelectorAll(".drawpad-layer")].map((layer) => ({
            name: layer.dataset.layer, caption: layer.querySelector("figcaption").textContent,
            loaded: layer.querySelector("img").complete && layer.querySelector("img").naturalWidth > 0})),
          input: root.querySelector(".drawpad-input").getAttribute("src") || "",
        };
    """)


def wait_for(driver, condition, timeout: float, what: str) -> dict:
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = pad_state(driver)
        if condition(state):
            return state
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}; the pad shows {state}")


def test_drawing_updates_the_pad_and_clear_resets_it(lab, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, token = lab
    browser.get(f"{base}/lab/tree/pad_test.ipynb?token={token}")
    assert browser.execute_async_script(RUN_ALL_CELLS) == "started"
    canvas = WebDriverWait(browser, 90).until(lambda d: d.find_element(By.CSS_SELECTOR, ".drawpad-canvas"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", canvas)
    before = wait_for(browser, lambda s: s["status"] == "empty", 30, "the empty pad")
    assert before["values"] == ["–"] * 10 and not before["layers"]
    assert before["message"].startswith("The pad is empty")

    # A 7 in one stroke, with the mouse (pointer events), in canvas-centred offsets.
    (ActionChains(browser).move_to_element_with_offset(canvas, -70, -90).click_and_hold()
     .move_by_offset(50, 0).move_by_offset(50, 0).move_by_offset(40, 0)
     .move_by_offset(-30, 60).move_by_offset(-30, 60).move_by_offset(-30, 70).release().perform())
    drawn = wait_for(browser, lambda s: s["status"] == "ok" and not s["busy"]
                     and all(layer["loaded"] for layer in s["layers"]), 60, "the network's answer")
    assert browser.execute_script(DARK_PIXELS) > 1000, "the stroke is on the canvas"
    assert drawn["highlighted"] == [drawn["best"]], "exactly the best class is highlighted"
    percentages = [float(v.rstrip("%")) for v in drawn["values"]]
    assert abs(sum(percentages) - 100) < 1 and max(percentages) == percentages[int(drawn["best"])]
    assert [layer["name"] for layer in drawn["layers"]] == ["conv1", "pool1", "conv2", "pool2"]
    assert drawn["layers"][0]["caption"] == "conv1: 4 feature maps of 28×28 pixels"
    assert drawn["input"].startswith("data:image/png;base64,")
    assert drawn["message"].startswith("Pred: ")

    pad = browser.find_element(By.CSS_SELECTOR, ".drawpad")
    ARTIFACTS.mkdir(exist_ok=True)
    pad.screenshot(str(ARTIFACTS / "drawpad_browser.png"))

    browser.find_element(By.CSS_SELECTOR, ".drawpad-clear").click()
    cleared = wait_for(browser, lambda s: s["status"] == "empty" and s["serial"] != drawn["serial"]
                       and not s["busy"], 30, "Python's answer to Clear")
    assert cleared["values"] == ["–"] * 10 and cleared["highlighted"] == [] and cleared["layers"] == []
    assert cleared["input"] == "" and cleared["message"].startswith("The pad is empty")
    assert browser.execute_script(DARK_PIXELS) == 0, "the canvas is blank again"
    pad.screenshot(str(ARTIFACTS / "drawpad_browser_cleared.png"))

    # One tap of the pen: a dot is no digit, and the pad says so instead of naming one.
    ActionChains(browser).move_to_element(canvas).click().perform()
    dot = wait_for(browser, lambda s: s["status"] == "problem" and not s["busy"], 30, "the answer to a dot")
    assert dot["values"] == ["–"] * 10 and dot["highlighted"] == [] and dot["layers"] == []
    assert dot["message"].startswith("That is a dot") and dot["input"] == ""
