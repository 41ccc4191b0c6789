"""Hidden solutions in a real browser: JupyterLab shows an exercise's hint and solution
folded until the learner clicks, in every language. It reuses the JupyterLab server and
headless Chromium of tests/test_browser.py and leaves screenshots in artifacts/."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from exercises import exercises
from nbtools import NOTEBOOKS, TRANSLATIONS
from test_browser import ARTIFACTS, browser, lab  # noqa: F401 (fixtures)

from shared import i18n

# Runs in the page: waits for the notebook, scrolls its cell `index` into view and returns
# what the learner sees of each <details> block in it.
SHOW_CELL = """
const [index, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const deadline = Date.now() + 60000;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  while (!(window.jupyterapp && window.jupyterapp.shell.currentWidget
           && window.jupyterapp.shell.currentWidget.content)) {
    if (Date.now() > deadline) throw new Error("JupyterLab did not open the notebook");
    await sleep(250);
  }
  const panel = window.jupyterapp.shell.currentWidget;
  await panel.context.ready;
  const notebook = panel.content;
  const cell = notebook.widgets[index];
  await notebook.scrollToItem(index, "start");
  while (cell.node.querySelectorAll("details").length < 2) {
    if (Date.now() > deadline) throw new Error("the exercise cell was not rendered");
    await sleep(250);
  }
  cell.node.setAttribute("data-test-exercise", "");
  return "shown";
})().then(done, (error) => done("error: " + error.message));
"""


def blocks(driver) -> list[dict]:
    """Each <details> block of the marked cell: its summary, whether it is open, and whether
    its content (everything but the summary) is rendered and makes the block taller than its summary."""
    return driver.execute_script("""
        return [...document.querySelectorAll("[data-test-exercise] details")].map((d) => ({
          summary: d.querySelector("summary").textContent,
          open: d.open,
          visible: d.getBoundingClientRect().height - d.querySelector("summary").getBoundingClientRect().height > 2
            && [...d.children].filter((c) => c.tagName !== "SUMMARY").some((c) => c.checkVisibility()),
        }));
    """)


@pytest.mark.parametrize("lang", ("en", *TRANSLATIONS))
def test_jupyterlab_shows_hint_and_solution_only_when_clicked(lab, browser, tmp_path, lang):  # noqa: F811
    from selenium.webdriver.common.by import By

    source = (NOTEBOOKS / lang if lang != "en" else NOTEBOOKS) / "01_linear_baseline.ipynb"
    shutil.copy(source, tmp_path / "work" / source.name)
    index = exercises(nbformat.read(source, as_version=4))[0]
    base, token = lab
    browser.get(f"{base}/lab/tree/{source.name}?token={token}")
    assert browser.execute_async_script(SHOW_CELL, index) == "shown"
    hint, solution = i18n.t("hint", lang), i18n.t("solution", lang)
    closed = blocks(browser)
    assert closed == [{"summary": hint, "open": False, "visible": False},
                      {"summary": solution, "open": False, "visible": False}]
    cell = browser.find_element(By.CSS_SELECTOR, "[data-test-exercise]")
    ARTIFACTS.mkdir(exist_ok=True)
    cell.screenshot(str(ARTIFACTS / f"exercise_closed_{lang}.png"))

    browser.find_elements(By.CSS_SELECTOR, "[data-test-exercise] summary")[1].click()
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", cell)
    opened = blocks(browser)
    assert opened[1] == {"summary": solution, "open": True, "visible": True}
    assert opened[0]["open"] is False
    assert cell.find_elements(By.CSS_SELECTOR, "details[open] pre"), "the solution's code is shown"
    cell.screenshot(str(ARTIFACTS / f"exercise_solution_open_{lang}.png"))
