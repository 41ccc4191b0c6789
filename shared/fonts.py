"""Fonts for figures: Latin text in DejaVu Sans, Chinese in Noto Sans CJK SC.

Matplotlib's default font has no Chinese glyphs, so Chinese labels would come
out as empty boxes. The course installs the ``mplfonts`` package, which ships
Noto Sans CJK SC (SIL Open Font License), and registers it with Matplotlib;
fonts already on the system are used when that package is missing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import matplotlib
from matplotlib import font_manager

from .i18n import t

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "PingFang SC", "Microsoft YaHei", "SimHei")


def _register_packaged_font() -> None:
    """Add the Noto Sans CJK SC file that ships inside ``mplfonts``, if installed.

    Only the font file is used; the package's own code is not imported.
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        return
    path = Path(spec.submodule_search_locations[0]) / "fonts" / "NotoSansCJKsc-Regular.otf"
    if path.is_file():
        font_manager.fontManager.addfont(str(path))


def cjk_family() -> str | None:
    """The name of an installed font with Chinese glyphs, or None."""
    _register_packaged_font()
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FAMILIES if name in installed), None)


def use_course_fonts(lang: str) -> None:
    """Set Matplotlib's fonts so that labels in ``lang`` render with real glyphs."""
    family = cjk_family()
    if family is None and lang == "zh":
        raise RuntimeError(t("fonts_no_cjk", lang))
    # Latin text first, Chinese glyphs from the fallback font.
    matplotlib.rcParams["font.family"] = ["DejaVu Sans"] + ([family] if family else [])
    matplotlib.rcParams["axes.unicode_minus"] = True
