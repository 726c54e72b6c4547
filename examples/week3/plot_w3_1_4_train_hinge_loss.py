"""
W3-1.4 · Train the classifier with the hinge loss
=================================================

So far we chose the weights ourselves. Now the model learns them: we give it a few
labelled points and let gradient descent move the decision boundary until every point
is on its own side. The loss that drives it is the *hinge loss* of support vector
machines. It is zero for a point that is classified correctly with room to spare and grows
linearly otherwise. Trained one point at a time, its value jumps up and down from step to
step, and this page explains why.

**You will learn**

- the hinge loss :math:`\\mathcal{L} = \\max(0,\\ 1 - C\\hat{y})` and its sub-gradient,
  derived by hand: :math:`\\partial\\mathcal{L}/\\partial\\mathbf{w} = -C\\mathbf{x}` inside
  the margin, 0 outside;
- to write the per-point training loop (stochastic gradient descent) in plain PyTorch and
  record the loss of every step and of every epoch;
- why the per-step loss fluctuates while the per-epoch loss falls, and how the boundary
  moves during training;
- the library's :func:`ee4414.hinge`, :func:`ee4414.hinge_derivative` and
  :class:`ee4414.Trainer`, which does the same loop with ``batch_size=1``.

**Exercise.** Define the hinge loss :math:`\\mathcal{L} = \\max(0,\\ 1 - C^{(i)}
\\hat{y}^{(i)})`, where :math:`C^{(i)}` is the class of point :math:`i` and
:math:`\\hat{y}^{(i)}` the model's output for it, and use it to train the linear model.
Plot the loss during training and the final decision boundary. The loss goes down but
fluctuates from one data point to the next: find out why.
"""

# %%
# Imports
# -------
import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# A small data set
# ----------------
# Four points, two per class: the two points of W3-1.1 and one more of each class. They
# can be separated by a straight line, so a linear model can get all of them right.
# Inputs are columns, stacked into shape (4, 2, 1); labels are ±1 with shape (4, 1, 1).
x = torch.tensor([[1.0, 0.5], [0.1, -0.3], [-0.6, 0.4], [0.3, 1.2]]).unsqueeze(-1)
c = torch.tensor([1.0, -1.0, -1.0, 1.0]).reshape(4, 1, 1)
print(f"x: {tuple(x.shape)}, c: {tuple(c.shape)}, labels {c.flatten().tolist()}")

# %%
# The hinge loss
# --------------
# For one point with class :math:`C \in \{-1, 1\}` and output :math:`\hat{y}`,
#
# .. math::
#
#    \mathcal{L} = \max\left(0,\ 1 - C\hat{y}\right).
#
# The product :math:`C\hat{y}` is positive when the point is on the correct side of the
# boundary, and large when it is far from it. The loss is zero once
# :math:`C\hat{y} \ge 1`: the point is correct *and* at least one unit of output away from
# the boundary (the region :math:`|\hat{y}| < 1` around the boundary is the *margin*).
# Every other point costs :math:`1 - C\hat{y}`, growing the further it is on the wrong side.
# Unlike the sign rule, the loss therefore still sees a correct point that is too close to
# the boundary.
#
# ``torch.clamp(..., min=0.0)`` is :math:`\max(0, \cdot)` element by element. Averaging over
# the points turns a batch into one number, and for a single point it is just that point's
# loss.


# sphinx_gallery_ee4414_answer_start
def hinge_loss(y_hat, c):
    """Mean hinge loss max(0, 1 - c * y_hat) over the points in the batch."""
    return torch.clamp(1 - c * y_hat, min=0.0).mean()


# sphinx_gallery_ee4414_answer_end


