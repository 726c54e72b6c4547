"""Reading tensors and their shapes (week 1).

Week 1 is about shapes: what a tensor holds, and which shapes combine. These helpers put
into words what PyTorch does silently, so a student can check their own reasoning:

- :func:`describe` gives the four facts that matter about a tensor on one line;
- :func:`explain_broadcast` shows, step by step, how two shapes align for an element-wise
  operation such as ``a * b``;
- :func:`explain_matmul` does the same for ``A @ B``.

Both explainers raise a :class:`ValueError` that names the dimension that disagrees,
where PyTorch would raise a terser ``RuntimeError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import torch

from ee4414 import _checks

ShapeLike = torch.Tensor | Sequence[int]


def describe(t: torch.Tensor) -> str:
    """Describe a tensor in one line: shape, dtype, device and ``requires_grad``.

    Parameters
    ----------
    t : torch.Tensor, any shape
        The tensor to describe.

    Returns
    -------
    str
        For example ``"shape (3, 1) | dtype torch.float64 | device cpu | requires_grad False"``.

    Raises
    ------
    TypeError
        If ``t`` is not a tensor.

    Examples
    --------
    >>> describe(torch.zeros(3, 1, dtype=torch.float64))
    'shape (3, 1) | dtype torch.float64 | device cpu | requires_grad False'
    """
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"describe expects a torch.Tensor; got {type(t).__name__}")
    return (
        f"shape {_fmt(t.shape)} | dtype {t.dtype} | device {t.device} "
        f"| requires_grad {t.requires_grad}"
    )


@dataclass(frozen=True)
class BroadcastExplanation:
    """How two shapes broadcast, step by step.

    Attributes
    ----------
    a, b : tuple of int
        The two input shapes.
    result : tuple of int
        The shape of the result of an element-wise operation on tensors of shapes ``a``
        and ``b``.
    steps : list of str
        The reasoning, one line per step; ``str(explanation)`` joins them.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    result: tuple[int, ...]
    steps: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.steps)


