r"""
W1-1.4 · A 3×4 matrix
=====================

Vectors are matrices with one column (or one row). A general matrix simply has more of
both, and :func:`torch.tensor` builds it from one inner list per row. This matrix comes
back many times in week 1: we slice it, transpose it and multiply with it.

**You will learn**

- to write a matrix as a list of rows for :func:`torch.tensor`;
- to read the number of rows, columns and entries from ``shape``, ``ndim`` and
  :meth:`torch.Tensor.numel`;
- that ``A[i]`` is row ``i``, a first taste of indexing (W1-2.1).

**Exercise.** Build

.. math::

   \mathbf{A} = \begin{bmatrix}
   1 & 2 & 3 & 4 \\
   5 & 6 & 7 & 8 \\
   9 & 10 & 11 & 12
   \end{bmatrix},
   \qquad \mathbf{A} \in \mathbb{R}^{3 \times 4},

with :func:`torch.tensor` and check its shape.
"""

import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_1_4_matrix.png"

# %%
# One inner list per row
# ----------------------
# The outer list holds the rows (3 of them: dimension 0), each row lists its entries
# from left to right (4 of them: dimension 1). Writing one row per line makes the code
# look like the matrix.

# sphinx_gallery_ee4414_answer_start
A = torch.tensor(
    [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11, 12],
    ]
)
# sphinx_gallery_ee4414_answer_end
print(A)
print(ee4414.describe(A))

# %%
# Rows, columns, entries
# ----------------------
# The shape lists the sizes in order, rows first. ``ndim`` is the number of dimensions
# and ``numel()`` the number of entries, the product of the sizes: :math:`3 \cdot 4 = 12`.

rows, cols = A.shape
print(f"rows = {rows}, columns = {cols}, ndim = {A.ndim}, entries = {A.numel()}")

# %%
# Indexing with a single number picks a row: ``A[0]`` is the first row (PyTorch counts
# from 0) and ``A[-1]`` the last. Picking one row removes the row dimension, so a row of
# ``A`` has shape ``(4,)``.

print(f"A[0]  = {A[0].tolist()}, shape {tuple(A[0].shape)}")
print(f"A[-1] = {A[-1].tolist()}")

# %%
# Integers or reals?
# ------------------
# The maths says :math:`\mathbf{A} \in \mathbb{R}^{3 \times 4}`, but the list holds only
# integer literals, so :func:`torch.tensor` stores ``torch.int64``. That is fine for
# counting and indexing, but a model's weights and inputs are floats, and PyTorch does not
# let you multiply an int64 matrix by float32 weights with ``@``. Ask for a float type when
# the matrix stands for real numbers.

A_real = torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], dtype=torch.float32)
print(ee4414.describe(A_real))
print(f"same numbers: {torch.equal(A_real, A.float())}")

# %%
# Check
# -----

print(f"shape of A: {tuple(A.shape)}")
assert tuple(A.shape) == (3, 4)
assert A.numel() == 12
assert A[1].tolist() == [5, 6, 7, 8]
assert A.dtype == torch.int64
assert A_real.dtype == torch.float32

# %%
# Try it yourself
# ---------------
#
# - Build :math:`\mathbf{A}^\top`, the 4×3 matrix whose rows are the columns of
#   :math:`\mathbf{A}`, by typing its list, then compare it with ``A.t()`` (W1-2.3.2).
# - Get the entry 7 from ``A`` with one index pair ``A[row, column]``.
# - What does ``A @ A_real.t()`` raise? And ``A_real @ A_real``? Read both messages.
# - Build the same matrix with ``torch.arange(1, 13).reshape(3, 4)`` (W1-1.6).
