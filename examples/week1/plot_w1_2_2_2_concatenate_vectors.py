r"""
W1-2.2.2 · Concatenate two column vectors
=========================================

:func:`torch.cat` joins tensors end to end along an axis they **already have**. Where
:func:`torch.stack` adds a new axis, ``cat`` makes an existing one longer: two ``(3, 1)``
column vectors become a single, taller ``(6, 1)`` column. Week 4 uses exactly this to
join the outputs of two neurons into one input vector for the next layer.

**You will learn**

- how :func:`torch.cat` lengthens an existing axis, and which sizes must agree;
- the difference between ``cat`` (existing axis) and ``stack`` (new axis), side by side;
- how to get one from the other with :meth:`torch.Tensor.unsqueeze`.

**Exercise.** Join :math:`\mathbf{a} = [1, 3, 5]^\top` and :math:`\mathbf{b} = [2, 4, 6]^\top`
(both ``(3, 1)``) with :func:`torch.cat` into one column vector of shape ``(6, 1)``. Then
explain how ``cat`` differs from ``stack``.
"""

# %%
# The two vectors
# ---------------
# The same two column vectors as in the stacking exercise.
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_2_2_concatenate_vectors.png"

a = torch.tensor([[1.0], [3.0], [5.0]])
b = torch.tensor([[2.0], [4.0], [6.0]])

# %%
# Concatenate along the rows
# --------------------------
# Axis 0 of a column vector counts its rows. Concatenating along it puts the three rows
# of ``b`` under the three rows of ``a``:
#
# .. math::
#
#    \operatorname{cat}(\mathbf{a}, \mathbf{b}) =
#    \begin{bmatrix} \mathbf{a} \\ \mathbf{b} \end{bmatrix} =
#    [1, 3, 5, 2, 4, 6]^\top \in \mathbb{R}^{6 \times 1}

# sphinx_gallery_ee4414_answer_start
c = torch.cat([a, b], dim=0)
# sphinx_gallery_ee4414_answer_end
print(c.T)
print(f"shape: {tuple(c.shape)}")

assert tuple(c.shape) == (6, 1)
assert torch.equal(c, torch.tensor([[1.0], [3.0], [5.0], [2.0], [4.0], [6.0]]))

# %%
# (The column is printed transposed, as a row, to keep the output short.)
#
# :func:`ee4414.describe` confirms shape, dtype and device in one line:
print(ee4414.describe(c))

# %%
# Concatenate along the columns
# -----------------------------
# The other existing axis of a ``(3, 1)`` vector is axis 1, the columns. Joining there
# places ``b`` to the right of ``a`` and gives a ``(3, 2)`` matrix. ``dim=-1`` names the
# same axis, counted from the end.
side_by_side = torch.cat([a, b], dim=1)
print(side_by_side)
print(f"shape: {tuple(side_by_side.shape)}")
assert tuple(side_by_side.shape) == (3, 2)
assert torch.equal(side_by_side, torch.cat([a, b], dim=-1))

# %%
# Only the joined axis may differ in size; all others must match. A ``(2, 1)`` vector can
# go under ``a`` (the rows are the joined axis), but not next to it:
short = torch.tensor([[7.0], [8.0]])
print(f"cat along rows: {tuple(torch.cat([a, short], dim=0).shape)}")
try:
    torch.cat([a, short], dim=1)
except RuntimeError as err:
    print(f"RuntimeError: {err}")

# %%
# Stack or cat?
# -------------
# **What is the main difference?** :func:`torch.stack` creates a *new* axis whose length
# is the number of inputs, so the result has one more dimension than each input and all
# inputs must have exactly the same shape. :func:`torch.cat` lengthens an *existing*
# axis, so the number of dimensions stays the same and the inputs only need to agree on
# the axes that are not joined.
stacked = torch.stack([a, b], dim=0)
for name, joined in [("stack", stacked), ("cat", c)]:
    print(f"{name:<5}: two (3, 1) -> {tuple(joined.shape)}, {joined.ndim} dims")
assert stacked.ndim == a.ndim + 1
assert c.ndim == a.ndim

# %%
# The two are closely related: stacking is the same as first giving every input a new
# axis of length 1 with :meth:`torch.Tensor.unsqueeze`, then concatenating along it.
via_cat = torch.cat([a.unsqueeze(0), b.unsqueeze(0)], dim=0)
assert torch.equal(via_cat, stacked)
print("stack == unsqueeze + cat:", torch.equal(via_cat, stacked))

# %%
# Try it yourself
# ---------------
#
# - Concatenate three copies of ``a`` along ``dim=0``; what length does the column get?
# - Build the ``(3, 2)`` matrix above with :func:`torch.stack` instead (hint: stack
#   along ``dim=1`` and drop the axis of length 1 with ``squeeze``).
# - Concatenate a ``(3, 1)`` and a ``(3, 4)`` matrix along ``dim=1`` and predict the shape.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.cat.html
