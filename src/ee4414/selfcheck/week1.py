"""Self-check expectations for week 1's exercises: building, indexing and combining tensors.

Each entry maps the names an exercise notebook passes to :func:`ee4414.check` onto a
checker. The expected values are computed here with plain PyTorch from the exercise
statements (a few tiny tensors, built once at import). Hints name what is wrong (shape,
dtype, device, which entry) and never print the expected numbers.
"""

from __future__ import annotations

from typing import Any

import torch

from ee4414.devices import resolve_device
from ee4414.selfcheck.core import Checker, Expectations, all_of, predicate, shape, tensor


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
        tensor(expected, what=what),
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


# Values that several exercises start from (W1-1.4, W1-2.3, W1-2.5).
_A12 = torch.arange(1.0, 13.0).reshape(3, 4)  # the 3×4 matrix holding 1 to 12 row by row
_a135 = torch.tensor([[1.0], [3.0], [5.0]])
_b246 = torch.tensor([[2.0], [4.0], [6.0]])
_a235 = torch.tensor([[2.0], [3.0], [5.0]])
_M23 = torch.tensor([[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]])
_x_tenths = torch.tensor([[0.1], [0.2], [0.3]])

# The 2×3×4 tensor of W1-2.1.3 to W1-2.1.6: zeros except Z[1, 1, 2] = 1.
_Z = torch.zeros(2, 3, 4)
_Z[1, 1, 2] = 1.0

# W1-1.6: a seeded draw is checked by its shape and range, which hold for any seed.
_UNIFORM_2X3 = all_of(
    shape((2, 3)),
    predicate(_in_unit_interval, "torch.rand draws floats in [0, 1); some are not"),
)

WEEK1: Expectations = {
    "W1-1.1": {
        "a": all_of(
            tensor(torch.zeros(3, 1), dtype=torch.float64, what="a column vector"),
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
        "a": tensor(_a135, dtype=torch.float32, what="a column vector"),
    },
    "W1-1.3": {
        "b": tensor(_a135.T, dtype=torch.float32, what="a row vector"),
        "predicted": predicate(
            lambda p: tuple(p) == (3, 2),
            "a shape lists the sizes from the outer bracket inwards: count the items of "
            "the outer list (the rows), then of one inner list (the columns)",
        ),
    },
    "W1-1.4": {
        "A": tensor(_A12, what="a matrix"),
    },
    "W1-1.5": {
        "A_": tensor([[[1, 2], [5, 6], [9, 10]], [[3, 4], [7, 8], [11, 12]]], what="a 3-D tensor"),
    },
    "W1-1.6": {
        "ones": tensor(torch.ones(3, 1), what="a column vector"),
        "count": all_of(
            _a_tensor,
            predicate(
                lambda t: t.numel() == 12,
                "1 to 12 is twelve numbers; remember where torch.arange stops",
            ),
            tensor(torch.arange(1.0, 13.0), what="a 1-D tensor"),
        ),
        "I3": tensor(torch.eye(3), what="a square matrix"),
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
            tensor(_Z[1, :, 2]),
        ),
        "col_2d": all_of(
            _has_ndim(2, "a slice keeps its dimension, even of length one; an integer removes it"),
            tensor(_Z[1, :, 2:3], what="a column vector"),
        ),
    },
    "W1-2.1.5": {
        "block": all_of(
            _has_ndim(2, "an integer as the first index picks one matrix; this should be 2-D"),
            predicate(
                lambda t: t.shape[-1] == 2,
                "a range a:b keeps the positions a up to b - 1; check the number of columns",
            ),
            tensor(_Z[1, :, 1:3], what="a matrix"),
        ),
    },
    "W1-2.1.6": {
        "tail": all_of(
            _has_ndim(2, "an integer as the first index picks one matrix; this should be 2-D"),
            predicate(
                lambda t: t.shape[-1] == 3,
                "a range a: runs from a to the end; check the number of columns",
            ),
            tensor(_Z[1, :, 1:], what="a matrix"),
        ),
    },
    "W1-2.2.1": {
        "s": all_of(
            _has_ndim(3, "torch.stack adds a new dimension, so s has one more than a and b"),
            tensor(torch.stack([_a135, _b246], dim=0), what="the vectors stacked along dim 0"),
        ),
        "s1": tensor(torch.stack([_a135, _b246], dim=1), what="the vectors stacked along dim 1"),
        "s2": tensor(torch.stack([_a135, _b246], dim=2), what="the vectors stacked along dim 2"),
    },
    "W1-2.2.2": {
        "c": all_of(
            _has_ndim(2, "torch.cat joins along a dimension a and b already have"),
            tensor(torch.cat([_a135, _b246], dim=0), what="a column vector"),
        ),
    },
    "W1-2.3.1": {
        "b": tensor(_a135.T, what="a row vector"),
    },
    "W1-2.3.2": {
        "B": tensor(_A12.T, what="the transpose of A"),
    },
    "W1-2.3.3": {
        "A_": tensor(torch.stack([_A12, _A12]), what="two copies of the matrix, stacked"),
        "B_": all_of(
            _a_tensor,
            predicate(
                lambda t: t.shape[0] == 2,
                "the first axis (which matrix) should stay where it is",
            ),
            tensor(torch.stack([_A12.T, _A12.T]), what="each matrix transposed"),
        ),
    },
    "W1-2.4.1": {
        "c": tensor(_a235 * _a235, what="a column vector"),
    },
    "W1-2.4.2": {
        "C": tensor(_M23 * _M23, what="a matrix"),
    },
    "W1-2.4.3": {
        "result": tensor(_a235 * _a235.T, what="a matrix"),
    },
    "W1-2.4.4": {
        "result": tensor(
            torch.tensor([[2.0, 3.0], [4.0, 5.0], [6.0, 7.0]])
            * torch.tensor([[1.0], [2.0], [3.0]]),
            what="a matrix",
        ),
    },
    "W1-2.5.1": {
        "B_T": tensor(_M23.T, what="the transpose of B"),
        "C": tensor(_M23 @ _M23.T, what="a matrix"),
        "D": tensor(_M23.T @ _M23, what="a matrix"),
    },
    "W1-2.5.2": {
        "C_": tensor(torch.stack([_A12, _A12]) @ _A12.T, what="a batch of matrices"),
    },
    "W1-2.6": {
        "device": predicate(
            _on_usable_device,
            "use the GPU when torch.cuda.is_available() says there is one, the CPU otherwise",
        ),
        "x": all_of(
            tensor(_a135, what="a column vector"),
            predicate(_on_usable_device, "move it to the chosen device with .to(device)"),
        ),
        "y": all_of(
            tensor(torch.tensor([[7.5]]), what="a 1×1 matrix"),
            predicate(_on_usable_device, "compute it on the device, where w and x are"),
        ),
        "y_back": all_of(
            predicate(
                lambda t: isinstance(t, torch.Tensor),
                "keep the result a tensor, copied to the CPU, not a Python number",
            ),
            tensor(torch.tensor([[7.5]]), what="a 1×1 matrix"),
            predicate(lambda t: t.device.type == "cpu", "bring the result back to the CPU"),
        ),
    },
    "W1-2.7": {
        "x64": tensor(_x_tenths, dtype=torch.float64, what="a column vector"),
        "x64_to": tensor(_x_tenths, dtype=torch.float64, what="a column vector"),
        "x32": tensor(_x_tenths, dtype=torch.float32, what="a column vector"),
        "x32_to": tensor(_x_tenths, dtype=torch.float32, what="a column vector"),
    },
}
