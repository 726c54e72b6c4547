"""Checking one exercise: :func:`check`, its result, and the list of exercises.

The checkers come from :mod:`ee4414.selfcheck.registry`, which finds every week's
self-check module; the checker builders are in :mod:`ee4414.selfcheck.checkers`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ee4414.selfcheck import registry
from ee4414.selfcheck.isolation import run_isolated


@dataclass(frozen=True)
class CheckResult:
    """The outcome of :func:`check`: which exercise, the hints (none when correct), notes.

    ``notes`` hold what the check noticed without judging it, such as the warnings the
    student's code raised; they do not change :attr:`ok`.
    """

    exercise: str
    hints: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every checked variable is right."""
        return not self.hints

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        if self.ok:
            lines = [f"{self.exercise}: correct"]
        else:
            lines = [f"{self.exercise}: not yet", *(f"  - {hint}" for hint in self.hints)]
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)

    def _ipython_display_(self) -> None:
        """Show nothing: :func:`check` has printed the verdict already (no second echo)."""


def check(exercise: str, /, **answers: Any) -> CheckResult:
    """Check a student's answers to one exercise and print the verdict, once.

    Each variable is checked in isolation: the expected values come from the course's
    numbers, computed once; the student's functions get fresh copies of every input; the
    checker's own tensors, PyTorch's random state, default dtype and grad mode are put back
    afterwards, so nothing a student's code does can change a later verdict. Student code
    runs under a time limit of 10 seconds per variable
    (``ee4414.selfcheck.isolation.TIME_LIMIT``) (on Linux, macOS and
    Colab; on Windows, which has no ``SIGALRM``, there is no limit: interrupt the kernel
    with the stop button if a check does not finish). Warnings raised while checking are
    summarised in a note instead of being shown one by one.

    Parameters
    ----------
    exercise : str
        The exercise id, e.g. ``"W1-1.2"`` (as on the site).
    **answers
        The student's variables, by the names the exercise uses, e.g. ``a=a``.

    Returns
    -------
    CheckResult
        ``.ok`` is True when everything is right; ``.hints`` says what is not.

    Raises
    ------
    KeyError
        If no self-check exists for ``exercise``; the message lists the ids.
    TypeError
        If ``exercise`` is not a string, or a variable the exercise needs was not passed.
    """
    if not isinstance(exercise, str):
        raise TypeError(
            f"check expects the exercise id as a string first, e.g. check('W1-1.2', a=a); "
            f"got {exercise!r}"
        )
    table = registry.expectations()
    if exercise not in table:
        raise KeyError(f"no self-check for {exercise!r}; known: {', '.join(table)}")
    expected = table[exercise]
    missing = [name for name in expected if name not in answers]
    if missing:
        raise TypeError(f"check({exercise!r}, ...) needs {', '.join(f'{n}={n}' for n in missing)}")
    hints: list[str] = []
    notes: list[str] = []
    for name, checker in expected.items():
        found, noticed = run_isolated(name, checker, answers[name])
        hints += found
        notes += noticed
    result = CheckResult(exercise, hints, notes)
    print(result)
    return result


def exercises() -> dict[str, list[str]]:
    """List the exercises that have self-checks and the variable names each one reads."""
    return {ex: list(names) for ex, names in registry.expectations().items()}
