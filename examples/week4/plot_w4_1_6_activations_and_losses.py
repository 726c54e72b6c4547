r"""
W4-1.6 · Free and easy: other activations, another loss
=======================================================

W4-1.5 solved XOR with ReLU neurons and the mean squared error, but neither choice is forced
on us. Here we copy the network, make the activation a parameter, and train four versions
from the *same* starting weights: ReLU, sigmoid and tanh hidden neurons with the MSE, and
ReLU neurons with week 3's hinge loss. All four end up classifying the four points
correctly, but they get there at very different speeds and draw quite different pictures.

**You will learn**

- the sigmoid and tanh activations, how they differ from the ReLU, and what that does to
  the shape of the network's response;
- why the sigmoid network sits on a long plateau before it learns;
- what changes when the loss is the hinge loss instead of the squared error;
- to compare models fairly: same seed, same learning rate, same number of epochs;
- the library's ``activation=`` argument of :class:`ee4414.TwoLayerNN` and
  :func:`ee4414.get_activation`.

**Exercise.** Copy the ``TwoLayerNN`` class under a new name and give it a different
activation from ReLU, such as the sigmoid or tanh of :mod:`torch.nn.functional`, or train it
with a different loss. Train the new network on XOR and plot its response.
"""

# sphinx_gallery_thumbnail_number = 2

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# Three activations
# -----------------
# .. math::
#
#    \operatorname{ReLU}(\hat{y}) = \max(0, \hat{y}), \qquad
#    \sigma(\hat{y}) = \frac{1}{1 + e^{-\hat{y}}}, \qquad
#    \tanh(\hat{y}) = \frac{e^{\hat{y}} - e^{-\hat{y}}}{e^{\hat{y}} + e^{-\hat{y}}}
#                   = 2\sigma(2\hat{y}) - 1 .
#
# The ReLU is unbounded above and exactly zero for negative inputs. The sigmoid squashes
# everything into :math:`(0, 1)` and is :math:`0.5` at zero; tanh is the same S-shape
# stretched to :math:`(-1, 1)` and centred on zero. Their slopes at zero, which matter for
# learning from small starting weights, are 1 (ReLU, just to the right of zero),
# :math:`1/4` (sigmoid) and 1 (tanh); week 5 derives them. We use :func:`torch.relu`,
# :func:`torch.sigmoid` and :func:`torch.tanh`; :mod:`torch.nn.functional` offers the same
# functions under the same names.
y_axis = torch.linspace(-4, 4, 401)
activations = {"ReLU": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh}
fig, ax = plt.subplots(figsize=(6, 4))
for name, fn in activations.items():
    ax.plot(y_axis, fn(y_axis), label=name)
ax.axhline(0, color="gray", linewidth=0.8)
ax.axvline(0, color="gray", linewidth=0.8)
ax.set(xlabel="ŷ", ylabel="z", ylim=(-1.5, 2.5), title="Three activation functions")
ax.legend()
torch.testing.assert_close(torch.tanh(y_axis), 2 * torch.sigmoid(2 * y_axis) - 1)

# %%
# The network with a choice of activation
# ---------------------------------------
# The exercise says to copy ``TwoLayerNN`` and rename it. Rather than one copy per
# activation, the copy takes the activation as an argument and applies it where W4-1.5's
# network applied ``relu``; everything else, including the random start from
# :math:`\mathcal{U}(-0.2, 0.2)`, is W4-1.5's code.


# sphinx_gallery_ee4414_answer_start
class TwoLayerNNAnyActivation(torch.nn.Module):
    """W4-1.5's network with the hidden activation passed in (e.g. torch.relu, torch.tanh)."""

    def __init__(self, activation, generator):
        super().__init__()
        self.activation = activation
        self.layer0_0 = ee4414.Linear(2, 1, generator=generator)
        self.layer0_1 = ee4414.Linear(2, 1, generator=generator)
        self.layer1 = ee4414.Linear(2, 1, generator=generator)

    def forward(self, x):
        z_0 = self.activation(self.layer0_0(x))  # (*, 1, 1)
        z_1 = self.activation(self.layer0_1(x))  # (*, 1, 1)
        z = torch.cat([z_0, z_1], dim=-2)  # (*, 2, 1)
        return self.layer1(z)  # (*, 1, 1)


# sphinx_gallery_ee4414_answer_end


# %%
# Another loss: the hinge
# -----------------------
# Week 3's hinge loss, averaged over the points, with labels :math:`C = \pm 1`:
#
# .. math::
#
#    \mathcal{L} = \frac{1}{N}\sum_{i=1}^{N} \max\left(0,\ 1 - C^{(i)}\hat{y}^{(i)}\right).
#
# The squared error pulls every output towards its label exactly, from either side: an
# output of :math:`+3` for a :math:`+1` point costs as much as one of :math:`-1`. The hinge
# loss only asks for :math:`C\hat{y} \ge 1`, the right sign with a margin, and then leaves the
# point alone. The library has both, :func:`ee4414.mse` and :func:`ee4414.hinge`; ours
# agrees with the library's.


