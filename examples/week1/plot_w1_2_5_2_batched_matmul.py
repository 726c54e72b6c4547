r"""
W1-2.5.2 · Batched matrix multiplication with broadcasting
==========================================================

:func:`torch.matmul` does more than multiply two matrices. When a tensor has more than
two axes, only the **last two** are treated as a matrix; the axes in front of them are a
*batch*, and the product is taken once per batch entry. The batch axes broadcast like an
element-wise operation, so a single matrix can multiply a whole stack of them. This is how
a layer processes many data points in one call in weeks 4 to 6.

**You will learn**

- how :func:`torch.matmul` splits shapes into batch axes and matrix axes;
- how the batch axes broadcast (pad with 1s on the left, stretch the 1s), read from
  :func:`ee4414.explain_matmul`;
- that a batched product is the same as one product per matrix, stacked.

**Exercise.** (Optional in the course.) Multiply the ``(2, 3, 4)`` tensor
:math:`\underline{\mathbf{A}}`, two copies of the matrix holding 1 to 12, by the ``(4, 3)``
matrix :math:`\mathbf{B}`, its transpose. What is the shape of
:math:`\underline{\mathbf{C}} = \underline{\mathbf{A}}\mathbf{B}`, and why is the product
allowed although the two operands have different numbers of axes?
"""

# %%
# The operands
# ------------
# The same tensors as in the transpose exercises W1-2.3.2 and W1-2.3.3:
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_5_2_batched_matmul.png"

A = torch.arange(1, 13).reshape(3, 4)
A_ = torch.stack([A, A])
B = A.T
print(f"A_: {tuple(A_.shape)}, B: {tuple(B.shape)}")

# %%
# Predict the shape
# -----------------
# :func:`ee4414.explain_matmul` separates the two roles the axes play. The last two axes
# of each operand are the matrices, ``(3, 4)`` and ``(4, 3)``; their inner size 4 agrees
# and is summed over. The batch axes are ``(2,)`` for :math:`\underline{\mathbf{A}}` and
# none for :math:`\mathbf{B}`; they broadcast to ``(2,)``. Batch first, then the outer
# matrix sizes: ``(2, 3, 3)``.
explanation = ee4414.explain_matmul(A_.shape, B.shape)
print(explanation)
assert explanation.result == (2, 3, 3)
assert explanation.batch == (2,)
assert explanation.contracted == 4

# %%
# Compute it
# ----------

# sphinx_gallery_ee4414_answer_start
C_ = torch.matmul(A_, B)
# sphinx_gallery_ee4414_answer_end
print(C_)
print(f"shape: {tuple(C_.shape)}")
assert tuple(C_.shape) == (2, 3, 3)

# %%
# Why is this allowed? Broadcasting the batch
# -------------------------------------------
# :math:`\mathbf{B}` has no batch axis, so PyTorch first pads its shape with a 1 on the
# left, ``(4, 3)`` to ``(1, 4, 3)``, and then stretches that 1 to the 2 of
# :math:`\underline{\mathbf{A}}`: as if :math:`\mathbf{B}` were stacked twice. These are
# the same two steps as for element-wise broadcasting (W1-2.4.3), applied to the batch
# axes only:
print(ee4414.explain_broadcast(A_.shape[:-2], B.shape[:-2]))

# %%
# Written out with :meth:`torch.Tensor.unsqueeze` and :meth:`torch.Tensor.expand`, the
# stretched :math:`\underline{\mathbf{B}}` has shape ``(2, 4, 3)`` and the product is
# then an ordinary batch of two matrix products:
#
# .. math::
#
#    \underline{\mathbf{B}} = [\mathbf{B}, \mathbf{B}] \in \mathbb{R}^{2 \times 4 \times 3},
#    \qquad \underline{\mathbf{C}}[k] = \underline{\mathbf{A}}[k] \, \underline{\mathbf{B}}[k]
B_ = B.unsqueeze(0).expand(2, 4, 3)
print(f"B padded and stretched: {tuple(B_.shape)}")
assert torch.equal(torch.matmul(A_, B_), C_)

# %%
# One product per matrix, stacked
# -------------------------------
# The other way to read a batched product: multiply each matrix of the stack by
# :math:`\mathbf{B}` on its own and stack the results (W1-2.2.1). Each of the two
# results is :math:`\mathbf{A}\mathbf{A}^\top`, the dot products of the rows of
# :math:`\mathbf{A}` with each other.
per_matrix = torch.stack([A_[0] @ B, A_[1] @ B])
assert torch.equal(per_matrix, C_)
A_AT = torch.tensor([[30, 70, 110], [70, 174, 278], [110, 278, 446]])
assert torch.equal(C_[0], A_AT)
assert torch.equal(C_[1], A_AT)
print("loop over the batch, then stack == batched matmul:", torch.equal(per_matrix, C_))

# %%
# When the batch does not broadcast
# ---------------------------------
# The matrix axes must still fit, and batch axes of different sizes (neither 1) cannot
# be stretched. A ``(2, 3, 4)`` stack against a ``(3, 4, 3)`` stack fails on the batch,
# and the library says so:
other = torch.ones(3, 4, 3, dtype=A_.dtype)
try:
    A_ @ other
except RuntimeError as err:
    print(f"RuntimeError: {err}")
try:
    ee4414.explain_matmul(A_.shape, other.shape)
except ValueError as err:
    print(f"ValueError: {err}")

# %%
# Try it yourself
# ---------------
#
# - Predict and check the shape of ``torch.matmul(torch.ones(5, 1, 3, 4), B)``.
# - Multiply in the other order, ``B @ A_``: which shapes meet now, and what comes out?
# - Replace the ``(4, 3)`` matrix by a batch ``(2, 4, 3)`` holding two *different*
#   matrices and check that each slice of the result uses its own one.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.matmul.html
