r"""
W1-1.1 · Read the docs, then build a zero column vector
=======================================================

The first skill of the course is not a formula: it is reading the PyTorch documentation
well enough to call a function you have never seen. We practise on :func:`torch.zeros`,
whose page has the same layout as every other one (a signature, a one-line summary, the
arguments, a few examples), and use it to make the simplest data point there is.

**You will learn**

- to read a signature: positional arguments, the lone ``*`` that makes the rest
  keyword-only, and default values;
- what the four arguments that come back all course long mean: ``size``, ``dtype``,
  ``device`` and ``requires_grad``;
- to check a tensor's shape, dtype, device and gradient flag, by hand and with
  :func:`ee4414.describe`.

**Exercise.** Make a column vector of three zeros, shape 3×1, whose entries are 64-bit
real numbers (float64), kept in the CPU's memory. It plays the part of one data point of
a dataset, so autograd should not track it.
"""

import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_1_1_zeros_column_vector.png"

# %%
# Where the documentation lives
# -----------------------------
# The hosted page for :func:`torch.zeros` is the reference. The same text ships with the
# library: ``help(torch.zeros)`` prints it, and in Jupyter ``torch.zeros?`` opens it in a
# pane. Its first line is the signature, which tells you how to call the function.

signature = torch.zeros.__doc__.strip().splitlines()[0]
print(signature)

# %%
# How to read that line, piece by piece:
#
# - ``*size`` (a star before a name) collects *any number* of positional integers: these
#   are the sizes of the dimensions, so ``torch.zeros(3, 1)`` has two of them.
# - The lone ``*`` is a fence: every argument after it must be passed by name, as in
#   ``dtype=torch.float64``. (After a ``*size`` nothing could be passed by position
#   anyway: ``*size`` takes every positional argument there is.)
# - ``name=value`` gives the default, what you get when you say nothing. Only ``size`` has
#   no default, so it is the one thing you must always supply.
# - ``-> Tensor`` says what comes back.
#
# ``out`` (write into an existing tensor) and ``layout`` (dense or sparse storage) are
# rarely needed in this course; the other four are needed every week.
#
# A dtype passed by position shows what ``*size`` does: it takes the dtype as one more
# size, and the call fails because a dtype is not an integer. The message names ``size``,
# not ``dtype``.

try:
    torch.zeros(3, 1, torch.float64)
except TypeError as err:
    size_error = str(err)
print(f"TypeError: {size_error}")
assert "argument 'size'" in size_error
assert "torch.dtype" in size_error

# %%
# ``size``: the shape
# -------------------
# The sizes can be listed one by one, or passed as a single list or tuple. All three
# spellings describe the same 3×1 shape, so they build the same tensor.

by_args = torch.zeros(3, 1)
by_list = torch.zeros([3, 1])
by_tuple = torch.zeros((3, 1))
for name, t in [("zeros(3, 1)", by_args), ("zeros([3, 1])", by_list), ("zeros((3, 1))", by_tuple)]:
    print(f"{name:<14} -> shape {tuple(t.shape)}")

assert by_args.shape == by_list.shape == by_tuple.shape == (3, 1)

# %%
# ``dtype``: what kind of number each entry is
# --------------------------------------------
# With ``dtype=None`` PyTorch uses its global default, which is 32-bit floating point.
# The exercise asks for 64 bits, so we must say so. Several dtypes have two names that
# mean the same object, e.g. ``torch.float64`` and ``torch.double``. The full list is on
# the :class:`torch.dtype` page; the ones this course meets are below, with the memory
# each entry takes.

print(f"default dtype: {torch.get_default_dtype()}")
print(f"torch.double is torch.float64: {torch.double is torch.float64}")
print(f"torch.float is torch.float32:  {torch.float is torch.float32}")
for dtype in [torch.float16, torch.float32, torch.float64, torch.int64, torch.bool]:
    nbytes = torch.zeros(1, dtype=dtype).element_size()
    print(f"{dtype!s:>14}: {nbytes} byte(s) per entry")

