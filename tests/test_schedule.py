"""The gallery starts each week's longest examples first; pages keep their order."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_schedule as schedule  # noqa: E402


def test_longest_first_and_unknown_last_in_page_order():
    times = {"week4/b.py": 1.0, "week4/d.py": 5.0, "week4/a.py": 0.2, "week3/c.py": 9.0}
    names = ["a.py", "b.py", "c.py", "d.py", "e.py"]
    assert schedule.longest_first(names, "week4", times) == ["d.py", "b.py", "a.py", "c.py", "e.py"]


def test_split_keeps_serial_examples_and_orders_the_rest():
    def split(listdir, src_dir, conf):
        return listdir[:1], listdir[1:]

    ordered = schedule._ordered(split, {"week6/x.py": 0.1, "week6/y.py": 3.0})
    serial, parallel = ordered(["s.py", "x.py", "y.py"], "/src/examples/week6", {})
    assert serial == ["s.py"]
    assert parallel == ["y.py", "x.py"]
    assert ordered.original is split


def test_times_file_names_every_example(tmp_path):
    times = schedule.load_times()
    examples = sorted(
        p.relative_to(ROOT / "examples").as_posix()
        for p in (ROOT / "examples").glob("week*/plot_*.py")
    )
    assert sorted(times) == examples
    assert all(seconds >= 0 for seconds in times.values())
    assert schedule.load_times(tmp_path / "none.json") == {}
    (tmp_path / "t.json").write_text(json.dumps({"week1/a.py": "1.5"}))
    assert schedule.load_times(tmp_path / "t.json") == {"week1/a.py": 1.5}
