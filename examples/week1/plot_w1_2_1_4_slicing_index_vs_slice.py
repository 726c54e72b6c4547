r"""
W1-2.1.4 · Slicing I: an index or a slice of length one?
========================================================

Indexing is not limited to single entries: with ``:`` and ranges such as ``2:3`` a whole
row, column or block comes out at once. This exercise takes one column out of the
tensor of W1-2.1.3 in two ways that pick *the same numbers* but return *different
shapes*, and the difference matters as soon as shapes have to match, as they do in every
later week.

**You will learn**

- that ``:`` keeps every position of a dimension, and ``a:b`` the positions ``a`` up to
  ``b - 1``;
- that an integer index removes its dimension, while a slice keeps it, even when it has
  length one;
- which of the two gives the course's 3×1 column vector.

**Exercise.** From the 2×3×4 tensor :math:`\underline{\mathbf{Z}}` of W1-2.1.3 (zeros,
except :math:`Z_{1,1,2} = 1`), take the third column of the second matrix, the entries
:math:`Z_{1,0,2}, Z_{1,1,2}, Z_{1,2,2}`. Compare ``Z[1, :, 2]`` with ``Z[1, :, 2:3]``.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The tensor from W1-2.1.3
# ------------------------

Z = torch.zeros(2, 3, 4)
Z[1, 1, 2] = 1
print(ee4414.describe(Z))

# %%
# Read the index from left to right
# ---------------------------------
# We want matrix 1, every row, column 2. ``:`` on its own stands for "all positions of
# this dimension", so it fills the row slot. It is short for ``0:3`` here, the positions
# 0, 1 and 2: a range ``a:b`` starts at ``a`` and stops *before* ``b``.

# sphinx_gallery_ee4414_answer_start
col_1d = Z[1, :, 2]
# sphinx_gallery_ee4414_answer_end
print(f"Z[1, :, 2]   -> {col_1d.tolist()}")
print(f"Z[1, 0:3, 2] -> {Z[1, 0:3, 2].tolist()}  (the same)")

# %%
# The other spelling writes the column as the range ``2:3``, which holds just position 2.

# sphinx_gallery_ee4414_answer_start
col_2d = Z[1, :, 2:3]
# sphinx_gallery_ee4414_answer_end
print(f"Z[1, :, 2:3] -> {col_2d.tolist()}")

# %%
# Same numbers, different shapes
# ------------------------------
# The entries agree, but the two results do not have the same shape:

print(f"Z[1, :, 2]  : {ee4414.describe(col_1d)}")
print(f"Z[1, :, 2:3]: {ee4414.describe(col_2d)}")

# %%
# Why? Go through the three index slots of ``Z``, whose shape is ``(2, 3, 4)``:
#
# - an **integer** says "this one position". Only one value is left in that
#   dimension, so PyTorch drops the dimension altogether;
# - a **slice** says "these positions", a sub-range. The dimension stays, with as many
#   positions as the range holds, even if that is a single one.
#
# In ``Z[1, :, 2]`` the integers 1 and 2 both drop their dimensions and only the rows
# remain: shape ``(3,)``, a 1-D tensor, neither row nor column. In ``Z[1, :, 2:3]`` the
# last dimension is a slice of length :math:`3 - 2 = 1` and survives: shape ``(3, 1)``,
# a column vector exactly as the course writes one,
#
# .. math::
#
#    Z_{[1,\,:,\,2:3]} = \begin{bmatrix} 0 \\ 1 \\ 0 \end{bmatrix} \in \mathbb{R}^{3 \times 1}.
#
# When the result must be a column (for instance to multiply it with a matrix, or to feed
# it to :class:`ee4414.Linear`, which expects ``(*, n, 1)``), use the slice.

# %%
# Where the entries come from
# ---------------------------
# To draw which cells a slice selects, we mark them: assigning ``True`` through the very
# same index, ``selected[1, :, 2:3] = True``, touches exactly the entries the slice reads.


selected = torch.zeros(Z.shape, dtype=torch.bool)
selected[1, :, 2:3] = True

fig, axes = plt.subplots(1, 3, figsize=(10, 3.2), width_ratios=[4, 4, 1.6], layout="constrained")
for i in range(2):
    ee4414.plot_matrix(
        Z[i], selected[i], ax=axes[i], title=f"Z[{i}]", xlabel="k (column)", ylabel="j (row)"
    )
ee4414.plot_matrix(
    col_2d,
    torch.ones_like(col_2d),
    ax=axes[2],
    title="result (3, 1)",
    xlabel="k (column)",
    ylabel="j (row)",
)
axes[2].set(xlabel="column", ylabel="row")
fig.suptitle("Z[1, :, 2:3] selects the shaded cells (Z[1, :, 2] the same cells, shape (3,))")

# %%
# Check
# -----
# The last assert uses the marks once more: indexing with a boolean tensor of the same
# shape, ``Z[selected]``, gathers the marked entries in order, and they must be the column.

print(f"shape of Z[1, :, 2]   = {tuple(col_1d.shape)}")
print(f"shape of Z[1, :, 2:3] = {tuple(col_2d.shape)}")

assert tuple(col_1d.shape) == (3,)
assert tuple(col_2d.shape) == (3, 1)
assert torch.equal(col_1d, torch.tensor([0.0, 1.0, 0.0]))
assert torch.equal(col_2d, torch.tensor([[0.0], [1.0], [0.0]]))
assert torch.equal(Z[1, 0:3, 2], col_1d)
assert torch.equal(Z[selected], col_1d)

# %%
# Try it yourself
# ---------------
#
# - Predict the shapes of ``Z[1:2, :, 2]`` and ``Z[1:2, :, 2:3]``, then check.
# - Take the second *row* of the second matrix as a 1×4 row vector. Which index slots
#   need a slice?
# - Turn ``Z[1, :, 2]`` into a column afterwards with ``.reshape(3, 1)`` or
#   ``.unsqueeze(-1)``, and compare it with ``Z[1, :, 2:3]`` using :func:`torch.equal`.
#
# Further reading: the indexing section of the NumPy user guide, which PyTorch follows,
# https://numpy.org/doc/stable/user/basics.indexing.html
