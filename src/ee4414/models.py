r"""Feed-forward networks built from :class:`~ee4414.Linear` layers (weeks 3, 4 and 6).

A network is a list of layers with an activation between consecutive ones:

.. math::

    \mathbf{z}^{[0]} = \mathbf{x}, \qquad
    \mathbf{z}^{[l+1]} = \phi\left(\mathbf{W}^{[l]\top} \mathbf{z}^{[l]} + \mathbf{b}^{[l]}\right),
    \qquad \hat{y} = \mathbf{W}^{[L]\top} \mathbf{z}^{[L]} + \mathbf{b}^{[L]}

with no activation after the last layer, so the output can take any sign (week 4 trains it
on labels -1 and +1). :class:`TwoLayerNN` is week 4's XOR network and week 6's wider one;
:class:`ThreeLayerNN` is week 6's deeper one. :func:`classify` turns outputs into classes.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import torch
from torch import nn

from ee4414 import _checks
from ee4414.activations import get_activation
from ee4414.layers import Linear


class MLP(nn.Module):
    r"""A multi-layer perceptron: linear layers with an activation between them.

    Parameters
    ----------
    sizes : sequence of int
        Layer widths from input to output, e.g. ``[2, 3, 1]`` is two inputs, three hidden
        neurons and one output. At least two entries.
    activation : str, default "relu"
        Name of the hidden activation, see :func:`~ee4414.get_activation`.
    bound : float, default 0.2
        Initial weights and biases are drawn from :math:`\mathcal{U}(-\text{bound}, \text{bound})`.
    generator : torch.Generator, optional
        Source of randomness for the initialisation (default: the global seed).

    Attributes
    ----------
    layers : torch.nn.ModuleList of Linear
        ``layers[l]`` holds :math:`\mathbf{W}^{[l]}` as ``layers[l].w`` and
        :math:`\mathbf{b}^{[l]}` as ``layers[l].b``.
    activation : Activation
        The hidden activation and its derivative.

    Raises
    ------
    TypeError
        If a size is not a whole number, ``activation`` is not a string or
        ``generator`` is not a ``torch.Generator``.
    ValueError
        If there are fewer than two sizes, a size is below 1, ``activation`` is
        unknown or ``bound`` is not positive and finite.
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activation: str = "relu",
        *,
        bound: float = 0.2,
        generator: torch.Generator | None = None,
    ) -> None:
        super().__init__()
        sizes = _sizes(sizes, "MLP", "sizes")
        if len(sizes) < 2:
            raise ValueError(f"MLP needs at least an input and an output size; got {sizes}")
        self.activation = get_activation(activation)
        self.layers = nn.ModuleList(
            Linear(n_in, n_out, bound=bound, generator=generator)
            for n_in, n_out in itertools.pairwise(sizes)
        )

    @classmethod
    def from_layers(cls, layers: Sequence[Linear], activation: str = "relu") -> MLP:
        """Build a network from given layers, e.g. layers with fixed weights (week 4).

        Parameters
        ----------
        layers : sequence of Linear
            The layers in order; each one's ``in_features`` must equal the previous one's
            ``out_features``.
        activation : str, default "relu"
            Name of the hidden activation.

        Returns
        -------
        MLP
            A network that uses these very layers (not copies).

        Raises
        ------
        TypeError
            If ``layers`` is not a non-empty sequence of :class:`~ee4414.Linear`.
        ValueError
            If consecutive layers' sizes do not fit, or ``activation`` is unknown.
        """
        try:
            layers = list(layers)
        except TypeError:
            raise TypeError(
                f"MLP.from_layers expects a non-empty sequence of ee4414.Linear; got "
                f"{_checks.shown(layers)}"
            ) from None
        if not layers or not all(isinstance(layer, Linear) for layer in layers):
            raise TypeError("MLP.from_layers expects a non-empty sequence of ee4414.Linear")
        for i, (a, b) in enumerate(itertools.pairwise(layers)):
            if a.out_features != b.in_features:
                raise ValueError(
                    f"layer {i} has {a.out_features} outputs but layer {i + 1} expects "
                    f"{b.in_features} inputs"
                )
        sizes = [layers[0].in_features] + [layer.out_features for layer in layers]
        model = MLP(sizes, activation)
        model.layers = nn.ModuleList(layers)
        return model

    @property
    def sizes(self) -> list[int]:
        """Layer widths from input to output."""
        layers = [layer for layer in self.layers if isinstance(layer, Linear)]
        return [layers[0].in_features] + [layer.out_features for layer in layers]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the network.

        Parameters
        ----------
        x : torch.Tensor, shape (*, sizes[0], 1)
            One input column or a batch of them.

        Returns
        -------
        torch.Tensor, shape (*, sizes[-1], 1)
            The network's output, with no activation after the last layer.

        Raises
        ------
        TypeError
            If ``x`` is not a tensor in the parameters' dtype.
        ValueError
            If ``x`` does not end in ``(sizes[0], 1)``.
        """
        z = x
        *hidden, last = self.layers
        for layer in hidden:
            z = self.activation(layer(z))
        y_hat: torch.Tensor = last(z)
        return y_hat

    def extra_repr(self) -> str:
        """Show the sizes and activation when the network is printed."""
        return f"sizes={self.sizes}, activation={self.activation.name!r}"


class TwoLayerNN(MLP):
    """Week 4's network: one hidden layer, then one output neuron.

    Parameters
    ----------
    hidden : int, default 2
        Number of hidden neurons (week 4 uses 2, week 6 goes wider with 3).
    activation : str, default "relu"
        Name of the hidden activation.
    in_features : int, default 2
        Number of input features.
    bound : float, default 0.2
        Half-width of the uniform initialisation.
    generator : torch.Generator, optional
        Source of randomness for the initialisation.

    Raises
    ------
    TypeError
        If a size is not a whole number, ``activation`` is not a string or
        ``generator`` is not a ``torch.Generator``.
    ValueError
        If a size is below 1, ``activation`` is unknown or ``bound`` is not
        positive and finite.
    """

    def __init__(
        self,
        hidden: int = 2,
        activation: str = "relu",
        *,
        in_features: int = 2,
        bound: float = 0.2,
        generator: torch.Generator | None = None,
    ) -> None:
        hidden = _checks.integer(hidden, "hidden", "TwoLayerNN", minimum=1)
        in_features = _checks.integer(in_features, "in_features", "TwoLayerNN", minimum=1)
        super().__init__([in_features, hidden, 1], activation, bound=bound, generator=generator)


class ThreeLayerNN(MLP):
    """Week 6's deeper network: two hidden layers, then one output neuron.

    Parameters
    ----------
    hidden : tuple of int, default (3, 2)
        Widths of the two hidden layers.
    activation : str, default "relu"
        Name of the hidden activation.
    in_features : int, default 2
        Number of input features.
    bound : float, default 0.2
        Half-width of the uniform initialisation.
    generator : torch.Generator, optional
        Source of randomness for the initialisation.

    Raises
    ------
    TypeError
        If a size is not a whole number, ``activation`` is not a string or
        ``generator`` is not a ``torch.Generator``.
    ValueError
        If ``hidden`` does not hold two widths, a size is below 1, ``activation``
        is unknown or ``bound`` is not positive and finite.
    """

    def __init__(
        self,
        hidden: tuple[int, int] = (3, 2),
        activation: str = "relu",
        *,
        in_features: int = 2,
        bound: float = 0.2,
        generator: torch.Generator | None = None,
    ) -> None:
        widths = _sizes(hidden, "ThreeLayerNN", "hidden")
        in_features = _checks.integer(in_features, "in_features", "ThreeLayerNN", minimum=1)
        if len(widths) != 2:
            raise ValueError(f"ThreeLayerNN has two hidden layers; got hidden={hidden!r}")
        hidden = (widths[0], widths[1])
        super().__init__([in_features, *hidden, 1], activation, bound=bound, generator=generator)


def classify(y_hat: torch.Tensor) -> torch.Tensor:
    r"""Turn outputs into classes by their sign (week 3).

    .. math::

        C = \begin{cases} 1 & \text{if } \hat{y} > 0, \\ -1 & \text{otherwise.} \end{cases}

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*)
        Model outputs.

    Returns
    -------
    torch.Tensor, shape (*)
        1.0 or -1.0 for each output, in ``y_hat``'s dtype (float32 for integers).

    Raises
    ------
    TypeError
        If ``y_hat`` is not a tensor of real numbers.
    ValueError
        If ``y_hat`` holds NaN or an infinity (an output with no sign to read).
    """
    _checks.tensor(y_hat, "y_hat", "classify", finite=True)
    dtype = y_hat.dtype if y_hat.is_floating_point() else torch.float32
    return torch.where(y_hat > 0, 1.0, -1.0).to(dtype)


def accuracy(y_hat: torch.Tensor, c: torch.Tensor) -> float:
    r"""Fraction of points whose predicted class matches the label.

    .. math::

        \text{accuracy} = \frac{1}{N} \sum_{n=1}^{N}
        \left[\operatorname{classify}(\hat{y}^{(n)}) = C^{(n)}\right]

    Parameters
    ----------
    y_hat : torch.Tensor, shape (*, 1, 1)
        Model outputs.
    c : torch.Tensor, shape of y_hat
        Labels, -1 or 1.

    Returns
    -------
    float
        A number in [0, 1].

    Raises
    ------
    TypeError
        If ``y_hat`` or ``c`` is not a tensor of real numbers.
    ValueError
        If their shapes differ, there are no points, ``y_hat`` holds NaN or an infinity,
        or a label is not -1 or 1 (0/1 labels are a common slip).
    """
    _checks.tensor(y_hat, "y_hat", "accuracy", finite=True)
    _checks.tensor(c, "the labels c", "accuracy")
    if y_hat.shape != c.shape:
        raise ValueError(
            f"accuracy: y_hat has shape {tuple(y_hat.shape)} but the labels have shape "
            f"{tuple(c.shape)}; they must match"
        )
    if y_hat.numel() == 0:
        raise ValueError("accuracy: there are no points (y_hat is empty), so no fraction to give")
    labels = c.to(y_hat.device, torch.float64)
    bad = labels[(labels != 1) & (labels != -1)]
    if bad.numel():
        shown = sorted({float(v) for v in bad.flatten()[:5].tolist()})
        hint = " (0/1 labels: use 2 * c - 1)" if set(shown) <= {0.0, 1.0} else ""
        raise ValueError(f"accuracy expects labels in {{-1, 1}}; got values {shown}{hint}")
    return (classify(y_hat).double() == labels).float().mean().item()


def _sizes(values: object, where: str, name: str) -> list[int]:
    """Layer widths as a list of ints, each at least 1."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(
            f"{where} expects {name} to be a sequence of layer widths, e.g. [2, 3, 1]; got "
            f"{_checks.shown(values)}"
        )
    try:
        items = list(values)
    except TypeError:
        raise TypeError(
            f"{where} expects {name} to be a sequence of layer widths, e.g. [2, 3, 1]; got "
            f"{_checks.shown(values)}"
        ) from None
    return [_checks.integer(v, f"every entry of {name}", where, minimum=1) for v in items]
