r"""
W1-2.1.5 · Slicing II: a block of columns
=========================================

A range can be longer than one position. Taking two neighbouring columns of one matrix
out of the 3-D tensor of W1-2.1.3 gives a small matrix, and shows the rule that decides
every slice's length: the start is included, the stop is not.

**You will learn**

- that ``1:3`` means the positions 1 and 2, so its length is :math:`3 - 1 = 2`;
- to predict the shape of a slice before running it;
- that a slice shares memory with the tensor it came from, and when to
  :meth:`~torch.Tensor.clone` it.

**Exercise.** From the 2×3×4 tensor :math:`\underline{\mathbf{Z}}` of W1-2.1.3 (zeros,
except :math:`Z_{1,1,2} = 1`), take the second and third columns of the second matrix,
``Z[1, :, 1:3]``, and give its shape.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The tensor from W1-2.1.3
# ------------------------

Z = torch.zeros(2, 3, 4)
Z[1, 1, 2] = 1

# %%
# Predict first
# -------------
# Slot by slot, for ``Z`` of shape ``(2, 3, 4)``:
#
# - ``1``: an integer, the second matrix; the dimension is dropped;
# - ``:``: all 3 rows; size 3;
# - ``1:3``: the columns from 1 up to, not including, 3, i.e. columns 1 and 2; size
#   :math:`3 - 1 = 2`.
#
# So the result should be a 3×2 matrix:
#
# .. math::
#
#    Z_{[1,\,:,\,1:3]} =
#    \begin{bmatrix} Z_{1,0,1} & Z_{1,0,2} \\ Z_{1,1,1} & Z_{1,1,2} \\ Z_{1,2,1} & Z_{1,2,2}
#    \end{bmatrix},
#    \qquad \text{a } 3 \times 2 \text{ matrix}.
#
# # sphinx_gallery_ee4414_reveal_start
#
# Of these six entries only :math:`Z_{1,1,2}` is 1:
#
# .. math::
#
#    Z_{[1,\,:,\,1:3]} = \begin{bmatrix} 0 & 0 \\ 0 & 1 \\ 0 & 0 \end{bmatrix}.
#
# # sphinx_gallery_ee4414_reveal_end

# sphinx_gallery_ee4414_answer_start
block = Z[1, :, 1:3]
# sphinx_gallery_ee4414_answer_end
print(block)
print(ee4414.describe(block))

# %%
# Why leave out the stop?
# -----------------------
# Python's ranges all work this way (``range(1, 3)`` is 1, 2), and it pays off: the length
# is simply stop minus start, and two ranges that meet, ``0:1`` and ``1:3``, split the
# columns without overlap or gap. Listing the positions makes the rule concrete.

print(f"positions in 1:3 -> {list(range(4))[1:3]}")

# %%
# The first index matters
# -----------------------
# Leaving out the leading ``1`` and writing ``Z[:, :, 1:3]`` takes the same two columns
# from *both* matrices: the first dimension stays, and the shape is ``(2, 3, 2)``. The
# block in the exercise lies in the second matrix only, so the index 1 is needed.

both = Z[:, :, 1:3]
print(f"Z[:, :, 1:3]: {ee4414.describe(both)}")

# %%
# Where the entries come from
# ---------------------------
# The cells are marked by assigning through the same index, as in W1-2.1.4.


selected = torch.zeros(Z.shape, dtype=torch.bool)
selected[1, :, 1:3] = True

fig, axes = plt.subplots(1, 3, figsize=(10, 3.2), width_ratios=[4, 4, 2], layout="constrained")
for i in range(2):
    ee4414.plot_matrix(
        Z[i], selected[i], ax=axes[i], title=f"Z[{i}]", xlabel="k (column)", ylabel="j (row)"
    )
ee4414.plot_matrix(
    block,
    torch.ones_like(block),
    ax=axes[2],
    title="result (3, 2)",
    xlabel="k (column)",
    ylabel="j (row)",
)
axes[2].set(xlabel="column", ylabel="row")
fig.suptitle("Z[1, :, 1:3]: columns 1 and 2 of the second matrix")

# %%
# A slice is a window, not a copy
# -------------------------------
# Slicing does not copy the numbers: the result is a *view* that reads (and writes) the
# memory of the original tensor. Writing into the block changes ``Z``. We try it on a copy
# of ``Z``, so the tensor above stays as it was; call :meth:`~torch.Tensor.clone` on a
# slice whenever you want to change it on its own.

W = Z.clone()
window = W[1, :, 1:3]
window[0, 0] = 7  # row 0, column 0 of the block is W[1, 0, 1]
print(f"after window[0, 0] = 7: W[1, 0, 1] = {W[1, 0, 1].item():g}")

# %%
# Check
# -----

print(f"shape of Z[1, :, 1:3] = {tuple(block.shape)}")
assert tuple(block.shape) == (3, 2)
assert torch.equal(block, torch.tensor([[0.0, 0.0], [0.0, 1.0], [0.0, 0.0]]))
assert tuple(both.shape) == (2, 3, 2)
assert W[1, 0, 1].item() == 7
assert Z[1, 0, 1].item() == 0

# %%
# Try it yourself
# ---------------
#
# - Predict and check the shapes of ``Z[1, 0:2, 1:3]`` and ``Z[1, 1:2, 1:3]``.
# - What does ``Z[1, :, 3:1]`` give? Why is its shape allowed at all?
# - Take every other column with a step, ``Z[1, :, ::2]``. Which columns are they?
# - Repeat the "window" experiment with ``W[1, :, 1:3].clone()``. Does ``W`` change now?
