"""What several weeks' self-checks do to a student's answer: run it, read it, compare it.

Each helper is defined here once and imported by the week modules (``week1.py`` ...) and
by :mod:`ee4414.selfcheck.checkers`. A probe never raises on purpose: a wrong type makes
it return False (or raise inside a ``predicate``, which counts as False too).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import torch

from ee4414._checks import as_number
from ee4414.datasets import xor

X_XOR, C_XOR = xor()  # the four XOR points (4, 2, 1) and their labels (4, 1, 1)
GRID = torch.cartesian_prod(torch.linspace(-1.0, 2.0, 5), torch.linspace(-1.0, 2.0, 5)).reshape(
    25, 2, 1
)  # 25 inputs where ReLUs switch on and off
UNIT_PROBES = torch.tensor([[[0.0], [0.0]], [[1.0], [0.0]], [[0.0], [1.0]]])  # 0, e0, e1


def is_module(got: Any) -> bool:
    """True when ``got`` is a ``torch.nn.Module``."""
    return isinstance(got, torch.nn.Module)


def n_params(module: Any) -> int:
    """How many numbers ``module.parameters()`` holds."""
    return sum(p.numel() for p in module.parameters())


def as_float64(t: Any) -> torch.Tensor:
    """A tensor's values, detached, in float64 on the CPU (raises for a non-tensor)."""
    return torch.as_tensor(t.detach(), dtype=torch.float64).cpu()


def as_float(value: Any) -> float | None:
    """A number of any library (Python, NumPy, a one-element tensor), else None."""
    if isinstance(value, torch.Tensor) and value.numel() == 1 and value.dim() > 0:
        value = value.reshape(())
    number = as_number(value)
    return None if number is None else float(number)


def close(got: Any, want: Any, *, atol: float, rtol: float = 0.0) -> bool:
    r"""True when ``got`` holds ``want``'s values: :math:`|g - w| \le a + r\,|w|` everywhere.

    Tensors (either side) are compared in float64, entry by entry, and must have the same
    shape, except that one element matches one element whatever the shapes. Numbers
    (a float on either side) are compared as numbers; anything else with ``==``.
    """
    if isinstance(want, torch.Tensor) or isinstance(got, torch.Tensor):
        try:
            a = torch.as_tensor(got, dtype=torch.float64)
            b = torch.as_tensor(want, dtype=torch.float64)
        except (TypeError, ValueError, RuntimeError):
            return False
        if a.numel() == b.numel() == 1:
            return abs(a.item() - b.item()) <= atol + rtol * abs(b.item())
        return a.shape == b.shape and torch.allclose(a, b, atol=atol, rtol=rtol)
    if isinstance(want, float) or isinstance(got, float):
        a_f, b_f = as_float(got), as_float(want)
        return a_f is not None and b_f is not None and abs(a_f - b_f) <= atol + rtol * abs(b_f)
    return bool(got == want)


def model_input(model: Any, x: torch.Tensor) -> torch.Tensor:
    """A fresh copy of the probe ``x`` on the model's device, in its floating-point dtype.

    A model trained on a GPU (``device="auto"``) or built in float64 is then checked on
    the same footing as one on the CPU in float32, and its forward cannot touch the probe.
    """
    params = model.parameters() if isinstance(model, torch.nn.Module) else iter(())
    param = next(iter(params), None)
    if param is None or not param.is_floating_point():
        return x.detach().to(torch.float32).clone()
    return x.detach().to(device=param.device, dtype=param.dtype).clone()


def run(model: Any, x: torch.Tensor) -> torch.Tensor:
    """``model(x)`` on the model's device and dtype, without autograd, in float64 on the CPU."""
    with torch.no_grad():
        out = model(model_input(model, x))
    return as_float64(out)


def computes_linear(model: Any, w: torch.Tensor, b: float, inputs: Sequence[torch.Tensor]) -> bool:
    """True when ``model(x)`` is the 1×1 tensor wᵀx + b for every column ``x`` in ``inputs``."""
    with torch.no_grad():
        for x in inputs:
            out = model(model_input(model, x))
            if tuple(out.shape) != (1, 1) or not torch.allclose(
                as_float64(out), w.T @ x + b, atol=1e-5
            ):
                return False
    return True


def accuracy(model: Any, x: torch.Tensor, c: torch.Tensor) -> float:
    """The fraction of points whose sign of ``model(x)`` (0 counted as -1) matches ``c``."""
    y_hat = run(model, x)
    if y_hat.shape != c.shape:
        return 0.0
    return (torch.where(y_hat > 0, 1.0, -1.0) == c.double()).double().mean().item()


def solves_xor(model: Any) -> bool:
    """True when ``model`` classifies all four XOR points correctly."""
    return accuracy(model, X_XOR, C_XOR) == 1.0


def all_python_numbers(values: Sequence[Any]) -> bool:
    """True when every value is a Python int or float (a bool does not count)."""
    return all(isinstance(v, (float, int)) and not isinstance(v, bool) for v in values)


def history_losses(history: Any) -> list[float]:
    """The losses of a ``Trainer.fit`` history, or of a plain list of losses."""
    return list(history.losses if hasattr(history, "losses") else history)


def differentiable(fn: Any, cases: Sequence[tuple[float, float]]) -> bool:
    """True when ``fn(y_hat, y)`` is a tensor autograd follows back to y_hat, for 1×1 pairs."""
    for y_hat, y in cases:
        leaf = torch.tensor([[y_hat]], requires_grad=True)
        out = fn(leaf * 1.0, torch.tensor([[y]]))
        if not (isinstance(out, torch.Tensor) and out.requires_grad):
            return False
    return True


def pairs(*values: tuple[float, float]) -> tuple[torch.Tensor, torch.Tensor]:
    """A batch (y_hat, labels), each of shape (N, 1, 1), from N pairs (ŷ, label)."""
    y_hat = torch.tensor([v for v, _ in values]).reshape(-1, 1, 1)
    labels = torch.tensor([label for _, label in values]).reshape(-1, 1, 1)
    return y_hat, labels


def read_neuron(layer: Callable[[torch.Tensor], Any], *, batched: bool) -> torch.Tensor:
    """A 2-input neuron's numbers (w0, w1, b), read through its forward pass at 0, e0 and e1.

    With ``batched`` the three probes go through in one batch of shape (3, 2, 1), else
    one column at a time.
    """
    if batched:
        out = run(layer, UNIT_PROBES).flatten()
    else:
        out = torch.cat([run(layer, x).flatten() for x in UNIT_PROBES])
    b = out[0]
    return torch.stack([out[1] - b, out[2] - b, b])