# %%
# With the hand-picked weights :math:`\mathbf{w} = [1,\ 3]^\top`, :math:`b = 0`, point
# :math:`\mathbf{x}^{(0)}` has :math:`C\hat{y} = 2.5` and costs nothing, while
# :math:`\mathbf{x}^{(1)}` is classified correctly but only with :math:`C\hat{y} = 0.8 < 1`,
# so it still costs :math:`0.2`. Of the two new points, :math:`\mathbf{x}^{(2)}` is on the
# wrong side (:math:`C\hat{y} = -0.6`) and costs :math:`1.6`, and :math:`\mathbf{x}^{(3)}`
# is far beyond the margin (:math:`C\hat{y} = 3.9`). Two points cost something.
w_hand, b_hand = torch.tensor([[1.0], [3.0]]), torch.tensor([[0.0]])
hand_losses = []
for i in range(len(x)):
    y_hat = w_hand.T @ x[i] + b_hand
    hand_losses.append(hinge_loss(y_hat, c[i]).item())
    print(
        f"x^({i}): ŷ = {y_hat.item():+.4f}, C·ŷ = {(c[i] * y_hat).item():+.4f}, "
        f"loss = {hand_losses[-1]:.4f}"
    )
assert torch.allclose(
    torch.tensor(hand_losses), torch.tensor([0.0, 0.2, 1.6, 0.0]), atol=1e-4, rtol=0
)
costly = [i for i, v in enumerate(hand_losses) if v > 0]
misclassified = [i for i in range(len(x)) if (c[i] * (w_hand.T @ x[i] + b_hand)).item() < 0]
assert costly == [1, 2]  # "Try it yourself" below relies on these two
assert misclassified == [2]

# %%
# The loss is piecewise linear: flat at zero for :math:`C\hat{y} \ge 1`, a straight line of
# slope -1 below, with a kink at the margin :math:`C\hat{y} = 1`. Its slope, on the right,
# is what gradient descent sees: -1 or 0, nothing in between.
margin_axis = torch.linspace(-2, 3, 501)
fig, (ax_loss, ax_slope) = plt.subplots(1, 2, figsize=(10, 4))
ax_loss.plot(margin_axis, torch.clamp(1 - margin_axis, min=0.0), color="tab:purple")
ax_loss.axvline(1, color="gray", linestyle=":")
ax_loss.annotate("kink at Cŷ = 1", (1, 0), xytext=(1.3, 1.2), arrowprops={"arrowstyle": "->"})
ax_loss.set(xlabel="C·ŷ", ylabel="loss", title="Hinge loss max(0, 1 − Cŷ)")
ax_slope.plot(margin_axis, torch.where(margin_axis < 1, -1.0, 0.0), color="tab:purple")
ax_slope.set(
    xlabel="C·ŷ",
    ylabel="d loss / d(Cŷ)",
    ylim=(-1.5, 0.5),
    title="Its slope: −1 inside the margin, 0 outside",
)
fig.tight_layout()

# %%
# The sub-gradient, by hand
# -------------------------
# Training needs :math:`\partial\mathcal{L}/\partial\mathbf{w}` and
# :math:`\partial\mathcal{L}/\partial b`. Take the two pieces of the loss separately, then
# apply the chain rule through :math:`\hat{y} = \mathbf{w}^\top\mathbf{x} + b`, whose
# derivatives are :math:`\partial\hat{y}/\partial\mathbf{w} = \mathbf{x}` and
# :math:`\partial\hat{y}/\partial b = 1`:
#
# .. math::
#
#    \frac{\partial \mathcal{L}}{\partial \hat{y}} &=
#        \begin{cases} -C & \text{if } C\hat{y} < 1, \\
#                       \phantom{-}0 & \text{if } C\hat{y} \ge 1, \end{cases} \\
#    \frac{\partial \mathcal{L}}{\partial \mathbf{w}} &=
#        \frac{\partial \mathcal{L}}{\partial \hat{y}}\,
#        \frac{\partial \hat{y}}{\partial \mathbf{w}} =
#        \begin{cases} -C\,\mathbf{x} & \text{if } C\hat{y} < 1, \\
#                       \phantom{-}\mathbf{0} & \text{otherwise,} \end{cases} \qquad
#    \frac{\partial \mathcal{L}}{\partial b} =
#        \begin{cases} -C & \text{if } C\hat{y} < 1, \\
#                       \phantom{-}0 & \text{otherwise.} \end{cases}
#
# At the kink itself, :math:`C\hat{y} = 1`, the loss has no derivative; any value between
# :math:`-C` and 0 is a valid *sub-gradient*, and we pick 0. (Autograd picks too: through
# ``torch.clamp`` it uses :math:`-C`, through :func:`torch.maximum` it splits the
# difference. With real-valued data an exact tie practically never happens.)
#
# Check the formula on :math:`\mathbf{x}^{(1)}` with the hand-picked weights, where
# :math:`C = -1` and :math:`C\hat{y} = 0.8 < 1`: the gradient should be
# :math:`-C\mathbf{x} = \mathbf{x} = [0.1,\ -0.3]^\top` and :math:`-C = 1`.
w = w_hand.clone().requires_grad_()
b = b_hand.clone().requires_grad_()
y_hat = w.T @ x[1] + b
hinge_loss(y_hat, c[1]).backward()
inside = (c[1] * y_hat < 1).float()
dL_dw_manual = -c[1] * x[1] * inside
dL_db_manual = -c[1] * inside
print(f"dL/dw  manual {dL_dw_manual.flatten()}, autograd {w.grad.flatten()}")
print(f"dL/db  manual {dL_db_manual.flatten()}, autograd {b.grad.flatten()}")
torch.testing.assert_close(w.grad, dL_dw_manual)
torch.testing.assert_close(b.grad, dL_db_manual)

