r"""The course's linear layer, :math:`\hat{\mathbf{y}} = \mathbf{W}^\top \mathbf{x} + \mathbf{b}`.

EE4414 writes data as **column vectors**: one input is a column
:math:`\mathbf{x} \in \mathbb{R}^{n_\text{in} \times 1}` and a batch stacks columns in
front, ``(*, in_features, 1)``. A layer of ``out_features`` neurons keeps one weight
column per neuron, :math:`\mathbf{W} \in \mathbb{R}^{n_\text{in} \times n_\text{out}}`,
so neuron :math:`j` computes :math:`\hat{y}_j = \mathbf{w}_{:, j}^\top \mathbf{x} + b_j`.
Week 6's random initialisation draws :math:`\mathbf{W}` and :math:`\mathbf{b}` from
:math:`\mathcal{U}(-0.2, 0.2)`.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

from ee4414 import _checks

_MAX_WEIGHTS = 10**7  # 40 MB of float32: far beyond the course, short of a frozen laptop
ParamLike = torch.Tensor | Sequence[float] | Sequence[Sequence[float]] | float


class Linear(nn.Module):
    r"""A layer of linear neurons in the course's column-vector convention.

    .. math::

        \hat{\mathbf{y}} = \mathbf{W}^\top \mathbf{x} + \mathbf{b}

    Unlike :class:`torch.nn.Linear`, which stores the transpose and works on rows, this
    layer keeps the course's notation: ``w[i, j]`` is :math:`w_{i,j}`, the weight from
    input feature ``i`` to neuron ``j``.

    Parameters
    ----------
    in_features : int
        Number of input features :math:`n_\text{in}`.
    out_features : int
        Number of neurons :math:`n_\text{out}`.
    w : tensor or nested list of float, shape (in_features, out_features), optional
        Fixed weights. For a single neuron a flat list ``[w0, w1]`` is read as a column.
        If omitted, drawn from :math:`\mathcal{U}(-\text{bound}, \text{bound})`.
    b : tensor, list or float, shape (out_features, 1), optional
        Fixed biases. A number is allowed when ``out_features == 1``, a flat list of
        ``out_features`` numbers otherwise. If omitted, drawn like ``w``.
    bound : float, default 0.2
        Half-width of the uniform distribution used for parameters not given.
    generator : torch.Generator, optional
        Source of randomness for the initialisation; defaults to PyTorch's global
        generator, so ``torch.manual_seed`` makes it repeatable.
    dtype : torch.dtype, default torch.float32
        Floating-point type of the parameters.

    Attributes
    ----------
    w : torch.nn.Parameter, shape (in_features, out_features)
        The weights.
    b : torch.nn.Parameter, shape (out_features, 1)
        The biases.

    Raises
    ------
    TypeError
        If a size is not an integer, ``dtype`` is not a floating-point
        ``torch.dtype``, ``generator`` is not a ``torch.Generator``, or ``w``/``b`` is
        not numbers.
    ValueError
        If a size is below 1, ``bound`` is not in (0, 1e6], or ``w``/``b``
        has the wrong shape or holds NaN or an infinity.

    Examples
    --------
    >>> layer = Linear(2, 1, w=[0.4, 0.1], b=1.0)
    >>> layer(torch.tensor([[0.5], [0.4]]))
    tensor([[1.2400]], grad_fn=<AddBackward0>)
    """

    def __init__(
        self,
        in_features: int,
        out_features: int,
        *,
        w: ParamLike | None = None,
        b: ParamLike | None = None,
        bound: float = 0.2,
        generator: torch.Generator | None = None,
        dtype: torch.dtype = torch.float32,
    ) -> None:
        super().__init__()
        in_features = _checks.integer(in_features, "in_features", "Linear", minimum=1)
        out_features = _checks.integer(out_features, "out_features", "Linear", minimum=1)
        if not isinstance(dtype, torch.dtype):
            raise TypeError(f"Linear expects dtype to be a torch.dtype; got {_checks.shown(dtype)}")
        if not dtype.is_floating_point:
            raise TypeError(f"Linear parameters must be floating point; got dtype {dtype}")
        if in_features * out_features > _MAX_WEIGHTS:
            raise ValueError(
                f"Linear({in_features}, {out_features}) would hold {in_features * out_features:,} "
                f"weights, more than the {_MAX_WEIGHTS:,} this teaching library allows; check "
                "the sizes"
            )
        bound = _checks.real(bound, "bound", "Linear", above=0, maximum=1e6)
        if generator is not None and not isinstance(generator, torch.Generator):
            raise TypeError(
                f"Linear expects generator to be a torch.Generator or None; got "
                f"{_checks.shown(generator)}"
            )
        self.in_features = in_features
        self.out_features = out_features
        shape_w, shape_b = (in_features, out_features), (out_features, 1)
        self.w = nn.Parameter(_initial(w, shape_w, "w", bound, generator, dtype))
        self.b = nn.Parameter(_initial(b, shape_b, "b", bound, generator, dtype))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        r"""Apply the layer, :math:`\hat{\mathbf{y}} = \mathbf{W}^\top \mathbf{x} + \mathbf{b}`.

        Parameters
        ----------
        x : torch.Tensor, shape (*, in_features, 1)
            One column or a batch of columns, in the parameters' dtype.

        Returns
        -------
        torch.Tensor, shape (*, out_features, 1)
            The neurons' outputs.

        Raises
        ------
        TypeError
            If ``x`` is not a tensor or its dtype differs from the parameters'.
        ValueError
            If ``x`` does not end in ``(in_features, 1)`` or is on another device.
        """
        if not isinstance(x, torch.Tensor):
            raise TypeError(f"Linear expects x to be a torch.Tensor; got {type(x).__name__}")
        if x.dim() < 2 or tuple(x.shape[-2:]) != (self.in_features, 1):
            raise ValueError(
                f"Linear expects x of shape (*, {self.in_features}, 1); got {tuple(x.shape)}. "
                "Inputs are column vectors: a single point has shape "
                f"({self.in_features}, 1)"
            )
        if x.device != self.w.device:
            raise ValueError(
                f"Linear's parameters are on {self.w.device} but x is on {x.device}; move x "
                f"with x.to({str(self.w.device)!r}) (or the model with model.to(...))"
            )
        if x.dtype != self.w.dtype:
            raise TypeError(
                f"Linear has {self.w.dtype} parameters but x is {x.dtype}; convert x with "
                f"x.to({self.w.dtype}) (for float32: x.float())"
            )
        return self.w.T @ x + self.b

    def extra_repr(self) -> str:
        """Show the sizes when the layer is printed."""
        return f"in_features={self.in_features}, out_features={self.out_features}"


def _initial(
    value: ParamLike | None,
    shape: tuple[int, int],
    name: str,
    bound: float,
    generator: torch.Generator | None,
    dtype: torch.dtype,
) -> torch.Tensor:
    """Return the given parameter value reshaped to ``shape``, or a U(-bound, bound) draw."""
    if value is None:
        t = torch.empty(shape, dtype=dtype)
        return nn.init.uniform_(t, -bound, bound, generator=generator)
    try:
        raw = torch.as_tensor(value.detach() if isinstance(value, torch.Tensor) else value)
        if raw.is_complex() or raw.dtype == torch.bool:
            raise TypeError(raw.dtype)
        t = raw.to(dtype).clone()
    except (TypeError, ValueError, RuntimeError):
        raise TypeError(
            f"Linear expects {name} to be a tensor, a number or a (nested) list of numbers of "
            f"shape {shape}; got {_checks.shown(value)}"
        ) from None
    if not bool(torch.isfinite(t).all()):
        raise ValueError(
            f"Linear: {name} holds NaN or an infinity; every weight and bias must be a finite "
            "number"
        )
    if t.shape == shape:
        return t
    vector = t.dim() == 1 and 1 in shape  # a flat list for a column (or a row) is unambiguous
    if t.numel() == shape[0] * shape[1] and (
        t.dim() == 0 or vector or (t.dim() == 2 and 1 in t.shape and 1 in shape)
    ):
        return t.reshape(shape)
    slip = ""
    if t.numel() == shape[0] * shape[1]:
        slip = (
            "; a flat list is only read as a column, so give the matrix as a nested list, "
            "one inner list per input feature"
        )
    which = "(in_features, out_features)" if name == "w" else "(out_features, 1)"
    raise ValueError(
        f"Linear expects {name} of shape {which} = {shape}; got {tuple(t.shape)}{slip}"
    )
