r"""
W5-1.4.1 · Backpropagation through a sigmoid
============================================

Swap the ReLU of W5-1.4 for the sigmoid :math:`\sigma(\hat{y}) = 1 / (1 + e^{-\hat{y}})`
and only one factor of the chain changes: the activation's slope. Unlike the ReLU's 0/1
switch, this slope is never zero, but it is never larger than 0.25 either. We derive it
step by step, arrive at the compact form :math:`\sigma' = \sigma(1 - \sigma)`, and check
the resulting weight gradients against autograd and a finite difference.

**You will learn**

- to differentiate :math:`\sigma` with the chain rule, through the helper
  :math:`u = 1 + e^{-\hat{y}}`;
- the algebra that turns the result into :math:`\sigma(\hat{y})\,(1 - \sigma(\hat{y}))`;
- why the sigmoid has no dead inputs, yet shrinks every gradient that passes through it.

**Exercise (optional in the course).** The prediction is now
:math:`z = \sigma(\hat{y})` with :math:`\hat{y} = w^\top x + b`, the error
:math:`E = z - y` and the loss :math:`L = E^2`. Derive :math:`\partial L / \partial w_0`,
write the sigmoid's derivative as a function, and compare the gradient with PyTorch's.
"""

# %%
# The sigmoid neuron
# ------------------
# Same neuron and point as before (:math:`w = [0.4, 0.1]^\top`, :math:`b = 1`,
# :math:`x = [0.5, 0.4]^\top`, :math:`y = -0.5`); the sigmoid squeezes
# :math:`\hat{y} = 1.24` into :math:`(0, 1)`.
import math

import matplotlib.pyplot as plt
import torch

import ee4414

w = torch.tensor([[0.4], [0.1]], requires_grad=True)  # (2, 1): one weight per feature
b = torch.tensor([[1.0]], requires_grad=True)  # (1, 1): the bias
x = torch.tensor([[0.5], [0.4]])  # (2, 1)
y = torch.tensor([[-0.5]])  # (1, 1)


def sigmoid(y_hat):
    """1 / (1 + exp(-y_hat)), element-wise."""
    return 1 / (1 + torch.exp(-y_hat))


y_hat = w.T @ x + b
z = sigmoid(y_hat)
error = z - y
loss = (error**2).sum()
print(
    f"y_hat = {y_hat.item():.4f}, z = {z.item():.4f}, E = {error.item():.4f}, L = {loss.item():.4f}"
)
assert math.isclose(z.item(), 0.7756, abs_tol=1e-4)

# %%
# The chain for a weight
# ----------------------
# The structure is that of the ReLU neuron; only the third factor is new:
#
# .. math::
#
#    \frac{\partial L}{\partial w_0}
#    = \underbrace{\frac{\partial L}{\partial E}}_{2E}
#      \cdot \underbrace{\frac{\partial E}{\partial z}}_{1}
#      \cdot \frac{\partial z}{\partial \hat{y}}
#      \cdot \underbrace{\frac{\partial \hat{y}}{\partial w_0}}_{x_0}
#
# Step 1: a chain inside the chain
# --------------------------------
# :math:`z` is "one over something", and the something depends on :math:`\hat{y}`. Name
# it :math:`u`:
#
# .. math::
#
#    z = \frac{1}{u} = u^{-1}, \qquad u = 1 + e^{-\hat{y}}, \qquad
#    \frac{dz}{d\hat{y}} = \frac{dz}{du} \cdot \frac{du}{d\hat{y}}
#
# The power rule gives the outer factor, and the inner one is the derivative of
# :math:`e^{-\hat{y}}` (itself a chain: :math:`e^{v}` with :math:`v = -\hat{y}`, so
# :math:`e^{-\hat{y}} \cdot (-1)`):
#
# .. math::
#
#    \frac{dz}{du} = -u^{-2} = -\frac{1}{(1 + e^{-\hat{y}})^2}, \qquad
#    \frac{du}{d\hat{y}} = 0 + e^{-\hat{y}} \cdot (-1) = -e^{-\hat{y}}
#
# The two minus signs cancel:
#
# .. math::
#
#    \frac{dz}{d\hat{y}} = \left(-\frac{1}{u^{2}}\right) \cdot \left(-e^{-\hat{y}}\right)
#    = \frac{e^{-\hat{y}}}{(1 + e^{-\hat{y}})^2}
#
# We code each factor as it stands, to check the pieces before the algebra.


def deriv_sigmoid_over_u(u):
    """dz/du for z = 1/u."""
    return -(u**-2)


def deriv_u_over_y_hat(y_hat):
    """du/dy_hat for u = 1 + exp(-y_hat)."""
    return -torch.exp(-y_hat)


