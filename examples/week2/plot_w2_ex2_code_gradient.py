r"""
W2-Ex2 · Code the gradient and compare it with autograd
=======================================================

W2-Eg2 derived :math:`\partial\mathcal{L}/\partial w_0` by hand. The derivation for
:math:`w_1` runs the same way, and a formula is only worth trusting once it has been
checked. Here we turn the hand-derived gradient into a function and compare it with what
autograd computes: the habit that week 5's backpropagation by hand rests on.

**You will learn**

- to turn a derived gradient into code;
- to compare it with autograd, entry by entry;
- to read a gradient-check table from :func:`ee4414.compare_gradients`.

**Exercise.** Derive :math:`\partial\mathcal{L}/\partial w_1` for
:math:`\hat{y} = w_0 x_0 + w_1 x_1 + b` and :math:`\mathcal{L} = (\hat{y} - y)^2`, write a
function that computes it, and compare its value with the gradient autograd gave in W2-1.4.
"""

import math

import torch

import ee4414

# %%
# The formula
# -----------
# Treat :math:`w_0, b, x_0, x_1, y` as constants. Of the expanded loss of W2-Eg2 only the
# terms with :math:`w_1` survive differentiation.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \frac{\partial \mathcal{L}}{\partial w_1}
#    = 2 w_1 x_1^2 + 2 x_1 w_0 x_0 + 2 x_1 b - 2 x_1 y
#    = 2 x_1 \,(w_0 x_0 + w_1 x_1 + b - y)
#    = 2 x_1 \,(\hat{y} - y) .
#
# It is the :math:`w_0` result with the index changed from 0 to 1, as the symmetry of
# :math:`\hat{y}` in its two terms says it must be.
#
# # sphinx_gallery_ee4414_reveal_end

# %%
# The student's code
# ------------------
# The function takes the parameters, the input and the label and returns one number. The
# model and loss are those of W2-1.2 and W2-1.3, taken from the library:
# :class:`ee4414.Linear` and :func:`ee4414.squared_error`.


# sphinx_gallery_ee4414_answer_start
def grad_w1(w, b, x, y):
    """The hand-derived dL/dw1 of L = (y_hat - y)**2, for w and x of shape (2, 1)."""
    y_hat = w[0, 0] * x[0, 0] + w[1, 0] * x[1, 0] + b
    return 2 * x[1, 0] * (y_hat - y)


# sphinx_gallery_ee4414_answer_end


x = torch.tensor([[0.5], [0.4]])
y = -0.5

# %%
# Compare with autograd
# ---------------------
# The hand formula only reads the parameter values, so we evaluate it under
# :class:`torch.no_grad`. Autograd's answer is the second entry of ``model.w.grad``.

model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
model.zero_grad()
ee4414.squared_error(model(x), y).backward()

# sphinx_gallery_ee4414_answer_start
with torch.no_grad():
    manual = grad_w1(model.w, model.b[0, 0], x, y)  # the 1×1 bias as a number

autograd = model.w.grad[1, 0]
# sphinx_gallery_ee4414_answer_end
print(f"by hand:  dL/dw1 = 2 x1 (y_hat - y) = {manual.item():.4f}")
print(f"autograd: dL/dw1 = {autograd.item():.4f}")

assert math.isclose(manual.item(), 1.392, abs_tol=1e-4)
assert math.isclose(autograd.item(), 1.392, abs_tol=1e-4)
torch.testing.assert_close(manual, autograd)

# %%
# Compare with the previous part
# ------------------------------
# Both weight gradients share the factor :math:`2(\hat{y} - y) = 3.48` and differ only in
# the input they multiply: :math:`2 \cdot 0.5 \cdot 1.74 = 1.74` for :math:`w_0` and
# :math:`2 \cdot 0.4 \cdot 1.74 = 1.392` for :math:`w_1`. Their ratio is :math:`x_1/x_0 = 0.8`.
# The weight on the larger input gets the larger share of the correction; stacked, the
# two give :math:`\partial\mathcal{L}/\partial\mathbf{w} = 2(\hat{y} - y)\,\mathbf{x}`.

grad_w0 = model.w.grad[0, 0]
print(f"dL/dw1 / dL/dw0 = {(autograd / grad_w0).item():.4f} = x1 / x0 = {x[1, 0] / x[0, 0]:.4f}")
torch.testing.assert_close(autograd / grad_w0, x[1, 0] / x[0, 0])

# %%
# A gradient-check table with the library
# ---------------------------------------
# :func:`ee4414.compare_gradients` takes our hand-made values, keyed by parameter name
# (with an index to pick one entry), and sets them beside autograd's gradient and a
# finite-difference estimate, for an :class:`ee4414.Linear` and a loss. We hand it
# ``w[1, 0]`` from our function, and for good measure the whole gradient
# :math:`2(\hat{y} - y)\,\mathbf{x}` and :math:`\partial\mathcal{L}/\partial b = 2(\hat{y} - y)`,
# computed with :func:`ee4414.squared_error_derivative`.

neuron = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
y_t = torch.tensor([[y]])  # the label as a 1×1 tensor, the shape of the model's output
with torch.no_grad():
    dL_dyhat = ee4414.squared_error_derivative(neuron(x), y_t)  # 2 (y_hat - y), (1, 1)
    manual_grads = {
        "w[1, 0]": grad_w1(neuron.w, neuron.b[0, 0], x, y),
        "w": dL_dyhat * x,
        "b": dL_dyhat,
    }

report = ee4414.compare_gradients(manual_grads, neuron, ee4414.squared_error, x, y_t)
print(report)
assert report.ok

# %%
# Try it yourself
# ---------------
#
# - Put a mistake in ``grad_w1`` (drop the factor 2, or use ``x[0, 0]``) and look at the
#   table again: which column gives it away?
# - Write your own ``grad_b(w, b, x, y)`` and put its value under the key ``"b"``.
# - Change the input to :math:`\mathbf{x} = [0, 0.4]^\top`. Which gradient becomes zero,
#   and what does that mean for training :math:`w_0` on this point?
