r"""EE4414: deep learning with PyTorch from first principles, weeks 1 to 6.

A small teaching library that grows with the course. Each module holds one idea:

=====================  ==========================================================  ======
module                 what it holds                                                weeks
=====================  ==========================================================  ======
``tensors``            :func:`describe`, :func:`explain_broadcast`,                 1
                       :func:`explain_matmul`
``devices``            :func:`resolve_device` (CPU, CUDA, MPS)                      1, 6
``layers``             :class:`Linear`, :math:`\hat{y} = W^\top x + b`            2-6
``losses``             squared error, MSE, hinge, with their derivatives            2-4
``optim``              :func:`sgd_step`, :class:`SGD`                               2-6
``activations``        ReLU, sigmoid, tanh, with their derivatives                  4-5
``models``             :class:`MLP`, :class:`TwoLayerNN`, :class:`ThreeLayerNN`     3-6
``training``           :class:`Trainer`, :class:`History`                           2-6
``datasets``           :func:`xor`, :func:`circles`, :func:`linearly_separable`     3-6
``plotting``           loss curves, decision surfaces, animations                   2-6
``gradcheck``          hand gradients against autograd and finite differences       5
=====================  ==========================================================  ======

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
