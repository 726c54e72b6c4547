r"""
W1-2.2.1 · Stack two column vectors
===================================

:func:`torch.stack` takes a list of tensors that all have the same shape and puts them
side by side along a **new** axis. It is how separate data points become one batch: two
``(3, 1)`` column vectors turn into one ``(2, 3, 1)`` tensor that holds both, and the
position of the new axis is yours to choose.

**You will learn**

- what :func:`torch.stack` returns, and why its result has one more dimension than its inputs;
- how the ``dim`` argument (0, 1, 2 or a negative number) moves the new axis;
- how many tensors can be stacked, and what happens with different shapes or dtypes.

**Exercise.** Take the column vectors :math:`\mathbf{a} = [1, 3, 5]^\top` and
:math:`\mathbf{b} = [2, 4, 6]^\top`, both of shape ``(3, 1)``, and stack them with
:func:`torch.stack`. What shape comes out? Then answer the follow-up questions: can the
new axis go somewhere else, how many vectors can be stacked, and may their dtypes differ?
"""

# %%
# Two column vectors
# ------------------
# Both vectors are 32-bit floats with three rows and one column. The outer list holds
# the rows, each inner list the single entry of that row.
import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_2_1_stack_vectors.png"

a = torch.tensor([[1.0], [3.0], [5.0]], dtype=torch.float32)
b = torch.tensor([[2.0], [4.0], [6.0]], dtype=torch.float32)
print(f"a: {tuple(a.shape)}, b: {tuple(b.shape)}")

# %%
# Stack along a new first axis
# ----------------------------
# With ``dim=0`` the new axis comes first and counts the inputs: ``s[0]`` is ``a`` and
# ``s[1]`` is ``b``. Every input keeps its own shape inside the result.
#
# .. math::
#
#    \mathbf{s} = \operatorname{stack}(\mathbf{a}, \mathbf{b}) \in \mathbb{R}^{2 \times 3 \times 1},
#    \qquad \mathbf{s}[0] = \mathbf{a}, \quad \mathbf{s}[1] = \mathbf{b}

# sphinx_gallery_ee4414_answer_start
s = torch.stack([a, b], dim=0)
# sphinx_gallery_ee4414_answer_end
print(s)
print(f"shape with dim=0: {tuple(s.shape)}")

assert tuple(s.shape) == (2, 3, 1)
assert torch.equal(s, torch.tensor([[[1.0], [3.0], [5.0]], [[2.0], [4.0], [6.0]]]))
assert torch.equal(s[0], a)
assert torch.equal(s[1], b)

# %%
# **What is the shape of the output?** ``(2, 3, 1)``: the two inputs of shape ``(3, 1)``
# are kept whole, and a new axis of length 2 (one slot per input) is put in front.
#
# The library's :func:`ee4414.describe` prints the facts that matter about a tensor in
# one line; later weeks use it whenever a shape needs checking.
print(ee4414.describe(s))

# %%
# Stack along the other axes
# --------------------------
# ``dim`` says *where* the new axis of length 2 goes. A ``(3, 1)`` input has two axes, so
# the result has three and the new axis can sit in position 0, 1 or 2. Negative values
# count from the end of the result: ``dim=-1`` is the same as ``dim=2``.
for dim in (0, 1, 2, -1):
    stacked = torch.stack([a, b], dim=dim)
    print(f"dim={dim:>2}: shape {tuple(stacked.shape)}")

# sphinx_gallery_ee4414_answer_start
s1 = torch.stack([a, b], dim=1)
s2 = torch.stack([a, b], dim=2)
# sphinx_gallery_ee4414_answer_end
s_last = torch.stack([a, b], dim=-1)
assert tuple(s1.shape) == (3, 2, 1)
assert tuple(s2.shape) == (3, 1, 2)
assert torch.equal(s_last, s2)

# %%
# The values are the same in every case; only where you find them changes. With
# ``dim=2`` the two vectors end up next to each other in the last axis, so row ``i``
# holds the pair ``(a[i], b[i])``:
print(s2.squeeze(1))
assert torch.equal(s2.squeeze(1), torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))

# %%
# An axis number beyond the last position raises an :class:`IndexError`, because a
# three-axis result has no fourth place to put the new axis in.
try:
    torch.stack([a, b], dim=3)
except IndexError as err:
    print(f"IndexError: {err}")

# %%
# How many tensors can be stacked?
# --------------------------------
# Any number from one upwards: the new axis simply has as many entries as there are
# tensors in the list. An empty list is the only thing that fails.
five = torch.stack([a, b, a, b, a])
one = torch.stack([a])
print(f"five vectors: {tuple(five.shape)}, one vector: {tuple(one.shape)}")
assert tuple(five.shape) == (5, 3, 1)
assert tuple(one.shape) == (1, 3, 1)

try:
    torch.stack([])
except RuntimeError as err:
    print(f"RuntimeError: {err}")

# %%
# The shapes must agree
# ---------------------
# Stacking places the inputs in a grid, so each must fill exactly the same cells. A
# ``(2, 1)`` vector cannot sit next to a ``(3, 1)`` one:
short = torch.tensor([[7.0], [8.0]])
try:
    torch.stack([a, short])
except RuntimeError as err:
    print(f"RuntimeError: {err}")

# %%
# Can vectors of different dtypes be stacked?
# -------------------------------------------
# Yes. PyTorch applies its usual *type promotion*: a floating-point input beats an integer
# one, and of two floating-point inputs the wider wins. Here that gives ``float64`` for a
# ``float32`` plus a ``float64`` input, and ``float32`` for a ``float32`` plus an integer
# input. For these small numbers nothing is lost.
b64 = b.double()
b_int = torch.tensor([[2], [4], [6]])
mixed_double = torch.stack([a, b64])
mixed_int = torch.stack([a, b_int])
print(f"float32 with float64 -> {mixed_double.dtype}")
print(f"float32 with int64   -> {mixed_int.dtype}")
assert mixed_double.dtype == torch.float64
assert mixed_int.dtype == torch.float32
assert torch.equal(mixed_double.float(), s)

# %%
# The promoted dtype does not promise to hold every input exactly, though. ``float32`` has
# 24 significant bits, so the integer :math:`2^{24} + 1 = 16\,777\,217` (an ``int64``)
# becomes :math:`16\,777\,216` when it is stacked with a ``float32`` vector. Convert
# explicitly, and to a dtype that holds your numbers (see
# :doc:`plot_w1_2_7_float_and_double`).
big = torch.tensor([[2**24 + 1], [0], [0]])
mixed_big = torch.stack([a, big])
print(f"{big[0, 0].item()} stacked with float32 -> {mixed_big[1, 0, 0].item():.0f}")
assert mixed_big.dtype == torch.float32
assert mixed_big[1, 0, 0].item() == 16_777_216  # not 16 777 217: the promotion lost it
assert torch.stack([a.double(), big])[1, 0, 0].item() == 16_777_217  # float64 keeps it

# %%
# Try it yourself
# ---------------
#
# - Stack three row vectors of shape ``(1, 3)`` with ``dim=0`` and with ``dim=1``;
#   predict both shapes before you run the code.
# - Check that ``torch.stack([a, b], dim=d)`` equals
#   ``torch.cat([a.unsqueeze(d), b.unsqueeze(d)], dim=d)`` for every valid ``d``.
# - Stack a ``float32`` and a ``bool`` tensor: which dtype wins?
# - Stack ten copies of ``a`` with a list comprehension and print the shape.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.stack.html and, on
# type promotion, https://pytorch.org/docs/stable/tensor_attributes.html
