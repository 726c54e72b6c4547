"""
W3-1.5 · When no straight line can separate the classes
=======================================================

In W3-1.4 four points, two per class, were learned perfectly. Here we keep the same four
points and only swap two labels, so that each class sits on two *opposite* corners.
Training exactly as before now fails: no choice of weights gets all four points right,
and the hinge loss cannot fall below 1. Seeing why tells you what a linear model can and
cannot do, and motivates the two-layer network of week 4.

**You will learn**

- why a linear classifier can only draw a straight boundary, and a short proof that these
  four points cannot be split by one;
- what the hinge loss and the per-point training loop do when the data are not linearly
  separable: the loss stalls above 0 and the accuracy stays below 1;
- how this arrangement is the XOR pattern that week 4 solves with a hidden layer.

**Exercise.** Take the data and code of W3-1.4 and flip labels, from 1 to -1 or the other
way round, keeping two points of each class, so that after training the decision boundary
still does not separate the two classes. Plot the result.
"""

# %%
# Imports
# -------
import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# Relabel the points
# ------------------
# The four points of W3-1.4 form a parallelogram with corners 0, 3, 2, 1 in turn. Before,
# neighbouring corners 0 and 3 were class 1. We flip the labels of points 2 and 3, so class 1
# is now the *diagonal* pair 0 and 2 and class -1 the other diagonal, 1 and 3. There are
# still two points of each class, and points 0 and 1 (the two points of W3-1.1) keep
# their labels.
x = torch.tensor([[1.0, 0.5], [0.1, -0.3], [-0.6, 0.4], [0.3, 1.2]]).unsqueeze(-1)
c_separable = torch.tensor([1.0, -1.0, -1.0, 1.0]).reshape(4, 1, 1)  # W3-1.4
# sphinx_gallery_ee4414_answer_start
c = torch.tensor([1.0, -1.0, 1.0, -1.0]).reshape(4, 1, 1)  # labels of points 2 and 3 flipped
# sphinx_gallery_ee4414_answer_end
print("W3-1.4 labels:", c_separable.flatten().tolist())
print("new labels:   ", c.flatten().tolist())
assert (c == 1).sum() == 2
assert (c == -1).sum() == 2

# %%
# Why no line can separate them
# -----------------------------
# The diagonals of a parallelogram cross at their common midpoint. Here
#
# .. math::
#
#    \mathbf{m} = \tfrac{1}{2}\left(\mathbf{x}^{(0)} + \mathbf{x}^{(2)}\right)
#               = \tfrac{1}{2}\left(\mathbf{x}^{(1)} + \mathbf{x}^{(3)}\right)
#               = [0.2,\ 0.45]^\top .
#
# Because :math:`\hat{y}` is linear in :math:`\mathbf{x}`, its value at a midpoint is the
# average of its values at the two ends, for *any* weights and bias:
#
# .. math::
#
#    \hat{y}(\mathbf{m})
#    = \tfrac{1}{2}\left(\hat{y}^{(0)} + \hat{y}^{(2)}\right)
#    = \tfrac{1}{2}\left(\hat{y}^{(1)} + \hat{y}^{(3)}\right).
#
# Classifying all four points correctly would need :math:`\hat{y}^{(0)}, \hat{y}^{(2)} > 0`,
# which makes :math:`\hat{y}(\mathbf{m}) > 0`, and at the same time
# :math:`\hat{y}^{(1)}, \hat{y}^{(3)} \le 0`, which makes :math:`\hat{y}(\mathbf{m}) \le 0`.
# Both cannot hold. In pictures: each class needs the segment between its two points on
# its own side of the line, but the two segments cross.
m_class_1 = (x[0] + x[2]) / 2
m_class_2 = (x[1] + x[3]) / 2
print(f"midpoint of points 0 and 2: [{m_class_1[0, 0]:.2f}, {m_class_1[1, 0]:.2f}]")
print(f"midpoint of points 1 and 3: [{m_class_2[0, 0]:.2f}, {m_class_2[1, 0]:.2f}]")
torch.testing.assert_close(m_class_1, m_class_2)

