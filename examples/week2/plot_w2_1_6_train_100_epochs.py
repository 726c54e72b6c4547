r"""
W2-1.6 · Train for 100 epochs
=============================

One step lowered the loss a little (W2-1.5). Training is that step repeated: predict,
measure, clear the gradients, compute them, update. Here we repeat it 100 times on our one
data point, record the loss every time and plot how it falls.

**You will learn**

- what an *epoch* is, and why one epoch is one step here;
- to write a complete training loop in plain PyTorch;
- to read a loss curve, on a linear and on a logarithmic axis;
- that :class:`ee4414.Trainer` runs the same loop for you.

**Exercise.** Starting from :math:`\mathbf{w} = [0.4, 0.1]^\top`, :math:`b = 1`, train the
neuron on the single point :math:`\mathbf{x} = [0.5, 0.4]^\top`, :math:`y = -0.5` with
gradient descent and :math:`\mu = 0.01` for 100 epochs. Keep the loss of every epoch and
plot it.
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The pieces from W2-1.2 to W2-1.5
# --------------------------------
# Each piece has been written once already, so we use the library's tested versions:
# :class:`ee4414.Linear` (W2-1.2), :func:`ee4414.squared_error` (W2-1.3) and
# :func:`ee4414.sgd_step`, the ``optimize_weights`` of W2-1.5. A fresh neuron with the
# starting weights is ``ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)``.

x = torch.tensor([[0.5], [0.4]])
y = -0.5

# %%
# Epochs
# ------
# An epoch is one pass through the whole training set. Stochastic gradient descent
# updates the parameters after each data point, so an epoch has as many steps as there
# are points. Our training set has one point, which makes an epoch a single step. (Week 3
# trains on many points.)

# %%
# The training loop
# -----------------
# The loss is recorded *before* each update, so epoch 1's loss (``losses[0]``) is the loss
# of the starting weights and epoch 2's the one after the first step (W2-1.5). ``.item()``
# turns the one-number loss into a Python float, which does not keep the autograd record alive.

epochs = 100
learning_rate = 0.01
# sphinx_gallery_ee4414_answer_start
model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
losses = []

for _ in range(epochs):
    y_hat = model(x)  # 1. predict
    loss = ee4414.squared_error(y_hat, y)  # 2. measure
    losses.append(loss.item())

    model.zero_grad()  # 3. clear the last step's gradients
    loss.backward()  # 4. compute the new ones
    ee4414.sgd_step(model.parameters(), learning_rate)  # 5. step downhill
# sphinx_gallery_ee4414_answer_end

print(f"epoch   1: L = {losses[0]:.4f}  (the starting weights)")
print(f"epoch   2: L = {losses[1]:.4f}  (after one update, as in W2-1.5)")
print(f"epoch 100: L = {losses[-1]:.4f}")
print(f"after training: y_hat = {model(x).item():.4f} (label {y})")

assert math.isclose(losses[0], 3.0276, abs_tol=1e-4)
assert math.isclose(losses[1], 2.8593, abs_tol=1e-4)
assert all(losses[i + 1] < losses[i] for i in range(epochs - 1))  # every epoch improves

# %%
# Plot the loss curve
# -------------------
# On a linear axis (left) the curve drops fast at first and then flattens: the closer the
# prediction gets to the label, the smaller the gradient and so the smaller each step. On a
# logarithmic axis (right) the same curve is a straight line, which means the loss is
# multiplied by the same factor at every epoch. W2-1.7 derives that factor.

fig, (ax_lin, ax_log) = plt.subplots(1, 2, figsize=(10, 4))
ax_lin.plot(range(1, epochs + 1), losses, label=r"$\mu = 0.01$")
ax_lin.set(xlabel="epoch", ylabel=r"loss $\mathcal{L}$", title="Loss, linear axis")
ax_lin.legend()
ax_log.plot(range(1, epochs + 1), losses, label=r"$\mu = 0.01$")
ax_log.set(yscale="log", xlabel="epoch", ylabel=r"loss $\mathcal{L}$", title="Loss, log axis")
ax_log.legend()
fig.tight_layout()

# %%
# The same training with the library
# ----------------------------------
# :class:`ee4414.Trainer` holds this loop (with :func:`ee4414.sgd_step` as its update)
# so later weeks can call it in one line. Its inputs are batches: ``x`` of shape
# ``(n, 2, 1)`` and ``y`` of shape ``(n, 1, 1)``, here with :math:`n = 1`. With one point a
# full batch is one point, so one epoch is still one step and the losses must match ours.
# :func:`ee4414.plot_losses` draws the curve.

x_batch = x.unsqueeze(0)  # (1, 2, 1)
y_batch = torch.tensor([[[y]]])  # (1, 1, 1)

trainer = ee4414.Trainer(
    ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0),
    loss="squared_error",
    lr=learning_rate,
    device="cpu",
)
history = trainer.fit(x_batch, y_batch, epochs=epochs)
print(f"ee4414.Trainer: first L = {history.losses[0]:.4f}, last L = {history.losses[-1]:.4f}")
torch.testing.assert_close(torch.tensor(history.losses), torch.tensor(losses))

fig, ax = plt.subplots(figsize=(6, 4))
ee4414.plot_losses({r"ee4414.Trainer, $\mu = 0.01$": history.losses}, ax=ax, title="Loss")

# %%
# Try it yourself
# ---------------
#
# - Train for 500 epochs. How close does :math:`\hat{y}` get to :math:`-0.5`, and does the
#   curve on the log axis stay straight?
# - Move ``model.zero_grad()`` out of the loop (call it once, before). What happens to the
#   curve, and why (W2-1.4)?
# - Add a second data point and loop over both points in each epoch. Is the loss curve
#   still a straight line on the log axis?
#
# Further reading: https://pytorch.org/tutorials/beginner/basics/optimization_tutorial.html