# %%
# The library has the loss and its hand-derived derivative side by side:
# :func:`ee4414.hinge` and :func:`ee4414.hinge_derivative`, which returns
# :math:`\partial\mathcal{L}/\partial\hat{y}` (here :math:`-C = 1`).
print(
    f"ee4414.hinge: {ee4414.hinge(y_hat, c[1]).item():.4f}, "
    f"ee4414.hinge_derivative: {ee4414.hinge_derivative(y_hat.detach(), c[1]).item():.4f}"
)

# %%
# What one step does
# ------------------
# With learning rate :math:`\mu`, a step on a point inside the margin is
# :math:`\mathbf{w} \leftarrow \mathbf{w} + \mu C\mathbf{x}` and
# :math:`b \leftarrow b + \mu C`. That point's own :math:`C\hat{y}` rises by
# :math:`\mu(\lVert\mathbf{x}\rVert^2 + 1)`, so the step always helps the point it sees.
# Every *other* point :math:`\mathbf{x}'` with class :math:`C'` changes too:
#
# .. math::
#
#    \Delta\left(C'\hat{y}'\right) = \mu\, C C' \left(\mathbf{x}^\top\mathbf{x}' + 1\right).
#
# For a point of the other class (:math:`CC' = -1`) with :math:`\mathbf{x}^\top\mathbf{x}'
# + 1 > 0` this is negative: fixing one point can push another one back into the margin.
# Points already outside the margin give zero loss and zero gradient, so they do not move
# the boundary at all. Keep both facts in mind for the training curves below.

# %%
# The model
# ---------
# The linear model of W3-1.1, as the library's tested :class:`ee4414.Linear`, given its
# starting weights. We start from small random values, drawn from
# :math:`\mathcal{U}(-0.2, 0.2)` with a seeded generator so that every build gives the same
# run. The sign rule of W3-1.2 is :func:`ee4414.classify`.

generator = torch.Generator().manual_seed(4)
w_init = torch.nn.init.uniform_(torch.empty(2, 1), -0.2, 0.2, generator=generator)
b_init = torch.nn.init.uniform_(torch.empty(1, 1), -0.2, 0.2, generator=generator)
model = ee4414.Linear(2, 1, w=w_init, b=b_init)

with torch.no_grad():
    start_accuracy = (ee4414.classify(model(x)) == c).float().mean().item()
print(f"initial w = [{w_init[0, 0]:.4f}, {w_init[1, 0]:.4f}], b = {b_init.item():.4f}")
print(f"initial training accuracy: {start_accuracy:.2f}")

# %%
# The training loop
# -----------------
# Stochastic gradient descent, one point per step: compute the output and the loss for
# that point, clear the old gradients, back-propagate, and move every parameter a little
# against its gradient. One pass over all four points is an *epoch*. We record
#
# - the loss of every step (the loss of the one point that step sees, before the update),
# - the loss of every epoch (the mean of its four step losses),
# - :math:`C\hat{y}` of *all* points after every step, to see who moves, and
# - the weights at the end of every epoch, to draw the boundary as it moves.
lr = 0.1
epochs = 20

