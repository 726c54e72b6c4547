r"""
W1-2.1.2 · Change one entry of a matrix
=======================================

A matrix needs two indices to reach one entry: first the row, then the column, separated
by a comma inside one pair of brackets. Swapping them is the classic slip, and it fails
silently when both indices happen to be valid, so it pays to picture the grid.

**You will learn**

- to write one entry of a matrix with ``Z[i, j]`` (row ``i``, column ``j``, both from 0);
- that ``Z[i][j]`` reaches the same entry in two steps;
- to find where the non-zero entries of a tensor are with :func:`torch.nonzero`.

**Exercise.** In a 3×4 matrix of zeros, set the entry in the first row and third column
to 1:

.. math::

   \mathbf{Z} = \begin{bmatrix}
   0 & 0 & 0 & 0 \\ 0 & 0 & 0 & 0 \\ 0 & 0 & 0 & 0
   \end{bmatrix}
   \;\longrightarrow\;
   \mathbf{Z} = \begin{bmatrix}
   0 & 0 & 1 & 0 \\ 0 & 0 & 0 & 0 \\ 0 & 0 & 0 & 0
   \end{bmatrix}.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# Row first, then column
# ----------------------
# Counting from 0, the first row is row 0 and the third column is column 2, so the entry is
# ``Z[0, 2]``: in maths, :math:`Z_{ij}` with :math:`i = 0`, :math:`j = 2`.

Z = torch.zeros(3, 4)
print(ee4414.describe(Z))

# sphinx_gallery_ee4414_answer_start
Z[0, 2] = 1
# sphinx_gallery_ee4414_answer_end
print(Z)

# %%
# ``Z[0, 2]`` or ``Z[0][2]``?
# ---------------------------
# ``Z[0]`` is row 0 (shape ``(4,)``), and indexing that row with ``[2]`` picks its third
# entry. The result is the same entry. The single bracket with a comma is the usual
# PyTorch (and NumPy) style: one indexing step instead of two, and it is the form that
# works with the slices of the next exercises.

print(f"Z[0]    = {Z[0].tolist()}")
print(f"Z[0][2] = {Z[0][2].item()}, Z[0, 2] = {Z[0, 2].item()}")

# %%
# Where is the one?
# -----------------
# :func:`torch.nonzero` lists the index of every non-zero entry, one row per entry. It is
# a quick way to confirm an assignment went where you meant.

print(f"non-zero at {torch.nonzero(Z).tolist()}")

# %%
# The swapped-index slip
# ----------------------
# ``Z[2, 0] = 1`` is also valid code, because row 2 and column 0 both exist, so PyTorch
# cannot warn you. It writes to the third row and first column instead. The pictures show
# the two cells side by side.


Z_swapped = torch.zeros(3, 4)
Z_swapped[2, 0] = 1

fig, axes = plt.subplots(1, 2, figsize=(8, 3), layout="constrained")
ee4414.plot_matrix(
    Z, Z != 0, ax=axes[0], title="Z[0, 2] = 1  (the exercise)", xlabel="column j", ylabel="row i"
)
ee4414.plot_matrix(
    Z_swapped,
    Z_swapped != 0,
    ax=axes[1],
    title="Z[2, 0] = 1  (indices swapped)",
    xlabel="column j",
    ylabel="row i",
)

# %%
# Check
# -----
# Exactly one entry is 1, and it sits at row 0, column 2.

expected = torch.tensor([[0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
print(f"Z = {Z.int().tolist()}")
assert torch.equal(Z, expected)
assert torch.nonzero(Z).tolist() == [[0, 2]]
assert not torch.equal(Z_swapped, Z)

# %%
# Try it yourself
# ---------------
#
# - Set the bottom-right entry to 1 with negative indices only.
# - Use ``Z[1] = 5`` and print ``Z``. What did a single index fill?
# - Try ``Z[3, 0] = 1`` and ``Z[0, 4] = 1``: which dimension does each error name?
# - Build the matrix :math:`\mathbf{A}` of W1-1.4 and read the entry 7 with one index pair.
