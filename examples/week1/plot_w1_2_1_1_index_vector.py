r"""
W1-2.1.1 · Change one entry of a vector by indexing
===================================================

Square brackets after a tensor pick out part of it, to read it or to overwrite it. This
is the first of six indexing and slicing exercises, and the simplest: one vector, one
entry. The one rule to remember from it is that PyTorch, like Python, counts from zero.

**You will learn**

- to read and write one entry with ``z[i]``, counting from 0;
- that negative indices count from the end, and what an index past the end does;
- that ``z[0]`` on a 3×1 column is a whole row (of one entry), and ``z[0, 0]`` the entry.

**Exercise.** Start from the zero column :math:`\mathbf{z} \in \mathbb{R}^{3 \times 1}`
and set its first entry to 1 by indexing:

.. math::

   \mathbf{z} = \begin{bmatrix} 0 \\ 0 \\ 0 \end{bmatrix}
   \;\longrightarrow\;
   \mathbf{z} = \begin{bmatrix} 1 \\ 0 \\ 0 \end{bmatrix}.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# Start from zeros
# ----------------
# :func:`torch.zeros` as in W1-1.1. We keep a copy with :meth:`torch.Tensor.clone` to draw
# the "before" picture at the end; without ``clone`` both names would point at the same
# tensor and the copy would change too.

z = torch.zeros(3, 1)
z_before = z.clone()
print(ee4414.describe(z))

# %%
# Positions are counted from 0
# ----------------------------
# The first entry is at index 0, the second at 1 and the last of three at 2. An
# assignment through an index changes the tensor in place.

# sphinx_gallery_ee4414_answer_start
z[0] = 1
# sphinx_gallery_ee4414_answer_end
print(z)

# %%
# What did ``z[0]`` select?
# -------------------------
# ``z`` has two dimensions, and one index only fixes the first one, the row. So ``z[0]``
# is the first *row*, a 1-D tensor holding one number; assigning 1 to it fills that row.
# Naming both the row and the column, ``z[0, 0]``, reaches the single entry (shape ``()``,
# a 0-d tensor); ``.item()`` turns that into a Python number.

print(f"z[0]    = {z[0]}, shape {tuple(z[0].shape)}")
print(f"z[0, 0] = {z[0, 0]}, shape {tuple(z[0, 0].shape)}, as a number: {z[0, 0].item()}")

# %%
# Counting from the end, and running off it
# -----------------------------------------
# ``z[-1]`` is the last row and ``z[-3]`` the first. Index 3 does not exist for a
# dimension of size 3: PyTorch raises an :class:`IndexError` that says so.

print(f"z[-3] = {z[-3].item()}, z[-1] = {z[-1].item()}")
try:
    z[3]
except IndexError as err:
    print(f"z[3] -> IndexError: {err}")

# %%
# Before and after
# ----------------
# The shaded cell is the one the index reached.


changed = z != z_before
fig, axes = plt.subplots(1, 2, figsize=(4, 3.4), layout="constrained")
ee4414.plot_matrix(z_before, torch.zeros_like(changed), ax=axes[0], title="before")
ee4414.plot_matrix(z, changed, ax=axes[1], title="after z[0] = 1")

# %%
# Check
# -----

print(f"z = {z.int().tolist()}")
assert z.int().tolist() == [[1], [0], [0]]
assert torch.equal(z, torch.tensor([[1.0], [0.0], [0.0]]))
assert tuple(z[0].shape) == (1,)
assert tuple(z[0, 0].shape) == ()

# %%
# Try it yourself
# ---------------
#
# - Set the last entry to 5 with a negative index, without counting the rows.
# - Read ``z[1:]``. How many rows does it have, and what is its shape? (Slices are the
#   topic of W1-2.1.4.)
# - Build ``z`` as a 1-D tensor, ``torch.zeros(3)``, and set ``z[0] = 1`` again. What is the
#   shape of ``z[0]`` now?
# - Assign ``z[0] = torch.tensor([7.0, 8.0])``. Read the error: why do two numbers not fit?
#
# Further reading: PyTorch indexes like NumPy, whose guide explains it step by step,
# https://numpy.org/doc/stable/user/basics.indexing.html
