r"""
W1-2.3.1 · Transpose a column vector
====================================

A column vector and a row vector hold the same numbers; only their shapes differ,
``(3, 1)`` against ``(1, 3)``. Transposing swaps two axes and so turns one into the
other. The course writes :math:`\mathbf{w}^\top \mathbf{x}` from week 2 on, so the
transpose is something you will type often.

**You will learn**

- how :func:`torch.transpose` swaps two named axes;
- the two short forms :attr:`torch.Tensor.T` and :meth:`torch.Tensor.t`;
- that a transpose shares memory with the original tensor.

**Exercise.** Turn the column vector :math:`\mathbf{a} = [1, 3, 5]^\top`, shape ``(3, 1)``,
into the row vector :math:`\mathbf{b} = [1, 3, 5]`, shape ``(1, 3)``, with
:func:`torch.transpose`.
"""

# %%
# The column vector
# -----------------
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_3_1_transpose_vector.png"

a = torch.tensor([[1.0], [3.0], [5.0]])
print(ee4414.describe(a))

# %%
# Swap axes 0 and 1
# -----------------
# :func:`torch.transpose` takes the tensor and the two axes to swap. Entry ``(i, 0)`` of
# ``a`` moves to position ``(0, i)``:
#
# .. math::
#
#    \mathbf{b} = \mathbf{a}^\top, \qquad b_{0, i} = a_{i, 0}

# sphinx_gallery_ee4414_answer_start
b = torch.transpose(a, 0, 1)
# sphinx_gallery_ee4414_answer_end
print(b)
print(f"shape: {tuple(b.shape)}")

assert tuple(b.shape) == (1, 3)
assert torch.equal(b, torch.tensor([[1.0, 3.0, 5.0]]))

# %%
# Two short forms
# ---------------
# For a tensor with two axes, the attribute ``.T`` and the method ``.t()`` do the same
# swap with less typing. (``.t()`` accepts only tensors with at most two axes; for more,
# name the axes with ``torch.transpose``, as in the 3-D exercise W1-2.3.3.)
b_attr = a.T
b_method = a.t()
print(f".T   -> {tuple(b_attr.shape)}")
print(f".t() -> {tuple(b_method.shape)}")
assert torch.equal(b_attr, b)
assert torch.equal(b_method, b)

# %%
# Transposing twice gives back the column:
assert torch.equal(b.T, a)
print(f"(a.T).T has shape {tuple(b.T.shape)}")

# %%
# A transpose is a view
# ---------------------
# No numbers are copied: ``b`` reads the same memory as ``a`` with the roles of rows and
# columns exchanged. Writing into ``b`` therefore changes ``a`` too. Use ``.clone()``
# when you want an independent copy.
b[0, 1] = 30.0
print(f"after b[0, 1] = 30: a = {a.flatten().tolist()}")
assert a[1, 0].item() == 30.0
a[1, 0] = 3.0  # put the original value back

# %%
# Try it yourself
# ---------------
#
# - Build the row vector ``[[1., 3., 5.]]`` directly with :func:`torch.tensor` and check
#   that it equals ``a.T``.
# - Transpose with ``torch.transpose(a, 1, 0)``: does the order of the two axes matter?
# - Make ``c = a.T.clone()``, change ``c``, and check that ``a`` stays the same.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.transpose.html
