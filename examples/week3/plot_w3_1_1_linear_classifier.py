"""
W3-1.1 · A linear classifier
============================

Week 2 fitted a single linear neuron to one target number. This week the same neuron
becomes a *classifier*: its output :math:`\\hat{y}` is no longer compared with a target
value, only its sign matters. Before we can classify anything we need the raw outputs, so
this first step builds the model with fixed weights and evaluates it on two points.

**You will learn**

- how to write a linear model :math:`\\hat{y} = \\mathbf{w}^\\top \\mathbf{x} + b` as a
  :class:`torch.nn.Module` whose weights are :class:`torch.nn.Parameter` objects;
- how to evaluate it on several inputs, one at a time and as a batch;
- how to read :math:`\\hat{y}` geometrically: a projection of :math:`\\mathbf{x}` onto
  :math:`\\mathbf{w}`, constant along lines perpendicular to :math:`\\mathbf{w}`.

**Exercise.** Write a linear model with weights :math:`\\mathbf{w} = [1,\\ 3]^\\top` and
bias :math:`b = 0` as an ``nn.Module`` (as in week 2), and compute its outputs for the two
inputs :math:`\\mathbf{x}^{(0)} = [1,\\ 0.5]^\\top` and
:math:`\\mathbf{x}^{(1)} = [0.1,\\ -0.3]^\\top`.
"""

# %%
# Imports
# -------
# Only PyTorch and matplotlib for the student's version; ``ee4414`` appears at the end.
import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The model
# ---------
# A linear model with two inputs multiplies each input by its weight, adds the products
# and adds a bias. Written with column vectors that is one matrix product:
#
# .. math::
#
#    \hat{y}^{(i)} = \mathbf{w}^\top \mathbf{x}^{(i)} + b
#                  = w_0 x^{(i)}_0 + w_1 x^{(i)}_1 + b,
#    \qquad \mathbf{w} \in \mathbb{R}^{2 \times 1},\ b \in \mathbb{R}.
#
# The weights live in :class:`torch.nn.Parameter` objects so that PyTorch tracks them and
# ``model.parameters()`` finds them later, when we train (W3-1.4). The weights are fixed
# here; the bias is stored as a 1×1 matrix so that every shape stays a column.


# sphinx_gallery_ee4414_answer_start
class Linear(torch.nn.Module):
    """The linear model y_hat = w.T @ x + b with w = [1, 3] and b = 0."""

    def __init__(self):
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor([[1.0], [3.0]]))  # shape (2, 1)
        self.b = torch.nn.Parameter(torch.tensor([[0.0]]))  # shape (1, 1)

    def forward(self, x):
        # (1, 2) @ (2, 1) -> (1, 1), plus the (1, 1) bias
        return self.w.T @ x + self.b


model = Linear()
# sphinx_gallery_ee4414_answer_end
print(model.w.shape, model.b.shape)

# %%
# The two inputs
# --------------
# Each input is a column vector of shape (2, 1), just like ``w``.

# sphinx_gallery_ee4414_answer_start
inputs = [
    torch.tensor([[1.0], [0.5]]),  # x^(0)
    torch.tensor([[0.1], [-0.3]]),  # x^(1)
]
# sphinx_gallery_ee4414_answer_end

# %%
# Evaluate the model point by point
# ---------------------------------
# Calling ``model(x)`` runs ``forward``. The result is a 1×1 tensor; ``.item()`` turns it
# into a Python number for printing. The tensor also carries a ``grad_fn`` because it was
# computed from parameters that require gradients: PyTorch remembers how to differentiate
# it, which we will need once we train.

# sphinx_gallery_ee4414_answer_start
outputs = []
for i, x in enumerate(inputs):
    y_hat = model(x)
    outputs.append(y_hat)
    grad_fn = type(y_hat.grad_fn).__name__
    print(f"ŷ^({i}) = {y_hat.item():.4f}   shape {tuple(y_hat.shape)}   grad_fn {grad_fn}")
# sphinx_gallery_ee4414_answer_end

assert math.isclose(outputs[0].item(), 2.5, abs_tol=1e-4)
assert math.isclose(outputs[1].item(), -0.8, abs_tol=1e-4)

# %%
# Check by hand
# -------------
# Two multiplications and an addition per point confirm the printed values:
#
# .. math::
#
#    \hat{y}^{(0)} &= 1 \cdot 1 + 3 \cdot 0.5 + 0 = 2.5, \\
#    \hat{y}^{(1)} &= 1 \cdot 0.1 + 3 \cdot (-0.3) + 0 = 0.1 - 0.9 = -0.8.
#
# One output is positive and the other negative. That difference in sign is what W3-1.2
# turns into two classes.