# %%
# What this means for the hinge loss
# ----------------------------------
# The same identity fixes the sum :math:`\sum_i C^{(i)}\hat{y}^{(i)} =
# \hat{y}^{(0)} - \hat{y}^{(1)} + \hat{y}^{(2)} - \hat{y}^{(3)} = 0` for every model. Since
# :math:`\max(0, z) \ge z`, the mean hinge loss over the four points is bounded below:
#
# .. math::
#
#    \mathcal{L} = \frac{1}{4}\sum_{i=0}^{3} \max\left(0,\ 1 - C^{(i)}\hat{y}^{(i)}\right)
#    \ \ge\ \frac{1}{4}\sum_{i=0}^{3} \left(1 - C^{(i)}\hat{y}^{(i)}\right)
#    = 1 - \frac{1}{4}\sum_{i=0}^{3} C^{(i)}\hat{y}^{(i)} = 1.
#
# Whatever gradient descent does, the loss over the data set cannot drop below 1. Check
# the identity on a few random models:
torch.manual_seed(0)
for _ in range(3):
    w, b = torch.randn(2, 1), torch.randn(1, 1)
    y_hat = w.T @ x + b
    print(
        f"w = [{w[0, 0]:+.2f}, {w[1, 0]:+.2f}], b = {b.item():+.2f}: "
        f"sum C·ŷ = {(c * y_hat).sum().item():+.1e}, "
        f"hinge loss = {ee4414.hinge(y_hat, c).item():.4f}"
    )
    assert abs((c * y_hat).sum().item()) < 1e-5
    assert ee4414.hinge(y_hat, c).item() >= 1 - 1e-6

# %%
# The training loop, as in W3-1.4
# -------------------------------
# The same per-point stochastic gradient descent. The pieces written by hand in W3-1.1
# and W3-1.4 are now taken from the library: :class:`ee4414.Linear` for the model,
# :func:`ee4414.hinge` for the loss and :func:`ee4414.sgd_step` for the update. Besides the
# losses we record the training accuracy after every epoch (:func:`ee4414.accuracy`) and
# the weights, to draw the boundary.


def train(model, x, c, lr, epochs):
    """Per-point SGD on the hinge loss; return step losses, epoch losses, accuracies, weights."""
    step_losses, epoch_losses, accuracies = [], [], []
    snapshots = [(model.w.detach().clone(), model.b.detach().clone())]
    for _epoch in range(epochs):
        epoch_total = 0.0
        for x_i, c_i in zip(x, c, strict=True):  # one point per step
            loss = ee4414.hinge(model(x_i), c_i)
            model.zero_grad()
            loss.backward()
            ee4414.sgd_step(model.parameters(), lr)  # p <- p - lr * dL/dp, as in W2-1.5
            step_losses.append(loss.item())
            epoch_total += loss.item()
        epoch_losses.append(epoch_total / len(x))
        with torch.no_grad():
            accuracies.append(ee4414.accuracy(model(x), c))
        snapshots.append((model.w.detach().clone(), model.b.detach().clone()))
    return step_losses, epoch_losses, accuracies, snapshots


# %%
# Train from the hand-picked weights
# ----------------------------------
# We start from :math:`\mathbf{w} = [1,\ 3]^\top`, :math:`b = 0`, which already gets three of
# the four points right, and train with the learning rate of W3-1.4.
lr = 0.1
epochs = 30
model = ee4414.Linear(2, 1, w=[1, 3], b=0.0)
with torch.no_grad():
    print(f"accuracy before training: {ee4414.accuracy(model(x), c):.2f}")
# sphinx_gallery_ee4414_answer_start
step_losses, epoch_losses, accuracies, snapshots = train(model, x, c, lr, epochs)
# sphinx_gallery_ee4414_answer_end

with torch.no_grad():
    y_hat_end = model(x)
