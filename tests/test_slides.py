"""The slides (tools/slides.py): the slide types stored in the notebooks, the decks built from
them, and one English and one Chinese deck in Chromium, served from a local folder.

The decks are built once for the module (all 24, from the stored outputs; the build time is
printed). The browser test reuses tests/test_browser.py's Chromium: it is skipped without
Chromium, except under CI, where it fails. Screenshots: artifacts/slides_en.png, slides_zh.png.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import nbtools
import pytest
import slides
from course_rules import REQUIRED_HEADINGS
from nbtools import all_notebooks, english_notebooks, language_of
from test_browser import (  # noqa: F401 (browser: a fixture)
    ARTIFACTS,
    assert_all_local,
    assert_real_glyphs,
    browser,
    require_browser,
    static_server,
)

MARK = "run `.venv/bin/python tools/slides.py mark` (it changes only the slide types)"


# ---- the rule and the stored slide types ----------------------------------------------------

def lesson(*cells) -> nbformat.NotebookNode:
    """A notebook from ("md" | "code", source) pairs."""
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(s) if kind == "md" else nbformat.v4.new_code_cell(s) for kind, s in cells])


def test_the_rule_on_a_small_lesson():
    ten_lines = "\n".join(f"x{i} = {i}" for i in range(10))
    nb = lesson(("md", "# Lesson 9: a title"), ("md", "## Overview\n\nWhat you will learn."),
                ("md", "## Setup\n\nThe first cell loads the course's package."),
                ("code", 'COURSE_LANG = "en"\nimport shared\nshared.setup(COURSE_LANG)'), ("code", "import numpy"),
                ("md", "## 1. The data"), *[("code", ten_lines)] * 6, ("md", "### A detail"),
                ("md", "## Exercises"),
                ("md", '**1. Why?** Say why.\n\n<details class="hint"><summary>Hint</summary>\n\nThink.\n\n'
                       '</details>\n\n<details class="solution"><summary>Solution</summary>\n\nBecause.\n\n</details>'),
                ("code", 'answer = None\nshared.check("09.why", answer)'))
    types = slides.slide_types(nb)
    assert types[:6] == ["slide", "slide", "skip", "skip", "skip", "slide"], "headings; the Setup section is skipped"
    assert types[-4:] == ["subslide", "slide", "subslide", "skip"], "level 3; Exercises; an exercise; its check"
    # The six code cells are split into subslides, none fuller than the budget, none that the next cell would fit in.
    groups, height = [], slides.cell_height(nb.cells[5])
    for cell, kind in zip(nb.cells[6:12], types[6:12]):
        if kind == "subslide":
            groups.append(height)
            height = 0
        assert kind != "-" or height + slides.cell_height(cell) <= slides.BUDGET
        height += slides.cell_height(cell)
    assert groups and all(h <= slides.BUDGET for h in groups + [height])
    assert all(h + slides.cell_height(nb.cells[6]) > slides.BUDGET for h in groups), "greedy: no subslide too early"


def test_normal_form_keeps_the_slide_types():
    nb = lesson(("md", "# Title"))
    nb.cells[0].metadata["slideshow"] = {"slide_type": "slide"}
    assert nbtools.normalise(nb).cells[0].metadata == {"slideshow": {"slide_type": "slide"}}


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(nbtools.NOTEBOOKS)))
def test_stored_slide_types_follow_the_rule(path):
    """Every cell has the type the rule gives its English cell: a new or moved cell is noticed."""
    stored, expected = slides.stored_types(path), slides.expected_types(path)
    wrong = [i for i, (s, e) in enumerate(zip(stored, expected)) if s != e]
    assert stored == expected, f"cells {wrong} of {path.name} have other slide types than the rule: {MARK}"


# ---- the decks -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> Path:
    """All 24 decks, built as `python3 course.py slides DIR` builds them."""
    out = tmp_path_factory.mktemp("slides")
    start = time.perf_counter()
    slides.main([str(out)])
    print(f"built {len(all_notebooks())} decks in {time.perf_counter() - start:.1f} s")
    return out


class Addresses(HTMLParser):
    """Every src and href of a page, with its tag, and the text of its scripts and styles."""

    def __init__(self):
        super().__init__()
        self.addresses, self.inline, self._tag = [], [], None

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        self.addresses += [(tag, value) for name, value in attrs if name in ("src", "href") and value]

    def handle_data(self, data):
        if self._tag in ("script", "style"):
            self.inline.append(data)


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(nbtools.NOTEBOOKS)))
def test_deck_follows_the_slide_types_and_loads_only_its_folder(decks, path):
    deck = decks / slides.deck_name(path)
    page = deck.read_text(encoding="utf-8")
    nb = nbformat.read(path, as_version=4)
    types = slides.stored_types(path)
    assert page.count("<section") == 2 * types.count("slide") + types.count("subslide"), "one section per (sub)slide"
    for cell, kind in zip(nb.cells, types):
        assert (f'id="cell-id={cell.id}"' in page) == (kind != "skip"), f"cell {cell.id} ({kind})"
    assert f'<html lang="{language_of(path)}">' in page

    parser = Addresses()
    parser.feed(page)
    for tag, address in parser.addresses:
        if re.match(r"(https?:)?//", address):
            assert tag == "a", f"{deck.name} loads {address} from the internet"
        elif not re.match(r"(#|data:|mailto:)", address):
            target = (deck.parent / address.split("#")[0]).resolve()
            assert target.is_file() and target.is_relative_to(decks), f"{deck.name}: {address} does not resolve"
    inline = "\n".join(parser.inline)
    code = re.sub(r"/\*.*?\*/", "", inline, flags=re.S)  # CSS comments cite their sources
    assert not re.search(r"https?://|url\(\s*['\"]?//", code), f"{deck.name}: an address in a script or style"


def test_the_figures_of_the_lessons_are_copied(decks):
    shown = {m for path in all_notebooks() for m in re.findall(r'src="\.\./images/([^"]+)"',
                                                                (decks / slides.deck_name(path)).read_text())}
    assert shown and all((decks / "images" / name).is_file() for name in shown)
    index = (decks / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{slides.deck_name(p)}"' in index for p in all_notebooks())


# ---- two decks in Chromium --------------------------------------------------------------------

@pytest.fixture
def served(decks):
    """The decks' folder on a local HTTP server (127.0.0.1, a free port); yields its address (ends with /)."""
    require_browser()
    with static_server(decks) as (address, _):
        yield address


