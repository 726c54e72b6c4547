r"""Pictures that explain, not results: a tensor as a grid of cells, a network as a graph.

Week 1 draws 2-D tensors as grids to show which entries an index or a slice reaches
(:func:`plot_matrix`); week 5 draws the two-layer network as a graph whose coloured path
is the chain of factors of one gradient (:func:`plot_network`). Both draw on a matplotlib
:class:`~matplotlib.axes.Axes` (a new figure when ``ax`` is not given), with text large
enough to read when the page shrinks the figure to its column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from ee4414 import _checks

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Where each node of the two-layer network sits, and how it is labelled: the inputs,
#: the hidden pre-activations :math:`\hat{y}^{[0]}_j`, their ReLUs :math:`z_j`, the
#: output, the error :math:`E = \hat{y} - y` and the loss :math:`L = E^2`.
NETWORK_NODES: dict[str, tuple[str, tuple[float, float]]] = {
    "x0": ("$x_0$", (0.0, 1.0)),
    "x1": ("$x_1$", (0.0, -1.0)),
    "y_hat0_0": (r"$\hat{y}^{[0]}_0$", (2.2, 1.0)),
    "y_hat0_1": (r"$\hat{y}^{[0]}_1$", (2.2, -1.0)),
    "z0": ("$z_0$", (4.2, 1.0)),
    "z1": ("$z_1$", (4.2, -1.0)),
    "y_hat": (r"$\hat{y}$", (6.6, 0.0)),
    "E": ("$E$", (8.4, 0.0)),
    "L": ("$L$", (10.2, 0.0)),
}
#: The edges of the two-layer network, from input to loss.
NETWORK_EDGES: tuple[tuple[str, str], ...] = (
    ("x0", "y_hat0_0"),
    ("x1", "y_hat0_0"),
    ("x0", "y_hat0_1"),
    ("x1", "y_hat0_1"),
    ("y_hat0_0", "z0"),
    ("y_hat0_1", "z1"),
    ("z0", "y_hat"),
    ("z1", "y_hat"),
    ("y_hat", "E"),
    ("E", "L"),
)
PATH_COLOUR = "C3"


def _new_axes(ax: Axes | None, figsize: tuple[float, float], where: str) -> Axes:
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=figsize)
        return ax
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise TypeError(
            f"{where} expects ax to be a matplotlib Axes (e.g. from fig, ax = plt.subplots()) "
            f"or None; got {_checks.shown(ax)}"
        )
    return ax


def _optional_text(value: Any, name: str, where: str) -> str | None:
    return None if value is None else _text(value, name, where)


def _text(value: Any, name: str, where: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{where} expects {name} to be a string; got {_checks.shown(value)}")
    return value


MAX_CELLS = 20
"""The largest grid :func:`plot_matrix` draws, per side: beyond it the numbers are unreadable."""


def _as_2d(values: Any, name: str, where: str, *, boolean: bool = False) -> np.ndarray:
    if isinstance(values, torch.Tensor):
        array = values.detach().cpu().numpy()
    elif isinstance(values, np.ndarray):
        array = values
    else:
        raise TypeError(
            f"{where} expects {name} to be a 2-D torch.Tensor or numpy array; got "
            f"{_checks.shown(values)}"
        )
    allowed = "biuf" if boolean else "iuf"
    if array.dtype.kind not in allowed:
        kind = "true/false or numbers" if boolean else "real numbers"
        raise TypeError(f"{where}: {name} must hold {kind}; got dtype {array.dtype}")
    if array.ndim != 2:
        raise ValueError(
            f"{where}: {name} should be 2-D (rows, columns); got shape {tuple(array.shape)}. "
            "Draw one matrix of a 3-D tensor at a time, e.g. t[0]."
        )
    if not 0 < array.shape[0] <= MAX_CELLS or not 0 < array.shape[1] <= MAX_CELLS:
        raise ValueError(
            f"{where}: {name} should have 1 to {MAX_CELLS} rows and columns to be readable; "
            f"got shape {tuple(array.shape)}"
        )
    return array


def plot_matrix(
    values: torch.Tensor | np.ndarray,
    highlight: torch.Tensor | np.ndarray | None = None,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str = "column",
    ylabel: str = "row",
    fontsize: float = 12,
) -> Axes:
    r"""Draw a 2-D tensor as a grid: each entry's value in its cell, chosen cells shaded.

    Row :math:`i` is drawn from the top, column :math:`j` from the left, and the ticks
    carry the indices, so cell :math:`(i, j)` is where ``values[i, j]`` lives.

    Parameters
    ----------
    values : torch.Tensor or numpy.ndarray, shape (rows, columns)
        The entries to write in the cells (formatted with ``:g``).
    highlight : torch.Tensor or numpy.ndarray of bool, shape (rows, columns), optional
        The cells to shade, e.g. ``values != 0`` or the entries a slice selects; none if
        omitted.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.
    title : str, optional
        Axes title.
    xlabel, ylabel : str
        Axis labels (the course writes ``"column j"``, ``"k (column)"``, ...).
    fontsize : float, default 12
        Size of the values in the cells, in points.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on; ``ax.images[0]`` is the shaded grid (1 where ``highlight`` is
        true, else 0) and ``ax.texts`` the values.

    Raises
    ------
    TypeError
        If ``values`` or ``highlight`` is not a tensor or array of real numbers (true/false
        also for ``highlight``), ``ax`` is not an Axes, a label is not a string or
        ``fontsize`` is not a number.
    ValueError
        If ``values`` is not 2-D with 1 to 20 rows and columns (``MAX_CELLS``),
        ``highlight`` has another shape, or ``fontsize`` is not positive.
    """
    where = "plot_matrix"
    grid = _as_2d(values, "values", where)
    if highlight is None:
        shade = np.zeros(grid.shape)
    else:
        shade = _as_2d(highlight, "highlight", where, boolean=True).astype(float)
        if shade.shape != grid.shape:
            raise ValueError(
                f"plot_matrix: highlight should have the shape of values, "
                f"{tuple(grid.shape)}; got {tuple(shade.shape)}"
            )
    title = _optional_text(title, "title", where)
    xlabel, ylabel = _text(xlabel, "xlabel", where), _text(ylabel, "ylabel", where)
    fontsize = _checks.real(fontsize, "fontsize", where, above=0, maximum=100)
    ax = _new_axes(ax, (4, 3), where)
    n_rows, n_cols = grid.shape
    ax.imshow(shade, cmap="Oranges", vmin=0.0, vmax=1.6)
    for i in range(n_rows):
        for j in range(n_cols):
            ax.text(j, i, f"{grid[i, j]:g}", ha="center", va="center", fontsize=fontsize)
    ax.set_xticks(range(n_cols))
    ax.set_yticks(range(n_rows))
    ax.set_xticks([j - 0.5 for j in range(n_cols + 1)], minor=True)
    ax.set_yticks([i - 0.5 for i in range(n_rows + 1)], minor=True)
    ax.grid(which="minor", color="0.5", linewidth=1)
    ax.tick_params(which="minor", length=0)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    if title:
        ax.set_title(title)
    return ax


def _node_value(value: Any, node: str) -> float:
    if isinstance(value, torch.Tensor):
        if value.numel() != 1 or value.is_complex() or value.dtype == torch.bool:
            raise TypeError(
                f"plot_network: values[{node!r}] should hold one real number; got a tensor "
                f"of shape {tuple(value.shape)} and dtype {value.dtype}"
            )
        return float(value.item())
    number = _checks.as_number(value)
    if number is None:
        raise TypeError(
            f"plot_network expects values[{node!r}] to be a number; got {_checks.shown(value)}"
        )
    return float(number)


def plot_network(
    values: Mapping[str, float | torch.Tensor],
    path: Mapping[tuple[str, str], str] | None = None,
    *,
    notes: Mapping[tuple[str, str], str] | None = None,
    cut: bool = False,
    ax: Axes | None = None,
    title: str | None = None,
    fontsize: float = 11,
) -> Axes:
    r"""Draw the two-layer network of week 5 as a graph, with one gradient's path in colour.

    Each node shows its name and its value from a forward pass; the edges of ``path``
    are drawn in red and labelled with their factor of the chain rule, so reading the
    red labels from :math:`L` back to a weight multiplies out
    :math:`\partial L / \partial w`. The layout is ``ee4414.diagrams.NETWORK_NODES`` and
    ``ee4414.diagrams.NETWORK_EDGES``.

    Parameters
    ----------
    values : mapping of str to float or torch.Tensor
        A value for every node of ``ee4414.diagrams.NETWORK_NODES`` (``"x0"``, ``"x1"``,
        ``"y_hat0_0"``, ``"y_hat0_1"``, ``"z0"``, ``"z1"``, ``"y_hat"``, ``"E"``, ``"L"``);
        a tensor must hold one number. Other keys are ignored.
    path : mapping of (str, str) to str, optional
        Edges on the chain, ``(from, to)``, each with its label (e.g.
        ``{("E", "L"): "2E = -4.82"}``).
    notes : mapping of (str, str) to str, optional
        Grey labels for edges off the path (e.g. the other neuron's ReLU switch).
    cut : bool, default False
        Draw the path dashed: a factor on it is 0 and the gradient does not get through.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.
    title : str, optional
        Axes title.
    fontsize : float, default 11
        Size of the node and edge labels, in points.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on (its axis lines hidden).

    Raises
    ------
    TypeError
        If ``values``, ``path`` or ``notes`` is not a mapping, a value is not a number
        (or a one-number tensor), a label is not a string, ``cut`` is not True or False,
        ``ax`` is not an Axes or ``fontsize`` is not a number.
    ValueError
        If ``values`` lacks a node, ``path`` or ``notes`` names an edge the network does
        not have, or ``fontsize`` is not positive.
    """
    where = "plot_network"
    if not isinstance(values, Mapping):
        raise TypeError(
            f"plot_network expects values to be a dict of node name to number; got "
            f"{_checks.shown(values)}"
        )
    missing = [node for node in NETWORK_NODES if node not in values]
    if missing:
        raise ValueError(
            f"plot_network: values has no entry for {', '.join(missing)}; expected one for "
            f"each of {', '.join(NETWORK_NODES)}"
        )
    numbers = {node: _node_value(values[node], node) for node in NETWORK_NODES}
    edges_of: dict[str, dict[tuple[str, str], str]] = {}
    for name, given in (("path", path), ("notes", notes)):
        if given is not None and not isinstance(given, Mapping):
            raise TypeError(
                f"plot_network expects {name} to be a dict of (from, to) edge to label; got "
                f"{_checks.shown(given)}"
            )
        edges = dict(given or {})
        unknown = [edge for edge in edges if edge not in NETWORK_EDGES]
        if unknown:
            raise ValueError(
                f"plot_network: {name} names edges the network does not have: {unknown}"
            )
        for edge_label in edges.values():
            _text(edge_label, f"each label in {name}", where)
        edges_of[name] = edges
    path, notes = edges_of["path"], edges_of["notes"]
    cut = _checks.flag(cut, "cut", where)
    title = _optional_text(title, "title", where)
    fontsize = _checks.real(fontsize, "fontsize", where, above=0, maximum=100)
    ax = _new_axes(ax, (6.4, 3.2), where)
    pos = {key: xy for key, (_, xy) in NETWORK_NODES.items()}
    for a, b in NETWORK_EDGES:
        on_path = (a, b) in path
        style: dict[str, Any] = {"arrowstyle": "->", "color": "0.7", "lw": 1}
        style.update(shrinkA=22, shrinkB=22)
        if on_path:
            style.update(color=PATH_COLOUR, lw=2.5, linestyle="--" if cut else "-")
        ax.annotate("", xy=pos[b], xytext=pos[a], arrowprops=style)
        mx, my = (pos[a][0] + pos[b][0]) / 2, (pos[a][1] + pos[b][1]) / 2
        label, colour = (path.get((a, b)), PATH_COLOUR) if on_path else (notes.get((a, b)), "0.35")
        if label is None:
            continue
        # a rising edge: label below right of its middle; a falling one: above right
        if pos[b][1] > pos[a][1]:
            tx, ty, ha, va = mx + 0.12, my - 0.12, "left", "top"
        elif pos[b][1] < pos[a][1]:
            tx, ty, ha, va = mx + 0.12, my + 0.12, "left", "bottom"
        elif on_path:
            tx, ty, ha, va = mx, my + 0.25, "center", "bottom"
        else:
            tx, ty, ha, va = mx, my - 0.3, "center", "top"
        ax.text(tx, ty, label, ha=ha, va=va, color=colour, fontsize=fontsize)
    for key, (label, (px, py)) in NETWORK_NODES.items():
        number = numbers[key]
        ax.text(
            px,
            py,
            f"{label}\n{number:.3f}",
            ha="center",
            va="center",
            fontsize=fontsize,
            bbox={"boxstyle": "circle", "fc": "white", "ec": "0.3"},
        )
    ax.set(xlim=(-0.6, 10.8), ylim=(-1.9, 1.8))
    if title:
        ax.set_title(title)
    ax.axis("off")
    return ax
