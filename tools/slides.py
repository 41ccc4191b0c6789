"""Slides: every lesson as a reveal.js deck, generated from the notebook itself.

    python3 course.py slides [DIR]     build every deck into DIR (default build/slides)
    python tools/slides.py mark [NB]   store the slide types the rule below gives (all 24 notebooks)

**The slide types** (``cell.metadata.slideshow.slide_type``, what ``jupyter nbconvert --to
slides`` and JupyterLab read) follow a deterministic rule from the English notebook's structure
(``slide_types``), and every translation stores its English notebook's types (the cells
correspond one to one); tests/test_slides.py checks that the stored types equal the rule:

* a level-1 or level-2 heading starts a **slide** (the title, Overview, each numbered section,
  Summary, Exercises, Further reading), a level-3 heading a **subslide** below it;
* every exercise (a markdown cell with a hidden solution, tools/exercises.py) is a subslide of
  its own, its hint and solution folded as in the notebook;
* other cells fill the current subslide until the next one would overflow it: a cell whose
  estimated height (``cell_height``: text lines, code lines, printed lines, figures at the size
  the deck shows them) does not fit starts a new subslide, and a short text introducing a code
  cell moves along with that cell;
* the Setup section (its heading, the setup cell with the Colab install, the imports) and the
  answer-check cells of the exercises (``answer = None``) are **skip**ped: they are for running
  the notebook, not for presenting it.

**The decks** are nbconvert's reveal.js output (``SlidesExporter``) of the stored outputs, nothing
is executed. Nothing loads from the internet: reveal.js 4.6.1 and MathJax 3 come from npm
(tools/web, installed by course.py) and are copied next to the decks; nbconvert's own template
would load jQuery, require.js, MathJax 2 and mermaid from CDNs, so ``TEMPLATE`` replaces those
blocks. Links between lessons lead to the other decks, the figures in images/ are copied, the
Colab badge (an image on colab.research.google.com) becomes a plain link, and links to the
README or the glossary point to the course's repository (course.toml). A slide taller than the
screen scrolls. Layout of DIR::

    DIR/index.html                        the list of decks
    DIR/en/01_linear_baseline.slides.html and es/, zh/, fr/
    DIR/images/                           the figures the lessons show
    DIR/reveal.js/, DIR/mathjax/          the browser libraries (with their licences)
"""

from __future__ import annotations

import base64
import copy
import html
import re
import shutil
import struct
import sys
import time
from pathlib import Path

import jinja2
import nbformat
from exercises import CHECK_CALL, DETAILS, is_exercise
from nbconvert import SlidesExporter
from nbtools import NOTEBOOKS, ROOT, all_notebooks, english_source, format_notebook, language_of
from repository import github_url

from shared.i18n import LANGUAGES, t

WEB_MODULES = ROOT / "tools" / "web" / "node_modules"  # npm ci by course.py (tools/web/package.json)
IMAGES = ROOT / "images"
DEFAULT_DIR = ROOT / "build" / "slides"

# The deck's size in CSS pixels (reveal.js scales it to the screen) and the most a figure may take.
WIDTH, HEIGHT = 1280, 720
FIGURE_MAX_HEIGHT = 460


# ---------------------------------------------------------------------------------------------
# The rule: which cells start a slide or a subslide.

SETUP_CALL = "shared.setup(COURSE_LANG)"  # the first code cell of every lesson
HEADING_MARK = re.compile(r"^(#{1,6}) ")
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")  # a figure of images/ in a cell of its own

# Height estimates in the deck's pixels, fitted to the cells of the English decks as Chromium lays
# them out (typically within 30 px; a subslide's budget leaves room for the error).
BUDGET = HEIGHT - 60          # a subslide's content, under the slide's padding
TEXT_CHARS, TEXT_LINE = 110, 32  # characters per line of text at the deck's width; its height
CODE_CHARS, CODE_LINE = 95, 22   # the same for code and printed output
HEADING = {1: 77, 2: 56, 3: 42}
MARKDOWN_CELL, CODE_CELL = 11, 50  # margins and paddings of a cell
FOLDED = 45       # a closed <details> (hint, solution) shows its summary only
MATH_BLOCK = 55   # a $$ formula $$ of one line
TABLE_ROW, PANDAS_ROW = 43, 36  # a row of a markdown table, of a pandas table in an output
OUTPUT_GAP, FIGURE_GAP = 7, 52


