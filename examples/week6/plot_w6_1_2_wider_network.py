r"""
W6-1.2 · Going wider: three hidden neurons on XOR
=================================================

Week 4 solved XOR with two hidden ReLU neurons, starting from weights chosen by hand.
Here the hidden layer gets a third neuron, the weights start from seeded
:math:`\mathcal{U}(-0.2, 0.2)` draws (W6-1.1), and the update loops over
``model.parameters()`` instead of naming every weight. Then we train the same network
from six different seeds and look at what the seed decides.

**You will learn**

- to add a neuron to the first layer and what that changes in the shapes;
- to update every parameter with one loop over ``model.parameters()``, under
  :class:`torch.no_grad`, and why the gradients must be zeroed after each step;
- that three neurons side by side are one layer of width three
  (:class:`ee4414.TwoLayerNN` with ``hidden=3``);
- why some initialisations never solve XOR: hidden ReLU neurons that are switched off for
  every input stop learning.

**Exercise.** Add a third neuron ``layer0_2`` to the first layer of the two-layer network,
so that the output layer becomes ``Linear(3, 1)``, and replace the hand-written update of
each weight by a loop over ``model.parameters()``. Train it on XOR.
"""

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The data: XOR
# -------------
# Four points, labels :math:`-1` where both inputs agree and :math:`+1` where they differ,
# as a batch of columns: ``x`` has shape (4, 2, 1) and ``c`` has shape (4, 1, 1).
# :func:`ee4414.xor` returns exactly these tensors.

x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]).reshape(4, 2, 1)
c = torch.tensor([-1.0, 1.0, 1.0, -1.0]).reshape(4, 1, 1)

x_lib, c_lib = ee4414.xor()
assert torch.equal(x, x_lib)
assert torch.equal(c, c_lib)
print(f"x: {tuple(x.shape)}, c: {tuple(c.shape)}, labels {c.flatten().tolist()}")

# %%
# The wider network, in maths
# ---------------------------
# Each first-layer neuron :math:`j \in \{0, 1, 2\}` draws its own straight line through
# the plane; the ReLU keeps the side where :math:`\hat{y}_j^{[0]} > 0`; the output neuron
# weighs the three results:
#
# .. math::
#
#    \hat{y}_j^{[0]} = \mathbf{w}_j^{[0]\top} \mathbf{x} + b_j^{[0]}, \qquad
#    \mathbf{z} = \operatorname{ReLU}\!\left(
#        \begin{bmatrix} \hat{y}_0^{[0]} \\ \hat{y}_1^{[0]} \\ \hat{y}_2^{[0]} \end{bmatrix}
#    \right) \in \mathbb{R}^{3 \times 1}, \qquad
#    \hat{y} = \mathbf{w}^{[1]\top} \mathbf{z} + b^{[1]}, \quad
#    \mathbf{w}^{[1]} \in \mathbb{R}^{3 \times 1}.
#
# That is :math:`3 \times (2 + 1) + (3 + 1) = 13` parameters, against 9 with two hidden
# neurons.

# %%
# The model, written in full
# --------------------------
# :class:`ee4414.Linear` is the library's version of W6-1.1's layer, with the same uniform
# initialisation from PyTorch's global generator. The three first-layer outputs, each of
# shape (\*, 1, 1), are stacked along ``dim=-2`` into one (\*, 3, 1) column, so the output
# layer needs three inputs. (The shape comments in the slides' version still
# say 4 and 2 from earlier weeks; with three neurons the stacked column has 3 rows.)


# sphinx_gallery_ee4414_answer_start
class TwoLayerNN(torch.nn.Module):
    """Three hidden ReLU neurons, then one output neuron."""

    def __init__(self):
        super().__init__()
        self.layer0_0 = ee4414.Linear(in_features=2, out_features=1)
        self.layer0_1 = ee4414.Linear(in_features=2, out_features=1)
        self.layer0_2 = ee4414.Linear(in_features=2, out_features=1)  # the new neuron
        self.layer1 = ee4414.Linear(in_features=3, out_features=1)  # now takes three inputs

    def forward(self, x):
        # x: (*, 2, 1); each neuron's output: (*, 1, 1)
        y_hat_l0 = torch.cat(
            [self.layer0_0(x), self.layer0_1(x), self.layer0_2(x)], dim=-2
        )  # (*, 3, 1)
        z = torch.relu(y_hat_l0)  # (*, 3, 1)
        return self.layer1(z)  # (*, 1, 1)


# sphinx_gallery_ee4414_answer_end

torch.manual_seed(8)
model = TwoLayerNN()
for name, p in model.named_parameters():
    print(f"{name:<12} shape {tuple(p.shape)}")
