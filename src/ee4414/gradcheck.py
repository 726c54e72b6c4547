r"""Checking gradients computed by hand against autograd (week 5).

Backpropagation by hand gives formulas such as
:math:`\partial\mathcal{L}/\partial w_0 = 2(\hat{y} - y)\,x_0`. Two independent judges
check them:

- **autograd**: ``loss.backward()`` fills each parameter's ``.grad``;
- **finite differences**: nudge one number and watch the loss,

  .. math::

      \frac{\partial \mathcal{L}}{\partial p} \approx
      \frac{\mathcal{L}(p + \varepsilon) - \mathcal{L}(p - \varepsilon)}{2\varepsilon}

  computed in float64, so the estimate is good to about :math:`\varepsilon^2`.

:func:`compare_gradients` puts all three side by side in a table.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import torch
from torch import nn

from ee4414 import _checks
from ee4414._checks import call_loss, call_model

LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
_KEY = re.compile(r"^\s*([\w.]+)\s*(?:\[([\d,\s]+)\])?\s*$")


def autograd_gradients(
    model: nn.Module, loss: LossFn, x: torch.Tensor, y: torch.Tensor
) -> dict[str, torch.Tensor]:
    """Gradients of ``loss(model(x), y)`` with respect to every parameter, by autograd.

    Parameters
    ----------
    model : torch.nn.Module
        The model (its ``.grad`` fields are left untouched).
    loss : callable
        ``loss(y_hat, y)`` returning a scalar tensor.
    x : torch.Tensor, shape (*, in_features, 1)
        Inputs.
    y : torch.Tensor or float
        Targets, shaped like the model's output (or one number for every output).

    Returns
    -------
    dict of str to torch.Tensor
        ``{name: dL/dparameter}`` with each parameter's shape, names as in
        :meth:`torch.nn.Module.named_parameters` (e.g. ``"w"``, ``"layers.0.b"``).

    Raises
    ------
    TypeError
        If ``model`` is not a module, ``loss`` is not callable, ``x`` or ``y`` is not
        a tensor, or the loss is not a one-element tensor autograd can differentiate
        (``.item()``, ``.detach()`` or a plain number).
    ValueError
        If the model has no parameters.
    """
    _check_arguments(model, loss, x, y, "autograd_gradients")
    names, params = zip(*model.named_parameters(), strict=True)
    with torch.enable_grad():
        value = _loss_tensor(
            loss, call_model(model, x, "autograd_gradients"), y, "autograd_gradients"
        )
        grads = torch.autograd.grad(value, params, allow_unused=True)
    return {
        name: g.detach() if g is not None else torch.zeros_like(p)
        for name, p, g in zip(names, params, grads, strict=True)
    }


@torch.no_grad()
def numerical_gradients(
    model: nn.Module, loss: LossFn, x: torch.Tensor, y: torch.Tensor, *, eps: float = 1e-6
) -> dict[str, torch.Tensor]:
    r"""Central finite-difference estimates of every parameter's gradient, in float64.

    .. math::

        \frac{\partial \mathcal{L}}{\partial p_k} \approx
        \frac{\mathcal{L}(p_k + \varepsilon) - \mathcal{L}(p_k - \varepsilon)}{2\varepsilon}

    Parameters
    ----------
    model : torch.nn.Module
        The model (a float64 copy is nudged; the model itself is untouched).
    loss : callable
        ``loss(y_hat, y)`` returning a scalar tensor.
    x : torch.Tensor, shape (*, in_features, 1)
        Inputs.
    y : torch.Tensor or float
        Targets, shaped like the model's output (or one number for every output).
    eps : float, default 1e-6
        The nudge :math:`\varepsilon`.

    Returns
    -------
    dict of str to torch.Tensor
        ``{name: estimate}``, each in float64 with its parameter's shape.

    Raises
    ------
    TypeError
        If ``model`` is not a module, ``loss`` is not callable, ``x`` or ``y`` is not
        a tensor, ``eps`` is not a number, or the loss is not one number.
    ValueError
        If the model has no parameters or ``eps`` is not positive and finite.
    """
    _check_arguments(model, loss, x, y, "numerical_gradients")
    eps = _checks.real(eps, "eps", "numerical_gradients", above=0)
    model64 = copy.deepcopy(model).double()
    x64 = x.double()
    y64 = y.double() if isinstance(y, torch.Tensor) else y
    estimates = {}
    for name, p in model64.named_parameters():
        grad = torch.zeros_like(p)
        flat, gflat = p.view(-1), grad.view(-1)
        for k in range(flat.numel()):
            original = flat[k].item()
            flat[k] = original + eps
            up = _loss_number(loss, call_model(model64, x64, "numerical_gradients"), y64)
            flat[k] = original - eps
            down = _loss_number(loss, call_model(model64, x64, "numerical_gradients"), y64)
            flat[k] = original
            gflat[k] = (up - down) / (2 * eps)
        estimates[name] = grad
    return estimates


@dataclass(frozen=True)
class GradientRow:
    """One line of a :class:`GradientReport`: a (part of a) parameter's gradient."""

    name: str
    manual: torch.Tensor
    autograd: torch.Tensor
    numerical: torch.Tensor
    max_abs_diff: float
    ok: bool


