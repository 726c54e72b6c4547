r"""
W2-Eg2 · Derive the gradient of the loss by hand
================================================

Autograd gave us a number for :math:`\partial\mathcal{L}/\partial w_0` in W2-1.4. Here we
derive the same number with pencil and paper, to see where it comes from and to get a formula
we can trust (and test) without PyTorch. The method is the definition of a partial
derivative: write the loss in terms of every quantity it depends on, then differentiate
with respect to one of them while holding all the others fixed.

**You will learn**

- to expand :math:`\mathcal{L} = (\hat{y} - y)^2` in terms of
  :math:`w_0, w_1, b, x_0, x_1, y`;
- to take a partial derivative by treating every other symbol as a constant;
- to check a hand-derived gradient against autograd and against a finite difference.

**Exercise.** For :math:`\hat{y} = w_0 x_0 + w_1 x_1 + b` and
:math:`\mathcal{L} = (\hat{y} - y)^2`, derive
:math:`\partial\mathcal{L}/\partial w_0` in terms of :math:`\mathbf{x}`, as the first entry
of :math:`\partial\mathcal{L}/\partial\mathbf{w} = [\partial\mathcal{L}/\partial w_0,\;
\partial\mathcal{L}/\partial w_1]^\top`.
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# Step 1: write the loss in the basic quantities
# ----------------------------------------------
# Square the difference, then replace :math:`\hat{y}` by the model:
#
# .. math::
#
#    \mathcal{L} = (\hat{y} - y)^2 = \hat{y}^2 - 2 y \hat{y} + y^2,
#    \qquad \hat{y} = w_0 x_0 + w_1 x_1 + b .
#
# The square of a sum of three terms is the three squares plus twice every pair:
#
# .. math::
#
#    \begin{aligned}
#    \hat{y}^2 &= b^2 + w_0^2 x_0^2 + w_1^2 x_1^2
#                + 2 w_0 x_0 b + 2 w_1 x_1 b + 2 w_0 x_0 w_1 x_1 , \\
#    2 y \hat{y} &= 2 y w_0 x_0 + 2 y w_1 x_1 + 2 y b .
#    \end{aligned}
#
# Put together, the loss is a sum of ten simple terms:
#
# .. math::
#
#    \begin{aligned}
#    \mathcal{L} = {} & w_0^2 x_0^2 + w_1^2 x_1^2 + b^2
#                  + 2 w_0 x_0 w_1 x_1 + 2 w_0 x_0 b \\
#                  & + 2 w_1 x_1 b - 2 y w_0 x_0 - 2 y w_1 x_1 - 2 y b + y^2 .
#    \end{aligned}
#
# Before differentiating, we check numerically that the expansion is the same function
# as the compact form, at the course's values.

w0, w1, b = 0.4, 0.1, 1.0
x0, x1 = 0.5, 0.4
y = -0.5

y_hat = w0 * x0 + w1 * x1 + b
loss_compact = (y_hat - y) ** 2
loss_expanded = (
    w0**2 * x0**2
    + w1**2 * x1**2
    + b**2
    + 2 * w0 * x0 * w1 * x1
    + 2 * w0 * x0 * b
    + 2 * w1 * x1 * b
    - 2 * y * w0 * x0
    - 2 * y * w1 * x1
    - 2 * y * b
    + y**2
)
print(f"compact L = {loss_compact:.4f}, expanded L = {loss_expanded:.4f}")
assert abs(loss_compact - loss_expanded) < 1e-12

# %%
# Step 2: differentiate with respect to :math:`w_0` only
# ------------------------------------------------------
# A partial derivative asks how :math:`\mathcal{L}` changes when :math:`w_0` alone moves.
# So :math:`w_1, b, x_0, x_1, y` are constants, and every term without :math:`w_0` has
# derivative zero. Four of the ten terms contain :math:`w_0`: differentiate each of them,
# add the pieces, and then look for a common factor.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \begin{aligned}
#    \partial_{w_0}\bigl(w_0^2 x_0^2\bigr) &= 2 w_0 x_0^2, &
#    \partial_{w_0}\bigl(2 w_0 x_0 w_1 x_1\bigr) &= 2 x_0 w_1 x_1, \\
#    \partial_{w_0}\bigl(2 w_0 x_0 b\bigr) &= 2 x_0 b, &
#    \partial_{w_0}\bigl(-2 y w_0 x_0\bigr) &= -2 x_0 y,
#    \end{aligned}
#
# where :math:`\partial_{w_0}` is short for :math:`\partial / \partial w_0`. Adding the
# four pieces:
#
# .. math::
#
#    \frac{\partial \mathcal{L}}{\partial w_0}
#    = 2 w_0 x_0^2 + 2 x_0 w_1 x_1 + 2 x_0 b - 2 x_0 y .
#
# Step 3: factor out :math:`2 x_0`
# --------------------------------
# What remains in the bracket is the model's output minus the label:
#
# .. math::
#
#    \frac{\partial \mathcal{L}}{\partial w_0}
#    = 2 x_0 \,(w_0 x_0 + w_1 x_1 + b - y)
#    = 2 x_0 \,(\hat{y} - y) .
#
# It reads well: the gradient is large when the miss :math:`\hat{y} - y` is large, and when
# the input :math:`x_0` that :math:`w_0` multiplies is large. If :math:`x_0 = 0`, changing
# :math:`w_0` cannot affect the output, and the gradient is zero. The same steps for
# :math:`w_1` and :math:`b` give :math:`2 x_1 (\hat{y} - y)` (W2-Ex2) and
# :math:`2 (\hat{y} - y)`.
#
# # sphinx_gallery_ee4414_reveal_end
#
# Both the term-by-term result of step 2 and the factored form of step 3 go into code:

# sphinx_gallery_ee4414_answer_start
grad_w0_terms = 2 * w0 * x0**2 + 2 * x0 * w1 * x1 + 2 * x0 * b - 2 * x0 * y
grad_w0 = 2 * x0 * (y_hat - y)
# sphinx_gallery_ee4414_answer_end
print(f"dL/dw0 = {grad_w0:.4f}   (term by term: {grad_w0_terms:.4f})")
assert math.isclose(grad_w0, 1.74, abs_tol=1e-4)
assert abs(grad_w0 - grad_w0_terms) < 1e-12

# %%
# Check 1: autograd
# -----------------
# The same model in PyTorch: ``w`` and ``b`` learnable, ``x`` data, one ``backward()``.
# The first entry of ``w.grad`` is :math:`\partial\mathcal{L}/\partial w_0`.

x = torch.tensor([[x0], [x1]])
w = torch.tensor([[w0], [w1]], requires_grad=True)
b_t = torch.tensor(b, requires_grad=True)
loss = ((w.T @ x + b_t - y) ** 2).squeeze()
loss.backward()
print(f"autograd: dL/dw0 = {w.grad[0, 0].item():.4f}")
assert math.isclose(w.grad[0, 0].item(), 1.74, abs_tol=1e-4)
assert abs(w.grad[0, 0].item() - grad_w0) < 1e-6

# %%
# Check 2: a finite difference
# ----------------------------
# A derivative is the slope of a curve, so nudging :math:`w_0` up and down by a small
# :math:`h` and dividing the change in loss by :math:`2h` must give nearly the same number
# (in float64 the central difference is accurate to about :math:`h^2`).


def loss_at(w0_value):
    return (w0_value * x0 + w1 * x1 + b - y) ** 2


h = 1e-6
slope = (loss_at(w0 + h) - loss_at(w0 - h)) / (2 * h)
print(f"finite difference: dL/dw0 = {slope:.4f}")
assert abs(slope - grad_w0) < 1e-6

# %%
# Check 3: the picture
# --------------------
# As a function of :math:`w_0` alone the loss is a parabola. The derivative we found is
# the slope of its tangent at :math:`w_0 = 0.4`. The tangent rises to the right, so
# gradient descent moves :math:`w_0` to the left, towards the bottom of the parabola.

w0_grid = torch.linspace(-4.0, 2.0, 200, dtype=torch.float64)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(w0_grid, loss_at(w0_grid), label=r"$\mathcal{L}(w_0)$, other symbols fixed")
ax.plot(
    w0_grid,
    loss_compact + grad_w0 * (w0_grid - w0),
    "--",
    label=rf"tangent, slope $2x_0(\hat y - y) = {grad_w0:.2f}$",
)
ax.plot([w0], [loss_compact], "o", color="black", label=r"$w_0 = 0.4$")
ax.set(xlabel=r"$w_0$", ylabel=r"loss $\mathcal{L}$", title=r"The loss as a function of $w_0$")
ax.set_ylim(-1.0, 10.0)
ax.legend()

# %%
# In the library
# --------------
# The factor :math:`2(\hat{y} - y)` is :math:`\partial\mathcal{L}/\partial\hat{y}`, the
# derivative of the loss with respect to the model's output. The library keeps it beside
# the loss, as :func:`ee4414.squared_error_derivative`; multiplying by :math:`x_0` gives
# our gradient. Week 5 shows this is the chain rule at work.

y_hat_t = torch.tensor([[y_hat]])
dL_dyhat = ee4414.squared_error_derivative(y_hat_t, torch.tensor([[y]]))
print(f"ee4414.squared_error_derivative: dL/dy_hat = {dL_dyhat.item():.4f}")
print(f"times x0: dL/dw0 = {(dL_dyhat * x0).item():.4f}")
assert abs((dL_dyhat * x0).item() - grad_w0) < 1e-6

# %%
# Try it yourself
# ---------------
#
# - Derive :math:`\partial\mathcal{L}/\partial b` the same way and check it against
#   ``b_t.grad`` (3.48).
# - Skip the expansion: use the chain rule,
#   :math:`\partial\mathcal{L}/\partial w_0 = \partial\mathcal{L}/\partial\hat{y}
#   \cdot \partial\hat{y}/\partial w_0`. Which route is less work?
# - Derive the gradient of the absolute error :math:`|\hat{y} - y|` and compare it with
#   autograd at the same point.
