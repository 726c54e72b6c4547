"""
W3-1.3 · The decision boundary
==============================

The sign rule of W3-1.2 splits the input plane in two: points where
:math:`\\hat{y} > 0` and points where :math:`\\hat{y} \\le 0`. The border between the two
regions, where :math:`\\hat{y} = 0` exactly, is the *decision boundary*. For a linear
model it is a straight line, and solving one linear equation gives it. Drawing it shows at
a glance which points the model puts in which class.

**You will learn**

- to derive the boundary :math:`x_1 = -x_0 \\frac{w_0}{w_1} - \\frac{b}{w_1}` from
  :math:`\\hat{y} = 0`;
- to code it as a function and plot it with the two points of W3-1.1 on either side;
- what :math:`\\mathbf{w}` and :math:`b` do to the line (direction and offset), and the
  library's :func:`ee4414.plot_linear_boundary` and :func:`ee4414.plot_decision_surface`.

**Exercise.** For the model :math:`\\hat{y} = x_0 w_0 + x_1 w_1 + b` with
:math:`\\mathbf{w} = [1,\\ 3]^\\top` and :math:`b = 0`, find the equation of the line
:math:`\\hat{y} = 0` with :math:`x_1` as the subject, in terms of :math:`x_0`,
:math:`w_0`, :math:`w_1` and :math:`b` (on paper). Then write it as a Python function and
plot it, :math:`x_0` on the horizontal axis and :math:`x_1` on the vertical one.
"""

# %%
# Imports
# -------
import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# Derive the boundary
# -------------------
# Start from the definition of the boundary, :math:`\hat{y} = 0`, write the output in
# terms of its elements, and make :math:`x_1` the subject: move everything else to the
# right-hand side, then divide by :math:`w_1` (which must not be zero).
#
# .. math::
#
#    \begin{aligned}
#    \hat{y} &= 0
#        && \text{the boundary} \\
#    w_0 x_0 + w_1 x_1 + b &= 0
#        && \text{write out } \hat{y} \\
#    w_1 x_1 &= -w_0 x_0 - b
#        && \text{subtract } w_0 x_0 + b \text{ on both sides} \\
#    x_1 &= -x_0 \frac{w_0}{w_1} - \frac{b}{w_1}
#        && \text{divide by } w_1 \ne 0
#    \end{aligned}
#
# The boundary is the straight line with slope :math:`-w_0/w_1` and intercept
# :math:`-b/w_1` on the :math:`x_1` axis. For :math:`\mathbf{w} = [1,\ 3]^\top`,
# :math:`b = 0` that is :math:`x_1 = -x_0/3`: a line through the origin, falling by one
# third for every unit step in :math:`x_0`.

# %%
# The boundary as a function
# --------------------------
# The last line of the derivation, term for term. It works on numbers and, because it only
# uses arithmetic, on whole tensors of :math:`x_0` values at once.


# sphinx_gallery_ee4414_answer_start
def decision_boundary(x0, w0, w1, b):
    """Return x1 on the line y_hat = 0 for the given x0: x1 = -x0 * w0 / w1 - b / w1."""
    return -x0 * w0 / w1 - b / w1


# sphinx_gallery_ee4414_answer_end


w0, w1, b = 1.0, 3.0, 0.0
print(f"boundary: x1 = -x0 * w0/w1 - b/w1 = -x0 * {w0 / w1:.4f} - {b / w1:.4f}")

x0_line = torch.linspace(-1.5, 1.5, 61)
x1_line = decision_boundary(x0_line, w0, w1, b)

# %%
# Check that the line really is ŷ = 0
# -----------------------------------
# Feed points of the line back into the model: every output should be zero, up to
# float32 rounding.
y_hat_on_line = w0 * x0_line + w1 * x1_line + b
print(f"largest |ŷ| on the line: {y_hat_on_line.abs().max().item():.2e}")
torch.testing.assert_close(y_hat_on_line, torch.zeros_like(y_hat_on_line))

# %%
# Which side is which?
# --------------------
# A point lies *above* the line when its :math:`x_1` exceeds the line's height at its
# :math:`x_0`. Since :math:`w_1 = 3 > 0`, above the line means :math:`\hat{y} > 0`,
# class 1. (If :math:`w_1` were negative, dividing by it would flip the inequality and
# class 1 would lie below.)
points = torch.tensor([[1.0, 0.5], [0.1, -0.3]])  # x^(0) and x^(1), one per row
labels = [1, -1]
for i, (p0, p1) in enumerate(points.tolist()):
    height = decision_boundary(p0, w0, w1, b)
    side = "above" if p1 > height else "below"
    print(f"x^({i}) = [{p0:g}, {p1:g}]: line at x1 = {height:+.4f}, {side} -> class {labels[i]:+d}")
assert points[0, 1] > decision_boundary(points[0, 0], w0, w1, b)  # x^(0) above
assert points[1, 1] < decision_boundary(points[1, 0], w0, w1, b)  # x^(1) below

