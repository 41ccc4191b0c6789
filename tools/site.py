"""``python3 course.py site [DIR]``: the course as a static website, in DIR (default build/site).

The site is built from the notebooks' stored outputs, never by running them, with Sphinx and
MyST-NB (``nb_execution_mode = "off"``), both pure Python from PyPI (pinned in
requirements-dev.txt), so it builds offline: in CI and in a classroom without internet.
(Jupyter Book 2 / mystmd was the other candidate; it fetches its theme from the internet when
it builds.) Everything a page loads is in DIR: the pydata-sphinx-theme, Sphinx's search, and
MathJax copied from tools/web/node_modules (npm, pinned in tools/web/package-lock.json).

What the site holds, in the repository's own layout so that every relative link of the
notebooks, the READMEs and the glossary works unchanged:

    index.html                      the four languages, each with the course's title
    README.html, README.es.html...  a landing page per language: the README's introduction and
                                    lesson table (up to its first section), then the lessons
    notebooks/[es|zh|fr/]NN_*.html  the 24 lessons with their stored outputs
    glossary/en.html, es.html...    the learner's glossary in each language

Every page has a language switcher that leads to the same page in the other languages
(``counterparts``); every lesson page has an "Open in Colab" button (``colab_url``, from
course.toml) instead of the notebooks' badge, whose picture comes from the internet. The
hints and solutions stay folded until clicked: they are ``<details>`` blocks in the
notebooks' markdown, which the site keeps as they are. Lesson 06's drawing pad, a widget,
shows as the picture it stores beside its widget view (shared/drawpad.py).

Run it as ``python tools/site.py [DIR]`` from the course's environment (course.py does, after
installing tools/web's npm packages); it prints the page count, the size and the build time.
"""

from __future__ import annotations

import functools
import gettext
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from repository import colab_url

from shared.i18n import LANGUAGES, PAIR_FORMAT, t

ROOT = Path(__file__).resolve().parent.parent

SITE_FILES = ROOT / "tools" / "site"  # the switcher's and the Colab button's templates, the site's CSS
MATHJAX = ROOT / "tools" / "web" / "node_modules" / "mathjax" / "es5"
# What the pages load of MathJax: its TeX-and-MathML to HTML bundle, and what that bundle loads
# when needed (fonts, TeX extensions, the menu's accessibility and speech parts).
MATHJAX_PARTS = ("tex-mml-chtml.js", "output/chtml", "input/tex/extensions", "a11y", "sre", "ui")
DEFAULT_OUTPUT = ROOT / "build" / "site"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# The Colab badge each lesson's first cell shows: its picture comes from Colab's server, so the
# site drops it and puts its own button (colab_url) at the top of the page instead.
COLAB_BADGE = re.compile(r"\n*\[!\[[^\]]*\]\(https://colab\.research\.google\.com/assets/colab-badge\.svg\)\]"
                         r"\(https://colab\.research\.google\.com/[^)\s]+\)\n*")


def lesson_folder(lang: str) -> str:
    """Where a language's lessons are, relative to the course (and to the site)."""
    return "notebooks" if lang == "en" else f"notebooks/{lang}"


def readme_name(lang: str) -> str:
    """A language's README (without .md), which is also the name of its landing page."""
    return "README" if lang == "en" else f"README.{lang}"


def lessons(lang: str) -> list[str]:
    """The lesson names (``01_linear_baseline``, ...) of a language, in order."""
    return sorted(path.stem for path in (ROOT / lesson_folder(lang)).glob("[0-9][0-9]_*.ipynb"))


def language_of(docname: str) -> str | None:
    """The language of a page by its name (``notebooks/zh/02_cnn_raw_ops`` → zh); None for the index."""
    parts = docname.split("/")
    if parts[0] == "notebooks":
        return parts[1] if len(parts) == 3 else "en"
    if parts[0] == "glossary":
        return parts[1]
    if parts[0].startswith("README"):
        return parts[0].partition(".")[2] or "en"
    return None


def counterparts(docname: str) -> dict[str, str]:
    """The same page in every language, by language (the page itself included); empty for the index."""
    lang = language_of(docname)
    if lang is None:
        return {}
    if docname.startswith("notebooks/"):
        name = docname.rsplit("/", 1)[1]
        return {other: f"{lesson_folder(other)}/{name}" for other in LANGUAGES}
    if docname.startswith("glossary/"):
        return {other: f"glossary/{other}" for other in LANGUAGES}
    return {other: readme_name(other) for other in LANGUAGES}


