r"""
W2-1.1 · A linear model from three tensors
==========================================

Supervised learning needs three ingredients: a model with parameters we can tune, a
number that says how far its prediction is from the known answer, and a rule that tunes
the parameters to make that number smaller. This week all three are as small as they can
be. The model is a single linear neuron with two inputs; here we build it from plain
tensors and evaluate it once.

**You will learn**

- to write :math:`\hat{y} = \mathbf{w}^\top \mathbf{x} + b` with column vectors and ``@``;
- why the weights and bias are created with ``requires_grad=True`` and the input is not;
- to read the shape of the result, and what ``grad_fn`` on it means.

**Exercise.** With :math:`w_0 = 0.4`, :math:`w_1 = 0.1`, :math:`b = 1` and an input
:math:`x_0 = 0.5`, :math:`x_1 = 0.4`, create :math:`\mathbf{w}` and :math:`\mathbf{x}` as
2×1 column vectors and :math:`b` as a number, all with :func:`torch.tensor`, and compute the
model's output :math:`\hat{y}`.
"""

import math

import torch

import ee4414

# %%
# The model in one line of maths
# ------------------------------
# A linear neuron multiplies each input feature by its own weight, adds the products and
# shifts the sum by a bias. Stacking the weights and the inputs into column vectors turns
# the sum into a single matrix product:
#
# .. math::
#
#    \hat{y} = \mathbf{w}^\top \mathbf{x} + b
#            = w_0 x_0 + w_1 x_1 + b,
#    \qquad
#    \mathbf{w} = \begin{bmatrix} w_0 \\ w_1 \end{bmatrix},\;
#    \mathbf{x} = \begin{bmatrix} x_0 \\ x_1 \end{bmatrix} \in \mathbb{R}^{2 \times 1}.
#
# Each weight says how much its feature counts; the bias is the output when every input
# is zero.

# %%
# Parameters and data are different kinds of tensor
# -------------------------------------------------
# ``w`` and ``b`` are what training will change, so we ask autograd to track them
# (``requires_grad=True``): later we need :math:`\partial \mathcal{L} / \partial \mathbf{w}`
# and :math:`\partial \mathcal{L} / \partial b`. The input ``x`` is a measurement from the
# dataset. Nobody will ever update it, so a gradient for it would be wasted work, and we
# leave ``requires_grad`` at its default, ``False``. The bias is one number, so it is a
# 0-d tensor (shape ``()``), as in the course.

# sphinx_gallery_ee4414_answer_start
x = torch.tensor([[0.5], [0.4]])  # data: fixed, no gradient wanted

w = torch.tensor([[0.4], [0.1]], requires_grad=True)  # learnable
b = torch.tensor(1.0, requires_grad=True)  # learnable, a 0-d tensor
# sphinx_gallery_ee4414_answer_end

for name, t in [("w", w), ("b", b), ("x", x)]:
    print(f"{name}: {ee4414.describe(t)}")

# %%
# Evaluate the model
# ------------------
# ``w.T`` is 1×2 and ``x`` is 2×1, so ``w.T @ x`` is a 1×1 matrix. Adding the 0-d bias
# broadcasts it onto that single entry, so the output keeps the shape ``(1, 1)``.

# sphinx_gallery_ee4414_answer_start
y_hat = w.T @ x + b
# sphinx_gallery_ee4414_answer_end

print(y_hat)
print(f"shape of y_hat: {tuple(y_hat.shape)}")
print(f"y_hat = {y_hat.item():.4f}")

# %%
# The printout ends with ``grad_fn=<AddBackward0>``: ``y_hat`` was computed from tensors
# that require gradients, so autograd remembered the last operation (an addition) and,
# through it, the whole chain back to ``w`` and ``b``. That record is what
# ``loss.backward()`` will walk in W2-1.4. A tensor built only from data, such as ``2 * x``,
# has no ``grad_fn``.

print(f"y_hat.grad_fn: {y_hat.grad_fn.name()}")
print(f"(2 * x).grad_fn: {(2 * x).grad_fn}")

# %%
# Check against the arithmetic
# ----------------------------
# By hand: :math:`0.4 \cdot 0.5 + 0.1 \cdot 0.4 + 1 = 0.2 + 0.04 + 1 = 1.24`. Writing the sum
# out element by element must agree with the matrix form.

y_hat_sum = w[0, 0] * x[0, 0] + w[1, 0] * x[1, 0] + b
print(f"element by element: {y_hat_sum.item():.4f}")

assert math.isclose(y_hat.item(), 1.24, abs_tol=1e-4)
assert tuple(y_hat.shape) == (1, 1)
torch.testing.assert_close(y_hat_sum, y_hat.squeeze())

# %%
# The same neuron from the library
# --------------------------------
# From W2-1.2 on we wrap the model in a module. The library's :class:`ee4414.Linear` is
# that module, ready made: it reads ``w=[0.4, 0.1]`` as a 2×1 column and ``b=1.0`` as a
# 1×1 bias, and computes the same :math:`\mathbf{w}^\top \mathbf{x} + b`.

neuron = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
y_hat_lib = neuron(x)
print(f"ee4414.Linear: y_hat = {y_hat_lib.item():.4f}, shape {tuple(y_hat_lib.shape)}")
assert math.isclose(y_hat_lib.item(), 1.24, abs_tol=1e-4)

# %%
# Try it yourself
# ---------------
#
# - Create ``x`` with ``requires_grad=True`` as well. What changes in the printout, and
#   what would it cost if ``x`` were a batch of a million images?
# - Replace ``w.T @ x`` with ``x.T @ w``. Is the result the same? Why?
# - Make ``b`` a 1×1 tensor (``torch.tensor([[1.0]])``) and check that ``y_hat`` keeps
#   its shape.
# - Feed a batch of three inputs of shape ``(3, 2, 1)`` to ``neuron``: what shape comes out?
#
# Further reading: the ``torch.tensor`` and autograd pages of the PyTorch documentation,
# https://pytorch.org/docs/stable/generated/torch.tensor.html and
# https://pytorch.org/docs/stable/notes/autograd.html
