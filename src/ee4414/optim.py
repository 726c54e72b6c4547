r"""Gradient descent, the course's way (weeks 2 to 6).

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


def check_lr(lr: float) -> float:
    """Return ``lr`` as a float after checking that it is a positive, finite number.

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
    ValueError
        If ``lr`` is not a number greater than 0 and finite.
    """
    if isinstance(lr, bool) or not isinstance(lr, (int, float)):
        raise ValueError(f"the learning rate must be a positive number; got {lr!r}")
    if not (lr > 0 and math.isfinite(lr)):
        raise ValueError(
            f"the learning rate must be positive and finite; got lr={lr!r} "
            "(typical values for this course are 0.001 to 0.1)"
        )
    return float(lr)


@torch.no_grad()
def sgd_step(parameters: Iterable[torch.Tensor], lr: float) -> None:
    r"""Take one gradient-descent step on every parameter, in place.

    .. math::

        p \leftarrow p - \mu \, \frac{\partial \mathcal{L}}{\partial p}

    The update runs without recording an autograd graph (the new value is not part of
    the next loss's history). Parameters whose ``grad`` is ``None`` (not used by the loss)
    are left alone.

    Parameters
    ----------
    parameters : iterable of torch.Tensor
        Typically ``model.parameters()``; each with ``.grad`` of its own shape.
    lr : float
        The learning rate :math:`\mu > 0`.

    Raises
    ------
    ValueError
        If ``lr`` is not positive and finite.
    """
    lr = check_lr(lr)
    for p in parameters:
        if p.grad is not None:
            p -= lr * p.grad


class SGD:
    """Plain stochastic gradient descent with ``zero_grad()`` and ``step()``.

    Parameters
    ----------
    parameters : iterable of torch.Tensor
        The parameters to train, e.g. ``model.parameters()``.
    lr : float
        The learning rate, positive and finite.
    """

    def __init__(self, parameters: Iterable[torch.Tensor], lr: float) -> None:
        self.parameters = list(parameters)
        self.lr = check_lr(lr)

    def zero_grad(self) -> None:
        """Forget the gradients of the last backward pass (PyTorch adds them up otherwise)."""
        for p in self.parameters:
            p.grad = None

    def step(self) -> None:
        """Apply :func:`sgd_step` with this optimiser's learning rate."""
        sgd_step(self.parameters, self.lr)
