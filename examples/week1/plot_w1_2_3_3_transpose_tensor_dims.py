r"""
W1-2.3.3 · Transpose two axes of a 3-D tensor
=============================================

A tensor with three axes is a stack of matrices. "Transposing" it needs a choice: which
two axes trade places? Swapping axes 1 and 2 transposes every matrix in the stack and
leaves the stack itself (axis 0) alone. This is the move that batched matrix products
(W1-2.5.2) and later the batched linear layers of weeks 4-6 rely on.

**You will learn**

- how :func:`torch.transpose` with two axis numbers acts on a tensor with more than two axes;
- that swapping axes 1 and 2 transposes each matrix of the stack separately;
- the shortcut :attr:`torch.Tensor.mT`, and why ``.T`` is not the tool here.

**Exercise.** Build the ``(2, 3, 4)`` tensor :math:`\underline{\mathbf{A}}` whose two
matrices are both the ``(3, 4)`` matrix with the numbers 1 to 12, and transpose its
second and third axes (axes 1 and 2). The result has shape ``(2, 4, 3)``.
"""

# %%
# A stack of two matrices
# -----------------------
# :func:`torch.stack` (W1-2.2.1) puts two copies of the ``(3, 4)`` matrix behind each
# other; axis 0 picks the matrix, axes 1 and 2 are its rows and columns.
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_3_3_transpose_tensor_dims.png"

A = torch.arange(1, 13).reshape(3, 4)
# sphinx_gallery_ee4414_answer_start
A_ = torch.stack([A, A], dim=0)
# sphinx_gallery_ee4414_answer_end
print(ee4414.describe(A_))
assert tuple(A_.shape) == (2, 3, 4)

# %%
# Swap axes 1 and 2
# -----------------
# The entry in matrix ``k``, row ``i``, column ``j`` moves to matrix ``k``, row ``j``,
# column ``i``. The matrix index ``k`` is untouched:
#
# .. math::
#
#    \underline{\mathbf{B}}_{k, j, i} = \underline{\mathbf{A}}_{k, i, j},
#    \qquad \underline{\mathbf{B}} \in \mathbb{R}^{2 \times 4 \times 3}

# sphinx_gallery_ee4414_answer_start
B_ = torch.transpose(A_, 1, 2)
# sphinx_gallery_ee4414_answer_end
print(B_)
print(f"shape: {tuple(B_.shape)}")

assert tuple(B_.shape) == (2, 4, 3)
A_T = torch.tensor([[1, 5, 9], [2, 6, 10], [3, 7, 11], [4, 8, 12]])
assert torch.equal(B_, torch.stack([A_T, A_T]))

# %%
# Each matrix is transposed on its own
# ------------------------------------
# Slicing out matrix ``k`` before or after the swap gives the same answer, which is
# another way of saying that axis 0 did not take part:
for k in range(2):
    assert torch.equal(B_[k], A_[k].T)
print("B_[k] equals A_[k].T for k = 0 and 1")

# %%
# Other pairs of axes
# -------------------
# Any two axes can be swapped; the shape follows by exchanging the two sizes. The order
# of the two numbers does not matter, and negative numbers count from the end.
for dims in [(0, 1), (0, 2), (1, 2), (2, 1), (-1, -2)]:
    print(f"transpose{dims}: {tuple(torch.transpose(A_, *dims).shape)}")
assert torch.equal(torch.transpose(A_, -1, -2), B_)

# %%
# Shortcuts for the last two axes
# -------------------------------
# Swapping the last two axes is so common that tensors have an attribute for it,
# :attr:`torch.Tensor.mT` ("matrix transpose"). ``.T`` is *not* the same thing: on a
# tensor with more than two axes it would reverse **all** of them, ``(2, 3, 4)`` to
# ``(4, 3, 2)``, and PyTorch deprecates that use. :func:`torch.permute` does the same
# reversal explicitly:
assert torch.equal(A_.mT, B_)
print(f".mT: {tuple(A_.mT.shape)}")
print(f"permute(2, 1, 0): {tuple(A_.permute(2, 1, 0).shape)}  (all axes reversed)")

# %%
# Try it yourself
# ---------------
#
# - Make the two matrices differ (e.g. ``torch.stack([A, 10 * A])``) and check that each
#   one is transposed separately.
# - Swap axes 0 and 2 and describe in words what the result's first matrix contains.
# - Use :func:`torch.permute` to get shape ``(4, 2, 3)`` from ``A_``.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.transpose.html and
# https://pytorch.org/docs/stable/generated/torch.permute.html
