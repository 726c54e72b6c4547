from __future__ import annotations

import pytest
import torch

from ee4414 import MLP, Linear, ThreeLayerNN, TwoLayerNN, accuracy, classify, relu


def test_two_and_three_layer_shapes():
    assert TwoLayerNN().sizes == [2, 2, 1]
    assert TwoLayerNN(hidden=3).sizes == [2, 3, 1]
    assert ThreeLayerNN().sizes == [2, 3, 2, 1]
    assert ThreeLayerNN()(torch.zeros(5, 2, 1)).shape == (5, 1, 1)


def test_forward_applies_the_activation_between_layers_only():
    g = torch.Generator().manual_seed(3)
    net = MLP([2, 4, 3, 1], activation="relu", generator=g)
    x = torch.randn(6, 2, 1, generator=g)
    l0, l1, l2 = net.layers
    torch.testing.assert_close(net(x), l2(relu(l1(relu(l0(x))))))


def test_same_generator_same_network():
    a = TwoLayerNN(generator=torch.Generator().manual_seed(0))
    b = TwoLayerNN(generator=torch.Generator().manual_seed(0))
    for p, q in zip(a.parameters(), b.parameters(), strict=True):
        assert torch.equal(p, q)


def test_from_layers_uses_the_given_layers():
    first, second = Linear(2, 2), Linear(2, 1)
    net = MLP.from_layers([first, second], activation="tanh")
    assert net.layers[0] is first
    assert "activation='tanh'" in repr(net)


def test_from_layers_checks_the_sizes():
    with pytest.raises(ValueError, match="layer 0 has 2 outputs but layer 1 expects 3 inputs"):
        MLP.from_layers([Linear(2, 2), Linear(3, 1)])
    with pytest.raises(TypeError, match="non-empty sequence of ee4414.Linear"):
        MLP.from_layers([])


def test_bad_model_definitions():
    with pytest.raises(ValueError, match="at least an input and an output"):
        MLP([2])
    with pytest.raises(ValueError, match="two hidden layers"):
        ThreeLayerNN(hidden=(3,))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown activation 'softmax'"):
        TwoLayerNN(activation="softmax")


def test_classify_by_sign():
    y_hat = torch.tensor([2.5, -0.8, 0.0])
    assert classify(y_hat).tolist() == [1.0, -1.0, -1.0]


def test_accuracy():
    y_hat = torch.tensor([2.5, -0.8, 0.3, -1.0]).view(4, 1, 1)
    c = torch.tensor([1.0, -1.0, -1.0, -1.0]).view(4, 1, 1)
    assert accuracy(y_hat, c) == 0.75
    with pytest.raises(ValueError, match=r"accuracy: y_hat has shape \(4, 1, 1\)"):
        accuracy(y_hat, c.view(4))