# %%
# Plot the boundary with the two points
# -------------------------------------
# The line splits the plane into the two class regions, shaded here. The weight vector
# :math:`\mathbf{w}` is drawn from the origin: it is perpendicular to the boundary and
# points into the class-1 side, because moving along :math:`\mathbf{w}` is the fastest
# way to increase :math:`\hat{y}`. Equal axis scales keep that right angle visible.

# sphinx_gallery_ee4414_answer_start
fig, ax = plt.subplots(figsize=(6, 5))
ax.plot(x0_line, x1_line, color="black", label=r"boundary $x_1 = -x_0/3$")
# sphinx_gallery_ee4414_answer_end
ax.fill_between(x0_line, x1_line, 1.5, color="tab:red", alpha=0.15, label="ŷ > 0: class 1")
ax.fill_between(x0_line, -1.5, x1_line, color="tab:blue", alpha=0.15, label="ŷ ≤ 0: class -1")
ax.scatter(*points[0], s=80, marker="o", color="tab:red", zorder=3, label="$x^{(0)}$, C = 1")
ax.scatter(*points[1], s=80, marker="s", color="tab:blue", zorder=3, label="$x^{(1)}$, C = -1")
ax.annotate(
    "",
    xy=(w0 / 4, w1 / 4),
    xytext=(0, 0),
    arrowprops={"arrowstyle": "->", "color": "tab:green", "lw": 2},
)
ax.text(w0 / 4 + 0.05, w1 / 4, "w", color="tab:green", fontsize=12)
ax.set(
    xlim=(-1.5, 1.5),
    ylim=(-1.5, 1.5),
    xlabel="$x_0$",
    ylabel="$x_1$",
    title="Decision boundary of w = [1, 3], b = 0",
)
ax.set_aspect("equal")
ax.legend(loc="lower left", fontsize=8)

# %%
# What the parameters do
# ----------------------
# Only the *ratio* :math:`w_0 / w_1` sets the slope, so scaling :math:`\mathbf{w}` and
# :math:`b` together by any positive number leaves the line where it is (the outputs grow,
# the classes do not change). The bias shifts the line without turning it. The three
# lines below keep :math:`\mathbf{w} = [1,\ 3]^\top` and vary :math:`b`; the intercept
# moves by :math:`-b/w_1`. When :math:`w_1 = 0` the formula divides by zero: the boundary
# is then the vertical line :math:`x_0 = -b/w_0`, which cannot be written with
# :math:`x_1` as the subject.
fig, ax = plt.subplots(figsize=(6, 4))
for b_try in (-1.0, 0.0, 1.0):
    ax.plot(x0_line, decision_boundary(x0_line, w0, w1, b_try), label=f"b = {b_try:+.0f}")
ax.scatter(points[:, 0], points[:, 1], color="black", zorder=3, label="the two points")
ax.set(xlabel="$x_0$", ylabel="$x_1$", title="The bias shifts the boundary: w = [1, 3]")
ax.legend()

# %%
# The library version
# -------------------
# :func:`ee4414.plot_linear_boundary` draws the same line from a weight column and a bias.
# :func:`ee4414.plot_decision_surface` goes further: it colours the plane by the model's
# output :math:`\hat{y}`, draws the :math:`\hat{y} = 0` contour and the labelled points
# (:func:`ee4414.plot_points`). It works for any model, so week 4 uses it for networks
# whose boundary is no longer straight.
model = ee4414.Linear(2, 1, w=[1, 3], b=0.0)
x = points.reshape(2, 2, 1)  # a batch of columns, (n, 2, 1)
c = torch.tensor(labels, dtype=torch.float32).reshape(2, 1, 1)

fig, (ax_line, ax_surface) = plt.subplots(1, 2, figsize=(11, 4.5))
ee4414.plot_linear_boundary(model.w, model.b, ax=ax_line, x0_range=(-1.5, 1.5), color="black")
ee4414.plot_points(x, c, ax=ax_line)
ax_line.set(xlim=(-1.5, 1.5), ylim=(-1.5, 1.5), title="plot_linear_boundary + plot_points")
ee4414.plot_decision_surface(
    model, x, c, ax=ax_surface, limits=(-1.5, 1.5, -1.5, 1.5), title="plot_decision_surface"
)

# %%
# Try it yourself
# ---------------
#
# - Use :math:`\mathbf{w} = [2,\ 6]^\top`, :math:`b = 0`: why is the line unchanged, and
#   what happened to the outputs of the two points?
# - Find weights and a bias whose boundary puts *both* points in class 1.
# - Try :math:`\mathbf{w} = [1,\ -3]^\top`. The line is the mirror image, but which side is
#   class 1 now?
# - Write the boundary for :math:`w_1 = 0` and plot it with :meth:`matplotlib.axes.Axes.axvline`.