def readme_introduction(lang: str) -> str:
    """A README's part before its first section (its title, introduction and lesson table), whose
    links all point to lessons, READMEs and glossaries, which the site has at the same places."""
    text = (ROOT / f"{readme_name(lang)}.md").read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.DOTALL)  # the translation record
    return text.split("\n## ", 1)[0].strip() + "\n"


def toctree(entries: list[str], caption: str | None = None, hidden: bool = False) -> str:
    """A MyST table of contents: the pages below this one, which the sidebar lists."""
    options = [":maxdepth: 1"] + ([f":caption: {caption}"] if caption else []) + ([":hidden:"] if hidden else [])
    return "```{toctree}\n" + "\n".join(options) + "\n\n" + "\n".join(entries) + "\n```\n"


def landing_page(lang: str) -> str:
    """A language's landing page: the README's introduction, then its lessons and glossary as the
    table of contents that the sidebar and the previous/next links follow."""
    folder = lesson_folder(lang)
    entries = [f"{folder}/{name}" for name in lessons(lang)] + [f"glossary/{lang}"]
    return readme_introduction(lang) + "\n" + toctree(entries, caption=t("site_lessons", lang))


def index_page() -> str:
    """The site's home: the course's title in each language, leading to that language's landing page."""
    lines = ["# TensorFlow 2 · MNIST · Fashion-MNIST", ""]
    for lang in LANGUAGES:
        title = readme_introduction(lang).split("\n", 1)[0].removeprefix("# ")
        link = f"**[{t('language_name', lang)}]({readme_name(lang)}.md)**"
        lines.append("* " + PAIR_FORMAT[lang].format(link, title))  # "label: value" as the language writes it
    return "\n".join(lines) + "\n\n" + toctree([readme_name(lang) for lang in LANGUAGES], hidden=True)


def site_notebook(path: Path) -> nbformat.NotebookNode:
    """A lesson as the site shows it: without the Colab badge (the page has its own button)."""
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    if first.cell_type == "markdown":
        first.source = COLAB_BADGE.sub("\n\n", first.source).strip()
    return nb


def write_sources(source: Path) -> None:
    """The pages Sphinx reads, in the course's layout: landing pages, lessons, glossaries, figures."""
    (source / "index.md").write_text(index_page(), encoding="utf-8")
    for lang in LANGUAGES:
        (source / f"{readme_name(lang)}.md").write_text(landing_page(lang), encoding="utf-8")
        folder = source / lesson_folder(lang)
        folder.mkdir(parents=True, exist_ok=True)
        for name in lessons(lang):
            nbformat.write(site_notebook(ROOT / lesson_folder(lang) / f"{name}.ipynb"), folder / f"{name}.ipynb")
    shutil.copytree(ROOT / "glossary", source / "glossary")
    shutil.copytree(ROOT / "images", source / "images")


def copy_mathjax(static: Path) -> None:
    """The parts of MathJax the pages use, into the site's _static/mathjax (no CDN)."""
    if not (MATHJAX / MATHJAX_PARTS[0]).exists():
        sys.exit(f"MathJax is missing in {MATHJAX}: run `python3 course.py site`, which installs it with npm.")
    for part in MATHJAX_PARTS:
        if (MATHJAX / part).is_dir():
            shutil.copytree(MATHJAX / part, static / "mathjax" / part)
        else:
            (static / "mathjax").mkdir(parents=True, exist_ok=True)
            shutil.copy2(MATHJAX / part, static / "mathjax" / part)


@functools.cache
def interface_words(lang: str) -> gettext.NullTranslations:
    """The words of the pages' frame ("Search", "On this page", "Previous", ...) in ``lang``, from
    the theme's and Sphinx's own translations (Sphinx builds the site once, in English)."""
    import pydata_sphinx_theme
    import sphinx

    words = gettext.NullTranslations()
    for package in (pydata_sphinx_theme, sphinx):  # the theme's words first: it has its own for some
        words.add_fallback(gettext.translation("sphinx", Path(package.__file__).parent / "locale",
                                               languages=[{"zh": "zh_CN"}.get(lang, lang), lang], fallback=True))
    return words


