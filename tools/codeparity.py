"""What a translation may change in a lesson's code: comments and the text that is only displayed.

A translated notebook runs the English notebook's code. Its translator translates the
comments and the *displayed text*:

- string literals passed straight to ``print``, also the literal parts of an f-string
  (its ``{...}`` fields stay, in any order);
- the message of an ``assert`` and of an exception in a ``raise``;
- docstrings.

Everything else must stay exactly as in English: ``skeleton(source)`` is the code's syntax
tree with the displayed text blanked out, and two cells agree when their skeletons are
equal. A changed layer name, padding mode, number or format spec changes the skeleton.

``merge(translation, english)`` carries a translation's comments and displayed text over
to new English code, line by line (``course.py sync-code``); ``translatable(source)``
lists a cell's comments and displayed text, so that changing them in English makes its
translations stale.
"""

from __future__ import annotations

import ast
import difflib
import io
import tokenize
from typing import NamedTuple

from IPython.core.inputtransformer2 import TransformerManager

LANGUAGE_LINE = "COURSE_LANG"  # the one assignment whose value is the notebook's language
_IPYTHON = TransformerManager()


def parse(source: str) -> ast.Module:
    """The syntax tree of a code cell; IPython's ``%magics`` become ordinary calls first."""
    return ast.parse(_IPYTHON.transform_cell(source))


def displayed(tree: ast.AST) -> list[ast.expr]:
    """The string literals and f-strings of ``tree`` that are only displayed (see the module)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found += node.args
        elif isinstance(node, ast.Assert) and node.msg is not None:
            found.append(node.msg)
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            found.append(node.exc.args[0])
        elif isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.body and isinstance(node.body[0], ast.Expr):
                found.append(node.body[0].value)
    return [node for node in found if _is_text(node)]


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


class _Blank(ast.NodeTransformer):
    """Replace displayed text by "" and an f-string by its ``{...}`` fields, sorted."""

    def __init__(self, targets: list[ast.expr]):
        self.targets = {id(node) for node in targets}

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        if [getattr(target, "id", None) for target in node.targets] == [LANGUAGE_LINE]:
            return ast.Assign(targets=node.targets, value=ast.Constant(value="<language>"), lineno=0)
        return self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        return ast.Constant(value="") if id(node) in self.targets else node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        if id(node) not in self.targets:
            return self.generic_visit(node)
        fields = [value for value in node.values if isinstance(value, ast.FormattedValue)]
        return ast.JoinedStr(values=sorted(fields, key=ast.dump))


def skeleton(source: str) -> str:
    """The code of a cell without its comments and displayed text, as a printed syntax tree."""
    tree = parse(source)
    return ast.dump(_Blank(displayed(tree)).visit(tree))


def agree(translation: str, english: str) -> bool:
    """Whether a translated cell is the English cell but for comments and displayed text."""
    return skeleton(translation) == skeleton(english)


def comments(source: str) -> list[tuple[int, int, int, str]]:
    """Every comment as (line, start column, end column, text); lines count from 1."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [(tok.start[0], tok.start[1], tok.end[1], tok.string) for tok in tokens
            if tok.type == tokenize.COMMENT]


class Span(NamedTuple):
    """A comment or a displayed text: where it is in the cell's source (character offsets), its
    text, and a stand-in that is equal for two texts a translation may exchange (an f-string's
    stand-in keeps its ``{...}`` fields, so that a changed field shows)."""

    start: int
    end: int
    text: str
    stand_in: str


def spans(source: str) -> list[Span]:
    """Every comment and displayed text of a cell, in order."""
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int, in_bytes: bool) -> int:  # ast counts a line's UTF-8 bytes
        text = lines[line - 1] if line <= len(lines) else ""
        return starts[line - 1] + (len(text.encode()[:column].decode()) if in_bytes else column)

    found = [(offset(line, start, False), offset(line, end, False), "#…") for line, start, end, _ in comments(source)]
    blank = len(source) - len(source.lstrip("\n"))  # leading empty lines, which IPython's parse drops
    for node in displayed(parse(source)):
        fields = [ast.dump(v) for v in getattr(node, "values", []) if isinstance(v, ast.FormattedValue)]
        found.append((offset(node.lineno + blank, node.col_offset, True),
                      offset(node.end_lineno + blank, node.end_col_offset, True), "…" + " ".join(sorted(fields))))
    return [Span(start, end, source[start:end], stand_in) for start, end, stand_in in sorted(found)]


def translatable(source: str) -> list[str]:
    """The comments and displayed text of a cell, in order: what a translator translates.

    Displayed text comes as Python writes it back (``ast.unparse``), so that re-wrapping a
    long string over two lines does not count as a change of its text."""
    found = [(line, start, text) for line, start, _, text in comments(source)]
    found += [(node.lineno, node.col_offset, ast.unparse(node)) for node in displayed(parse(source))]
    return [text for *_, text in sorted(found)]


def masked_lines(source: str) -> list[str]:
    """The lines of a cell with every comment and displayed text replaced by its stand-in (line count kept)."""
    for span in reversed(spans(source)):
        source = source[:span.start] + span.stand_in + "\n" * span.text.count("\n") + source[span.end:]
    return source.splitlines()


def merge(translation: str, english: str) -> tuple[str, bool]:
    """New English code with the translation's comments and displayed text kept where it can.

    Lines that match once comments and displayed text are masked keep the translation's
    wording; changed and new lines come from English. Then a displayed text that came from
    English takes the translation's wording of the same text (same stand-in) if the merge
    lost it, e.g. because English wrapped the line. Returns the merged source and whether it
    agrees with English (if not, the caller takes the English cell whole, and a translator
    translates it again).
    """
    if agree(translation, english):
        return translation, True
    ours, theirs = translation.splitlines(), english.splitlines()
    matcher = difflib.SequenceMatcher(None, masked_lines(translation), masked_lines(english), autojunk=False)
    merged = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        merged += ours[i1:i2] if tag == "equal" else theirs[j1:j2]
    source = _reuse_translated_text("\n".join(merged), translation, english)
    try:
        return (source, True) if agree(source, english) else (english, False)
    except SyntaxError:  # a translated text cut in two by a changed line
        return english, False


def _reuse_translated_text(merged: str, translation: str, english: str) -> str:
    english_spans = spans(english)
    english_texts = {span.text for span in english_spans}
    kept = {span.text for span in spans(merged)}
    lost = [span for span in spans(translation) if span.text not in kept and span.text not in english_texts]

    def unique(stand_in: str, among: list[Span]) -> bool:
        return [span.stand_in for span in among].count(stand_in) == 1

    for span in reversed(spans(merged)):
        # Only an f-string whose fields appear once on both sides is surely the same message;
        # plain strings and comments all look alike, so they stay English (and are reported).
        if span.text in english_texts and span.stand_in.startswith("…Formatted") and unique(
                span.stand_in, english_spans) and unique(span.stand_in, lost):
            twin = next(old for old in lost if old.stand_in == span.stand_in)
            merged = merged[:span.start] + twin.text + merged[span.end:]
    return merged


def untranslated(merged: str, translation: str, english: str) -> list[str]:
    """Comments and displayed text of ``merged`` that are English's, where ``translation`` had
    none like them: what sync-code brought in and a translator must translate."""
    before, theirs = set(translatable(translation)), set(translatable(english))
    return [text for text in translatable(merged) if text in theirs and text not in before]
