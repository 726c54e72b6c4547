r"""Self-check expectations for week 4's exercises: a two-layer network that solves XOR.

Week 4 builds the network :math:`\hat{y} = \mathbf{w}_1^\top\mathbf{z} + b_1` with
:math:`\mathbf{z} = \operatorname{ReLU}([\mathbf{w}_{0,0}^\top\mathbf{x} + b_{0,0},\
\mathbf{w}_{0,1}^\top\mathbf{x} + b_{0,1}]^\top)` from three neurons with the exercise
statement's numbers, :math:`\mathbf{w}_{0,0} = [0.8, -0.5]^\top, b_{0,0} = 0.5`;
:math:`\mathbf{w}_{0,1} = [-0.3, -0.1]^\top, b_{0,1} = -0.2`;
:math:`\mathbf{w}_1 = [-0.5, -0.4]^\top, b_1 = -0.8`, on :math:`\mathbf{x} = [0.3, 0.1]^\top`
(W4-1.1 to W4-1.4). Expected values are computed here from those numbers in float64.
Modules are checked through their forward pass, on single columns and on batches. The
training exercises (W4-1.5, W4-1.6) are checked by properties of the run: one loss per
epoch, falling, and every XOR point classified correctly. W4-1.5's ``train`` is also run
for three epochs on a small linear model when the check runs and compared with gradient
descent (``ee4414.selfcheck.train_checker``, shared with W6-1.2). Nothing is trained at
import.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import torch

from ee4414.activations import relu
from ee4414.course_numbers import W4_ANSWER_CODE, W4_NEURONS, W4_X, W4_X2
from ee4414.losses import hinge, mse
from ee4414.selfcheck._probes import (
    GRID,
    all_python_numbers,
    as_float64,
    close,
    differentiable,
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
    equals_tensor,
    predicate,
    shape,
)
from ee4414.selfcheck.train_checker import train_checker

# W4-1.1: (w0, w1, b) of each neuron, from the exercise statement; the course's answer
# code has other numbers for two neurons (see the note on W4-1.1).
_NEURONS = W4_NEURONS
_ANSWER_CODE = W4_ANSWER_CODE

_X = torch.tensor(W4_X, dtype=torch.float64)  # (2, 1)
_X2 = torch.tensor(W4_X2, dtype=torch.float64)  # W4-1.4's second input
_COLUMNS = torch.tensor(
    [[[0.3], [0.1]], [[-1.0], [-1.0]], [[1.0], [-2.0]], [[2.0], [0.5]]], dtype=torch.float64
)  # (4, 2, 1): one or both hidden neurons silent, or both active
_NEURON_INPUTS = torch.cat([_COLUMNS, torch.tensor([[[-2.0], [1.0]]], dtype=torch.float64)])

_EPOCHS_1_5 = 300
_EPOCHS_1_6 = 1000
_START_BOUND = 0.2
_TOL = {"atol": 1e-5, "rtol": 1e-5}  # how close a forward pass must come to the reference


def _column(numbers: tuple[float, float, float]) -> tuple[torch.Tensor, float]:
    w0, w1, b = numbers
    return torch.tensor([[w0], [w1]], dtype=torch.float64), b


def _neuron(numbers: tuple[float, float, float], x: torch.Tensor) -> torch.Tensor:
    """ŷ = wᵀx + b of one neuron, for x of shape (*, 2, 1)."""
    w, b = _column(numbers)
    return w.T @ x + b


def _network(x: torch.Tensor, activation: Callable[[torch.Tensor], torch.Tensor]) -> torch.Tensor:
    """The exercise's two-layer network, with ``activation`` on the hidden outputs."""
    z = torch.cat(
        [
            activation(_neuron(_NEURONS["layer0_0"], x)),
            activation(_neuron(_NEURONS["layer0_1"], x)),
        ],
        dim=-2,
    )  # (*, 2, 1)
    return _neuron(_NEURONS["layer1"], z)  # (*, 1, 1)


