r"""
W2-1.3 · Measure the error: the squared-error loss
==================================================

A prediction is only useful next to the right answer. For the input of W2-1.1 the label
is :math:`y = -0.5`, and the neuron says :math:`\hat{y} = 1.24`. The loss turns that
mismatch into a single number that training will push down.

**You will learn**

- to write the squared-error loss :math:`\mathcal{L} = (\hat{y} - y)^2` as a function;
- why a loss is always one real number (a scalar), and what goes wrong when it is not;
- that :class:`torch.nn.MSELoss` and :func:`ee4414.squared_error` compute the same thing.

**Exercise.** The input :math:`\mathbf{x} = [0.5, 0.4]^\top` has the label
:math:`y = -0.5`. Write a function that returns the squared error between the label and
the model's output, and evaluate it for the neuron of W2-1.2.
"""

import math

import torch

import ee4414

# %%
# The model from W2-1.2
# ---------------------
# W2-1.2 wrote this neuron as a module; from here on we take the library's tested copy,
# :class:`ee4414.Linear`, with the same weights. Its bias is a 1×1 matrix rather than a
# single number, which changes none of the results.

model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
x = torch.tensor([[0.5], [0.4]])
y = -0.5  # the label: the answer we want the neuron to give for this x

# %%
# The loss function
# -----------------
# Squaring the difference makes every miss count as positive and punishes large misses
# much more than small ones:
#
# .. math::
#
#    \mathcal{L} = (\hat{y} - y)^2 .
#
# The course also writes it as :math:`(y - \hat{y})^2`, with the arguments in the other
# order; the square makes the two identical. We put the prediction first, as
# :class:`torch.nn.MSELoss` and the ee4414 library do.


# sphinx_gallery_ee4414_answer_start
def squared_error(y_hat, y):
    """The squared error (y_hat - y)**2 between the model's output and the label."""
    return (y_hat - y) ** 2


y_hat = model(x)  # 1.24, as in W2-1.2
loss = squared_error(y_hat, y)
# sphinx_gallery_ee4414_answer_end
print(loss)
print(f"L = {loss.item():.4f}")

# %%
# By hand: :math:`\hat{y} - y = 1.24 - (-0.5) = 1.74` and :math:`1.74^2 = 3.0276`.

assert math.isclose(y_hat.item(), 1.24, abs_tol=1e-4)
assert math.isclose(loss.item(), 3.0276, abs_tol=1e-4)

# %%
# Why the loss is a scalar
# ------------------------
# Training needs to know whether a change to the weights made things better or worse, and
# "better" only has a meaning when there is one number to compare: there is no single
# order on vectors. Gradient descent therefore minimises one real number, and autograd is
# built around that case. ``loss.backward()`` without arguments computes
# :math:`\partial \mathcal{L} / \partial \theta` for every parameter :math:`\theta`, which
# only makes sense when :math:`\mathcal{L}` has one element. Our loss is a 1×1 tensor: one
# element, so it qualifies, and ``.item()`` reads it as a Python float.
#
# With two data points, the per-point errors form a vector. Calling ``backward()`` on it
# fails; averaging first gives the scalar that training uses.

x_two = torch.tensor([[[0.5], [0.4]], [[1.0], [-1.0]]])  # two inputs, shape (2, 2, 1)
y_two = torch.tensor([[[-0.5]], [[0.3]]])  # their labels, shape (2, 1, 1)
per_point = squared_error(model(x_two), y_two)
print(f"per-point losses have shape {tuple(per_point.shape)}")

try:
    per_point.backward()
except RuntimeError as err:
    print(f"RuntimeError: {err}")

mean_loss = per_point.mean()
print(f"their mean has shape {tuple(mean_loss.shape)}: {mean_loss.item():.4f}")

# %%
# PyTorch's loss and the library's
# ---------------------------------
# :class:`torch.nn.MSELoss` averages :math:`(\hat{y} - y)^2` over all elements; with one
# element that is our loss. It wants the label as a tensor of the same shape.
# :func:`ee4414.squared_error` is the loss we use from now on: for one point and one output
# it is exactly :math:`(\hat{y} - y)^2`, and it accepts the label as a plain number.

mse = torch.nn.MSELoss()
loss_torch = mse(y_hat, torch.tensor([[y]]))
loss_lib = ee4414.squared_error(y_hat, y)
print(f"torch.nn.MSELoss:     L = {loss_torch.item():.4f}")
print(f"ee4414.squared_error: L = {loss_lib.item():.4f}")

torch.testing.assert_close(loss_torch, loss.squeeze())
torch.testing.assert_close(loss_lib.reshape(()), loss.squeeze())

# %%
# Try it yourself
# ---------------
#
# - Plot :math:`\mathcal{L}` against :math:`\hat{y}` for :math:`\hat{y} \in [-3, 3]`. Where is
#   the minimum, and what does the curve look like around it?
# - Replace the square with an absolute value, :math:`|\hat{y} - y|`. Which of the two
#   punishes a miss of 2 more than two misses of 1?
# - Change the label to ``y = 1.24``. What is the loss, and what will the gradients be?
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.nn.MSELoss.html
