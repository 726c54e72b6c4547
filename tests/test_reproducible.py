"""Two runs of an example print the same text and numbers, so two clean builds agree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = [
    "week2/plot_w2_1_6_train_100_epochs.py",  # 100 epochs of SGD
    "week3/plot_w3_1_4_train_hinge_loss.py",  # per-point SGD from seeded weights
    "week6/plot_w6_1_1_uniform_init.py",  # seeded random initialisation
]


def _run(script: str) -> str:
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "random"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
        check=True,
    )
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("script", SAMPLE)
def test_two_runs_print_the_same(script):
    first, second = _run(script), _run(script)
    assert first.strip(), "the example printed nothing"
    assert first == second
