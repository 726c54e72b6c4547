from __future__ import annotations

import numpy as np
import pytest
import torch

from ee4414 import circles, linearly_separable, xor


def test_xor_points_and_labels():
    x, c = xor()
    assert x.shape == (4, 2, 1) and c.shape == (4, 1, 1)
    for point, label in zip(x.squeeze(-1).tolist(), c.flatten().tolist(), strict=True):
        assert label == (1.0 if point[0] != point[1] else -1.0)


@pytest.mark.parametrize("make", [circles, linearly_separable])
def test_shapes_labels_and_determinism(make):
    x, c = make(n=31, seed=4)
    assert x.shape == (31, 2, 1) and c.shape == (31, 1, 1)
    assert x.dtype == c.dtype == torch.float32
    assert set(c.flatten().tolist()) == {-1.0, 1.0}
    again, _ = make(n=31, seed=4)
    other, _ = make(n=31, seed=5)
    assert torch.equal(x, again) and not torch.equal(x, other)


def test_global_seed_does_not_change_the_data():
    torch.manual_seed(0)
    a, _ = circles(seed=1)
    torch.manual_seed(99)
    b, _ = circles(seed=1)
    assert torch.equal(a, b)


def test_circles_radii_without_noise():
    x, c = circles(n=40, noise=0.0, factor=0.4, seed=0)
    radius = x.squeeze(-1).norm(dim=1)
    torch.testing.assert_close(radius[c.flatten() == 1], torch.full((20,), 0.4))
    torch.testing.assert_close(radius[c.flatten() == -1], torch.ones(20))


def test_linearly_separable_respects_the_margin():
    x, c = linearly_separable(n=200, margin=0.3, seed=2)
    signed = c.flatten() * (x[:, 0, 0] + x[:, 1, 0]) / 2**0.5
    assert signed.min() >= 0.3 - 1e-6


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: circles(n=1), "circles: n must be at least 2; got 1"),
        (lambda: circles(n=10**9), "more than the 1,000,000 a toy data set allows"),
        (lambda: circles(noise=-1), "circles: noise must be at least 0; got -1"),
        (lambda: circles(noise=float("inf")), "noise must be a finite number"),
        (lambda: circles(factor=1.5), "between 0 and 1"),
        (lambda: circles(seed=2**70), "seed must fit in 64 bits"),
        (lambda: linearly_separable(margin=-0.1), "margin must be at least 0"),
    ],
)
def test_bad_arguments(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: circles(n=2.0), "circles expects n to be a whole number"),  # type: ignore[arg-type]
        (lambda: circles(noise="0.1"), "circles expects noise to be a number; got '0.1'"),  # type: ignore[arg-type]
        (
            lambda: linearly_separable(seed=None),  # type: ignore[arg-type]
            r"expects seed to be a whole number \(an int\); got None",
        ),
    ],
)
def test_bad_argument_types(call, match):
    with pytest.raises(TypeError, match=match):
        call()


def test_numbers_from_numpy_and_0d_tensors_are_numbers():
    x, c = circles(n=np.int64(10), noise=np.float32(0.1), seed=torch.tensor(3))  # type: ignore[arg-type]
    x_ref, c_ref = circles(n=10, noise=float(np.float32(0.1)), seed=3)
    assert torch.equal(x, x_ref) and torch.equal(c, c_ref)
    assert linearly_separable(n=np.array(6))[0].shape == (6, 2, 1)  # type: ignore[arg-type]