final_accuracy = ee4414.accuracy(y_hat_end, c)
final_loss = ee4414.hinge(y_hat_end, c).item()
print("loss per epoch:", " ".join(f"{v:.3f}" for v in epoch_losses[:12]), "...")
print("accuracy per epoch:", " ".join(f"{v:.2f}" for v in accuracies[:12]), "...")
print(f"final w = [{model.w[0, 0]:.4f}, {model.w[1, 0]:.4f}], b = {model.b.item():.4f}")
print(f"final training accuracy: {final_accuracy:.2f}")
print(f"final hinge loss over the data set: {final_loss:.4f}")
assert final_accuracy < 1.0
assert max(accuracies) < 1.0
assert final_loss >= 1.0 - 1e-6
assert min(epoch_losses) > 0.0

# %%
# The loss and the accuracy
# -------------------------
# The per-epoch loss falls for about ten epochs and then freezes at about 1.09, never near
# 0; the accuracy never leaves 0.75. (The floor of 1 holds for the loss of one model over all
# four points, checked on the final model above; the epoch mean averages four slightly
# different models, one per step, so it is only close to that bound.) The per-step loss
# settles into a repeating pattern of four values: each epoch the same four nudges are
# applied, and they add up to nothing, so the weights come back to where the epoch started.
# The large loss belongs to point 3, the point the line gets wrong in every epoch; the
# dashed line on the right is the best accuracy any straight line can reach here (checked
# at the end).
steps = torch.arange(1, len(step_losses) + 1)
fig, (ax_step, ax_epoch, ax_acc) = plt.subplots(1, 3, figsize=(11, 3.8))
ax_step.plot(steps, step_losses, color="gray", linewidth=0.8)
point_colours = ["tab:red", "tab:blue", "tab:cyan", "tab:orange"]
for i in range(len(x)):
    ax_step.scatter(
        steps[i :: len(x)],
        step_losses[i :: len(x)],
        s=12,
        zorder=3,
        color=point_colours[i],
        label=f"step on point {i}",
    )
ax_step.legend()
ax_step.set(xlabel="step (one point each)", ylabel="hinge loss", title="Loss of every step")
ee4414.plot_losses(epoch_losses, ax=ax_epoch, title="Mean loss of every epoch")
ax_epoch.axhline(1, color="black", linestyle="--", linewidth=1, label="lower bound 1")
ax_epoch.set(ylim=(0, 1.5))
ax_epoch.legend()
ax_acc.plot(torch.arange(1, epochs + 1), accuracies, marker="o", markersize=3)
ax_acc.axhline(0.75, color="black", linestyle="--", linewidth=1, label="best any line can do")
ax_acc.legend(loc="lower right")
ax_acc.set(
    xlabel="epoch", ylabel="training accuracy", ylim=(0, 1.05), title="Accuracy stays below 1"
)
fig.tight_layout()

# %%
# The boundary
# ------------
# On the left, the boundary after each epoch (dark early, yellow late) drawn with
# :func:`ee4414.plot_linear_boundary`: it turns and shifts for a while, then stops, still
# cutting the plane so that one point lies on the wrong side. On the right, the final
# model's response :math:`\hat{y}` over the plane (:func:`ee4414.plot_decision_surface`):
# a linear model's response is a tilted plane, and its zero level is always a straight line.
epoch_colours = plt.colormaps["viridis"]
fig, (ax_epochs, ax_surface) = plt.subplots(1, 2, figsize=(11, 4.5))
for k, (w_k, b_k) in enumerate(snapshots):
    ee4414.plot_linear_boundary(
        w_k, b_k, ax=ax_epochs, x0_range=(-1.2, 1.6), color=epoch_colours(k / epochs), linewidth=1.2
    )
ee4414.plot_points(x, c, ax=ax_epochs, legend=False)
for i in range(len(x)):
    ax_epochs.annotate(str(i), x[i].flatten().tolist(), xytext=(6, 6), textcoords="offset points")
for i, j in ((0, 2), (1, 3)):  # the two crossing diagonals
    ax_epochs.plot(x[[i, j], 0, 0], x[[i, j], 1, 0], color="gray", linestyle=":", linewidth=1)
colour_scale = plt.cm.ScalarMappable(cmap=epoch_colours, norm=plt.Normalize(0, epochs))
fig.colorbar(colour_scale, ax=ax_epochs, label="epoch")
ax_epochs.set(xlim=(-1.2, 1.6), ylim=(-1.0, 1.8), title="Boundary after each epoch")
ee4414.plot_decision_surface(
    model, x, c, ax=ax_surface, title=f"Final model: accuracy {final_accuracy:.2f}"
)
fig.tight_layout()