@dataclass(frozen=True)
class GradientReport:
    """Hand-computed gradients next to autograd and finite differences.

    ``print(report)`` shows a table with one row per checked entry; :attr:`ok` is True
    when every manual gradient is within ``atol`` of autograd.
    """

    rows: list[GradientRow]
    atol: float

    @property
    def ok(self) -> bool:
        """Whether every row agrees."""
        return all(row.ok for row in self.rows)

    def __str__(self) -> str:
        header = ("parameter", "manual", "autograd", "finite diff", "max |diff|", "ok")
        lines = [
            (
                r.name,
                _fmt(r.manual),
                _fmt(r.autograd),
                _fmt(r.numerical),
                f"{r.max_abs_diff:.2e}",
                "yes" if r.ok else "NO",
            )
            for r in self.rows
        ]
        widths = [max(len(str(row[i])) for row in [header, *lines]) for i in range(6)]

        def fmt(row: tuple[str, ...]) -> str:
            return "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()

        rule = "  ".join("-" * w for w in widths)
        return "\n".join([fmt(header), rule, *(fmt(line) for line in lines)])


def compare_gradients(
    manual: Mapping[str, torch.Tensor | float],
    model: nn.Module,
    loss: LossFn,
    x: torch.Tensor,
    y: torch.Tensor,
    *,
    atol: float = 1e-5,
) -> GradientReport:
    """Compare hand-computed gradients with autograd and with finite differences.

    Parameters
    ----------
    manual : mapping of str to tensor or float
        Hand-computed gradients. Keys name a parameter (``"w"``, ``"layers.0.b"``) or
        one entry of it (``"w[1, 0]"``, ``"layers.0.w[0, 0]"``); values have the shape of
        what the key names.
    model : torch.nn.Module
        The model the gradients belong to.
    loss : callable
        ``loss(y_hat, y)`` returning a scalar tensor.
    x : torch.Tensor, shape (*, in_features, 1)
        Inputs.
    y : torch.Tensor or float
        Targets, shaped like the model's output (or one number for every output).
    atol : float, default 1e-5
        Largest absolute difference from autograd that still counts as equal.

    Returns
    -------
    GradientReport
        Printable table; ``.ok`` says whether all rows agree.

    Raises
    ------
    TypeError
        If ``manual`` is not a mapping, a key is not a string, a value is not a
        number or tensor, or an argument fails the checks of :func:`~ee4414.autograd_gradients`.
    KeyError
        If a key names no parameter; the message lists the parameter names.
    ValueError
        If a key is malformed, an index is out of range, a value has the wrong shape,
        ``atol`` is negative, or the model has no parameters.
    """
    if not isinstance(manual, Mapping):
        raise TypeError(
            "compare_gradients expects manual to be a dict such as {'w': grad_w, 'b': grad_b}; "
            f"got {_checks.shown(manual)}"
        )
    atol = _checks.real(atol, "atol", "compare_gradients", minimum=0)
    reference = autograd_gradients(model, loss, x, y)
    numeric = numerical_gradients(model, loss, x, y)
    rows = []
    for key, value in manual.items():
        name, index = _parse_key(key, reference)
        auto, num = reference[name][index], numeric[name][index]
        got = _manual_value(key, value, auto.dtype)
        if got.numel() != auto.numel():
            raise ValueError(
                f"manual gradient {key!r} has {got.numel()} entries but {name}"
                f"{'' if index == () else str(list(index))} has {auto.numel()}"
            )
        got = got.reshape(auto.shape)
        diff = float((got.double() - auto.cpu().double()).abs().max())
        rows.append(GradientRow(key, got, auto.cpu(), num, diff, diff <= atol))
    return GradientReport(rows, atol)


