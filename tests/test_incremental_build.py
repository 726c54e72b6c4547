"""A rebuild redoes only what changed: exercise notebooks, week zips, source times."""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
sys.path.insert(0, str(ROOT / "tools"))

import ee4414_exercises as nbx  # noqa: E402
import source_times  # noqa: E402
from ee4414_install import install_cell  # noqa: E402

CONF = nbx.notebook_conf(install_cell("0.1.0", "https://example.org/ee4414/"), ROOT / "examples")
FIRST = "plot_w2_1_1_linear_model.py"
SECOND = "plot_w2_1_3_squared_error.py"


def _week(tmp_path: Path) -> tuple[Path, Path, Path]:
    examples, gallery, site = tmp_path / "examples", tmp_path / "gallery", tmp_path / "site"
    (examples / "week2").mkdir(parents=True)
    (gallery / "week2").mkdir(parents=True)
    for name in (FIRST, SECOND):
        shutil.copy(ROOT / "examples" / "week2" / name, examples / "week2" / name)
    return examples, gallery, site


def test_exercise_notebooks_are_remade_only_when_their_example_changes(tmp_path):
    examples, gallery, site = _week(tmp_path)
    cache = tmp_path / "doctrees" / "exercises.json"

    def build(address: str = "https://example.org/ee4414/") -> list[Path]:
        return nbx.build_exercise_notebooks(examples, gallery, site, CONF, None, cache, address)

    first = build()
    assert sorted(p.name for p in first) == [
        "plot_w2_1_1_linear_model_exercise.ipynb",
        "plot_w2_1_3_squared_error_exercise.ipynb",
    ]
    archive = site / "exercises" / "week2-exercises.zip"
    with zipfile.ZipFile(archive) as zf:
        assert len(zf.namelist()) == 2
    future = 4 * 10**18  # a zip newer than all its files is kept
    os.utime(archive, ns=(future, future))

    again = build()
    assert again == []
    assert archive.stat().st_mtime_ns == future

    changed = examples / "week2" / SECOND
    changed.write_text(changed.read_text() + "\n# changed\n")
    os.utime(archive, ns=(1, 1))  # older than its files: made again
    third = build()
    assert [p.name for p in third] == ["plot_w2_1_3_squared_error_exercise.ipynb"]
    assert archive.stat().st_mtime_ns > 1  # its week's zip was made again

    moved = build("https://elsewhere.org/")
    assert len(moved) == 2  # another address: every notebook's links change


def test_without_a_cache_every_notebook_is_written(tmp_path):
    examples, gallery, site = _week(tmp_path)
    for _ in range(2):
        assert len(nbx.build_exercise_notebooks(examples, gallery, site, CONF)) == 2


def test_source_times_come_back_for_unchanged_files_only(tmp_path):
    for name in ("docs/page.md", "examples/week1/plot_a.py", "src/pkg/mod.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}\n")
        os.utime(tmp_path / name, ns=(10**18, 10**18))
    (tmp_path / "docs" / "_build").mkdir()
    (tmp_path / "docs" / "_build" / "out.html").write_text("built")  # not a source
    manifest = tmp_path / "docs" / "_build" / "source-times.json"
    assert source_times.save(manifest, tmp_path) == 3

    for path in tmp_path.rglob("*.*"):  # a fresh checkout: every file new
        os.utime(path, ns=(2 * 10**18, 2 * 10**18))
    (tmp_path / "docs" / "page.md").write_text("edited\n")
    (tmp_path / "docs" / "new.md").write_text("new\n")

    assert source_times.restore(manifest, tmp_path) == (2, 2)
    assert (tmp_path / "examples/week1/plot_a.py").stat().st_mtime_ns == 10**18
    assert (tmp_path / "src/pkg/mod.py").stat().st_mtime_ns == 10**18
    assert (tmp_path / "docs/page.md").stat().st_mtime_ns > 10**18  # left as checked out
    assert (tmp_path / "docs/new.md").stat().st_mtime_ns > 10**18


def test_source_times_without_a_manifest_change_nothing(tmp_path):
    assert source_times.restore(tmp_path / "missing.json", tmp_path) == (0, 0)
