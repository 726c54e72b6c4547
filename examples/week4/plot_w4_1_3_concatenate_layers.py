r"""
W4-1.3 · Join the hidden outputs and feed the second layer
==========================================================

The two first-layer neurons each produce one number. The second-layer neuron expects one
input *column* with two entries, just like the raw input :math:`\mathbf{x}`. So we glue the
two activations into a column :math:`\mathbf{z} = [z_0,\ z_1]^\top` and hand it on. The one
decision to make is *which* dimension to glue along, and the answer, counting from the end
(``dim=-2``), is what lets the same code run on one point or on a whole batch.

**You will learn**

- to join the hidden activations with :func:`torch.cat` along ``dim=-2`` into a (2, 1)
  column and run ``layer1`` on it;
- why a dimension counted from the end keeps working when batch dimensions are added in
  front, while ``dim=0`` or ``dim=1`` silently does the wrong thing;
- to follow one input through the whole network, number by number.

**Exercise.** Build the column :math:`\mathbf{z} \in \mathbb{R}^{* \times 2 \times 1}`,
holding :math:`z_0` and :math:`z_1`, from the two ReLU outputs of W4-1.2
(:math:`z_0 = 0.69`, :math:`z_1 = 0`) by concatenating
with a negative (reverse) index, where :math:`*` stands for any number of leading batch
dimensions. Then run ``layer1`` forward on :math:`\mathbf{z}`.
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The first layer and the ReLU, as before
# ---------------------------------------
# Neurons from W4-1.1 (with the exercise statement's numbers) and the ReLU from W4-1.2,
# both from the library now: :class:`ee4414.Linear` and :func:`ee4414.relu`.

# the exercise statement's numbers
layer0_0 = ee4414.Linear(2, 1, w=[0.8, -0.5], b=0.5)
layer0_1 = ee4414.Linear(2, 1, w=[-0.3, -0.1], b=-0.2)
layer1 = ee4414.Linear(2, 1, w=[-0.5, -0.4], b=-0.8)

x = torch.tensor([[0.3], [0.1]])
z_0 = ee4414.relu(layer0_0(x))  # (1, 1)
z_1 = ee4414.relu(layer0_1(x))  # (1, 1)
print(f"z_0 = {z_0.item():.4f}, z_1 = {z_1.item():.4f}, each of shape {tuple(z_0.shape)}")

# %%
# Concatenate along dim -2
# ------------------------
# A column of shape (2, 1) has its entries along the *rows*, the second-to-last dimension.
# :func:`torch.cat` joins tensors along an existing dimension (W1-2.2.2), so joining two
# (1, 1) tensors along ``dim=-2`` stacks them into rows 0 and 1 of a (2, 1) column.

# sphinx_gallery_ee4414_answer_start
z = torch.cat([z_0, z_1], dim=-2)
# sphinx_gallery_ee4414_answer_end
print(f"z = {[f'{v:.4f}' for v in z.flatten().tolist()]}, shape {tuple(z.shape)}")
assert z.shape == (2, 1)
assert torch.allclose(z, torch.tensor([[0.69], [0.0]]))

# %%
# Feed the second layer
# ---------------------
# ``layer1`` treats :math:`\mathbf{z}` exactly as the first layer treated :math:`\mathbf{x}`:
#
# .. math::
#
#    \hat{y} = \mathbf{w}_1^\top \mathbf{z} + b_1 .
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \hat{y} = (-0.5)(0.69) + (-0.4)(0) + (-0.8) = -0.345 - 0.8 = -1.145 .
#
# # sphinx_gallery_ee4414_reveal_end
#
# The second hidden neuron is silent (:math:`z_1 = 0`), so its weight :math:`-0.4` plays no
# part for this input.

# sphinx_gallery_ee4414_answer_start
y_hat = layer1(z)
# sphinx_gallery_ee4414_answer_end
print(f"network output y_hat = {y_hat.item():+.4f}, shape {tuple(y_hat.shape)}")
assert math.isclose(y_hat.item(), -1.145, abs_tol=1e-4)

# %%
# The whole forward pass at a glance
# ----------------------------------
# Every number computed so far, on a drawing of the network: inputs on the left, the two
# hidden neurons (pre-activation :math:`\hat{y}` and activation :math:`z`) in the middle,
# the output on the right. Edge labels are weights, red for positive and blue for negative;
# each neuron's bias is written below it. The silenced neuron and its outgoing edge are
# greyed out.


def draw_network(ax, x, y_hidden, z, y_out):
    """Draw the 2-2-1 network with its weights, biases and the values of one forward pass."""
    pos = {"x0": (0, 0.6), "x1": (0, -0.6), "h0": (1, 0.6), "h1": (1, -0.6), "out": (2, 0)}
    edges = [
        ("x0", "h0", layer0_0.w[0, 0]),
        ("x1", "h0", layer0_0.w[1, 0]),
        ("x0", "h1", layer0_1.w[0, 0]),
        ("x1", "h1", layer0_1.w[1, 0]),
        ("h0", "out", layer1.w[0, 0]),
        ("h1", "out", layer1.w[1, 0]),
    ]
    silent = {f"h{j}" for j in range(2) if z[j] == 0}
    for a, b, w in edges:
        (xa, ya), (xb, yb) = pos[a], pos[b]
        colour = "lightgray" if a in silent else ("tab:red" if w > 0 else "tab:blue")
        ax.plot([xa, xb], [ya, yb], color=colour, linewidth=1 + 3 * abs(w.item()), zorder=1)
        t = 0.3 if b != "out" else 0.45
        ax.text(
            xa + t * (xb - xa),
            ya + t * (yb - ya) + 0.08,
            f"{w.item():+.1f}",
            color=colour,
            ha="center",
            fontsize=9,
        )
    labels = {
        "x0": f"x₀ = {x[0, 0]:.1f}",
        "x1": f"x₁ = {x[1, 0]:.1f}",
        "h0": f"ŷ = {y_hidden[0]:+.2f}\nz = {z[0]:.2f}",
        "h1": f"ŷ = {y_hidden[1]:+.2f}\nz = {z[1]:.2f}",
        "out": f"ŷ = {y_out:+.3f}",
    }
    biases = {"h0": layer0_0.b, "h1": layer0_1.b, "out": layer1.b}
    for name, (px, py) in pos.items():
        face = "whitesmoke" if name in silent else "white"
        ax.text(
            px,
            py,
            labels[name],
            ha="center",
            va="center",
            fontsize=9,
            zorder=3,
            bbox={"boxstyle": "circle,pad=0.35", "facecolor": face, "edgecolor": "black"},
        )
        if name in biases:
            ax.text(px, py - 0.42, f"b = {biases[name].item():+.1f}", ha="center", fontsize=8)
    ax.set(xlim=(-0.5, 2.5), ylim=(-1.2, 1.2), title="One forward pass through the network")
    ax.axis("off")


fig, ax = plt.subplots(figsize=(7, 4))
with torch.no_grad():
    draw_network(
        ax, x, [layer0_0(x).item(), layer0_1(x).item()], z.flatten().tolist(), y_hat.item()
    )

# %%
# Why count the dimension from the end?
# -------------------------------------
# A single point is a (2, 1) column, but in training we feed many points at once, stacked in
# front: a batch of :math:`B` points has shape (B, 2, 1), and a batch of such batches
# (1, B, 2, 1). Whatever is in front, the *feature* axis of every hidden output is always
# the second-to-last one. Its index from the front changes (0, 1, 2, ...), but from the end
# it is always :math:`-2`.
#
# The rest of the code already works this way: ``self.w.T @ x`` is a matrix product over the
# *last two* dimensions, with the leading ones treated as batch dimensions and broadcast
# (W1-2.5.2), and adding the (1, 1) bias broadcasts too. So the only line that could tie the
# code to one layout is the concatenation, and ``dim=-2`` keeps it free. Below, the hidden
# activations for three layouts of the four XOR points are joined along ``dim=-2``, ``0`` and
# ``1``; only ``-2`` gives (\*, 2, 1) every time.
x_xor, _ = ee4414.xor()  # (4, 2, 1)
layouts = {"one point": x_xor[1], "batch": x_xor, "batch of batches": x_xor.unsqueeze(0)}

print(f"{'input':30s} | {'dim=-2':12s} | {'dim=0':12s} | {'dim=1':12s}")
for name, inputs in layouts.items():
    a, b = ee4414.relu(layer0_0(inputs)), ee4414.relu(layer0_1(inputs))
    row = [tuple(torch.cat([a, b], dim=d).shape) for d in (-2, 0, 1)]
    label = f"{name} {tuple(inputs.shape)}"
    print(f"{label:30s} | " + " | ".join(f"{s!s:12s}" for s in row))
    assert row[0] == (*inputs.shape[:-2], 2, 1)

# %%
# Read the table row by row. For one point, ``dim=0`` happens to be right (it *is* the
# second-to-last dimension of a 2-D tensor), but for a batch it piles the hidden outputs of
# point after point into a (8, 1, 1) tensor: eight "points" with one feature each. Here
# ``layer1`` happens to reject it (it wants two features), but a layer of another size
# might accept such a tensor and compute nonsense without any error. ``dim=1`` is right
# only for the plain batch, where it happens to be the second-to-last dimension.
# ``dim=-2`` is right in all three, which is what the exercise means by a reverse index.
#
# So the forward pass written once, with ``dim=-2``, runs on any layout, and each point's
# result does not depend on what else is in the batch:


def forward(x):
    """The two-layer network of this page on inputs of shape (*, 2, 1)."""
    z = torch.cat([ee4414.relu(layer0_0(x)), ee4414.relu(layer0_1(x))], dim=-2)  # (*, 2, 1)
    return layer1(z)  # (*, 1, 1)


with torch.no_grad():
    one_by_one = torch.stack([forward(point) for point in x_xor])  # (4, 1, 1)
    for name, inputs in layouts.items():
        out = forward(inputs)
        print(f"{name:16s}: in {tuple(inputs.shape)!s:12s} -> out {tuple(out.shape)}")
    torch.testing.assert_close(forward(x_xor), one_by_one)
    torch.testing.assert_close(forward(x_xor.unsqueeze(0)), one_by_one.unsqueeze(0))
print("outputs on the XOR points:", [f"{v:+.4f}" for v in one_by_one.flatten().tolist()])

# %%
# The library's :class:`ee4414.MLP` runs exactly this ``forward`` for any number of layers,
# with the two hidden neurons stored as the two columns of one :class:`ee4414.Linear` layer
# (W4-1.4 shows how).

# %%
# Try it yourself
# ---------------
#
# - Use :func:`torch.stack` with ``dim=-2`` instead of :func:`torch.cat`. What shape do you
#   get, and why does ``layer1`` reject it? (Hint: ``stack`` adds a new dimension.)
# - Change the input to :math:`\mathbf{x} = [-1,\ -1]^\top`. Is either hidden neuron silent
#   now? Predict the output by hand, then check.
# - Add a third layout, ``x_xor.reshape(2, 2, 2, 1)``, to the table. Which column still
#   gives the right shape?
#
# Further reading: https://docs.pytorch.org/docs/stable/generated/torch.cat.html and
# https://docs.pytorch.org/docs/stable/notes/broadcasting.html