def page_context(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Per page: its language (the ``lang`` of <html>, the frame's words), the switcher's links,
    the Colab address."""
    lang = language_of(pagename) or "en"
    context["language"] = lang
    app.builder.templates.environment.install_gettext_translations(interface_words(lang))
    context["course_languages_label"] = t("site_languages", lang)
    context["course_languages"] = [
        {"code": other, "name": t("language_name", other), "current": other == lang,
         "url": app.builder.get_relative_uri(pagename, docname) or Path(app.builder.get_target_uri(docname)).name}
        for other, docname in counterparts(pagename).items()]
    if pagename.startswith("notebooks/"):
        context["course_colab_url"] = colab_url(f"{pagename}.ipynb")
        context["course_colab_label"] = t("site_colab", lang)


def sphinx_settings(static: Path) -> dict:
    """Sphinx's configuration (there is no conf.py: the sources are written by this script)."""
    return {
        "project": "TensorFlow 2 · MNIST",
        "html_title": "TensorFlow 2 · MNIST",
        "copyright": "the course's authors",
        "extensions": ["myst_nb"],
        "language": "en",
        "root_doc": "index",
        # The stored outputs, as they are: the site never runs a notebook.
        "nb_execution_mode": "off",
        # No widget view (it would need the live kernel and scripts from a CDN): the pad shows the
        # picture stored beside it, the next output type in MyST-NB's order.
        "nb_mime_priority_overrides": [("html", WIDGET_VIEW, None)],
        "nb_ipywidgets_js": {},
        "myst_enable_extensions": ["dollarmath"],
        "mathjax_path": "mathjax/tex-mml-chtml.js",  # relative: inside the site's _static
        "html_theme": "pydata_sphinx_theme",
        "html_theme_options": {
            "navbar_center": [],  # the four languages' tables of contents would crowd it: see the sidebar
            "navbar_end": ["course-languages", "theme-switcher"],
            "article_header_end": ["course-colab"],
            "secondary_sidebar_items": ["page-toc"],
            "footer_start": [],
            "footer_end": [],
            "show_prev_next": True,
        },
        "templates_path": [str(SITE_FILES / "templates")],
        "html_static_path": [str(SITE_FILES / "static"), str(static)],
        "html_css_files": ["course-site.css"],
        "smartquotes": False,  # the text as the notebooks write it (French quotes, apostrophes)
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "html_use_index": False,  # the lessons define no index entries: no empty index page
    }


def build(output: Path, quiet: bool = True) -> dict:
    """Build the site into ``output`` (replacing an earlier site there); return what it holds.
    Sphinx's warnings are errors; ``quiet=False`` also shows its progress."""
    from sphinx.application import Sphinx

    if output.exists():
        if any(output.iterdir()) and not (output / ".buildinfo").exists():
            sys.exit(f"{output} is not empty and holds no site built earlier: choose another folder.")
        shutil.rmtree(output)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="course-site-") as work:
        source, static, html = Path(work, "source"), Path(work, "static"), Path(work, "build", "html")
        source.mkdir()
        write_sources(source)
        copy_mathjax(static)
        # Built inside the temporary folder (MyST-NB writes its output pictures beside the HTML
        # folder, in jupyter_execute/), then moved into place: a failed build leaves no half site.
        app = Sphinx(str(source), None, str(html), str(Path(work, "doctrees")), "html",
                     confoverrides=sphinx_settings(static), status=None if quiet else sys.stdout,
                     warning=sys.stderr, freshenv=True, warningiserror=True, parallel=2)
        app.connect("html-page-context", page_context, priority=100)  # before the theme looks at the page
        app.build()
        if app.statuscode:
            sys.exit(app.statuscode)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(html, output)
    # Every HTML file is a page, except a template the theme leaves in _static.
    pages = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html")
                   if not path.relative_to(output).as_posix().startswith("_static/"))
    return {"seconds": round(time.perf_counter() - start, 1),
            "pages": len(pages),
            "lesson_pages": sum(1 for page in pages if page.startswith("notebooks/")),
            "megabytes": round(sum(p.stat().st_size for p in output.rglob("*") if p.is_file()) / 1e6, 1)}


def main(argv: list[str]) -> None:
    output = Path(argv[0]).resolve() if argv else DEFAULT_OUTPUT
    print("Building the website from the notebooks' stored outputs (about ten seconds) ...", flush=True)
    stats = build(output)
    print(json.dumps(stats))
    print(f"The website is in {output}: {stats['pages']} pages ({stats['lesson_pages']} lessons), "
          f"{stats['megabytes']} MB, built in {stats['seconds']} s. Open {output / 'index.html'} in a browser.")


if __name__ == "__main__":
    main(sys.argv[1:])