with torch.no_grad():
    margins = [(c * model(x)).flatten()]  # C·ŷ of every point, before training
snapshots = [(model.w.detach().clone(), model.b.detach().clone())]

# sphinx_gallery_ee4414_answer_start
step_losses, epoch_losses = [], []
for _epoch in range(epochs):
    epoch_total = 0.0
    for x_i, c_i in zip(x, c, strict=True):  # one point per step
        y_hat = model(x_i)
        loss = hinge_loss(y_hat, c_i)

        model.zero_grad()  # gradients accumulate otherwise (week 2)
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= lr * p.grad  # p <- p - lr * dL/dp

        step_losses.append(loss.item())
        epoch_total += loss.item()
        with torch.no_grad():
            margins.append((c * model(x)).flatten())
    epoch_losses.append(epoch_total / len(x))
    snapshots.append((model.w.detach().clone(), model.b.detach().clone()))
# sphinx_gallery_ee4414_answer_end

margins = torch.stack(margins)  # (steps + 1, 4)
print("loss per epoch:", " ".join(f"{v:.3f}" for v in epoch_losses))

# %%
# Did it work?
# ------------
# After training every point is classified correctly, and in fact every point ends with
# :math:`C\hat{y} \ge 1`, outside the margin. From then on all gradients are zero and the
# weights stop changing: the per-epoch loss is exactly 0.
with torch.no_grad():
    y_hat_all = model(x)
train_accuracy = (ee4414.classify(y_hat_all) == c).float().mean().item()
first_zero = epoch_losses.index(0.0) + 1
print(f"final w = [{model.w[0, 0]:.4f}, {model.w[1, 0]:.4f}], b = {model.b.item():.4f}")
print("C·ŷ per point:", [f"{v:.3f}" for v in (c * y_hat_all).flatten().tolist()])
print(f"loss reached 0 in epoch {first_zero}; final epoch loss {epoch_losses[-1]:.4f}")
print(f"final training accuracy: {train_accuracy:.2f}")
assert train_accuracy == 1.0
assert epoch_losses[-1] == 0.0
assert ee4414.accuracy(y_hat_all, c) == 1.0

# %%
# The loss, per step and per epoch
# --------------------------------
# On the left every step's loss, coloured by the point the step saw; the dotted lines
# separate epochs. On the right the mean per epoch, drawn with :func:`ee4414.plot_losses`.
# The epoch curve falls steadily to zero, the step curve zig-zags on the way there.
point_colours = ["tab:red", "tab:blue", "tab:cyan", "tab:orange"]
steps = torch.arange(1, len(step_losses) + 1)
fig, (ax_step, ax_epoch) = plt.subplots(1, 2, figsize=(11, 4))
ax_step.plot(steps, step_losses, color="gray", linewidth=1)
for i in range(len(x)):
    ax_step.scatter(
        steps[i :: len(x)],
        step_losses[i :: len(x)],
        s=18,
        zorder=3,
        color=point_colours[i],
        label=f"step on point {i}",
    )
for e in range(1, epochs):
    ax_step.axvline(e * len(x) + 0.5, color="gray", linestyle=":", linewidth=0.6)
ax_step.set(xlabel="step (one point each)", ylabel="hinge loss", title="Loss of every step")
ax_step.legend()
ee4414.plot_losses(epoch_losses, ax=ax_epoch, title="Mean loss of every epoch")
fig.tight_layout()