# Runs in the page: where the deck is, what its current slide shows.
STATE = """
const slide = Reveal.getCurrentSlide();
const visible = [...slide.querySelectorAll("img")].filter((img) => img.getClientRects().length);
return {ready: Reveal.isReady(), indices: Reveal.getIndices(), total: Reveal.getTotalSlides(),
        images: visible.map((img) => ({src: img.src.slice(0, 60), loaded: img.complete && img.naturalWidth > 0})),
        maths: slide.querySelectorAll("mjx-container svg").length, text: slide.innerText};
"""

# Runs in the page: the slides, as [h, v, how many images, how many formulas] (to pick one).
SLIDES = """
return Reveal.getSlides().map((s) => [Reveal.getIndices(s).h, Reveal.getIndices(s).v || 0,
                                       s.querySelectorAll("img").length, s.querySelectorAll("mjx-container").length]);
"""

# Runs in the page: the subslides holding more than one cell that are taller than the slide. (One
# cell taller than the slide, e.g. a long code cell with its figure, scrolls: it cannot be split.)
OVERFULL = """
document.querySelectorAll(".reveal .slides section").forEach((s) => { s.style.display = "block"; });
return [...document.querySelectorAll(".reveal .slides > section > section")]
  .filter((s) => s.querySelectorAll(".jp-Cell").length > 1 && s.scrollHeight > Reveal.getConfig().height)
  .map((s) => [s.scrollHeight, s.innerText.slice(0, 80)]);
"""


