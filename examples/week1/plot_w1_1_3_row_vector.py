r"""
W1-1.3 · A row vector, and reading shapes off brackets
======================================================

A row vector holds the same numbers as a column vector but lies the other way: one row,
several columns. In PyTorch the difference is only in how the lists are nested, so this
exercise is practice in predicting a shape from the brackets before running the code.

**You will learn**

- to build a 1×3 row vector with :func:`torch.tensor`;
- to tell apart the shapes ``(1, 3)``, ``(3, 1)`` and ``(3,)``;
- to predict the shape of any nested list, e.g. ``[[1, 2], [3, 4], [5, 6]]``.

**Exercise.** Build the row vector :math:`\mathbf{b} = [1, 3, 5] \in \mathbb{R}^{1 \times 3}`
with :func:`torch.tensor`, in 32-bit floating point, and check that its shape is 1 by 3.
Then say what the shape of ``torch.tensor([[1, 2], [3, 4], [5, 6]])`` is.
"""

import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_1_3_row_vector.png"

# %%
# One row of three
# ----------------
# A 1×3 matrix has one row, so the outer list holds a single item: the inner list with the
# three entries. Outer bracket, 1 item: dimension 0 has size 1. Inner bracket, 3 items:
# dimension 1 has size 3.

# sphinx_gallery_ee4414_answer_start
b = torch.tensor([[1, 3, 5]], dtype=torch.float32)
# sphinx_gallery_ee4414_answer_end
print(b)
print(b.shape)

# %%
# Three tensors with the same numbers
# -----------------------------------
# The same three numbers make three different tensors depending on the brackets. Only the
# row and the column are matrices (two dimensions); the flat one has a single dimension.

variants = {
    "[[1, 3, 5]]      (row)": torch.tensor([[1, 3, 5]], dtype=torch.float32),
    "[[1], [3], [5]]  (column)": torch.tensor([[1], [3], [5]], dtype=torch.float32),
    "[1, 3, 5]        (1-D)": torch.tensor([1, 3, 5], dtype=torch.float32),
}
for text, t in variants.items():
    print(f"{text:<26} shape {tuple(t.shape)}")

# %%
# The row is the transpose of the column: swapping the two dimensions of the 3×1 column
# gives the 1×3 row (transposes are the topic of W1-2.3).

column = variants["[[1], [3], [5]]  (column)"]
print(f"column.t() equals b: {torch.equal(column.t(), b)}")
assert torch.equal(column.t(), b)

# %%
# The slides' question: what is the shape of ``[[1, 2], [3, 4], [5, 6]]``?
# ------------------------------------------------------------------------
# Count from the outside in. The outer list holds three items, ``[1, 2]``, ``[3, 4]`` and
# ``[5, 6]``: dimension 0 has size 3. Each of them holds two numbers: dimension 1 has
# size 2. So the shape is (3, 2): three rows and two columns,
#
# .. math::
#
#    \begin{bmatrix} 1 & 2 \\ 3 & 4 \\ 5 & 6 \end{bmatrix} \in \mathbb{R}^{3 \times 2}.
#
# Plain Python counts the same way with ``len``, before any tensor exists.

data = [[1, 2], [3, 4], [5, 6]]
# sphinx_gallery_ee4414_answer_start
predicted = (len(data), len(data[0]))
# sphinx_gallery_ee4414_answer_end
M = torch.tensor(data)
print(f"predicted from the lists: {predicted}")
print(f"torch says:               {tuple(M.shape)}")
print(ee4414.describe(M))

# %%
# Check
# -----

print(f"b.shape = {b.shape}")
print(f"shape of [[1, 2], [3, 4], [5, 6]] is {tuple(M.shape)}")

assert str(b.shape) == "torch.Size([1, 3])"
assert b.dtype == torch.float32
assert tuple(M.shape) == predicted == (3, 2)
assert ee4414.describe(b) == "shape (1, 3) | dtype torch.float32 | device cpu | requires_grad False"

# %%
# Try it yourself
# ---------------
#
# - Predict, then check, the shape of ``torch.tensor([[1, 2, 3], [4, 5, 6]])``. How does it
#   relate to the matrix above?
# - Write the list for a 2×1 column holding 7 and 8, and for a 1×2 row holding the same.
# - What is the shape of ``torch.tensor(4.0)``? (A single number is a tensor with no
#   dimensions at all: its shape is ``()``.)
# - Build ``[[1, 2], [3, 4], [5, 6]]`` with ``dtype=torch.float32`` and print it with
#   :func:`ee4414.describe`.
