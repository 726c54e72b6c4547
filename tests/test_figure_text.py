"""Figure text a student can read (docs/_ext/ee4414_figure_text.py) and legible animations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
import torch

from ee4414 import Trainer, TwoLayerNN, animate_training, xor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_figure_text as ft  # noqa: E402


def test_smallest_text_includes_tick_labels():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1])
    ax.set_title("title", fontsize=20)
    ax.tick_params(labelsize=6)
    px, text = ft.smallest_text(fig)
    assert px == pytest.approx(6 * 100 / 72)
    assert -1 < float(text.replace("\N{MINUS SIGN}", "-")) < 2  # a tick label, not the title


def test_shown_size_shrinks_with_wide_images_and_shared_rows():
    assert ft.shown_px(12.0, 500) == 12.0  # narrower than the column: shown as is
    assert ft.shown_px(12.0, 2 * ft.CONTENT_PX) == pytest.approx(6.0)
    assert ft.shown_px(12.0, ft.CONTENT_PX, n_side_by_side=2) == pytest.approx(12.0 * 0.42)


def _record(tmp_path: Path, entry: dict, figsize: tuple[float, float]) -> Path:
    (tmp_path / "images").mkdir()
    fig = plt.figure(figsize=figsize, dpi=100)
    fig.savefig(tmp_path / "images" / "sphx_glr_plot_x_001.png")
    record = tmp_path / f"plot_x{ft.RECORD_SUFFIX}"
    record.write_text(json.dumps({"sphx_glr_plot_x_001.png": entry}))
    return record


def test_problems_name_the_figure_and_its_text(tmp_path):
    # 8 pt at dpi 100 is 11.1 px in an 1100 px image, 7.4 px in the 736 px column
    _record(tmp_path, {"px": 8 * 100 / 72, "text": "legend", "side_by_side": 1}, (11, 4))
    assert ft.png_width(tmp_path / "images" / "sphx_glr_plot_x_001.png") == 1100
    (problem,) = ft.problems(tmp_path)
    assert "plot_x: sphx_glr_plot_x_001.png: text 'legend' is 7.4 px" in problem
    assert ft.smallest(tmp_path)[0] == pytest.approx(7.4, abs=0.05)


def test_a_legible_figure_passes(tmp_path):
    _record(tmp_path, {"px": 12 * 100 / 72, "text": "tick", "side_by_side": 1}, (7, 4))
    assert ft.problems(tmp_path) == []


def test_png_width_rejects_other_files(tmp_path):
    path = tmp_path / "x.png"
    path.write_bytes(b"GIF89a" + bytes(20))
    with pytest.raises(ValueError, match="is not a PNG file"):
        ft.png_width(path)


def test_animation_frames_are_legible_and_have_a_colour_bar():
    x, c = xor()
    model = TwoLayerNN(generator=torch.Generator().manual_seed(0))
    history = Trainer(model, lr=0.1, device="cpu").fit(x, c, epochs=4, snapshot_every=2)
    anim = animate_training(model, history, x, c, resolution=8, max_frames=2)
    fig = anim._fig  # type: ignore[attr-defined]  # matplotlib keeps it private
    width = fig.get_size_inches()[0] * fig.dpi
    assert width >= 512
    assert len(fig.axes) == 2  # the surface and its colour bar
    assert fig.axes[1].get_ylabel() == r"$\hat{y}$"
    px, _ = ft.smallest_text(fig)
    assert ft.shown_px(px, width) >= ft.FLOOR_PX
