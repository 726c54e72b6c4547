"""Gallery thumbnails for the week-1 examples that draw no figure of their own.

Most of week 1 prints tensors rather than plotting them, and sphinx-gallery would show its
placeholder logo for each such page. Here every one of them gets a small shape diagram
of its idea (grids of cells labelled with shapes), written to ``docs/_thumbnails/`` and
named in the example by ``# sphinx_gallery_thumbnail_path = "_thumbnails/<stem>.png"``.
The diagrams show shapes and operations, not the answers' values.

Run it after changing a diagram (the PNGs are committed)::

    python docs/_ext/ee4414_thumbnails.py
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

OUT = Path(__file__).resolve().parents[1] / "_thumbnails"
BLUE, ORANGE, GREEN, GREY = "#9ecae1", "#fdae6b", "#a1d99b", "#d9d9d9"


def grid(
    ax: Axes,
    x: float,
    y: float,
    rows: int,
    cols: int,
    *,
    color: str = BLUE,
    values: Sequence[Sequence[str]] | None = None,
    label: str | None = None,
    highlight: Callable[[int, int], bool] | None = None,
) -> None:
    """Draw a rows x cols grid of unit cells with its top-left corner at (x, y)."""
    for i in range(rows):
        for j in range(cols):
            hot = highlight is not None and highlight(i, j)
            ax.add_patch(
                Rectangle(
                    (x + j, y - i - 1),
                    1,
                    1,
                    facecolor=ORANGE if hot else color,
                    edgecolor="#333",
                    linewidth=1.2,
                )
            )
            if values is not None:
                ax.text(x + j + 0.5, y - i - 0.5, values[i][j], ha="center", va="center", size=13)
    if label:
        ax.text(x + cols / 2, y - rows - 0.45, label, ha="center", va="top", size=12)


def stack_of(ax: Axes, x: float, y: float, rows: int, cols: int, depth: int, **kw: object) -> None:
    """Draw ``depth`` grids offset diagonally: a 3-D tensor (depth, rows, cols)."""
    label = kw.pop("label", None)
    for k in reversed(range(depth)):
        grid(ax, x + 0.45 * k, y + 0.45 * k, rows, cols, **kw)  # type: ignore[arg-type]
    if label:
        ax.text(x + cols / 2, y - rows - 0.45, str(label), ha="center", va="top", size=12)


def sign(ax: Axes, x: float, y: float, text: str, size: int = 20) -> None:
    """Write an operator or arrow centred at (x, y)."""
    ax.text(x, y, text, ha="center", va="center", size=size)


def canvas(width: float, height: float, title: str) -> tuple[Figure, Axes]:
    """A 4 x 2.8 inch figure whose axes span ``width`` by ``height`` units."""
    fig, ax = plt.subplots(figsize=(4, 2.8), dpi=100)
    ax.set(xlim=(-0.5, width + 0.5), ylim=(-height - 0.2, 1.3), aspect="equal")
    ax.axis("off")
    ax.set_title(title, size=13)
    return fig, ax


def _col(values: Sequence[str]) -> list[list[str]]:
    return [[v] for v in values]


def zeros_column_vector() -> Figure:
    fig, ax = canvas(6, 4, "torch.zeros(3, 1, dtype=float64)")
    grid(ax, 2.5, 0, 3, 1, values=_col("000"), label="shape (3, 1)")
    return fig


def column_vector() -> Figure:
    fig, ax = canvas(6, 4, "a column vector")
    grid(ax, 2.5, 0, 3, 1, values=_col(["a₀", "a₁", "a₂"]), label="shape (3, 1)")
    return fig


def row_vector() -> Figure:
    fig, ax = canvas(6, 4, "a row vector")
    grid(ax, 1.5, -0.8, 1, 3, values=[["b₀", "b₁", "b₂"]], label="shape (1, 3)")
    return fig


def matrix() -> Figure:
    fig, ax = canvas(6, 4, "a matrix: rows, then columns")
    grid(ax, 1, 0, 3, 4, label="shape (3, 4)", highlight=lambda i, j: i == 0)
    return fig


def stack_vectors() -> Figure:
    fig, ax = canvas(8, 4, "torch.stack: a new dimension")
    grid(ax, 0, 0, 3, 1, label="a")
    grid(ax, 1.6, 0, 3, 1, color=GREEN, label="b")
    sign(ax, 3.6, -1.5, "→")
    grid(ax, 5.8, 0, 3, 1, color=GREEN)
    grid(ax, 5.35, -0.45, 3, 1, label="(2, 3, 1)")
    return fig


def concatenate_vectors() -> Figure:
    fig, ax = canvas(8, 6, "torch.cat: a longer dimension")
    grid(ax, 0.5, -1.5, 3, 1, label="a")
    grid(ax, 2, -1.5, 3, 1, color=GREEN, label="b")
    sign(ax, 4.2, -3, "→")
    grid(ax, 5.8, 0, 3, 1)
    grid(ax, 5.8, -3, 3, 1, color=GREEN, label="(6, 1)")
    return fig


def transpose_vector() -> Figure:
    fig, ax = canvas(8, 4, "transpose: column to row")
    grid(ax, 0.5, 0, 3, 1, label="(3, 1)", highlight=lambda i, j: i == 0)
    sign(ax, 2.8, -1.5, "→")
    grid(ax, 4.2, -1, 1, 3, label="(1, 3)", highlight=lambda i, j: j == 0)
    return fig


def transpose_matrix() -> Figure:
    fig, ax = canvas(10, 5, "transpose: rows become columns")
    grid(ax, 0, -0.5, 3, 4, label="(3, 4)", highlight=lambda i, j: i == 0)
    sign(ax, 5, -2, "→")
    grid(ax, 6.3, 0, 4, 3, label="(4, 3)", highlight=lambda i, j: j == 0)
    return fig


def transpose_tensor_dims() -> Figure:
    fig, ax = canvas(11, 5.5, "transpose two dimensions of (2, 3, 4)")
    stack_of(ax, 0, -0.8, 3, 4, 2, label="(2, 3, 4)", highlight=lambda i, j: i == 0)
    sign(ax, 5.6, -2.3, "→")
    stack_of(ax, 6.8, 0, 4, 3, 2, label="(2, 4, 3)", highlight=lambda i, j: j == 0)
    return fig


def elementwise_vector() -> Figure:
    fig, ax = canvas(8, 4, "element-wise product")
    for k, (x, color) in enumerate([(0.5, BLUE), (3, GREEN), (5.8, GREY)]):
        grid(ax, x, 0, 3, 1, color=color, highlight=lambda i, j: i == 1, label="(3, 1)")
        if k < 2:
            sign(ax, x + 1.9, -1.5, "⊙" if k == 0 else "=")
    return fig


def elementwise_matrix() -> Figure:
    fig, ax = canvas(12, 3.5, "element-wise product of matrices")
    for k, (x, color) in enumerate([(0, BLUE), (4.3, GREEN), (8.6, GREY)]):
        grid(ax, x, -0.5, 2, 3, color=color, highlight=lambda i, j: (i, j) == (1, 2))
        ax.text(x + 1.5, -2.9, "(2, 3)", ha="center", va="top", size=12)
        if k < 2:
            sign(ax, x + 3.65, -1.5, "⊙" if k == 0 else "=")
    return fig


def matrix_multiplication() -> Figure:
    fig, ax = canvas(10, 4.5, "row of A times column of Bᵀ")
    grid(ax, 0, -0.5, 2, 3, label="A (2, 3)", highlight=lambda i, j: i == 0)
    sign(ax, 3.6, -2, "@")
    grid(ax, 4.3, 0, 3, 2, color=GREEN, label="Bᵀ (3, 2)", highlight=lambda i, j: j == 1)
    sign(ax, 7, -2, "=")
    grid(ax, 7.8, -0.5, 2, 2, color=GREY, label="C (2, 2)", highlight=lambda i, j: (i, j) == (0, 1))
    return fig


def batched_matmul() -> Figure:
    fig, ax = canvas(14, 5.5, "one product per batch entry")
    stack_of(ax, 0, -0.5, 3, 4, 2, label="(2, 3, 4)")
    sign(ax, 5.2, -2, "@")
    grid(ax, 5.9, 0, 4, 3, color=GREEN, label="(4, 3)")
    sign(ax, 9.6, -2, "=")
    stack_of(ax, 10.3, -0.5, 3, 3, 2, color=GREY, label="(2, 3, 3)")
    return fig


def cpu_and_gpu() -> Figure:
    fig, ax = canvas(10, 5, "compute where the data is")
    for x, name, color in [(0, "CPU memory", BLUE), (6, "GPU memory", GREEN)]:
        ax.add_patch(
            FancyBboxPatch(
                (x, -4.2), 4, 4.6, boxstyle="round,pad=0.1", facecolor="white", edgecolor="#333"
            )
        )
        ax.text(x + 2, 0.05, name, ha="center", va="top", size=12)
        grid(ax, x + 1.5, -0.9, 3, 1, color=color)
    ax.annotate("", xy=(6.2, -1.6), xytext=(3.8, -1.6), arrowprops={"arrowstyle": "->", "lw": 2})
    ax.text(5, -1.3, ".to(device)", ha="center", va="bottom", size=10)
    ax.annotate("", xy=(3.8, -3.3), xytext=(6.2, -3.3), arrowprops={"arrowstyle": "->", "lw": 2})
    ax.text(5, -3.6, ".cpu()", ha="center", va="top", size=10)
    return fig


def float_and_double() -> Figure:
    fig, ax = canvas(10.5, 4.5, "bits of a float32 and a float64")
    for y, name, (exp, frac), digits in [
        (-0.6, "float32", (8, 23), "≈ 7 digits"),
        (-2.8, "float64", (11, 52), "≈ 16 digits"),
    ]:
        scale = 10 / 64
        ax.add_patch(Rectangle((0, y - 1), scale, 1, facecolor=ORANGE, edgecolor="#333"))
        ax.add_patch(Rectangle((scale, y - 1), exp * scale, 1, facecolor=GREEN, edgecolor="#333"))
        ax.add_patch(
            Rectangle(((1 + exp) * scale, y - 1), frac * scale, 1, facecolor=BLUE, edgecolor="#333")
        )
        ax.text(0, y + 0.1, f"{name}: {1 + exp + frac} bits, {digits}", va="bottom", size=11)
    return fig


DIAGRAMS: dict[str, Callable[[], Figure]] = {
    "plot_w1_1_1_zeros_column_vector": zeros_column_vector,
    "plot_w1_1_2_column_vector": column_vector,
    "plot_w1_1_3_row_vector": row_vector,
    "plot_w1_1_4_matrix": matrix,
    "plot_w1_2_2_1_stack_vectors": stack_vectors,
    "plot_w1_2_2_2_concatenate_vectors": concatenate_vectors,
    "plot_w1_2_3_1_transpose_vector": transpose_vector,
    "plot_w1_2_3_2_transpose_matrix": transpose_matrix,
    "plot_w1_2_3_3_transpose_tensor_dims": transpose_tensor_dims,
    "plot_w1_2_4_1_elementwise_vector": elementwise_vector,
    "plot_w1_2_4_2_elementwise_matrix": elementwise_matrix,
    "plot_w1_2_5_1_matrix_multiplication": matrix_multiplication,
    "plot_w1_2_5_2_batched_matmul": batched_matmul,
    "plot_w1_2_6_cpu_and_gpu": cpu_and_gpu,
    "plot_w1_2_7_float_and_double": float_and_double,
}


def main() -> None:
    """Write every diagram to ``docs/_thumbnails/<stem>.png``."""
    OUT.mkdir(exist_ok=True)
    for stem, draw in DIAGRAMS.items():
        fig = draw()
        fig.savefig(OUT / f"{stem}.png", metadata={"Software": None})
        plt.close(fig)
        print(f"wrote {OUT / (stem + '.png')}")


if __name__ == "__main__":
    main()
