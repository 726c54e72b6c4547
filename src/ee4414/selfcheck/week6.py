r"""Self-check expectations for week 6's exercises: initialisation, wider and deeper networks.

W6-1.1 draws a ``Linear(2, 1)``'s weights and bias from :math:`\mathcal{U}(-0.2, 0.2)` after
``torch.manual_seed(8)``; those three numbers are deterministic, so they are recomputed
here from a private generator seeded with 8. The student's class is tried out under
:func:`torch.random.fork_rng`, so checking leaves the global generator as it was. The
layer is probed through its forward pass (inputs :math:`\mathbf{0}`, :math:`\mathbf{e}_0`,
:math:`\mathbf{e}_1` give :math:`b`, :math:`w_0 + b`, :math:`w_1 + b`), so a bias of shape
(1,) or (1, 1) is equally fine.

W6-1.2 to W6-1.4 train networks. Nothing is trained here: a model is checked by its
structure (the parameter count of each named neuron), by its forward pass against the same
layers wired as the exercise says, and, after training, by properties (every XOR point
classified correctly; at least 90 % of the circle points, on the training draw and on an
unseen one). Loss lists are checked for their length and their downward trend. The
hand-written ``train`` of W6-1.2 is run for three epochs on a small linear model, and the
parameters it leaves are compared with gradient descent's
(``ee4414.selfcheck.train_checker``, shared with W4-1.5).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import Any

import torch

from ee4414.datasets import circles
from ee4414.selfcheck._probes import (
    GRID,
    accuracy,
    history_losses,
    is_module,
    model_input,
    n_params,
    pairs,
    read_neuron,
    run,
    solves_xor,
)
from ee4414.selfcheck.checkers import (
    Checker,
    Expectations,
    agrees_with,
    all_of,
    predicate,
)
from ee4414.selfcheck.train_checker import train_checker

# W6-1.1: seed 8's first three draws from U(-0.2, 0.2): the two weights, then the bias.
_SEED, _BOUND = 8, 0.2
_DRAWS = torch.nn.init.uniform_(
    torch.empty(3), -_BOUND, _BOUND, generator=torch.Generator().manual_seed(_SEED)
)  # w0, w1, b ≈ 0.0392, 0.1381, 0.1786

# W6-1.2 and W6-1.3: the XOR data (ee4414.datasets.xor) and its training run.
_EPOCHS_XOR = 400

# W6-1.4: the circle data and its training run.
_EPOCHS_CIRCLES = 800
_MIN_ACCURACY = 0.9


# W6-1.1: the Linear class and the seeded layer


def _builds(Linear: Any, in_features: int, out_features: int) -> Any:
    """Build ``Linear(in, out)`` without disturbing the caller's random numbers."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        return Linear(in_features, out_features)


def _registers_parameters(Linear: Any) -> bool:
    layer = _builds(Linear, 3, 1)
    return isinstance(layer, torch.nn.Module) and n_params(layer) == 3 + 1


def _draws_uniform(Linear: Any) -> bool:
    values = torch.cat([p.detach().flatten() for p in _builds(Linear, 3, 1).parameters()])
    return bool((values.abs() <= _BOUND).all() and len(set(values.tolist())) == values.numel())


def _is_affine(Linear: Any) -> bool:
    """``Linear(3, 1)`` maps (4, 3, 1) to (4, 1, 1), and f(x1 + x2) = f(x1) + f(x2) - f(0)."""
    layer = _builds(Linear, 3, 1)
    x1, x2 = torch.linspace(-1, 1, 12).reshape(4, 3, 1), torch.linspace(2, 0, 12).reshape(4, 3, 1)
    with torch.no_grad():
        out1, out2, out12, out0 = (layer(x) for x in (x1, x2, x1 + x2, torch.zeros(4, 3, 1)))
    return tuple(out12.shape) == (4, 1, 1) and torch.allclose(out12, out1 + out2 - out0, atol=1e-5)


def _check_layer(name: str, got: Any) -> list[str]:
    """The seeded ``Linear(2, 1)``: the right size, in range, seed 8's values in draw order."""
    if not is_module(got):
        return [f"{name}: should be an instance of your Linear class (a torch.nn.Module)"]
    if n_params(got) != 3:
        return [
            f"{name}: Linear(2, 1) should hold two weights and one bias, each registered as a "
            "torch.nn.Parameter"
        ]
    try:
        values = read_neuron(got, batched=True)
    except Exception:  # the student's forward may raise anything
        return [f"{name}: layer(x) should work for a column x of shape (2, 1), or a batch of them"]
    if values.shape != (3,) or not bool((values.abs() <= _BOUND + 1e-6).all()):
        return [f"{name}: every weight and the bias should lie in [-0.2, 0.2]"]
    if torch.allclose(values, _DRAWS.double(), atol=1e-4):
        return []
    if torch.allclose(values.sort().values, _DRAWS.double().sort().values, atol=1e-4):
        return [
            f"{name}: the right numbers, in the wrong places; the weights should be drawn "
            "first, then the bias"
        ]
    return [
        f"{name}: these are not the draws that seed 8 gives: call torch.manual_seed(8) right "
        "before building the layer, with nothing drawn in between"
    ]


