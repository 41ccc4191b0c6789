"""Draw the course's explanatory figures into images/ from code.

    .venv/bin/python tools/make_figures.py

Figures use symbols and numbers only, so one file serves every language.
Re-run after editing; a test checks that every figure a notebook references exists.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

IMAGES = Path(__file__).resolve().parent.parent / "images"


def linear_model() -> Figure:
    """784 inputs, one weighted sum per class, softmax, ten probabilities."""
    fig = Figure(figsize=(8, 3.4))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 10)
    ax.set_ylim(-0.6, 11.2)
    ax.axis("off")
    inputs = [9.5, 8.5, 7.5, 5.0, 2.0, 1.0]
    names = ["$x_1$", "$x_2$", "$x_3$", "$\\vdots$", "$x_{783}$", "$x_{784}$"]
    for y, name in zip(inputs, names):
        if name != "$\\vdots$":
            ax.add_patch(_box(0.6, y, "#dddddd"))
        ax.text(0.6, y, name, ha="center", va="center", fontsize=11)
    outputs = [9.0, 7.0, 5.0, 3.0, 1.0]
    labels = ["0", "1", "$\\vdots$", "8", "9"]
    for y, label in zip(outputs, labels):
        if label == "$\\vdots$":
            ax.text(5.0, y, label, ha="center", va="center", fontsize=12)
            continue
        ax.add_patch(_box(5.0, y, "#cfe2f3", width=1.6))
        ax.text(5.0, y, f"$z_{{{label}}}=\\sum_i x_i W_{{i,{label}}} + b_{{{label}}}$", ha="center",
                va="center", fontsize=8)
        ax.add_patch(_box(8.6, y, "#d9ead3", width=1.2))
        ax.text(8.6, y, f"$p({label})$", ha="center", va="center", fontsize=10)
        for x_y in (inputs[0], inputs[1], inputs[2], inputs[4], inputs[5]):
            ax.add_patch(FancyArrowPatch((0.95, x_y), (4.15, y), arrowstyle="-", color="#999999",
                                         linewidth=0.5))
    ax.add_patch(_box(7.0, 5.0, "#fff2cc", width=0.9, height=9.4))
    ax.text(7.0, 5.0, "softmax", ha="center", va="center", rotation=90, fontsize=12)
    ax.text(0.6, 10.5, "$x \\in \\mathbb{R}^{784}$", ha="center", fontsize=11)
    ax.text(5.0, 10.5, "$z = xW + b \\in \\mathbb{R}^{10}$", ha="center", fontsize=11)
    ax.text(8.6, 10.5, "$p = \\mathrm{softmax}(z)$", ha="center", fontsize=11)
    return fig


def _box(x: float, y: float, colour: str, width: float = 0.7, height: float = 0.8):
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0.05",
                          facecolor=colour, edgecolor="#555555", linewidth=0.8)


FIGURES = {"01_linear_model.png": linear_model}


def main() -> None:
    IMAGES.mkdir(exist_ok=True)
    for name, draw in FIGURES.items():
        draw().savefig(IMAGES / name, dpi=110, metadata={"Software": None})
        print(f"wrote images/{name}")


if __name__ == "__main__":
    main()