y_now = y_hat.detach()
u = 1 + torch.exp(-y_now)
slope_from_u = deriv_sigmoid_over_u(u) * deriv_u_over_y_hat(y_now)
print(
    f"u = {u.item():.4f}, dz/du = {deriv_sigmoid_over_u(u).item():.4f}, "
    f"du/dy_hat = {deriv_u_over_y_hat(y_now).item():.4f}"
)
print(f"dz/dy_hat = {slope_from_u.item():.4f}  (product of the two factors)")

# %%
# Step 2: the algebra to sigma times (1 - sigma)
# ----------------------------------------------
# The numerator :math:`e^{-\hat{y}}` is :math:`u - 1`. Substitute, split the fraction, and
# pull out :math:`1/u`, which *is* :math:`\sigma(\hat{y})`.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \frac{dz}{d\hat{y}}
#    = \frac{u - 1}{u^2}
#    = \frac{u}{u^2} - \frac{1}{u^2}
#    = \frac{1}{u} - \left(\frac{1}{u}\right)^2
#    = \frac{1}{u}\left(1 - \frac{1}{u}\right)
#    = \sigma(\hat{y})\,\bigl(1 - \sigma(\hat{y})\bigr)
#
# The result needs no exponential of its own: the forward pass already computed
# :math:`\sigma(\hat{y})`, and the backward pass reuses it. Here
# :math:`0.7756 \times (1 - 0.7756) = 0.1741`.
#
# # sphinx_gallery_ee4414_reveal_end


# sphinx_gallery_ee4414_answer_start
def deriv_sigmoid(y_hat):
    """dz/dy_hat for z = sigmoid(y_hat): sigmoid * (1 - sigmoid)."""
    s = sigmoid(y_hat)
    return s * (1 - s)


# sphinx_gallery_ee4414_answer_end


slope = deriv_sigmoid(y_now)
print(f"dz/dy_hat = {slope.item():.4f}  (sigma * (1 - sigma))")
torch.testing.assert_close(slope, slope_from_u)
assert math.isclose(slope.item(), 0.1741, abs_tol=1e-4)

# %%
# The two forms agree at one point; a stronger check runs them over many points against
# autograd's derivative of :func:`torch.sigmoid` and against the library's
# :func:`ee4414.sigmoid_derivative`.
grid = torch.linspace(-8, 8, 161, requires_grad=True)
(auto_slope,) = torch.autograd.grad(torch.sigmoid(grid).sum(), grid)
grid = grid.detach()
u_grid = 1 + torch.exp(-grid)
torch.testing.assert_close(deriv_sigmoid(grid), auto_slope)
torch.testing.assert_close(deriv_sigmoid_over_u(u_grid) * deriv_u_over_y_hat(grid), auto_slope)
torch.testing.assert_close(ee4414.sigmoid_derivative(grid), auto_slope)
print(f"all three forms match autograd on {grid.numel()} points in [-8, 8]")

# %%
# Gradients of the sigmoid neuron
# -------------------------------
# Back to the weights. The upstream part :math:`2E \cdot 1 \cdot \sigma'(\hat{y})` is shared;
# each parameter multiplies it by its own input (1 for the bias).
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \frac{\partial L}{\partial w_0} = 2E \cdot 1 \cdot \sigma(\hat{y})(1 - \sigma(\hat{y}))
#    \cdot x_0 = 2 \times 1.2756 \times 0.1741 \times 0.5 \approx 0.2220
#
# # sphinx_gallery_ee4414_reveal_end


def deriv_loss_over_error(error):
    """dL/dE for L = E**2."""
    return 2 * error


def deriv_error_over_z(z):
    """dE/dz for E = z - y."""
    return torch.ones_like(z)


# sphinx_gallery_ee4414_answer_start
upstream = deriv_loss_over_error(error.detach()) * deriv_error_over_z(z.detach()) * slope
grad_w0 = upstream * x[..., 0:1, :]
# sphinx_gallery_ee4414_answer_end
grad_w1 = upstream * x[..., 1:2, :]
grad_b = upstream * torch.ones_like(y_now)
print(f"dL/dw0 = {grad_w0.item():.4f}, dL/dw1 = {grad_w1.item():.4f}, dL/db = {grad_b.item():.4f}")

loss.backward()
torch.testing.assert_close(torch.cat([grad_w0, grad_w1]), w.grad)
torch.testing.assert_close(grad_b, b.grad)
assert torch.allclose(
    torch.tensor([g.item() for g in (grad_w0, grad_w1, grad_b)]),
    torch.tensor([0.2220, 0.1776, 0.4441]),
    atol=1e-4,
    rtol=0,
)

# %%
# Compared with the ReLU neuron on the same point (1.7400, 1.3920, 3.4800), every gradient
# is smaller: the sigmoid's slope 0.1741 replaces the ReLU's 1, and its output 0.7756 makes
# a smaller error. The library's table confirms the numbers; the module wraps an
# :class:`ee4414.Linear` and applies :func:`ee4414.sigmoid`.


