r"""A small training loop with a device option (from week 2).

:class:`Trainer` runs the loop the course writes by hand each week (forward, loss,
zero the gradients, backward, step) and records what happened in a :class:`History`:

.. code-block:: python

    for epoch in range(epochs):
        y_hat = model(x)
        loss = loss_fn(y_hat, y)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()          # p <- p - lr * dL/dp

Full-batch by default (one step per epoch, week 4); ``batch_size=1`` steps once per point
(week 3's stochastic gradient descent). A loss that turns NaN or infinite stops training
with a message naming the epoch, or, with ``on_divergence="stop"``, quietly keeps the
history so far (week 2 plots a diverging learning rate).
"""

from __future__ import annotations

import copy
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import torch
from torch import nn
from tqdm import tqdm

from ee4414 import _checks
from ee4414.devices import resolve_device
from ee4414.losses import LossFn, get_loss
from ee4414.optim import SGD, check_lr

Callback = Callable[[int, float, nn.Module], None]


class TrainingDivergedError(RuntimeError):
    """The loss became NaN or infinite during training."""


@dataclass
class History:
    """What happened during :meth:`Trainer.fit`.

    Attributes
    ----------
    losses : list of float
        One value per completed epoch: the mean loss over that epoch's steps.
    step_losses : list of float
        One value per optimiser step (equal to ``losses`` for full-batch training).
    snapshots : list of (int, dict)
        ``(epoch, state_dict)`` pairs, copied to the CPU: the parameters after that many
        epochs (0 is the initialisation). Filled when ``snapshot_every`` is given.
    diverged_at : int or None
        The epoch (counting from 1) whose loss was NaN or infinite, if training diverged.
    """

    losses: list[float] = field(default_factory=list)
    step_losses: list[float] = field(default_factory=list)
    snapshots: list[tuple[int, dict[str, torch.Tensor]]] = field(default_factory=list)
    diverged_at: int | None = None

    @property
    def epochs(self) -> int:
        """Number of epochs completed."""
        return len(self.losses)


