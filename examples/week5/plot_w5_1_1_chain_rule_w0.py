r"""
W5-1.1 · The chain rule for one weight of a linear neuron
=========================================================

In week 2 we differentiated the squared error of the neuron
:math:`\hat{y} = w_0 x_0 + w_1 x_1 + b` in one go. Here we take the same gradient apart:
the loss is a function of the error, the error is a function of the output, and the
output is a function of the weight. The chain rule says the gradient is the product of
those three local slopes, and each slope is small enough to code as a one-line function.
This is backpropagation in its smallest form.

**You will learn**

- to split :math:`\partial L / \partial w_0` into three local derivatives and multiply them;
- that :math:`\partial \hat{y} / \partial w_0 = x_0`: a weight's slope is the input it scales;
- to check a hand-written gradient against autograd and against a finite difference.

**Exercise.** Keep the week-2 neuron (:math:`w = [0.4, 0.1]^\top`, :math:`b = 1`,
input :math:`x = [0.5, 0.4]^\top`, label :math:`y = -0.5`). Work out
:math:`\partial \hat{y} / \partial w_0`, write it as a function, multiply it with the two
loss factors, and confirm that the product matches what PyTorch computes.
"""

# %%
# The neuron and its loss
# -----------------------
# We write the neuron with plain tensors, exactly as in week 2, so the forward pass is
# visible line by line. The error :math:`E = \hat{y} - y` gets its own name because the
# chain rule will stop there on the way back.
import math

import matplotlib.pyplot as plt
import torch

import ee4414

w = torch.tensor([[0.4], [0.1]], requires_grad=True)  # (2, 1): one weight per feature
b = torch.tensor([[1.0]], requires_grad=True)  # (1, 1): the bias
x = torch.tensor([[0.5], [0.4]])  # (2, 1) column vector
y = torch.tensor([[-0.5]])  # (1, 1) label

y_hat = w.T @ x + b  # (1, 2) @ (2, 1) -> (1, 1)
error = y_hat - y
loss = (error**2).sum()  # sum() turns the 1x1 result into the scalar backward() needs
print(f"y_hat = {y_hat.item():.4f}, E = {error.item():.4f}, L = {loss.item():.4f}")
assert math.isclose(y_hat.item(), 1.24, abs_tol=1e-4)
assert math.isclose(loss.item(), 3.0276, abs_tol=1e-4)

# %%
# The chain of three factors
# --------------------------
# Read the loss from the inside out: :math:`w_0` changes :math:`\hat{y}`, which changes
# :math:`E`, which changes :math:`L`. Each arrow contributes one factor.
#
# .. math::
#
#    L = E^2, \qquad E = \hat{y} - y, \qquad \hat{y} = w_0 x_0 + w_1 x_1 + b
#
# .. math::
#
#    \frac{\partial L}{\partial w_0}
#    = \frac{\partial L}{\partial E} \cdot \frac{\partial E}{\partial \hat{y}}
#      \cdot \frac{\partial \hat{y}}{\partial w_0}
#
# The first two factors do not care which weight we ask about:
#
# .. math::
#
#    \frac{\partial L}{\partial E} = 2E, \qquad
#    \frac{\partial E}{\partial \hat{y}} = 1 \quad (y \text{ is a constant}).
#
# The third is the exercise. Only one term of :math:`\hat{y}` contains :math:`w_0`; the
# other two are constants as far as :math:`w_0` is concerned and vanish.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \frac{\partial \hat{y}}{\partial w_0}
#    = \frac{\partial (w_0 x_0)}{\partial w_0}
#      + \underbrace{\frac{\partial (w_1 x_1)}{\partial w_0}
#      + \frac{\partial b}{\partial w_0}}_{0 + 0}
#    = x_0
#
# Put together:
#
# .. math::
#
#    \frac{\partial L}{\partial w_0} = 2E \cdot 1 \cdot x_0 = 2 (\hat{y} - y)\, x_0
#    = 2 \times 1.74 \times 0.5 = 1.74
#
# # sphinx_gallery_ee4414_reveal_end


def deriv_loss_over_error(error):
    """dL/dE for L = E**2."""
    return 2 * error


def deriv_error_over_y_hat(y_hat):
    """dE/dy_hat for E = y_hat - y: the label is a constant, so the slope is 1."""
    return torch.ones_like(y_hat)


# sphinx_gallery_ee4414_answer_start
def deriv_y_hat_over_w0(x):
    """dy_hat/dw0 for y_hat = w0*x0 + w1*x1 + b: the input that w0 multiplies."""
    return x[..., 0:1, :]  # keep the (*, 1, 1) shape so batches work too


# sphinx_gallery_ee4414_answer_end


