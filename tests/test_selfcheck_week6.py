"""Week 6's self-checks: every worked answer passes, and typical slips get a useful hint.

The worked answers are rebuilt here the way the examples build them (nothing is imported
from ``examples/``). W6-1.2 and W6-1.3 train their small XOR networks for real (400 epochs
on four points, once per session). For W6-1.4 the circle models are put together by hand
(three ReLU ramps 120° apart, the hexagon the example's wider network learns), so the fast
tests need no training; tests/test_example_answers.py runs each example up to its
self-check cell, which trains the real models.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any

import pytest
import torch

import ee4414
from ee4414.selfcheck import check
from ee4414.selfcheck.week6 import EXPECTATIONS as WEEK6
from ee4414.training import History

X_XOR, C_XOR = ee4414.xor()
LR, EPOCHS = 0.1, 400


# W6-1.1: the layer with uniform initialisation, as in the examples (and variants of it).


class Linear(torch.nn.Module):
    """y_hat = w.T @ x + b with w, b drawn from U(low, high); the class attributes set the slips."""

    bias_first: bool = False
    low: float = -0.2
    high: float = 0.2
    as_parameter: bool = True
    w: torch.Tensor
    b: torch.Tensor

    def __init__(self, in_features: int = 2, out_features: int = 1) -> None:
        super().__init__()
        w, b = torch.empty(in_features, out_features), torch.empty(out_features, 1)
        for t in (b, w) if self.bias_first else (w, b):
            torch.nn.init.uniform_(t, self.low, self.high)
        if self.as_parameter:
            self.w, self.b = torch.nn.Parameter(w), torch.nn.Parameter(b)
        else:
            self.w, self.b = w, b

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w.T @ x + self.b


def make_linear(
    *, bias_first: bool = False, low: float = -0.2, high: float = 0.2, as_parameter: bool = True
) -> type[Linear]:
    """A ``Linear`` class like the example's; the keywords introduce typical slips."""

    class SlipLinear(Linear):
        pass

    SlipLinear.bias_first, SlipLinear.as_parameter = bias_first, as_parameter
    SlipLinear.low, SlipLinear.high = low, high
    return SlipLinear


