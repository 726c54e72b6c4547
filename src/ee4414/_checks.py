"""Checking arguments at the library's public boundary, with messages a student can act on.

Every message names the function and the argument, shows what was passed and says what
was expected. Numbers may come from Python, NumPy (``np.float32(0.1)``, a 0-d array) or
PyTorch (a 0-d tensor): all count as numbers; ``True``/``False`` do not.
"""

from __future__ import annotations

import math
import numbers
import os
from typing import Any

import numpy as np
import torch

_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def shown(value: Any) -> str:
    """A short description of ``value`` for an error message."""
    if isinstance(value, torch.Tensor):
        return f"a tensor of shape {tuple(value.shape)} and dtype {value.dtype}"
    if isinstance(value, np.ndarray):
        return f"a NumPy array of shape {value.shape}"
    text = repr(value)
    if len(text) > 60:
        text = f"a {type(value).__name__}"
    return text


def as_number(value: Any) -> int | float | None:
    """``value`` as a Python int or float when it is a real number of any library, else None.

    Python, NumPy and 0-d arrays/tensors count; booleans and complex numbers do not.
    """
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, torch.Tensor):
        if value.dim() != 0 or value.dtype == torch.bool or value.is_complex():
            return None
        item = value.detach().cpu().item()
        return item if isinstance(item, (int, float)) else None
    if isinstance(value, np.ndarray):
        if value.ndim != 0 or value.dtype.kind not in "iuf":
            return None
        value = value.item()
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return None


def real(
    value: Any,
    name: str,
    where: str,
    *,
    minimum: float | None = None,
    above: float | None = None,
    maximum: float | None = None,
) -> float:
    """Return ``value`` as a finite float, checking its range.

    Raises
    ------
    TypeError
        If ``value`` is not a real number.
    ValueError
        If it is NaN, infinite or outside the range.
    """
    number = as_number(value)
    if number is None:
        raise TypeError(f"{where} expects {name} to be a number; got {shown(value)}")
    x = float(number)
    if not math.isfinite(x):
        raise ValueError(f"{where}: {name} must be a finite number; got {x}")
    if minimum is not None and x < minimum:
        raise ValueError(f"{where}: {name} must be at least {minimum:g}; got {x:g}")
    if above is not None and not x > above:
        raise ValueError(f"{where}: {name} must be greater than {above:g}; got {x:g}")
    if maximum is not None and x > maximum:
        raise ValueError(f"{where}: {name} must be at most {maximum:g}; got {x:g}")
    return x


def integer(value: Any, name: str, where: str, *, minimum: int | None = None) -> int:
    """Return ``value`` as a Python int, checking that it is a whole number >= ``minimum``.

    Raises
    ------
    TypeError
        If ``value`` is not an integer (a float such as ``3.0`` included: say ``3``).
    ValueError
        If it is below ``minimum``.
    """
    number = as_number(value)
    if not isinstance(number, int):
        raise TypeError(f"{where} expects {name} to be a whole number (an int); got {shown(value)}")
    if minimum is not None and number < minimum:
        raise ValueError(f"{where}: {name} must be at least {minimum}; got {number}")
    return number


def tensor(
    value: Any, name: str, where: str, *, expected: str = "a torch.Tensor", finite: bool = False
) -> torch.Tensor:
    """Check that ``value`` is a tensor (of real numbers, all finite when ``finite``).

    Raises
    ------
    TypeError
        If ``value`` is not a tensor, or a complex or boolean one.
    ValueError
        If ``finite`` and it holds NaN or an infinity.
    """
    if not isinstance(value, torch.Tensor):
        hint = ""
        if isinstance(value, (list, tuple, np.ndarray)):
            hint = "; convert it with torch.tensor(...)"
        raise TypeError(f"{where} expects {name} to be {expected}; got {shown(value)}{hint}")
    if value.dtype == torch.bool or value.is_complex():
        raise TypeError(f"{where}: {name} must hold real numbers; got dtype {value.dtype}")
    if finite:
        check_finite(value, name, where)
    return value


def check_finite(t: torch.Tensor, name: str, where: str) -> None:
    """Raise a ValueError naming the first NaN or infinite entry of ``t``, if it has one.

    Raises
    ------
    ValueError
        If ``t`` holds NaN or an infinity.
    """
    if not t.is_floating_point():
        return
    bad = ~torch.isfinite(t.detach())
    if bool(bad.any()):
        index = tuple(int(i) for i in bad.nonzero()[0].tolist())
        value = float(t.detach()[index].item()) if index else float(t.detach().item())
        raise ValueError(
            f"{where}: {name} holds {int(bad.sum())} NaN or infinite entries (the first, "
            f"{value}, at index {index}); clean the data, or look for a division by zero "
            "where it was made"
        )


def floating(t: torch.Tensor) -> torch.Tensor:
    """``t`` in floating point: integer tensors become float32 (``5 // 2`` is not 2.5)."""
    return t if t.is_floating_point() else t.to(torch.float32)


def flag(value: Any, name: str, where: str) -> bool:
    """Return ``value`` as a bool when it is True or False (Python or NumPy).

    Raises
    ------
    TypeError
        If ``value`` is anything else (``if`` cannot read an array or a tensor).
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise TypeError(f"{where} expects {name} to be True or False; got {shown(value)}")


def raised_here(err: BaseException) -> bool:
    """True when ``err`` was raised by this library's own code (not by torch or a caller)."""
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_code.co_filename.startswith(_PACKAGE)


def call_model(model: Any, x: torch.Tensor, where: str) -> Any:
    """``model(x)``; an error from inside the model becomes a ValueError that says where.

    The library's own TypeError/ValueError (e.g. from :class:`~ee4414.Linear`) passes
    through unchanged: it already says what is wrong.
    """
    try:
        return model(x)
    except Exception as err:  # the caller's model may raise anything
        if isinstance(err, (TypeError, ValueError)) and raised_here(err):
            raise
        raise ValueError(
            f"{where}: the model failed on x of shape {tuple(x.shape)} with "
            f"{type(err).__name__}: {_first_line(err)}. The course's models read a batch of "
            "columns (n, features, 1); torch.nn.Linear reads rows (n, features)"
        ) from err


def call_loss(loss: Any, y_hat: Any, y: Any, where: str) -> Any:
    """``loss(y_hat, y)``; an error from inside the loss becomes a ValueError that says where."""
    try:
        return loss(y_hat, y)
    except Exception as err:  # the caller's loss may raise anything
        if isinstance(err, (TypeError, ValueError)) and raised_here(err):
            raise
        raise ValueError(
            f"{where}: the loss function failed with {type(err).__name__}: {_first_line(err)}; "
            "it is called as loss(y_hat, y) with the model's output and the targets"
        ) from err


def _first_line(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return lines[0] if lines else "(no message)"
