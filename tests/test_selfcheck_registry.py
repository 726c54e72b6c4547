"""The registry finds every week's self-checks by file name: a new week needs no other edit."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import ee4414
from ee4414.selfcheck import exercises, registry


def test_the_course_weeks_are_found_in_order():
    names = [module.__name__ for module in registry.week_modules()]
    assert names == [f"ee4414.selfcheck.week{n}" for n in range(1, len(names) + 1)]
    assert len(names) >= 6
    weeks = [ex.split("-")[0] for ex in exercises()]
    assert weeks == sorted(weeks, key=lambda w: int(w[1:]))  # W1 first, W10 after W9


def test_a_week7_module_is_found_and_checks(week7_selfcheck, capsys):
    assert exercises()["W7-1.1"] == ["y_hat"]
    assert ee4414.check("W7-1.1", y_hat=torch.tensor([[1.5]])).ok
    assert capsys.readouterr().out == "W7-1.1: correct\n"
    wrong = ee4414.check("W7-1.1", y_hat=torch.tensor([[2.5]]))
    assert wrong.hints == [
        "y_hat: 1 of 1 entries differ from the expected values (the first at index (0, 0))"
    ]
    assert capsys.readouterr().out.startswith("W7-1.1: not yet\n")
    # the module was loaded from the extra folder, under the package's name for it
    (week7,) = [m for m in registry.week_modules() if m.__name__.endswith("week7")]
    assert week7.__file__ == str(week7_selfcheck)


def test_a_removed_folder_is_no_longer_searched(week7_selfcheck):
    assert "W7-1.1" in exercises()
    registry.remove_folder(week7_selfcheck.parent)
    assert "W7-1.1" not in exercises()
    with pytest.raises(KeyError, match="no self-check for 'W7-1.1'"):
        ee4414.check("W7-1.1", y_hat=torch.tensor([[1.5]]))
    registry.remove_folder(Path(registry.__file__).parent)  # the package's own stays
    assert "W1-1.1" in exercises()


def test_only_week_modules_count(selfcheck_folder):
    (selfcheck_folder / "helpers.py").write_text("raise RuntimeError('not a week')\n")
    (selfcheck_folder / "week8").mkdir()  # a package, not a module
    (selfcheck_folder / "week8" / "__init__.py").write_text("raise RuntimeError('a package')\n")
    assert "W8-1.1" not in exercises()


def test_a_week_without_a_table_is_an_error(selfcheck_folder):
    (selfcheck_folder / "week9.py").write_text("WEEK9 = {}\n")
    with pytest.raises(ValueError, match=r"ee4414\.selfcheck\.week9 defines no EXPECTATIONS"):
        exercises()


def test_an_exercise_id_defined_twice_is_an_error(selfcheck_folder):
    (selfcheck_folder / "week9.py").write_text(
        "from ee4414.selfcheck.checkers import number\n"
        "EXPECTATIONS = {'W1-1.2': {'a': number(1.0)}}\n"
    )
    with pytest.raises(ValueError, match=r"week9 defines 'W1-1.2' a second time"):
        exercises()