_Y_HAT = {name: _neuron(numbers, _X) for name, numbers in _NEURONS.items()}  # 0.69, -0.30, -0.99
_Z = torch.relu(torch.cat([_Y_HAT["layer0_0"], _Y_HAT["layer0_1"]], dim=-2))  # (2, 1)
_OUT = _neuron(_NEURONS["layer1"], _Z)  # (1, 1): -1.145
_BATCH = torch.stack([_X, _X2])  # (2, 2, 1)


# W4-1.1: three neurons


def _check_neuron(
    expected: tuple[float, float, float], answer_code: tuple[float, float, float] | None = None
) -> Checker:
    """A neuron built from the given numbers: a module, a 1×1 output, wᵀx + b exactly."""
    want = torch.tensor(expected, dtype=torch.float64)

    def checker(name: str, got: Any) -> list[str]:
        if not is_module(got):
            return [f"{name}: should be an instance of your Linear class (a torch.nn.Module)"]
        try:
            with torch.no_grad():
                raw = [got(model_input(got, x)) for x in _NEURON_INPUTS]
        except Exception as err:  # the student's forward may raise anything
            return [f"{name}: {name}(x) raised {type(err).__name__} for a column x of shape (2, 1)"]
        if not all(isinstance(out, torch.Tensor) and tuple(out.shape) == (1, 1) for out in raw):
            return [f"{name}: {name}(x) should return a 1×1 tensor for a 2×1 column x"]
        outputs = [as_float64(out) for out in raw]
        numbers = read_neuron(got, batched=False)
        w, b = numbers[:2].reshape(2, 1), numbers[2].item()
        if not all(
            close(out, w.T @ x + b, **_TOL) for out, x in zip(outputs, _NEURON_INPUTS, strict=True)
        ):
            return [f"{name}: {name}(x) should be exactly wᵀx + b, with no activation"]
        if torch.allclose(numbers, want, atol=1e-5):
            return []
        if answer_code is not None and torch.allclose(
            numbers, torch.tensor(answer_code, dtype=torch.float64), atol=1e-5
        ):
            return [
                f"{name}: holds the numbers of the course's answer code, which differ from the "
                "exercise statement's (see the note at the top of the page)"
            ]
        if torch.allclose(numbers[:2], want[:2], atol=1e-5):
            return [f"{name}: the weights are right, but the bias is not the exercise's"]
        if torch.allclose(numbers[:2], want[:2].flip(0), atol=1e-5):
            return [f"{name}: the two weights are swapped: the first one multiplies x0"]
        return [f"{name}: the weights differ from the ones the exercise gives this neuron"]

    return checker


# W4-1.2: the ReLU


_RELU_CASES: list[tuple[Any, ...]] = [
    (torch.tensor([[0.69]]),),
    (torch.tensor([[-0.3]]),),
    (torch.tensor([[0.0]]),),
    (torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0]),),  # any shape, element by element
    (torch.tensor([1.5, -0.2, 0.0, -3.0]).reshape(4, 1, 1),),  # a batch
    (torch.tensor([[-1.0, 2.0, -0.1], [0.3, -4.0, 5.0]]),),
]


def _leaves_input(relu: Any) -> bool:
    y_hat = torch.tensor([[-0.3], [0.69]])
    try:
        relu(y_hat)
    except Exception:  # an error is reported by the next check, with its message
        return True
    return torch.equal(y_hat, torch.tensor([[-0.3], [0.69]]))


def _relu_gradient(relu: Any) -> bool:
    """Autograd through relu gives the slope 1 where ŷ > 0 and 0 where ŷ < 0."""
    leaf = torch.tensor([[-0.7], [0.4], [1.5], [-2.0]], requires_grad=True)
    out = relu(leaf * 1.0)
    (grad,) = torch.autograd.grad(out.sum(), leaf)
    return torch.equal(grad, torch.tensor([[0.0], [1.0], [1.0], [0.0]]))


# W4-1.3: the concatenation


def _has_graph(z: Any) -> bool:
    return isinstance(z, torch.Tensor) and z.grad_fn is not None


def _cat_from_the_end(z: Any) -> bool:
    """False only when autograd recorded a torch.cat along a dimension counted from the front."""
    dim = getattr(z.grad_fn, "_saved_dim", None)
    if not isinstance(dim, int):
        return True  # not a concatenation autograd can tell us about: nothing to say
    return dim < 0 or dim >= 2**63  # a negative dim is kept as an unsigned 64-bit number


