r"""
W6-1.3 · Going deeper: two hidden layers on XOR
===============================================

W6-1.2 made the hidden layer wider. The other way to grow a network is to stack a second
hidden layer on top of the first: three ReLU neurons read the input, two ReLU neurons read
those three, and one output neuron reads the two. We write this three-layer network in
full, train it on XOR with the parameter-loop update, and again compare several seeds.

**You will learn**

- to chain two hidden layers, with a concatenation and a ReLU after each, and to follow
  the shapes (\*, 2, 1) → (\*, 3, 1) → (\*, 2, 1) → (\*, 1, 1);
- that the loop over ``model.parameters()`` needs no change when the model grows;
- to use :class:`ee4414.ThreeLayerNN` and :class:`ee4414.Trainer` for the same network;
- that depth adds another place where ReLU neurons can die, so the seed still decides.

**Exercise.** Build a ``ThreeLayerNN`` whose first layer has three neurons (``layer0_0``,
``layer0_1``, ``layer0_2``), whose second layer has two neurons (``layer1_0``,
``layer1_1``) reading the three ReLU outputs, and whose output neuron ``layer2`` reads the
two. Train it on XOR.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

x, c = ee4414.xor()  # (4, 2, 1) points and (4, 1, 1) labels, as in W6-1.2

# %%
# The deeper network, in maths
# ----------------------------
# Each layer is a linear map followed by a ReLU, except the last:
#
# .. math::
#
#    \mathbf{z}^{[0]} = \operatorname{ReLU}\!\left(\mathbf{W}^{[0]\top}\mathbf{x}
#        + \mathbf{b}^{[0]}\right) \in \mathbb{R}^{3 \times 1}, \qquad
#    \mathbf{z}^{[1]} = \operatorname{ReLU}\!\left(\mathbf{W}^{[1]\top}\mathbf{z}^{[0]}
#        + \mathbf{b}^{[1]}\right) \in \mathbb{R}^{2 \times 1}, \qquad
#    \hat{y} = \mathbf{w}^{[2]\top}\mathbf{z}^{[1]} + b^{[2]},
#
# with :math:`\mathbf{W}^{[0]} \in \mathbb{R}^{2 \times 3}`, :math:`\mathbf{W}^{[1]} \in
# \mathbb{R}^{3 \times 2}` and :math:`\mathbf{w}^{[2]} \in \mathbb{R}^{2 \times 1}`. Column
# :math:`j` of each matrix is neuron :math:`j`'s weights. Counting:
# :math:`3 \times (2 + 1) + 2 \times (3 + 1) + (2 + 1) = 9 + 8 + 3 = 20` parameters.
#
# The second layer does not see the input, only the three first-layer features. It can
# combine them into new ones (for instance "neuron 0 on *and* neuron 1 off"), which one
# output neuron on its own cannot.

# %%
# The model, written in full
# --------------------------
# :class:`ee4414.Linear` is the library's version of W6-1.1's layer, drawing its weights and
# bias from :math:`\mathcal{U}(-0.2, 0.2)`. In ``forward`` each layer's neuron outputs are
# stacked along ``dim=-2`` and passed through the ReLU before the next layer reads them.


# sphinx_gallery_ee4414_answer_start
class ThreeLayerNN(torch.nn.Module):
    """Three ReLU neurons, then two ReLU neurons, then one output neuron."""

    def __init__(self):
        super().__init__()
        # first hidden layer: three neurons reading the two inputs
        self.layer0_0 = ee4414.Linear(in_features=2, out_features=1)
        self.layer0_1 = ee4414.Linear(in_features=2, out_features=1)
        self.layer0_2 = ee4414.Linear(in_features=2, out_features=1)
        # second hidden layer: two neurons reading the three ReLU outputs
        self.layer1_0 = ee4414.Linear(in_features=3, out_features=1)
        self.layer1_1 = ee4414.Linear(in_features=3, out_features=1)
        # output neuron reading the two
        self.layer2 = ee4414.Linear(in_features=2, out_features=1)

    def forward(self, x):
        # x: (*, 2, 1)
        y_hat0 = torch.cat([self.layer0_0(x), self.layer0_1(x), self.layer0_2(x)], dim=-2)
        z0 = torch.relu(y_hat0)  # (*, 3, 1)
        y_hat1 = torch.cat([self.layer1_0(z0), self.layer1_1(z0)], dim=-2)
        z1 = torch.relu(y_hat1)  # (*, 2, 1)
        return self.layer2(z1)  # (*, 1, 1)


# sphinx_gallery_ee4414_answer_end

torch.manual_seed(8)
model = ThreeLayerNN()
n_params = sum(p.numel() for p in model.parameters())
print(f"{n_params} parameters in {len(list(model.parameters()))} tensors")
assert n_params == 20

# %%
# Follow one batch through the layers and print each shape: the leading 4 (the batch)
# never changes, the feature dimension goes 2, 3, 2, 1.

with torch.no_grad():
    z0 = torch.relu(torch.cat([model.layer0_0(x), model.layer0_1(x), model.layer0_2(x)], -2))
    z1 = torch.relu(torch.cat([model.layer1_0(z0), model.layer1_1(z0)], -2))
    out = model.layer2(z1)
for name, t in [("x", x), ("z0", z0), ("z1", z1), ("y_hat", out)]:
    print(f"{name:<6} {tuple(t.shape)}")
assert z0.shape == (4, 3, 1)
assert z1.shape == (4, 2, 1)
assert out.shape == (4, 1, 1)

# %%
# Train with the same parameter loop
# ----------------------------------
# The update :math:`p \leftarrow p - \mu\, \partial \mathcal{L} / \partial p` is written
# once for "every parameter", so the function from W6-1.2 trains the deeper model without
# a change: ``model.parameters()`` now yields twelve tensors instead of eight. The update
# runs under ``torch.no_grad()`` so autograd does not record it, and the gradients are
# zeroed afterwards because ``backward()`` accumulates into ``p.grad``.


def train(model, x, c, lr, epochs):
    losses = []
    for _ in range(epochs):
        y_hat = model(x)
        loss = ((y_hat - c) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= lr * p.grad
                p.grad.zero_()
        losses.append(loss.item())
    return losses


lr, epochs = 0.1, 400

# sphinx_gallery_ee4414_answer_start
losses = train(model, x, c, lr, epochs)
# sphinx_gallery_ee4414_answer_end

with torch.no_grad():
    y_hat = model(x)
acc = ee4414.accuracy(y_hat, c)
print(f"outputs: {[round(v, 2) for v in y_hat.flatten().tolist()]}")
print(f"final loss {losses[-1]:.4f}, accuracy {acc:.2f}")
assert acc == 1.0
assert losses[-1] < 0.01

fig, (ax_loss, ax_surf) = plt.subplots(1, 2, figsize=(11, 4))
ee4414.plot_losses(losses, ax=ax_loss, title="hand-written ThreeLayerNN, seed 8")
ee4414.plot_decision_surface(model, x, c, ax=ax_surf, title="decision surface after training")
fig.tight_layout()

# %%
# The library version
# -------------------
# :class:`ee4414.ThreeLayerNN` is an :class:`ee4414.MLP` with sizes ``[2, 3, 2, 1]``:
# one ``Linear(2, 3)``, one ``Linear(3, 2)`` and one ``Linear(2, 1)``, each holding its
# neurons' weights as columns. It draws its initial weights in that layout, so seed 0 is
# not the hand-written model's starting point; it is simply a seed that works.

lib_model = ee4414.ThreeLayerNN(generator=torch.Generator().manual_seed(0))
print(lib_model)
trainer = ee4414.Trainer(lib_model, loss="mse", lr=lr, device="cpu")
history = trainer.fit(x, c, epochs)
lib_acc = ee4414.accuracy(trainer.predict(x), c)
print(f"ee4414.ThreeLayerNN(), seed 0: final loss {history.losses[-1]:.4f}")
print(f"accuracy {lib_acc:.2f}")
assert lib_acc == 1.0

# %%
# What the seed decides
# ---------------------
# Six generator seeds, nothing else changed. For each run we count the live neurons in
# each hidden layer: those whose input is positive for at least one of the four points.
# A dead neuron outputs 0 for every point and receives a zero gradient, so it stays dead.
# In the second layer that can happen even when every first-layer neuron is alive.


def live_neurons(net, x):
    """Number of neurons in each hidden layer that are on for at least one point."""
    counts, z = [], x
    for layer in net.layers[:-1]:
        y_hat_l = layer(z)
        counts.append(int((y_hat_l > 0).any(dim=0).sum()))
        z = torch.relu(y_hat_l)
    return counts


seeds = range(6)
runs = {}
for seed in seeds:
    net = ee4414.ThreeLayerNN(generator=torch.Generator().manual_seed(seed))
    hist = ee4414.Trainer(net, loss="mse", lr=lr, device="cpu").fit(x, c, epochs)
    with torch.no_grad():
        run_acc = ee4414.accuracy(net(x), c)
        live = live_neurons(net, x)
    runs[seed] = {"model": net, "losses": hist.losses, "acc": run_acc, "live": live}

print("seed | final loss | accuracy | live neurons (layer 0 of 3, layer 1 of 2)")
for seed, r in runs.items():
    print(f"{seed:>4} | {r['losses'][-1]:>10.4f} | {r['acc']:>8.2f} | {r['live']}")
solved = [seed for seed, r in runs.items() if r["acc"] == 1.0]
print(f"{len(solved)} of {len(runs)} seeds solved XOR: {solved}")
assert solved == [0, 2, 4]
assert runs[3]["live"][1] == 0  # seed 3: the second layer is off at every point
with torch.no_grad():  # seed 5: every first-layer neuron is off at (0, 0) and (1, 0)
    assert (runs[5]["model"].layers[0](x[[0, 2]]) <= 0).all()

# %%
# The six decision surfaces (each panel scales its colours to its own outputs):

fig, axes = plt.subplots(2, 3, figsize=(11, 7), sharex=True, sharey=True)
for ax, (seed, r) in zip(axes.flat, runs.items(), strict=True):
    ee4414.plot_decision_surface(
        r["model"],
        x,
        c,
        ax=ax,
        resolution=100,
        colorbar=False,
        title=f"seed {seed}: loss {r['losses'][-1]:.3f}, acc {r['acc']:.2f}",
    )
    ax.get_legend().remove()
    ax.label_outer()
fig.suptitle("ThreeLayerNN (3 then 2 hidden) on XOR: six initialisations, 400 epochs, lr 0.1")
fig.tight_layout()

# %%
# and the six loss curves:

fig, ax = plt.subplots(figsize=(6, 4))
ee4414.plot_losses({f"seed {s}": r["losses"] for s, r in runs.items()}, ax=ax)
ax.set(title="loss per seed", ylim=(-0.05, 1.3))
ax.legend(ncol=3, loc="upper right")
fig.tight_layout()

# %%
# Half of the seeds solve XOR here too, but the failures look different from W6-1.2's.
# With seed 3 both second-layer neurons are off at all four points, so at every point the
# output is the constant :math:`b^{[2]}`, which settles at 0: loss 1. (Away from the data
# some of them switch on, hence the coloured corner of that panel.) With seed 5 all three
# first-layer neurons are off at (0, 0) and at (1, 0), so the rest of the network receives
# the same zero vector for both points and must give them the same output; the best single
# value for labels :math:`-1` and :math:`+1` is 0, each off by 1, so the loss is
# :math:`\tfrac{1}{4}(1 + 1) = 0.5`. Seed 1 is still on its plateau after 400 epochs, and
# seed 2 shows a spike near epoch 335, a sign that lr = 0.1 is close to too large once
# the weights have grown.
#
# Depth makes new shapes possible (the boundaries bend in more places than with one
# hidden layer), but every layer of ReLUs is another chance for neurons to switch off,
# and with small initial weights the gradient that reaches the first layer is a product
# of small numbers, so the long flat start of the curves is typical of deeper networks.
#
# Try it yourself
# ---------------
#
# - Train seed 1 for 2000 epochs. Does it leave the plateau?
# - Use ``hidden=(3, 3)`` or ``hidden=(6, 4)`` and count how many of the six seeds solve
#   XOR.
# - Initialise with ``bound=0.5`` instead of 0.2. Does the deeper network learn faster?
#   Does it die less often?
# - Replace ReLU by ``activation="tanh"`` and compare the grids of decision surfaces.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.nn.ReLU.html and
# https://pytorch.org/docs/stable/generated/torch.cat.html
