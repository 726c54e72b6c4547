r"""
W1-1.5 · A 3-D tensor: a stack of matrices
==========================================

A tensor can have more than two dimensions. The easiest way to picture a 3-D tensor is as
a list of matrices of the same size: the first index says which matrix, the other two
give the row and the column inside it. Later in the course this is how a whole dataset is
stored: many column vectors, one after the other.

**You will learn**

- to build a 3-D tensor from three levels of nested lists with :func:`torch.tensor`;
- to read its shape as (number of matrices, rows, columns);
- that ``T[i]`` is the ``i``-th matrix, and ``T[i, j, k]`` one entry of it.

**Exercise.** Build the tensor

.. math::

   \underline{\mathbf{A}} = \left[
   \underbrace{\begin{bmatrix} 1 & 2 \\ 5 & 6 \\ 9 & 10 \end{bmatrix}}_{\text{matrix } 0}
   \underbrace{\begin{bmatrix} 3 & 4 \\ 7 & 8 \\ 11 & 12 \end{bmatrix}}_{\text{matrix } 1}
   \right],
   \qquad \underline{\mathbf{A}} \in \mathbb{R}^{2 \times 3 \times 2},

with :func:`torch.tensor` and check its shape. (The course underlines a bold capital to
mark a tensor with more than two dimensions; in code we write ``A_``.)
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# Three levels of brackets
# ------------------------
# Each matrix is written as in W1-1.4, a list of rows; the two matrices then go into one
# more, outer list. Counting from the outside in: 2 matrices, each with 3 rows, each row
# with 2 entries, so the shape is ``(2, 3, 2)``.

# sphinx_gallery_ee4414_answer_start
A_ = torch.tensor(
    [
        [[1, 2], [5, 6], [9, 10]],  # first matrix, A_[0]
        [[3, 4], [7, 8], [11, 12]],  # second matrix, A_[1]
    ]
)
# sphinx_gallery_ee4414_answer_end
print(A_)
print(ee4414.describe(A_))

# %%
# PyTorch prints a 3-D tensor as its matrices one after the other, separated by a blank
# line. Each index peels off one level of brackets:

print(f"A_[1]       = {A_[1].tolist()}  (a matrix, shape {tuple(A_[1].shape)})")
print(f"A_[1, 2]    = {A_[1, 2].tolist()}  (a row, shape {tuple(A_[1, 2].shape)})")
print(f"A_[1, 2, 0] = {A_[1, 2, 0].item()}  (an entry, shape {tuple(A_[1, 2, 0].shape)})")

# %%
# A picture of the tensor
# -----------------------
# Drawing one panel per matrix shows what each index does: the first picks the panel, the
# second the row, the third the column.


# shade the entry A_[1, 2, 0] that was picked above
picked = torch.zeros(A_.shape, dtype=torch.bool)
picked[1, 2, 0] = True

fig, axes = plt.subplots(1, 2, figsize=(6, 3.6), layout="constrained")
for i, ax in enumerate(axes):
    ee4414.plot_matrix(
        A_[i], picked[i], ax=ax, title=f"A_[{i}]", xlabel="k (column)", ylabel="j (row)"
    )
fig.suptitle("A_ has shape (2, 3, 2); shaded: A_[1, 2, 0]")

# %%
# The same layout stores a dataset
# --------------------------------
# From week 2 on, a batch of inputs is a 3-D tensor of shape ``(n, 2, 1)``: ``n`` column
# vectors with two features each, stacked like the matrices above. The library's
# :func:`ee4414.xor` returns the four XOR points of week 4 in exactly this form.

x, c = ee4414.xor()
print(f"x: {ee4414.describe(x)}")
print(f"the second point, x[1] = {x[1].tolist()}")

# %%
# Check
# -----

print(f"shape of A_: {tuple(A_.shape)}")
assert tuple(A_.shape) == (2, 3, 2)
assert torch.equal(A_[0], torch.tensor([[1, 2], [5, 6], [9, 10]]))
assert torch.equal(A_[1], torch.tensor([[3, 4], [7, 8], [11, 12]]))
assert A_[1, 2, 0].item() == 11
assert tuple(x.shape) == (4, 2, 1)

# %%
# Try it yourself
# ---------------
#
# - Read the entries 6 and 7 from ``A_`` with one index triple each.
# - Compare ``A_[0]`` and ``A_[1]`` with the 3×4 matrix of W1-1.4: which columns of it
#   does each one hold?
# - Predict the shape of ``torch.tensor([[[1, 2, 3]]])`` and of
#   ``torch.tensor([[[1], [2]], [[3], [4]], [[5], [6]]])``, then check.
# - Build a 4-D tensor of zeros, shape ``(2, 2, 3, 2)``, with :func:`torch.zeros`; how many
#   entries does it have?
