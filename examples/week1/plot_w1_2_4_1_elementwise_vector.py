r"""
W1-2.4.1 · Element-wise product of two vectors
==============================================

The ``*`` operator in PyTorch multiplies tensors **entry by entry**: the first entry with
the first, the second with the second, and so on. This is the Hadamard product, written
:math:`\mathbf{a} \odot \mathbf{b}`. It is not the matrix product (that is ``@``,
W1-2.5.1), and for two vectors of the same shape the result has that shape too.

**You will learn**

- to multiply element-wise with ``*`` or :func:`torch.multiply`;
- that equal shapes give a result of the same shape;
- what happens when the shapes differ (a first look at broadcasting).

**Exercise.** Multiply :math:`\mathbf{a} = [2, 3, 5]^\top` element-wise with a copy of
itself, :math:`\mathbf{b} = \mathbf{a}`. Which numbers come out, and what is the shape?
"""

# %%
# Two equal column vectors
# ------------------------
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_4_1_elementwise_vector.png"

a = torch.tensor([[2.0], [3.0], [5.0]])
b = torch.tensor([[2.0], [3.0], [5.0]])

# %%
# Multiply entry by entry
# -----------------------
# Each entry of the result only involves the two entries at the same position:
#
# .. math::
#
#    \mathbf{c} = \mathbf{a} \odot \mathbf{b}, \qquad c_i = a_i \, b_i .
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \mathbf{c} = [2 \cdot 2,\ 3 \cdot 3,\ 5 \cdot 5]^\top = [4, 9, 25]^\top
#
# # sphinx_gallery_ee4414_reveal_end

# sphinx_gallery_ee4414_answer_start
c = a * b
# sphinx_gallery_ee4414_answer_end
print(c)
print(f"shape: {tuple(c.shape)}")

assert torch.equal(c, torch.tensor([[4.0], [9.0], [25.0]]))
assert tuple(c.shape) == (3, 1)

# %%
# :func:`torch.multiply` (also spelt :func:`torch.mul`) is the function behind ``*``:
assert torch.equal(torch.multiply(a, b), c)
print("torch.multiply(a, b) equals a * b:", torch.equal(torch.multiply(a, b), c))

# %%
# Not a matrix product
# --------------------
# ``a @ b`` would try to multiply a ``(3, 1)`` matrix by another ``(3, 1)`` matrix, which
# needs the inner sizes 1 and 3 to agree; they do not, so it fails. The element-wise
# product never sums anything, so it has no such condition.
try:
    a @ b
except RuntimeError as err:
    print(f"a @ b -> RuntimeError: {err}")

# %%
# Can different shapes be multiplied?
# -----------------------------------
# Sometimes. PyTorch compares the shapes from the right; two sizes fit when they are
# equal or one of them is 1, and a size of 1 is then repeated to match. This is
# *broadcasting*, the topic of W1-2.4.3 and W1-2.4.4. The library's
# :func:`ee4414.explain_broadcast` spells the check out; here the shapes are equal, so
# there is nothing to do:
print(ee4414.explain_broadcast(a.shape, b.shape))

# %%
# A ``(3, 1)`` and a ``(2, 1)`` vector do not fit: in the first axis the sizes are 3 and
# 2, and neither is 1. PyTorch refuses, and the library names the axis that disagrees.
short = torch.tensor([[1.0], [2.0]])
try:
    a * short
except RuntimeError as err:
    print(f"RuntimeError: {err}")
try:
    ee4414.explain_broadcast(a.shape, short.shape)
except ValueError as err:
    print(f"ValueError: {err}")

# %%
# Try it yourself
# ---------------
#
# - Multiply ``a`` by the number 10 and by ``torch.tensor(10.0)``: both are broadcasts of
#   a single value.
# - Compute ``a * a.T``: predict the shape before running it (W1-2.4.3 explains it).
# - Compare ``(a * b).sum()`` with ``a.T @ b``: why are they equal?
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.mul.html and
# https://pytorch.org/docs/stable/notes/broadcasting.html
