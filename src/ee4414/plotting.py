r"""Plots for the course: loss curves, decision boundaries and training animations.

Every function draws on a matplotlib :class:`~matplotlib.axes.Axes` (a new figure when
``ax`` is not given) and returns what it drew, so a caller can restyle it or add to the
figure. The axes are the inputs :math:`x_0` (horizontal) and :math:`x_1` (vertical).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from torch import nn

from ee4414 import _checks
from ee4414.models import accuracy
from ee4414.training import History, load_snapshot

if TYPE_CHECKING:
    from matplotlib.animation import FuncAnimation
    from matplotlib.axes import Axes
    from matplotlib.collections import PathCollection
    from matplotlib.contour import QuadContourSet
    from matplotlib.lines import Line2D

CLASS_STYLE: dict[float, dict[str, Any]] = {
    1.0: {"marker": "o", "color": "tab:red", "label": "class +1"},
    -1.0: {"marker": "s", "color": "tab:blue", "label": "class -1"},
}
SURFACE_CMAP = "RdBu_r"
_FAR = 1e6  # a plotted region beyond this is a slip (huge data), not a picture


def _axes(ax: Axes | None) -> Axes:
    """Return ``ax``, or the axes of a new figure (matplotlib loads on first use)."""
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots()
        return ax
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise TypeError(
            f"expected ax to be a matplotlib Axes (e.g. from fig, ax = plt.subplots()) or None; "
            f"got {_checks.shown(ax)}"
        )
    return ax


def plot_losses(
    losses: Sequence[float] | Mapping[str, Sequence[float]],
    *,
    ax: Axes | None = None,
    log: bool = False,
    xlabel: str = "epoch",
    ylabel: str = "loss",
    title: str | None = None,
) -> list[Line2D]:
    """Plot one loss curve, or several labelled ones.

    Parameters
    ----------
    losses : sequence of float, or mapping of str to sequence of float
        One curve (e.g. :attr:`History.losses`), or ``{label: curve}`` for several.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.
    log : bool, default False
        Use a logarithmic loss axis (useful when curves span decades or diverge).
    xlabel, ylabel : str
        Axis labels.
    title : str, optional
        Axes title.

    Returns
    -------
    list of matplotlib.lines.Line2D
        One line per curve.

    Raises
    ------
    TypeError
        If a curve is not a sequence of numbers, or ``ax`` is not an Axes.
    ValueError
        If a curve is not flat (one number per epoch).
    """
    log = _checks.flag(log, "log", "plot_losses")
    curves = dict(losses) if isinstance(losses, Mapping) else {"": losses}
    if not curves:
        raise ValueError("plot_losses got an empty dict of losses: there is no curve to draw")
    data = {label: _curve(values, label) for label, values in curves.items()}
    ax = _axes(ax)
    lines = []
    for label, ys in data.items():
        lines.extend(ax.plot(np.arange(1, len(ys) + 1), ys, label=label or None))
    if log:
        ax.set_yscale("log")
    ax.set(xlabel=xlabel, ylabel=ylabel)
    if title:
        ax.set_title(title)
    if isinstance(losses, Mapping) and any(str(label) for label in data):
        ax.legend()
    ax.grid(True, alpha=0.3)
    return lines


def plot_points(
    x: torch.Tensor, c: torch.Tensor, *, ax: Axes | None = None, legend: bool = True
) -> list[PathCollection]:
    """Scatter 2-D points, one marker and colour per class.

    Parameters
    ----------
    x : torch.Tensor, shape (n, 2, 1)
        The points.
    c : torch.Tensor, shape (n, 1, 1)
        Their labels, -1 or 1.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.
    legend : bool, default True
        Add a legend.

    Returns
    -------
    list of matplotlib.collections.PathCollection
        One collection per class present.

    Raises
    ------
    TypeError
        If ``x`` or ``c`` is not a tensor, or ``ax`` is not an Axes.
    ValueError
        If ``x`` is not of shape (n, 2, 1) or holds NaN/inf, ``c`` does not hold
        one label per point, or a label is not -1 or 1 (0/1 labels are a common slip).
    """
    pts = _points(x)
    labels = _labels(c, len(pts), "plot_points")
    legend = _checks.flag(legend, "legend", "plot_points")
    ax = _axes(ax)
    drawn = []
    for value, style in CLASS_STYLE.items():
        mask = labels == value
        if mask.any():
            drawn.append(
                ax.scatter(pts[mask, 0], pts[mask, 1], edgecolors="black", s=60, zorder=3, **style)
            )
    ax.set(xlabel="$x_0$", ylabel="$x_1$")
    if legend and drawn:
        ax.legend(loc="best")
    return drawn


def plot_decision_surface(
    model: nn.Module,
    x: torch.Tensor | None = None,
    c: torch.Tensor | None = None,
    *,
    ax: Axes | None = None,
    resolution: int = 200,
    padding: float = 0.5,
    limits: tuple[float, float, float, float] | None = None,
    colorbar: bool = True,
    legend: bool = True,
    title: str | None = None,
) -> QuadContourSet:
    r"""Draw a model's response :math:`\hat{y}(x_0, x_1)` over the plane, and its boundary.

    The model is evaluated on a ``resolution`` × ``resolution`` grid; the filled contours
    show :math:`\hat{y}` (red positive, blue negative) and a black line marks the decision
    boundary :math:`\hat{y} = 0`.

    Parameters
    ----------
    model : torch.nn.Module
        Maps inputs of shape (*, 2, 1) to outputs of shape (*, 1, 1).
    x : torch.Tensor, shape (n, 2, 1), optional
        Data points to draw on top (with ``c``); they also set the plotted region.
    c : torch.Tensor, shape (n, 1, 1), optional
        Their labels, -1 or 1.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.
    resolution : int, default 200
        Grid points per axis, 2 to 1000.
    padding : float, default 0.5
        Margin around the data when ``limits`` is not given.
    limits : (x0_min, x0_max, x1_min, x1_max), optional
        The region to draw; defaults to the data's extent plus ``padding``, or [-1, 2]².
    colorbar : bool, default True
        Add a colour bar for :math:`\hat{y}`.
    legend : bool, default True
        Add a legend for the points' classes.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.contour.QuadContourSet
        The filled contours.

    Raises
    ------
    TypeError
        If ``model`` is not a module, a number option is not a number, ``x``/``c``
        is not a tensor, or ``ax`` is not an Axes.
    ValueError
        If the model has no floating-point parameters, fails on a batch of points
        of shape (N, 2, 1), returns the wrong number of outputs or NaN; if the
        limits, resolution or padding are out of range; or if ``x``/``c`` is malformed.
    """
    resolution = _resolution(resolution, "plot_decision_surface")
    colorbar = _checks.flag(colorbar, "colorbar", "plot_decision_surface")
    legend = _checks.flag(legend, "legend", "plot_decision_surface")
    padding = _checks.real(padding, "padding", "plot_decision_surface", minimum=0)
    if x is not None and c is not None:
        _labels(c, len(_points(x)), "plot_decision_surface")
    x0s, x1s, y_hat = _grid_response(model, x, resolution, padding, limits)
    ax = _axes(ax)
    bound = max(float(np.abs(y_hat).max()), 1e-6)
    surface = ax.contourf(x0s, x1s, y_hat, levels=21, cmap=SURFACE_CMAP, vmin=-bound, vmax=bound)
    if y_hat.min() < 0 < y_hat.max():
        ax.contour(x0s, x1s, y_hat, levels=[0.0], colors="black", linewidths=2)
    if colorbar:
        ax.figure.colorbar(surface, ax=ax, label=r"$\hat{y}$")
    if x is not None and c is not None:
        plot_points(x, c, ax=ax, legend=legend)
    ax.set(xlabel="$x_0$", ylabel="$x_1$")
    if title:
        ax.set_title(title)
    return surface


def plot_linear_boundary(
    w: torch.Tensor | Sequence[float],
    b: torch.Tensor | float,
    *,
    ax: Axes | None = None,
    x0_range: tuple[float, float] | None = None,
    **line_kwargs: Any,
) -> Line2D:
    r"""Draw the straight decision boundary of a linear classifier.

    Solving :math:`\hat{y} = w_0 x_0 + w_1 x_1 + b = 0` for :math:`x_1` gives

    .. math::

        x_1 = -x_0 \frac{w_0}{w_1} - \frac{b}{w_1}

    and, when :math:`w_1 = 0`, the vertical line :math:`x_0 = -b / w_0`.

    Parameters
    ----------
    w : torch.Tensor or sequence of float, 2 entries (e.g. shape (2, 1))
        The weights :math:`w_0, w_1`.
    b : torch.Tensor or float, 1 entry
        The bias.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.
    x0_range : (float, float), optional
        The stretch of :math:`x_0` to draw; defaults to the axes' current limits.
    **line_kwargs
        Passed to :meth:`matplotlib.axes.Axes.plot` (e.g. ``color``, ``label``).

    Returns
    -------
    matplotlib.lines.Line2D
        The line.

    Raises
    ------
    TypeError
        If ``w``, ``b`` or ``x0_range`` is not numbers, or ``ax`` is not an Axes.
    ValueError
        If ``w`` does not hold two finite numbers, ``b`` one, both weights are 0, or
        ``x0_range`` does not go from low to high.
    """
    w0, w1 = _numbers(w, 2, "w", "the weights w0, w1, e.g. model.w of shape (2, 1)")
    (bias,) = _numbers(b, 1, "b", "the bias, one number")
    if x0_range is not None:
        x0_range = _range(x0_range)
    ax = _axes(ax)
    if w0 == 0 and w1 == 0:
        raise ValueError("both weights are 0: the model is constant and has no boundary")
    lo, hi = x0_range if x0_range is not None else ax.get_xlim()
    line_kwargs.setdefault("color", "black")
    if w1 == 0:
        x0 = -bias / w0
        (line,) = ax.plot([x0, x0], list(ax.get_ylim()), **line_kwargs)
    else:
        x0s = np.array([lo, hi])
        (line,) = ax.plot(x0s, -x0s * w0 / w1 - bias / w1, **line_kwargs)
    ax.set(xlabel="$x_0$", ylabel="$x_1$")
    return line


def animate_training(
    model: nn.Module,
    history: History,
    x: torch.Tensor,
    c: torch.Tensor,
    *,
    resolution: int = 60,
    interval: int = 200,
    max_frames: int = 30,
    padding: float = 0.5,
    figsize: tuple[float, float] = (6.4, 4.8),
    dpi: float = 80,
) -> FuncAnimation:
    r"""Animate the decision surface through the snapshots of a training run.

    Each frame shows the model's response :math:`\hat{y}` over the plane after that many
    epochs, its boundary :math:`\hat{y} = 0`, and its accuracy on the points. The colour
    scale, shown by a colour bar, is shared by all frames, so a growing contrast means
    growing confidence.

    Parameters
    ----------
    model : torch.nn.Module
        The trained model (a CPU copy is loaded with each snapshot; the model is unchanged).
    history : History
        From :meth:`Trainer.fit` with ``snapshot_every`` set.
    x : torch.Tensor, shape (n, 2, 1)
        The training points.
    c : torch.Tensor, shape (n, 1, 1)
        Their labels.
    resolution : int, default 60
        Grid points per axis, 2 to 1000 (keep it small: every frame is stored in the
        page).
    interval : int, default 200
        Milliseconds between frames.
    max_frames : int, default 30
        Use at most this many snapshots, evenly spaced, always including the last.
    padding : float, default 0.5
        Margin around the data.
    figsize : (float, float), default (6.4, 4.8)
        Figure size in inches.
    dpi : float, default 80
        Resolution of each frame, 10 to 600; with ``figsize`` (each side at most 50
        inches) it sets how heavy the animation is (512 × 384 pixels by default, where
        10-point text is 11 pixels tall).

    Returns
    -------
    matplotlib.animation.FuncAnimation
        The animation; in a notebook or the docs it plays as an interactive widget.

    Raises
    ------
    TypeError
        If ``model`` is not a module, ``history`` is not a :class:`~ee4414.History`, ``x`` or
        ``c`` is not a tensor, or a number option is not a number.
    ValueError
        If ``history`` has no snapshots, the points or labels are malformed, a
        number option is out of range, or the model cannot be drawn (see
        :func:`~ee4414.plot_decision_surface`).
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"animate_training expects a torch.nn.Module; got {_checks.shown(model)}")
    if not isinstance(history, History):
        raise TypeError(
            f"animate_training expects history to be what Trainer.fit returns; got "
            f"{_checks.shown(history)}"
        )
    if not history.snapshots:
        raise ValueError("history has no snapshots: call Trainer.fit(..., snapshot_every=k)")
    if set(history.snapshots[0][1]) != set(model.state_dict()):
        raise ValueError(
            "animate_training: the history's snapshots hold other parameters than the model "
            "(pass the model that Trainer.fit trained, with its history)"
        )
    _labels(c, len(_points(x)), "animate_training")
    resolution = _resolution(resolution, "animate_training")
    interval = _checks.integer(interval, "interval", "animate_training", minimum=1)
    max_frames = _checks.integer(max_frames, "max_frames", "animate_training", minimum=1)
    padding = _checks.real(padding, "padding", "animate_training", minimum=0)
    dpi = _checks.real(dpi, "dpi", "animate_training", minimum=10, maximum=600)
    try:
        width, height = (
            _checks.real(v, "figsize", "animate_training", above=0, maximum=50) for v in figsize
        )
    except (TypeError, ValueError):
        raise TypeError(
            "animate_training expects figsize to be (width, height) in inches, each at most "
            f"50; got {figsize!r}"
        ) from None
    figsize = (width, height)
    import matplotlib.pyplot as plt
    from matplotlib.animation import FuncAnimation

    snaps = history.snapshots
    if len(snaps) > max_frames:
        keep = np.unique(np.linspace(0, len(snaps) - 1, max_frames).round().astype(int))
        snaps = [snaps[i] for i in keep]
    pts = _points(x)
    lo, hi = pts.min(axis=0) - padding, pts.max(axis=0) + padding
    limits = (lo[0], hi[0], lo[1], hi[1])
    _near(limits, "the points x plus padding")
    frames = []  # (epoch, y_hat on the grid, accuracy) for each snapshot
    for epoch, state in snaps:
        frame_model = load_snapshot(model, state)
        g0, g1, y_hat = _grid_response(frame_model, None, resolution, padding, limits)
        with torch.no_grad():
            acc = accuracy(frame_model(x.to(next(frame_model.parameters()).dtype)), c)
        frames.append((epoch, y_hat, acc))

    fig, ax = plt.subplots(figsize=figsize, dpi=dpi)
    bound = max(max(float(np.abs(f[1]).max()) for f in frames), 1e-6)
    image = ax.imshow(
        frames[0][1],
        origin="lower",
        extent=limits,
        cmap=SURFACE_CMAP,
        vmin=-bound,
        vmax=bound,
        aspect="auto",
        interpolation="bilinear",
    )
    fig.colorbar(image, ax=ax, label=r"$\hat{y}$")
    plot_points(x, c, ax=ax)
    boundary: list[Any] = []

    def draw(i: int) -> list[Any]:
        # Only the image data, the boundary line and the title change between frames:
        # updating them is far cheaper than redrawing the filled contours.
        epoch, y_hat, acc = frames[i]
        image.set_data(y_hat)
        for artist in boundary:
            artist.remove()
        boundary.clear()
        if y_hat.min() < 0 < y_hat.max():
            lines = ax.contour(g0, g1, y_hat, levels=[0.0], colors="black", linewidths=2)
            boundary.append(lines)
        ax.set_title(f"after {epoch} epochs: accuracy {acc:.2f}")
        return [image, *boundary]

    draw(0)
    fig.tight_layout()
    # The layout is fixed now; tight_layout() left a placeholder layout engine behind,
    # which makes matplotlib lay the figure out again before saving every frame.
    fig.set_layout_engine(None)
    return FuncAnimation(fig, draw, frames=len(frames), interval=interval, blit=False)