# W6-1.2: the wider model and its training function


def _has_layers(*names: str) -> Callable[[Any], bool]:
    return lambda m: all(isinstance(getattr(m, n), torch.nn.Module) for n in names)


def _layers_hold(count: int, *names: str) -> Callable[[Any], bool]:
    return lambda m: all(n_params(getattr(m, n)) == count for n in names)


def _stack_relu(layers: Sequence[Any], x: torch.Tensor) -> torch.Tensor:
    return torch.relu(torch.cat([layer(x) for layer in layers], dim=-2))


def _wider_forward(m: Any, x: torch.Tensor) -> torch.Tensor:
    """What W6-1.2's network computes from its own layers."""
    y_hat: torch.Tensor = m.layer1(_stack_relu([m.layer0_0, m.layer0_1, m.layer0_2], x))
    return y_hat


def _deeper_forward(m: Any, x: torch.Tensor) -> torch.Tensor:
    """What W6-1.3's network computes from its own layers."""
    z0 = _stack_relu([m.layer0_0, m.layer0_1, m.layer0_2], x)
    y_hat: torch.Tensor = m.layer2(_stack_relu([m.layer1_0, m.layer1_1], z0))
    return y_hat


def _forward_is(reference: Callable[[Any, torch.Tensor], torch.Tensor]) -> Callable[[Any], bool]:
    def test(m: Any) -> bool:
        got = run(m, GRID)
        with torch.no_grad():
            want = reference(m, model_input(m, GRID)).cpu().double()
        return got.shape == (25, 1, 1) and torch.allclose(got, want, atol=1e-5)

    return test


def _loss_list(epochs: int, final_below: float) -> Checker:
    """One Python number per epoch, ending lower than it started and below ``final_below``."""
    return all_of(
        predicate(lambda v: len(v) == epochs, f"record one loss per epoch, {epochs} values in all"),
        predicate(
            lambda v: all(isinstance(x, float) for x in v),
            "store each loss as a Python number with loss.item(); a tensor keeps its autograd "
            "record alive",
        ),
        predicate(
            lambda v: all(math.isfinite(x) for x in v) and v[-1] < v[0] and v[-1] < final_below,
            "the loss should fall during training and end below the plateaus where a stuck "
            "network stays (1, 2/3, 1/2); check the update and the learning rate",
        ),
    )


def _solves_xor_hint(order: str) -> str:
    """What to check when the trained network misses an XOR point: the seeded start."""
    return (
        "after training, the signs of model(x) should match all four XOR labels. Train the "
        "model built right after torch.manual_seed(8), with the learning rate and epochs "
        f"given; the seed fixes the draws in the order the neurons are created ({order})"
    )


# W6-1.4: the circles


