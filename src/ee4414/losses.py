r"""Loss functions and their derivatives with respect to the prediction (weeks 2 to 4).

Every loss takes the prediction first and the target second, ``loss(y_hat, y)``, and
returns a scalar: the mean over the batch of each point's loss, so for a single point it
is that point's plain loss (week 2's :math:`(\hat{y} - y)^2 = 3.0276`). Each
``<name>_derivative`` returns :math:`\partial \mathcal{L} / \partial \hat{y}` with the
shape of ``y_hat``; it is what backpropagation by hand (week 5) starts from.

A point is one column of shape ``(out_features, 1)``; a batch stacks points in front,
``(*, out_features, 1)``. Prediction and target must have the same shape: broadcasting
``(4, 1, 1)`` against ``(4, 1)`` would silently compare every prediction with every
label, so it is refused.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from ee4414 import _checks

LossFn = Callable[[torch.Tensor, torch.Tensor | float], torch.Tensor]


def squared_error(y_hat: torch.Tensor, y: torch.Tensor | float) -> torch.Tensor:
    r"""Squared error, averaged over the batch.

    .. math::

        \mathcal{L} = \frac{1}{N} \sum_{n=1}^{N} \lVert \hat{\mathbf{y}}^{(n)} -
        \mathbf{y}^{(n)} \rVert^2

    where :math:`N` is the number of points. With one output per point this is the mean of
    :math:`(\hat{y} - y)^2`; for a single point it is :math:`(\hat{y} - y)^2` itself.

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*, out_features, 1)
        Predictions (a 0-d or 1-d tensor counts as one point; integers are read
        as float32).
    y : torch.Tensor of y_hat's shape, or float
        Targets; a number is used for every entry.

    Returns
    -------
    torch.Tensor, shape ()
        The loss.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers, or the target is neither a
        tensor nor a number.
    ValueError
        If ``y_hat`` is empty, or the target has another shape or device.
    """
    y = _target_like(y_hat, y, "squared_error")
    y_hat = _checks.floating(y_hat)
    return ((y_hat - y) ** 2).sum() / _num_points(y_hat)


def squared_error_derivative(y_hat: torch.Tensor, y: torch.Tensor | float) -> torch.Tensor:
    r"""Derivative of :func:`squared_error` with respect to the prediction.

    .. math::

        \frac{\partial \mathcal{L}}{\partial \hat{\mathbf{y}}^{(n)}} =
        \frac{2}{N} \left(\hat{\mathbf{y}}^{(n)} - \mathbf{y}^{(n)}\right)

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*, out_features, 1)
        Predictions.
    y : torch.Tensor of y_hat's shape, or float
        Targets.

    Returns
    -------
    torch.Tensor, shape of y_hat
        The gradient of the loss with respect to each prediction.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers, or the target is neither a
        tensor nor a number.
    ValueError
        If ``y_hat`` is empty, or the target has another shape or device.
    """
    y = _target_like(y_hat, y, "squared_error_derivative")
    y_hat = _checks.floating(y_hat)
    return 2 * (y_hat - y) / _num_points(y_hat)


def mse(y_hat: torch.Tensor, y: torch.Tensor | float) -> torch.Tensor:
    r"""Mean squared error over every element, as in :class:`torch.nn.MSELoss`.

    .. math::

        \mathcal{L} = \frac{1}{M} \sum_{m=1}^{M} (\hat{y}_m - y_m)^2

    where :math:`M` counts every entry. It equals :func:`squared_error` when each point
    has a single output (the course's networks), and divides by the number of outputs
    too otherwise.

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Predictions.
    y : torch.Tensor of y_hat's shape, or float
        Targets.

    Returns
    -------
    torch.Tensor, shape ()
        The loss.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers, or the target is neither a
        tensor nor a number.
    ValueError
        If ``y_hat`` is empty, or the target has another shape or device.
    """
    y = _target_like(y_hat, y, "mse")
    y_hat = _checks.floating(y_hat)
    return ((y_hat - y) ** 2).mean()


def mse_derivative(y_hat: torch.Tensor, y: torch.Tensor | float) -> torch.Tensor:
    r"""Derivative of :func:`mse` with respect to the prediction.

    .. math::

        \frac{\partial \mathcal{L}}{\partial \hat{y}_m} = \frac{2}{M} (\hat{y}_m - y_m)

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Predictions.
    y : torch.Tensor of y_hat's shape, or float
        Targets.

    Returns
    -------
    torch.Tensor, shape of y_hat
        The gradient of the loss with respect to each prediction.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers, or the target is neither a
        tensor nor a number.
    ValueError
        If ``y_hat`` is empty, or the target has another shape or device.
    """
    y = _target_like(y_hat, y, "mse_derivative")
    y_hat = _checks.floating(y_hat)
    return 2 * (y_hat - y) / y_hat.numel()


def hinge(y_hat: torch.Tensor, c: torch.Tensor | float) -> torch.Tensor:
    r"""Hinge loss of a linear classifier (week 3), averaged over the batch.

    .. math::

        \mathcal{L} = \frac{1}{N} \sum_{n=1}^{N} \max\left(0, 1 - C^{(n)} \hat{y}^{(n)}\right),
        \qquad C^{(n)} \in \{-1, 1\}

    A point on the right side of the boundary by a margin of at least 1
    (:math:`C\hat{y} \ge 1`) costs nothing; any other point costs linearly.

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*, 1, 1)
        Classifier outputs.
    c : torch.Tensor of y_hat's shape, or float
        Class labels, each -1 or 1.

    Returns
    -------
    torch.Tensor, shape ()
        The loss.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers, or the target is neither a
        tensor nor a number.
    ValueError
        If ``y_hat`` is empty, the labels have another shape or device, or a
        label is not -1 or 1 (0/1 labels are a common slip).
    """
    c = _labels_like(y_hat, c, "hinge")
    y_hat = _checks.floating(y_hat)
    return torch.relu(1 - c * y_hat).sum() / _num_points(y_hat)


def hinge_derivative(y_hat: torch.Tensor, c: torch.Tensor | float) -> torch.Tensor:
    r"""Derivative of :func:`hinge`: :math:`-C/N` inside the margin, 0 outside it.

    .. math::

        \frac{\partial \mathcal{L}}{\partial \hat{y}^{(n)}} =
        \begin{cases} -C^{(n)} / N & \text{if } C^{(n)} \hat{y}^{(n)} < 1, \\
        0 & \text{otherwise.} \end{cases}

    At the kink :math:`C\hat{y} = 1` the loss has no derivative; like PyTorch we use 0.

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*, 1, 1)
        Classifier outputs.
    c : torch.Tensor of y_hat's shape, or float
        Class labels, each -1 or 1.

    Returns
    -------
    torch.Tensor, shape of y_hat
        The (sub)gradient of the loss with respect to each output.

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers, or the target is neither a
        tensor nor a number.
    ValueError
        If ``y_hat`` is empty, the labels have another shape or device, or a
        label is not -1 or 1 (0/1 labels are a common slip).
    """
    c = _labels_like(y_hat, c, "hinge_derivative")
    y_hat = _checks.floating(y_hat)
    inside = (c * y_hat < 1).to(y_hat.dtype)
    return -c * inside / _num_points(y_hat)


LOSSES: dict[str, LossFn] = {"squared_error": squared_error, "mse": mse, "hinge": hinge}


def get_loss(name: str) -> LossFn:
    """Look up a loss function by name.

    Parameters
    ----------
    name : str
        One of ``"squared_error"``, ``"mse"``, ``"hinge"``.

    Returns
    -------
    callable
        The loss, called as ``loss(y_hat, target)``.

    Raises
    ------
    TypeError
        If ``name`` is not a string.
    ValueError
        If ``name`` is not a known loss; the message lists the valid names.
    """
    if not isinstance(name, str):
        raise TypeError(
            f"get_loss expects the loss name to be a string such as 'mse'; got "
            f"{_checks.shown(name)}"
        )
    if name not in LOSSES:
        raise ValueError(f"unknown loss {name!r}; choose one of: {', '.join(LOSSES)}")
    return LOSSES[name]


def _num_points(y_hat: torch.Tensor) -> int:
    """Count the points in a batch of shape (*, out_features, 1); 1 for a 0-d or 1-d tensor."""
    if y_hat.dim() < 2:
        return 1
    return max(1, y_hat.numel() // (y_hat.shape[-2] * y_hat.shape[-1]))


def _target_like(
    y_hat: torch.Tensor, y: torch.Tensor | float, name: str, target: str = "the target y"
) -> torch.Tensor:
    """Check prediction and target; return the target as a tensor of the prediction's shape.

    An integer prediction is first read as float32 (the caller does the same), and a
    number, from Python, NumPy or a 0-d tensor, is used for every entry.
    """
    y_hat = _checks.tensor(y_hat, "y_hat", name, expected="a torch.Tensor of predictions")
    if y_hat.numel() == 0:
        raise ValueError(
            f"{name}: y_hat is empty (shape {tuple(y_hat.shape)}): there are no predictions "
            "to average over; check how the batch was built"
        )
    dtype = y_hat.dtype if y_hat.is_floating_point() else torch.float32
    if isinstance(y, torch.Tensor) and y.dim() == 0 and y_hat.dim() > 0:
        _checks.tensor(y, target, name)
        return y.to(y_hat.device, dtype).expand(y_hat.shape)
    number = _checks.as_number(y)
    if number is not None:
        if abs(number) > torch.finfo(dtype).max:
            raise ValueError(
                f"{name}: {target} = {number:g} is too large for y_hat's dtype {dtype} "
                f"(at most {torch.finfo(dtype).max:.3g})"
            )
        return torch.full(y_hat.shape, float(number), dtype=dtype, device=y_hat.device)
    if not isinstance(y, torch.Tensor):
        raise TypeError(
            f"{name} expects {target} to be a tensor or a number; got {_checks.shown(y)}"
        )
    _checks.tensor(y, target, name)
    if y.shape != y_hat.shape:
        raise ValueError(
            f"{name}: y_hat has shape {tuple(y_hat.shape)} but {target} has shape "
            f"{tuple(y.shape)}; they must match (reshape it, e.g. y.view_as(y_hat))"
        )
    if y.device != y_hat.device:
        raise ValueError(
            f"{name}: y_hat is on {y_hat.device} but {target} is on {y.device}; move one "
            "of them, e.g. y.to(y_hat.device)"
        )
    return y.to(dtype)


def _labels_like(y_hat: torch.Tensor, c: torch.Tensor | float, name: str) -> torch.Tensor:
    """Like :func:`_target_like`, and check that every label is -1 or 1."""
    c = _target_like(y_hat, c, name, "the labels c")
    bad = c[(c != 1) & (c != -1)]
    if bad.numel():
        shown = sorted({float(v) for v in bad.flatten()[:5]})
        hint = " (0/1 labels: use 2 * c - 1)" if set(shown) <= {0.0, 1.0} else ""
        raise ValueError(f"{name} expects labels in {{-1, 1}}; got values {shown}{hint}")
    return c
