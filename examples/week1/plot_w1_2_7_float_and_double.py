r"""
W1-2.7 · Converting between float32 and float64
===============================================

A tensor's *dtype* fixes how each number is stored. PyTorch's default, ``float32``, keeps
about 7 significant decimal digits in 4 bytes; ``float64`` ("double") keeps about 16 in 8
bytes. Deep learning mostly uses ``float32``, because it is half the memory and much faster
on GPUs; checking hand-derived gradients (week 5) uses ``float64``, because rounding
errors must not hide a mistake. Converting between the two is one method call, but
operations such as the matrix product refuse to mix them.

**You will learn**

- to convert with :meth:`torch.Tensor.double`, :meth:`torch.Tensor.float` and
  :meth:`torch.Tensor.to`;
- what precision means: how 0.1 is really stored, and the machine epsilon from
  :class:`torch.finfo`;
- which round trips are exact and which lose digits;
- that ``@`` needs both operands in the same dtype, while ``*`` promotes (except for a
  0-d tensor).

**Exercise.** Convert a ``float32`` tensor, the column :math:`[0.1, 0.2, 0.3]^\top`, to
``float64`` and back to ``float32``, using ``.double()``, ``.float()`` and ``.to(dtype)``,
and check the dtype after each step.
"""

# %%
# Start from float32
# ------------------
import math

import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_7_float_and_double.png"

print(f"default dtype: {torch.get_default_dtype()}")
x = torch.tensor([[0.1], [0.2], [0.3]])
print(ee4414.describe(x))
assert x.dtype == torch.float32

# %%
# Convert to float64 and back
# ---------------------------
# ``.double()`` and ``.float()`` are short names for ``.to(torch.float64)`` and
# ``.to(torch.float32)``. Each returns a **new** tensor; ``x`` itself keeps its dtype.

# sphinx_gallery_ee4414_answer_start
x64 = x.double()
x64_to = x.to(torch.float64)
x32 = x64.float()
x32_to = x64.to(torch.float32)
# sphinx_gallery_ee4414_answer_end
for name, t in [("x.double()", x64), ("x.to(float64)", x64_to), ("x64.float()", x32)]:
    print(f"{name:<14} -> {t.dtype}, {t.element_size()} bytes per number")

assert x64.dtype == torch.float64
assert x64_to.dtype == torch.float64
assert x32.dtype == torch.float32
assert x32_to.dtype == torch.float32
assert x.dtype == torch.float32  # the original is unchanged

# %%
# float32 -> float64 -> float32 gives back exactly the numbers you started with: every
# ``float32`` value can be written as a ``float64``, and converting back rounds to the
# value it came from.
assert torch.equal(x32, x)
assert torch.equal(x32_to, x)
print("float32 -> float64 -> float32 is exact:", torch.equal(x32, x))

# %%
# How 0.1 is really stored
# ------------------------
# Neither format can hold 0.1 exactly, since it has no finite binary expansion; each
# stores the nearest number it can. Printing 20 decimals shows how close each gets: the
# relative error is below half of the format's machine epsilon (next section), which is
# what "about 7 significant digits" for ``float32`` and "about 16" for ``float64`` mean.
tenth32 = torch.tensor(0.1, dtype=torch.float32)
tenth64 = torch.tensor(0.1, dtype=torch.float64)
print(f"0.1 as float32: {tenth32.item():.20f}")
print(f"0.1 as float64: {tenth64.item():.20f}")
assert f"{tenth32.item():.20f}" == "0.10000000149011611938"
assert f"{tenth64.item():.20f}" == "0.10000000000000000555"
rel32 = abs(tenth32.item() - 0.1) / 0.1  # 0.1 as a Python float is float64's value
assert rel32 < torch.finfo(torch.float32).eps / 2

# %%
# Converting to ``float64`` does not bring the lost digits back: ``.double()`` copies the
# ``float32`` approximation exactly, error included.
print(f"float32 0.1, then .double(): {tenth32.double().item():.20f}")
assert not torch.equal(tenth32.double(), tenth64)