def _points(x: torch.Tensor) -> np.ndarray:
    """Return points of shape (n, 2, 1) as a NumPy array of shape (n, 2)."""
    _checks.tensor(x, "x", "plotting", expected="a torch.Tensor of points, shape (n, 2, 1)")
    if x.dim() != 3 or tuple(x.shape[1:]) != (2, 1):
        raise ValueError(f"expected points of shape (n, 2, 1); got {tuple(x.shape)}")
    _checks.check_finite(x, "x", "plotting")
    return np.asarray(x.detach().cpu().reshape(-1, 2).double().numpy())


def _near(limits: Sequence[float], source: str) -> None:
    """Refuse a plotted region so far out that the grid overflows float32."""
    if max(abs(float(v)) for v in limits) > _FAR:
        shown = tuple(round(float(v), 3) for v in limits)
        raise ValueError(
            f"cannot draw this region: {source} reach beyond ±{_FAR:g} ({shown}); the plane "
            "is drawn around the data, so check it for huge values"
        )


def _resolution(value: object, where: str) -> int:
    """Grid points per axis: at least 2, at most 1000 (more than a plot can show)."""
    resolution = _checks.integer(value, "resolution", where, minimum=2)
    if resolution > 1000:
        raise ValueError(
            f"{where}: resolution {resolution} means {resolution**2:,} model evaluations; "
            "at most 1000 per axis (a plot shows fewer), e.g. 200"
        )
    return resolution


