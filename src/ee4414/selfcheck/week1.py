"""Self-check expectations for week 1's exercises: building, indexing and combining tensors.

Each entry maps the names an exercise notebook passes to :func:`ee4414.check` onto a
checker. The expected values are computed here with plain PyTorch from the exercise
statements (a few tiny tensors, built once at import). Hints name what is wrong (shape,
dtype, device, which entry) and never print the expected numbers.
"""

from __future__ import annotations

from typing import Any

import torch

from ee4414.course_numbers import W1_COLUMN_A, W1_COLUMN_B, W1_MATRIX_A
from ee4414.devices import resolve_device
from ee4414.selfcheck.checkers import (
    Checker,
    Expectations,
    all_of,
    equals_tensor,
    predicate,
    shape,
)


def _one_hot(size: tuple[int, ...], index: tuple[int, ...], where: str, what: str) -> Checker:
    """Expect zeros of shape ``size`` with a single 1 at ``index``; ``where`` says how to index."""
    expected = torch.zeros(size)
    expected[index] = 1.0
    return all_of(
        shape(size, what=what),
        predicate(
            lambda t: int(torch.count_nonzero(t)) == 1 and float(t.max()) == 1.0,
            "exactly one entry should be 1 and every other entry 0",
        ),
        predicate(lambda t: float(t[index]) == 1.0, f"the 1 is in the wrong place: {where}"),
        equals_tensor(expected, what=what),
    )


def _a_tensor(name: str, got: Any) -> list[str]:
    """Expect a tensor of any shape (so that the checks after it may use tensor methods)."""
    if isinstance(got, torch.Tensor):
        return []
    return [f"{name} is a {type(got).__name__}, not a tensor"]


def _has_ndim(ndim: int, hint: str) -> Checker:
    """Expect a tensor with ``ndim`` dimensions; otherwise give ``hint``."""
    return all_of(_a_tensor, predicate(lambda t: t.ndim == ndim, hint))


def _in_unit_interval(t: Any) -> bool:
    """True when every entry of ``t`` lies in [0, 1), the range of ``torch.rand``."""
    return bool(t.is_floating_point() and ((t >= 0) & (t < 1)).all())


def _usable_device_types() -> set[str]:
    """The device types the W1-2.6 answer may use: the GPU if CUDA is there, else the CPU.

    On an Apple laptop ``resolve_device("auto")`` may choose MPS, so that counts as well.
    """
    if torch.cuda.is_available():
        return {"cuda"}
    return {"cpu", resolve_device("auto").type}


def _on_usable_device(t: Any) -> bool:
    """True when ``t`` (a device or a tensor) is on the device the machine should use."""
    device = t.device if isinstance(t, torch.Tensor) else torch.device(t)
    return device.type in _usable_device_types()


# Values that several exercises start from (the course's numbers, see ee4414.course_numbers).
_MATRIX_A = torch.tensor(W1_MATRIX_A)  # A of W1-1.4, W1-2.3 and W1-2.5.2: 1 to 12, row by row
_COLUMN_A = torch.tensor(W1_COLUMN_A)  # a of W1-1.2, W1-2.2 and W1-2.6: [1, 3, 5]ᵀ
_COLUMN_B = torch.tensor(W1_COLUMN_B)  # b of W1-2.2: [2, 4, 6]ᵀ
_COLUMN_235 = torch.tensor([[2.0], [3.0], [5.0]])  # a (and b) of W1-2.4.1 and W1-2.4.3
_MATRIX_2_TO_7 = torch.tensor(
    [[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]]
)  # A (and B) of W1-2.4.2 and W1-2.5.1: 2 to 7, row by row
_TENTHS = torch.tensor([[0.1], [0.2], [0.3]])  # x of W1-2.7

# The 2×3×4 tensor of W1-2.1.3 to W1-2.1.6: zeros except Z[1, 1, 2] = 1.
_Z = torch.zeros(2, 3, 4)
_Z[1, 1, 2] = 1.0

