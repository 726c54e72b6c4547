r"""EE4414: deep learning with PyTorch from first principles.

A small teaching library that grows with the course, one idea per module:

- ``tensors`` (week 1): :func:`describe`, :func:`explain_broadcast`, :func:`explain_matmul`;
- ``devices`` (weeks 1, 6): :func:`resolve_device` for the CPU, CUDA and MPS;
- ``layers`` (from week 2): :class:`Linear`, :math:`\hat{y} = W^\top x + b`;
- ``losses`` (weeks 2-4): squared error, MSE and hinge, with their derivatives;
- ``optim`` (from week 2): :func:`sgd_step` and :class:`SGD`;
- ``activations`` (weeks 4-5): ReLU, sigmoid and tanh, with their derivatives;
- ``models`` (from week 3): :class:`MLP`, :class:`TwoLayerNN`, :class:`ThreeLayerNN`;
- ``training`` (from week 2): :class:`Trainer` and its :class:`History`;
- ``datasets`` (from week 3): :func:`xor`, :func:`circles`, :func:`linearly_separable`;
- ``plotting`` (from week 2): loss curves, decision surfaces and training animations;
- ``diagrams`` (weeks 1, 5): :func:`plot_matrix` (a tensor as a grid), :func:`plot_network`;
- ``gradcheck`` (week 5): hand gradients against autograd and finite differences;
- ``selfcheck`` (every week): :func:`check`, the exercise notebooks' self-checks;
- ``practice`` (weeks 3, 6): personalised practice sheets, ``python -m ee4414.practice``.
- ``course_numbers``: the course's numbers (weights, points), which self-checks and tests use.

Data are column vectors throughout: a batch of inputs has shape ``(*, in_features, 1)``.
"""

from ee4414.activations import (
    ACTIVATIONS,
    Activation,
    get_activation,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
)
from ee4414.datasets import circles, linearly_separable, xor
from ee4414.devices import resolve_device
from ee4414.diagrams import plot_matrix, plot_network
from ee4414.gradcheck import (
    GradientReport,
    autograd_gradients,
    compare_gradients,
    numerical_gradients,
)
from ee4414.layers import Linear
from ee4414.losses import (
    get_loss,
    hinge,
    hinge_derivative,
    mse,
    mse_derivative,
    squared_error,
    squared_error_derivative,
)
from ee4414.models import MLP, ThreeLayerNN, TwoLayerNN, accuracy, classify
from ee4414.optim import SGD, sgd_step
from ee4414.plotting import (
    animate_training,
    plot_decision_surface,
    plot_linear_boundary,
    plot_losses,
    plot_points,
)
from ee4414.selfcheck import check
from ee4414.tensors import (
    BroadcastExplanation,
    MatmulExplanation,
    describe,
    explain_broadcast,
    explain_matmul,
)
from ee4414.training import History, Trainer, TrainingDivergedError

__version__ = "0.1.0"

__all__ = [
    "ACTIVATIONS",
    "MLP",
    "SGD",
    "Activation",
    "BroadcastExplanation",
    "GradientReport",
    "History",
    "Linear",
    "MatmulExplanation",
    "ThreeLayerNN",
    "Trainer",
    "TrainingDivergedError",
    "TwoLayerNN",
    "__version__",
    "accuracy",
    "animate_training",
    "autograd_gradients",
    "check",
    "circles",
    "classify",
    "compare_gradients",
    "describe",
    "explain_broadcast",
    "explain_matmul",
    "get_activation",
    "get_loss",
    "hinge",
    "hinge_derivative",
    "linearly_separable",
    "mse",
    "mse_derivative",
    "numerical_gradients",
    "plot_decision_surface",
    "plot_linear_boundary",
    "plot_losses",
    "plot_matrix",
    "plot_network",
    "plot_points",
    "relu",
    "relu_derivative",
    "resolve_device",
    "sgd_step",
    "sigmoid",
    "sigmoid_derivative",
    "squared_error",
    "squared_error_derivative",
    "tanh",
    "tanh_derivative",
    "xor",
]