# %%
# Multiply the factors
# --------------------
# We evaluate the factors at the current point without tracking gradients (``detach``):
# they are plain numbers now, and their product is the gradient.
dL_dE = deriv_loss_over_error(error.detach())
dE_dyhat = deriv_error_over_y_hat(y_hat.detach())
# sphinx_gallery_ee4414_answer_start
dyhat_dw0 = deriv_y_hat_over_w0(x)
grad_w0 = dL_dE * dE_dyhat * dyhat_dw0
# sphinx_gallery_ee4414_answer_end

print(f"dL/dE      = {dL_dE.item():.4f}")
print(f"dE/dy_hat  = {dE_dyhat.item():.4f}")
print(f"dy_hat/dw0 = {dyhat_dw0.item():.4f}")
print(f"dL/dw0     = {grad_w0.item():.4f}  (chain rule)")
assert math.isclose(grad_w0.item(), 1.74, abs_tol=1e-4)

# %%
# Compare with autograd
# ---------------------
# ``loss.backward()`` runs the same chain backwards through the graph PyTorch recorded
# during the forward pass. Its value for :math:`w_0` sits in ``w.grad[0, 0]``.
loss.backward()
print(f"dL/dw0     = {w.grad[0, 0].item():.4f}  (autograd)")
torch.testing.assert_close(grad_w0.reshape(()), w.grad[0, 0])

# %%
# A table from the library: manual, autograd and finite difference
# ----------------------------------------------------------------
# :func:`ee4414.compare_gradients` takes our hand-made numbers, keyed by parameter name
# (an index picks one entry), and sets them beside autograd and a central finite
# difference :math:`(L(w_0 + \epsilon) - L(w_0 - \epsilon)) / 2\epsilon` computed in float64.
# The finite difference knows nothing about calculus, so agreement with it is an
# independent check. The model is the library's :class:`ee4414.Linear` with the same
# numbers; its weight ``w`` has shape (in, out) = (2, 1), so :math:`w_0` is ``"w[0, 0]"``.
model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
report = ee4414.compare_gradients({"w[0, 0]": grad_w0.item()}, model, ee4414.squared_error, x, y)
print(report)
assert report.ok

# %%
# The library's hand derivative of the loss
# -----------------------------------------
# The first two factors together are :math:`\partial L / \partial \hat{y} = 2(\hat{y} - y)`;
# :func:`ee4414.squared_error_derivative` returns exactly that, so a chain can start from it
# instead of from the two separate factors. (For a batch it also divides by the number of
# points, because :func:`ee4414.squared_error` averages over the batch.)
dL_dyhat = ee4414.squared_error_derivative(y_hat.detach(), y)
print(f"dL/dy_hat  = {dL_dyhat.item():.4f}  (= dL/dE * dE/dy_hat)")
torch.testing.assert_close(dL_dyhat, dL_dE * dE_dyhat)

# %%
# What the number means
# ---------------------
# A derivative is the slope of the loss when only :math:`w_0` moves. Below we sweep
# :math:`w_0` with everything else fixed: the loss is a parabola, and the straight line
# with slope 1.74 through the current point touches it there.
w0_grid = torch.linspace(-4.5, 1.5, 200)
loss_grid = (w0_grid * x[0] + w[1, 0].detach() * x[1] + b.detach().squeeze() - y.squeeze()) ** 2
w0_now = w[0, 0].item()
tangent = loss.item() + grad_w0.item() * (w0_grid - w0_now)

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(w0_grid, loss_grid, label=r"$L(w_0)$, other values fixed")
ax.plot(
    w0_grid,
    tangent,
    "--",
    label=rf"tangent, slope $\partial L/\partial w_0$ = {grad_w0.item():.2f}",
)
ax.plot([w0_now], [loss.item()], "o", color="black", label=rf"$w_0$ = {w0_now:.1f}")
w0_best = ((y - w[1, 0].detach() * x[1] - b.detach()) / x[0]).item()  # where y_hat = y
ax.plot(
    [w0_best], [0.0], "v", color="C2", label=rf"minimum: $\hat{{y}} = y$ at $w_0$ = {w0_best:.2f}"
)
ax.set(xlabel=r"$w_0$", ylabel="loss $L$", title="The gradient is the slope along one weight")
ax.set_ylim(-0.5, 6)
ax.legend()

# %%
# The slope is positive, so making :math:`w_0` a little smaller lowers the loss: that is
# the direction SGD steps in. The bottom of the parabola is where :math:`\hat{y} = y` and
# the factor :math:`2E` becomes zero.

# %%
# Try it yourself
# ---------------
#
# - Change ``x`` to ``[[0.0], [0.4]]``. Which factor becomes zero, and why does
#   :math:`w_0` then get no gradient at all?
# - Write ``deriv_y_hat_over_w0`` for a batch: stack three inputs to shape (3, 2, 1) and
#   check that the function returns shape (3, 1, 1).
# - Flip the loss to :math:`(y - \hat{y})^2`, as week 2 wrote it. Which factor changes
#   sign, and why does the gradient stay the same?
#
# Further reading: the autograd tutorial,
# https://pytorch.org/tutorials/beginner/blitz/autograd_tutorial.html