def _parse_key(key: str, grads: Mapping[str, torch.Tensor]) -> tuple[str, tuple[int, ...]]:
    """Split ``"layers.0.w[1, 0]"`` into the parameter name and the index tuple."""
    if not isinstance(key, str):
        raise TypeError(f"a gradient key names a parameter, e.g. 'w' or 'w[1, 0]'; got {key!r}")
    match = _KEY.match(key)
    if match is None:
        raise ValueError(f"cannot read gradient key {key!r}; write e.g. 'w', 'b' or 'w[1, 0]'")
    name, raw = match.groups()
    if name not in grads:
        raise KeyError(f"no parameter {name!r}; the model has: {', '.join(grads)}")
    index = tuple(int(i) for i in raw.split(",") if i.strip()) if raw else ()
    shape = tuple(grads[name].shape)
    if len(index) > len(shape) or any(i >= n for i, n in zip(index, shape, strict=False)):
        raise ValueError(f"index {list(index)} is out of range for {name} of shape {shape}")
    return name, index


def _fmt(t: torch.Tensor) -> str:
    """Show a small gradient compactly: a number, or a flat list of numbers."""
    values = [f"{round(v, 4) + 0.0:.4f}" for v in t.reshape(-1).tolist()]  # no "-0.0000"
    return values[0] if len(values) == 1 else "[" + ", ".join(values) + "]"


def _check_arguments(model: object, loss: object, x: object, y: object, where: str) -> None:
    """The model has parameters, the loss is a function, x and y are tensors."""
    if not isinstance(model, nn.Module):
        raise TypeError(
            f"{where} expects model to be a torch.nn.Module; got {_checks.shown(model)}"
        )
    if not any(True for _ in model.parameters()):
        raise ValueError(f"{where}: the model has no parameters, so there is no gradient to take")
    if not callable(loss) or isinstance(loss, type):
        raise TypeError(
            f"{where} expects loss to be a function loss(y_hat, y), e.g. ee4414.mse (an "
            f"instance, not a class); got {_checks.shown(loss)}"
        )
    _checks.tensor(x, "x", where)
    if _checks.as_number(y) is None:
        _checks.tensor(y, "y", where, expected="a torch.Tensor of targets or a number")


def _loss_tensor(loss: LossFn, y_hat: torch.Tensor, y: torch.Tensor, where: str) -> torch.Tensor:
    """``loss(y_hat, y)``, checked to be one number that autograd can differentiate."""
    value = call_loss(loss, y_hat, y, where)
    if not isinstance(value, torch.Tensor) or value.numel() != 1:
        raise TypeError(
            f"{where}: loss(y_hat, y) should return a one-element tensor; it returned "
            f"{_checks.shown(value)} (a plain number cannot be differentiated: no .item())"
        )
    if not value.requires_grad:
        raise TypeError(
            f"{where}: loss(y_hat, y) returned a tensor that autograd cannot differentiate; "
            "build it from y_hat with torch operations, without .detach(), .item() or a new "
            "torch.tensor(...)"
        )
    return value


def _loss_number(loss: LossFn, y_hat: torch.Tensor, y: torch.Tensor | float) -> float:
    """``loss(y_hat, y)`` as a float, for finite differences (a plain number will do)."""
    value = call_loss(loss, y_hat, y, "numerical_gradients")
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value.item())
    number = _checks.as_number(value)
    if number is None:
        raise TypeError(
            "numerical_gradients: loss(y_hat, y) should return one number (a one-element "
            f"tensor); it returned {_checks.shown(value)}"
        )
    return float(number)


def _manual_value(key: str, value: object, dtype: torch.dtype) -> torch.Tensor:
    """A hand-computed gradient as a tensor of ``dtype`` on the CPU."""
    number = _checks.as_number(value)
    if number is not None:
        return torch.tensor(float(number), dtype=dtype)
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().to(dtype)
    try:
        return torch.as_tensor(value, dtype=dtype)
    except (TypeError, ValueError, RuntimeError):
        raise TypeError(
            f"compare_gradients: manual[{key!r}] should be a number or a tensor; got "
            f"{_checks.shown(value)}"
        ) from None