def heading_level(cell) -> int:
    """1 for a markdown cell that starts with "# ", 2 for "## ", 3 for "### "; else 0."""
    match = HEADING_MARK.match(cell.source) if cell.cell_type == "markdown" else None
    return len(match[1]) if match else 0


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, read from its header."""
    return struct.unpack(">II", png[16:24])


def figure_height(width: int, height: int) -> float:
    """A figure's height in the deck: scaled to the deck's width, at most FIGURE_MAX_HEIGHT."""
    return min(height * min(1.0, (WIDTH - 60) / width), FIGURE_MAX_HEIGHT)


def lines(text: str, chars: int) -> int:
    """Lines of ``text`` wrapped at ``chars`` characters."""
    return sum(max(1, -(-len(row) // chars)) for row in text.splitlines())


def markdown_height(source: str) -> float:
    """A markdown cell's height: its blocks (paragraphs and lists, headings, formulas, figures,
    tables) one below the other, and its folded hints and solutions as one line each."""
    height = MARKDOWN_CELL + FOLDED * len(DETAILS.findall(source))
    for block in re.split(r"\n\s*\n", DETAILS.sub("", source).strip()):
        block = block.strip()
        image = MARKDOWN_IMAGE.fullmatch(block)
        if HEADING_MARK.match(block):
            height += HEADING.get(len(HEADING_MARK.match(block)[1]), HEADING[3])
        elif block.startswith("$$"):
            height += MATH_BLOCK
        elif image:
            png = (IMAGES / image[1].rsplit("/", 1)[-1]).read_bytes()[:24]
            height += FIGURE_GAP + figure_height(*png_size(png))
        elif block.startswith("|"):
            height += TABLE_ROW * len(block.splitlines())
        elif block:
            height += TEXT_LINE * lines(block, TEXT_CHARS)
    return height


def output_height(output) -> float:
    """An output's height: printed lines, a figure, a table."""
    data = output.get("data", {})
    if output.output_type == "stream":
        return OUTPUT_GAP + CODE_LINE * lines(output.text.rstrip("\n"), CODE_CHARS)
    if "image/png" in data:
        return FIGURE_GAP + figure_height(*png_size(base64.b64decode(data["image/png"][:32])))
    if "<table" in data.get("text/html", ""):  # a pandas table
        return PANDAS_ROW * data["text/html"].count("<tr")
    # a Keras summary, or a widget: a deck shows its text (there is no kernel behind it)
    return OUTPUT_GAP + CODE_LINE * lines(data.get("text/plain", ""), CODE_CHARS)


def cell_height(cell) -> float:
    """How tall the cell is in a deck, roughly, in the deck's pixels."""
    if cell.cell_type == "markdown":
        return markdown_height(cell.source)
    return CODE_CELL + CODE_LINE * lines(cell.source, CODE_CHARS) + sum(output_height(o) for o in cell.outputs)


def skipped_cells(nb) -> set[int]:
    """The Setup section (from its heading to the next heading) and the exercises' answer checks."""
    cells = nb.cells
    skipped = {i for i, c in enumerate(cells) if c.cell_type == "code" and CHECK_CALL.search(c.source)}
    setup = next((i for i, c in enumerate(cells) if c.cell_type == "code" and SETUP_CALL in c.source), None)
    if setup is not None:
        start = max(i for i in range(setup) if heading_level(cells[i]))
        end = next((i for i in range(setup, len(cells)) if heading_level(cells[i])), len(cells))
        skipped.update(range(start, end))
    return skipped


def slide_types(nb) -> list[str]:
    """The slide type of every cell of an English notebook, by the rule in this module's docstring."""
    cells, skipped = nb.cells, skipped_cells(nb)
    heights = [cell_height(c) for c in cells]
    types, used = [], 0
    for i, cell in enumerate(cells):
        if i in skipped:
            types.append("skip")
            continue
        level, height = heading_level(cell), heights[i]
        together = height  # a text and the code cell it introduces go on one subslide if they fit
        if cell.cell_type == "markdown" and i + 1 < len(cells) and i + 1 not in skipped \
                and cells[i + 1].cell_type == "code":
            together += heights[i + 1]
        if level in (1, 2) or not types:
            kind = "slide"
        elif level == 3 or is_exercise(cell):
            kind = "subslide"
        elif used + together <= BUDGET:
            kind = "-"
        elif together <= BUDGET or used + height > BUDGET:
            kind = "subslide"
        else:
            kind = "-"  # the text and its code fit on no subslide together: the text stays where it fits
        used = used + height if kind == "-" else height
        types.append(kind)
    return types


def expected_types(path: Path) -> list[str]:
    """The slide types ``path`` should store: the rule applied to its English notebook."""
    english = nbformat.read(english_source(path), as_version=4)
    types = slide_types(english)
    if path != english_source(path):
        cells = nbformat.read(path, as_version=4).cells
        if [c.cell_type for c in cells] != [c.cell_type for c in english.cells]:
            raise ValueError(f"{path.relative_to(ROOT)}: its cells do not correspond one to one to "
                             f"{english_source(path).relative_to(ROOT)}'s; its slides cannot follow English")
    return types


