r"""
W4-1.1 · Three linear neurons
=============================

Week 3 ended with four XOR points that no straight line can separate. The fix is not a
cleverer neuron but *more* of them: two neurons look at the input, and a third one looks at
what the first two say. Before wiring them together we build the three neurons on their own
and check each one's output by hand, so that every number in the network is familiar.

**You will learn**

- to reuse week 2's ``Linear`` module for several neurons that differ only in their numbers;
- to compute :math:`\hat{y} = \mathbf{w}^\top\mathbf{x} + b` for each neuron by hand and
  check PyTorch against it;
- that each neuron on its own is still a straight-line classifier;
- how the library's :class:`ee4414.Linear` stores the same neurons.

**Exercise.** Create three linear neurons, each with a weight column
:math:`\mathbf{w} \in \mathbb{R}^{2 \times 1}` and a bias :math:`b`:

- ``layer0_0``: :math:`\mathbf{w} = [0.8,\ -0.5]^\top`, :math:`b = 0.5`;
- ``layer0_1``: :math:`\mathbf{w} = [-0.3,\ -0.1]^\top`, :math:`b = -0.2`;
- ``layer1``: :math:`\mathbf{w} = [-0.5,\ -0.4]^\top`, :math:`b = -0.8`.

Run each of them forward on :math:`\mathbf{x} = [0.3,\ 0.1]^\top`. (Here ``layer1`` is fed
:math:`\mathbf{x}` only to exercise it; in the network it will read the first layer's
outputs, see W4-1.3.)

.. note::

   The course's answer code builds ``layer0_1`` with :math:`w_0 = -1.0` and ``layer1`` with
   :math:`b = -0.2`, which disagrees with the exercise statement above and would give
   :math:`-0.5100` and :math:`-0.3900`, not the :math:`-0.3000` and :math:`-0.9900` that
   the answer prints. This page follows the statement, which reproduces the printed
   outputs. The statement also names the neurons ``layer0_0``, ``layer1_0`` and
   ``layer1_1`` in one place; we use ``layer0_0``, ``layer0_1`` (first layer, neurons 0 and
   1) and ``layer1`` (the second layer's only neuron) throughout week 4.
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# One module, three sets of numbers
# ---------------------------------
# The neuron of W2-1.2 had its weights written inside ``__init__``. Three neurons with
# different numbers need the numbers to come in as arguments instead. We keep the course's
# shapes: the weights are a column of shape (2, 1), the bias is (1, 1), and ``forward``
# accepts any batch of columns of shape (\*, 2, 1).


# sphinx_gallery_ee4414_answer_start
class Linear(torch.nn.Module):
    """One linear neuron with two inputs, y_hat = w.T @ x + b, built from given numbers."""

    def __init__(self, w0, w1, b):
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor([[w0], [w1]]))  # (2, 1)
        self.b = torch.nn.Parameter(torch.tensor([[b]]))  # (1, 1)

    def forward(self, x):
        y_hat = self.w.T @ x + self.b  # (*, 2, 1) -> (*, 1, 1), one per input column
        return y_hat


# the exercise statement's numbers
layer0_0 = Linear(0.8, -0.5, 0.5)
layer0_1 = Linear(-0.3, -0.1, -0.2)
layer1 = Linear(-0.5, -0.4, -0.8)
# sphinx_gallery_ee4414_answer_end

x = torch.tensor([[0.3], [0.1]])  # one input, a (2, 1) column
print(f"x: shape {tuple(x.shape)}")

# %%
# Predict the outputs by hand
# ---------------------------
# A neuron multiplies each input by its weight, adds the products and adds the bias:
#
# .. math::
#
#    \hat{y} = \mathbf{w}^\top\mathbf{x} + b = w_0 x_0 + w_1 x_1 + b .
#
# Work out the three outputs for :math:`\mathbf{x} = [0.3,\ 0.1]^\top` before you read on.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \hat{y}_{0,0} &= 0.8 \cdot 0.3 + (-0.5) \cdot 0.1 + 0.5
#                   = 0.24 - 0.05 + 0.5 = 0.69, \\
#    \hat{y}_{0,1} &= (-0.3) \cdot 0.3 + (-0.1) \cdot 0.1 - 0.2
#                   = -0.09 - 0.01 - 0.2 = -0.30, \\
#    \hat{y}_{1}   &= (-0.5) \cdot 0.3 + (-0.4) \cdot 0.1 - 0.8
#                   = -0.15 - 0.04 - 0.8 = -0.99 .
#
# # sphinx_gallery_ee4414_reveal_end
#
# Now let PyTorch do the same. Calling a module runs its ``forward``.

# sphinx_gallery_ee4414_answer_start
y_hat0_0 = layer0_0(x)
y_hat0_1 = layer0_1(x)
y_hat1 = layer1(x)
# sphinx_gallery_ee4414_answer_end

for name, y_hat in [("layer0_0", y_hat0_0), ("layer0_1", y_hat0_1), ("layer1", y_hat1)]:
    print(f"{name}: y_hat = {y_hat.item():+.4f}, shape {tuple(y_hat.shape)}")

assert math.isclose(y_hat0_0.item(), 0.69, abs_tol=1e-4)
assert math.isclose(y_hat0_1.item(), -0.3, abs_tol=1e-4)
assert math.isclose(y_hat1.item(), -0.99, abs_tol=1e-4)
assert y_hat0_0.shape == (1, 1)

# %%
# Each output still carries ``grad_fn``: the three results remember how they were computed,
# which is what week 5's backpropagation will walk through.
print(y_hat0_0)

# %%
# What the slides' code would have printed
# ----------------------------------------
# To back up the note at the top: with the numbers in the course's answer code, the second
# and third neuron give different outputs from the ones the answer prints. Only the
# statement's numbers reproduce them.
code_layer0_1 = Linear(-1.0, -0.1, -0.2)
code_layer1 = Linear(-0.5, -0.4, -0.2)
print(f"answer code's layer0_1: {code_layer0_1(x).item():+.4f} (printed: -0.3000)")
print(f"answer code's layer1:   {code_layer1(x).item():+.4f} (printed: -0.9900)")
assert math.isclose(code_layer0_1(x).item(), -0.51, abs_tol=1e-4)
assert math.isclose(code_layer1(x).item(), -0.39, abs_tol=1e-4)

# %%
# Each neuron alone draws one straight line
# -----------------------------------------
# Over the whole plane a neuron's output is a tilted flat surface, and its sign splits the
# plane along the straight line :math:`\mathbf{w}^\top\mathbf{x} + b = 0` (W3-1.3). Below,
# :func:`ee4414.plot_decision_surface` colours each neuron's :math:`\hat{y}` (red positive,
# blue negative, black line at zero), with the input :math:`\mathbf{x}` as a star and the
# four XOR points on top. Whatever the numbers, one neuron cannot put both red points on one
# side and both blue ones on the other; the next pages combine neurons so that the network's
# boundary can bend.
x_xor, c_xor = ee4414.xor()
neurons = {"layer0_0": layer0_0, "layer0_1": layer0_1, "layer1": layer1}
fig, axes = plt.subplots(1, 3, figsize=(11, 3.8), sharey=True)
for ax, (name, neuron) in zip(axes, neurons.items(), strict=True):
    ee4414.plot_decision_surface(
        neuron,
        x_xor,
        c_xor,
        ax=ax,
        limits=(-2.5, 2.5, -2.5, 2.5),
        resolution=100,
        title=f"{name}: ŷ at x is {neuron(x).item():+.2f}",
    )
    ax.scatter([0.3], [0.1], marker="*", s=220, color="gold", edgecolors="black", zorder=4)
    ax.get_legend().remove()
    ax.set_aspect("equal")
for ax in axes[1:]:
    ax.set(ylabel="")
fig.tight_layout()

# %%
# The same neurons in the library
# -------------------------------
# :class:`ee4414.Linear` is this module, generalised to any number of inputs and neurons.
# A flat list for ``w`` is read as the column of a single neuron and a number for ``b`` as
# its (1, 1) bias, so the three neurons are one line each and give the same numbers.
lib_neurons = {
    "layer0_0": ee4414.Linear(2, 1, w=[0.8, -0.5], b=0.5),
    "layer0_1": ee4414.Linear(2, 1, w=[-0.3, -0.1], b=-0.2),
    "layer1": ee4414.Linear(2, 1, w=[-0.5, -0.4], b=-0.8),
}
ours = {"layer0_0": y_hat0_0, "layer0_1": y_hat0_1, "layer1": y_hat1}
for name, neuron in lib_neurons.items():
    out = neuron(x)
    print(f"ee4414.Linear {name}: {out.item():+.4f}")
    torch.testing.assert_close(out, ours[name])

# %%
# Try it yourself
# ---------------
#
# - Feed all four XOR points at once, ``layer0_0(x_xor)``: the input has shape (4, 2, 1).
#   What shape comes out, and which of the four outputs are positive?
# - Change ``layer0_1``'s bias to :math:`+0.2` and predict its new output before running it.
# - Store the bias as a 0-d tensor, ``torch.tensor(b)``, as week 2 did. Does the output's
#   shape change? (Broadcasting adds it either way.)
#
# Further reading: https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html
