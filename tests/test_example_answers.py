"""Every example is an exercise: marked answers, and a worked answer that passes its check.

The notebook generator (docs/_ext/ee4414_exercises.py) turns the code between the answer
markers into ``# TODO`` scaffolds and adds an ``ee4414.check(...)`` cell after the cell
holding the last answer. These tests read each example as that generator does, then run
it up to that point and call the self-check on the worked answer.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

import pytest

from ee4414.selfcheck import check, exercises

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted((ROOT / "examples").glob("week*/plot_*.py"))
START = "# sphinx_gallery_ee4414_answer_start"
END = "# sphinx_gallery_ee4414_answer_end"

sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_course as model  # noqa: E402
from ee4414_course import exercise_id  # noqa: E402


def exercise_of(path: Path) -> str:
    return exercise_id(path.stem)


def until_self_check(source: str) -> str:
    """The script up to the end of the ``# %%`` cell holding its last answer."""
    lines = source.splitlines(keepends=True)
    last_end = max(i for i, line in enumerate(lines) if line.strip() == END)
    stop = next((i for i in range(last_end, len(lines)) if lines[i].startswith("# %%")), None)
    return "".join(lines[:stop])


def test_one_example_per_exercise_and_week():
    course = model.course(ROOT / "examples")
    ids = [exercise for week in course for exercise in week.exercises]
    assert len(ids) == len(set(ids)) == len(SCRIPTS)
    assert sorted(ids) == sorted(exercises())
    # each example sits in its own week's folder
    assert all(e.startswith(f"W{week.number}-") for week in course for e in week.exercises)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_answer_markers_are_well_formed(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    cell = 0
    pairs_in_cell: dict[int, int] = {}
    open_at: int | None = None
    for i, line in enumerate(lines):
        if line.startswith("# %%"):
            assert open_at is None, f"line {open_at + 1}: the answer runs into the next cell"
            cell += 1
        elif line == START:
            assert open_at is None, f"line {i + 1}: nested start marker"
            # a comment line right above would make the marker part of the text cell
            assert not lines[i - 1].startswith("#"), f"line {i + 1}: put a blank line above"
            open_at = i
        elif line == END:
            assert open_at is not None, f"line {i + 1}: end marker without a start"
            body = "\n".join(lines[open_at + 1 : i])
            assert ast.parse(body).body, f"line {i + 1}: nothing marked"  # top-level code
            pairs_in_cell[cell] = pairs_in_cell.get(cell, 0) + 1
            open_at = None
    assert open_at is None, "unclosed start marker"
    assert pairs_in_cell, "no answer marked"
    assert max(pairs_in_cell.values()) == 1, "at most one answer per cell"


TRAINING = {"W4-1.5", "W4-1.6", "W6-1.2", "W6-1.3", "W6-1.4"}  # seconds each, not less


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, marks=pytest.mark.slow) if exercise_of(p) in TRAINING else p for p in SCRIPTS],
    ids=lambda p: p.stem,
)
def test_the_example_passes_its_own_check(path, capsys):
    exercise = exercise_of(path)
    code = compile(until_self_check(path.read_text(encoding="utf-8")), str(path), "exec")
    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": str(path)}
    exec(code, namespace)
    result = check(exercise, **{name: namespace[name] for name in exercises()[exercise]})
    assert result.ok, result.hints