# sphinx_gallery_ee4414_answer_start
def hinge(y_hat, c):
    """Mean hinge loss max(0, 1 - c * y_hat) over the batch; c holds the labels -1 and 1."""
    return torch.clamp(1 - c * y_hat, min=0.0).mean()


# sphinx_gallery_ee4414_answer_end

x, c = ee4414.xor()
probe = torch.tensor([-0.5, 0.2, 3.0, -1.0]).reshape(4, 1, 1)
print(
    f"hinge on a probe output: ours {hinge(probe, c).item():.4f}, "
    f"ee4414.hinge {ee4414.hinge(probe, c).item():.4f}"
)
torch.testing.assert_close(hinge(probe, c), ee4414.hinge(probe, c))

# %%
# Four versions from one start
# ----------------------------
# A fair comparison changes one thing at a time. Every version is built from the same seed
# as W4-1.5, so all four start from the *same* nine numbers, and all are trained with the
# same learning rate and number of epochs. We use :class:`ee4414.Trainer`, which runs
# W4-1.5's training loop on any module (``loss="mse"`` or ``loss="hinge"``, full batch).
# The learning rate is 0.3, three times W4-1.5's, so that the slowest version, the sigmoid
# one, finishes within 1000 epochs.
SEED = 732
LR = 0.3
EPOCHS = 1000
variants = {
    "ReLU, MSE": (torch.relu, "mse"),
    "sigmoid, MSE": (torch.sigmoid, "mse"),
    "tanh, MSE": (torch.tanh, "mse"),
    "ReLU, hinge": (torch.relu, "hinge"),
}

models, histories, starts = {}, {}, []
# sphinx_gallery_ee4414_answer_start
for name, (activation, loss) in variants.items():
    model = TwoLayerNNAnyActivation(activation, torch.Generator().manual_seed(SEED))
    starts.append(torch.cat([p.detach().flatten() for p in model.parameters()]))
    torch.testing.assert_close(starts[-1], starts[0])  # the same nine starting numbers
    trainer = ee4414.Trainer(model, loss=loss, lr=LR, device="cpu")
    histories[name] = trainer.fit(x, c, EPOCHS)
    models[name] = model
# sphinx_gallery_ee4414_answer_end

# %%
# Final loss and accuracy
# -----------------------
# All four classify every point correctly. The table also shows the outputs on the four
# points, in the order :math:`(0,0), (0,1), (1,0), (1,1)` with labels
# :math:`-1, +1, +1, -1`: the MSE versions sit on the labels, the hinge version only has
# every :math:`C\hat{y}` at or beyond 1.
print(f"{'version':14s} | final loss | accuracy | outputs on the four points")
for name, model in models.items():
    with torch.no_grad():
        y_hat = model(x)
    acc = ee4414.accuracy(y_hat, c)
    outputs = " ".join(f"{v:+.3f}" for v in y_hat.flatten().tolist())
    print(f"{name:14s} | {histories[name].losses[-1]:10.4f} | {acc:8.2f} | {outputs}")
    assert acc == 1.0, name
    assert histories[name].losses[-1] < 0.01, name

# %%
# The responses side by side
# --------------------------
# Same data, same start, and in all four panels the same strategy as in W4-1.5: a band of
# :math:`+1` along the diagonal between two boundary lines. The surfaces around it differ:
#
# - **ReLU, MSE**: flat pieces joined along straight creases. Away from the band the output
#   keeps falling linearly, because a ReLU never saturates.
# - **sigmoid, MSE** and **tanh, MSE**: smooth surfaces without creases that level off far
#   from the band, because each hidden neuron saturates (at 0 or 1 for the sigmoid, at -1
#   or 1 for tanh), so the output stays within a bounded range. With only two hidden
#   neurons both boundary lines are still nearly straight; tanh is a rescaled sigmoid, so
#   the two can draw the same shapes, and indeed look alike.
# - **ReLU, hinge**: lopsided. Around :math:`(1, 1)` both hidden neurons are off and the
#   surface is flat at the output bias, just past the margin (:math:`\hat{y} = -1.05`),
#   while :math:`(0, 0)` sits much deeper at :math:`-1.82`. The hinge loss stopped pulling
#   on each point as soon as its :math:`C\hat{y}` reached 1, so nothing evened the outputs
#   out afterwards; the squared error would have pulled all four to exactly :math:`\pm 1`.
fig, axes = plt.subplots(2, 2, figsize=(10, 8))
for ax, (name, model) in zip(axes.flat, models.items(), strict=True):
    ee4414.plot_decision_surface(model, x, c, ax=ax, resolution=120, title=name)
    ax.get_legend().remove()
fig.tight_layout()

