r"""
W1-2.3.2 · Transpose a matrix
=============================

The transpose of a matrix turns its rows into columns: the first row of
:math:`\mathbf{A}` becomes the first column of :math:`\mathbf{A}^\top`. A ``(3, 4)``
matrix becomes ``(4, 3)``. The same three commands that transposed a vector in W1-2.3.1
work for any matrix.

**You will learn**

- how the entries move under a transpose, :math:`(\mathbf{A}^\top)_{ji} = A_{ij}`;
- that :func:`torch.transpose`, :attr:`torch.Tensor.T` and :meth:`torch.Tensor.t` agree
  on matrices;
- why the shape of a transpose is the shape of the original, read backwards.

**Exercise.** Transpose the ``(3, 4)`` matrix :math:`\mathbf{A}` that holds 1 to 12 row
by row, and check that :math:`\mathbf{B} = \mathbf{A}^\top` has shape ``(4, 3)``.
"""

# %%
# The matrix
# ----------
# :func:`torch.arange` counts from 1 to 12 and :meth:`torch.Tensor.reshape` folds the
# twelve numbers into three rows of four (row by row), which is the matrix of the
# exercise.
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_3_2_transpose_matrix.png"

A = torch.arange(1, 13).reshape(3, 4)
print(A)
assert torch.equal(A, torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]))

# %%
# Transpose it
# ------------
# Swapping axes 0 and 1 sends entry :math:`(i, j)` to :math:`(j, i)`:
#
# .. math::
#
#    \mathbf{B} = \mathbf{A}^\top \in \mathbb{R}^{4 \times 3}, \qquad B_{ji} = A_{ij}

# sphinx_gallery_ee4414_answer_start
B = torch.transpose(A, 0, 1)
# sphinx_gallery_ee4414_answer_end
print(B)
print(f"shape: {tuple(B.shape)}")

assert tuple(B.shape) == (4, 3)
assert torch.equal(B, torch.tensor([[1, 5, 9], [2, 6, 10], [3, 7, 11], [4, 8, 12]]))

# %%
# The short forms give the same matrix:
assert torch.equal(A.T, B)
assert torch.equal(A.t(), B)
print("A.T and A.t() equal torch.transpose(A, 0, 1):", torch.equal(A.T, B))

# %%
# Check the rule entry by entry
# -----------------------------
# Every one of the twelve entries lands where the formula says. Row ``i`` of ``A`` is
# column ``i`` of ``B``:
for i in range(3):
    for j in range(4):
        assert B[j, i] == A[i, j]
print(f"row 0 of A:    {A[0].tolist()}")
print(f"column 0 of B: {B[:, 0].tolist()}")

# %%
# The library's :func:`ee4414.describe` shows that only the shape changed; dtype and
# device are those of ``A``:
print(ee4414.describe(A))
print(ee4414.describe(B))

# %%
# Try it yourself
# ---------------
#
# - Compute ``A @ A.T`` and ``A.T @ A``. What are their shapes, and why are both square?
# - Check that ``(A.T).T`` is ``A`` again.
# - Compare ``A[0]`` (shape ``(4,)``) with ``A[0:1]`` (shape ``(1, 4)``): which of the two
#   becomes a ``(4, 1)`` column under ``torch.transpose(..., 0, 1)``, and why does the
#   other one raise an error?
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.transpose.html