# %%
# Why the per-step loss fluctuates
# --------------------------------
# Each step's loss belongs to *one* point, not to the data set, so consecutive values
# compare different things:
#
# 1. **Different points, different losses.** A point already beyond the margin
#    (:math:`C\hat{y} \ge 1`) contributes exactly 0, a point inside it
#    :math:`1 - C\hat{y}`, up to 2 or more for a badly misclassified one. Stepping through
#    the points in turn, the curve jumps between these values every step.
# 2. **Zero loss means zero gradient.** A step on a satisfied point does nothing, so the
#    boundary only moves on the steps with positive loss. The points do not pull together;
#    each one pulls only while it is inside its margin.
# 3. **A step can undo another.** As derived above, a step that raises one point's
#    :math:`C\hat{y}` lowers it for nearby points of the other class. A point that had
#    reached zero loss can be pushed back inside the margin and show up with a positive
#    loss again one epoch later.
# 4. **Piecewise linear, with a kink.** The loss does not flatten out gradually near its
#    minimum as a squared error would; its slope is -1 right up to the margin and 0 after.
#    Each step is a fixed-size nudge of :math:`\mu C\mathbf{x}`, not one that shrinks as the
#    point gets closer, so the losses do not settle smoothly but drop to zero point by
#    point.
#
# Averaging over an epoch smooths out the first effect, which is why the right-hand curve
# is the one to watch. The plot below shows the third effect: :math:`C\hat{y}` of every
# point after every step. A line that crosses 1 has left the margin; a line that comes
# back below 1 was pushed back in by a step on another point.
fig, ax = plt.subplots(figsize=(10, 4))
for i in range(len(x)):
    ax.plot(
        torch.arange(margins.shape[0]),
        margins[:, i],
        color=point_colours[i],
        label=f"point {i} (C = {int(c[i].item()):+d})",
    )
ax.axhline(1, color="black", linestyle="--", linewidth=1, label="margin, C·ŷ = 1")
ax.axhline(0, color="gray", linestyle=":", linewidth=1, label="boundary, C·ŷ = 0")
ax.set(xlabel="step", ylabel="C·ŷ", title="How far each point is on its correct side")
ax.legend(ncols=2, loc="lower right")

pushed_back = [
    (step, i)
    for step in range(1, margins.shape[0])
    for i in range(len(x))
    if margins[step - 1, i] >= 1 > margins[step, i]
]
print("(step, point) where a point was pushed back inside the margin:", pushed_back)
assert pushed_back, "expected at least one point to be pushed back into the margin"

# %%
# The boundary during training
# ----------------------------
# On the left, the boundary after every epoch, computed with the ``decision_boundary``
# function of W3-1.3 and coloured from early (dark) to late (yellow). The starting weights
# are so small that the initial boundary lies far off the plot; after one epoch it already
# runs between the classes, and later epochs mostly fine-tune it. On the right, the final
# boundary with the edges of its margin, the dashed lines :math:`\hat{y} = \pm 1`
# (that is, :math:`\mathbf{w}^\top\mathbf{x} + (b \mp 1) = 0`).
#
# Much of the training does not turn or shift the line but makes :math:`\mathbf{w}` longer.
# The band :math:`|\hat{y}| < 1` has width :math:`2/\lVert\mathbf{w}\rVert` in the input
# plane: with the tiny starting weights it covers every point, and each step on a point
# inside it lengthens :math:`\mathbf{w}` a little. Training stops as soon as the band has
# narrowed enough to fit between the two classes.


def decision_boundary(x0, w0, w1, b):
    """Return x1 on the line y_hat = 0 for the given x0: x1 = -x0 * w0 / w1 - b / w1."""
    return -x0 * w0 / w1 - b / w1


for k in (0, 1, first_zero):
    w_k = snapshots[k][0]
    print(
        f"after epoch {k:2d}: |w| = {w_k.norm().item():.3f}, "
        f"margin width 2/|w| = {2 / w_k.norm().item():.3f}"
    )

x0_line = torch.linspace(-1.2, 1.6, 2)
epoch_colours = plt.colormaps["viridis"]
fig, (ax_epochs, ax_final) = plt.subplots(1, 2, figsize=(11, 4.5))
for k, (w_k, b_k) in enumerate(snapshots[1 : first_zero + 1], start=1):
    x1_line = decision_boundary(x0_line, w_k[0, 0], w_k[1, 0], b_k[0, 0])
    ax_epochs.plot(x0_line, x1_line, color=epoch_colours(k / first_zero), linewidth=1.5)
