"""The course's weeks are the examples/weekN folders, in week order."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from ee4414_course import weeks  # noqa: E402


def test_weeks_are_the_example_folders_in_order():
    assert [p.name for p in weeks(ROOT / "examples")] == [f"week{n}" for n in range(1, 7)]


def test_a_new_week_is_a_new_folder(tmp_path):
    for name in ("week2", "week10", "week1", "week9", "notes", "weekly"):
        (tmp_path / name).mkdir()
    (tmp_path / "week3").write_text("a file, not a week")
    assert [p.name for p in weeks(tmp_path)] == ["week1", "week2", "week9", "week10"]