# W4-1.4: the module and the batches


_NETWORK_INPUTS = (_X, _COLUMNS, _COLUMNS.unsqueeze(0))  # (2, 1), (4, 2, 1), (1, 4, 2, 1)


def _check_two_layer_nn(name: str, got: Any) -> list[str]:
    """``TwoLayerNN()``: the exercise's network, on one column and on two layouts of batches."""
    try:
        model = got()
    except Exception as err:  # the student's code may raise anything
        return [
            f"{name}() raised {type(err).__name__}: {err}; the class should build the network "
            "with the exercise's numbers, without arguments"
        ]
    if not is_module(model):
        return [f"{name}: the class should derive from torch.nn.Module"]
    if n_params(model) != 9:
        return [
            f"{name}: the network should hold 9 parameters, two weights and a bias for each of "
            "its three neurons; assign the neurons to attributes of self, after "
            "super().__init__()"
        ]
    for x in _NETWORK_INPUTS:
        in_shape, want = tuple(x.shape), (*x.shape[:-2], 1, 1)
        where = "one column" if x.dim() == 2 else "a batch"
        try:
            out = run(model, x)
        except Exception as err:  # the student's forward may raise anything
            hint = f"{name}: on {where} of shape {in_shape}, forward raised {type(err).__name__}"
            if x.dim() > 2:
                hint += "; count the concatenation's dimension from the end"
            return [hint]
        if tuple(out.shape) != want:
            return [
                f"{name}: on {where} of shape {in_shape}, the network should return shape {want}, "
                f"one 1×1 output per column; got {tuple(out.shape)}"
            ]
        if not close(out, _network(x, torch.relu), **_TOL):
            if close(out, _network(x, lambda t: t), **_TOL):
                return [f"{name}: the hidden outputs should pass through the ReLU before layer1"]
            return [
                f"{name}: the outputs differ from those of the exercise's network; check each "
                "neuron's numbers and which neuron reads what"
            ]
    return []


def _stacked_in_order(x: Any) -> bool:
    return close(as_float64(x[0]), _X, **_TOL) and close(as_float64(x[1]), _X2, **_TOL)


# W4-1.5: the loss, the training loop and the trained network


_MSE_CASES = [
    (torch.tensor([[0.5]]), torch.tensor([[-1.0]])),
    pairs((0.1, -1.0), (0.3, 1.0), (-0.2, 1.0), (0.05, -1.0)),  # the mean over four points
    pairs((1.0, 1.0), (-1.0, -1.0)),
    pairs((2.0, 1.0), (-3.0, -1.0), (0.0, 1.0)),
]


# W4-1.6: any activation, another loss


_HINGE_CASES = [
    (torch.tensor([[-0.8]]), torch.tensor([[-1.0]])),  # right, inside the margin
    (torch.tensor([[2.5]]), torch.tensor([[1.0]])),  # beyond the margin
    (torch.tensor([[0.5]]), torch.tensor([[-1.0]])),  # on the wrong side
]
_HINGE_BATCHES = [
    pairs((2.5, 1.0), (-0.8, -1.0), (0.5, -1.0), (-2.0, 1.0)),  # the mean over four points
    pairs((-3.0, -1.0), (1.2, 1.0)),  # every point beyond the margin: 0
]


def _builds_any(cls: Any, activation: Callable[[torch.Tensor], torch.Tensor], seed: int) -> Any:
    return cls(activation, torch.Generator().manual_seed(seed))


def _any_forward(model: Any, x: torch.Tensor, act: Callable[..., torch.Tensor]) -> torch.Tensor:
    """What W4-1.5's network computes from ``model``'s own neurons, with ``act`` in between."""
    with torch.no_grad():
        x = model_input(model, x)
        z = torch.cat([act(model.layer0_0(x)), act(model.layer0_1(x))], dim=-2)
        return as_float64(model.layer1(z))


def _check_any_activation(name: str, got: Any) -> list[str]:
    """The network of W4-1.5 with the activation and the generator passed in."""
    with torch.random.fork_rng(devices=[]):  # leave the caller's random numbers alone
        return _check_any_activation_here(name, got)


