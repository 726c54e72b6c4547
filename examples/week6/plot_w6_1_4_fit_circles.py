r"""
W6-1.4 · Fitting circles with the wider and the deeper network
==============================================================

XOR has four points. Here the two networks of this week, the wider
:class:`ee4414.TwoLayerNN` (3 hidden neurons) and the deeper :class:`ee4414.ThreeLayerNN`
(3 then 2 hidden neurons), meet a few hundred noisy points on two circles: class
:math:`+1` on a small inner circle, class :math:`-1` on the unit circle around it. No
straight line separates them; the network has to *enclose* the inner class. We train
both networks, compare their decision regions, measure accuracy on the training points
and on a second, unseen draw of the data, and watch the boundary form during training.

**You will learn**

- to generate the circle data from a seeded :class:`torch.Generator`, in the course's
  (n, 2, 1) shape;
- why three hidden ReLU neurons are the fewest that can enclose a region of the plane;
- to measure accuracy on held-out data, not only on the points the model was fitted to;
- to record snapshots during training and animate the decision boundary.

**Exercise.** Use the two models of W6-1.2 and W6-1.3 to fit generated circle data, and
compare the decision regions they learn.
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The data: two noisy circles
# ---------------------------
# Each point picks an angle uniformly, sits on its circle (radius 0.5 for the inner
# class, 1 for the outer one) and is then nudged by Gaussian noise:
#
# .. math::
#
#    \mathbf{x} = r \begin{bmatrix} \cos\theta \\ \sin\theta \end{bmatrix}
#      + \boldsymbol{\epsilon}, \qquad
#    \theta \sim \mathcal{U}(0, 2\pi), \qquad
#    \boldsymbol{\epsilon} \sim \mathcal{N}(\mathbf{0}, 0.1^2\, \mathbf{I}).
#
# Written out with its own generator, so the points depend on the seed and nothing else:


def make_circles(n, noise, factor, seed):
    g = torch.Generator().manual_seed(seed)
    n_inner = (n + 1) // 2
    r = torch.cat([torch.full((n_inner,), factor), torch.ones(n - n_inner)])
    theta = 2 * math.pi * torch.rand(n, generator=g)
    points = r[:, None] * torch.stack([torch.cos(theta), torch.sin(theta)], dim=1)
    points = points + noise * torch.randn(n, 2, generator=g)  # (n, 2)
    c = torch.cat([torch.ones(n_inner), -torch.ones(n - n_inner)])
    return points.unsqueeze(-1), c.reshape(n, 1, 1)  # (n, 2, 1) and (n, 1, 1)


# %%
# :func:`ee4414.circles` is this recipe; we check that it gives the very same points and
# use it from here on. Seed 0 gives the 300 training points, seed 1 another 300 points
# from the same distribution that the models never see during training (the *held-out*
# set).

n, noise = 300, 0.1
x, c = ee4414.circles(n=n, noise=noise, factor=0.5, seed=0)
x_test, c_test = ee4414.circles(n=n, noise=noise, factor=0.5, seed=1)

x_own, c_own = make_circles(n, noise, 0.5, seed=0)
assert torch.equal(x_own, x)
assert torch.equal(c_own, c)
print(f"train: x {tuple(x.shape)}, c {tuple(c.shape)}, {int((c > 0).sum())} inner points")
print(f"held-out: x {tuple(x_test.shape)}")

fig, ax = plt.subplots(figsize=(5, 4.5))
ee4414.plot_points(x, c, ax=ax)
ax.set(title="training data (seed 0)", aspect="equal")
fig.tight_layout()

# %%
# How many neurons does it take to enclose a region?
# --------------------------------------------------
# With ReLU hidden neurons the output is a sum of "ramps", one per neuron, each flat on
# one side of its line :math:`\mathbf{w}_j^\top \mathbf{x} + b_j = 0` and rising on the
# other:
#
# .. math::
#
#    \hat{y}(\mathbf{x}) = b^{[1]} + \sum_j w_j^{[1]}
#      \operatorname{ReLU}\!\left(\mathbf{w}_j^{[0]\top} \mathbf{x} + b_j^{[0]}\right).
#
# To enclose the inner class, :math:`\hat{y}` must turn negative far away in *every*
# direction. Two neurons cannot manage that. Two lines always leave some direction in
# which neither ramp rises, and far out along it :math:`\hat{y}` levels off at a constant;
# if that is positive, the positive region reaches infinity. If not, a positive region
# needs a ramp with a positive output weight, and there is a direction in which that ramp
# keeps rising while the other one stays flat (or, if the two lines are parallel, the
# regions are strips and half-planes, unbounded again).
#
# Three neurons can do it. Point three ramps outwards, in directions roughly 120° apart,
# and give each a negative output weight: whichever way you leave the centre, at least
# one ramp rises and pulls :math:`\hat{y}` down. So three is the smallest hidden layer
# that can draw a closed boundary, and that boundary is made of straight pieces that
# change direction only where they cross a neuron's line. Both of our networks have
# three neurons in their first layer.

# %%
# Train both networks
# -------------------
# Full-batch gradient descent on the mean squared error against the labels
# :math:`\pm 1`, 800 epochs at learning rate 0.2, both networks initialised from
# generator seed 0. For the wider network we also keep a copy of the parameters every 50
# epochs, for the animation at the end.

lr, epochs = 0.2, 800

# sphinx_gallery_ee4414_answer_start
wide = ee4414.TwoLayerNN(hidden=3, generator=torch.Generator().manual_seed(0))
wide_trainer = ee4414.Trainer(wide, loss="mse", lr=lr, device="cpu")
wide_history = wide_trainer.fit(x, c, epochs, snapshot_every=50)

deep = ee4414.ThreeLayerNN(generator=torch.Generator().manual_seed(0))
deep_trainer = ee4414.Trainer(deep, loss="mse", lr=lr, device="cpu")
deep_history = deep_trainer.fit(x, c, epochs)
# sphinx_gallery_ee4414_answer_end

print(f"TwoLayerNN(hidden=3): final loss {wide_history.losses[-1]:.4f}")
print(f"ThreeLayerNN():       final loss {deep_history.losses[-1]:.4f}")
print(f"{len(wide_history.snapshots)} snapshots kept (epochs 0, 50, ..., {epochs})")
assert len(wide_history.snapshots) == 17

fig, ax = plt.subplots(figsize=(6, 4))
ee4414.plot_losses(
    {"TwoLayerNN (3)": wide_history.losses, "ThreeLayerNN (3, 2)": deep_history.losses}, ax=ax
)
ax.set(title="training loss on the circles")
fig.tight_layout()

# %%
# The deeper network sits longer on its initial plateau (the gradient reaching its first
# layer passes through two layers of small weights) and then descends more noisily. The
# spikes in both curves are steps that overshoot: 0.2 is near the largest learning rate
# that works here.

# %%
# Accuracy on the training and the held-out points
# ------------------------------------------------
# A point counts as correct when the sign of :math:`\hat{y}` matches its label:
#
# .. math::
#
#    \text{accuracy} = \frac{1}{N} \sum_{n=1}^{N}
#      \left[\operatorname{sign}\hat{y}^{(n)} = C^{(n)}\right].
#
# In plain PyTorch that is a comparison and a mean; :func:`ee4414.accuracy` does the same
# (with :func:`ee4414.classify` for the sign, 0 counted as :math:`-1`).


# sphinx_gallery_ee4414_answer_start
def plain_accuracy(y_hat, c):
    predicted = torch.where(y_hat > 0, 1.0, -1.0)
    return (predicted == c).float().mean().item()


# sphinx_gallery_ee4414_answer_end

results = {}
for name, trainer in [("TwoLayerNN(hidden=3)", wide_trainer), ("ThreeLayerNN()", deep_trainer)]:
    y_train, y_test = trainer.predict(x), trainer.predict(x_test)
    train_acc, test_acc = ee4414.accuracy(y_train, c), ee4414.accuracy(y_test, c_test)
    assert train_acc == plain_accuracy(y_train, c)
    results[name] = (train_acc, test_acc)
    print(f"{name:<21} train accuracy {train_acc:.3f}, held-out accuracy {test_acc:.3f}")

for train_acc, test_acc in results.values():
    assert train_acc >= 0.95
    assert test_acc >= 0.95

# %%
# Both networks classify about 97 to 99 % of the points correctly, and they do as well
# on the held-out draw as on the training points: with 13 or 20 parameters and 300
# points there is little room to memorise noise. The points they miss are the noisy ones
# that have drifted towards the other circle.
#
# Decision regions side by side
# -----------------------------
# The filled colours are :math:`\hat{y}`, the black line is the boundary
# :math:`\hat{y} = 0`, and the dashed lines are the three first-layer neurons' lines
# :math:`\mathbf{w}_j^{[0]\top}\mathbf{x} + b_j^{[0]} = 0`, where each of them switches on
# or off (drawn with :func:`ee4414.plot_linear_boundary`).

fig, axes = plt.subplots(1, 2, figsize=(11, 4.5), sharey=True)
for ax, (name, model) in zip(
    axes, [("TwoLayerNN(hidden=3)", wide), ("ThreeLayerNN()", deep)], strict=True
):
    ee4414.plot_decision_surface(model, x, c, ax=ax, resolution=150, colorbar=False)
    first = model.layers[0]
    for j in range(first.out_features):
        ee4414.plot_linear_boundary(
            first.w[:, j].detach(),
            first.b[j].detach(),
            ax=ax,
            x0_range=(-1.6, 1.6),
            color="dimgrey",
            linestyle="--",
            linewidth=1,
        )
    ax.set(xlim=(-1.6, 1.6), ylim=(-1.6, 1.6), aspect="equal")
    train_acc, test_acc = results[name]
    ax.set_title(f"{name}\ntrain {train_acc:.3f}, held-out {test_acc:.3f}")
    ax.get_legend().remove()
axes[1].set_ylabel("")
fig.tight_layout()

# %%
# The wider network found exactly the construction described above. Its three dashed
# lines all pass close to the centre, its three ramps point outwards about 120° apart,
# and every output weight is negative while the output bias is positive:
#
# .. math::
#
#    \hat{y} \approx 2.77 - 1.8 \sum_{j=0}^{2}
#      \operatorname{ReLU}\!\left(\mathbf{w}_j^{[0]\top} \mathbf{x} + b_j^{[0]}\right).
#
# In each of the six sectors between the lines a different set of ramps is active, so the
# boundary is a hexagon with its corners on the dashed lines. The deeper network also
# draws a polygon around the inner class, but its second layer recombines the three
# ramps before the output, so its corners need not sit on its first-layer lines and its
# surface is shaped differently inside.
# Neither boundary is a circle; more first-layer neurons would give the polygon more sides.

w_out = wide.layers[1].w.detach().flatten()
b_out = wide.layers[1].b.item()
angles = [math.degrees(math.atan2(w[1], w[0])) for w in wide.layers[0].w.detach().T.tolist()]
print(f"output weights {[round(v, 2) for v in w_out.tolist()]}, output bias {b_out:.2f}")
print(f"ramp directions (degrees): {[round(a) for a in angles]}")
assert (w_out < 0).all()
assert b_out > 0

# %%
# Watch the boundary form
# -----------------------
# :func:`ee4414.animate_training` replays the snapshots kept by
# ``Trainer.fit(..., snapshot_every=50)``: each of the 17 frames loads one snapshot into a
# copy of the model and redraws the surface (on a coarse 60 × 60 grid and at a low
# resolution, to keep the page small). At epoch 0 the small random weights give an almost
# flat surface and no boundary; then a boundary sweeps in, bends around the inner class
# as the three ramps turn outwards, and closes into the hexagon.

anim = ee4414.animate_training(wide, wide_history, x, c, resolution=60, max_frames=30)
plt.gcf().set_dpi(72)  # the animation's figure: fewer pixels per frame

# %%
# Try it yourself
# ---------------
#
# - Train both networks from generator seeds 2 and 3. As on XOR, some starting points
#   never find the circle: check how many first-layer neurons are still alive.
# - Give the wider network ``hidden=2``. Convince yourself from the decision surface that
#   it cannot enclose the inner class, whatever the seed.
# - Raise ``noise`` to 0.2 and compare training and held-out accuracy again.
# - Try ``hidden=8``: how many sides does the polygon have now?
#
# Further reading: https://matplotlib.org/stable/api/_as_gen/matplotlib.animation.FuncAnimation.html
# and https://pytorch.org/docs/stable/generated/torch.Generator.html
