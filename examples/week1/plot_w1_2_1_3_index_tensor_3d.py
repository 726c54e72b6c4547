r"""
W1-2.1.3 · Change one entry of a 3-D tensor
===========================================

A 3-D tensor is a stack of matrices (W1-1.5), so one entry needs three indices: which
matrix, then the row and the column inside it. The tensor built here is also the starting
point of the three slicing exercises that follow.

**You will learn**

- to write one entry of a 3-D tensor with ``Z[i, j, k]``;
- that the first index picks a whole matrix, ``Z[i]``, of shape ``(3, 4)`` here;
- to confirm the position of an entry with :func:`torch.nonzero`.

**Exercise.** In a 2×3×4 tensor of zeros, set to 1 the entry in the second matrix,
second row, third column:

.. math::

   \underline{\mathbf{Z}} = \left[
   \underbrace{\begin{bmatrix} 0 & 0 & 0 & 0 \\ 0 & 0 & 0 & 0 \\ 0 & 0 & 0 & 0 \end{bmatrix}
   }_{i = 0}
   \underbrace{\begin{bmatrix} 0 & 0 & 0 & 0 \\ 0 & 0 & 1 & 0 \\ 0 & 0 & 0 & 0 \end{bmatrix}
   }_{i = 1}
   \right],
   \qquad \underline{\mathbf{Z}} \in \mathbb{R}^{2 \times 3 \times 4}.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# Three indices: matrix, row, column
# ----------------------------------
# Counting from 0: the second matrix is ``i = 1``, its second row ``j = 1`` and its third
# column ``k = 2``. The order of the indices is the order of the sizes in the shape
# ``(2, 3, 4)``: ``i`` runs over 2 matrices, ``j`` over 3 rows, ``k`` over 4 columns.

Z = torch.zeros(2, 3, 4)
# sphinx_gallery_ee4414_answer_start
Z[1, 1, 2] = 1
# sphinx_gallery_ee4414_answer_end
print(Z)

# %%
# One index gives a matrix
# ------------------------
# ``Z[1]`` fixes only the first index, so it is the whole second matrix, of shape
# ``(3, 4)``. It is the same as ``Z[1, :, :]``, where ``:`` means "every position of this
# dimension" (more on ``:`` in W1-2.1.4).

print(f"Z[1]: {ee4414.describe(Z[1])}")
print(Z[1])
print(f"Z[1] equals Z[1, :, :]: {torch.equal(Z[1], Z[1, :, :])}")

# %%
# Where is the one?
# -----------------
# :func:`torch.nonzero` returns one row of three indices per non-zero entry.

print(f"non-zero at {torch.nonzero(Z).tolist()}")

# %%
# A picture of the tensor
# -----------------------
# One panel per matrix: the first index chooses the panel, the other two the cell.


fig, axes = plt.subplots(1, 2, figsize=(8, 3), layout="constrained")
for i, ax in enumerate(axes):
    ee4414.plot_matrix(
        Z[i], Z[i] != 0, ax=ax, title=f"Z[{i}]  (i = {i})", xlabel="k (column)", ylabel="j (row)"
    )
fig.suptitle("Z[1, 1, 2] = 1 in a (2, 3, 4) tensor")

# %%
# Check
# -----

expected = torch.zeros(2, 3, 4)
expected[1] = torch.tensor([[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
print(f"Z[1] = {Z[1].int().tolist()}, Z.sum() = {Z.sum().item():g}")
assert torch.equal(Z, expected)
assert torch.nonzero(Z).tolist() == [[1, 1, 2]]
assert tuple(Z[1].shape) == (3, 4)

# %%
# Try it yourself
# ---------------
#
# - Set ``Z[0, 2, 3] = 1`` as well, predict where it lands in the picture, and check with
#   :func:`torch.nonzero`.
# - What is the shape of ``Z[1, 1]``? Which part of the picture is it?
# - Write the entry with three separate brackets, ``Z[1][1][2]``. Is it the same entry?
# - Make ``torch.zeros(2, 3, 4)`` and set the last entry of the last row of the last
#   matrix using only ``-1``.
