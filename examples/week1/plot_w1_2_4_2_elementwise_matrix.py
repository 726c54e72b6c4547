r"""
W1-2.4.2 · Element-wise product of two matrices
===============================================

The element-wise product works for tensors of any number of axes: with two matrices of
the same shape, every entry is multiplied by the entry at the same row and column. The
result keeps the shape of the inputs, here ``(2, 3)``.

**You will learn**

- that ``*`` on matrices multiplies position by position, whatever the number of axes;
- how to read off the shape of an element-wise product;
- how element-wise products differ from the matrix product of W1-2.5.1.

**Exercise.** Multiply the ``(2, 3)`` matrix :math:`\mathbf{A}` with rows ``[2, 3, 4]`` and
``[5, 6, 7]`` element-wise by an identical matrix :math:`\mathbf{B}`. Give the result and
its shape.
"""

# %%
# Two equal matrices
# ------------------
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_4_2_elementwise_matrix.png"

A = torch.tensor([[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]])
B = torch.tensor([[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]])
print(ee4414.describe(A))

# %%
# Multiply position by position
# -----------------------------
# Each entry is the square of the matching entry of :math:`\mathbf{A}`, since
# :math:`\mathbf{B} = \mathbf{A}`:
#
# .. math::
#
#    C_{ij} = A_{ij} B_{ij} .
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \mathbf{C} = \begin{bmatrix} 4 & 9 & 16 \\ 25 & 36 & 49 \end{bmatrix}
#    \in \mathbb{R}^{2 \times 3}
#
# # sphinx_gallery_ee4414_reveal_end

# sphinx_gallery_ee4414_answer_start
C = A * B
# sphinx_gallery_ee4414_answer_end
print(C)
print(f"shape: {tuple(C.shape)}")

assert torch.equal(C, torch.tensor([[4.0, 9.0, 16.0], [25.0, 36.0, 49.0]]))
assert tuple(C.shape) == (2, 3)
assert torch.equal(torch.multiply(A, B), C)

# %%
# Equal shapes need no broadcasting; :func:`ee4414.explain_broadcast` confirms that the
# result simply has the common shape:
print(ee4414.explain_broadcast(A.shape, B.shape))

# %%
# Element-wise is not matrix multiplication
# -----------------------------------------
# The matrix product pairs the *rows* of the first matrix with the *columns* of the
# second and sums. Two ``(2, 3)`` matrices cannot be multiplied that way (W1-2.5.1 shows
# why), while the element-wise product is always defined for equal shapes. Squaring each
# entry is also what ``A ** 2`` does:
assert torch.equal(A**2, C)
print("A ** 2 equals A * A:", torch.equal(A**2, C))

# %%
# Try it yourself
# ---------------
#
# - Multiply ``A`` by the ``(1, 3)`` row ``[[1., 0., -1.]]``. Which entries change sign,
#   and which become zero?
# - Check that the element-wise product is commutative: ``A * B`` equals ``B * A``.
# - Sum the entries of ``A * B`` and compare with ``(A.flatten() @ B.flatten())``.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.mul.html