# %%
# The loss curves overlaid
# ------------------------
# Drawn with :func:`ee4414.plot_losses`. Note that the hinge curve measures a different
# quantity from the three MSE curves; compare *when* each curve drops rather than the
# heights.
#
# The sigmoid network sits on a plateau near a loss of 1 for most of the run. At the start
# every hidden output is close to :math:`\sigma(0) = 0.5` for all four points, so the
# hidden layer says almost the same thing about every point, and the sigmoid's slope there
# is only :math:`1/4`, so the gradients that reach the first layer are small: it takes
# hundreds of epochs for the hidden neurons to drift apart. The tanh network starts from
# hidden outputs near 0 with slope near 1 and leaves the plateau several times sooner.
# ReLU is the quickest here.
#
# The spikes in the ReLU and tanh curves are overshoots: a learning rate of 0.3, chosen
# so that the sigmoid version finishes, is on the large side for the steeper ones, and a
# step occasionally jumps too far before the next steps recover. The hinge curve is ragged
# for a similar reason (its gradient jumps as points cross the margin) and then stops
# dead: once every point is beyond the margin, its loss and gradients are exactly zero.
fig, ax = plt.subplots(figsize=(7, 4))
ee4414.plot_losses(
    {name: h.losses for name, h in histories.items()},
    ax=ax,
    title=f"Training from the same start (lr = {LR})",
)


def epochs_to(losses, level):
    """First epoch (from 1) whose loss is below ``level``."""
    return next(i for i, v in enumerate(losses, start=1) if v < level)


first_below = {name: epochs_to(h.losses, 0.1) for name, h in histories.items()}
for name, epoch in first_below.items():
    print(f"{name:14s}: loss below 0.1 from epoch {epoch}")
assert first_below["sigmoid, MSE"] > 2 * max(first_below["ReLU, MSE"], first_below["tanh, MSE"])
assert histories["ReLU, hinge"].losses[-1] == 0.0
hinge_model = models["ReLU, hinge"]
with torch.no_grad():
    hinge_out = hinge_model(x).flatten()
    assert hinge_model.layer0_0(x[3]) < 0  # both hidden neurons are off at (1, 1)
    assert hinge_model.layer0_1(x[3]) < 0
assert math.isclose(hinge_out[3], -1.05, abs_tol=1e-2)
assert math.isclose(hinge_out[0], -1.82, abs_tol=1e-2)

# %%
# The library's version
# ---------------------
# :class:`ee4414.TwoLayerNN` (and :class:`ee4414.MLP`) take the activation by name:
# ``"relu"``, ``"sigmoid"`` or ``"tanh"``, looked up with :func:`ee4414.get_activation`,
# which also holds each function's derivative for week 5. Loaded with our sigmoid network's
# trained weights, packed into one ``Linear(2, 2)`` first layer as in W4-1.4, it returns the
# same outputs.
sig = models["sigmoid, MSE"]
lib_sigmoid = ee4414.TwoLayerNN(hidden=2, activation="sigmoid")
with torch.no_grad():
    lib_sigmoid.layers[0].w.copy_(torch.cat([sig.layer0_0.w, sig.layer0_1.w], dim=1))
    lib_sigmoid.layers[0].b.copy_(torch.cat([sig.layer0_0.b, sig.layer0_1.b], dim=0))
    lib_sigmoid.layers[1].w.copy_(sig.layer1.w)
    lib_sigmoid.layers[1].b.copy_(sig.layer1.b)
    print(lib_sigmoid)
    print(
        "ee4414.TwoLayerNN(activation='sigmoid'):",
        [f"{v:+.3f}" for v in lib_sigmoid(x).flatten().tolist()],
    )
    torch.testing.assert_close(lib_sigmoid(x), sig(x))
tanh_act = ee4414.get_activation("tanh")
probe_y = torch.tensor([-1.0, 0.0, 1.0])
print(f"get_activation('tanh').name: {tanh_act.name!r}")
print(f"  values at -1, 0, 1: {[round(v, 4) for v in tanh_act(probe_y).tolist()]}")
print(f"  slopes at -1, 0, 1: {[round(v, 4) for v in tanh_act.derivative(probe_y).tolist()]}")
torch.testing.assert_close(tanh_act(probe_y), torch.tanh(probe_y))

# %%
# Try it yourself
# ---------------
#
# - Train the sigmoid version with ``LR = 1.0``. Does it leave the plateau sooner, and do
#   the others still converge at that rate?
# - Combine tanh with the hinge loss. Is its surface as lopsided as the ReLU one?
# - Add :func:`torch.nn.functional.leaky_relu` as a fifth version. Does it rescue seed 0
#   of W4-1.5, where a plain ReLU neuron was dead from the start?
# - Change ``SEED``. Which of the four versions fails most often?
#
# Further reading: https://docs.pytorch.org/docs/stable/nn.functional.html#non-linear-activation-functions
