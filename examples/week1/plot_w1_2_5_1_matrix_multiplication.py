r"""
W1-2.5.1 · Matrix multiplication
================================

The matrix product pairs each **row** of the left matrix with each **column** of the right
one and sums the products of their entries. That sum only makes sense when the row and the
column have the same length, so the product has a shape rule of its own, different from
broadcasting. Every layer from week 2 onwards is a matrix product,
:math:`\mathbf{w}^\top \mathbf{x}`, so this rule is worth knowing by heart.

**You will learn**

- to multiply matrices with :func:`torch.matmul` or ``@``, transposing with
  :func:`torch.transpose`;
- to predict the shape of a product: the inner sizes must agree and disappear;
- why :math:`\mathbf{A}\mathbf{B}` fails for two ``(2, 3)`` matrices, read from PyTorch's
  error and from :func:`ee4414.explain_matmul`;
- what :math:`\mathbf{A}^\top\mathbf{B}` gives instead.

**Exercise.** With :math:`\mathbf{A} = \mathbf{B}` the ``(2, 3)`` matrix with rows
``[2, 3, 4]`` and ``[5, 6, 7]``, compute :math:`\mathbf{C} = \mathbf{A}\mathbf{B}^\top`
using :func:`torch.matmul` and :func:`torch.transpose`. What shape does :math:`\mathbf{C}`
have? Can :math:`\mathbf{A}\mathbf{B}` be computed? What about
:math:`\mathbf{A}^\top\mathbf{B}`?
"""

# %%
# The two matrices
# ----------------
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_5_1_matrix_multiplication.png"

A = torch.tensor([[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]])
B = torch.tensor([[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]])

# %%
# Predict the shape of C
# ----------------------
# Three steps: transposing :math:`\mathbf{B}` turns ``(2, 3)`` into ``(3, 2)``; the inner
# sizes, 3 columns of :math:`\mathbf{A}` and 3 rows of :math:`\mathbf{B}^\top`, agree and
# are summed away; what is left is the outer sizes, ``(2, 2)``. The library's
# :func:`ee4414.explain_matmul` lists the same steps for any two shapes:

# sphinx_gallery_ee4414_answer_start
B_T = torch.transpose(B, 0, 1)
# sphinx_gallery_ee4414_answer_end
explanation = ee4414.explain_matmul(A.shape, B_T.shape)
print(explanation)
assert explanation.result == (2, 2)
assert "over l = 0 to 2" in str(explanation)  # the index convention of the sum below

# %%
# Compute C
# ---------
# Entry :math:`(i, j)` of :math:`\mathbf{C}` is row :math:`i` of :math:`\mathbf{A}` dotted
# with row :math:`j` of :math:`\mathbf{B}` (= column :math:`j` of :math:`\mathbf{B}^\top`):
#
# .. math::
#
#    C_{ij} = \sum_{l=0}^{2} A_{il} \, B_{jl} .
#
# Indices count from 0, as in PyTorch, and :math:`l` runs over the 3 shared entries;
# :func:`ee4414.explain_matmul` writes the same sum, :math:`l = 0` to :math:`k - 1` with
# :math:`k = 3`, in its step 2.
#
# # sphinx_gallery_ee4414_reveal_start
#
# For example, row 0 of :math:`\mathbf{A}` with row 1 of :math:`\mathbf{B}`:
#
# .. math::
#
#    C_{01} = 2 \cdot 5 + 3 \cdot 6 + 4 \cdot 7 = 56
#
# # sphinx_gallery_ee4414_reveal_end

# sphinx_gallery_ee4414_answer_start
C = torch.matmul(A, B_T)
# sphinx_gallery_ee4414_answer_end
print(C)
print(f"shape: {tuple(C.shape)}")

assert torch.equal(C, torch.tensor([[29.0, 56.0], [56.0, 110.0]]))
assert tuple(C.shape) == (2, 2)

# %%
# The ``@`` operator is shorthand for :func:`torch.matmul`, and ``B.T`` for the transpose:
assert torch.equal(A @ B.T, C)
print("A @ B.T equals torch.matmul(A, torch.transpose(B, 0, 1)):", torch.equal(A @ B.T, C))

# %%
# Because :math:`\mathbf{A} = \mathbf{B}` here, :math:`\mathbf{C}` is symmetric: swapping
# :math:`i` and :math:`j` swaps the two rows in each dot product, which changes nothing.
assert torch.equal(C, C.T)

# %%
# Why does A @ B fail?
# --------------------
# Without the transpose, both matrices are ``(2, 3)``. Each entry of the product would
# need a row of :math:`\mathbf{A}` (3 numbers) dotted with a column of :math:`\mathbf{B}`
# (2 numbers), and there is no way to pair 3 numbers with 2. PyTorch refuses with a
# :class:`RuntimeError`:
try:
    A @ B
except RuntimeError as err:
    pytorch_message = str(err)
    print(f"RuntimeError: {pytorch_message}")
else:
    raise AssertionError("A @ B should not be computable")

# %%
# The message lists the two shapes but not the rule they break.
# :func:`ee4414.explain_matmul` checks the same shapes before anything is computed and
# raises a :class:`ValueError` that says which sizes disagree and what to try:
try:
    ee4414.explain_matmul(A.shape, B.shape)
except ValueError as err:
    print(f"ValueError: {err}")

# %%
# What about Aᵀ B?
# ----------------
# Transposing the *left* matrix instead gives ``(3, 2) @ (2, 3)``. Now the inner sizes
# are both 2 (the rows of the original matrices), and the outer sizes make a ``(3, 3)``
# result: entry :math:`(i, j)` dots column :math:`i` of :math:`\mathbf{A}` with column
# :math:`j` of :math:`\mathbf{B}`.
print(ee4414.explain_matmul(A.T.shape, B.shape))
# sphinx_gallery_ee4414_answer_start
D = A.T @ B
# sphinx_gallery_ee4414_answer_end
print(D)
print(f"shape: {tuple(D.shape)}")
assert tuple(D.shape) == (3, 3)
assert torch.equal(D, torch.tensor([[29.0, 36.0, 43.0], [36.0, 45.0, 54.0], [43.0, 54.0, 65.0]]))

# %%
# So both :math:`\mathbf{A}\mathbf{B}^\top` and :math:`\mathbf{A}^\top\mathbf{B}` are
# defined, but they are different objects: a ``2 x 2`` matrix of row-by-row dot products
# and a ``3 x 3`` matrix of column-by-column ones. Which one you want depends on whether
# your data points are the rows or the columns.

# %%
# Try it yourself
# ---------------
#
# - Work out :math:`C_{11} = 110` by hand, then check :math:`D_{22} = 65`.
# - Compare ``A @ B.T`` with ``A * B``: which one sums, and what shapes do they have?
# - Make ``B`` a ``(4, 3)`` matrix with :func:`torch.rand` and predict the shape of
#   ``A @ B.T`` with :func:`ee4414.explain_matmul` before computing it.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.matmul.html
