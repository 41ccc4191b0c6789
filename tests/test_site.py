"""The course's website (`python3 course.py site`, tools/site.py), built and then read as a visitor would.

The site is built once for this module, from the notebooks' stored outputs, into a temporary
folder (its build time, page count and size go to artifacts/site_build.json). The HTML is
checked as files: every lesson in every language, a Colab button that matches course.toml,
a language switcher that leads to the same page, folded solutions, the drawing pad's picture,
and nothing loaded from another server. Then Chromium (tests/test_browser.py's fixture) opens
it from a local HTTP server on 127.0.0.1: every page loads and shows its figures and its
maths (MathJax, served by the site itself), no link is broken, the switcher leads to the same
lesson, Chinese text is drawn with real glyphs, a solution opens only when clicked, and search
answers. Screenshots go to artifacts/site_*.png.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import nbformat
import pytest
from course_rules import colab_url
from test_browser import (  # noqa: F401 (browser: a fixture)
    ARTIFACTS,
    ROOT,
    assert_all_local,
    assert_real_glyphs,
    browser,
    static_server,
)

_spec = importlib.util.spec_from_file_location("course_site", ROOT / "tools" / "site.py")
course_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(course_site)
LANGUAGES = course_site.LANGUAGES
LESSONS = course_site.lessons("en")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


# --- building and reading the site --------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site, built by the command course.py runs; its figures are kept in artifacts/."""
    output = tmp_path_factory.mktemp("website") / "site"
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "site.py"), str(output)],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"the build failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    stats = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    stats["wall_seconds"] = round(time.perf_counter() - start, 1)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "site_build.json").write_text(json.dumps(stats, indent=2) + "\n")
    return output


class Page(HTMLParser):
    """What the tests read from one HTML page: links, pictures, scripts, styles, ids, details."""

    def __init__(self, text: str):
        super().__init__()
        self.links, self.images, self.resources, self.ids, self.details = [], [], [], set(), []
        self.html_lang = None
        self.switcher, self.colab = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        classes = (attrs.get("class") or "").split()
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if "course-language" in classes:
                self.switcher.append((attrs["hreflang"], attrs["href"], "current" in classes))
            if "course-colab" in classes:
                self.colab.append(attrs["href"])
        elif tag == "img":
            self.images.append(attrs.get("src", ""))
        elif tag == "script" and attrs.get("src"):
            self.resources.append(attrs["src"])
        elif tag == "link" and attrs.get("href"):
            self.resources.append(attrs["href"])
        elif tag == "details":
            self.details.append((tuple(classes), "open" in attrs))


def pages(site: Path) -> dict[str, Path]:
    """Every page of the site by its path ("notebooks/zh/01_linear_baseline.html"); the theme's
    template under _static is no page."""
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("_static/")}


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def lesson_page(lang: str, name: str) -> str:
    return f"{course_site.lesson_folder(lang)}/{name}.html"


def target_file(site: Path, page: str, href: str) -> Path:
    """The file a relative link of ``page`` leads to (query and anchor left out)."""
    path = unquote(urlsplit(urljoin(f"http://site/{page}", href)).path).lstrip("/")
    return site / (path or "index.html")


def is_external(url: str) -> bool:
    """Whether a page would fetch ``url`` from another server (``data:`` URLs are in the page)."""
    return bool(urlsplit(url).netloc) or urlsplit(url).scheme not in ("", "data")


# --- the HTML as files ----------------------------------------------------------------------


def test_every_lesson_has_its_page_in_every_language(site):
    found = pages(site)
    expected = {"index.html", "search.html"}
    for lang in LANGUAGES:
        assert course_site.lessons(lang) == LESSONS, f"{lang} has the same lessons as English"
        expected |= {lesson_page(lang, name) for name in LESSONS}
        expected |= {f"{course_site.readme_name(lang)}.html", f"glossary/{lang}.html"}
    assert expected <= set(found), f"missing pages: {sorted(expected - set(found))}"
    assert len(LESSONS) == 6 and sum(page.startswith("notebooks/") for page in found) == 24
    stats = json.loads((ARTIFACTS / "site_build.json").read_text())
    assert stats["pages"] == len(found) and stats["lesson_pages"] == 24
    for lang in LANGUAGES:
        for page in [lesson_page(lang, name) for name in LESSONS] + [f"glossary/{lang}.html"]:
            assert read(found[page]).html_lang == lang, f"{page} says which language it is in (<html lang>)"


