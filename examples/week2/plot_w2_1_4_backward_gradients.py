r"""
W2-1.4 · Gradients with loss.backward(), and why zero_grad
==========================================================

To make the loss smaller we need to know which way to move each parameter, and how
strongly the loss reacts to it: the gradient. Autograd computes it for us from the record
of operations it kept while we evaluated the loss. This example reads those gradients, checks
their shapes, and shows the one trap every PyTorch user falls into once: gradients add up.

**You will learn**

- the gradient-descent update rule and where the gradients in it come from;
- to compute the gradients with ``loss.backward()`` and read them from ``.grad``;
- that ``.grad`` has the shape of its parameter;
- why ``zero_grad()`` comes before every ``backward()``.

**Exercise.** For the neuron and data point of W2-1.3, call ``loss.backward()`` and print
``model.w.grad`` and ``model.b.grad`` with their shapes.
"""

import math

import torch

import ee4414

# %%
# Model, data and loss from W2-1.2 and W2-1.3
# -------------------------------------------
# Both are taught by now, so we take the library's tested versions:
# :class:`ee4414.Linear` with the course's weights, and :func:`ee4414.squared_error`.


def column(t):
    """Format a column tensor as [a, b] with four decimals."""
    return "[" + ", ".join(f"{v:.4f}" for v in t.flatten().tolist()) + "]"


x = torch.tensor([[0.5], [0.4]])
y = -0.5

# %%
# The update we are preparing for
# -------------------------------
# Gradient descent moves every parameter a small step against its gradient, with a step
# size :math:`\mu` called the learning rate:
#
# .. math::
#
#    \mathbf{w} \leftarrow \mathbf{w} - \mu \frac{\partial \mathcal{L}}{\partial \mathbf{w}},
#    \qquad
#    b \leftarrow b - \mu \frac{\partial \mathcal{L}}{\partial b},
#
# where the weight gradient is a 2×1 column, like :math:`\mathbf{w}`, and the bias gradient
# is a single number, like :math:`b`. The gradient points uphill, towards larger loss,
# hence the minus sign. This example computes the two gradients; W2-1.5 takes the step.

# %%
# Backward
# --------
# ``loss.backward()`` walks the recorded operations from the loss back to every tensor
# that requires a gradient, applying the chain rule at each step, and stores
# :math:`\partial \mathcal{L} / \partial \theta` in ``theta.grad``. We clear old gradients
# first (see below why).

model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
y_hat = model(x)  # forward: autograd records each operation
loss = ee4414.squared_error(y_hat, y)

# sphinx_gallery_ee4414_answer_start
model.zero_grad()
loss.backward()

print(f"dL/dw = {column(model.w.grad)}, shape {tuple(model.w.grad.shape)}")
print(f"dL/db = {model.b.grad.item():.4f}, shape {tuple(model.b.grad.shape)}")
# sphinx_gallery_ee4414_answer_end

# %%
# Each gradient has the shape of the parameter it belongs to: a 2×1 column for ``w`` and a
# 1×1 matrix for the library's ``b``. W2-1.2's hand-written neuron stored a 0-d tensor for
# ``b`` (a tensor with no dimensions at all, shape ``()``, that holds a single number), and
# its gradient was 0-d too. That is what makes ``w - mu * w.grad`` work element by element.
# The input ``x`` did not ask for a gradient, so autograd computed none for it.

print(f"x.grad = {x.grad}")

assert torch.allclose(model.w.grad, torch.tensor([[1.74], [1.392]]), atol=1e-4, rtol=0)
assert tuple(model.w.grad.shape) == (2, 1)
assert math.isclose(model.b.grad.item(), 3.48, abs_tol=1e-4)
assert tuple(model.b.grad.shape) == (1, 1)
assert x.grad is None

# %%
# Where the numbers come from
# ---------------------------
# W2-Eg2 derives the formulas by hand. In short, with the error
# :math:`\hat{y} - y = 1.74`:
#
# .. math::
#
#    \frac{\partial \mathcal{L}}{\partial \mathbf{w}} = 2(\hat{y} - y)\,\mathbf{x}
#    = 3.48 \begin{bmatrix} 0.5 \\ 0.4 \end{bmatrix}
#    = \begin{bmatrix} 1.74 \\ 1.392 \end{bmatrix},
#    \qquad
#    \frac{\partial \mathcal{L}}{\partial b} = 2(\hat{y} - y) = 3.48 .

error = (y_hat - y).detach()
torch.testing.assert_close(model.w.grad, 2 * error * x)
torch.testing.assert_close(model.b.grad, 2 * error)

# %%
# Why zero_grad: gradients accumulate
# -----------------------------------
# ``backward()`` does not overwrite ``.grad``; it adds to whatever is already there. Run
# the forward pass and ``backward()`` twice on a fresh model without clearing, and the
# gradients come out doubled. (The forward pass has to be repeated because ``backward()``
# frees the record it walked, to save memory.)

model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
for _ in range(2):
    ee4414.squared_error(model(x), y).backward()

print("backward twice, no zero_grad:")
print(f"  dL/dw = {column(model.w.grad)}")
print(f"  dL/db = {model.b.grad.item():.4f}")

assert torch.allclose(model.w.grad, torch.tensor([[3.48], [2.784]]), atol=1e-4, rtol=0)
assert math.isclose(model.b.grad.item(), 6.96, abs_tol=1e-4)

# %%
# Clearing resets ``.grad`` (PyTorch sets it to ``None``), and the next ``backward()``
# gives the true gradient again.

model.zero_grad()
print(f"after zero_grad: w.grad = {model.w.grad}")

ee4414.squared_error(model(x), y).backward()
print(f"backward once more: dL/dw = {column(model.w.grad)}")
torch.testing.assert_close(model.w.grad, 2 * error * x)

# %%
# Adding up is deliberate: when a loss is a sum of parts that are computed separately (for
# example a large batch processed in pieces), each part's ``backward()`` adds its share,
# and the total gradient appears in ``.grad``. In a training loop where every step computes
# a new, complete loss, though, the old gradient must be cleared first; otherwise each step
# uses the sum of all previous gradients and the updates grow out of control.

# %%
# A 0-d bias
# ----------
# The same backward pass on W2-1.1's loose tensors, whose bias is a 0-d tensor: the numbers
# are the same, and the bias gradient takes the bias's shape, ``()``.

w_loose = torch.tensor([[0.4], [0.1]], requires_grad=True)
b_loose = torch.tensor(1.0, requires_grad=True)  # 0-d
ee4414.squared_error(w_loose.T @ x + b_loose, y).backward()
print(f"0-d bias: dL/dw = {column(w_loose.grad)}")
print(f"0-d bias: dL/db = {b_loose.grad.item():.4f}, shape {tuple(b_loose.grad.shape)}")
torch.testing.assert_close(w_loose.grad, 2 * error * x)
assert tuple(b_loose.grad.shape) == ()

# %%
# Try it yourself
# ---------------
#
# - Call ``loss.backward()`` a second time on the *same* ``loss`` object. Read the error
#   message, then try ``loss.backward(retain_graph=True)``.
# - Give ``x`` ``requires_grad=True`` and print ``x.grad``. Check that it equals
#   :math:`2(\hat{y} - y)\,\mathbf{w}`.
# - Run the accumulation loop three times instead of two: what factor do you expect?
#
# Further reading: https://pytorch.org/tutorials/beginner/blitz/autograd_tutorial.html
