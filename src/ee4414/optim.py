r"""Gradient descent, the course's way (from week 2).

After ``loss.backward()`` each parameter :math:`p` holds :math:`\partial\mathcal{L}/\partial p`
in ``p.grad``; one step of (stochastic) gradient descent moves it downhill:

.. math::

    p \leftarrow p - \mu \frac{\partial \mathcal{L}}{\partial p}

where :math:`\mu` is the learning rate. :func:`sgd_step` is that line of code; :class:`SGD`
wraps it with ``zero_grad()`` for the :class:`~ee4414.Trainer`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import torch

from ee4414 import _checks


def check_lr(lr: float) -> float:
    """Return ``lr`` as a float after checking that it is a positive, finite number.

    Numbers from NumPy (``np.float32(0.1)``) and 0-d tensors count as numbers.

    Parameters
    ----------
    lr : float
        A learning rate.

    Returns
    -------
    float
        The same learning rate.

    Raises
    ------
    TypeError
        If ``lr`` is not a number (a string such as ``"0.1"`` included).
    ValueError
        If ``lr`` is not greater than 0 and finite.
    """
    number = _checks.as_number(lr)
    if number is None:
        raise TypeError(
            f"the learning rate must be a positive number such as 0.01; got {_checks.shown(lr)}"
        )
    if not (number > 0 and math.isfinite(number)):
        raise ValueError(
            f"the learning rate must be positive and finite; got lr={number!r} "
            "(typical values for this course are 0.001 to 0.1)"
        )
    return float(number)


def _parameter_list(parameters: Iterable[torch.Tensor], where: str) -> list[torch.Tensor]:
    """The parameters as a list, each checked to be a floating-point tensor."""
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]  # one tensor is one parameter, not a sequence of rows
    try:
        params = list(parameters)
    except TypeError:
        raise TypeError(
            f"{where} expects the parameters to train, e.g. model.parameters(); got "
            f"{_checks.shown(parameters)}"
        ) from None
    for i, p in enumerate(params):
        if not isinstance(p, torch.Tensor) or not p.is_floating_point():
            raise TypeError(
                f"{where}: parameter {i} should be a floating-point tensor, e.g. from "
                f"model.parameters(); got {_checks.shown(p)}"
            )
    return params


@torch.no_grad()
def sgd_step(parameters: Iterable[torch.Tensor], lr: float) -> None:
    r"""Take one gradient-descent step on every parameter, in place.

    .. math::

        p \leftarrow p - \mu \, \frac{\partial \mathcal{L}}{\partial p}

    The update runs without recording an autograd graph (the new value is not part of
    the next loss's history). Parameters whose ``grad`` is ``None`` (not used by the loss)
    are left alone, but at least one must have a gradient. Nothing is changed unless every
    gradient is finite.

    Parameters
    ----------
    parameters : iterable of torch.Tensor
        Typically ``model.parameters()``; each with ``.grad`` of its own shape.
    lr : float
        The learning rate :math:`\mu > 0`.

    Raises
    ------
    TypeError
        If ``lr`` is not a number or a parameter is not a floating-point tensor.
    ValueError
        If ``lr`` is not positive and finite, no parameter has a gradient (was
        ``loss.backward()`` called?), or a gradient holds NaN or an infinity.
    """
    lr = check_lr(lr)
    params = _parameter_list(parameters, "sgd_step")
    with_grad = [p for p in params if p.grad is not None]
    if not with_grad:
        raise ValueError(
            "sgd_step: no parameter has a gradient (every p.grad is None), so there is no "
            "step to take; call loss.backward() before the update"
        )
    for i, p in enumerate(with_grad):
        grad = p.grad
        assert grad is not None
        if not bool(torch.isfinite(grad).all()):
            raise ValueError(
                f"sgd_step: the gradient of parameter {i} holds NaN or an infinity, so the "
                "step would ruin the weights; nothing was changed. Check the loss for a "
                "division by zero, the data for NaN, or lower the learning rate"
            )
    for p in with_grad:
        assert p.grad is not None
        p -= lr * p.grad


class SGD:
    """Plain stochastic gradient descent with ``zero_grad()`` and ``step()``.

    Parameters
    ----------
    parameters : iterable of torch.Tensor
        The parameters to train, e.g. ``model.parameters()``.
    lr : float
        The learning rate, positive and finite.

    Raises
    ------
    TypeError
        If ``lr`` is not a number or a parameter is not a floating-point tensor.
    ValueError
        If ``lr`` is not positive and finite.
    """

    def __init__(self, parameters: Iterable[torch.Tensor], lr: float) -> None:
        self.parameters = _parameter_list(parameters, "SGD")
        self.lr = check_lr(lr)

    def zero_grad(self) -> None:
        """Forget the gradients of the last backward pass (PyTorch adds them up otherwise)."""
        for p in self.parameters:
            p.grad = None

    def step(self) -> None:
        """Apply :func:`sgd_step` with this optimiser's learning rate.

        Raises
        ------
        ValueError
            If no parameter has a gradient, or a gradient holds NaN or an infinity.
        """
        sgd_step(self.parameters, self.lr)
