from __future__ import annotations

import numpy as np
import pytest
import torch

from ee4414 import describe, explain_broadcast, explain_matmul


def test_describe_names_the_four_facts():
    t = torch.zeros(3, 1, dtype=torch.float64)
    assert describe(t) == "shape (3, 1) | dtype torch.float64 | device cpu | requires_grad False"
    assert "requires_grad True" in describe(torch.ones(2, requires_grad=True))


def test_describe_rejects_non_tensors():
    with pytest.raises(TypeError, match="describe expects a torch.Tensor; got list"):
        describe([1, 2])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b"),
    [((3, 1), (1, 3)), ((3, 2), (3, 1)), ((2, 3, 4), (4,)), ((5, 1, 3), (2, 1)), ((), (2, 2))],
)
def test_broadcast_result_matches_torch(a, b):
    expected = torch.broadcast_shapes(a, b)
    explanation = explain_broadcast(a, b)
    assert explanation.result == tuple(expected)
    assert str(explanation).splitlines()[-1] == f"3. result shape: {tuple(expected)}"


def test_broadcast_steps_pad_then_stretch():
    text = str(explain_broadcast((2, 3, 4), (4,)))
    assert "1. pad with 1s on the left to 3 dims: (2, 3, 4) and (1, 1, 4)" in text
    assert "2. stretch the size-1 dims (repeat the values): dim -3: second 1 -> 2" in text
    assert "nothing to pad" in str(explain_broadcast((3, 1), (1, 3)))
    assert "nothing to stretch" in str(explain_broadcast((3, 1), (3, 1)))


def test_broadcast_error_names_the_dimension():
    with pytest.raises(ValueError, match=r"cannot broadcast \(2, 3\) with \(3, 2\): at dim -1"):
        explain_broadcast((2, 3), (3, 2))


def test_shapes_must_be_sequences_of_ints():
    with pytest.raises(TypeError, match="expected a tensor or a shape"):
        explain_broadcast("3x1", (3, 1))  # type: ignore[arg-type]
    with pytest.raises(
        ValueError, match=r"explain_broadcast: a is not a shape; .* cannot be negative"
    ):
        explain_broadcast((3, -1), (3, 1))
    with pytest.raises(
        TypeError, match=r"explain_broadcast: b is not a shape; a shape is a sequence of non-neg"
    ):
        explain_broadcast((3, 1), (3, 1.5))  # type: ignore[arg-type]


def test_a_size_1_dim_stretches_to_0():
    # torch agrees: torch.zeros(0) + torch.zeros(1) has shape (0,)
    assert (
        explain_broadcast((0,), (1,)).result
        == (0,)
        == tuple((torch.zeros(0) + torch.zeros(1)).shape)
    )
    assert explain_broadcast((1, 3), (0, 1)).result == (0, 3)


def test_numpy_sizes_are_sizes():
    assert explain_broadcast((np.int64(3), 1), torch.Size([1, 4])).result == (3, 4)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((2, 3), (3, 2)),
        ((2, 3, 4), (4, 3)),
        ((3,), (3, 2)),
        ((2, 3), (3,)),
        ((3,), (3,)),
        ((5, 1, 2, 3), (4, 3, 2)),
    ],
)
def test_matmul_result_matches_torch(a, b):
    expected = torch.matmul(torch.zeros(a), torch.zeros(b)).shape
    assert explain_matmul(a, b).result == tuple(expected)


def test_matmul_explains_contracted_and_batch_dims():
    explanation = explain_matmul((2, 3, 4), (4, 3))
    assert explanation.batch == (2,)
    assert explanation.contracted == 4
    assert "one matrix product for each batch entry" in str(explanation)


def test_matmul_sums_over_zero_based_indices():
    # the same convention as W1-2.5.1: C_ij = sum over l = 0..k-1 of A_il B_lj
    assert "sums A[i, l] * B[l, j] over l = 0 to 3" in str(explain_matmul((2, 3, 4), (4, 3)))
    assert "l = 0 to 2" in str(explain_matmul((2, 3), (3, 2)))
    assert r"\sum_{l=0}^{k-1}" in (explain_matmul.__doc__ or "")


def test_matmul_error_says_columns_and_rows():
    with pytest.raises(ValueError, match=r"A has 3 columns \(dim -1\) but B has 2 rows \(dim -2\)"):
        explain_matmul((2, 3), (2, 3))


def test_matmul_batch_dims_must_broadcast():
    with pytest.raises(ValueError, match=r"the batch dims \(2,\) and \(3,\) do not broadcast"):
        explain_matmul((2, 3, 4), (3, 4, 5))


def test_matmul_needs_dimensions():
    with pytest.raises(ValueError, match="at least one dimension"):
        explain_matmul((), (3,))
