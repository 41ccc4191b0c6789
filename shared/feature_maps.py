"""Feature maps: the channels one layer outputs for one image, tiled into one grid.

One renderer serves every picture of feature maps in the course: ``mosaic`` tiles the
channels, ``plot_feature_maps`` draws that mosaic as a figure (lessons 02, 03, 05) and
``maps_rgb`` turns it into the picture the drawing pad shows (lesson 06). Dark means a
strong response, on one grey scale per layer, so a pale map is a weak one.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from .i18n import t
from .plots import localise_ticks, no_ticks

GAP_COLOUR = (0.82, 0.87, 0.93)  # light blue lines between the maps of one layer


def as_maps(maps: np.ndarray) -> np.ndarray:
    """``maps`` as (height, width, channels) floats; a batch of one image, as a layer returns it, is accepted."""
    maps = np.asarray(maps, dtype=np.float32)
    if maps.ndim == 4 and maps.shape[0] == 1:
        maps = maps[0]
    if maps.ndim != 3:
        raise ValueError(t("maps_shape").format(shape=maps.shape))
    return maps


def grid_columns(count: int) -> int:
    """Columns for a grid of ``count`` maps: a power of two, about as wide as high (16 → 4, 32 → 8)."""
    return min(count, 2 ** math.ceil(math.log2(math.sqrt(count)))) if count > 1 else 1


def grid_shape(count: int) -> tuple[int, int]:
    """(rows, columns) of the grid that holds ``count`` maps, filled row by row."""
    columns = grid_columns(count)
    return math.ceil(count / columns), columns


def mosaic(maps: np.ndarray, gap: int = 1) -> np.ndarray:
    """Tile a layer's channels into one 2-D array, row by row, with ``gap`` NaN pixels between tiles."""
    maps = as_maps(maps)
    height, width, count = maps.shape
    rows, columns = grid_shape(count)
    tiled = np.full((rows * (height + gap) - gap, columns * (width + gap) - gap), np.nan, np.float32)
    for channel in range(count):
        top, left = (channel // columns) * (height + gap), (channel % columns) * (width + gap)
        tiled[top:top + height, left:left + width] = maps[:, :, channel]
    return tiled


def strongest(tiled: np.ndarray) -> float:
    """The top of the layer's grey scale: its strongest response (1 for a silent layer)."""
    top = float(np.nanmax(tiled)) if np.isfinite(tiled).any() else 0.0
    return top if top > 0 else 1.0


def maps_rgb(maps: np.ndarray, tile: int = 28) -> np.ndarray:
    """The mosaic as an RGB picture (values 0–1), for the drawing pad.

    Small maps are enlarged (7×7 pixels become 4×4 blocks) so that every layer's
    tiles are about ``tile`` pixels wide and the gaps between them look alike.
    """
    maps = as_maps(maps)
    zoom = max(1, round(tile / maps.shape[0]))
    tiled = mosaic(maps.repeat(zoom, axis=0).repeat(zoom, axis=1))
    grey = 1.0 - np.clip(tiled / strongest(tiled), 0.0, 1.0)
    rgb = np.repeat(grey[..., None], 3, axis=2)
    rgb[np.isnan(tiled)] = GAP_COLOUR
    return rgb


def plot_feature_maps(maps: np.ndarray, image: np.ndarray | None = None) -> Figure:
    """Show the channels that one layer outputs for one image, optionally next to that image.

    ``maps`` has shape (height, width, channels), or (1, height, width, channels)
    as a layer returns it for a batch of one image. ``image``, if given, is the
    28×28 digit that went in, shown on the left. Each map carries its channel number.
    """
    maps = as_maps(maps)
    height, width, count = maps.shape
    rows, columns = grid_shape(count)
    tile = 1.1 if columns <= 4 else 0.9  # inches per map
    left = 2.9 if image is not None else 0.3
    grid_width, grid_height = columns * tile, rows * tile
    body = max(grid_height, 2.6 if image is not None else 0.0)
    fig = Figure(figsize=(left + grid_width + 1.4, body + 0.8))
    fig_width, fig_height = fig.get_size_inches()

    def box(x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        """A rectangle given in inches from the bottom left, as a fraction of the figure."""
        return x / fig_width, y / fig_height, w / fig_width, h / fig_height

    ax = no_ticks(fig.add_axes(box(left, 0.2 + (body - grid_height) / 2, grid_width, grid_height)))
    gap = max(1, height // 9)
    tiled = mosaic(maps, gap=gap)
    greys = ListedColormap(np.linspace(1.0, 0.0, 256)[:, None].repeat(3, axis=1)).with_extremes(bad=GAP_COLOUR)
    shown = ax.imshow(np.ma.masked_invalid(tiled), cmap=greys, vmin=0.0, vmax=strongest(tiled),
                      interpolation="nearest")
    for channel in range(count):
        row, column = divmod(channel, columns)
        ax.text(column * (width + gap) - 0.5, row * (height + gap) - 0.5, str(channel), fontsize=6,
                ha="left", va="top", color="#1f2933",
                bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    fig.colorbar(shown, cax=fig.add_axes(box(left + grid_width + 0.3, 0.2 + body * 0.15, 0.15, body * 0.7)),
                 label=t("activation"))
    if image is not None:
        picture = no_ticks(fig.add_axes(box(0.3, 0.2 + (body - 2.2) / 2, 2.2, 2.2)))
        picture.imshow(np.asarray(image).reshape(28, 28), cmap="binary")
        picture.set_title(t("input_image"))
    fig.suptitle(t("feature_maps").format(count=count, height=height, width=width), wrap=True)
    return localise_ticks(fig)
