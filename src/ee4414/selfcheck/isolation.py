"""Running a checker on a student's answer in isolation, under a time limit.

A student's code may loop forever, write into the tensors it is given, reseed the random
number generator, switch autograd off or change PyTorch's default dtype. None of that may
change a verdict, this one or a later one. :func:`run_isolated` runs one checker so that

- it stops after :data:`TIME_LIMIT` seconds (where the platform has ``SIGALRM``);
- every tensor the checker modules hold (probes, references) is put back as it was;
- PyTorch's random state, default dtype and grad mode are put back;
- warnings are collected and summarised in one note, not shown one by one;
- an error inside the checker becomes a hint, never a traceback.
"""

from __future__ import annotations

import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import torch

TIME_LIMIT = 10.0
"""Seconds that checking one variable, student code included, may take."""


class OutOfTime(BaseException):
    """Raised inside student code when the time limit is up.

    A ``BaseException``, so that a student's ``except Exception`` cannot swallow it.
    """


def time_limit_available() -> bool:
    """True where :func:`time_limit` can stop code: ``SIGALRM`` exists, main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`OutOfTime` in the block once ``seconds`` have passed.

    On Windows (no ``SIGALRM``) and outside the main thread, the block runs unlimited.
    """
    if not time_limit_available() or seconds <= 0:
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise OutOfTime

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _tensors_in(value: Any, depth: int = 0) -> Iterator[torch.Tensor]:
    """Every tensor in ``value``, looking into tuples, lists and dicts a few levels deep."""
    if isinstance(value, torch.Tensor):
        yield value
    elif depth < 4 and isinstance(value, (tuple, list)):
        for item in value:
            yield from _tensors_in(item, depth + 1)
    elif depth < 4 and isinstance(value, dict):
        for item in value.values():
            yield from _tensors_in(item, depth + 1)


def _checker_tensors() -> list[torch.Tensor]:
    """The tensors held at module level by the self-check modules (probes, references)."""
    found: dict[int, torch.Tensor] = {}
    for name, module in sys.modules.copy().items():  # a copy: other threads may import
        if module is None or not name.startswith("ee4414.selfcheck"):
            continue
        for value in vars(module).values():
            for t in _tensors_in(value):
                found[id(t)] = t
    return list(found.values())


class _Snapshot:
    """The state a checker run must not change: module tensors and torch's global state."""

    def __init__(self) -> None:
        self.tensors = [(t, t.detach().clone()) for t in _checker_tensors()]
        self.dtype = torch.get_default_dtype()
        self.grad = torch.is_grad_enabled()
        self.rng = torch.random.get_rng_state()

    def restore(self) -> bool:
        """Put everything back; return True when a checker tensor had been changed."""
        changed = False
        for t, saved in self.tensors:
            if t.shape != saved.shape or t.dtype != saved.dtype or not torch.equal(t, saved):
                changed = True
                t.data = saved
        torch.set_default_dtype(self.dtype)
        torch.set_grad_enabled(self.grad)
        torch.random.set_rng_state(self.rng)
        return changed


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else "(no message)"


def summarise_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    """One note per distinct warning: its class, its first line and how often it came."""
    counts: dict[str, int] = {}
    for w in caught:
        text = f"{w.category.__name__}: {str(w.message).strip().splitlines()[0]}"
        counts[text] = counts.get(text, 0) + 1
    return [
        f"your code raised a warning{f' ({n} times)' if n > 1 else ''}, {text}"
        for text, n in counts.items()
    ]


def run_isolated(
    name: str, checker: Callable[[str, Any], list[str]], value: Any
) -> tuple[list[str], list[str]]:
    """Run ``checker(name, value)`` in isolation; return its hints and notes.

    Parameters
    ----------
    name : str
        The variable's name, used in the hints.
    checker : callable
        ``checker(name, value) -> hints``.
    value : object
        The student's answer.

    Returns
    -------
    hints : list of str
        What is wrong (empty when the answer is right).
    notes : list of str
        Warnings raised while checking, summarised.
    """
    snapshot = _Snapshot()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with time_limit(TIME_LIMIT):
                hints = list(checker(name, value))
        except OutOfTime:
            hints = [
                f"{name}: the check did not finish within {TIME_LIMIT:g} s; does every loop "
                "in your code end (a for loop over range(epochs), a while condition that "
                "becomes false)?"
            ]
        except RecursionError:
            hints = [f"{name}: your code calls itself without end (RecursionError)"]
        except Exception as err:  # a value of a kind no checker expects
            hints = [
                f"{name}: the check could not use this value ({type(err).__name__}: "
                f"{_first_line(err)}); compare its type and shape with what the exercise asks"
            ]
    changed = snapshot.restore()
    if changed and not hints:
        hints = [
            f"{name}: your code changed the tensors the check passed to it, in place (e.g. "
            "with x.zero_(), x += ... or x[0] = ...); compute a new tensor instead and leave "
            "the inputs as they are"
        ]
    return hints, summarise_warnings(caught)
