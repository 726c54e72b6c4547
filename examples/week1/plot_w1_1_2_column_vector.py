r"""
W1-1.2 · A column vector from a nested list
===========================================

:func:`torch.zeros` fixes every entry to 0. When the numbers are known, :func:`torch.tensor`
copies them from a Python list, and the way the brackets are nested decides the shape.
Getting that nesting right is what makes a list of three numbers a *column* vector, the
form in which this course writes every data point and weight vector.

**You will learn**

- to build a tensor with given values using :func:`torch.tensor` and a ``dtype``;
- to read a shape off the brackets: the outer bracket is dimension 0, the next one in is
  dimension 1;
- why ``[1, 3, 5]`` gives a 1-D tensor of shape ``(3,)`` and not a 3×1 column.

**Exercise.** Build the column vector

.. math::

   \mathbf{a} = \begin{bmatrix} 1 \\ 3 \\ 5 \end{bmatrix},
   \qquad \mathbf{a} \in \mathbb{R}^{3 \times 1},

with :func:`torch.tensor`, with 32-bit floating-point entries, and print its shape to check
that it is 3 by 1.
"""

import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_1_2_column_vector.png"

# %%
# A flat list is not yet a column
# -------------------------------
# The obvious first try passes the three numbers in one list. The values are right, but
# the tensor has a single dimension: it is neither a row nor a column, just three numbers
# in a line. Its shape is ``(3,)``, a tuple with one entry.

a_flat = torch.tensor([1, 3, 5], dtype=torch.float32)
print(a_flat)
print(ee4414.describe(a_flat))

# %%
# Nest one list per row
# ---------------------
# A 3×1 matrix has three rows of one entry each, so we write three one-element lists
# inside an outer list. Reading the brackets from the outside in:
#
# - the outer list holds **3** items, so dimension 0 has size 3 (the rows);
# - each inner list holds **1** item, so dimension 1 has size 1 (the columns).
#
# ``torch.float`` is another name for ``torch.float32``, the 32-bit type the exercise asks
# for (and PyTorch's default for floats).

# sphinx_gallery_ee4414_answer_start
a = torch.tensor([[1], [3], [5]], dtype=torch.float32)
# sphinx_gallery_ee4414_answer_end
print(a)
print(a.shape)

# %%
# The shape is a :class:`torch.Size`, which behaves like a tuple: ``a.shape[0]`` is the
# number of rows and ``a.shape[1]`` the number of columns. ``a.ndim`` counts dimensions.

print(f"rows = {a.shape[0]}, columns = {a.shape[1]}, ndim = {a.ndim}")
print(f"flat version: ndim = {a_flat.ndim}, shape = {tuple(a_flat.shape)}")

# %%
# Why insist on the column form?
# ------------------------------
# The course writes a model as :math:`\mathbf{w}^\top \mathbf{x} + b` with
# :math:`\mathbf{w}, \mathbf{x} \in \mathbb{R}^{n \times 1}`, and the ``ee4414`` library
# follows the same convention: a point is a tensor of shape ``(n, 1)``. With 1-D tensors
# a transpose does nothing (:meth:`torch.Tensor.t` hands a 1-D tensor back unchanged), so
# the row/column distinction the maths relies on would be lost. Both forms hold the same
# numbers in the same order, as the check below shows.

print(f"a_flat.t() has shape {tuple(a_flat.t().shape)}; a.t() has shape {tuple(a.t().shape)}")
assert torch.equal(a.flatten(), a_flat)

# %%
# Integers or floats?
# -------------------
# :func:`torch.tensor` guesses the dtype from the values when none is given: integer
# literals give ``torch.int64``. Writing ``1.0`` instead of ``1``, or passing ``dtype``,
# gives floats. Passing ``dtype`` says what you mean, so we prefer it.

print(ee4414.describe(torch.tensor([[1], [3], [5]])))
print(ee4414.describe(torch.tensor([[1.0], [3.0], [5.0]])))

# %%
# Check
# -----
# The printed shape must be exactly ``torch.Size([3, 1])`` and the entries 32-bit floats.

print(f"a.shape = {a.shape}")
print(ee4414.describe(a))
assert str(a.shape) == "torch.Size([3, 1])"
assert a.dtype == torch.float32
assert torch.equal(a, torch.tensor([[1.0], [3.0], [5.0]]))

# %%
# Try it yourself
# ---------------
#
# - Build the column of W1-1.1 again, this time as ``torch.tensor([[0.0], [0.0], [0.0]],
#   dtype=torch.float64)``, and compare it with ``torch.zeros`` using :func:`torch.equal`.
# - Turn ``a_flat`` into a column with ``a_flat.reshape(3, 1)`` and check it equals ``a``.
# - What shape does ``torch.tensor([[[1], [3], [5]]])`` have? Count the brackets first.
# - Try ``torch.tensor([[1], [3, 4], [5]])``. Why can a tensor not have rows of
#   different lengths?
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.tensor.html