class Trainer:
    r"""Train a model by gradient descent, :math:`p \leftarrow p - \mu\,\partial_p\mathcal{L}`.

    Three lines, from data to a trained network::

        x, c = ee4414.xor()
        trainer = ee4414.Trainer(ee4414.TwoLayerNN(hidden=3), lr=0.1, device="cpu")
        history = trainer.fit(x, c, epochs=500)

    ``history.losses`` then holds the loss of every epoch (:func:`~ee4414.plot_losses`
    draws it) and ``trainer.predict(x)`` the trained model's outputs.

    Parameters
    ----------
    model : torch.nn.Module
        The model; moved to ``device``.
    loss : str or callable, default "mse"
        ``"mse"``, ``"squared_error"``, ``"hinge"`` or any ``loss(y_hat, y)`` returning a
        scalar tensor.
    lr : float, default 0.01
        The learning rate :math:`\mu`, positive and finite.
    device : str or torch.device, default "auto"
        Where to train, see :func:`~ee4414.resolve_device`.
    batch_size : int, optional
        Points per step. ``None`` (default) uses the whole data set each step; ``1`` is
        per-point stochastic gradient descent.
    shuffle : bool, default False
        Visit the points in a new random order each epoch (with ``batch_size``).
    seed : int, optional
        Seed for the shuffling order.
    on_divergence : {"raise", "stop"}, default "raise"
        What to do when the loss becomes NaN or infinite: raise
        :class:`TrainingDivergedError`, or stop and return the history so far.
    progress : bool, optional
        Show a progress bar. ``None`` shows one only in a terminal for fits of at least
        1000 epochs (never in tests or docs builds).

    Raises
    ------
    TypeError
        If ``model`` is not a :class:`torch.nn.Module`, ``loss`` is neither a name nor a
        function (a loss class such as ``torch.nn.MSELoss`` instead of an instance
        included), or an option has the wrong type.
    ValueError
        If the model has no parameters, ``lr`` is not positive and finite, ``loss`` or
        ``device`` is an unknown name, or ``batch_size`` is below 1.
    RuntimeError
        If the requested device is not available (see :func:`~ee4414.resolve_device`).
    """

    def __init__(
        self,
        model: nn.Module,
        loss: str | LossFn = "mse",
        lr: float = 0.01,
        device: str | torch.device = "auto",
        *,
        batch_size: int | None = None,
        shuffle: bool = False,
        seed: int | None = None,
        on_divergence: Literal["raise", "stop"] = "raise",
        progress: bool | None = None,
    ) -> None:
        if not isinstance(model, nn.Module):
            raise TypeError(f"Trainer expects a torch.nn.Module; got {type(model).__name__}")
        if not any(True for _ in model.parameters()):
            raise ValueError(
                "Trainer: the model has no parameters to train; wrap its weights in "
                "torch.nn.Parameter (or use ee4414.Linear) and assign them to self"
            )
        if batch_size is not None:
            batch_size = _checks.integer(batch_size, "batch_size", "Trainer", minimum=1)
        if not isinstance(on_divergence, str) or on_divergence not in ("raise", "stop"):
            raise ValueError(f"on_divergence must be 'raise' or 'stop'; got {on_divergence!r}")
        if seed is not None:
            seed = _checks.integer(seed, "seed", "Trainer")
        shuffle = _checks.flag(shuffle, "shuffle", "Trainer")
        if progress is not None:
            progress = _checks.flag(progress, "progress", "Trainer")
        loss_fn = _loss_function(loss)
        self.device = resolve_device(device)
        self.model = model.to(self.device)
        self.loss_fn: LossFn = loss_fn
        self.lr = check_lr(lr)
        self.optimiser = SGD(self.model.parameters(), self.lr)
        self.batch_size = batch_size
        self.shuffle = bool(shuffle)
        self.generator = torch.Generator().manual_seed(seed) if seed is not None else None
        self.on_divergence = on_divergence
        self.progress = progress

    def fit(
        self,
        x: torch.Tensor,
        y: torch.Tensor,
        epochs: int,
        *,
        snapshot_every: int | None = None,
        callback: Callback | None = None,
    ) -> History:
        """Train for ``epochs`` passes over the data.

        Parameters
        ----------
        x : torch.Tensor, shape (n, in_features, 1)
            Inputs, one column per point.
        y : torch.Tensor, shape (n, out_features, 1)
            Targets (or labels -1/1 for the hinge loss).
        epochs : int
            Number of passes over the data, at least 1.
        snapshot_every : int, optional
            Copy the parameters every this many epochs (and at the start and the end), for
            :func:`~ee4414.animate_training`.
        callback : callable, optional
            Called as ``callback(epoch, loss, model)`` after each epoch.

        Returns
        -------
        History
            Per-epoch and per-step losses, snapshots, and where training diverged.

        Raises
        ------
        TypeError
            If ``x`` or ``y`` is not a tensor, a count is not a whole number, ``callback``
            is not callable, or the loss function does not return a one-element tensor
            that autograd can differentiate.
        ValueError
            If ``x`` or ``y`` has the wrong shape, is empty or holds NaN or an infinity;
            if their numbers of points differ; or if a count is below 1.
        TrainingDivergedError
            If the loss becomes NaN or infinite and ``on_divergence="raise"``.
        """
        x, y = self._check_data(x, y)
        epochs = _positive_int(epochs, "epochs")
        if snapshot_every is not None:
            snapshot_every = _positive_int(snapshot_every, "snapshot_every")
        if callback is not None and not callable(callback):
            raise TypeError(
                f"fit expects callback to be a function callback(epoch, loss, model) or None; "
                f"got {_checks.shown(callback)}"
            )
        history = History()
        if snapshot_every:
            history.snapshots.append((0, self._state()))
        self.model.train()
        show = self.progress
        if show is None:
            show = epochs >= 1000 and sys.stderr.isatty()
        for epoch in tqdm(range(1, epochs + 1), disable=not show, desc="training", unit="epoch"):
            epoch_loss = self._epoch(x, y)
            history.losses.append(epoch_loss)
            if not math.isfinite(epoch_loss):
                history.diverged_at = epoch
                if self.on_divergence == "raise":
                    raise TrainingDivergedError(
                        f"the loss became {epoch_loss} at epoch {epoch} with lr={self.lr:g}; "
                        f"try a smaller learning rate (e.g. lr={self.lr / 10:g}), or pass "
                        "on_divergence='stop' to keep the history and plot it"
                    )
                break
            if callback is not None:
                callback(epoch, epoch_loss, self.model)
            if snapshot_every and (epoch % snapshot_every == 0 or epoch == epochs):
                history.snapshots.append((epoch, self._state()))
        history.step_losses = self._step_losses
        return history

    @torch.no_grad()
    def predict(self, x: torch.Tensor) -> torch.Tensor:
        """Return the model's output for ``x`` on the CPU, without building a graph.

        Parameters
        ----------
        x : torch.Tensor, shape (*, in_features, 1)
            Inputs.

        Returns
        -------
        torch.Tensor, shape (*, out_features, 1)
            Outputs, on the CPU.

        Raises
        ------
        TypeError
            If ``x`` is not a tensor (the model may raise its own errors for its shape).
        """
        _checks.tensor(
            x, "x", "predict", expected="a torch.Tensor of inputs, shape (*, features, 1)"
        )
        self.model.eval()
        out: torch.Tensor = self.model(x.to(self.device))
        return out.cpu()

    def _epoch(self, x: torch.Tensor, y: torch.Tensor) -> float:
        """Run one epoch of steps; return the mean loss over its steps."""
        n = x.shape[0]
        if self.batch_size is None or self.batch_size >= n:
            batches = [(x, y)]
        else:
            order = torch.randperm(n, generator=self.generator) if self.shuffle else None
            idx = order if order is not None else torch.arange(n)
            batches = [
                (x[idx[i : i + self.batch_size]], y[idx[i : i + self.batch_size]])
                for i in range(0, n, self.batch_size)
            ]
        total = 0.0
        for xb, yb in batches:
            loss = _checks.call_loss(
                self.loss_fn, _checks.call_model(self.model, xb, "fit"), yb, "fit"
            )
            _check_loss_value(loss)
            self.optimiser.zero_grad()
            loss.backward()
            self.optimiser.step()
            value = loss.item()
            self._step_losses.append(value)
            total += value
        return total / len(batches)

    def _check_data(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Validate the data's types and shapes and move it to the device."""
        for name, t in (("x", x), ("y", y)):
            _checks.tensor(t, name, "fit")
            if t.dim() < 3 or t.shape[-1] != 1:
                raise ValueError(
                    f"fit expects {name} of shape (n, features, 1), a batch of columns; got "
                    f"{tuple(t.shape)}"
                )
        for name, t in (("x", x), ("y", y)):
            if t.shape[0] == 0:
                raise ValueError(
                    f"fit got no data: {name} has shape {tuple(t.shape)}, 0 points; check "
                    "how the data was built or filtered"
                )
            _checks.check_finite(t, name, "fit")
        if x.shape[0] != y.shape[0]:
            raise ValueError(
                f"x has {x.shape[0]} points but y has {y.shape[0]}; they must have the same "
                "first dimension"
            )
        self._step_losses: list[float] = []
        return x.to(self.device), y.to(self.device)

    def _state(self) -> dict[str, torch.Tensor]:
        """Copy the model's parameters to the CPU."""
        return {k: v.detach().cpu().clone() for k, v in self.model.state_dict().items()}


def load_snapshot(model: nn.Module, state: dict[str, torch.Tensor]) -> nn.Module:
    """Return a copy of ``model`` on the CPU holding the parameters of a snapshot.

    Parameters
    ----------
    model : torch.nn.Module
        The trained model (left unchanged).
    state : dict
        A state dict from :attr:`History.snapshots`.

    Returns
    -------
    torch.nn.Module
        A CPU copy with ``state`` loaded.
    """
    clone = copy.deepcopy(model).cpu()
    clone.load_state_dict(state)
    return clone


def _loss_function(loss: object) -> LossFn:
    """The loss a Trainer uses: a name looked up, or a callable checked at construction."""
    if isinstance(loss, str):
        return get_loss(loss)
    if isinstance(loss, type):
        raise TypeError(
            f"Trainer got loss={loss.__name__}, a class; pass an instance, e.g. "
            f"loss={loss.__name__}(), or a name such as 'mse'"
        )
    if not callable(loss):
        raise TypeError(
            "Trainer expects loss to be a name ('mse', 'squared_error', 'hinge') or a "
            f"function loss(y_hat, y); got {_checks.shown(loss)}"
        )
    return loss


def _positive_int(value: object, name: str) -> int:
    """``value`` as a whole number of at least 1, for ``fit``'s counts."""
    try:
        return _checks.integer(value, name, "fit", minimum=1)
    except ValueError:
        raise ValueError(f"{name} must be a positive integer; got {value!r}") from None


def _check_loss_value(loss: object) -> None:
    """The loss function's result must be one number autograd can differentiate."""
    if not isinstance(loss, torch.Tensor) or loss.numel() != 1:
        raise TypeError(
            "the loss function should return a one-element tensor (the mean over the "
            f"batch); it returned {_checks.shown(loss)}. Check its reduction, and that it "
            "does not call .item()"
        )
    if not loss.requires_grad:
        raise TypeError(
            "the loss function returned a tensor that autograd cannot differentiate; build it "
            "from the model's output with torch operations, without .detach() or .item()"
        )