def _check_any_activation_here(name: str, got: Any) -> list[str]:
    signature = f"{name}(activation, generator)"
    try:
        model = _builds_any(got, torch.tanh, 0)
    except Exception as err:  # the student's code may raise anything
        return [f"{signature} raised {type(err).__name__}: {err}"]
    if not is_module(model):
        return [f"{name}: the class should derive from torch.nn.Module"]
    if n_params(model) != 9:
        return [
            f"{name}: the network should hold W4-1.5's 9 parameters, two weights and a bias "
            "for each of its three neurons"
        ]
    if not all(isinstance(getattr(model, n, None), torch.nn.Module) for n in _NEURONS):
        return [
            f"{name}: keep W4-1.5's names for the three neurons, layer0_0, layer0_1 and "
            "layer1 (the cells below read them)"
        ]
    values = torch.cat([p.detach().flatten() for p in model.parameters()])
    if not bool((values.abs() <= _START_BOUND + 1e-6).all()):
        return [f"{name}: every weight and bias should start in [-0.2, 0.2], as in W4-1.5"]
    again = torch.cat([p.detach().flatten() for p in _builds_any(got, torch.relu, 0).parameters()])
    if not torch.equal(values, again):
        return [
            f"{name}: two networks built from generators with the same seed should start from "
            "the same nine numbers: draw them from the generator passed in"
        ]
    for activation in (torch.tanh, torch.sigmoid, torch.relu):
        model = _builds_any(got, activation, 1)
        try:
            out = run(model, GRID)
        except Exception as err:  # the student's forward may raise anything
            return [f"{name}: on a batch of shape (25, 2, 1), forward raised {type(err).__name__}"]
        if not close(out, _any_forward(model, GRID, activation), **_TOL):
            return [
                f"{name}: the network should apply the activation passed in to both hidden "
                "neurons' outputs, then feed them to layer1, as W4-1.5's network does with relu"
            ]
    return []


def _check_models(name: str, got: Any) -> list[str]:
    """A dict of trained networks, each classifying all four XOR points correctly."""
    if not isinstance(got, dict) or not got or not all(is_module(m) for m in got.values()):
        return [f"{name}: should be a dict that maps each version's name to its trained network"]
    for version, model in got.items():
        try:
            solved = solves_xor(model)
        except Exception as err:  # the student's forward may raise anything
            return [
                f"{name}: the network of version {version!r} raised {type(err).__name__} on "
                "the four XOR points, a batch of columns of shape (4, 2, 1); build it from the "
                "course's Linear layers, which read columns"
            ]
        if not solved:
            return [
                f"{name}: the version {version!r} does not classify all four XOR points "
                "correctly; train each version from the seed, with the learning rate and "
                "number of epochs given"
            ]
    return []


def _check_histories(name: str, got: Any) -> list[str]:
    """One loss per epoch for every version, falling to well below where it started."""
    if not isinstance(got, dict) or not got:
        return [f"{name}: should be a dict that maps each version's name to its training history"]
    for version, history in got.items():
        try:
            losses = [float(v) for v in history_losses(history)]
        except (TypeError, ValueError, RuntimeError):
            return [f"{name}: the entry for {version!r} should be what Trainer.fit returns"]
        if len(losses) != _EPOCHS_1_6:
            return [
                f"{name}: the entry for {version!r} should hold one loss per epoch "
                f"({_EPOCHS_1_6} epochs)"
            ]
        if not all(math.isfinite(v) for v in losses) or not losses[-1] < 0.5 * losses[0]:
            return [
                f"{name}: in the run of {version!r} the loss does not fall well below where it "
                "started; check the loss and the learning rate"
            ]
    return []