@functools.cache
def _circles_once(seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    return circles(n=300, noise=0.1, factor=0.5, seed=seed)


def _circles(seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The circle data of a seed: made once, handed out as fresh copies."""
    x, c = _circles_once(seed)
    return x.clone(), c.clone()


def _fits_circles(seed: int) -> Callable[[Any], bool]:
    return lambda m: accuracy(m, *_circles(seed)) >= _MIN_ACCURACY


def _circle_model(params: int, which: str) -> Checker:
    return all_of(
        predicate(is_module, f"should be the {which} network, a torch.nn.Module"),
        predicate(
            lambda m: n_params(m) == params,
            f"should be the {which} network, with {params} weights and biases in all",
        ),
        predicate(
            lambda m: tuple(run(m, _circles(0)[0]).shape) == (300, 1, 1),
            "model(x) should give one output per point, of shape (300, 1, 1) for the 300 points",
        ),
        predicate(
            _fits_circles(0),
            f"classifies fewer than {_MIN_ACCURACY:.0%} of the training points correctly; was it "
            "trained, on the circle data, with the seed, learning rate and epochs given?",
        ),
        predicate(
            _fits_circles(1),
            f"classifies fewer than {_MIN_ACCURACY:.0%} of the held-out points (seed 1) correctly",
        ),
    )


def _circle_history() -> Checker:
    return all_of(
        predicate(
            lambda h: len(history_losses(h)) == _EPOCHS_CIRCLES,
            f"should be what Trainer.fit returns, with one loss per epoch ({_EPOCHS_CIRCLES})",
        ),
        predicate(
            lambda h: history_losses(h)[-1] < 0.5 * history_losses(h)[0],
            "the loss should fall well below where it started; check the learning rate",
        ),
    )


def _plain_accuracy(y_hat: torch.Tensor, c: torch.Tensor) -> float:
    """Fraction of points where the sign of ŷ (0 counted as -1) matches the label."""
    return (torch.where(y_hat > 0, 1.0, -1.0) == c).float().mean().item()


_ACCURACY_CASES = [
    pairs((0.3, 1.0), (-1.2, -1.0), (2.0, -1.0), (-0.1, 1.0), (0.5, 1.0)),  # 3 of 5
    pairs((0.7, 1.0), (-0.4, -1.0)),  # all right
    pairs((0.7, -1.0), (-0.4, 1.0), (3.0, -1.0)),  # all wrong
    pairs((1.5, 1.0), (0.2, -1.0), (-0.9, -1.0), (-2.5, 1.0)),  # half
]


def _returns_fraction(plain_accuracy: Any) -> bool:
    return all(0.0 <= float(plain_accuracy(*args)) <= 1.0 for args in _ACCURACY_CASES)


EXPECTATIONS: Expectations = {
    "W6-1.1": {
        "Linear": all_of(
            predicate(
                _registers_parameters,
                "Linear(3, 1) should register its 3 weights and its bias as torch.nn.Parameter, "
                "and nothing else",
            ),
            predicate(
                _draws_uniform,
                "every weight and bias should be its own draw from U(-0.2, 0.2), e.g. with "
                "torch.nn.init.uniform_",
            ),
            predicate(
                _is_affine,
                "Linear(3, 1) should map a batch x of shape (4, 3, 1) to wᵀx + b of shape "
                "(4, 1, 1)",
            ),
        ),
        "layer": _check_layer,
    },
    "W6-1.2": {
        "model": all_of(
            predicate(is_module, "should be an instance of your TwoLayerNN (a torch.nn.Module)"),
            predicate(
                _has_layers("layer0_0", "layer0_1", "layer0_2", "layer1"),
                "the first layer should have three neurons, layer0_0, layer0_1 and layer0_2, "
                "and the output neuron is layer1",
            ),
            predicate(
                _layers_hold(3, "layer0_0", "layer0_1", "layer0_2"),
                "each first-layer neuron reads the two inputs: two weights and a bias",
            ),
            predicate(
                _layers_hold(4, "layer1"),
                "the output neuron layer1 should read the three hidden outputs",
            ),
            predicate(
                lambda m: n_params(m) == 3 * 3 + 4,
                "model.parameters() should yield the four neurons' weights and biases and "
                "nothing else",
            ),
            predicate(
                _forward_is(_wider_forward),
                "model(x) should stack the outputs of layer0_0, layer0_1 and layer0_2 (in that "
                "order) along dim=-2, apply the ReLU, and pass the result to layer1",
            ),
            predicate(solves_xor, _solves_xor_hint("layer0_0, layer0_1, layer0_2, layer1")),
        ),
        "train": train_checker("c"),
        "losses": _loss_list(_EPOCHS_XOR, final_below=0.25),
    },
    "W6-1.3": {
        "model": all_of(
            predicate(is_module, "should be an instance of your ThreeLayerNN (a torch.nn.Module)"),
            predicate(
                _has_layers("layer0_0", "layer0_1", "layer0_2"),
                "the first layer should have three neurons, layer0_0, layer0_1 and layer0_2",
            ),
            predicate(
                _has_layers("layer1_0", "layer1_1", "layer2"),
                "the second layer should have two neurons, layer1_0 and layer1_1, and the "
                "output neuron is layer2",
            ),
            predicate(
                _layers_hold(3, "layer0_0", "layer0_1", "layer0_2"),
                "each first-layer neuron reads the two inputs: two weights and a bias",
            ),
            predicate(
                _layers_hold(4, "layer1_0", "layer1_1"),
                "each second-layer neuron should read the three outputs of the first layer",
            ),
            predicate(
                _layers_hold(3, "layer2"),
                "the output neuron layer2 should read the two outputs of the second layer",
            ),
            predicate(
                lambda m: n_params(m) == 3 * 3 + 2 * 4 + 3,
                "model.parameters() should yield the six neurons' weights and biases and "
                "nothing else",
            ),
            predicate(
                _forward_is(_deeper_forward),
                "model(x) should stack each layer's neuron outputs along dim=-2 (in the order "
                "of their names), apply the ReLU, and pass the result to the next layer; no "
                "ReLU after layer2",
            ),
            predicate(
                solves_xor, _solves_xor_hint("layer0_0 to layer0_2, layer1_0, layer1_1, layer2")
            ),
        ),
        "losses": _loss_list(_EPOCHS_XOR, final_below=0.25),
    },
    "W6-1.4": {
        "wide": _circle_model(3 * 3 + 4, "wider (one hidden layer of 3 neurons)"),
        "deep": _circle_model(3 * 3 + 2 * 4 + 3, "deeper (3 then 2 hidden neurons)"),
        "wide_history": _circle_history(),
        "deep_history": _circle_history(),
        "plain_accuracy": all_of(
            predicate(
                _returns_fraction,
                "should return the fraction of points classified correctly, a number between "
                "0 and 1",
            ),
            agrees_with(_plain_accuracy, _ACCURACY_CASES, atol=1e-6),
        ),
    },
}