def stored_types(path: Path) -> list[str | None]:
    """The slide types ``path`` stores (None for a cell without one)."""
    return [c.metadata.get("slideshow", {}).get("slide_type")
            for c in nbformat.read(path, as_version=4).cells]


def mark(path: Path) -> bool:
    """Store the rule's slide types in ``path`` (nothing else changes); True if they changed."""
    types = expected_types(path)
    if stored_types(path) == types:
        return False
    nb = nbformat.read(path, as_version=4)
    for cell, kind in zip(nb.cells, types):
        cell.metadata["slideshow"] = {"slide_type": kind}
    nbformat.write(nb, path)
    format_notebook(path)
    return True


# ---------------------------------------------------------------------------------------------
# The decks.

# nbconvert's reveal template, without what it would fetch from CDNs (jQuery, require.js,
# mermaid, MathJax 2): reveal.js and MathJax 3 load from the copies next to the decks.
TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}
<script>
window.MathJax = {
  tex: {inlineMath: [["$", "$"], ["\\(", "\\)"]], displayMath: [["$$", "$$"], ["\\[", "\\]"]],
        processEscapes: true, processEnvironments: true},
  svg: {fontCache: "global"}
};
</script>
<script src="{{ resources.course.assets }}/mathjax/tex-svg.js" defer></script>
{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}
<link rel="icon" href="data:,">
<style type="text/css">
.reveal .slides > section > section { max-height: {{ resources.course.height }}px; overflow-y: auto; }
.reveal .jp-OutputArea-output img, .reveal .jp-RenderedMarkdown img {
  max-height: {{ resources.course.figure }}px; width: auto; object-fit: contain; }
.reveal .slides h1, .reveal .slides h2, .reveal .slides h3 { text-transform: none; }
.reveal .jp-RenderedHTMLCommon h1 { font-size: 2em; }
.reveal .jp-RenderedHTMLCommon h2 { font-size: 1.6em; }
.reveal .jp-RenderedHTMLCommon h3 { font-size: 1.3em; }
.reveal details > summary { cursor: pointer; color: #555; }
</style>
{%- endblock html_head_css -%}
{% block footer_js %}
<script src="{{ resources.reveal.url_prefix }}/dist/reveal.js"></script>
<script src="{{ resources.reveal.url_prefix }}/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({
  controls: true, progress: true, hash: true, center: false,
  transition: "{{ resources.reveal.transition }}", slideNumber: "c/t",
  width: {{ resources.course.width }}, height: {{ resources.course.height }},
  plugins: [RevealNotes]
});
</script>
{% endblock footer_js %}
"""

# What to copy from npm's packages next to the decks (paths inside tools/web/node_modules).
REVEAL_FILES = ("reveal.js/LICENSE", "reveal.js/dist/reveal.js", "reveal.js/dist/reveal.css",
                "reveal.js/dist/theme/white.css", "reveal.js/dist/theme/fonts/source-sans-pro",
                "reveal.js/plugin/notes/notes.js")
MATHJAX_FILES = {"mathjax/LICENSE": "mathjax/LICENSE", "mathjax/es5/tex-svg.js": "mathjax/tex-svg.js",
                 "mathjax/es5/input/tex/extensions": "mathjax/input/tex/extensions",
                 "mathjax/es5/ui": "mathjax/ui", "mathjax/es5/a11y": "mathjax/a11y",
                 "mathjax/es5/sre": "mathjax/sre"}  # what tex-svg.js loads on demand, from its folder

ASSETS = ".."  # where a deck (DIR/<lang>/) finds reveal.js/ and mathjax/
MARKDOWN_TARGET = re.compile(r"(\]\(|(?:src|href)=\")([^)\"\s]+)")
WEB_IMAGE = re.compile(r"!\[([^\]]*)\]\(https?://[^)]+\)")  # e.g. the Colab badge


def deck_name(path: Path) -> str:
    """Where a notebook's deck goes inside DIR, e.g. "zh/01_linear_baseline.slides.html"."""
    return f"{language_of(path)}/{path.stem}.slides.html"


def retarget(target: str, notebook_dir: Path) -> str:
    """A link or image address of a notebook, as seen from its deck in DIR/<lang>/."""
    if re.match(r"[a-z][a-z0-9+.-]*:|#", target):
        return target
    path, hash_, fragment = target.partition("#")
    resolved = (notebook_dir / path).resolve()
    if resolved.suffix == ".ipynb" and resolved.is_relative_to(NOTEBOOKS):
        return f"../{deck_name(resolved)}" + hash_ + fragment
    if resolved.is_relative_to(IMAGES):
        return "../images/" + resolved.relative_to(IMAGES).as_posix()
    relative = resolved.relative_to(ROOT).as_posix()
    return github_url(relative) + hash_ + fragment


