from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from ee4414 import Linear


def test_parameters_follow_the_column_convention():
    layer = Linear(3, 2)
    assert layer.w.shape == (3, 2)
    assert layer.b.shape == (2, 1)
    assert layer(torch.zeros(3, 1)).shape == (2, 1)
    assert layer(torch.zeros(5, 4, 3, 1)).shape == (5, 4, 2, 1)


def test_forward_is_w_transpose_x_plus_b():
    g = torch.Generator().manual_seed(0)
    layer = Linear(3, 2, generator=g)
    x = torch.randn(7, 3, 1, generator=g)
    torch.testing.assert_close(layer(x), layer.w.T @ x + layer.b)


def test_same_generator_seed_same_weights():
    a = Linear(2, 3, generator=torch.Generator().manual_seed(8))
    b = Linear(2, 3, generator=torch.Generator().manual_seed(8))
    c = Linear(2, 3, generator=torch.Generator().manual_seed(9))
    assert torch.equal(a.w, b.w) and torch.equal(a.b, b.b)
    assert not torch.equal(a.w, c.w)


def test_global_seed_makes_initialisation_repeatable():
    torch.manual_seed(8)
    first = Linear(2, 1).w.detach().clone()
    torch.manual_seed(8)
    assert torch.equal(Linear(2, 1).w, first)


@pytest.mark.parametrize("bound", [0.2, 1.5])
def test_initial_values_lie_in_the_bound(bound):
    layer = Linear(50, 40, bound=bound, generator=torch.Generator().manual_seed(1))
    assert layer.w.abs().max() <= bound
    assert layer.b.abs().max() <= bound
    assert layer.w.abs().max() > 0.9 * bound  # really uses the range


def test_fixed_values_accept_lists_and_numbers():
    layer = Linear(2, 1, w=[0.4, 0.1], b=1.0)
    assert layer.w.flatten().tolist() == pytest.approx([0.4, 0.1])
    assert layer.b.tolist() == [[1.0]]
    wide = Linear(2, 2, w=torch.eye(2), b=[0.5, -0.2])
    assert wide.b.shape == (2, 1)


def test_fixed_values_of_the_wrong_shape_are_refused():
    with pytest.raises(
        ValueError,
        match=r"Linear expects w of shape \(in_features, out_features\) = \(2, 3\); got \(3, 2\)",
    ):
        Linear(2, 3, w=torch.zeros(3, 2))


def test_wrong_input_shape_names_the_expected_shape():
    layer = Linear(2, 1)
    with pytest.raises(ValueError, match=r"Linear expects x of shape \(\*, 2, 1\); got \(3, 2\)"):
        layer(torch.zeros(3, 2))
    with pytest.raises(ValueError, match=r"got \(2,\)"):
        layer(torch.zeros(2))


def test_wrong_input_dtype_says_how_to_convert():
    with pytest.raises(TypeError, match=r"torch.float32 parameters but x is torch.float64"):
        Linear(2, 1)(torch.zeros(2, 1, dtype=torch.float64))
    with pytest.raises(TypeError, match="x to be a torch.Tensor; got list"):
        Linear(2, 1)([[1.0], [2.0]])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"in_features": 0, "out_features": 1}, "Linear: in_features must be at least 1; got 0"),
        ({"in_features": 2, "out_features": 1, "bound": 0}, "bound must be greater than 0"),
        ({"in_features": 2, "out_features": 1, "w": [0.1, math.nan]}, "w holds NaN"),
        ({"in_features": 2, "out_features": 1, "b": math.inf}, "b holds NaN or an infinity"),
        ({"in_features": 2, "out_features": 2, "w": [1, 2, 3, 4]}, "give the matrix as a nested"),
        ({"in_features": 10**4, "out_features": 10**4}, "more than the 10,000,000"),
    ],
)
def test_bad_construction(kwargs, match):
    with pytest.raises(ValueError, match=match):
        Linear(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"in_features": 2, "out_features": 1.5}, "Linear expects out_features to be a whole"),
        ({"in_features": 2, "out_features": 1, "w": "0.4"}, "Linear expects w to be a tensor"),
        ({"in_features": 2, "out_features": 1, "generator": 8}, "torch.Generator or None"),
        ({"in_features": 2, "out_features": 1, "dtype": "float32"}, "a torch.dtype; got"),
    ],
)
def test_bad_construction_types(kwargs, match):
    with pytest.raises(TypeError, match=match):
        Linear(**kwargs)


def test_numpy_and_0d_sizes_are_numbers():
    layer = Linear(np.int64(2), torch.tensor(3), bound=np.float32(0.5))  # type: ignore[arg-type]
    assert layer.w.shape == (2, 3)
    assert isinstance(layer.in_features, int)


def test_integer_dtype_is_refused():
    with pytest.raises(TypeError, match="floating point"):
        Linear(2, 1, dtype=torch.int64)


def test_float64_layer():
    layer = Linear(2, 1, dtype=torch.float64)
    assert layer(torch.zeros(2, 1, dtype=torch.float64)).dtype == torch.float64
    assert "in_features=2, out_features=1" in repr(layer)
