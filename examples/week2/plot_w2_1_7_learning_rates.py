r"""
W2-1.7 · How the learning rate changes training
===============================================

The learning rate :math:`\mu` is not learned: we choose it, which makes it a
*hyperparameter*. Too small and training crawls; too large and each step overshoots so far
that the loss grows instead of shrinking. For our one neuron and one data point the effect
can be worked out exactly, so we can predict each curve before drawing it.

**You will learn**

- to compare training runs that differ in one hyperparameter;
- to derive the factor by which one gradient step multiplies the loss here,
  :math:`(1 - 2\mu(x_0^2 + x_1^2 + 1))^2`, and read off when training diverges;
- why a loss curve on a logarithmic axis is the right picture for this comparison;
- to let :class:`ee4414.Trainer` stop a diverging run instead of failing.

**Exercise.** Repeat the training of W2-1.6 (100 epochs on the one point) for each
learning rate in :math:`\{1.0, 0.1, 0.01, 0.001\}`, keep the losses of each run and plot the
four curves together.
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The pieces from W2-1.6
# ----------------------
# The neuron, the loss and the update come from the library: :class:`ee4414.Linear`,
# :func:`ee4414.squared_error` and :func:`ee4414.sgd_step`, as in W2-1.6; a fresh neuron is
# ``ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)``.

x = torch.tensor([[0.5], [0.4]])
y = -0.5

# %%
# One training run per learning rate
# ----------------------------------
# The loop of W2-1.6 becomes a function of the learning rate. Every run starts from a
# fresh model, so the four runs differ in :math:`\mu` only. Besides the loss we keep the
# error :math:`\hat{y} - y`, whose sign tells us on which side of the label the prediction is.


# sphinx_gallery_ee4414_answer_start
def train(lr, epochs=100):
    """Train a fresh neuron with learning rate lr; return (losses, errors), one per epoch."""
    model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
    losses, errors = [], []
    for _ in range(epochs):
        y_hat = model(x)  # predict
        loss = ee4414.squared_error(y_hat, y)  # measure, then record
        losses.append(loss.item())
        errors.append((y_hat - y).item())
        model.zero_grad()  # clear, compute, step
        loss.backward()
        ee4414.sgd_step(model.parameters(), lr)
    return losses, errors


learning_rates = [1.0, 0.1, 0.01, 0.001]
runs = {lr: train(lr) for lr in learning_rates}
# sphinx_gallery_ee4414_answer_end

# %%
# Plot the four curves
# --------------------
# The losses span dozens of orders of magnitude, so the y axis is logarithmic; on a linear
# axis every curve but one would be a flat line at zero. The run with :math:`\mu = 1.0`
# grows until the loss no longer fits in a float32 (about :math:`3.4 \times 10^{38}`) and
# becomes ``inf``, which cannot be drawn; its curve ends at the last finite value.
# The right panel shows the error :math:`\hat{y} - y` over the first ten epochs, in the same
# colours, on an axis that is logarithmic on both sides of zero.

fig, (ax_loss, ax_err) = plt.subplots(1, 2, figsize=(10, 4))
for lr, (losses, errors) in runs.items():
    finite = [v for v in losses if math.isfinite(v)]
    (line,) = ax_loss.plot(range(1, len(finite) + 1), finite, label=rf"$\mu = {lr}$")
    if len(finite) < len(losses):
        ax_loss.plot(len(finite), finite[-1], "x", color=line.get_color(), markersize=10)
        ax_loss.annotate(
            f"inf at epoch {len(finite) + 1}",
            (len(finite), finite[-1]),
            xytext=(-10, 0),
            textcoords="offset points",
            ha="right",
            va="center",
        )
    ax_err.plot(range(1, 11), errors[:10], "o-", color=line.get_color())
ax_loss.set(
    yscale="log", xlabel="epoch", ylabel=r"loss $\mathcal{L}$", title="Loss for four learning rates"
)
ax_loss.legend()
ax_err.axhline(0.0, color="0.5", linewidth=0.8)
ax_err.set(
    yscale="symlog", xlabel="epoch", ylabel=r"error $\hat{y} - y$", title="Error, first 10 epochs"
)
fig.tight_layout()

# %%
# Why each curve is a straight line: the factor per step
# ------------------------------------------------------
# Call the error :math:`e = \hat{y} - y`. The gradients (W2-Eg2) are
# :math:`\partial\mathcal{L}/\partial\mathbf{w} = 2e\,\mathbf{x}` and
# :math:`\partial\mathcal{L}/\partial b = 2e`. One step changes the parameters to
#
# .. math::
#
#    \mathbf{w}' = \mathbf{w} - 2\mu e\,\mathbf{x}, \qquad b' = b - 2\mu e .
#
# The new prediction for the same :math:`\mathbf{x}` is
#
# .. math::
#
#    \hat{y}' = \mathbf{w}'^\top \mathbf{x} + b'
#             = \mathbf{w}^\top \mathbf{x} + b - 2\mu e\,(\mathbf{x}^\top \mathbf{x} + 1)
#             = \hat{y} - 2\mu e\,(x_0^2 + x_1^2 + 1),
#
# so, subtracting :math:`y` on both sides, the new error and the new loss are
#
# .. math::
#
#    e' = \bigl(1 - 2\mu(x_0^2 + x_1^2 + 1)\bigr)\, e,
#    \qquad
#    \mathcal{L}' = e'^2 = \bigl(1 - 2\mu(x_0^2 + x_1^2 + 1)\bigr)^2\, \mathcal{L} .
#
# Every step multiplies the loss by the same number
# :math:`r^2 = (1 - 2\mu s)^2`, with :math:`s = x_0^2 + x_1^2 + 1 = 1.41` here, so after
# :math:`t` epochs :math:`\mathcal{L}_t = r^{2t}\,\mathcal{L}_0`: a straight line on a log
# axis. Training converges when :math:`|r| < 1`, that is :math:`0 < \mu < 1/s \approx 0.709`.

s = (x.T @ x).item() + 1.0
print(f"s = x0^2 + x1^2 + 1 = {s:.2f}; training converges for 0 < mu < 1/s = {1 / s:.3f}")
print()
print("    mu |  r = 1 - 2 mu s | loss factor r^2 | measured L2/L1 | loss at epoch 100")
for lr, (losses, _) in runs.items():
    r = 1.0 - 2.0 * lr * s
    ratio = losses[1] / losses[0]
    print(f"{lr:6} | {r:15.4f} | {r**2:15.4f} | {ratio:14.4f} | {losses[-1]:.3e}")
    assert math.isclose(ratio, r**2, rel_tol=1e-4)

# %%
# Reading the plot
# ----------------
# - :math:`\mu = 0.001`: :math:`r^2 = 0.9944`, the loss loses half a percent per epoch and
#   after 100 epochs is still above 1. Safe but slow.
# - :math:`\mu = 0.01`: :math:`r^2 = 0.9444`, the steady descent of W2-1.6.
# - :math:`\mu = 0.1`: :math:`r^2 = 0.5155`, the loss halves every epoch. After about 50
#   epochs the curve goes flat near :math:`10^{-15}`: that is float32 rounding, not
#   training, since :math:`\hat{y}` cannot get closer to :math:`-0.5` than one rounding
#   step of about :math:`3 \times 10^{-8}`.
# - :math:`\mu = 1.0`: :math:`r = -1.82`. The step is so long that the prediction jumps
#   past the label to the other side, landing 1.82 times further away than it started (the
#   zig-zag in the right panel). The loss grows by :math:`1.82^2 \approx 3.31` per epoch and
#   overflows to ``inf``.
#
# So the learning rate trades speed against stability. Here the best choice would be
# :math:`\mu = 1/(2s) \approx 0.355`, where :math:`r = 0` and a single step lands exactly on
# the label; with many data points no single step can do that for all of them, and weeks 4
# to 6 look at the trade-off again.

for lr in [0.1, 0.01, 0.001]:
    losses, _ = runs[lr]
    assert all(math.isfinite(v) for v in losses)
    assert losses[-1] < losses[0]

# %%
# When does the :math:`\mu = 1.0` run overflow? After :math:`t` updates the loss is
# :math:`\mathcal{L}_0\, r^{2t}`; solve :math:`\mathcal{L}_0\, r^{2t} > 3.4 \times 10^{38}`
# for the first whole :math:`t`. That loss is the one recorded at epoch :math:`t + 1`.

losses_diverging, _ = runs[1.0]
first_inf = next(i for i, v in enumerate(losses_diverging) if not math.isfinite(v))
r2 = (1.0 - 2.0 * 1.0 * s) ** 2
float32_max = torch.finfo(torch.float32).max
updates = math.ceil(math.log(float32_max / losses_diverging[0]) / math.log(r2))
print(f"mu = 1.0: predicted inf after {updates} updates, i.e. at epoch {updates + 1}")
print(f"          measured: first inf at epoch {first_inf + 1}")
assert first_inf == updates

# %%
# The diverging run with the library
# ----------------------------------
# By default :class:`ee4414.Trainer` raises :class:`ee4414.TrainingDivergedError` as soon as
# the loss stops being a finite number, because nothing useful can come after that. With
# ``on_divergence="stop"`` it ends the run quietly instead and keeps the history, with the
# epoch where it happened (counted from 1, the last entry of ``history.losses``) in
# ``history.diverged_at``. :func:`ee4414.plot_losses` with
# ``log=True`` draws the curves of all four runs.

x_batch = x.unsqueeze(0)  # (1, 2, 1): a batch of one point
y_batch = torch.tensor([[[y]]])  # (1, 1, 1)

histories = {}
for lr in learning_rates:
    trainer = ee4414.Trainer(
        ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0),
        loss="squared_error",
        lr=lr,
        device="cpu",
        on_divergence="stop",
    )
    histories[lr] = trainer.fit(x_batch, y_batch, epochs=100)

stopped = histories[1.0]
print(f"mu = 1.0: ee4414.Trainer stopped, diverged_at = {stopped.diverged_at}")
print(f"          {len(stopped.losses)} losses kept, the last one {stopped.losses[-1]}")
assert stopped.diverged_at == first_inf + 1
assert len(stopped.losses) == first_inf + 1
for lr in [0.1, 0.01, 0.001]:
    assert histories[lr].diverged_at is None
    torch.testing.assert_close(torch.tensor(histories[lr].losses), torch.tensor(runs[lr][0]))

fig, ax = plt.subplots(figsize=(6, 4))
ee4414.plot_losses(
    {rf"$\mu = {lr}$": [v for v in h.losses if math.isfinite(v)] for lr, h in histories.items()},
    ax=ax,
    log=True,
    title="ee4414.Trainer, four learning rates",
)

# %%
# Try it yourself
# ---------------
#
# - Train with :math:`\mu = 0.355` and :math:`\mu = 0.709`. Predict the curves from
#   :math:`r` before you run them.
# - Change the input to :math:`\mathbf{x} = [5, 4]^\top`. What is the largest stable
#   learning rate now? Why do large inputs call for small learning rates?
# - Work out from the formula at which epoch the :math:`\mu = 1.0` run would overflow in
#   float64 (largest value about :math:`1.8 \times 10^{308}`), then check it by training
#   that long after ``torch.set_default_dtype(torch.float64)``.
#
# Further reading: https://pytorch.org/docs/stable/optim.html