ee4414.plot_points(x, c, ax=ax_epochs, legend=False)
colour_scale = plt.cm.ScalarMappable(cmap=epoch_colours, norm=plt.Normalize(1, first_zero))
fig.colorbar(colour_scale, ax=ax_epochs, label="epoch")
ax_epochs.set(
    xlim=(-1.2, 1.6), ylim=(-1.0, 1.8), title=f"Boundary after epochs 1 to {first_zero} (lr = {lr})"
)

w_end, b_end = model.w.detach(), model.b.detach()
ee4414.plot_linear_boundary(
    w_end, b_end, ax=ax_final, x0_range=(-1.2, 1.6), linewidth=2, label="boundary ŷ = 0"
)
ee4414.plot_linear_boundary(
    w_end,
    b_end - 1,
    ax=ax_final,
    x0_range=(-1.2, 1.6),
    linestyle="--",
    linewidth=1,
    label="margin edges ŷ = ±1",
)
ee4414.plot_linear_boundary(
    w_end, b_end + 1, ax=ax_final, x0_range=(-1.2, 1.6), linestyle="--", linewidth=1
)
ee4414.plot_points(x, c, ax=ax_final, legend=False)
for ax in (ax_epochs, ax_final):
    for i in range(len(x)):
        ax.annotate(str(i), x[i].flatten().tolist(), xytext=(6, 6), textcoords="offset points")
ax_final.set(xlim=(-1.2, 1.6), ylim=(-1.0, 1.8), title="Final boundary and margin")
ax_final.legend(loc="upper left")
fig.tight_layout()

# %%
# The library version
# -------------------
# :class:`ee4414.Trainer` runs this loop: ``loss="hinge"`` uses :func:`ee4414.hinge`,
# ``batch_size=1`` takes one point per step in the data set's order, and the returned
# :class:`ee4414.History` holds both ``step_losses`` and the per-epoch ``losses``. Starting
# from the same weights (:class:`ee4414.Linear` draws them in the same order from the same
# seed) it reproduces the hand-written run exactly. ``device="cpu"``: a model this small
# gains nothing from a GPU.
lib_model = ee4414.Linear(2, 1, generator=torch.Generator().manual_seed(4))
torch.testing.assert_close(lib_model.w.detach(), w_init)
trainer = ee4414.Trainer(lib_model, loss="hinge", lr=lr, batch_size=1, device="cpu")
history = trainer.fit(x, c, epochs=epochs)
print(
    f"Trainer: final w = [{lib_model.w[0, 0]:.4f}, {lib_model.w[1, 0]:.4f}], "
    f"b = {lib_model.b.item():.4f}, accuracy {ee4414.accuracy(trainer.predict(x), c):.2f}"
)
torch.testing.assert_close(history.step_losses, step_losses)
torch.testing.assert_close(history.losses, epoch_losses)
torch.testing.assert_close(lib_model.w.detach(), model.w.detach())

fig, ax = plt.subplots(figsize=(6, 4.5))
ee4414.plot_decision_surface(lib_model, x, c, ax=ax, title="Trained with ee4414.Trainer")

# %%
# Try it yourself
# ---------------
#
# - Start from the hand-picked :math:`\mathbf{w} = [1,\ 3]^\top`, :math:`b = 0` instead of
#   random weights. Points 1 and 2 start with a positive loss (the table above), point 2
#   because it is misclassified. Which of them still costs something after the first
#   epoch, and how many epochs until every loss is 0?
# - Try ``lr = 0.01`` and ``lr = 1.0``. How many epochs until the loss is 0, and how wide is
#   the final margin?
# - Visit the points in a new random order each epoch (``ee4414.Trainer(...,
#   shuffle=True, seed=0)``). Does the step curve still show a repeating pattern?
# - Train on more data, ``x, c = ee4414.linearly_separable(n=20, seed=1)``, and compare the
#   step and epoch curves.
#
# A full support vector machine also adds a penalty :math:`\lambda\lVert\mathbf{w}\rVert^2`
# to the loss; that term keeps shrinking :math:`\mathbf{w}`, which widens the margin, until
# it balances the hinge. Without it, as here, training simply stops once every point is
# outside the margin. Further reading: https://scikit-learn.org/stable/modules/svm.html