@dataclass(frozen=True)
class MatmulExplanation:
    """How ``A @ B`` lines up two shapes, step by step.

    Attributes
    ----------
    a, b : tuple of int
        The shapes of ``A`` and ``B``.
    batch : tuple of int
        The broadcast batch dimensions (everything before the last two).
    contracted : int
        The size of the dimension that is summed over (columns of ``A``, rows of ``B``).
    result : tuple of int
        The shape of ``A @ B``.
    steps : list of str
        The reasoning, one line per step; ``str(explanation)`` joins them.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    batch: tuple[int, ...]
    contracted: int
    result: tuple[int, ...]
    steps: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.steps)


def explain_broadcast(a: ShapeLike, b: ShapeLike) -> BroadcastExplanation:
    r"""Explain how the shapes of ``a`` and ``b`` broadcast in an element-wise operation.

    PyTorch compares shapes from the right. The shorter shape is padded with 1s on the
    left; then, dimension by dimension, the sizes must be equal or one of them must be 1,
    and a size-1 dimension is stretched (repeated) to match the other:

    .. math::

        n_{\text{out}, d} = \begin{cases} n_{b, d} & \text{if } n_{a, d} = 1, \\
        n_{a, d} & \text{if } n_{b, d} \in \{1, n_{a, d}\}, \end{cases}

    so a size-1 dimension stretches to the other size, even to 0 (an empty result).

    Parameters
    ----------
    a, b : torch.Tensor or sequence of int
        Two tensors, or their shapes.

    Returns
    -------
    BroadcastExplanation
        The result shape and the steps; ``print(...)`` it to read them.

    Raises
    ------
    TypeError
        If ``a`` or ``b`` is neither a tensor nor a sequence of ints.
    ValueError
        If a size is negative, or the shapes cannot broadcast; the message names
        the dimension that disagrees.

    Examples
    --------
    >>> explain_broadcast((3, 1), (1, 3)).result
    (3, 3)
    """
    sa, sb = _shape(a, "a", "explain_broadcast"), _shape(b, "b", "explain_broadcast")
    n = max(len(sa), len(sb))
    pa, pb = (1,) * (n - len(sa)) + sa, (1,) * (n - len(sb)) + sb
    steps = [f"broadcast {_fmt(sa)} with {_fmt(sb)}"]
    if pa != sa or pb != sb:
        steps.append(f"1. pad with 1s on the left to {_dims(n)}: {_fmt(pa)} and {_fmt(pb)}")
    else:
        steps.append(f"1. both have {_dims(n)} already: nothing to pad")
    for d in range(n - 1, -1, -1):  # PyTorch compares from the right
        if pa[d] != pb[d] and 1 not in (pa[d], pb[d]):
            raise ValueError(
                f"cannot broadcast {_fmt(sa)} with {_fmt(sb)}: at dim {d - n} the sizes are "
                f"{pa[d]} and {pb[d]}; they must be equal or one of them 1"
            )
    result = []
    stretched = []
    for d, (x, y) in enumerate(zip(pa, pb, strict=True)):
        size = y if x == 1 else x  # a size-1 dim takes the other's size, even 0
        result.append(size)
        if x != y:
            who = "first" if x == 1 else "second"
            stretched.append(f"dim {d - n}: {who} 1 -> {size}")
    if stretched:
        steps.append("2. stretch the size-1 dims (repeat the values): " + "; ".join(stretched))
    else:
        steps.append("2. every dim already matches: nothing to stretch")
    steps.append(f"3. result shape: {_fmt(tuple(result))}")
    return BroadcastExplanation(sa, sb, tuple(result), steps)


def explain_matmul(a: ShapeLike, b: ShapeLike) -> MatmulExplanation:
    r"""Explain the shape of ``A @ B`` (:func:`torch.matmul`), step by step.

    The last two dimensions are multiplied as matrices, the dimensions before them are
    batch dimensions and broadcast (see :func:`explain_broadcast`):

    .. math::

        (\ast_A, n, k) \mathbin{@} (\ast_B, k, m) \to
        (\operatorname{broadcast}(\ast_A, \ast_B), n, m),
        \qquad C_{ij} = \sum_{l=0}^{k-1} A_{il} B_{lj}.

    Indices count from 0, as tensors are indexed (the convention of the course's
    examples): the sum runs over ``l = 0, ..., k - 1``, and step 2 of the explanation says
    so with the actual ``k``.

    A 1-D ``A`` is treated as a row ``(1, k)`` and a 1-D ``B`` as a column ``(k, 1)``;
    the added dimension is removed from the result, as in PyTorch.

    Parameters
    ----------
    a, b : torch.Tensor or sequence of int
        The two operands, or their shapes; each has at least one dimension.

    Returns
    -------
    MatmulExplanation
        The batch dims, contracted size, result shape and the steps.

    Raises
    ------
    TypeError
        If ``a`` or ``b`` is neither a tensor nor a sequence of ints.
    ValueError
        If a size is negative, if an operand is 0-D, if the columns of ``A`` do not
        match the rows of ``B``, or if the batch dimensions cannot broadcast.

    Examples
    --------
    >>> explain_matmul((2, 3, 4), (4, 3)).result
    (2, 3, 3)
    """
    sa, sb = _shape(a), _shape(b)
    if not sa or not sb:
        raise ValueError(
            f"cannot matmul {_fmt(sa)} @ {_fmt(sb)}: both operands need at least one "
            "dimension (use * to multiply by a scalar)"
        )
    steps = [f"matmul {_fmt(sa)} @ {_fmt(sb)}"]
    ma = (1, *sa) if len(sa) == 1 else sa
    mb = (*sb, 1) if len(sb) == 1 else sb
    if ma != sa:
        steps.append(f"   A is 1-D: read it as a row {_fmt(ma)}")
    if mb != sb:
        steps.append(f"   B is 1-D: read it as a column {_fmt(mb)}")
    n, k = ma[-2:]
    k_b, m = mb[-2:]
    if k != k_b:
        raise ValueError(
            f"cannot matmul {_fmt(sa)} @ {_fmt(sb)}: A has {k} columns (dim -1) but B has "
            f"{k_b} rows (dim -2); they must be equal, since each entry of the result sums "
            "a row of A times a column of B. Transposing one of them may be what you meant."
        )
    batch_a, batch_b = ma[:-2], mb[:-2]
    steps.append(f"1. matrix dims: A is {n} x {k}, B is {k_b} x {m}")
    steps.append(
        f"2. contracted dim: A's columns and B's rows are both {k}; entry (i, j) sums "
        f"A[i, l] * B[l, j] over l = 0 to {k - 1}"
    )
    try:
        batch = explain_broadcast(batch_a, batch_b).result
    except ValueError as err:
        raise ValueError(
            f"cannot matmul {_fmt(sa)} @ {_fmt(sb)}: the batch dims {_fmt(batch_a)} and "
            f"{_fmt(batch_b)} do not broadcast ({err})"
        ) from None
    if batch_a or batch_b:
        steps.append(
            f"3. batch dims {_fmt(batch_a)} and {_fmt(batch_b)} broadcast to {_fmt(batch)}: "
            "one matrix product for each batch entry"
        )
    else:
        steps.append("3. no batch dims: a single matrix product")
    full = (*batch, n, m)
    result = full
    if len(sa) == 1:
        result = result[:-2] + result[-1:]
    if len(sb) == 1:
        result = result[:-1]
    note = "" if result == full else f" (the added dim removed from {_fmt(full)})"
    steps.append(f"4. result shape: {_fmt(result)}{note}")
    return MatmulExplanation(sa, sb, batch, k, result, steps)


def _shape(x: ShapeLike, name: str = "", where: str = "") -> tuple[int, ...]:
    """Return the shape of a tensor, or a sequence of sizes as a tuple of int."""
    who = f"{where}: {name} is not a shape; " if where else ""
    if isinstance(x, torch.Tensor):
        return tuple(x.shape)
    if isinstance(x, (str, bytes)) or not isinstance(x, Sequence):
        raise TypeError(f"{who}expected a tensor or a shape such as (3, 1); got {_checks.shown(x)}")
    sizes = [_checks.as_number(s) for s in x]
    if not all(isinstance(s, int) for s in sizes):
        raise TypeError(f"{who}a shape is a sequence of non-negative ints; got {tuple(x)!r}")
    shape = tuple(int(s) for s in sizes if s is not None)
    if any(s < 0 for s in shape):
        raise ValueError(
            f"{who}a shape is a sequence of non-negative ints; got {shape!r} (a size counts "
            "entries, so it cannot be negative)"
        )
    return shape


def _dims(n: int) -> str:
    """Say "1 dim" or "n dims"."""
    return f"{n} dim" if n == 1 else f"{n} dims"


def _fmt(shape: Sequence[int]) -> str:
    """Format a shape as a Python tuple, e.g. ``(3,)`` or ``(2, 3)``."""
    return str(tuple(shape))