# %%
# Machine epsilon
# ---------------
# :class:`torch.finfo` describes a floating-point dtype. Its ``eps`` is the gap between
# 1 and the next number the format can store, the relative precision of one step:
#
# .. math::
#
#    \varepsilon_{32} = 2^{-23} \approx 1.19 \times 10^{-7}, \qquad
#    \varepsilon_{64} = 2^{-52} \approx 2.22 \times 10^{-16}
eps32 = torch.finfo(torch.float32).eps
eps64 = torch.finfo(torch.float64).eps
print(f"float32 eps: {eps32:.4e}")
print(f"float64 eps: {eps64:.4e}")
assert eps32 == 2.0**-23
assert eps64 == 2.0**-52

# %%
# One step of :math:`\varepsilon` is a change in about the :math:`-\log_{10}\varepsilon`-th
# significant digit, so that many decimal digits are reliable. This is the one figure the
# course uses: about 7 for ``float32`` and about 16 for ``float64``.
digits32, digits64 = -math.log10(eps32), -math.log10(eps64)
print(f"float32 keeps about {digits32:.1f} -> {round(digits32)} significant digits")
print(f"float64 keeps about {digits64:.1f} -> {round(digits64)} significant digits")
assert (round(digits32), round(digits64)) == (7, 16)

# %%
# A change smaller than about half of eps is lost completely. Adding :math:`10^{-8}` to
# 1 does nothing in ``float32`` but is kept in ``float64``:
tiny = 1e-8
one32 = torch.tensor(1.0, dtype=torch.float32)
one64 = torch.tensor(1.0, dtype=torch.float64)
print(f"float32: 1 + 1e-8 == 1 -> {(one32 + tiny == one32).item()}")
print(f"float64: 1 + 1e-8 == 1 -> {(one64 + tiny == one64).item()}")
assert (one32 + tiny == one32).item()
assert not (one64 + tiny == one64).item()

# %%
# Going down from float64 loses digits
# ------------------------------------
# float64 -> float32 rounds every number to the nearest ``float32``; converting up again
# does not undo that. The round trip in this direction is *not* exact:
third = torch.tensor(1.0, dtype=torch.float64) / 3
third_back = third.float().double()
print(f"1/3 as float64:           {third.item():.17f}")
print(f"after float32 and back:   {third_back.item():.17f}")
assert not torch.equal(third_back, third)

# %%
# Mixed dtypes in a matrix product
# --------------------------------
# Element-wise operations quietly *promote* two tensors with dimensions to the wider
# dtype. A 0-d tensor (a single number, shape ``()``) does not count as wider, though, as
# long as it is of the same kind (floating point here): a ``float32`` tensor times a 0-d
# ``float64`` tensor stays ``float32``. The matrix product never promotes:
# :func:`torch.matmul` insists that both operands have the same dtype, and raises a
# :class:`RuntimeError` otherwise. Convert one side explicitly.
w = torch.tensor([[0.4], [0.1], [0.2]])  # float32
scale64 = torch.tensor(2.0, dtype=torch.float64)  # 0-d
print(f"x64 * w -> {(x64 * w).dtype}  (promoted)")
print(f"w * scale64 (0-d) -> {(w * scale64).dtype}  (not promoted)")
assert (x64 * w).dtype == torch.float64
assert (w * scale64).dtype == torch.float32
try:
    w.T @ x64
except RuntimeError as err:
    print(f"RuntimeError: {err}")
else:
    raise AssertionError("matmul of float32 with float64 should fail")

y = w.T.double() @ x64
print(f"after w.double(): {y.item():.4f} ({y.dtype})")
assert math.isclose(y.item(), 0.12, abs_tol=1e-4)

# %%
# Try it yourself
# ---------------
#
# - Print ``torch.finfo(torch.float16)``: how many decimal digits does half precision
#   keep, and what is its largest number?
# - Find the smallest integer that ``float32`` cannot store exactly (hint: try
#   ``2**24 + 1``).
# - Change the default with ``torch.set_default_dtype(torch.float64)``, create
#   ``torch.tensor([0.1])`` and print its dtype; then set it back.
#
# Further reading: https://pytorch.org/docs/stable/tensor_attributes.html#torch-dtype and
# https://pytorch.org/docs/stable/type_info.html
