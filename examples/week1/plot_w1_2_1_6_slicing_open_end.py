r"""
W1-2.1.6 · Slicing III: open-ended ranges, and inferring any slice's shape
==========================================================================

A range may leave out its stop (or its start): ``1:`` runs from position 1 to the end of
the dimension, whatever its size. With this last form in hand, the three slicing
exercises add up to one rule that predicts the shape of any index expression, which we
write down as a few lines of Python and test against PyTorch.

**You will learn**

- that ``a:`` means "from ``a`` to the end" and ``:b`` "from the start up to ``b``";
- to infer the shape of a slice slot by slot, without running it;
- that ``Z[1, :, 1:]`` passes the tuple ``(1, slice(None), slice(1, None))`` to PyTorch.

**Exercise.** From the 2×3×4 tensor :math:`\underline{\mathbf{Z}}` of W1-2.1.3 (zeros,
except :math:`Z_{1,1,2} = 1`), take the last three columns of the second matrix,
``Z[1, :, 1:]``. Infer its shape before you print it.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The tensor from W1-2.1.3
# ------------------------

Z = torch.zeros(2, 3, 4)
Z[1, 1, 2] = 1

# %%
# Infer the shape, then slice
# ---------------------------
# The last dimension of ``Z`` has 4 positions (0 to 3). ``1:`` starts at 1 and runs to the
# end, so it keeps positions 1, 2 and 3: :math:`4 - 1 = 3` of them. The integer 1 drops the
# first dimension and ``:`` keeps all 3 rows, so the answer is a 3×3 matrix.
#
# # sphinx_gallery_ee4414_reveal_start
#
# Only :math:`Z_{1,1,2}` is 1, and column 2 of ``Z`` is column 1 of the slice:
#
# .. math::
#
#    Z_{[1,\,:,\,1:]} = \begin{bmatrix} 0 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 0 \end{bmatrix}
#    \in \mathbb{R}^{3 \times 3}.
#
# # sphinx_gallery_ee4414_reveal_end

# sphinx_gallery_ee4414_answer_start
tail = Z[1, :, 1:]
# sphinx_gallery_ee4414_answer_end
print(tail)
print(ee4414.describe(tail))

# %%
# An open end adapts to the size, so ``1:`` is the same as ``1:4`` here, and the same as
# ``-3:`` (the last three positions). Of the three, ``1:`` still reads correctly if the
# tensor later grows more columns.

print(f"1: == 1:4  -> {torch.equal(tail, Z[1, :, 1:4])}")
print(f"1: == -3:  -> {torch.equal(tail, Z[1, :, -3:])}")

# %%
# Where the entries come from
# ---------------------------


selected = torch.zeros(Z.shape, dtype=torch.bool)
selected[1, :, 1:] = True

fig, axes = plt.subplots(1, 3, figsize=(10, 3.2), width_ratios=[4, 4, 3], layout="constrained")
for i in range(2):
    ee4414.plot_matrix(
        Z[i], selected[i], ax=axes[i], title=f"Z[{i}]", xlabel="k (column)", ylabel="j (row)"
    )
ee4414.plot_matrix(
    tail,
    torch.ones_like(tail),
    ax=axes[2],
    title="result (3, 3)",
    xlabel="k (column)",
    ylabel="j (row)",
)
axes[2].set(xlabel="column", ylabel="row")
fig.suptitle("Z[1, :, 1:]: from column 1 to the end of the second matrix")

# %%
# One rule for every slice
# ------------------------
# Inside the square brackets Python builds a tuple: ``Z[1, :, 1:]`` is
# ``Z[(1, slice(None), slice(1, None))]``, where ``slice(start, stop)`` is the object
# behind ``start:stop`` (``None`` for a part left out). For a dimension of size :math:`n`,
# each slot of the tuple contributes to the result shape as follows:
#
# .. math::
#
#    \text{integer} \;\to\; \text{dimension removed}, \qquad
#    a{:}b \;\to\; b - a, \qquad
#    a{:} \;\to\; n - a, \qquad
#    {:} \;\to\; n,
#
# for :math:`0 \le a \le b \le n`; dimensions after the last slot are kept whole. In code,
# :meth:`slice.indices` also handles the other cases (negative, missing or too large
# ends): it clips a slice to a size ``n``, and the length of the matching :class:`range`
# is the number of positions.


def infer_shape(shape, index):
    """Predict the shape of ``t[index]`` for a tensor ``t`` of the given shape."""
    result = []
    for dim, item in enumerate(index):
        if isinstance(item, slice):
            result.append(len(range(*item.indices(shape[dim]))))
        # an integer picks one position: its dimension disappears
    result.extend(shape[len(index) :])
    return tuple(result)


# %%
# Test the rule on the index expressions of all three slicing exercises, and a few more.

cases = {
    "Z[1]": (1,),
    "Z[1, :, 2]": (1, slice(None), 2),
    "Z[1, :, 2:3]": (1, slice(None), slice(2, 3)),
    "Z[1, :, 1:3]": (1, slice(None), slice(1, 3)),
    "Z[:, :, 1:3]": (slice(None), slice(None), slice(1, 3)),
    "Z[1, :, 1:]": (1, slice(None), slice(1, None)),
    "Z[1, :, -3:]": (1, slice(None), slice(-3, None)),
    "Z[0, 1:]": (0, slice(1, None)),
}
for text, index in cases.items():
    predicted = infer_shape(tuple(Z.shape), index)
    actual = tuple(Z[index].shape)
    print(f"{text:<14} predicted {predicted!s:<10} torch {actual}")
    assert predicted == actual, text

# %%
# Check
# -----

print(f"shape of Z[1, :, 1:] = {tuple(tail.shape)}")
assert tuple(tail.shape) == (3, 3)
assert infer_shape((2, 3, 4), (1, slice(None), slice(1, None))) == (3, 3)
assert torch.equal(tail, torch.tensor([[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]))
assert torch.equal(Z[(1, slice(None), slice(1, None))], tail)

# %%
# Try it yourself
# ---------------
#
# - Infer, then check, the shapes of ``Z[:1]``, ``Z[-1, -1]`` and ``Z[:, 1:, :2]``.
# - Add steps to ``infer_shape``'s tests, e.g. ``Z[1, :, ::2]``: does the rule still hold?
#   (``slice.indices`` already knows about steps.)
# - ``infer_shape`` ignores ``None`` and ``...`` in an index. Look them up in the NumPy
#   indexing guide and predict what ``Z[1, None].shape`` is.
#
# Further reading: https://numpy.org/doc/stable/user/basics.indexing.html (PyTorch's basic
# indexing follows the same rules) and https://docs.python.org/3/library/functions.html#slice