class FixedLinear(torch.nn.Module):
    """The layer of weeks 2 to 4: every weight and bias set to the same number."""

    def __init__(self, in_features: int = 2, out_features: int = 1) -> None:
        super().__init__()
        self.w = torch.nn.Parameter(torch.full((in_features, out_features), 0.1))
        self.b = torch.nn.Parameter(torch.full((out_features, 1), 0.1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w.T @ x + self.b


class RowLinear(Linear):
    """Forgets the transpose: w @ x, which fails unless the shapes happen to fit."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w @ x + self.b


def seeded_layer(cls: Any = Linear, seed: int = 8, *sizes: int) -> torch.nn.Module:
    torch.manual_seed(seed)
    layer: torch.nn.Module = cls(*(sizes or (2, 1)))
    return layer


def _w6_1_1() -> dict[str, Any]:
    return {"Linear": Linear, "layer": seeded_layer()}


# W6-1.2: the wider network and the parameter-loop training function.


class TwoLayerNN(torch.nn.Module):
    """Three hidden ReLU neurons, then one output neuron."""

    def __init__(self) -> None:
        super().__init__()
        self.layer0_0 = Linear(2, 1)
        self.layer0_1 = Linear(2, 1)
        self.layer0_2 = Linear(2, 1)
        self.layer1 = Linear(3, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y_hat_l0 = torch.cat([self.layer0_0(x), self.layer0_1(x), self.layer0_2(x)], dim=-2)
        y_hat: torch.Tensor = self.layer1(torch.relu(y_hat_l0))
        return y_hat


def train(model: torch.nn.Module, x: torch.Tensor, c: torch.Tensor, lr: float, epochs: int):
    losses = []
    for _ in range(epochs):
        y_hat = model(x)
        loss = ((y_hat - c) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                assert p.grad is not None
                p.sub_(lr * p.grad)  # the in-place p -= lr * p.grad
                p.grad.zero_()
        losses.append(loss.item())
    return losses


def train_without_zeroing(model, x, c, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = ((model(x) - c) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= lr * p.grad
        losses.append(loss.item())
    return losses


def train_uphill(model, x, c, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = ((model(x) - c) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p += lr * p.grad
                p.grad.zero_()
        losses.append(loss.item())
    return losses


def train_summed_loss(model, x, c, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = ((model(x) - c) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= lr * p.grad
                p.grad.zero_()
        losses.append(loss.item())
    return losses


def train_no_return(model, x, c, lr, epochs):
    train(model, x, c, lr, epochs)


def train_no_update(model, x, c, lr, epochs):
    return [((model(x) - c) ** 2).mean().item() for _ in range(epochs)]


class TwoHidden(torch.nn.Module):
    """Week 4's network: two hidden neurons."""

    def __init__(self) -> None:
        super().__init__()
        self.layer0_0, self.layer0_1 = Linear(2, 1), Linear(2, 1)
        self.layer1 = Linear(2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y_hat_l0 = torch.cat([self.layer0_0(x), self.layer0_1(x)], -2)
        y_hat: torch.Tensor = self.layer1(torch.relu(y_hat_l0))
        return y_hat


class NoReLU(TwoLayerNN):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y_hat_l0 = torch.cat([self.layer0_0(x), self.layer0_1(x), self.layer0_2(x)], -2)
        y_hat: torch.Tensor = self.layer1(y_hat_l0)
        return y_hat


class ThirdNeuronUnused(TwoHidden):
    """A third neuron added, but neither used nor given to layer1."""

    def __init__(self) -> None:
        super().__init__()
        self.layer0_2 = Linear(2, 1)


@functools.cache
def _w6_1_2() -> dict[str, Any]:
    torch.manual_seed(8)
    model = TwoLayerNN()
    losses = train(model, X_XOR, C_XOR, LR, EPOCHS)
    return {"model": model, "train": train, "losses": losses}


# W6-1.3: the deeper network.


class ThreeLayerNN(torch.nn.Module):
    """Three ReLU neurons, then two ReLU neurons, then one output neuron."""

    def __init__(self) -> None:
        super().__init__()
        self.layer0_0, self.layer0_1, self.layer0_2 = Linear(2, 1), Linear(2, 1), Linear(2, 1)
        self.layer1_0, self.layer1_1 = Linear(3, 1), Linear(3, 1)
        self.layer2 = Linear(2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z0 = torch.relu(torch.cat([self.layer0_0(x), self.layer0_1(x), self.layer0_2(x)], -2))
        z1 = torch.relu(torch.cat([self.layer1_0(z0), self.layer1_1(z0)], -2))
        y_hat: torch.Tensor = self.layer2(z1)
        return y_hat


class SecondReLUMissing(ThreeLayerNN):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z0 = torch.relu(torch.cat([self.layer0_0(x), self.layer0_1(x), self.layer0_2(x)], -2))
        y_hat: torch.Tensor = self.layer2(torch.cat([self.layer1_0(z0), self.layer1_1(z0)], -2))
        return y_hat


class SecondLayerReadsTwo(ThreeLayerNN):
    """The second layer reads only two of the three first-layer outputs."""

    def __init__(self) -> None:
        super().__init__()
        self.layer1_0, self.layer1_1 = Linear(2, 1), Linear(2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z0 = torch.relu(torch.cat([self.layer0_0(x), self.layer0_1(x)], -2))
        z1 = torch.relu(torch.cat([self.layer1_0(z0), self.layer1_1(z0)], -2))
        y_hat: torch.Tensor = self.layer2(z1)
        return y_hat


class CreatedInReverse(ThreeLayerNN):
    """The same network with its neurons created output first: other starting weights."""

    def __init__(self) -> None:
        torch.nn.Module.__init__(self)
        self.layer2 = Linear(2, 1)
        self.layer1_1, self.layer1_0 = Linear(3, 1), Linear(3, 1)
        self.layer0_2, self.layer0_1, self.layer0_0 = Linear(2, 1), Linear(2, 1), Linear(2, 1)


@functools.cache
def _w6_1_3() -> dict[str, Any]:
    torch.manual_seed(8)
    model = ThreeLayerNN()
    losses = train(model, X_XOR, C_XOR, LR, EPOCHS)
    return {"model": model, "losses": losses}


# W6-1.4: the circle models, built by hand: three ramps pointing outwards 120° apart,
# subtracted from a positive bias, enclose the inner circle in a hexagon.

_ANGLES = torch.tensor([90.0, 210.0, 330.0]) * math.pi / 180
_W0 = torch.stack([torch.cos(_ANGLES), torch.sin(_ANGLES)])  # (2, 3): one ramp per column


def hexagon_wide() -> ee4414.MLP:
    return ee4414.MLP.from_layers(
        [
            ee4414.Linear(2, 3, w=_W0, b=torch.zeros(3, 1)),
            ee4414.Linear(3, 1, w=-torch.ones(3, 1), b=torch.tensor([[0.7]])),
        ]
    )


def hexagon_deep() -> ee4414.MLP:
    """The same hexagon: the second layer's neuron 0 sums the ramps, neuron 1 stays off."""
    w1 = torch.tensor([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]])
    return ee4414.MLP.from_layers(
        [
            ee4414.Linear(2, 3, w=_W0, b=torch.zeros(3, 1)),
            ee4414.Linear(3, 2, w=w1, b=torch.zeros(2, 1)),
            ee4414.Linear(2, 1, w=torch.tensor([[-1.0], [0.0]]), b=torch.tensor([[0.7]])),
        ]
    )


def falling_history(epochs: int = 800) -> History:
    return History(losses=[1.0 / (1.0 + 0.01 * i) for i in range(epochs)])


def plain_accuracy(y_hat: torch.Tensor, c: torch.Tensor) -> float:
    predicted = torch.where(y_hat > 0, 1.0, -1.0)
    return (predicted == c).float().mean().item()


def _w6_1_4() -> dict[str, Any]:
    return {
        "wide": hexagon_wide(),
        "deep": hexagon_deep(),
        "wide_history": falling_history(),
        "deep_history": falling_history(),
        "plain_accuracy": plain_accuracy,
    }


ANSWERS: dict[str, Callable[[], dict[str, Any]]] = {
    "W6-1.1": _w6_1_1,
    "W6-1.2": _w6_1_2,
    "W6-1.3": _w6_1_3,
    "W6-1.4": _w6_1_4,
}


def answers(exercise: str, **overrides: Any) -> dict[str, Any]:
    """The worked answer to ``exercise``, with some variables replaced."""
    return {**ANSWERS[exercise](), **overrides}


def test_every_exercise_has_an_answer_here():
    assert set(ANSWERS) == set(WEEK6)
    assert all(set(ANSWERS[ex]()) == set(WEEK6[ex]) for ex in WEEK6)


def test_the_seeded_values_are_the_courses():
    layer = seeded_layer()
    assert isinstance(layer, Linear)
    assert [f"{v:.4f}" for v in layer.w.detach().flatten().tolist()] == ["0.0392", "0.1381"]
    assert f"{layer.b.item():.4f}" == "0.1786"


def test_the_hand_built_circle_models_are_as_good_as_trained_ones():
    for seed in (0, 1):
        x, c = ee4414.circles(n=300, noise=0.1, factor=0.5, seed=seed)
        for model in (hexagon_wide(), hexagon_deep()):
            with torch.no_grad():
                assert ee4414.accuracy(model(x), c) >= 0.95
    assert sum(p.numel() for p in hexagon_wide().parameters()) == 13
    assert sum(p.numel() for p in hexagon_deep().parameters()) == 20


def untrained(cls: type[torch.nn.Module]) -> torch.nn.Module:
    torch.manual_seed(8)
    return cls()


def trained(cls: type[torch.nn.Module], seed: int = 8) -> torch.nn.Module:
    torch.manual_seed(seed)
    model = cls()
    train(model, X_XOR, C_XOR, LR, EPOCHS)
    return model


def untrained_circles_model() -> torch.nn.Module:
    return ee4414.TwoLayerNN(hidden=3, generator=torch.Generator().manual_seed(0))


def count_correct(y_hat, c):
    return (torch.where(y_hat > 0, 1.0, -1.0) == c).sum().item()


def fraction_wrong(y_hat, c):
    return (torch.where(y_hat > 0, 1.0, -1.0) != c).float().mean().item()


FLAT = [1.0] * EPOCHS

WRONG: list[tuple[str, dict[str, Any], str]] = [
    # W6-1.1: no seed (or another one), the bias drawn first, U(0, 1), the wrong size
    ("W6-1.1", {"layer": seeded_layer(Linear, 9)}, "not the draws that seed 8 gives"),
    ("W6-1.1", {"layer": seeded_layer(make_linear(bias_first=True))}, "in the wrong places"),
    ("W6-1.1", {"layer": seeded_layer(make_linear(low=0.0, high=1.0))}, "lie in [-0.2, 0.2]"),
    ("W6-1.1", {"layer": seeded_layer(Linear, 8, 3, 1)}, "two weights and one bias"),
    ("W6-1.1", {"layer": "Linear(2, 1)"}, "an instance of your Linear class"),
    # ... and in the class: plain tensors, fixed values, a forward without the transpose
    ("W6-1.1", {"Linear": make_linear(as_parameter=False)}, "as torch.nn.Parameter"),
    ("W6-1.1", {"Linear": FixedLinear}, "its own draw from U(-0.2, 0.2)"),
    ("W6-1.1", {"Linear": make_linear(low=0.0, high=1.0)}, "its own draw from U(-0.2, 0.2)"),
    ("W6-1.1", {"Linear": RowLinear}, "to wᵀx + b of shape (4, 1, 1)"),
    # W6-1.2: week 4's two neurons, the third neuron left out, no ReLU, no training
    ("W6-1.2", {"model": untrained(TwoHidden)}, "the first layer should have three neurons"),
    ("W6-1.2", {"model": untrained(ThirdNeuronUnused)}, "should read the three hidden outputs"),
    ("W6-1.2", {"model": untrained(NoReLU)}, "apply the ReLU"),
    ("W6-1.2", {"model": untrained(TwoLayerNN)}, "should match all four XOR labels"),
    # ... the update: gradients not zeroed, the wrong sign, a summed loss, none at all
    ("W6-1.2", {"train": train_without_zeroing}, "zero the gradients once per epoch"),
    ("W6-1.2", {"train": train_uphill}, "move up the gradient"),
    ("W6-1.2", {"train": train_summed_loss}, "differ from gradient descent"),
    ("W6-1.2", {"train": train_no_update}, "parameters did not change"),
    ("W6-1.2", {"train": train_no_return}, "should return a list with one loss per epoch"),
    ("W6-1.2", {"train": "train"}, "should be a function"),
    # ... the losses: one epoch short, tensors, no progress
    ("W6-1.2", {"losses": FLAT[1:]}, "400 values in all"),
    ("W6-1.2", {"losses": [torch.tensor(v) for v in FLAT]}, "with loss.item()"),
    ("W6-1.2", {"losses": FLAT}, "the loss should fall during training"),
    # W6-1.3: the wider network, a ReLU missing, a second layer too narrow, no training
    ("W6-1.3", {"model": _w6_1_2()["model"]}, "the second layer should have two neurons"),
    ("W6-1.3", {"model": untrained(SecondReLUMissing)}, "apply the ReLU"),
    ("W6-1.3", {"model": untrained(SecondLayerReadsTwo)}, "read the three outputs"),
    ("W6-1.3", {"model": untrained(ThreeLayerNN)}, "should match all four XOR labels"),
    ("W6-1.3", {"model": trained(CreatedInReverse)}, "in the order the neurons are created"),
    ("W6-1.3", {"losses": [1.0 + 0.001 * i for i in range(EPOCHS)]}, "the loss should fall"),
    # W6-1.4: the models swapped or too narrow, not trained; short or flat histories
    ("W6-1.4", {"wide": hexagon_deep()}, "with 13 weights and biases"),
    ("W6-1.4", {"deep": hexagon_wide()}, "with 20 weights and biases"),
    ("W6-1.4", {"wide": ee4414.TwoLayerNN(hidden=2)}, "with 13 weights and biases"),
    ("W6-1.4", {"wide": untrained_circles_model()}, "fewer than 90% of the training points"),
    ("W6-1.4", {"wide_history": falling_history(400)}, "one loss per epoch (800)"),
    ("W6-1.4", {"deep_history": History(losses=[1.0] * 800)}, "fall well below"),
    # ... the accuracy: a count, the wrong comparison
    ("W6-1.4", {"plain_accuracy": count_correct}, "a number between 0 and 1"),
    ("W6-1.4", {"plain_accuracy": fraction_wrong}, "gives a different result"),
]


@pytest.mark.parametrize(
    ("exercise", "wrong", "hint"), WRONG, ids=[f"{ex}-{i}" for i, (ex, _, _) in enumerate(WRONG)]
)
def test_a_typical_slip_gets_its_hint(exercise, wrong, hint):
    result = check(exercise, **answers(exercise, **wrong))
    assert not result.ok
    assert len(result.hints) == 1, result.hints  # only the wrong variable is flagged
    assert hint in result.hints[0], result.hints[0]
    (name,) = wrong
    assert result.hints[0].startswith(name)


def test_every_exercise_has_a_slip_tested():
    assert {ex for ex, _, _ in WRONG} == set(WEEK6)
    for ex in WEEK6:
        assert {name for e, wrong, _ in WRONG if e == ex for name in wrong} == set(WEEK6[ex])


def test_hints_do_not_give_the_answer_away():
    for cls in (make_linear(bias_first=True), Linear, make_linear(low=0.0, high=1.0)):
        text = str(check("W6-1.1", **answers("W6-1.1", layer=seeded_layer(cls, 9))))
        assert not any(v in text for v in ("0.0392", "0.1381", "0.1786", "0.039", "0.138"))


def test_checking_leaves_the_random_numbers_alone():
    answer = answers("W6-1.1")  # this one seeds with 8
    torch.manual_seed(123)
    want = torch.rand(3)
    torch.manual_seed(123)
    assert check("W6-1.1", **answer).ok  # builds Linear(3, 1) under a seed of its own
    assert torch.equal(torch.rand(3), want)


def test_checking_leaves_the_model_alone():
    model = _w6_1_2()["model"]
    before = [p.detach().clone() for p in model.parameters()]
    assert check("W6-1.2", **answers("W6-1.2")).ok
    assert all(torch.equal(p, q) for p, q in zip(model.parameters(), before, strict=True))
    assert all(p.grad is None or not p.grad.any() for p in model.parameters())


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_a_model_trained_on_the_gpu_is_checked_there():
    gpu = answers("W6-1.4", wide=hexagon_wide().cuda(), deep=hexagon_deep().cuda())
    assert check("W6-1.4", **gpu).ok
    assert not check("W6-1.4", **{**gpu, "wide": untrained_circles_model().cuda()}).ok


class SlidesLinear(torch.nn.Module):
    """The slides' layout: the bias as a vector of shape (1,) instead of a (1, 1) column."""

    def __init__(self, in_features: int = 2, out_features: int = 1) -> None:
        super().__init__()
        self.w = torch.nn.Parameter(
            torch.nn.init.uniform_(torch.empty(in_features, out_features), -0.2, 0.2)
        )
        self.b = torch.nn.Parameter(torch.nn.init.uniform_(torch.empty(1), -0.2, 0.2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w.T @ x + self.b


def test_a_bias_of_shape_1_is_accepted_for_one_neuron():
    assert check("W6-1.1", Linear=SlidesLinear, layer=seeded_layer(SlidesLinear)).ok


def train_slides_style(model, x, c, lr, epochs):
    """Zero the gradients before backward() and update param.data, as the slides do."""
    losses = []
    for _ in range(epochs):
        loss = torch.mean((model(x) - c) ** 2)
        model.zero_grad()
        loss.backward()
        for param in model.parameters():
            param.data -= lr * param.grad
        losses.append(loss.item())
    return losses


def train_grad_to_none(model, x, c, lr, epochs):
    losses = []
    for _ in range(epochs):
        loss = torch.nn.functional.mse_loss(model(x), c)
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p.sub_(lr * p.grad)
                p.grad = None
        losses.append(loss.item())
    return losses


@pytest.mark.parametrize("other", [train_slides_style, train_grad_to_none])
def test_other_correct_training_functions_pass(other):
    assert check("W6-1.2", **answers("W6-1.2", train=other)).ok