def test_no_link_or_picture_is_broken_and_nothing_loads_from_another_server(site):
    broken, fetched_elsewhere = [], []
    for name, path in pages(site).items():
        page = read(path)
        for url in page.images + page.resources:
            if is_external(url):
                fetched_elsewhere.append(f"{name}: {url}")
            elif not url.startswith("data:") and not target_file(site, name, url).is_file():
                broken.append(f"{name}: {url}")
        for href in page.links:
            if href.startswith(("http://", "https://", "mailto:")) or href.startswith("#"):
                continue
            target = target_file(site, name, href)
            if not target.is_file():
                broken.append(f"{name}: {href}")
            elif urlsplit(href).fragment and target.suffix == ".html":
                if unquote(urlsplit(href).fragment) not in read(target).ids:
                    broken.append(f"{name}: {href} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken[:40])
    assert not fetched_elsewhere, "pages must load nothing from the internet:\n" + "\n".join(fetched_elsewhere[:20])
    assert (site / "_static" / "mathjax" / "tex-mml-chtml.js").is_file()


def test_every_lesson_page_has_a_colab_button_from_course_toml_and_no_badge(site):
    for lang in LANGUAGES:
        for name in LESSONS:
            notebook = f"{course_site.lesson_folder(lang)}/{name}.ipynb"
            page = read(site / lesson_page(lang, name))
            assert page.colab == [colab_url(notebook)], notebook
            assert not any("colab-badge" in src for src in page.images), "the badge's picture is on Colab's server"


def test_the_switcher_on_every_page_leads_to_the_same_page_in_each_language(site):
    for name, path in pages(site).items():
        page = read(path)
        if name in ("index.html", "search.html", "genindex.html"):
            continue
        lang = page.html_lang
        copies = len(page.switcher) // len(LANGUAGES)  # the theme repeats the header in its narrow-screen menu
        assert copies and [code for code, _, _ in page.switcher] == list(LANGUAGES) * copies, f"{name}: a switcher"
        assert [code for code, _, current in page.switcher if current] == [lang] * copies
        for code, href, _ in page.switcher:
            target = target_file(site, name, href).relative_to(site).as_posix()
            if name.startswith("notebooks/"):
                assert target == lesson_page(code, Path(name).stem), (name, code)
            elif name.startswith("glossary/"):
                assert target == f"glossary/{code}.html"
            else:
                assert target == f"{course_site.readme_name(code)}.html"


def test_hints_and_solutions_are_folded_as_in_the_notebooks(site):
    for lang in LANGUAGES:
        for name in LESSONS:
            nb = nbformat.read(ROOT / course_site.lesson_folder(lang) / f"{name}.ipynb", as_version=4)
            stored = sum(cell.source.count('<details class="solution">') for cell in nb.cells
                         if cell.cell_type == "markdown")
            details = read(site / lesson_page(lang, name)).details
            assert sum(classes == ("solution",) for classes, _ in details) == stored > 0, (lang, name)
            assert not any(is_open for _, is_open in details), f"{lang}/{name}: a hint or solution is open"


def test_the_drawing_pad_shows_its_picture_on_every_lesson_06_page(site):
    name = next(n for n in LESSONS if n.startswith("06_"))
    for lang in LANGUAGES:
        text = (site / lesson_page(lang, name)).read_text(encoding="utf-8")
        assert WIDGET_VIEW not in text, "a widget view needs a kernel: the site shows the picture instead"
        cells = re.split(r'<div class="cell docutils container"', text)
        pad_cell = next(cell for cell in cells if "DrawPad" in cell and "look_inside" in cell)
        pictures = re.findall(r'<img [^>]*src="([^"]+\.png)"', pad_cell)
        assert pictures, (f"{lang}: lesson 06 stores no picture of the drawing pad: re-execute it "
                          "(python3 course.py execute notebooks/[xx/]06_visualize_activations.ipynb)")


# --- in the browser -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(site):
    """The site on http://127.0.0.1:<free port>/, for this module's tests; yields (base URL, requests)."""
    with static_server(site) as served:
        yield served


def stored_figures(path: Path) -> int:
    """How many pictures a lesson shows: its figures in markdown and its outputs' PNG pictures."""
    nb = nbformat.read(path, as_version=4)
    markdown = sum(len(re.findall(r"!\[[^\]]*\]\((?!https?:)", cell.source)) for cell in nb.cells
                   if cell.cell_type == "markdown")
    outputs = sum("image/png" in output.get("data", {}) for cell in nb.cells if cell.cell_type == "code"
                  for output in cell.outputs)
    return markdown + outputs


def open_page(driver, url: str) -> None:
    """Load a page and wait until its pictures are loaded and MathJax has finished (if it runs)."""
    driver.get(url)
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        (async () => {
          const deadline = Date.now() + 30000;
          while (document.readyState !== "complete" && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
          if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
          await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
        })().then(() => done(true), () => done(false));
    """)


PAGE_REPORT = """
const site = arguments[0];
return {
  title: document.title,
  lang: document.documentElement.lang,
  images: [...document.images].filter((img) => img.src.startsWith(site))
          .map((img) => ({src: img.src, width: img.naturalWidth})),
  external_images: [...document.images].filter((img) => !img.src.startsWith(site)).map((img) => img.src),
  links: [...document.querySelectorAll("a[href]")].map((a) => a.href).filter((href) => href.startsWith(site)),
  maths: document.querySelectorAll("span.math, div.math").length,
  typeset: document.querySelectorAll("mjx-container").length,
  math_errors: document.querySelectorAll("mjx-merror").length,
};
"""


def test_every_page_loads_with_its_figures_and_maths_and_no_broken_link(site, server, browser):  # noqa: F811 (the fixture)
    base, requests = server
    start = time.perf_counter()
    report, broken = {}, set()
    for name in pages(site):
        open_page(browser, base + name)
        seen = browser.execute_script(PAGE_REPORT, base)
        assert seen["title"], f"{name} did not load"
        assert seen["external_images"] == [], f"{name} shows pictures from elsewhere"
        assert all(img["width"] > 0 for img in seen["images"]), f"{name}: a figure did not load: {seen['images']}"
        assert seen["typeset"] >= seen["maths"], f"{name}: MathJax typeset {seen['typeset']} of {seen['maths']}"
        assert seen["math_errors"] == 0, f"{name}: MathJax could not read a formula"
        assert_all_local(browser, base)  # what scripts and styles fetched too
        for link in seen["links"]:
            if not target_file(site, "", urlsplit(link).path.lstrip("/")).is_file():
                broken.add(f"{name}: {link}")
        report[name] = {"figures": len(seen["images"]), "formulas": seen["typeset"]}
    assert not broken, "broken links:\n" + "\n".join(sorted(broken))
    for lang in LANGUAGES:
        for name in LESSONS:
            stored = stored_figures(ROOT / course_site.lesson_folder(lang) / f"{name}.ipynb")
            assert report[lesson_page(lang, name)]["figures"] == stored > 0, f"{lang}/{name} shows its figures"
    assert report[lesson_page("en", LESSONS[0])]["formulas"] > 10, "lesson 01's maths is typeset"
    failed = sorted({(path, code) for path, code in requests if code >= 400 and path != "/favicon.ico"})
    assert not failed, f"the pages asked for files the site does not have: {failed}"
    (ARTIFACTS / "site_pages.json").write_text(json.dumps(
        {"seconds": round(time.perf_counter() - start, 1), "pages": report}, indent=1, ensure_ascii=False) + "\n")


def test_the_switcher_leads_to_the_same_lesson_in_another_language(server, browser):  # noqa: F811 (the fixture)
    from selenium.webdriver.common.by import By

    base, _ = server
    name = LESSONS[2]
    open_page(browser, base + lesson_page("en", name))
    for lang in ("zh", "es", "fr", "en"):
        browser.find_element(By.CSS_SELECTOR, f'.course-languages a[hreflang="{lang}"]').click()
        open_page(browser, browser.current_url)
        assert browser.current_url == base + lesson_page(lang, name)
        assert browser.execute_script("return document.documentElement.lang") == lang
        current = browser.find_element(By.CSS_SELECTOR, ".course-languages a.current")
        assert current.get_attribute("hreflang") == lang and current.get_attribute("aria-current") == "page"
        title = browser.find_element(By.TAG_NAME, "h1").text
        nb = nbformat.read(ROOT / course_site.lesson_folder(lang) / f"{name}.ipynb", as_version=4)
        heading = nb.cells[0].source.split("\n")[0].removeprefix("# ").replace("\xa0", " ")
        assert title.rstrip("#").strip() == heading.strip()
        colab = browser.find_element(By.CSS_SELECTOR, "a.course-colab")
        assert colab.get_attribute("href") == colab_url(f"{course_site.lesson_folder(lang)}/{name}.ipynb")


def test_chinese_text_and_figure_labels_render(server, browser):  # noqa: F811 (the fixture)
    from selenium.webdriver.common.by import By

    base, _ = server
    open_page(browser, base + lesson_page("zh", LESSONS[1]))
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "site_zh.png"))
    title = browser.find_element(By.TAG_NAME, "h1")
    chinese = [char for char in title.text if "\u4e00" <= char <= "\u9fff"][:4]
    assert len(set(chinese)) >= 3, title.text
    assert_real_glyphs(browser, title, chinese)
    switcher = browser.find_element(By.CSS_SELECTOR, ".course-languages a.current").text
    assert switcher == "中文"
    assert browser.find_element(By.CSS_SELECTOR, "a.course-colab").text == "在 Colab 中打开"
    figure = browser.find_elements(By.CSS_SELECTOR, ".cell_output img")[-1]  # a figure with Chinese labels
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", figure)
    time.sleep(0.3)
    browser.save_screenshot(str(ARTIFACTS / "site_zh_figure.png"))


def test_a_solution_stays_folded_until_clicked(server, browser):  # noqa: F811 (the fixture)
    from selenium.webdriver.common.by import By

    base, _ = server
    open_page(browser, base + lesson_page("fr", LESSONS[1]))
    solution = browser.find_element(By.CSS_SELECTOR, "details.solution")
    body = solution.find_elements(By.XPATH, "./*[not(self::summary)]")
    assert body, "the solution has content besides its summary"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", solution)
    assert solution.get_attribute("open") is None and not any(part.is_displayed() for part in body)
    browser.save_screenshot(str(ARTIFACTS / "site_solution_closed.png"))
    solution.find_element(By.TAG_NAME, "summary").click()
    assert solution.get_attribute("open") is not None and all(part.is_displayed() for part in body)
    browser.save_screenshot(str(ARTIFACTS / "site_solution_open.png"))


def test_search_works_without_internet(server, browser):  # noqa: F811 (the fixture)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = server
    open_page(browser, base + "search.html?q=softmax")
    results = WebDriverWait(browser, 30).until(
        lambda driver: driver.find_elements(By.CSS_SELECTOR, "#search-results ul.search li"))
    hrefs = {link.get_attribute("href") for result in results for link in result.find_elements(By.TAG_NAME, "a")}
    assert base + lesson_page("en", LESSONS[0]) in {href.split("?")[0].split("#")[0] for href in hrefs}