def _labels(c: torch.Tensor, n: int, where: str) -> np.ndarray:
    """Return ``n`` labels, each -1 or 1, as a flat NumPy array."""
    _checks.tensor(c, "c", where, expected="a torch.Tensor of labels, shape (n, 1, 1)")
    labels = c.detach().cpu().reshape(-1).double().numpy()
    if labels.size != n:
        raise ValueError(f"{where}: there are {n} points but {labels.size} labels in c")
    bad = sorted({float(v) for v in labels[(labels != 1) & (labels != -1)][:5]})
    if bad:
        hint = " (0/1 labels: use 2 * c - 1)" if set(bad) <= {0.0, 1.0} else ""
        raise ValueError(f"{where} expects labels in {{-1, 1}}; got values {bad}{hint}")
    return labels


def _curve(values: Any, label: str) -> np.ndarray:
    """One loss curve as a flat float array."""
    name = f"the curve {label!r}" if label else "losses"
    if isinstance(values, torch.Tensor):
        values = values.detach().cpu()
    try:
        if np.iscomplexobj(values):
            raise TypeError("complex")
        ys = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"plot_losses expects {name} to be a list of numbers (e.g. history.losses); got "
            f"{_checks.shown(values)}"
        ) from None
    if ys.ndim != 1:
        raise ValueError(
            f"plot_losses expects {name} to be a flat list of numbers, one per epoch; got "
            f"shape {ys.shape} (pass several curves as a dict {{label: losses}})"
        )
    return ys


