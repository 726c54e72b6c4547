r"""
W1-2.4.3 · Broadcasting: a column times a row
=============================================

Multiplying a ``(3, 1)`` column by a ``(1, 3)`` row element-wise does not fail, and it does
not give a vector either: it gives a ``(3, 3)`` matrix. The reason is *broadcasting*, the
rule by which PyTorch lets tensors of different shapes meet in an element-wise operation.
Knowing it lets you predict shapes instead of discovering them, and avoid the silent
shape surprises that broadcasting can cause.

**You will learn**

- the broadcasting rule: align shapes on the right, pad with 1s, stretch the 1s;
- why ``a * a.T`` is a ``3 x 3`` matrix, with :func:`ee4414.explain_broadcast` spelling
  it out;
- how to do the stretching by hand with :meth:`torch.Tensor.expand` and see it in a figure.

**Exercise.** For the column :math:`\mathbf{a} = [2, 3, 5]^\top` compute ``a * a.T``, the
element-wise product of :math:`\mathbf{a}` with its own transpose. What comes out, of
which shape, and why is it a matrix?
"""

# %%
# A column and its transpose
# --------------------------
import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Patch, Rectangle

import ee4414

a = torch.tensor([[2.0], [3.0], [5.0]])
print(f"a: {tuple(a.shape)}, a.T: {tuple(a.T.shape)}")

# %%
# Multiply them element-wise
# --------------------------
# Entry :math:`(i, j)` of the result is the :math:`i`-th entry of the column times the
# :math:`j`-th entry of the row:
#
# .. math::
#
#    (\mathbf{a} \odot \mathbf{a}^\top)_{ij} = a_i \, a_j .
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \begin{bmatrix} 2 \\ 3 \\ 5 \end{bmatrix} \odot \begin{bmatrix} 2 & 3 & 5 \end{bmatrix}
#    = \begin{bmatrix} 4 & 6 & 10 \\ 6 & 9 & 15 \\ 10 & 15 & 25 \end{bmatrix}
#
# # sphinx_gallery_ee4414_reveal_end

# sphinx_gallery_ee4414_answer_start
result = a * a.T
# sphinx_gallery_ee4414_answer_end
print(result)
print(f"shape: {tuple(result.shape)}")

assert torch.equal(result, torch.tensor([[4.0, 6.0, 10.0], [6.0, 9.0, 15.0], [10.0, 15.0, 25.0]]))
assert tuple(result.shape) == (3, 3)

# %%
# Why is the result a matrix?
# ---------------------------
# PyTorch lines the two shapes up from the right and walks through them axis by axis.
# Two sizes are compatible when they are equal or when one of them is 1; a size of 1 is
# then *stretched*, its values repeated, until it matches the other. Here both axes hold
# a 1 on one side and a 3 on the other, so **both** inputs get stretched to ``(3, 3)``:
# the column is copied into three columns, the row into three rows. The library's
# :func:`ee4414.explain_broadcast` prints these steps:
explanation = ee4414.explain_broadcast(a.shape, a.T.shape)
print(explanation)
assert explanation.result == (3, 3)

# %%
# Stretch by hand
# ---------------
# :meth:`torch.Tensor.expand` performs the stretching explicitly, without copying any
# memory. Multiplying the two stretched ``(3, 3)`` matrices needs no broadcasting at all,
# and it gives exactly the same numbers:
a_wide = a.expand(3, 3)  # the column repeated three times, side by side
row_tall = a.T.expand(3, 3)  # the row repeated three times, one under the other
print(a_wide)
print(row_tall)
assert torch.equal(a_wide * row_tall, result)

# %%
# The same numbers as an outer product
# ------------------------------------
# Because every :math:`a_i` meets every :math:`a_j` exactly once and nothing is summed,
# this is also the *outer product* :math:`\mathbf{a}\mathbf{a}^\top`, the matrix product of
# a ``(3, 1)`` by a ``(1, 3)`` matrix (the inner size 1 leaves one term per sum):
assert torch.equal(a @ a.T, result)
print("a @ a.T equals a * a.T:", torch.equal(a @ a.T, result))


# %%
# Picture the stretching
# ----------------------
# Each input is drawn as the ``(3, 3)`` grid it is stretched to. Filled cells hold the
# original numbers, hatched cells are the repeats that broadcasting makes up. The third
# grid is the product, cell by cell.
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


column_cells = [[j == 0 for j in range(3)] for i in range(3)]
row_cells = [[i == 0 for j in range(3)] for i in range(3)]
all_cells = [[True] * 3 for _ in range(3)]

fig, axes = plt.subplots(1, 3, figsize=(10, 4), layout="constrained")
draw_grid(axes[0], a_wide, column_cells, "a: (3, 1) stretched to (3, 3)", "tab:blue")
draw_grid(axes[1], row_tall, row_cells, "a.T: (1, 3) stretched to (3, 3)", "tab:orange")
draw_grid(axes[2], result, all_cells, "a * a.T: (3, 3)", "tab:green")
for ax, symbol in zip(axes[:2], ["*", "="], strict=True):
    ax.text(1.1, 0.5, symbol, transform=ax.transAxes, fontsize=22, ha="center", va="center")
fig.legend(
    handles=[
        Patch(facecolor="0.75", edgecolor="0.3", label="original entry"),
        Patch(facecolor="white", edgecolor="0.3", hatch="//", label="repeated by broadcasting"),
    ],
    loc="outside lower center",
    ncol=2,
)
fig.suptitle("Broadcasting a column against a row")

# %%
# A warning sign
# --------------
# Broadcasting never complains when shapes happen to fit, even if you did not mean them
# to. If you wanted the three squares :math:`[4, 9, 25]^\top` (W1-2.4.1) but wrote
# ``a * a.T``, you get nine numbers instead. Printing the shape, or asking
# :func:`ee4414.explain_broadcast` first, catches such slips early.
print(f"a * a   -> {tuple((a * a).shape)}")
print(f"a * a.T -> {tuple((a * a.T).shape)}")

# %%
# Try it yourself
# ---------------
#
# - Predict the shape of ``a * a.T`` when ``a`` has shape ``(4, 1)``, then check it.
# - Compute ``a + a.T``: broadcasting works the same for every element-wise operation.
# - Print ``ee4414.explain_broadcast((2, 1, 3), (4, 1))`` and follow each step by hand.
# - Try ``a.T * a``: is it the same matrix, and why?
#
# Further reading: https://pytorch.org/docs/stable/notes/broadcasting.html