EXPECTATIONS: Expectations = {
    "W4-1.1": {
        "layer0_0": _check_neuron(_NEURONS["layer0_0"]),
        "layer0_1": _check_neuron(_NEURONS["layer0_1"], _ANSWER_CODE["layer0_1"]),
        "layer1": _check_neuron(_NEURONS["layer1"], _ANSWER_CODE["layer1"]),
        "y_hat0_0": equals_tensor(_Y_HAT["layer0_0"], what="a 1×1 tensor"),
        "y_hat0_1": equals_tensor(_Y_HAT["layer0_1"], what="a 1×1 tensor"),
        "y_hat1": equals_tensor(_Y_HAT["layer1"], what="a 1×1 tensor"),
    },
    "W4-1.2": {
        "relu": all_of(
            predicate(
                _leaves_input,
                "relu(y_hat) should return a new tensor and leave y_hat itself unchanged",
            ),
            agrees_with(relu, _RELU_CASES, atol=1e-6, returns_tensor=True),
            predicate(
                _relu_gradient,
                "autograd cannot differentiate relu's output with respect to its input: build "
                "it with torch operations, without .item() or Python's max",
            ),
        ),
        "z_0": equals_tensor(relu(_Y_HAT["layer0_0"]), what="a 1×1 tensor"),
        "z_1": equals_tensor(relu(_Y_HAT["layer0_1"]), what="a 1×1 tensor"),
    },
    "W4-1.3": {
        "z": all_of(
            equals_tensor(_Z, what="a 2×1 column"),
            predicate(
                _has_graph,
                "build z from z_0 and z_1 with torch.cat, so that autograd can still follow it "
                "back to the neurons (a new torch.tensor(...) cuts that link)",
            ),
            predicate(
                _cat_from_the_end,
                "concatenate along a dimension counted from the end (a negative dim), so that "
                "the same line still works when batch dimensions come in front",
            ),
        ),
        "y_hat": equals_tensor(_OUT, what="a 1×1 tensor"),
    },
    "W4-1.4": {
        "TwoLayerNN": _check_two_layer_nn,
        "x": all_of(
            shape(_BATCH.shape, what="a batch of the two 2×1 inputs"),
            predicate(
                _stacked_in_order,
                "x[0] should be the first input column and x[1] the second: stack them along a "
                "new leading dimension",
            ),
        ),
        "y_hat": equals_tensor(_network(_BATCH, torch.relu), what="one 1×1 output per point"),
        "x_batches": equals_tensor(_BATCH.unsqueeze(0), what="x with one more leading dimension"),
        "y_hat_batches": equals_tensor(
            _network(_BATCH.unsqueeze(0), torch.relu), what="one 1×1 output per point"
        ),
    },
    "W4-1.5": {
        "mse": all_of(
            agrees_with(mse, _MSE_CASES, atol=1e-5, returns_tensor=True),
            predicate(
                lambda mse: differentiable(mse, [(0.3, 1.0), (-1.0, -1.0)]),
                "should return a tensor that autograd can differentiate: use torch operations",
            ),
        ),
        "train": train_checker("y"),
        "losses": all_of(
            predicate(
                lambda v: len(v) == _EPOCHS_1_5,
                f"record one loss per epoch, {_EPOCHS_1_5} values in all",
            ),
            predicate(
                all_python_numbers,
                "store each loss as a Python number with loss.item(); a tensor keeps its autograd "
                "record alive and cannot be plotted",
            ),
            predicate(
                lambda v: all(math.isfinite(x) for x in v) and v[-1] < v[0] and v[-1] < 0.01,
                "the loss should fall during training and end close to 0; check the update and "
                "the learning rate",
            ),
        ),
        "model": all_of(
            predicate(is_module, "should be your trained TwoLayerNN (a torch.nn.Module)"),
            predicate(
                solves_xor,
                "after training, the signs of model(x) should match all four XOR labels; train "
                "the seeded model with the learning rate and number of epochs given",
            ),
        ),
    },
    "W4-1.6": {
        "TwoLayerNNAnyActivation": _check_any_activation,
        "hinge": all_of(
            agrees_with(hinge, _HINGE_CASES, atol=1e-5, returns_tensor=True),
            predicate(
                lambda hinge: differentiable(hinge, [(0.4, 1.0), (-3.0, -1.0)]),
                "should return a tensor that autograd can differentiate, also beyond the margin "
                "where the loss is 0 (Python's max gives a plain 0 there: use a torch function)",
            ),
            agrees_with(hinge, _HINGE_BATCHES, atol=1e-5),
        ),
        "models": _check_models,
        "histories": _check_histories,
    },
}