# W1-1.6: a seeded draw is checked by its shape and range, which hold for any seed.
_UNIFORM_2X3 = all_of(
    shape((2, 3)),
    predicate(_in_unit_interval, "torch.rand draws floats in [0, 1); some are not"),
)

EXPECTATIONS: Expectations = {
    "W1-1.1": {
        "a": all_of(
            equals_tensor(torch.zeros(3, 1), dtype=torch.float64, what="a column vector"),
            predicate(
                lambda t: t.device.type == "cpu",
                "keep it in the CPU's memory: check the device argument",
            ),
            predicate(
                lambda t: not t.requires_grad,
                "a data point is not learned, so autograd should not track it: check requires_grad",
            ),
        ),
    },
    "W1-1.2": {
        "a": equals_tensor(_COLUMN_A, dtype=torch.float32, what="a column vector"),
    },
    "W1-1.3": {
        "b": equals_tensor(_COLUMN_A.T, dtype=torch.float32, what="a row vector"),
        "predicted": predicate(
            lambda p: tuple(p) == (3, 2),
            "a shape lists the sizes from the outer bracket inwards: count the items of "
            "the outer list (the rows), then of one inner list (the columns)",
        ),
    },
    "W1-1.4": {
        "A": equals_tensor(_MATRIX_A, what="a matrix"),
    },
    "W1-1.5": {
        "A_": equals_tensor(
            [[[1, 2], [5, 6], [9, 10]], [[3, 4], [7, 8], [11, 12]]], what="a 3-D tensor"
        ),
    },
    "W1-1.6": {
        "ones": equals_tensor(torch.ones(3, 1), what="a column vector"),
        "count": all_of(
            _a_tensor,
            predicate(
                lambda t: t.numel() == 12,
                "1 to 12 is twelve numbers; remember where torch.arange stops",
            ),
            equals_tensor(torch.arange(1.0, 13.0), what="a 1-D tensor"),
        ),
        "I3": equals_tensor(torch.eye(3), what="a square matrix"),
        "first": _UNIFORM_2X3,
        "again": _UNIFORM_2X3,
    },
    "W1-2.1.1": {
        "z": _one_hot((3, 1), (0, 0), "positions are counted from 0", what="a column vector"),
    },
    "W1-2.1.2": {
        "Z": _one_hot(
            (3, 4),
            (0, 2),
            "the first index is the row, the second the column, both counted from 0",
            what="a matrix",
        ),
    },
    "W1-2.1.3": {
        "Z": _one_hot(
            (2, 3, 4),
            (1, 1, 2),
            "the indices are (matrix, row, column), each counted from 0",
            what="a 3-D tensor",
        ),
    },
    "W1-2.1.4": {
        "col_1d": all_of(
            _has_ndim(1, "an integer index removes its dimension, so this should be 1-D"),
            equals_tensor(_Z[1, :, 2]),
        ),
        "col_2d": all_of(
            _has_ndim(2, "a slice keeps its dimension, even of length one; an integer removes it"),
            equals_tensor(_Z[1, :, 2:3], what="a column vector"),
        ),
    },
    "W1-2.1.5": {
        "block": all_of(
            _has_ndim(2, "an integer as the first index picks one matrix; this should be 2-D"),
            predicate(
                lambda t: t.shape[-1] == 2,
                "a range a:b keeps the positions a up to b - 1; check the number of columns",
            ),
            equals_tensor(_Z[1, :, 1:3], what="a matrix"),
        ),
    },
    "W1-2.1.6": {
        "tail": all_of(
            _has_ndim(2, "an integer as the first index picks one matrix; this should be 2-D"),
            predicate(
                lambda t: t.shape[-1] == 3,
                "a range a: runs from a to the end; check the number of columns",
            ),
            equals_tensor(_Z[1, :, 1:], what="a matrix"),
        ),
    },
    "W1-2.2.1": {
        "s": all_of(
            _has_ndim(3, "torch.stack adds a new dimension, so s has one more than a and b"),
            equals_tensor(
                torch.stack([_COLUMN_A, _COLUMN_B], dim=0), what="the vectors stacked along dim 0"
            ),
        ),
        "s1": equals_tensor(
            torch.stack([_COLUMN_A, _COLUMN_B], dim=1), what="the vectors stacked along dim 1"
        ),
        "s2": equals_tensor(
            torch.stack([_COLUMN_A, _COLUMN_B], dim=2), what="the vectors stacked along dim 2"
        ),
    },
    "W1-2.2.2": {
        "c": all_of(
            _has_ndim(2, "torch.cat joins along a dimension a and b already have"),
            equals_tensor(torch.cat([_COLUMN_A, _COLUMN_B], dim=0), what="a column vector"),
        ),
    },
    "W1-2.3.1": {
        "b": equals_tensor(_COLUMN_A.T, what="a row vector"),
    },
    "W1-2.3.2": {
        "B": equals_tensor(_MATRIX_A.T, what="the transpose of A"),
    },
    "W1-2.3.3": {
        "A_": equals_tensor(
            torch.stack([_MATRIX_A, _MATRIX_A]), what="two copies of the matrix, stacked"
        ),
        "B_": all_of(
            _a_tensor,
            predicate(
                lambda t: t.shape[0] == 2,
                "the first axis (which matrix) should stay where it is",
            ),
            equals_tensor(torch.stack([_MATRIX_A.T, _MATRIX_A.T]), what="each matrix transposed"),
        ),
    },
    "W1-2.4.1": {
        "c": equals_tensor(_COLUMN_235 * _COLUMN_235, what="a column vector"),
    },
    "W1-2.4.2": {
        "C": equals_tensor(_MATRIX_2_TO_7 * _MATRIX_2_TO_7, what="a matrix"),
    },
    "W1-2.4.3": {
        "result": equals_tensor(_COLUMN_235 * _COLUMN_235.T, what="a matrix"),
    },
    "W1-2.4.4": {
        "result": equals_tensor(
            torch.tensor([[2.0, 3.0], [4.0, 5.0], [6.0, 7.0]])
            * torch.tensor([[1.0], [2.0], [3.0]]),
            what="a matrix",
        ),
    },
    "W1-2.5.1": {
        "B_T": equals_tensor(_MATRIX_2_TO_7.T, what="the transpose of B"),
        "C": equals_tensor(_MATRIX_2_TO_7 @ _MATRIX_2_TO_7.T, what="a matrix"),
        "D": equals_tensor(_MATRIX_2_TO_7.T @ _MATRIX_2_TO_7, what="a matrix"),
    },
    "W1-2.5.2": {
        "C_": equals_tensor(
            torch.stack([_MATRIX_A, _MATRIX_A]) @ _MATRIX_A.T, what="a batch of matrices"
        ),
    },
    "W1-2.6": {
        "device": predicate(
            _on_usable_device,
            "use the GPU when torch.cuda.is_available() says there is one, the CPU otherwise",
        ),
        "x": all_of(
            equals_tensor(_COLUMN_A, what="a column vector"),
            predicate(_on_usable_device, "move it to the chosen device with .to(device)"),
        ),
        "y": all_of(
            equals_tensor(torch.tensor([[7.5]]), what="a 1×1 matrix"),
            predicate(_on_usable_device, "compute it on the device, where w and x are"),
        ),
        "y_back": all_of(
            predicate(
                lambda t: isinstance(t, torch.Tensor),
                "keep the result a tensor, copied to the CPU, not a Python number",
            ),
            equals_tensor(torch.tensor([[7.5]]), what="a 1×1 matrix"),
            predicate(lambda t: t.device.type == "cpu", "bring the result back to the CPU"),
        ),
    },
    "W1-2.7": {
        "x64": equals_tensor(_TENTHS, dtype=torch.float64, what="a column vector"),
        "x64_to": equals_tensor(_TENTHS, dtype=torch.float64, what="a column vector"),
        "x32": equals_tensor(_TENTHS, dtype=torch.float32, what="a column vector"),
        "x32_to": equals_tensor(_TENTHS, dtype=torch.float32, what="a column vector"),
    },
}
