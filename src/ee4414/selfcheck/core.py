"""The checking machinery: expectations, results and :func:`check`."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from ee4414._checks import as_number
from ee4414.selfcheck.isolation import run_isolated

Checker = Callable[[str, Any], list[str]]


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
    from ee4414.selfcheck.expectations import EXPECTATIONS

    if not isinstance(exercise, str):
        raise TypeError(
            f"check expects the exercise id as a string first, e.g. check('W1-1.2', a=a); "
            f"got {exercise!r}"
        )
    if exercise not in EXPECTATIONS:
        raise KeyError(f"no self-check for {exercise!r}; known: {', '.join(EXPECTATIONS)}")
    expected = EXPECTATIONS[exercise]
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
    reference: Callable[..., Any],
    cases: Sequence[tuple[Any, ...]],
    *,
    atol: float = 1e-5,
    returns_tensor: bool = False,
    differentiable: bool = False,
) -> Checker:
    """Expect a function that agrees with ``reference`` on each tuple of arguments.

    The reference values are computed once, here, from copies of ``cases``; every call of
    the student's function gets fresh copies too, and must leave them unchanged. With
    ``returns_tensor`` the answer must be a floating-point tensor of the reference's shape
    (one element counts as any one-element shape) on the CPU; with ``differentiable``
    autograd must be able to follow it back to its inputs (training needs that).
    """
    pristine = copy.deepcopy(list(cases))
    wants = [reference(*copy.deepcopy(args)) for args in pristine]

    def checker(name: str, got: Any) -> list[str]:
        if not callable(got):
            return [f"{name} should be a function; got a {_describe(got)}"]
        for args, want in zip(pristine, wants, strict=True):
            fresh = copy.deepcopy(args)
            try:
                out = got(*fresh)
            except Exception as err:  # the student's code may raise anything
                return [f"{name}{_show_args(args)} raised {type(err).__name__}: {err}"]
            if not _same_values(fresh, args):
                return [
                    f"{name}{_show_args(args)} changed its inputs in place (e.g. with "
                    "y_hat.zero_() or y_hat -= ...); compute a new tensor and leave the "
                    "arguments as they are"
                ]
            if returns_tensor:
                hint = _tensor_answer_hint(name, args, out, want)
                if hint:
                    return [hint]
            if not _close(out, want, atol):
                return [f"{name}{_show_args(args)} gives a different result than expected"]
        if differentiable:
            return _differentiable_hint(name, got, pristine[0])
        return []

    return checker


def _same_values(now: Any, before: Any) -> bool:
    """True when ``now`` holds the same values as ``before`` (tensors compared exactly)."""
    if isinstance(before, torch.Tensor):
        return (
            isinstance(now, torch.Tensor)
            and now.shape == before.shape
            and now.dtype == before.dtype
            and bool(torch.equal(now.detach(), before))
        )
    if isinstance(before, (tuple, list)):
        return len(now) == len(before) and all(
            _same_values(a, b) for a, b in zip(now, before, strict=True)
        )
    return True


def _tensor_answer_hint(name: str, args: tuple[Any, ...], out: Any, want: Any) -> str | None:
    """What keeps ``out`` from being usable where the notebook needs a tensor, if anything."""
    call = f"{name}{_show_args(args)}"
    if not isinstance(out, torch.Tensor):
        return (
            f"{call} returns a {type(out).__name__}, not a tensor; it should return a tensor "
            "that autograd can differentiate (no .item() or float(...); Python's max and min "
            "give plain numbers, torch.clamp does not)"
        )
    want_t = torch.as_tensor(want)
    if out.shape != want_t.shape and not (out.numel() == want_t.numel() == 1):
        return f"{call} returns shape {tuple(out.shape)}; expected {tuple(want_t.shape)}"
    if not out.is_floating_point():
        return (
            f"{call} returns a tensor of dtype {out.dtype}; keep the floating-point dtype of "
            "the inputs (a cast to int or bool loses the values)"
        )
    if out.device.type != "cpu":
        return f"{call} returns a tensor on {out.device}; keep it on the inputs' device"
    return None


def _differentiable_hint(name: str, got: Callable[..., Any], args: tuple[Any, ...]) -> list[str]:
    """Check that autograd can follow ``got(*args)`` back to its floating-point inputs."""
    fresh = tuple(
        a.detach().clone().requires_grad_() if _is_float_tensor(a) else copy.deepcopy(a)
        for a in args
    )
    with torch.enable_grad():
        try:
            out = got(*fresh)
        except Exception as err:  # the student's code may raise anything
            return [
                f"{name}{_show_args(args)} raised {type(err).__name__} on inputs that "
                f"require gradients: {err}"
            ]
    if not (isinstance(out, torch.Tensor) and out.requires_grad):
        return [
            f"{name} should return a tensor that autograd can differentiate: build it with "
            "torch operations, without .item(), .detach() or a new torch.tensor(...)"
        ]
    return []


def _is_float_tensor(value: Any) -> bool:
    return isinstance(value, torch.Tensor) and value.is_floating_point()


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
    """A number of any library (Python, NumPy, a one-element tensor), else None."""
    if isinstance(value, torch.Tensor) and value.numel() == 1 and value.dim() > 0:
        value = value.reshape(())
    number = as_number(value)
    return None if number is None else float(number)


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


def model_input(model: Any, x: torch.Tensor) -> torch.Tensor:
    """A fresh copy of the probe ``x`` on the model's device, in its floating-point dtype.

    A model trained on a GPU (``device="auto"``) or built in float64 is then checked on
    the same footing as one on the CPU in float32, and its forward cannot touch the probe.
    """
    params = model.parameters() if isinstance(model, torch.nn.Module) else iter(())
    param = next(iter(params), None)
    if param is None or not param.is_floating_point():
        return x.detach().to(torch.float32).clone()
    return x.detach().to(device=param.device, dtype=param.dtype).clone()