class ActivatedNeuron(torch.nn.Module):
    """One linear neuron followed by an element-wise activation: z = f(w.T @ x + b)."""

    def __init__(self, w, b, activation):
        super().__init__()
        self.linear = ee4414.Linear(2, 1, w=w, b=b)
        self.activation = activation

    def forward(self, x):
        return self.activation(self.linear(x))


model = ActivatedNeuron([0.4, 0.1], 1.0, ee4414.sigmoid)
report = ee4414.compare_gradients(
    {"linear.w[0, 0]": grad_w0.item(), "linear.w[1, 0]": grad_w1.item(), "linear.b": grad_b.item()},
    model,
    ee4414.squared_error,
    x,
    y,
)
print(report)
assert report.ok

# %%
# No dead inputs, but saturation
# ------------------------------
# The input :math:`x = [-3, -2]^\top` killed the ReLU neuron in W5-1.4
# (:math:`\hat{y} = -0.4`). Through a sigmoid it still gets a gradient. Far out on either
# side, though, the slope :math:`\sigma(1 - \sigma)` decays like :math:`e^{-|\hat{y}|}`: the
# neuron is *saturated* and learns very slowly.
x_far = torch.tensor([[-3.0], [-2.0]])
y_hat_far = w.detach().T @ x_far + b.detach()
z_far = sigmoid(y_hat_far)
upstream_far = (
    deriv_loss_over_error(z_far - y) * deriv_error_over_z(z_far) * deriv_sigmoid(y_hat_far)
)
grad_w0_far = upstream_far * x_far[..., 0:1, :]
print(
    f"x = [-3, -2]: y_hat = {y_hat_far.item():.4f}, "
    f"sigma' = {deriv_sigmoid(y_hat_far).item():.4f}, "
    f"dL/dw0 = {grad_w0_far.item():.4f} (non-zero)"
)
assert grad_w0_far.item() != 0.0
report_far = ee4414.compare_gradients(
    {"linear.w[0, 0]": grad_w0_far.item()}, model, ee4414.squared_error, x_far, y
)
assert report_far.ok

for value in [0.0, 2.0, 5.0, 10.0]:
    print(f"sigma'({value:4.1f}) = {deriv_sigmoid(torch.tensor(value)).item():.6f}")

# %%
# Picture: the sigmoid and its slope
# ----------------------------------
# The slope peaks at :math:`\hat{y} = 0`, where :math:`\sigma = 0.5` and
# :math:`\sigma' = 0.5 \times 0.5 = 0.25`, and is symmetric around it. So each sigmoid a
# gradient passes through multiplies it by at most 0.25; in a deep stack of sigmoids the
# gradients of the first layers shrink fast (the "vanishing gradient").
y_grid = torch.linspace(-8, 8, 401)
sig_slope = ee4414.sigmoid_derivative(y_grid)
peak = int(torch.argmax(sig_slope))
print(f"max sigma' = {sig_slope[peak].item():.4f} at y_hat = {y_grid[peak].item():.4f}")
assert math.isclose(sig_slope[peak].item(), 0.25, abs_tol=1e-4)
assert abs(y_grid[peak].item()) < 1e-6

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(y_grid, ee4414.sigmoid(y_grid), label=r"$\sigma(\hat{y})$")
ax.plot(y_grid, sig_slope, label=r"$\sigma'(\hat{y}) = \sigma(1 - \sigma)$")
ax.axhline(0.25, color="gray", linestyle=":", linewidth=1)
ax.annotate("max 0.25 at 0", xy=(0, 0.25), xytext=(1.5, 0.35), arrowprops={"arrowstyle": "->"})
ax.plot([y_now.item()], [slope.item()], "o", color="C1")
ax.annotate(
    rf"$\hat{{y}}$ = {y_now.item():.2f}: $\sigma'$ = {slope.item():.4f}",
    xy=(y_now.item(), slope.item()),
    xytext=(2.5, 0.12),
    arrowprops={"arrowstyle": "->"},
)
ax.set(xlabel=r"$\hat{y}$", ylabel="value", title="The sigmoid and its derivative")
ax.legend(loc="upper left")

# %%
# Try it yourself
# ---------------
#
# - Derive :math:`\tanh' = 1 - \tanh^2` the same way (hint:
#   :math:`\tanh(\hat{y}) = 2\sigma(2\hat{y}) - 1`) and check it against
#   :func:`ee4414.tanh_derivative`. What is its largest value?
# - Compute ``sigmoid`` at :math:`\hat{y} = -100` with the formula above. Does
#   ``torch.exp(100.0)`` overflow in float32, and does :func:`torch.sigmoid` do better?
# - Stack three sigmoid neurons one after another and multiply their slopes at
#   :math:`\hat{y} = 0`. How small can the gradient of the first weight be, at best?
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.sigmoid.html
