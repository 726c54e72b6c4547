"""The checking machinery: expectations, results and :func:`check`."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

Checker = Callable[[str, Any], list[str]]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of :func:`check`: which exercise, and the hints (none when correct)."""

    exercise: str
    hints: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every checked variable is right."""
        return not self.hints

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        if self.ok:
            return f"{self.exercise}: correct"
        return f"{self.exercise}: not yet\n" + "\n".join(f"  - {hint}" for hint in self.hints)


def check(exercise: str, /, **answers: Any) -> CheckResult:
    """Check a student's answers to one exercise and print the verdict.

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
        If a variable the exercise needs was not passed.
    """
    from ee4414.selfcheck.expectations import EXPECTATIONS

    if exercise not in EXPECTATIONS:
        raise KeyError(f"no self-check for {exercise!r}; known: {', '.join(EXPECTATIONS)}")
    expected = EXPECTATIONS[exercise]
    missing = [name for name in expected if name not in answers]
    if missing:
        raise TypeError(f"check({exercise!r}, ...) needs {', '.join(f'{n}={n}' for n in missing)}")
    hints = [hint for name, checker in expected.items() for hint in checker(name, answers[name])]
    result = CheckResult(exercise, hints)
    print(result)
    return result


def exercises() -> dict[str, list[str]]:
    """List the exercises that have self-checks and the variable names each one reads."""
    from ee4414.selfcheck.expectations import EXPECTATIONS

    return {ex: list(names) for ex, names in EXPECTATIONS.items()}


def tensor(
    expected: Sequence[Any] | torch.Tensor,
    *,
    dtype: torch.dtype | None = None,
    atol: float = 1e-4,
    what: str | None = None,
) -> Checker:
    """Expect a tensor with the given values (and dtype, when one is named)."""
    want = torch.as_tensor(expected, dtype=torch.float64)

    def checker(name: str, got: Any) -> list[str]:
        if not isinstance(got, torch.Tensor):
            return [
                f"{name} is a {type(got).__name__}; build a tensor, e.g. with torch.tensor(...)"
            ]
        hints = []
        if got.shape != want.shape:
            return [_shape_hint(name, tuple(got.shape), tuple(want.shape), what)]
        if dtype is not None and got.dtype != dtype:
            hints.append(f"{name} has dtype {got.dtype}, but the exercise asks for {dtype}")
        values = got.detach().cpu().double()
        wrong = ~torch.isclose(values, want, atol=atol, rtol=0)
        if wrong.any():
            first = tuple(int(i) for i in wrong.nonzero()[0].tolist())
            hints.append(
                f"{name}: {int(wrong.sum())} of {want.numel()} entries differ from the expected "
                f"values (the first at index {first})"
            )
        return hints

    return checker


def shape(expected: Sequence[int], what: str | None = None) -> Checker:
    """Expect a tensor of the given shape, whatever its values."""
    want = tuple(expected)

    def checker(name: str, got: Any) -> list[str]:
        if not isinstance(got, torch.Tensor):
            return [f"{name} is a {type(got).__name__}, not a tensor"]
        if tuple(got.shape) != want:
            return [_shape_hint(name, tuple(got.shape), want, what)]
        return []

    return checker


def number(expected: float, *, atol: float = 1e-4) -> Checker:
    """Expect a number (a float, an int, or a tensor with one element)."""

    def checker(name: str, got: Any) -> list[str]:
        value = _as_float(got)
        if value is None:
            return [f"{name} should be a single number; got a {_describe(got)}"]
        if not math.isfinite(value):
            return [f"{name} is {value}: something overflowed or divided by zero"]
        if abs(value - expected) > atol:
            side = "large" if value > expected else "small"
            return [f"{name} = {value:.4f} is too {side}; recheck the formula and the signs"]
        return []

    return checker


def function(
    reference: Callable[..., Any], cases: Sequence[tuple[Any, ...]], *, atol: float = 1e-5
) -> Checker:
    """Expect a function that agrees with ``reference`` on each tuple of arguments."""

    def checker(name: str, got: Any) -> list[str]:
        if not callable(got):
            return [f"{name} should be a function; got a {_describe(got)}"]
        for args in cases:
            try:
                out = got(*args)
            except Exception as err:  # the student's code may raise anything
                return [f"{name}{_show_args(args)} raised {type(err).__name__}: {err}"]
            want = reference(*args)
            if not _close(out, want, atol):
                return [f"{name}{_show_args(args)} gives a different result than expected"]
        return []

    return checker


def predicate(test: Callable[[Any], bool], hint: str) -> Checker:
    """Expect ``test(value)`` to be true; otherwise give ``hint``."""

    def checker(name: str, got: Any) -> list[str]:
        try:
            passed = bool(test(got))
        except Exception:  # a wrong type makes the test itself fail
            passed = False
        return [] if passed else [f"{name}: {hint}"]

    return checker


def all_of(*checkers: Checker) -> Checker:
    """Run several checks on one variable, stopping at the first that fails."""

    def checker(name: str, got: Any) -> list[str]:
        for one in checkers:
            hints = one(name, got)
            if hints:
                return hints
        return []

    return checker


Expectations = Mapping[str, Mapping[str, Checker]]


def _shape_hint(name: str, got: tuple[int, ...], want: tuple[int, ...], what: str | None) -> str:
    asked = f"{what} of shape {want}" if what else f"shape {want}"
    hint = f"{name} has shape {got}, but the exercise asks for {asked}"
    if math.prod(got) == math.prod(want):
        if got == tuple(reversed(want)):
            hint += " (the same numbers transposed: swap the dimensions)"
        elif len(got) < len(want):
            hint += " (the right number of entries: check how the brackets are nested)"
        else:
            hint += " (the right number of entries, arranged differently)"
    return hint


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value.detach().cpu().item())
    return None


def _close(out: Any, want: Any, atol: float) -> bool:
    if isinstance(want, torch.Tensor) or isinstance(out, torch.Tensor):
        try:
            a = torch.as_tensor(out, dtype=torch.float64)
            b = torch.as_tensor(want, dtype=torch.float64)
        except (TypeError, ValueError, RuntimeError):
            return False
        if a.numel() == b.numel() == 1:
            return abs(a.item() - b.item()) <= atol
        return a.shape == b.shape and torch.allclose(a, b, atol=atol, rtol=0)
    if isinstance(want, float) or isinstance(out, float):
        a_f, b_f = _as_float(out), _as_float(want)
        return a_f is not None and b_f is not None and abs(a_f - b_f) <= atol
    return bool(out == want)


def _describe(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return f"tensor of shape {tuple(value.shape)}"
    return type(value).__name__


def _show_args(args: tuple[Any, ...]) -> str:
    return "(" + ", ".join(_short(a) for a in args) + ")"


def _short(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return f"<tensor {tuple(value.shape)}>"
    return repr(value)
