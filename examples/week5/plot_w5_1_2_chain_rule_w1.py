r"""
W5-1.2 · The chain rule for the second weight
=============================================

The second weight goes through the same chain as the first: loss, error, output, weight.
Only the last link changes, because :math:`w_1` multiplies a different input. Writing the
gradient this way shows why backpropagation is cheap: the factors near the loss are
computed once and shared by every weight.

**You will learn**

- that :math:`\partial L / \partial w_1 = 2E \cdot 1 \cdot x_1` shares two of its three factors
  with :math:`w_0`;
- that both weights together give the vector form :math:`\partial L / \partial w = 2E\,x`;
- how a finite-difference check behaves, and why the library does it in float64.

**Exercise.** For the week-2 neuron (:math:`w = [0.4, 0.1]^\top`, :math:`b = 1`,
:math:`x = [0.5, 0.4]^\top`, :math:`y = -0.5`), derive :math:`\partial L / \partial w_1`
with the chain rule, code the missing factor, compute the gradient and compare it with
PyTorch's.
"""

# %%
# Forward pass
# ------------
# The same neuron and point as in week 2 and in W5-1.1.
import math

import matplotlib.pyplot as plt
import torch

import ee4414

w = torch.tensor([[0.4], [0.1]], requires_grad=True)  # (2, 1): one weight per feature
b = torch.tensor([[1.0]], requires_grad=True)  # (1, 1): the bias
x = torch.tensor([[0.5], [0.4]])  # (2, 1)
y = torch.tensor([[-0.5]])  # (1, 1)

y_hat = w.T @ x + b
error = y_hat - y
loss = (error**2).sum()
print(f"y_hat = {y_hat.item():.4f}, E = {error.item():.4f}, L = {loss.item():.4f}")

# %%
# Derivation
# ----------
# Swap :math:`w_0` for :math:`w_1` in the chain:
#
# .. math::
#
#    \frac{\partial L}{\partial w_1}
#    = \frac{\partial L}{\partial E} \cdot \frac{\partial E}{\partial \hat{y}}
#      \cdot \frac{\partial \hat{y}}{\partial w_1}
#
# The first two factors, :math:`2E` and :math:`1`, are the ones we already have. In the
# last one, :math:`w_1` appears only in the middle term of
# :math:`\hat{y} = w_0 x_0 + w_1 x_1 + b`.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \frac{\partial \hat{y}}{\partial w_1}
#    = \underbrace{\frac{\partial (w_0 x_0)}{\partial w_1}}_{0}
#      + \frac{\partial (w_1 x_1)}{\partial w_1}
#      + \underbrace{\frac{\partial b}{\partial w_1}}_{0}
#    = x_1
#
# so
#
# .. math::
#
#    \frac{\partial L}{\partial w_1} = 2E \cdot 1 \cdot x_1 = 2 (\hat{y} - y)\, x_1
#    = 2 \times 1.74 \times 0.4 = 1.392
#
# # sphinx_gallery_ee4414_reveal_end


def deriv_loss_over_error(error):
    """dL/dE for L = E**2."""
    return 2 * error


def deriv_error_over_y_hat(y_hat):
    """dE/dy_hat for E = y_hat - y."""
    return torch.ones_like(y_hat)


# sphinx_gallery_ee4414_answer_start
def deriv_y_hat_over_w1(x):
    """dy_hat/dw1 for y_hat = w0*x0 + w1*x1 + b: the second input feature."""
    return x[..., 1:2, :]


dL_dE = deriv_loss_over_error(error.detach())
dE_dyhat = deriv_error_over_y_hat(y_hat.detach())
dyhat_dw1 = deriv_y_hat_over_w1(x)
grad_w1 = dL_dE * dE_dyhat * dyhat_dw1
# sphinx_gallery_ee4414_answer_end
print(f"dL/dw1 = {dL_dE.item():.4f} * {dE_dyhat.item():.4f} * {dyhat_dw1.item():.4f}")
print(f"       = {grad_w1.item():.4f}  (chain rule)")

loss.backward()
print(f"       = {w.grad[1, 0].item():.4f}  (autograd)")
assert math.isclose(grad_w1.item(), 1.392, abs_tol=1e-4)
torch.testing.assert_close(grad_w1.reshape(()), w.grad[1, 0])

# %%
# Both weights at once
# --------------------
# Only the last factor depends on the weight's index, and it is that weight's input. So the
# whole weight gradient is the shared factor :math:`2E` times the input vector:
#
# .. math::
#
#    \frac{\partial L}{\partial w}
#    = \begin{bmatrix} \partial L / \partial w_0 \\ \partial L / \partial w_1 \end{bmatrix}
#    = 2E \begin{bmatrix} x_0 \\ x_1 \end{bmatrix}
#    = 2 \times 1.74 \times \begin{bmatrix} 0.5 \\ 0.4 \end{bmatrix}
#    = \begin{bmatrix} 1.74 \\ 1.392 \end{bmatrix}
#
# The shared factor is computed once however many weights there are; that reuse is what
# makes backpropagation fast in large networks.
grad_w = dL_dE * dE_dyhat * x  # (1, 1) * (1, 1) * (2, 1) -> (2, 1), like w
print("dL/dw (chain rule):", [f"{g:.4f}" for g in grad_w.flatten().tolist()])
print("dL/dw (autograd):  ", [f"{g:.4f}" for g in w.grad.flatten().tolist()])
assert torch.allclose(
    torch.tensor(grad_w.flatten().tolist()), torch.tensor([1.74, 1.392]), atol=1e-4, rtol=0
)
torch.testing.assert_close(grad_w, w.grad)