def open_deck(driver, url: str) -> dict:
    """Open a deck and wait until reveal.js is ready and MathJax has drawn its formulas."""
    driver.get(url)
    deadline = time.monotonic() + 30
    while not driver.execute_script("return !!(window.Reveal && Reveal.isReady && Reveal.isReady()"
                                    " && window.MathJax && MathJax.startup && MathJax.startup.promise)"):
        assert time.monotonic() < deadline, f"reveal.js or MathJax did not start on {url}"
        time.sleep(0.2)
    driver.execute_async_script("MathJax.startup.promise.then(() => arguments[0]())")
    driver.execute_script("Reveal.configure({transition: 'none'})")  # no waiting for animations
    return driver.execute_script(STATE)


def assert_no_console_error(driver) -> None:
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


def show(driver, h: int, v: int) -> dict:
    driver.execute_script(f"Reveal.slide({h}, {v})")
    time.sleep(0.3)  # layout, and the figures' decoding
    return driver.execute_script(STATE)


def test_decks_advance_show_figures_and_chinese_in_chromium(served, browser):  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.set_window_size(1280, 800)
    english = slides.deck_name(english_notebooks()[0])
    first = open_deck(browser, served + english)
    assert first["ready"] and first["indices"]["h"] == 0 and first["total"] > 10
    browser.execute_script("Reveal.next()")
    assert browser.execute_script(STATE)["indices"] != first["indices"], "Reveal.next() advances"

    all_slides = browser.execute_script(SLIDES)
    with_figure = [s for s in all_slides if s[2]]
    assert with_figure, "the lesson shows figures"
    for h, v, *_ in with_figure:
        state = show(browser, h, v)
        assert state["images"] and all(img["loaded"] for img in state["images"]), f"slide {h}/{v}: {state['images']}"
    h, v, *_ = next(s for s in all_slides if s[2] and s[3])  # the softmax slide: formulas and a figure
    state = show(browser, h, v)
    assert state["maths"] > 0, "MathJax draws the formulas"
    exercise = browser.execute_script(
        "const s = document.querySelector('.reveal .slides section > section details.solution').closest('section');"
        "return Reveal.getIndices(s);")
    show(browser, exercise["h"], exercise["v"])
    folded = "return [...Reveal.getCurrentSlide().querySelectorAll('details')].map((d) => d.open);"
    assert browser.execute_script(folded) == [False, False], "the hint and the solution are folded"
    browser.execute_script("Reveal.getCurrentSlide().querySelector('details.solution > summary').click()")
    assert browser.execute_script(folded) == [False, True], "a click opens the solution"

    state = show(browser, h, v)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "slides_en.png"))
    assert_all_local(browser, served)
    assert_no_console_error(browser)
    assert browser.execute_script(OVERFULL) == [], "the rule packed too much on these subslides"

    chinese = next(p for p in all_notebooks() if language_of(p) == "zh")
    open_deck(browser, served + slides.deck_name(chinese))
    heading = REQUIRED_HEADINGS["zh"][2]  # Summary
    summary = next(h for h, v, *_ in browser.execute_script(SLIDES)
                   if browser.execute_script(f"return Reveal.getSlide({h}).textContent.trim()").startswith(heading))
    state = show(browser, summary, 0)
    assert re.search(r"[\u4e00-\u9fff]{10}", state["text"]), "the slide is in Chinese"
    text = browser.find_element(By.CSS_SELECTOR, ".reveal .slides section.present li")
    assert_real_glyphs(browser, text, list(dict.fromkeys(re.findall(r"[\u4e00-\u9fff]", text.text)))[:4])
    browser.save_screenshot(str(ARTIFACTS / "slides_zh.png"))
    assert_all_local(browser, served)
    assert_no_console_error(browser)
    assert browser.execute_script(OVERFULL) == [], "the rule packed too much on these subslides"
