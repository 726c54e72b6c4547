"""The checkers a week module builds its expectations from.

A *checker* is a function ``checker(name, got) -> hints``: it looks at the student's
variable ``got`` (called ``name`` in the notebook) and returns the hints that say what is
wrong with it, none when it is right. The builders here make the common ones: a tensor
with given values (``equals_tensor``), a shape, a number, a function that agrees with
a reference (``agrees_with``), any property (``predicate``), and several checks in
a row (``all_of``). A week module maps each exercise id to its checkers in a table
named ``EXPECTATIONS`` (see :mod:`ee4414.selfcheck.registry`).
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import torch

from ee4414.selfcheck._probes import as_float, close

Checker = Callable[[str, Any], list[str]]
"""``checker(name, got) -> hints``: no hints when ``got`` is right."""

Expectations = Mapping[str, Mapping[str, Checker]]
"""Exercise id -> {variable name -> checker}: what one week's self-checks expect."""


def equals_tensor(
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
        value = as_float(got)
        if value is None:
            return [f"{name} should be a single number; got a {_describe(got)}"]
        if not math.isfinite(value):
            return [f"{name} is {value}: something overflowed or divided by zero"]
        if abs(value - expected) > atol:
            side = "large" if value > expected else "small"
            return [f"{name} = {value:.4f} is too {side}; recheck the formula and the signs"]
        return []

    return checker


def agrees_with(
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
            if not close(out, want, atol=atol):
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
