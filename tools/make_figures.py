"""Draw the course's explanatory figures into images/ from code.

    .venv/bin/python tools/make_figures.py

Figures use symbols and numbers only, so one file serves every language.
Re-run after editing; a test checks that every figure a notebook references exists.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from shared.plots import no_ticks

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


# ---- Lesson 02: the convolutional network, piece by piece -------------------------------------

RED, GREEN, PURPLE, ORANGE = "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"


def _digit_seven() -> np.ndarray:
    """A handwritten-looking 7 drawn from two strokes, as a 28×28 array of grey levels 0–1."""
    rows, cols = np.mgrid[0:28, 0:28]
    distance = np.full((28, 28), np.inf)
    for (r0, c0), (r1, c1) in (((7.0, 6.5), (6.5, 20.5)), ((6.5, 20.5), (23.0, 11.5))):
        length = np.hypot(r1 - r0, c1 - c0)
        along = np.clip(((rows - r0) * (r1 - r0) + (cols - c0) * (c1 - c0)) / length**2, 0, 1)
        distance = np.minimum(distance, np.hypot(rows - (r0 + along * (r1 - r0)), cols - (c0 + along * (c1 - c0))))
    return np.clip(2.0 - distance, 0, 1)


def _correlate(image: np.ndarray, kernel: np.ndarray, stride: int = 1) -> np.ndarray:
    """What tf.nn.conv2d computes for one channel with 'same' padding (a cross-correlation)."""
    k = kernel.shape[0]
    padded = np.pad(image, k // 2)
    size = image.shape[0]
    return np.array([[np.sum(padded[i:i + k, j:j + k] * kernel) for j in range(0, size, stride)]
                     for i in range(0, size, stride)])


HORIZONTAL_EDGE = np.array([[-1, -1, -1, -1, -1],
                            [-1, -1, -1, -1, -1],
                            [2, 2, 2, 2, 2],
                            [0, 0, 0, 0, 0],
                            [0, 0, 0, 0, 0]], dtype=float) / 2


def _cells(ax, values: np.ndarray, colours=None, fmt: str = "{:g}", fontsize: int = 10,
           edge: str = "#555555") -> None:
    """Draw a small matrix as a table of numbered cells, row 0 at the top."""
    n_rows, n_cols = values.shape
    for (r, c), value in np.ndenumerate(values):
        colour = "white" if colours is None else colours[r][c]
        ax.add_patch(Rectangle((c, n_rows - 1 - r), 1, 1, facecolor=colour, edgecolor=edge, linewidth=0.8))
        if fmt:
            ax.text(c + 0.5, n_rows - 0.5 - r, fmt.format(value), ha="center", va="center", fontsize=fontsize)
    ax.set_xlim(-0.1, n_cols + 0.1)
    ax.set_ylim(-0.1, n_rows + 0.1)
    ax.set_aspect("equal")
    ax.axis("off")


def network_flow() -> Figure:
    """The data flow of lessons 02 and 03: shapes of the tensors from image to probabilities."""
    fig = Figure(figsize=(13, 3.2))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.axis("off")
    ax.imshow(_digit_seven(), cmap="binary", extent=(0, 2, 0, 2), zorder=2)
    ax.add_patch(Rectangle((0, 0), 2, 2, fill=False, edgecolor="#555555", linewidth=0.8, zorder=3))
    ax.text(1, -0.3, "28×28×1", ha="center", va="top", fontsize=10)
    gap = 1.55

    def stack(x: float, side: float, layers: int, colour: str, label: str) -> float:
        offset = 0.06
        for i in reversed(range(layers)):
            ax.add_patch(Rectangle((x + i * offset, i * offset), side, side, facecolor=colour,
                                   edgecolor="#555555", linewidth=0.7))
        right = x + side + (layers - 1) * offset
        ax.text((x + right) / 2, -0.3, label, ha="center", va="top", fontsize=10)
        return right

    def bar(x: float, height: float, colour: str, label: str) -> float:
        ax.add_patch(Rectangle((x, 1.0 - height / 2), 0.3, height, facecolor=colour, edgecolor="#555555",
                               linewidth=0.8))
        ax.text(x + 0.15, min(-0.3, 1.0 - height / 2 - 0.15), label, ha="center", va="top", fontsize=10)
        return x + 0.3

    def arrow(x0: float, *labels: str) -> float:
        x1 = x0 + gap
        ax.add_patch(FancyArrowPatch((x0 + 0.12, 1.0), (x1 - 0.12, 1.0), arrowstyle="-|>", mutation_scale=12,
                                     color="#333333"))
        for i, text in enumerate(labels):
            ax.text((x0 + x1) / 2, 2.95 - 0.36 * i, text, ha="center", va="center", fontsize=9,
                    family="monospace")
        return x1

    x = arrow(2.0, "conv2d", "5×5×1×16", "+ relu")
    x = arrow(stack(x, 2.0, 8, "#cfe2f3", "28×28×16"), "max_pool2d", "2×2")
    x = arrow(stack(x, 1.0, 8, "#cfe2f3", "14×14×16"), "conv2d", "5×5×16×36", "+ relu")
    x = arrow(stack(x, 1.0, 12, "#d9d2e9", "14×14×36"), "max_pool2d", "2×2")
    x = arrow(stack(x, 0.5, 12, "#d9d2e9", "7×7×36"), "reshape")
    x = arrow(bar(x, 2.8, "#fff2cc", "1764"), "matmul", "1764×128", "+ relu")
    x = arrow(bar(x, 1.8, "#d9ead3", "128"), "matmul", "128×10")
    ax.text(x + 0.15, 1.75, "$z$", ha="center", fontsize=12)
    x = arrow(bar(x, 1.0, "#f4cccc", "10"), "softmax")
    ax.text(x + 0.15, 1.75, "$p$", ha="center", fontsize=12)
    x = bar(x, 1.0, "#d9ead3", "10")
    ax.set_xlim(-0.2, x + 0.2)
    ax.set_ylim(-0.75, 3.25)
    return fig


def convolution() -> Figure:
    """A 5×5 filter slides over a 7; at each position, one dot product makes one output pixel."""
    seven = _digit_seven()
    output = _correlate(seven, HORIZONTAL_EDGE)
    fig = Figure(figsize=(11, 4.2), layout="constrained")
    image_ax, times_ax, kernel_ax, equals_ax, output_ax = fig.subplots(
        1, 5, width_ratios=(4, 0.5, 2.2, 0.5, 4))
    image_ax.imshow(seven, cmap="binary", vmin=0, vmax=1)
    image_ax.set_title("$x$  (28×28)")
    limit = np.abs(output).max()
    output_ax.imshow(output, cmap="seismic", vmin=-limit, vmax=limit)
    output_ax.set_title("$y = x * w$  (28×28)")
    positions = ((6, 8, ORANGE), (9, 15, GREEN), (20, 20, PURPLE))  # centre row, column, colour
    for row, col, colour in positions:
        image_ax.add_patch(Rectangle((col - 2.5, row - 2.5), 5, 5, fill=False, edgecolor=colour, linewidth=2.2))
        output_ax.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False, edgecolor=colour, linewidth=2.2))
    image_ax.add_patch(FancyArrowPatch((6, 1.8), (13, 1.8), arrowstyle="-|>", mutation_scale=12, color=ORANGE))
    image_ax.add_patch(FancyArrowPatch((4.5, 3), (4.5, 10), arrowstyle="-|>", mutation_scale=12, color=ORANGE))
    kernel_colours = [["#f4a6a6" if v > 0 else "#a6c8f4" if v < 0 else "white" for v in row]
                      for row in HORIZONTAL_EDGE]
    _cells(kernel_ax, HORIZONTAL_EDGE, kernel_colours, fmt="{:g}", fontsize=9)
    kernel_ax.set_title("$w$  (5×5)")
    kernel_ax.axis("on")
    kernel_ax.set_frame_on(False)
    for ax in (image_ax, output_ax, kernel_ax):
        no_ticks(ax)
    for ax, symbol in ((times_ax, "$*$"), (equals_ax, "$=$")):
        ax.axis("off")
        ax.text(0.5, 0.5, symbol, ha="center", va="center", fontsize=26, transform=ax.transAxes)
    fig.supxlabel("$y_{i,j} = \\sum_{u=-2}^{2}\\ \\sum_{v=-2}^{2}\\ x_{i+u,\\,j+v}\\; w_{u,v}\\; (+\\, b)$",
                  fontsize=13)
    return fig


def _sliding(ax, size: int, kernel: int, windows, pad: int = 0, title: str = "", margin: int = 0) -> None:
    """An input grid of ``size``×``size`` cells (plus ``pad`` zero cells around) with outlined windows.

    ``margin`` leaves that many empty cells around, so that grids of different sizes share one cell size.
    """
    total = size + 2 * pad
    colours = [["#eeeeee" if pad <= r < pad + size and pad <= c < pad + size else "white"
                for c in range(total)] for r in range(total)]
    values = np.zeros((total, total))
    _cells(ax, values, colours, fmt="", edge="#999999")
    if pad:
        for r in range(total):
            for c in range(total):
                if not (pad <= r < pad + size and pad <= c < pad + size):
                    ax.text(c + 0.5, total - 0.5 - r, "0", ha="center", va="center", fontsize=8, color="#888888")
    for row, col, colour in windows:
        ax.add_patch(Rectangle((col, total - row - kernel), kernel, kernel, facecolor=colour, alpha=0.15))
        ax.add_patch(Rectangle((col, total - row - kernel), kernel, kernel, fill=False, edgecolor=colour,
                               linewidth=2.4))
    ax.set_xlim(-margin - 0.1, total + margin + 0.1)
    ax.set_ylim(-margin - 0.1, total + margin + 0.1)
    ax.set_title(title, fontsize=11)


def _output(ax, size: int, marked, title: str, scale: int) -> None:
    """An output grid with the cells of ``marked`` coloured, drawn at the cell size of a ``scale``-wide input."""
    colours = [["#eeeeee"] * size for _ in range(size)]
    for row, col, colour in marked:
        colours[row][col] = colour
    _cells(ax, np.zeros((size, size)), colours, fmt="", edge="#999999")
    ax.set_xlim(-0.1, scale + 0.1)
    ax.set_ylim(size - scale - 0.1, size + 0.1)
    ax.set_title(title, fontsize=11, loc="left")


def stride() -> Figure:
    """A 3×3 filter on a 7×7 input, moved by 1 or by 2 cells: 5×5 or 3×3 outputs."""
    fig = Figure(figsize=(8.5, 6.2), layout="constrained")
    axes = fig.subplots(2, 3, width_ratios=(7, 1.2, 7))
    for row_axes, step, out_size in ((axes[0], 1, 5), (axes[1], 2, 3)):
        windows = [(0, 0, ORANGE), (0, step, GREEN), (step, 0, PURPLE)]
        _sliding(row_axes[0], 7, 3, windows, title=f"7×7,  3×3,  $s = {step}$")
        row_axes[1].axis("off")
        row_axes[1].add_patch(FancyArrowPatch((0.1, 0.5), (0.9, 0.5), arrowstyle="-|>", mutation_scale=16,
                                              color="#333333", transform=row_axes[1].transAxes))
        _output(row_axes[2], out_size, [(0, 0, ORANGE), (0, 1, GREEN), (1, 0, PURPLE)], f"{out_size}×{out_size}",
                scale=7)
    return fig


def padding() -> Figure:
    """padding='valid' shrinks the output; padding='same' adds zeros around so the size stays."""
    fig = Figure(figsize=(8.5, 6.4), layout="constrained")
    axes = fig.subplots(2, 3, width_ratios=(7, 1.2, 7))
    cases = (("padding='valid'", 0, 3), ("padding='same'", 1, 5))
    for row_axes, (name, pad, out_size) in zip(axes, cases):
        windows = [(0, 0, ORANGE), (0, 1, GREEN)]
        _sliding(row_axes[0], 5, 3, windows, pad=pad, title=f"{name}:  5×5,  3×3", margin=1 - pad)
        row_axes[1].axis("off")
        row_axes[1].add_patch(FancyArrowPatch((0.1, 0.5), (0.9, 0.5), arrowstyle="-|>", mutation_scale=16,
                                              color="#333333", transform=row_axes[1].transAxes))
        _output(row_axes[2], out_size, [(0, 0, ORANGE), (0, 1, GREEN)], f"{out_size}×{out_size}", scale=7)
    return fig


def relu_and_pooling() -> Figure:
    """ReLU sets negative values to zero; 2×2 max-pooling keeps the largest of every 2×2 block."""
    values = np.array([[3, -1, 0, 2], [-4, 1, -2, 5], [2, 6, -3, -1], [-5, 0, 4, 1]], dtype=float)
    rectified = np.maximum(values, 0)
    pooled = rectified.reshape(2, 2, 2, 2).max(axis=(1, 3))
    block_colours = [["#fde9d9", "#e2f0d9"], ["#e4dff0", "#fff2cc"]]

    def colours(size: int, block: int):
        return [[block_colours[r // block][c // block] for c in range(size)] for r in range(size)]

    fig = Figure(figsize=(12, 3.4), layout="constrained")
    curve_ax, values_ax, arrow1, relu_ax, arrow2, pool_ax = fig.subplots(1, 6, width_ratios=(3, 3, 1, 3, 1, 1.7))
    x = np.linspace(-3, 3, 61)
    curve_ax.plot(x, np.maximum(x, 0), color=RED, linewidth=2.5)
    curve_ax.axhline(0, color="#999999", linewidth=0.8)
    curve_ax.axvline(0, color="#999999", linewidth=0.8)
    curve_ax.set_xlabel("$x$")
    curve_ax.set_title("$\\mathrm{relu}(x) = \\max(0, x)$")
    curve_ax.set_aspect("equal")
    curve_ax.grid(alpha=0.3)
    _cells(values_ax, values, colours(4, 2), fmt="{:g}", fontsize=12)
    values_ax.set_title("$x$  (4×4)")
    _cells(relu_ax, rectified, colours(4, 2), fmt="{:g}", fontsize=12)
    relu_ax.set_title("relu($x$)  (4×4)")
    _cells(pool_ax, pooled, block_colours, fmt="{:g}", fontsize=12)
    pool_ax.set_title("2×2", fontsize=11)
    for ax, label in ((arrow1, "relu"), (arrow2, "max\n2×2")):
        ax.axis("off")
        ax.add_patch(FancyArrowPatch((0.05, 0.5), (0.95, 0.5), arrowstyle="-|>", mutation_scale=16,
                                     color="#333333", transform=ax.transAxes))
        ax.text(0.5, 0.62, label, ha="center", va="bottom", fontsize=10, family="monospace",
                transform=ax.transAxes)
    return fig


FIGURES = {
    "01_linear_model.png": linear_model,
    "02_network.png": network_flow,
    "02_convolution.png": convolution,
    "02_stride.png": stride,
    "02_padding.png": padding,
    "02_relu_pool.png": relu_and_pooling,
}


def main() -> None:
    IMAGES.mkdir(exist_ok=True)
    for name, draw in FIGURES.items():
        draw().savefig(IMAGES / name, dpi=110, metadata={"Software": None})
        print(f"wrote images/{name}")


if __name__ == "__main__":
    main()