# %%
# ``device``: where the numbers are stored
# ----------------------------------------
# A tensor lives in one memory: the CPU's RAM or a GPU's. A :class:`torch.device` names
# it, and a plain string such as ``"cpu"`` or ``"cuda:0"`` is accepted wherever a device
# is expected. The default (``None``) is the CPU unless you change it. Operations need
# their inputs on the same device, and copying between CPU and GPU costs time, which is
# why you choose the device when you create a tensor (W1-2.6 moves tensors around).
# Naming a device needs no hardware; only putting a tensor there does.

cpu, first_gpu = torch.device("cpu"), torch.device("cuda", 0)
print(f"{cpu!s:<7} type={cpu.type!r}")
print(f"{first_gpu!s:<7} type={first_gpu.type!r}, index={first_gpu.index}")

# %%
# ``requires_grad``: should autograd record what happens to it?
# -------------------------------------------------------------
# Set it to ``True`` for the numbers training will adjust, such as the weights and biases
# of a model, so that their gradients can be computed (week 2). Leave it at ``False`` for
# everything that stays fixed: the dataset and settings such as the learning rate. Our
# vector is a data point, so ``False``, which is also the default.

# %%
# The answer
# ----------
# In the course's notation a column vector is a bold lower-case letter:
#
# .. math::
#
#    \mathbf{a} = \begin{bmatrix} 0 \\ 0 \\ 0 \end{bmatrix},
#    \qquad \mathbf{a} \in \mathbb{R}^{3 \times 1}.
#
# All four arguments are spelled out, even the ones equal to their defaults, so the code
# documents itself.

# sphinx_gallery_ee4414_answer_start
a = torch.zeros(
    (3, 1),  # size: 3 rows, 1 column
    dtype=torch.float64,  # 64-bit real numbers
    device="cpu",  # stored in the CPU's memory
    requires_grad=False,  # a data point: nothing to learn here
)
# sphinx_gallery_ee4414_answer_end
print(a)
print(f"shape {tuple(a.shape)}, dtype {a.dtype}")
print(f"device {a.device}, requires_grad {a.requires_grad}")

# %%
# The aliases and a :class:`torch.device` object give an identical tensor, and keyword
# arguments may come in any order. :func:`torch.equal` is ``True`` only when two tensors
# have the same shape and the same values.

a_alias = torch.zeros([3, 1], requires_grad=False, device=torch.device("cpu"), dtype=torch.double)
print(f"same values and shape: {torch.equal(a, a_alias)}, same dtype: {a.dtype == a_alias.dtype}")
assert torch.equal(a, a_alias)
assert a_alias.dtype == torch.float64

# %%
# Without ``dtype`` the result would have the default 32-bit type: same shape, same zeros,
# but half the precision.

print(f"zeros(3, 1) without dtype: {by_args.dtype}")

# %%
# Check the four facts
# --------------------
# Printing the four attributes one by one gets tedious. The library's
# :func:`ee4414.describe` puts them on one line; the later examples use it whenever they
# show a tensor.

print(ee4414.describe(a))
print(f"shape {tuple(a.shape)}, dtype {str(a.dtype).removeprefix('torch.')}")

assert tuple(a.shape) == (3, 1)
assert a.dtype == torch.float64
assert a.device.type == "cpu"
assert a.requires_grad is False
assert ee4414.describe(a) == (
    "shape (3, 1) | dtype torch.float64 | device cpu | requires_grad False"
)

# %%
# Try it yourself
# ---------------
#
# - Call ``torch.zeros((3, 1), torch.float64)``: the sizes are now one tuple, yet the call
#   still fails. Read the message and explain it with ``*size`` and the lone ``*``.
# - Make the same vector with ``requires_grad=True`` and print it: what extra text
#   appears? Then try ``requires_grad=True`` with ``dtype=torch.int64``; why does PyTorch
#   refuse?
# - Build ``torch.zeros(2, 3, 4)`` and predict its shape before printing it.
# - Open the page for ``torch.ones`` and check that its signature has the same four
#   arguments.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.zeros.html and the
# tensor attributes page, https://pytorch.org/docs/stable/tensor_attributes.html
