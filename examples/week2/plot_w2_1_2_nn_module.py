r"""
W2-1.2 · The linear model as a torch.nn.Module
==============================================

Loose tensors work for one neuron, but a network has many of them, and training code
needs one handle on all its parameters. PyTorch's answer is :class:`torch.nn.Module`: a
class that owns its parameters and says, in ``forward``, how they turn an input into an
output. We rebuild W2-1.1's neuron this way and check that nothing about the answer changes.

**You will learn**

- the two methods every module defines: ``__init__`` (create the parameters) and
  ``forward`` (compute the output);
- what :class:`torch.nn.Parameter` adds to a plain tensor;
- why you call ``model(x)`` rather than ``model.forward(x)``.

**Exercise.** Write a class ``Linear`` that derives from :class:`torch.nn.Module`, stores
:math:`\mathbf{w} = [0.4, 0.1]^\top` and :math:`b = 1` as :class:`torch.nn.Parameter`
objects, and returns :math:`\mathbf{w}^\top \mathbf{x} + b` from ``forward``. Check that it
gives the same :math:`\hat{y}` as before for :math:`\mathbf{x} = [0.5, 0.4]^\top`.
"""

import math

import torch

import ee4414

# %%
# Write the module
# ----------------
# ``__init__`` must first call ``super().__init__()``, which sets up the bookkeeping that
# lets the module find its parameters. Wrapping a tensor in :class:`torch.nn.Parameter`
# does two things: it switches ``requires_grad`` on, and, once assigned to an attribute,
# it registers the tensor as a parameter of the module, so that ``model.parameters()`` and
# ``model.zero_grad()`` reach it. ``forward`` holds the maths from W2-1.1 and nothing else.


# sphinx_gallery_ee4414_answer_start
class Linear(torch.nn.Module):
    """One linear neuron with two inputs: y_hat = w.T @ x + b."""

    def __init__(self):
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor([[0.4], [0.1]]))  # (2, 1)
        self.b = torch.nn.Parameter(torch.tensor(1.0))  # 0-d, as in the course

    def forward(self, x):
        y_hat = self.w.T @ x + self.b  # (1, 2) @ (2, 1) -> (1, 1), plus the bias
        return y_hat


model = Linear()
# sphinx_gallery_ee4414_answer_end

# %%
# The module knows its parameters
# -------------------------------
# ``named_parameters()`` walks every registered parameter. Both are listed, with their
# shapes, and both require gradients even though we never wrote ``requires_grad=True``.

for name, p in model.named_parameters():
    print(f"{name}: shape {tuple(p.shape)}, requires_grad={p.requires_grad}")

# %%
# Run it on the same input
# ------------------------
# Calling the module object runs ``forward`` through ``Module.__call__``, which also runs
# any hooks attached to the module; calling ``model.forward(x)`` directly would skip
# them. The input is still plain data, without gradient tracking.

x = torch.tensor([[0.5], [0.4]])

# sphinx_gallery_ee4414_answer_start
y_hat = model(x)
# sphinx_gallery_ee4414_answer_end
print(y_hat)
print(f"y_hat = {y_hat.item():.4f}")

# %%
# Check against the tensor version
# --------------------------------
# The module holds the same numbers and does the same arithmetic, so the output must be
# identical to W2-1.1's ``w.T @ x + b``.

w = torch.tensor([[0.4], [0.1]], requires_grad=True)  # the loose tensors of W2-1.1
b = torch.tensor(1.0, requires_grad=True)  # 0-d bias
y_hat_tensors = w.T @ x + b

assert math.isclose(y_hat.item(), 1.24, abs_tol=1e-4)
torch.testing.assert_close(y_hat, y_hat_tensors)
print("the module and the loose tensors agree")

# %%
# The library's module
# --------------------
# :class:`ee4414.Linear` is this class with three additions we will want later: the sizes
# are arguments (``Linear(in_features, out_features)``), the weights are drawn at random
# when you do not give them, and the input's shape is checked. Its bias has shape
# ``(1, 1)`` instead of ``()``, one entry per output neuron.

neuron = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
for name, p in neuron.named_parameters():
    print(f"ee4414.Linear.{name}: shape {tuple(p.shape)}")

y_hat_lib = neuron(x)
print(f"ee4414.Linear: y_hat = {y_hat_lib.item():.4f}")
assert math.isclose(y_hat_lib.item(), 1.24, abs_tol=1e-4)

# %%
# A row vector is a common slip. Our ``Linear`` would give a wrong-shaped answer or a
# cryptic matmul error; the library's module says what it expected instead.

try:
    neuron(torch.tensor([[0.5, 0.4]]))
except ValueError as err:
    print(f"ValueError: {err}")

# %%
# Try it yourself
# ---------------
#
# - Give ``Linear.__init__`` the arguments ``w`` and ``b`` so one class can build any
#   two-input neuron.
# - Store ``w`` as a plain tensor attribute (without :class:`torch.nn.Parameter`) and print
#   ``list(model.parameters())``. What is missing, and why would training then skip it?
# - Print ``model.state_dict()``: this is what ``torch.save`` would write to disk.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.nn.Module.html
