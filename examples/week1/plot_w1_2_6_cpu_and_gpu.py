r"""
W1-2.6 · Moving tensors between CPU and GPU
===========================================

Every tensor lives on a *device*: in the computer's main memory, where the CPU works on
it, or in a graphics card's own memory, where the GPU works on it. A GPU does the
arithmetic of deep learning much faster, but data has to be copied to it first, and an
operation only runs when all of its inputs are on the same device. This page runs on any
machine: it uses a CUDA GPU when one is present and the CPU otherwise, and says what would
differ on the other kind of machine.

**You will learn**

- to check for a GPU with :func:`torch.cuda.is_available` and pick a device that exists;
- to move tensors with :meth:`torch.Tensor.to` and back with :meth:`torch.Tensor.cpu`;
- why tensors on different devices cannot be combined;
- to let :func:`ee4414.resolve_device` choose, and what it says when CUDA is missing.

**Exercise.** Write code that moves a tensor to the GPU when the machine has one and
keeps it on the CPU otherwise, computes with it there, and brings the result back to the
CPU. The tensor is the column :math:`\mathbf{x} = [1, 3, 5]^\top`, and the computation is
:math:`y = \mathbf{w}^\top \mathbf{x}` with :math:`\mathbf{w} = [0.5, -1, 2]^\top`.
"""

# %%
# Is there a GPU?
# ---------------
# :func:`torch.cuda.is_available` returns ``True`` only when an NVIDIA GPU is visible
# *and* this PyTorch build was compiled with CUDA support. The page you are reading was
# built on the machine whose answer is printed below.
import math

import torch

import ee4414

# sphinx_gallery_thumbnail_path = "_thumbnails/plot_w1_2_6_cpu_and_gpu.png"

has_cuda = torch.cuda.is_available()
print(f"torch {torch.__version__}; CUDA available: {has_cuda}")
if has_cuda:
    print(f"GPU 0: {torch.cuda.get_device_name(0)}")

# %%
# Pick a device that exists
# -------------------------
# The usual pattern asks once, near the top of a script, and stores the answer in a
# :class:`torch.device`. Everything below uses ``device`` and never names the hardware
# again, so the same code runs on a laptop and on a GPU server.

# sphinx_gallery_ee4414_answer_start
device = torch.device("cuda" if has_cuda else "cpu")
# sphinx_gallery_ee4414_answer_end
print(f"using device: {device}")

# %%
# Move a tensor there
# -------------------
# Tensors are created on the CPU unless told otherwise. :meth:`torch.Tensor.to` returns
# a copy on the target device (or the tensor itself if it is already there); the
# original is left where it was. A tensor can also be created on the device directly
# with the ``device=`` argument, which saves the copy.
x_cpu = torch.tensor([[1.0], [3.0], [5.0]])
# sphinx_gallery_ee4414_answer_start
x = x_cpu.to(device)
# sphinx_gallery_ee4414_answer_end
w = torch.tensor([[0.5], [-1.0], [2.0]], device=device)
print("x_cpu:", ee4414.describe(x_cpu))
print("x:    ", ee4414.describe(x))
assert x.device.type == device.type
assert w.device.type == device.type
assert x_cpu.device.type == "cpu"

# %%
# Compute on the device
# ---------------------
# An operation runs on the device of its inputs, and its result stays there. With a GPU,
# the product below is computed by the GPU and ``y`` lives in GPU memory; on a CPU-only
# machine the same line simply runs on the CPU.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    y = \mathbf{w}^\top \mathbf{x} = 0.5 \cdot 1 - 1 \cdot 3 + 2 \cdot 5 = 7.5
#
# # sphinx_gallery_ee4414_reveal_end

# sphinx_gallery_ee4414_answer_start
y = w.T @ x
# sphinx_gallery_ee4414_answer_end
print("y:    ", ee4414.describe(y))
assert y.device.type == device.type

# %%
# Bring the result back
# ---------------------
# Printing works anywhere, but NumPy, matplotlib and plain Python numbers need CPU data.
# :meth:`torch.Tensor.cpu` (the same as ``.to("cpu")``) copies the result back;
# :meth:`torch.Tensor.item` does it implicitly for a single number.

# sphinx_gallery_ee4414_answer_start
y_back = y.cpu()
# sphinx_gallery_ee4414_answer_end
print(f"y on the CPU: {y_back.item():.4f} ({y_back.device})")
assert math.isclose(y_back.item(), 7.5, abs_tol=1e-4)
print("as NumPy:", y_back.numpy())

# %%
# What changes on a GPU
# ---------------------
# On a GPU machine, ``x`` and ``x_cpu`` above are two separate copies in two different
# memories: changing one leaves the other alone, and every ``.to(device)`` costs a
# transfer over the PCIe bus. That transfer is slow compared to the arithmetic, so the
# habit is to move the data (and, from week 2, the model) **once**, do all the work on
# the GPU, and only bring back the few numbers you want to print or plot. On a CPU-only
# machine ``.to(device)`` is free: it hands back the very same tensor.
same_object = x is x_cpu
print(f"x is x_cpu: {same_object}")
assert same_object == (device.type == "cpu")

# %%
# Mixing devices is an error
# --------------------------
# PyTorch never moves data behind your back: an operation whose inputs sit on different
# devices raises a :class:`RuntimeError` rather than silently copying. This can only
# happen on a machine with a GPU, so the demonstration runs only there.
if device.type == "cuda":
    try:
        x + x_cpu
    except RuntimeError as err:
        print(f"RuntimeError: {err}")
    else:
        raise AssertionError("adding a CUDA tensor to a CPU tensor should fail")
else:
    print("Only one device here (the CPU), so there is nothing to mix. On a GPU machine,")
    print("x + x_cpu would raise: 'Expected all tensors to be on the same device ...'.")

# %%
# Let the library choose
# ----------------------
# :func:`ee4414.resolve_device` wraps the choice above. ``"auto"`` picks CUDA, then
# Apple's MPS, then the CPU; the training code of later weeks
# (:class:`ee4414.Trainer`) takes the same names through its ``device=`` argument.
auto = ee4414.resolve_device("auto")
print(f'resolve_device("auto") -> {auto}')
if auto.type != "mps":  # on an Apple laptop, "auto" may prefer MPS to the CPU
    assert auto.type == device.type

# %%
# Asking for a device that is not there fails straight away, with a message that says
# why and what to use instead, rather than later with an obscure error deep inside a
# computation. On a machine without CUDA:
if not torch.cuda.is_available():
    try:
        ee4414.resolve_device("cuda")
    except RuntimeError as err:
        print(f"RuntimeError: {err}")
    else:
        raise AssertionError("resolve_device('cuda') should fail without CUDA")
else:
    print(f'CUDA is present, so resolve_device("cuda") -> {ee4414.resolve_device("cuda")}')

# %%
# Try it yourself
# ---------------
#
# - Create a ``(1000, 1000)`` tensor with :func:`torch.rand` directly on ``device`` and
#   time ``A @ A`` there and on the CPU (on a GPU, call ``torch.cuda.synchronize()``
#   before reading the clock: GPU work runs asynchronously).
# - On a GPU machine, change ``x`` in place and check that ``x_cpu`` keeps its values.
# - Try ``ee4414.resolve_device("gpu")``: which error do you get, and why a different one?
#
# Further reading: https://pytorch.org/docs/stable/notes/cuda.html and
# https://pytorch.org/docs/stable/tensor_attributes.html#torch-device