def _numbers(value: object, count: int, name: str, what: str) -> list[float]:
    """``count`` finite numbers read from a tensor, a sequence or a number."""
    try:
        t = torch.as_tensor(value.detach() if isinstance(value, torch.Tensor) else value)
        if t.is_complex() or t.dtype == torch.bool:
            raise TypeError(t.dtype)
        t = t.to(torch.float64).reshape(-1)
    except (TypeError, ValueError, RuntimeError):
        raise TypeError(
            f"plot_linear_boundary expects {name} to be {what}; got {_checks.shown(value)}"
        ) from None
    if t.numel() != count:
        raise ValueError(
            f"plot_linear_boundary expects {name} to hold {count} number(s), {what}; got "
            f"{t.numel()}"
        )
    _checks.check_finite(t, name, "plot_linear_boundary")
    return [float(v) for v in t.tolist()]


def _range(values: Any) -> tuple[float, float]:
    """``x0_range`` as two finite numbers, low then high."""
    try:
        lo, hi = values
    except (TypeError, ValueError):
        raise TypeError(
            f"plot_linear_boundary expects x0_range to be (low, high); got {values!r}"
        ) from None
    low = _checks.real(lo, "x0_range[0]", "plot_linear_boundary")
    high = _checks.real(hi, "x0_range[1]", "plot_linear_boundary")
    if not low < high:
        raise ValueError(f"plot_linear_boundary: x0_range must go from low to high; got {values!r}")
    return low, high


