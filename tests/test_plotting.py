from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from matplotlib.animation import FuncAnimation

from ee4414 import (
    Linear,
    Trainer,
    TwoLayerNN,
    animate_training,
    plot_decision_surface,
    plot_linear_boundary,
    plot_losses,
    plot_points,
    xor,
)


def test_plot_losses_one_and_several():
    lines = plot_losses([3.0, 2.0, 1.0])
    assert len(lines) == 1 and np.asarray(lines[0].get_xdata()).tolist() == [1, 2, 3]
    fig, ax = plt.subplots()
    lines = plot_losses({"lr=0.1": [1.0, 0.5], "lr=0.01": [1.0, 0.9]}, ax=ax, log=True, title="t")
    assert [line.get_label() for line in lines] == ["lr=0.1", "lr=0.01"]
    assert ax.get_yscale() == "log" and ax.get_title() == "t"
    assert ax.get_legend() is not None


def test_plot_points_by_class():
    x, c = xor()
    drawn = plot_points(x, c)
    assert sorted(len(np.asarray(col.get_offsets())) for col in drawn) == [2, 2]
    with pytest.raises(ValueError, match=r"expected points of shape \(n, 2, 1\)"):
        plot_points(x.squeeze(-1), c)


def test_decision_surface_draws_the_response_and_points():
    x, c = xor()
    model = Linear(2, 1, w=[1.0, 1.0], b=-1.0)
    fig, ax = plt.subplots()
    surface = plot_decision_surface(model, x, c, ax=ax, resolution=30, title="xor")
    assert surface.axes is ax and ax.get_title() == "xor"
    assert len(fig.axes) == 2  # the plot and its colour bar
    plot_decision_surface(model, resolution=10, colorbar=False)  # no data: default limits
    _, ax = plt.subplots()
    plot_decision_surface(model, x, c, ax=ax, resolution=10, colorbar=False, legend=False)
    assert ax.get_legend() is None


def test_linear_boundary_line_and_vertical_case():
    fig, ax = plt.subplots()
    line = plot_linear_boundary(torch.tensor([[1.0], [3.0]]), 0.0, ax=ax, x0_range=(-1, 1))
    assert np.asarray(line.get_ydata()).tolist() == pytest.approx([1 / 3, -1 / 3])
    vertical = plot_linear_boundary([2.0, 0.0], -1.0, ax=ax)
    assert np.asarray(vertical.get_xdata()).tolist() == [0.5, 0.5]
    with pytest.raises(ValueError, match="both weights are 0"):
        plot_linear_boundary([0.0, 0.0], 1.0, ax=ax)


def test_animation_from_snapshots():
    x, c = xor()
    torch.manual_seed(2)
    model = TwoLayerNN()
    history = Trainer(model, "mse", lr=0.1, device="cpu").fit(x, c, epochs=40, snapshot_every=1)
    anim = animate_training(model, history, x, c, resolution=10, max_frames=5, dpi=50)
    assert isinstance(anim, FuncAnimation)
    # matplotlib keeps an animation's figure private
    assert anim._fig.get_dpi() == 50  # type: ignore[attr-defined]
    # laid out once: no layout engine left to lay out every frame again
    assert anim._fig.get_layout_engine() is None  # type: ignore[attr-defined]
    html = anim.to_jshtml()
    assert html.count("data:image/png;base64") == 5
    with pytest.raises(ValueError, match="no snapshots"):
        animate_training(model, Trainer(model, device="cpu").fit(x, c, epochs=1), x, c)
