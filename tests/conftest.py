"""Shared test set-up: a headless matplotlib, figures closed after every test, a week 7."""

from __future__ import annotations

import gc
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

ANIMATION_WARNING = "Animation was deleted without rendering"


@pytest.fixture(autouse=True)
def _close_figures(request):
    yield
    plt.close("all")
    marks = request.node.iter_markers("filterwarnings")
    if any(ANIMATION_WARNING in str(mark.args) for mark in marks):
        # collect the test's undrawn animations now, while their warning is ignored, not in
        # a later test where the strict filter turns the warning in __del__ into an error
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", ANIMATION_WARNING, UserWarning)
            gc.collect()


# A week-7 self-check module, as a new week would add it in src/ee4414/selfcheck/week7.py:
# one exercise, one variable, y_hat = wᵀx + b = 2·0.5 + 1·0.5 + 0 = 1.5.
WEEK7_SELFCHECK = '''"""Self-checks for week 7 (a test's stand-in for a new week)."""

from ee4414.selfcheck.checkers import Expectations, equals_tensor

EXPECTATIONS: Expectations = {
    "W7-1.1": {"y_hat": equals_tensor([[1.5]], what="a 1×1 tensor")},
}
'''


@pytest.fixture
def selfcheck_folder(tmp_path):
    """An extra folder that the self-check registry searches: a `weekN.py` there is a week."""
    from ee4414.selfcheck import registry

    folder = tmp_path / "selfcheck"
    folder.mkdir()
    registry.add_folder(folder)
    yield folder
    registry.remove_folder(folder)


@pytest.fixture
def week7_selfcheck(selfcheck_folder):
    """The path of a `week7.py` self-check module (exercise W7-1.1) that the registry finds."""
    path = selfcheck_folder / "week7.py"
    path.write_text(WEEK7_SELFCHECK, encoding="utf-8")
    return path