# %%
# A second start: the pulls cancel
# --------------------------------
# Start instead from the small random weights of W3-1.4 (same seed), this time with
# :class:`ee4414.Trainer`, which runs the same per-point loop. Every point is then inside
# the margin, so every step moves the weights by :math:`\mu C^{(i)}\mathbf{x}^{(i)}` and the
# bias by :math:`\mu C^{(i)}`. Over one epoch these add up to
#
# .. math::
#
#    \mu \sum_{i=0}^{3} C^{(i)} \mathbf{x}^{(i)}
#    = \mu\left(\mathbf{x}^{(0)} + \mathbf{x}^{(2)} - \mathbf{x}^{(1)} - \mathbf{x}^{(3)}\right)
#    = \mathbf{0}, \qquad \mu \sum_{i=0}^{3} C^{(i)} = 0,
#
# so after every epoch the model is back where it started, and training does nothing at
# all. (The cancellation is exact only because our four points form a parallelogram; for
# other non-separable points the weights wander instead of standing still, but they never
# separate the classes either.)
random_model = ee4414.Linear(2, 1, generator=torch.Generator().manual_seed(4))
w_start = random_model.w.detach().clone()
trainer = ee4414.Trainer(random_model, loss="hinge", lr=lr, batch_size=1, device="cpu")
history = trainer.fit(x, c, epochs=epochs)
random_accuracy = ee4414.accuracy(trainer.predict(x), c)
print(f"epoch losses: first {history.losses[0]:.4f}, last {history.losses[-1]:.4f}")
print(f"weights moved by {(random_model.w.detach() - w_start).abs().max().item():.1e} in total")
print(f"training accuracy: {random_accuracy:.2f}")
torch.testing.assert_close(random_model.w.detach(), w_start)
assert random_accuracy < 1.0

# %%
# The best any line can do
# ------------------------
# As a last check, try many random lines and keep the best accuracy. None gets all four
# points: three out of four is the limit, as the midpoint argument says.
generator = torch.Generator().manual_seed(0)
w_many = torch.randn(20_000, 2, 1, generator=generator)
b_many = torch.randn(20_000, 1, 1, generator=generator)
y_hat_many = w_many.transpose(-2, -1).unsqueeze(1) @ x + b_many.unsqueeze(1)  # (20000, 4, 1, 1)
best = (ee4414.classify(y_hat_many) == c).float().mean(dim=(1, 2, 3)).max().item()
print(f"best accuracy of 20000 random lines: {best:.2f}")
assert best == 0.75

# %%
# Why training fails, in short
# ----------------------------
# A linear model can only ever draw one straight line and call one side class 1. These four
# points need class 1 at two opposite corners and class -1 at the other two, an
# arrangement no line can produce, so there is nothing for gradient descent to find: the
# loss cannot reach 0, and the steps end up pulling against each other. The arrangement is
# the XOR pattern (the label is 1 when exactly one of two conditions holds). Week 4 solves
# it by giving the model a hidden layer of two linear neurons with a ReLU: each hidden
# neuron draws its own line, and the output neuron combines the two half-planes into a
# region that is not a half-plane any more (try :func:`ee4414.xor` and
# :class:`ee4414.TwoLayerNN` there).

# %%
# Try it yourself
# ---------------
#
# - Flip a *different* pair of labels, for example points 0 and 1. Is the new data set
#   separable? Train and check the accuracy.
# - Move point 3 a little, say to :math:`[0.5,\ 1.2]^\top`. The cancellation is gone: does
#   the random start now move, and does the accuracy ever reach 1?
# - Train with ``lr = 0.01`` from :math:`\mathbf{w} = [1,\ 3]^\top`. Where does the loss
#   settle, and is it still above 1?
# - Add a third input feature :math:`x_0 x_1` to every point (a ``Linear(3, 1)``). Can a
#   linear model in three features separate the four points now?