# %%
# The gradient table
# ------------------
# :func:`ee4414.compare_gradients` puts our numbers beside autograd and a finite
# difference for the same neuron, built with :class:`ee4414.Linear`. We hand it both
# entries of the weight; ``"w[1, 0]"`` is :math:`w_1` (row = input feature, column = neuron).
model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
report = ee4414.compare_gradients(
    {"w[0, 0]": grad_w[0, 0].item(), "w[1, 0]": grad_w1.item()},
    model,
    ee4414.squared_error,
    x,
    y,
)
print(report)
assert report.ok

# %%
# How small should the finite-difference step be?
# -----------------------------------------------
# A finite difference nudges :math:`w_1` by :math:`\pm\epsilon` and measures the change of
# the loss. Too large a step and the curvature leaks in (the one-sided version
# :math:`(L(w_1 + \epsilon) - L(w_1)) / \epsilon` is off by
# :math:`\tfrac{1}{2} \epsilon \, \partial^2 L / \partial w_1^2 = \epsilon x_1^2`); too
# small a step and the two losses agree in nearly every digit, so the subtraction leaves
# mostly rounding noise. The central difference cancels the curvature term, and float64
# pushes the rounding noise down by nine orders of magnitude. That is why
# :func:`ee4414.numerical_gradients` uses central differences in float64.


def loss_of_w1(w1, dtype):
    """The loss as a function of w1 alone, every other number fixed, in a given dtype."""
    w1 = torch.as_tensor(w1, dtype=dtype)
    y_hat = 0.4 * torch.tensor(0.5, dtype=dtype) + w1 * torch.tensor(0.4, dtype=dtype) + 1.0
    return (y_hat - torch.tensor(-0.5, dtype=dtype)) ** 2


steps = torch.logspace(-10, -1, 37, dtype=torch.float64)
exact = 2 * (0.4 * 0.5 + 0.1 * 0.4 + 1.0 - (-0.5)) * 0.4  # 2E * x1 in Python's float64
curves = {}
for name, dtype, central in [
    ("one-sided, float64", torch.float64, False),
    ("central, float32", torch.float32, True),
    ("central, float64", torch.float64, True),
]:
    errors = []
    for eps in steps.tolist():
        if central:
            estimate = (loss_of_w1(0.1 + eps, dtype) - loss_of_w1(0.1 - eps, dtype)) / (2 * eps)
        else:
            estimate = (loss_of_w1(0.1 + eps, dtype) - loss_of_w1(0.1, dtype)) / eps
        errors.append(max(abs(estimate.item() - exact), 1e-17))  # floor for the log axis
    curves[name] = errors

fig, ax = plt.subplots(figsize=(6, 4))
for name, errors in curves.items():
    ax.loglog(steps, errors, marker=".", label=name)
ax.axvline(1e-6, color="gray", linestyle=":", label=r"$\epsilon = 10^{-6}$ (library default)")
ax.set(
    xlabel=r"step $\epsilon$",
    ylabel=r"|finite difference $-$ chain rule|",
    title=r"Finite-difference error for $\partial L/\partial w_1$",
)
ax.legend(fontsize="small")

# %%
# At :math:`\epsilon = 10^{-6}` the float32 estimate is wrong in the first or second
# decimal, while the float64 central difference is good to about ten digits, plenty to
# judge a hand-written gradient.
eps = 1e-6
fd32 = (loss_of_w1(0.1 + eps, torch.float32) - loss_of_w1(0.1 - eps, torch.float32)) / (2 * eps)
fd64 = (loss_of_w1(0.1 + eps, torch.float64) - loss_of_w1(0.1 - eps, torch.float64)) / (2 * eps)
print(f"central difference, eps=1e-6: float32 {fd32.item():.6f}, float64 {fd64.item():.6f}")
assert abs(fd64.item() - exact) < 1e-6

# %%
# Try it yourself
# ---------------
#
# - Predict :math:`\partial L / \partial w_1` for :math:`x = [0.5, -0.4]^\top` before you run
#   it. Which factor flips sign?
# - Make the loss a cube, :math:`L = E^3`. Only one factor changes: which one, and does the
#   central-difference curve still go flat for large steps?
# - Feed a batch of inputs of shape (3, 2, 1) through ``deriv_y_hat_over_w1``. What shape
#   comes out, and how would you combine the three gradients into one?
#
# Further reading: ``torch.autograd.gradcheck``, PyTorch's own finite-difference test,
# https://pytorch.org/docs/stable/generated/torch.autograd.gradcheck.html