# %%
# All points at once
# ------------------
# A Python loop is clear but slow for many points. Stacking the inputs along a new first
# dimension gives a batch of shape (2, 2, 1). The product ``w.T @ x`` then broadcasts the
# (1, 2) row over the batch and returns one (1, 1) output per point: shape (2, 1, 1).
x_batch = torch.stack(inputs)  # (2, 2, 1)
with torch.no_grad():  # no gradients needed just to look at outputs
    y_batch = model(x_batch)
print(f"batch input {tuple(x_batch.shape)} -> output {tuple(y_batch.shape)}")
print("outputs:", [f"{v:.4f}" for v in y_batch.flatten().tolist()])
torch.testing.assert_close(y_batch.flatten(), torch.tensor([2.5, -0.8]))

# %%
# What does ŷ measure?
# --------------------
# With :math:`b = 0`, :math:`\hat{y} = \mathbf{w}^\top\mathbf{x}
# = \lVert\mathbf{w}\rVert\,\lVert\mathbf{x}\rVert\cos\theta`: the length of the
# projection of :math:`\mathbf{x}` onto the direction of :math:`\mathbf{w}`, scaled by
# :math:`\lVert\mathbf{w}\rVert = \sqrt{10}`. Every point on a line perpendicular to
# :math:`\mathbf{w}` has the same projection, hence the same output. The plot draws a few
# of these level lines together with our two points: :math:`\mathbf{x}^{(0)}` lies well
# along :math:`\mathbf{w}`, :math:`\mathbf{x}^{(1)}` lies against it.
grid = torch.linspace(-1.5, 1.5, 121)
g0, g1 = torch.meshgrid(grid, grid, indexing="xy")
w0, w1 = model.w.detach().flatten().tolist()
level = w0 * g0 + w1 * g1 + model.b.item()  # ŷ over the whole plane

fig, ax = plt.subplots(figsize=(6, 5))
contours = ax.contour(
    g0.numpy(), g1.numpy(), level.numpy(), levels=[-3, -2, -1, 1, 2, 3], cmap="coolwarm"
)
ax.clabel(contours, fmt="ŷ=%g", fontsize=8)
zero = ax.contour(
    g0.numpy(), g1.numpy(), level.numpy(), levels=[0], colors="black", linestyles="--"
)
ax.clabel(zero, fmt="ŷ=%g", fontsize=8)
ax.annotate(
    "",
    xy=(w0 / 4, w1 / 4),
    xytext=(0, 0),
    arrowprops={"arrowstyle": "->", "color": "tab:green", "lw": 2},
)
ax.text(-0.9, 0.62, "direction of w", color="tab:green")
for i, (x, y_hat) in enumerate(zip(inputs, outputs, strict=True)):
    x0, x1 = x.flatten().tolist()
    ax.scatter(x0, x1, s=60, color="black", zorder=3)
    ax.annotate(
        f"$x^{{({i})}}$: ŷ = {y_hat.item():.2f}",
        (x0, x1),
        xytext=(-20, -18),
        textcoords="offset points",
        bbox={"boxstyle": "round", "fc": "white", "alpha": 0.8},
    )
ax.set(xlabel="$x_0$", ylabel="$x_1$", title="Level lines of ŷ = wᵀx + b for w = [1, 3], b = 0")
ax.set_aspect("equal")

# %%
# The library version
# -------------------
# From now on the course uses :class:`ee4414.Linear`, which is the class above with the
# weights as arguments: ``w=[1, 3]`` is read as the column (2, 1) and ``b=0.0`` as (1, 1).
# It also checks its input and gives a readable error for a wrong shape.
lib_model = ee4414.Linear(2, 1, w=[1, 3], b=0.0)
with torch.no_grad():
    lib_out = lib_model(x_batch)
print("ee4414.Linear:", [f"{v:.4f}" for v in lib_out.flatten().tolist()])
torch.testing.assert_close(lib_out, y_batch)

try:
    lib_model(torch.tensor([1.0, 0.5]))  # a flat vector instead of a column
except ValueError as err:
    print("ValueError:", err)

# %%
# Try it yourself
# ---------------
#
# - Set ``b = 1`` and recompute both outputs. Which level line now passes through the
#   origin?
# - Find an input :math:`\mathbf{x}` with :math:`\hat{y} = 0` other than the origin
#   (hint: move perpendicular to :math:`\mathbf{w}`). W3-1.3 finds all of them.
# - Add a third input, stack the three into shape (3, 2, 1) and evaluate the batch.
# - Replace ``self.w.T @ x`` by ``torch.sum(self.w * x, dim=-2, keepdim=True)`` and check
#   that the outputs agree.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.nn.Module.html and
# https://pytorch.org/docs/stable/generated/torch.nn.parameter.Parameter.html
