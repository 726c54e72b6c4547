r"""Activation functions and their hand-derived derivatives (weeks 4 and 5).

Each activation sits next to its derivative, as in week 5's backpropagation by hand:
``relu`` / ``relu_derivative``, ``sigmoid`` / ``sigmoid_derivative``, ``tanh`` /
``tanh_derivative``. All act element-wise, so every function maps a tensor of any shape
to a tensor of the same shape. :func:`get_activation` looks one up by name, which is how
the models in :mod:`ee4414.models` choose theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from ee4414 import _checks

ActivationFn = Callable[[torch.Tensor], torch.Tensor]


def relu(y_hat: torch.Tensor) -> torch.Tensor:
    r"""Rectified linear unit, :math:`z = \max(0, \hat{y})`.

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Pre-activations.

    Returns
    -------
    torch.Tensor, shape (*)
        ``y_hat`` with its negative entries set to zero.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers.
    """
    _checks.tensor(y_hat, "y_hat", "relu")
    return torch.relu(y_hat)


def relu_derivative(y_hat: torch.Tensor) -> torch.Tensor:
    r"""Derivative of :func:`relu`, :math:`\partial z / \partial \hat{y} = [\hat{y} > 0]`.

    The ReLU is not differentiable at 0; like PyTorch we take the derivative there to be
    0, so a neuron with :math:`\hat{y} \le 0` passes no gradient back (it is "dead" for
    that input).

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Pre-activations.

    Returns
    -------
    torch.Tensor, shape (*)
        1 where ``y_hat > 0``, else 0, in ``y_hat``'s dtype.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers.
    """
    _checks.tensor(y_hat, "y_hat", "relu_derivative")
    return (y_hat > 0).to(y_hat.dtype)


def sigmoid(y_hat: torch.Tensor) -> torch.Tensor:
    r"""Logistic sigmoid, :math:`\sigma(\hat{y}) = 1 / (1 + e^{-\hat{y}})`.

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Pre-activations.

    Returns
    -------
    torch.Tensor, shape (*)
        Values in (0, 1).

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers.
    """
    _checks.tensor(y_hat, "y_hat", "sigmoid")
    return torch.sigmoid(y_hat)


def sigmoid_derivative(y_hat: torch.Tensor) -> torch.Tensor:
    r"""Derivative of :func:`sigmoid`, :math:`\sigma' = \sigma(1 - \sigma)`.

    .. math::

        \sigma'(\hat{y}) = \sigma(\hat{y})\,\bigl(1 - \sigma(\hat{y})\bigr)

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Pre-activations.

    Returns
    -------
    torch.Tensor, shape (*)
        Values in (0, 0.25], largest at ``y_hat = 0``.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers.
    """
    _checks.tensor(y_hat, "y_hat", "sigmoid_derivative")
    s = torch.sigmoid(y_hat)
    return s * (1 - s)


def tanh(y_hat: torch.Tensor) -> torch.Tensor:
    r"""Hyperbolic tangent.

    .. math::

        \tanh(\hat{y}) = \frac{e^{\hat{y}} - e^{-\hat{y}}}{e^{\hat{y}} + e^{-\hat{y}}}

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Pre-activations.

    Returns
    -------
    torch.Tensor, shape (*)
        Values in (-1, 1).

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers.
    """
    _checks.tensor(y_hat, "y_hat", "tanh")
    return torch.tanh(y_hat)


def tanh_derivative(y_hat: torch.Tensor) -> torch.Tensor:
    r"""Derivative of :func:`tanh`, :math:`\tanh'(\hat{y}) = 1 - \tanh^2(\hat{y})`.

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Pre-activations.

    Returns
    -------
    torch.Tensor, shape (*)
        Values in (0, 1], largest at ``y_hat = 0``.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers.
    """
    _checks.tensor(y_hat, "y_hat", "tanh_derivative")
    return 1 - torch.tanh(y_hat) ** 2


@dataclass(frozen=True)
class Activation:
    """An activation function together with its derivative.

    Calling an :class:`Activation` applies its ``function``.

    Attributes
    ----------
    name : str
        The name it is looked up by, e.g. ``"relu"``.
    function : callable
        Maps a tensor of shape (*) to a tensor of shape (*).
    derivative : callable
        Its derivative, also element-wise.

    Raises
    ------
    TypeError
        If ``name`` is not a string or ``function``/``derivative`` is not callable.
    """

    name: str
    function: ActivationFn
    derivative: ActivationFn

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise TypeError(f"Activation expects name to be a string; got {self.name!r}")
        for part in ("function", "derivative"):
            fn = getattr(self, part)
            if not callable(fn) or isinstance(fn, type):
                raise TypeError(
                    f"Activation expects {part} to be a function of a tensor; got "
                    f"{_checks.shown(getattr(self, part))}"
                )

    def __call__(self, y_hat: torch.Tensor) -> torch.Tensor:
        """Apply the activation to ``y_hat`` (any shape)."""
        _checks.tensor(y_hat, "y_hat", f"the {self.name} activation")
        try:
            return self.function(y_hat)
        except Exception as err:  # a hand-written function may raise anything
            if _checks.raised_here(err):
                raise
            raise ValueError(
                f"the {self.name} activation's function failed on y_hat of shape "
                f"{tuple(y_hat.shape)} with {type(err).__name__}: {err}"
            ) from err


ACTIVATIONS: dict[str, Activation] = {
    "relu": Activation("relu", relu, relu_derivative),
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_derivative),
    "tanh": Activation("tanh", tanh, tanh_derivative),
}


def get_activation(name: str) -> Activation:
    """Look up an activation and its derivative by name.

    Parameters
    ----------
    name : str
        One of ``"relu"``, ``"sigmoid"``, ``"tanh"`` (case-insensitive).

    Returns
    -------
    Activation
        The function and its derivative.

    Raises
    ------
    TypeError
        If ``name`` is not a string.
    ValueError
        If ``name`` is not a known activation; the message lists the valid names.
    """
    if not isinstance(name, str):
        raise TypeError(
            "get_activation expects the activation name to be a string such as 'relu'; got "
            f"{_checks.shown(name)}"
        )
    key = name.lower()
    if key not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of: {', '.join(ACTIVATIONS)}")
    return ACTIVATIONS[key]