n_params = sum(p.numel() for p in model.parameters())
print(f"{n_params} parameters in {len(list(model.parameters()))} tensors")
assert n_params == 13
assert model(x).shape == (4, 1, 1)

# %%
# One loop updates every parameter
# --------------------------------
# Gradient descent treats every parameter the same way:
#
# .. math::
#
#    p \leftarrow p - \mu \frac{\partial \mathcal{L}}{\partial p}
#    \qquad \text{for every } p \in \{\mathbf{w}_0^{[0]}, b_0^{[0]}, \dots,
#    \mathbf{w}^{[1]}, b^{[1]}\},
#
# so instead of one line per weight we loop over ``model.parameters()``, which yields the
# eight tensors listed above. Two details matter:
#
# - The update runs inside ``torch.no_grad()``. It changes the parameters in place, and
#   autograd must not record that change as part of the model (PyTorch even refuses an
#   in-place change to a leaf tensor that requires grad outside ``no_grad``). The slides
#   assign to ``param.data`` instead, which also skips autograd but without its checks.
# - ``loss.backward()`` *adds* to ``p.grad``. Without zeroing after the step, each epoch
#   would descend along the sum of all past gradients.
#
# The loss is the mean squared error over the four points,
# :math:`\mathcal{L} = \frac{1}{4}\sum_n (\hat{y}^{(n)} - C^{(n)})^2`.


# sphinx_gallery_ee4414_answer_start
def train(model, x, c, lr, epochs):
    losses = []
    for _ in range(epochs):
        y_hat = model(x)
        loss = ((y_hat - c) ** 2).mean()
        loss.backward()  # fills p.grad for every parameter
        with torch.no_grad():
            for p in model.parameters():
                p -= lr * p.grad
                p.grad.zero_()  # start the next epoch from zero
        losses.append(loss.item())
    return losses


# sphinx_gallery_ee4414_answer_end

lr, epochs = 0.1, 400
losses = train(model, x, c, lr, epochs)

with torch.no_grad():
    y_hat = model(x)
acc = ee4414.accuracy(y_hat, c)
print(f"outputs: {[round(v, 2) for v in y_hat.flatten().tolist()]}")
print(f"final loss {losses[-1]:.4f}, accuracy {acc:.2f}")
assert acc == 1.0
assert losses[-1] < 0.01

# %%
# :func:`ee4414.sgd_step` is the same update loop (``p -= lr * p.grad`` under
# ``no_grad``), for later weeks.
#
# Loss and decision surface
# -------------------------
# The response surface shows :math:`\hat{y}` over the whole plane; the black line is the
# decision boundary :math:`\hat{y} = 0`. Each kink in it comes from one hidden neuron's
# line, where that neuron switches on or off.

fig, (ax_loss, ax_surf) = plt.subplots(1, 2, figsize=(11, 4))
ee4414.plot_losses(losses, ax=ax_loss, title="hand-written TwoLayerNN, seed 8")
ee4414.plot_decision_surface(model, x, c, ax=ax_surf, title="decision surface after training")
fig.tight_layout()

# %%
# Three neurons are one layer of width three
# ------------------------------------------
# Stacking the outputs of three ``Linear(2, 1)`` neurons is the same as one ``Linear(2, 3)``
# whose weight matrix has the three weight columns side by side and whose bias column has
# the three biases on top of each other:
#
# .. math::
#
#    \mathbf{W}^{[0]} = \begin{bmatrix} \mathbf{w}_0^{[0]} & \mathbf{w}_1^{[0]} &
#    \mathbf{w}_2^{[0]} \end{bmatrix} \in \mathbb{R}^{2 \times 3}, \qquad
#    \mathbf{W}^{[0]\top}\mathbf{x} + \mathbf{b}^{[0]} =
#    \begin{bmatrix} \hat{y}_0^{[0]} \\ \hat{y}_1^{[0]} \\ \hat{y}_2^{[0]} \end{bmatrix}.
#
# The library's :class:`ee4414.TwoLayerNN` is built that way (an :class:`ee4414.MLP` with
# sizes ``[2, 3, 1]``). Copying our trained weights into it gives the same outputs.

neurons = [model.layer0_0, model.layer0_1, model.layer0_2]
W0 = torch.cat([n.w.detach() for n in neurons], dim=-1)  # (2, 3)
b0 = torch.cat([n.b.detach() for n in neurons], dim=-2)  # (3, 1)
copy = ee4414.MLP.from_layers(
    [
        ee4414.Linear(2, 3, w=W0, b=b0),
        ee4414.Linear(3, 1, w=model.layer1.w.detach(), b=model.layer1.b.detach()),
    ]
)
print(copy)
torch.testing.assert_close(copy(x), y_hat)
print("same outputs as the hand-written model")

