r"""Checking a student's training function (W4-1.5 and W6-1.2).

Both weeks ask for ``train(model, x, labels, lr, epochs)``: full-batch gradient descent
on the mean squared error, :math:`p \leftarrow p - \eta\,\partial L/\partial p` once per
epoch, returning one loss per epoch. The check runs the function for three epochs on a
small linear probe, :math:`\hat{y} = \mathbf{w}^\top\mathbf{x} + b`, over the four XOR
points, and compares the parameters with a reference run. When they differ it names the
usual mistakes by reproducing them: gradients that pile up (never zeroed) and steps that
climb the gradient.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import torch

from ee4414.datasets import xor
from ee4414.selfcheck.checkers import Checker

LR, EPOCHS = 0.1, 3
_X, _C = xor()  # (4, 2, 1), (4, 1, 1)


class _LinearProbe(torch.nn.Module):
    """A small linear model, ŷ = wᵀx + b, for trying out a training function."""

    def __init__(self) -> None:
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor([[0.3], [-0.2]]))
        self.b = torch.nn.Parameter(torch.tensor([[0.1]]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w.T @ x + self.b


def _descend(*, zero: bool = True, sign: float = 1.0) -> tuple[list[float], list[torch.Tensor]]:
    """Full-batch gradient descent on the probe: (losses, final parameters).

    ``zero=False`` lets the gradients pile up; ``sign=-1`` climbs the gradient instead.
    """
    model = _LinearProbe()
    losses = []
    for _ in range(EPOCHS):
        loss = ((model(_X) - _C) ** 2).mean()  # the MSE over the four points
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                assert p.grad is not None
                p.sub_(sign * LR * p.grad)
                if zero:
                    p.grad.zero_()
        losses.append(loss.item())
    return losses, [p.detach().clone() for p in model.parameters()]


def _same_params(params: Sequence[torch.Tensor], want: Sequence[torch.Tensor]) -> bool:
    return all(
        torch.allclose(p.double(), w.double(), atol=1e-5) for p, w in zip(params, want, strict=True)
    )


def train_checker(labels: str) -> Checker:
    """A checker for ``train(model, x, <labels>, lr, epochs)``, which returns the losses.

    Parameters
    ----------
    labels : str
        The name of the labels argument in the exercise (``"y"`` or ``"c"``), used in
        the hints.

    Returns
    -------
    Checker
        ``checker(name, got) -> hints``; no hints when ``got`` trains like the reference.
    """
    call = f"(model, x, {labels}, lr, epochs)"

    def checker(name: str, got: Any) -> list[str]:
        if not callable(got):
            return [f"{name}: should be a function, train{call}"]
        model = _LinearProbe()
        start = [p.detach().clone() for p in model.parameters()]
        try:
            losses = got(model, _X.clone(), _C.clone(), LR, EPOCHS)
        except Exception as err:  # the student's code may raise anything
            return [f"{name}{call} raised {type(err).__name__}: {err}"]
        params = [p.detach() for p in model.parameters()]
        if _same_params(params, start):
            return [
                f"{name}: the model's parameters did not change; update every p in "
                "model.parameters() in place, under torch.no_grad()"
            ]
        want_losses, want_params = _descend()
        if not _same_params(params, want_params):
            return [_parameter_hint(name, params)]
        try:
            got_losses = [float(v.detach() if isinstance(v, torch.Tensor) else v) for v in losses]
        except (TypeError, ValueError, RuntimeError):
            return [f"{name}: should return a list with one loss per epoch"]
        if len(got_losses) != EPOCHS or not all(
            math.isclose(g, w, abs_tol=1e-5) for g, w in zip(got_losses, want_losses, strict=True)
        ):
            return [
                f"{name}: should return one loss per epoch, the mean squared error computed "
                "before that epoch's update"
            ]
        return []

    return checker


def _parameter_hint(name: str, params: Sequence[torch.Tensor]) -> str:
    """Name the mistake that leads to ``params``, when it is a known one."""
    if _same_params(params, _descend(zero=False)[1]):
        return (
            f"{name}: the gradients pile up from epoch to epoch: loss.backward() adds to "
            "p.grad, so zero the gradients once per epoch, after the update or before backward()"
        )
    if _same_params(params, _descend(sign=-1.0)[1]):
        return f"{name}: the parameters move up the gradient; the update should go down"
    return (
        f"{name}: after a few epochs the parameters differ from gradient descent on the "
        "mean squared error, p <- p - lr * dL/dp, one step per epoch on all four points"
    )
