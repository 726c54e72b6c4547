"""How the docs build runs its gallery: ee4414_gallery (workers, GC), ee4414_scrapers."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_gallery as gallery  # noqa: E402
import ee4414_scrapers as scrapers  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from sphinx_gallery.utils import get_md5sum  # noqa: E402

from ee4414 import Trainer, TwoLayerNN, animate_training, xor  # noqa: E402


def make_examples(root: Path, names: list[str]) -> tuple[Path, Path]:
    """Write examples/week1/<name>.py files; return (examples, gallery) folders."""
    examples, target = root / "examples", root / "docs" / "auto_examples"
    (examples / "week1").mkdir(parents=True)
    (target / "week1").mkdir(parents=True)
    for name in names:
        (examples / "week1" / f"{name}.py").write_text(f'"""{name}"""\nprint("{name}")\n')
    return examples, target


def mark_run(examples: Path, target: Path, name: str) -> None:
    """Leave the .md5 that sphinx-gallery writes after an example ran."""
    source = examples / "week1" / f"{name}.py"
    Path(f"{target / 'week1' / name}.py.md5").write_text(get_md5sum(source, mode="t"))


def test_examples_to_run_counts_new_changed_and_matching(tmp_path):
    names = ["plot_w1_1_1_a", "plot_w1_1_2_b", "plot_w1_1_3_c"]
    examples, target = make_examples(tmp_path, names)
    assert gallery.examples_to_run(examples, target, None) == 3  # nothing ran yet
    for name in names:
        mark_run(examples, target, name)
    assert gallery.examples_to_run(examples, target, None) == 0
    (examples / "week1" / "plot_w1_1_2_b.py").write_text('"""b"""\nprint("changed")\n')
    assert gallery.examples_to_run(examples, target, None) == 1
    # with a pattern, exactly the matching examples run, changed or not
    assert gallery.examples_to_run(examples, target, r"w1_1_[13]") == 2


def fake_app(tmp_path: Path, parallel: int, pattern: str | None) -> Any:
    # stands in for the Sphinx application: the hook reads only srcdir and config
    conf = {
        "parallel": parallel,
        "examples_dirs": ["../examples"],
        "gallery_dirs": ["auto_examples"],
        "filename_pattern": pattern or "/plot_",
        "run_stale_examples": pattern is not None,
    }
    config = SimpleNamespace(sphinx_gallery_conf=conf)
    return SimpleNamespace(srcdir=str(tmp_path / "docs"), config=config)


def test_workers_only_when_enough_examples_run(tmp_path):
    names = [f"plot_w1_1_{i}_x" for i in range(1, 6)]
    examples, target = make_examples(tmp_path, names)
    app = fake_app(tmp_path, parallel=2, pattern=None)
    gallery._serial_when_few_run(app)
    assert app.config.sphinx_gallery_conf["parallel"] == 2  # five new examples
    for name in names[1:]:
        mark_run(examples, target, name)
    gallery._serial_when_few_run(app)
    assert app.config.sphinx_gallery_conf["parallel"] is False  # only one: no workers
    app = fake_app(tmp_path, parallel=2, pattern=r"w1_1_[1-4]_")
    gallery._serial_when_few_run(app)
    assert app.config.sphinx_gallery_conf["parallel"] == 2  # four forced by the pattern


def test_animation_scraper_embeds_the_player_once_and_closes_its_figure():
    x, c = xor()
    torch.manual_seed(2)
    model = TwoLayerNN()
    history = Trainer(model, "mse", lr=0.1, device="cpu").fit(x, c, epochs=6, snapshot_every=2)
    anim = animate_training(model, history, x, c, resolution=8, max_frames=3, dpi=30)
    static = plt.figure()
    block_vars = {"example_globals": {"anim": anim, "fig": static}}
    rst = scrapers.animation_scraper(None, block_vars, {})
    assert ".. container:: sphx-glr-animation" in rst
    assert ".. raw:: html" in rst
    assert rst.count("data:image/png;base64") == 3
    # the animation's figure is closed, so the matplotlib scraper saves only the static one
    assert anim._fig.number not in plt.get_fignums()  # type: ignore[attr-defined]
    assert static.number in plt.get_fignums()
    assert scrapers.animation_scraper(None, block_vars, {}) == ""
    plt.close("all")


def test_the_player_loads_font_awesome_from_the_site(tmp_path):
    x, c = xor()
    torch.manual_seed(2)
    model = TwoLayerNN()
    history = Trainer(model, "mse", lr=0.1, device="cpu").fit(x, c, epochs=2, snapshot_every=1)
    anim = animate_training(model, history, x, c, resolution=8, max_frames=2, dpi=30)
    docs = tmp_path / "docs"
    block_vars = {
        "example_globals": {"anim": anim},
        "target_file": str(docs / "auto_examples" / "week4" / "plot_w4_1_5_train_xor.py"),
    }
    rst = scrapers.animation_scraper(None, block_vars, {"src_dir": str(docs)})
    assert 'href="../../_static/font-awesome/css/font-awesome.min.css"' in rst
    assert "cdnjs" not in rst and "font-awesome/4" not in rst


def test_gc_freeze_hook_freezes_survivors_and_gives_no_arguments():
    gc.unfreeze()
    try:
        assert gallery.freeze_gc_before_example({}, {}) == []
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_animation_player_has_a_described_frame_and_a_labelled_slider():
    x, c = xor()
    torch.manual_seed(2)
    model = TwoLayerNN()
    history = Trainer(model, "mse", lr=0.1, device="cpu").fit(x, c, epochs=6, snapshot_every=2)
    anim = animate_training(model, history, x, c, resolution=8, max_frames=3, dpi=30)
    rst = scrapers.animation_scraper(None, {"example_globals": {"anim": anim}}, {})
    # the frame titles of the first and the last snapshot describe the animation
    assert 'alt="Animation: from after 0 epochs: accuracy' in rst
    assert "to after 6 epochs: accuracy" in rst
    assert 'aria-label="Animation frame"' in rst
    assert '<i class="fa' not in rst  # every icon is hidden from screen readers
    with pytest.raises(ValueError, match="player changed"):
        scrapers.accessible_player("<div>no player</div>", "x")


def test_describe_figure_reads_titles_labels_and_legends():
    fig, (left, right) = plt.subplots(1, 2)
    fig.suptitle("Loss for two learning rates")
    left.plot([1, 2], label=r"$\eta = 0.1$")
    left.plot([2, 1], label="lr 0.01")
    left.legend()
    left.set(title="Error", xlabel="epoch", ylabel=r"$\mathbf{w}_1$")
    right.set_title("first 10 epochs")
    assert scrapers.describe_figure(fig) == (
        "Loss for two learning rates; panel 1, Error: w_1 against epoch (eta = 0.1, lr 0.01);"
        " panel 2, first 10 epochs"
    )
    untitled, ax = plt.subplots()
    ax.plot([1, 2])
    with pytest.raises(ValueError, match=r"plot_x\.py: a figure has no title"):
        scrapers.describe_figure(untitled, "plot_x.py")
    plt.close("all")


def test_figure_scraper_gives_each_figure_its_own_alt_text(tmp_path):
    for title in ("first figure", "second figure"):
        _, ax = plt.subplots()
        ax.set_title(title)
    paths = iter(tmp_path / f"image_{i}.png" for i in range(1, 10))
    block_vars = {"image_path_iterator": paths, "src_file": str(tmp_path / "plot_x.py")}
    conf = {
        "image_srcset": [],
        "matplotlib_animations": (False, None),
        "compress_images": (),
        "src_dir": str(tmp_path),
    }
    rst = scrapers.figure_scraper(None, block_vars, conf)
    assert ":alt: first figure" in rst
    assert ":alt: second figure" in rst
    plt.close("all")