# %%
# The library version, trained by the Trainer
# -------------------------------------------
# :class:`ee4414.TwoLayerNN` with ``hidden=3`` is this network; :class:`ee4414.Trainer`
# runs the loop above (full batch, one step per epoch). The library draws its 13 numbers
# in another order (a (2, 3) matrix at once), so the same seed gives other starting
# weights; we give it its own generator with seed 1.

lib_model = ee4414.TwoLayerNN(hidden=3, generator=torch.Generator().manual_seed(1))
trainer = ee4414.Trainer(lib_model, loss="mse", lr=lr, device="cpu")
history = trainer.fit(x, c, epochs)
lib_acc = ee4414.accuracy(trainer.predict(x), c)
print(f"ee4414.TwoLayerNN(hidden=3), seed 1: final loss {history.losses[-1]:.4f}")
print(f"accuracy {lib_acc:.2f}")
assert lib_acc == 1.0

# %%
# What the seed decides
# ---------------------
# Same data, same learning rate, same number of epochs: only the generator seed of the
# initial weights changes. For each run we also count the *live* hidden neurons, those
# whose input :math:`\hat{y}_j^{[0]}` is positive for at least one of the four points. A
# neuron that is negative on all four outputs 0 everywhere, and its ReLU passes back a zero
# gradient (the dead ReLU of week 5), so it never moves again.

seeds = range(6)
runs = {}
for seed in seeds:
    net = ee4414.TwoLayerNN(hidden=3, generator=torch.Generator().manual_seed(seed))
    hist = ee4414.Trainer(net, loss="mse", lr=lr, device="cpu").fit(x, c, epochs)
    with torch.no_grad():
        live = int((net.layers[0](x) > 0).any(dim=0).sum())
        run_acc = ee4414.accuracy(net(x), c)
    runs[seed] = {"model": net, "losses": hist.losses, "acc": run_acc, "live": live}

print("seed | final loss | accuracy | live hidden neurons")
for seed, r in runs.items():
    print(f"{seed:>4} | {r['losses'][-1]:>10.4f} | {r['acc']:>8.2f} | {r['live']}")
solved = [seed for seed, r in runs.items() if r["acc"] == 1.0]
print(f"{len(solved)} of {len(runs)} seeds solved XOR: {solved}")
assert solved == [1, 2, 4]

# %%
# Decision surfaces in a grid, one per seed. Each panel scales its colours to its own
# largest :math:`|\hat{y}|`: seed 0's outputs stay within 0.004 of zero, so its
# strong colours exaggerate a nearly flat surface.

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
fig.suptitle("TwoLayerNN(hidden=3) on XOR: six initialisations, 400 epochs, lr 0.1")
fig.tight_layout()

# %%
# and their loss curves on one set of axes. Seed 2's curve zigzags: for the solution it
# found, a learning rate of 0.1 is close to too large. The failed runs stop on plateaus. At loss 1
# the network answers 0 for every point (the best constant for labels that average to 0).
# At loss 2/3 one live neuron picks out one point and the other three get the same
# output, the mean of their labels, :math:`\tfrac{1}{3}`, which costs
# :math:`\tfrac{1}{4}\left(2\cdot(\tfrac{2}{3})^2 + (\tfrac{4}{3})^2\right) = \tfrac{2}{3}`.

fig, ax = plt.subplots(figsize=(6, 4))
ee4414.plot_losses({f"seed {s}": r["losses"] for s, r in runs.items()}, ax=ax)
ax.axhline(2 / 3, color="grey", linestyle=":", linewidth=1)
ax.set(title="loss per seed", ylim=(-0.05, 1.3))
ax.legend(ncol=3, loc="upper right")
fig.tight_layout()

# %%
# So the wider network solves XOR from half of these starting points, and the runs that
# fail have lost hidden neurons. Seeds 3 and 5 end with a single live neuron. Seed 0 also
# keeps one, but it is switched on at all four points, so on the data the network is a
# plain linear function, and the best linear fit to XOR is the constant 0. A third neuron gives
# the network a spare, which helps when one dies, but it does not remove the risk; that
# is why the course fixes the seed and why, in practice, one tries several.
#
# Try it yourself
# ---------------
#
# - Train with ``hidden=2`` for the same six seeds. How many solve XOR now? And with
#   ``hidden=8``?
# - Change ``bound`` to 1.0 in :class:`ee4414.TwoLayerNN`. Do fewer neurons die?
# - Remove ``p.grad.zero_()`` from ``train``. What happens to the loss curve, and why?
# - Use ``activation="tanh"``: tanh never outputs a flat zero. Do the failing seeds recover?
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.no_grad.html and
# https://pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.parameters