def _limits(limits: object) -> tuple[float, float, float, float]:
    """The plotted region (x0_min, x0_max, x1_min, x1_max), checked."""
    try:
        values = [_checks.real(v, "limits", "plot_decision_surface") for v in limits]  # type: ignore[attr-defined]
    except TypeError:
        raise TypeError(
            f"plot_decision_surface expects limits to be (x0_min, x0_max, x1_min, x1_max); got "
            f"{_checks.shown(limits)}"
        ) from None
    if len(values) != 4 or not (values[0] < values[1] and values[2] < values[3]):
        raise ValueError(
            "plot_decision_surface expects limits (x0_min, x0_max, x1_min, x1_max), each "
            f"minimum below its maximum; got {limits!r}"
        )
    return values[0], values[1], values[2], values[3]


@torch.no_grad()
def _grid_response(
    model: nn.Module,
    x: torch.Tensor | None,
    resolution: int,
    padding: float,
    limits: tuple[float, float, float, float] | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Evaluate ``model`` on a grid over the plane; return the grid and the outputs."""
    if not isinstance(model, nn.Module):
        raise TypeError(f"expected model to be a torch.nn.Module; got {_checks.shown(model)}")
    param = next(model.parameters(), None)
    if param is None or not param.is_floating_point():
        raise ValueError(
            "cannot draw this model: it has no floating-point parameters, so the dtype and "
            "device of its inputs are unknown"
        )
    given = limits
    if limits is None:
        if x is not None:
            pts = _points(x)
            lo, hi = pts.min(axis=0) - padding, pts.max(axis=0) + padding
            limits = (lo[0], hi[0], lo[1], hi[1])
        else:
            limits = (-1.0, 2.0, -1.0, 2.0)
    else:
        limits = _limits(limits)
    _near(limits, "limits" if given is not None else "the points x plus padding")
    x0s = np.linspace(limits[0], limits[1], resolution)
    x1s = np.linspace(limits[2], limits[3], resolution)
    g0, g1 = np.meshgrid(x0s, x1s)
    grid = torch.tensor(np.stack([g0.ravel(), g1.ravel()], axis=1), dtype=param.dtype)
    try:
        y_hat = model(grid.unsqueeze(-1).to(param.device))
    except Exception as err:  # the model is the caller's: any error means it cannot be drawn
        raise ValueError(
            f"cannot draw this model: model(x) failed on a batch of points of shape "
            f"({resolution**2}, 2, 1) with {type(err).__name__}: {str(err).splitlines()[0]}. "
            "It should map a batch of 2-D columns (*, 2, 1) to outputs (*, 1, 1)"
        ) from err
    if not isinstance(y_hat, torch.Tensor) or y_hat.numel() != resolution**2:
        got = (
            f"shape {tuple(y_hat.shape)}"
            if isinstance(y_hat, torch.Tensor)
            else _checks.shown(y_hat)
        )
        raise ValueError(
            f"cannot draw this model: for {resolution**2} points of shape (2, 1) it should "
            f"return one output each, shape ({resolution**2}, 1, 1); got {got}"
        )
    if not bool(torch.isfinite(y_hat).all()):
        raise ValueError(
            "cannot draw this model: its output holds NaN or an infinity on the plotted "
            "region (did training diverge?)"
        )
    return g0, g1, y_hat.reshape(resolution, resolution).cpu().double().numpy()
