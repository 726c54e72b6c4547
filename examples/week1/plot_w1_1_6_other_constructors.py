r"""
W1-1.6 · Other ways to make a tensor: ones, arange, eye, rand
=============================================================

:func:`torch.zeros` has several siblings that fill a new tensor in a fixed pattern. They
share its signature (sizes, then ``dtype``, ``device`` and ``requires_grad`` by name), so
after W1-1.1 their documentation pages hold no surprises. Random tensors need one extra
idea: a *seed*, which makes "random" numbers repeat exactly, so that a result can be
checked and reproduced.

**You will learn**

- :func:`torch.ones` (all ones), :func:`torch.arange` (evenly spaced values),
  :func:`torch.eye` (the identity matrix) and :func:`torch.rand` (uniform random numbers
  in :math:`[0, 1)`);
- that the end value given to :func:`torch.arange` is left out;
- to make random numbers reproducible with :func:`torch.manual_seed` or a
  :class:`torch.Generator`.

**Exercise.** Build a 3×1 column of ones, the numbers 1 to 12 with :func:`torch.arange`,
the 3×3 identity matrix and a 2×3 tensor of random numbers; then show that drawing the
random numbers again after setting the same seed gives the same tensor.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# ``torch.ones``
# --------------
# The same call as :func:`torch.zeros`, with every entry 1. A column of ones is handy, for
# example, to add the same bias to every row.

# sphinx_gallery_ee4414_answer_start
ones = torch.ones(3, 1, dtype=torch.float64)
# sphinx_gallery_ee4414_answer_end
print(ones.tolist())
print(ee4414.describe(ones))

# %%
# ``torch.arange``
# ----------------
# ``torch.arange(start, end, step)`` counts from ``start`` up to, but **not including**,
# ``end``, like Python's :class:`range`. So 1 to 12 needs ``end=13``. With integer
# arguments the result is ``int64``; a float anywhere among the arguments gives the
# default float type. Rearranged into three rows of four, the count is the matrix of
# W1-1.4.

# sphinx_gallery_ee4414_answer_start
count = torch.arange(1, 13)
# sphinx_gallery_ee4414_answer_end
print(f"arange(1, 13)        -> {count.tolist()}  ({count.dtype})")
quarters = torch.arange(0, 1, 0.25)
print(f"arange(0, 1, 0.25)   -> {quarters.tolist()}  ({quarters.dtype})")

A = count.reshape(3, 4)
print(A)

# %%
# ``torch.eye``
# -------------
# The identity matrix :math:`\mathbf{I}` has ones on the diagonal and zeros elsewhere, so
# :math:`\mathbf{I}\mathbf{x} = \mathbf{x}` for every column :math:`\mathbf{x}`. Its name
# is a pun on the letter I. A second size gives a rectangular version.

# sphinx_gallery_ee4414_answer_start
I3 = torch.eye(3)
# sphinx_gallery_ee4414_answer_end
print(I3)
x = torch.tensor([[1.0], [3.0], [5.0]])
print(f"I @ x = {(I3 @ x).tolist()}")
print(f"eye(2, 3) = {torch.eye(2, 3).tolist()}")

# %%
# ``torch.rand`` and the seed
# ---------------------------
# :func:`torch.rand` draws each entry uniformly from :math:`[0, 1)`. The numbers come from
# a pseudo-random generator: a deterministic sequence that only *looks* random and starts
# from a seed. :func:`torch.manual_seed` resets PyTorch's global generator, so the same
# seed gives the same draws every time, on every run of this page.

# sphinx_gallery_ee4414_answer_start
torch.manual_seed(0)
first = torch.rand(2, 3)
second = torch.rand(2, 3)  # the generator has moved on: new numbers

torch.manual_seed(0)
again = torch.rand(2, 3)  # back to the start of the same sequence
# sphinx_gallery_ee4414_answer_end

for label, t in [("seed 0", first), ("next draw", second), ("seed 0 again", again)]:
    rows = " ".join("[" + ", ".join(f"{v:.4f}" for v in row) + "]" for row in t.tolist())
    print(f"{label:<13} {rows}")
print(f"same seed, same numbers: {torch.equal(first, again)}")
print(f"next draw differs:       {not torch.equal(first, second)}")

# %%
# A :class:`torch.Generator` is a private random stream. Passing it as ``generator=``
# keeps a draw reproducible even if other code uses the global generator in between;
# the library takes one wherever it draws random numbers (for example
# :class:`ee4414.Linear` for its initial weights).

g = torch.Generator().manual_seed(0)
from_generator = torch.rand(2, 3, generator=g)
print(f"Generator seeded with 0 matches manual_seed(0): {torch.equal(from_generator, first)}")

# %%
# The draws as pictures: the two panels with seed 0 are identical, seed 1 is not.


def draw_values(ax, values, title):
    """Show a small 2-D tensor as coloured cells with its values written in."""
    ax.imshow(values.numpy(), cmap="viridis", vmin=0.0, vmax=1.0)
    for j in range(values.shape[0]):
        for k in range(values.shape[1]):
            v = values[j, k].item()
            ax.text(k, j, f"{v:.2f}", ha="center", va="center", color="k" if v > 0.6 else "w")
    ax.set(xticks=range(values.shape[1]), yticks=range(values.shape[0]), title=title)


torch.manual_seed(1)
seed_one = torch.rand(2, 3)

fig, axes = plt.subplots(1, 3, figsize=(10, 2.6), layout="constrained")
for ax, values, title in zip(
    axes, [first, again, seed_one], ["seed 0", "seed 0 again", "seed 1"], strict=True
):
    draw_values(ax, values, title)
    ax.set(xlabel="column", ylabel="row")
fig.suptitle("torch.rand(2, 3) after torch.manual_seed(...)")

# %%
# Check
# -----

assert torch.equal(ones, torch.ones(3, 1, dtype=torch.float64))
assert count.tolist() == list(range(1, 13))
assert torch.equal(A, torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]))
assert torch.equal(I3 @ x, x)
assert torch.equal(first, again)
assert torch.equal(from_generator, first)
assert not torch.equal(first, second)
assert not torch.equal(first, seed_one)
assert bool(((first >= 0) & (first < 1)).all())

# %%
# Try it yourself
# ---------------
#
# - Run ``torch.rand(2, 3)`` twice in a row without reseeding, then put
#   ``torch.manual_seed(0)`` before each call. What changes?
# - Use :func:`torch.randn` (normal instead of uniform) with a seed. Are its values still
#   between 0 and 1?
# - Make ``torch.arange(0, 1, 0.1)`` and count its entries. Is 1.0 among them?
# - ``torch.ones_like(A)`` and ``torch.zeros_like(A)`` copy the shape and dtype of ``A``:
#   check with :func:`ee4414.describe`.
#
# Further reading: https://pytorch.org/docs/stable/notes/randomness.html
