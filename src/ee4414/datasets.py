r"""Toy data sets in the course's shapes (weeks 3, 4 and 6).

Every function returns ``(x, c)``: inputs ``x`` of shape ``(n, 2, 1)`` (a batch of column
vectors :math:`[x_0, x_1]^\top`) and labels ``c`` of shape ``(n, 1, 1)`` in
:math:`\{-1, +1\}`, both float32. Random ones take a ``seed`` and use their own
:class:`torch.Generator`, so the same seed gives the same data on every machine and build,
whatever else has touched the global seed.
"""

from __future__ import annotations

import math

import torch

from ee4414 import _checks


def xor() -> tuple[torch.Tensor, torch.Tensor]:
    r"""Return the four XOR points (week 4): label +1 where exactly one input is 1.

    .. math::

        C = \begin{cases} +1 & x_0 \ne x_1 \\ -1 & x_0 = x_1 \end{cases}
        \qquad \mathbf{x} \in \{0, 1\}^2

    No straight line separates the two classes, which is why week 4 needs a hidden layer.

    Returns
    -------
    x : torch.Tensor, shape (4, 2, 1)
        The points (0, 0), (0, 1), (1, 0), (1, 1).
    c : torch.Tensor, shape (4, 1, 1)
        Their labels -1, +1, +1, -1.
    """
    x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]).unsqueeze(-1)
    c = torch.tensor([-1.0, 1.0, 1.0, -1.0]).view(4, 1, 1)
    return x, c


def circles(
    n: int = 200, *, noise: float = 0.1, factor: float = 0.5, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Two noisy concentric circles (week 6): the inner one is +1, the outer one -1.

    Half the points (rounded up) lie on the circle of radius ``factor``, the rest on the
    unit circle, at uniformly random angles, and each is then moved by Gaussian noise:

    .. math::

        \mathbf{x} = r\,[\cos\theta, \sin\theta]^\top + \boldsymbol{\epsilon},
        \quad \theta \sim \mathcal{U}(0, 2\pi),
        \quad \boldsymbol{\epsilon} \sim \mathcal{N}(\mathbf{0}, \text{noise}^2 \mathbf{I})

    Parameters
    ----------
    n : int, default 200
        Number of points, at least 2.
    noise : float, default 0.1
        Standard deviation of the Gaussian noise, at least 0.
    factor : float, default 0.5
        Radius of the inner circle, between 0 and 1.
    seed : int, default 0
        Seed of the generator; the same seed gives the same points.

    Returns
    -------
    x : torch.Tensor, shape (n, 2, 1)
        The points.
    c : torch.Tensor, shape (n, 1, 1)
        +1 for the inner circle, -1 for the outer.

    Raises
    ------
    TypeError
        If ``n`` or ``seed`` is not a whole number, or a float option is not a
        number.
    ValueError
        If ``n`` is below 2 or above 1,000,000, a float option is not finite,
        ``noise`` is negative, or ``factor`` is not between 0 and 1.
    """
    n = _check_n(n, "circles")
    noise = _checks.real(noise, "noise", "circles", minimum=0)
    factor = _checks.real(factor, "factor (the inner radius)", "circles", above=0)
    if not factor < 1:
        raise ValueError(
            f"circles: factor (the inner radius) must be between 0 and 1; got {factor:g}"
        )
    g = torch.Generator().manual_seed(_seed(seed, "circles"))
    n_inner = (n + 1) // 2
    radius = torch.cat([torch.full((n_inner,), float(factor)), torch.ones(n - n_inner)])
    theta = 2 * math.pi * torch.rand(n, generator=g)
    points = radius[:, None] * torch.stack([torch.cos(theta), torch.sin(theta)], dim=1)
    points = points + noise * torch.randn(n, 2, generator=g)
    c = torch.cat([torch.ones(n_inner), -torch.ones(n - n_inner)])
    return points.unsqueeze(-1), c.view(n, 1, 1)


def linearly_separable(
    n: int = 20, *, margin: float = 0.3, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Two clouds of points that the line :math:`x_0 + x_1 = 0` separates (week 3).

    Point :math:`n` of class :math:`C^{(n)}` sits at distance at least ``margin`` from
    the line, on the side of its class:

    .. math::

        \mathbf{x}^{(n)} = C^{(n)} (\text{margin} + |a^{(n)}|)\,\mathbf{u} + s^{(n)} \mathbf{v},
        \quad \mathbf{u} = \tfrac{1}{\sqrt{2}}[1, 1]^\top,
        \quad \mathbf{v} = \tfrac{1}{\sqrt{2}}[-1, 1]^\top

    with :math:`a \sim \mathcal{N}(0, 0.5^2)` and :math:`s \sim \mathcal{N}(0, 1)`.
    Classes alternate +1, -1, +1, ... so any ``n >= 2`` has both.

    Parameters
    ----------
    n : int, default 20
        Number of points, at least 2.
    margin : float, default 0.3
        Smallest distance from a point to the line, at least 0.
    seed : int, default 0
        Seed of the generator; the same seed gives the same points.

    Returns
    -------
    x : torch.Tensor, shape (n, 2, 1)
        The points.
    c : torch.Tensor, shape (n, 1, 1)
        +1 above the line (:math:`x_0 + x_1 > 0`), -1 below.

    Raises
    ------
    TypeError
        If ``n`` or ``seed`` is not a whole number, or a float option is not a
        number.
    ValueError
        If ``n`` is below 2 or above 1,000,000, a float option is not finite,
        or ``margin`` is negative.
    """
    n = _check_n(n, "linearly_separable")
    margin = _checks.real(margin, "margin", "linearly_separable", minimum=0)
    g = torch.Generator().manual_seed(_seed(seed, "linearly_separable"))
    c = torch.tensor([1.0 if i % 2 == 0 else -1.0 for i in range(n)])
    along = c * (margin + 0.5 * torch.randn(n, generator=g).abs())
    across = torch.randn(n, generator=g)
    u = torch.tensor([1.0, 1.0]) / math.sqrt(2)
    v = torch.tensor([-1.0, 1.0]) / math.sqrt(2)
    points = along[:, None] * u + across[:, None] * v
    return points.unsqueeze(-1), c.view(n, 1, 1)


_MAX_POINTS = 10**6  # far more than a toy data set needs, short of filling the memory


def _check_n(n: int, where: str) -> int:
    """The number of points as an int between 2 and a sane maximum."""
    n = _checks.integer(n, "n", where, minimum=2)
    if n > _MAX_POINTS:
        raise ValueError(
            f"{where}: n = {n:,} points is more than the {_MAX_POINTS:,} a toy data set "
            "allows; check the number"
        )
    return n


def _seed(seed: int, where: str) -> int:
    """A seed as an int that ``torch.Generator.manual_seed`` accepts."""
    seed = _checks.integer(seed, "seed", where)
    if not -(2**63) <= seed < 2**64:
        raise ValueError(f"{where}: seed must fit in 64 bits; got {seed}")
    return seed