def deck_notebook(path: Path) -> nbformat.NotebookNode:
    """The notebook as its deck shows it: addresses rewritten for DIR, titled by its heading."""
    nb = copy.deepcopy(nbformat.read(path, as_version=4))
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            source = WEB_IMAGE.sub(r"\1", cell.source)
            cell.source = MARKDOWN_TARGET.sub(lambda m: m[1] + retarget(m[2], path.parent), source)
    nb.metadata["title"] = lesson_title(nb)
    return nb


def lesson_title(nb) -> str:
    """The lesson's title: its first heading, without Markdown's marks."""
    return re.sub(r"[`*_]", "", nb.cells[0].source.splitlines()[0].lstrip("# ")).strip()


def exporter() -> SlidesExporter:
    """nbconvert's slides exporter with TEMPLATE, reveal.js's white theme and no In/Out prompts."""
    return SlidesExporter(extra_loaders=[jinja2.DictLoader({"course_slides.html.j2": TEMPLATE})],
                          template_file="course_slides.html.j2", reveal_url_prefix=f"{ASSETS}/reveal.js",
                          reveal_theme="white", reveal_transition="slide",
                          exclude_input_prompt=True, exclude_output_prompt=True)


def copy_assets(out: Path) -> None:
    """reveal.js, MathJax and the figures of images/, next to the decks."""
    if not (WEB_MODULES / "reveal.js").is_dir():
        sys.exit(f"{WEB_MODULES} lacks reveal.js: run `python3 course.py slides` (it runs npm ci in tools/web)")
    copies = {name: name for name in REVEAL_FILES} | MATHJAX_FILES
    for source, target in copies.items():
        source, target = WEB_MODULES / source, out / target
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)
    shutil.copytree(IMAGES, out / "images", dirs_exist_ok=True)


def build_deck(path: Path, out: Path, slides: SlidesExporter | None = None) -> Path:
    """Write the deck of one notebook into ``out`` (copy_assets supplies what it loads)."""
    slides = slides or exporter()
    slides.language_code = language_of(path)  # <html lang>: fonts, screen readers (ISO 639-1, as nbconvert wants)
    resources = {"metadata": {"name": path.stem, "path": str(path.parent)},
                 "course": {"assets": ASSETS, "width": WIDTH, "height": HEIGHT, "figure": FIGURE_MAX_HEIGHT}}
    body, _ = slides.from_notebook_node(deck_notebook(path), resources=resources)
    body = re.sub(r"<title>(.*) slides</title>", r"<title>\1</title>", body, count=1)  # no English word
    target = out / deck_name(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target


INDEX_TITLE = "Slides · Diapositivas · 幻灯片 · Diapositives"


def write_index(out: Path, paths: list[Path]) -> None:
    """DIR/index.html: every deck, by language, under its lesson's title."""
    sections = []
    for lang in LANGUAGES:
        items = []
        for path in (p for p in paths if language_of(p) == lang):
            title = html.escape(lesson_title(nbformat.read(path, as_version=4)))
            items.append(f'  <li><a href="{deck_name(path)}">{title}</a></li>')
        if items:
            sections.append(f'<section lang="{lang}">\n<h2>{t("language_name", lang)}</h2>\n<ul>\n'
                            + "\n".join(items) + "\n</ul>\n</section>")
    out.joinpath("index.html").write_text(
        f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{INDEX_TITLE}</title>'
        '<link rel="icon" href="data:,"></head>\n'
        f"<body>\n<h1>{INDEX_TITLE}</h1>\n" + "\n".join(sections) + "\n</body>\n</html>\n", encoding="utf-8")


def build(out: Path, paths: list[Path] | None = None) -> list[Path]:
    """Every deck (or those of ``paths``) into ``out``, with what they load; returns the decks."""
    paths = paths or all_notebooks()
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(out)
    slides = exporter()
    decks = [build_deck(path, out, slides) for path in paths]
    write_index(out, paths)
    return decks


def main(argv: list[str]) -> None:
    if argv[:1] == ["mark"]:
        for path in [Path(a).resolve() for a in argv[1:]] or all_notebooks():
            if mark(path):
                print(f"slide types stored in {path.relative_to(ROOT)}")
        return
    if len(argv) > 1:
        sys.exit(__doc__)
    out = Path(argv[0]).resolve() if argv else DEFAULT_DIR
    start = time.perf_counter()
    decks = build(out)
    print(f"{len(decks)} decks in {out} ({time.perf_counter() - start:.1f} s); open {out / 'index.html'}")


if __name__ == "__main__":
    main(sys.argv[1:])
