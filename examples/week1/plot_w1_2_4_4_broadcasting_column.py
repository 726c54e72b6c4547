r"""
W1-2.4.4 · Broadcasting II: scale each row of a matrix
======================================================

Broadcasting is most often used the way this exercise uses it: one tensor is full size,
the other has a 1 where the first has a longer axis, and its values are reused along that
axis. Multiplying a ``(3, 2)`` matrix by a ``(3, 1)`` column scales row :math:`i` of the
matrix by the :math:`i`-th entry of the column. Work it out on paper first, then let
PyTorch and :func:`ee4414.explain_broadcast` check you.

**You will learn**

- to predict an element-wise result when only one of the two tensors is stretched;
- to read the step-by-step explanation of :func:`ee4414.explain_broadcast`;
- why a 1-D ``[1, 2, 3]`` does not work where the column ``[[1], [2], [3]]`` does.

**Exercise.** By hand, then in code: multiply :math:`\mathbf{A}` with rows ``[2, 3]``,
``[4, 5]``, ``[6, 7]`` (shape ``(3, 2)``) element-wise by the column
:math:`\mathbf{a} = [1, 2, 3]^\top` (shape ``(3, 1)``). Give the result and its shape.
"""

# %%
# The matrix and the column
# -------------------------
import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Patch, Rectangle

import ee4414

A = torch.tensor([[2.0, 3.0], [4.0, 5.0], [6.0, 7.0]])
a = torch.tensor([[1.0], [2.0], [3.0]])
print(f"A: {tuple(A.shape)}, a: {tuple(a.shape)}")

# %%
# Which shape will come out?
# --------------------------
# Compare the shapes from the right. The last axis has sizes 2 and 1: the column is
# stretched to two columns. The first axis has 3 and 3: nothing to do. So the result is
# ``(3, 2)``, the shape of :math:`\mathbf{A}`. :func:`ee4414.explain_broadcast` prints the
# same reasoning step by step:
explanation = ee4414.explain_broadcast(A.shape, a.shape)
print(explanation)
assert explanation.result == (3, 2)

# %%
# Work it out by hand
# -------------------
# After stretching, the column has become a ``(3, 2)`` matrix whose two columns are both
# :math:`\mathbf{a}`; then the product is taken entry by entry.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \mathbf{A} \odot \mathbf{a} =
#    \begin{bmatrix} 2 & 3 \\ 4 & 5 \\ 6 & 7 \end{bmatrix} \odot
#    \begin{bmatrix} 1 & 1 \\ 2 & 2 \\ 3 & 3 \end{bmatrix} =
#    \begin{bmatrix} 2 & 3 \\ 8 & 10 \\ 18 & 21 \end{bmatrix},
#    \quad \text{a } 3 \times 2 \text{ matrix}
#
# # sphinx_gallery_ee4414_reveal_end
#
# .. note::
#
#    The slides state the shape of this result as 3 by 1 in the question but work it out
#    as 3 by 2 in the answer. The computed shape is ``(3, 2)``: broadcasting never
#    shrinks an axis, so the result is at least as large as each input in every axis.

# %%
# Check it in code
# ----------------

# sphinx_gallery_ee4414_answer_start
result = A * a
# sphinx_gallery_ee4414_answer_end
print(result)
print(f"shape: {tuple(result.shape)}")

assert torch.equal(result, torch.tensor([[2.0, 3.0], [8.0, 10.0], [18.0, 21.0]]))
assert tuple(result.shape) == (3, 2)

# %%
# The stretched column, made explicit with :meth:`torch.Tensor.expand`, gives the same
# product without any broadcasting:
a_stretched = a.expand(3, 2)
print(a_stretched)
assert torch.equal(A * a_stretched, result)


# %%
# Picture the stretching
# ----------------------
# Filled cells hold the numbers that were really stored; the hatched column is the copy
# broadcasting makes up so that the two grids line up.
def draw_grid(ax, values, original, title, color):
    """Draw a matrix as labelled cells; cells where ``original`` is False are hatched."""
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            cell = Rectangle(
                (j, i),
                1,
                1,
                facecolor=color if original[i][j] else "white",
                edgecolor="0.3",
                hatch=None if original[i][j] else "//",
                alpha=0.55 if original[i][j] else 0.5,
            )
            ax.add_patch(cell)
            ax.text(j + 0.5, i + 0.5, f"{values[i, j]:g}", ha="center", va="center", fontsize=13)
    ax.set(xlim=(0, cols), ylim=(rows, 0), aspect="equal", xticks=[], yticks=[], title=title)


all_cells = [[True, True] for _ in range(3)]
first_column = [[True, False] for _ in range(3)]

fig, axes = plt.subplots(1, 3, figsize=(9, 4), layout="constrained")
draw_grid(axes[0], A, all_cells, "A: (3, 2)", "tab:blue")
draw_grid(axes[1], a_stretched, first_column, "a: (3, 1) stretched to (3, 2)", "tab:orange")
draw_grid(axes[2], result, all_cells, "A * a: (3, 2)", "tab:green")
for ax, symbol in zip(axes[:2], ["*", "="], strict=True):
    ax.text(1.15, 0.5, symbol, transform=ax.transAxes, fontsize=22, ha="center", va="center")
fig.legend(
    handles=[
        Patch(facecolor="0.75", edgecolor="0.3", label="original entry"),
        Patch(facecolor="white", edgecolor="0.3", hatch="//", label="repeated by broadcasting"),
    ],
    loc="outside lower center",
    ncol=2,
)
fig.suptitle("Each row of A is scaled by one entry of a")

# %%
# Why the column must be a column
# -------------------------------
# Written as a 1-D tensor, ``[1, 2, 3]`` has shape ``(3,)``. Broadcasting pads it on the
# **left** to ``(1, 3)``, a row, and then its 3 meets the 2 columns of
# :math:`\mathbf{A}`: neither is 1, so the shapes do not fit. PyTorch raises a
# :class:`RuntimeError`; the library's :class:`ValueError` names the axis.
flat = torch.tensor([1.0, 2.0, 3.0])
try:
    A * flat
except RuntimeError as err:
    print(f"RuntimeError: {err}")
try:
    ee4414.explain_broadcast(A.shape, flat.shape)
except ValueError as err:
    print(f"ValueError: {err}")

# %%
# A row of length 2 does fit, and scales the *columns* instead of the rows. This is why
# the course keeps vectors as explicit ``(n, 1)`` columns: the shape says which axis the
# values run along.
row = torch.tensor([10.0, 100.0])
print(ee4414.explain_broadcast(A.shape, row.shape))
print(A * row)
assert torch.equal(A * row, torch.tensor([[20.0, 300.0], [40.0, 500.0], [60.0, 700.0]]))

# %%
# Try it yourself
# ---------------
#
# - Compute ``A * a.T`` by hand first. Does it broadcast? (Compare ``(3, 2)`` with
#   ``(1, 3)`` from the right.)
# - Turn ``flat`` into a column with ``flat.unsqueeze(1)`` or ``flat.reshape(3, 1)`` and
#   multiply again.
# - Predict the shape of ``A * torch.ones(4, 1, 1)`` and check it with
#   :func:`ee4414.explain_broadcast`.
#
# Further reading: https://pytorch.org/docs/stable/notes/broadcasting.html
