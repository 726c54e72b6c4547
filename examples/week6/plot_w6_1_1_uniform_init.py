r"""
W6-1.1 · Seeded uniform initialisation
======================================

Until now we typed every weight and bias by hand. Real networks have far too many
parameters for that, so they start from small random numbers instead. This page draws the
weights and bias of a linear layer from the uniform distribution
:math:`\mathcal{U}(-0.2, 0.2)` and fixes PyTorch's random seed first, so that the "random"
numbers are the same on every run (and on every build of this page).

**You will learn**

- to fill a tensor with :math:`\mathcal{U}(-a, a)` samples in place with
  :func:`torch.nn.init.uniform_`;
- what :func:`torch.manual_seed` does: it restarts the random number stream, so the same
  seed gives the same draws and another seed gives other draws;
- why the starting values have to be random at all (two identical neurons stay identical);
- to pass a :class:`torch.Generator` to the library's :class:`ee4414.Linear` instead.

**Exercise.** Change the ``Linear`` module so that it draws both its weights and its bias
from :math:`\mathcal{U}(-0.2, 0.2)` instead of taking fixed numbers, and call
``torch.manual_seed(8)`` before building a ``Linear(2, 1)``.
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The uniform distribution
# ------------------------
# Every value between :math:`-a` and :math:`a` is equally likely, so the density is a flat
# box of height :math:`1/(2a)`. Its mean is zero and its spread is set by :math:`a` alone:
#
# .. math::
#
#    p(u) = \begin{cases} \dfrac{1}{2a} & -a \le u \le a \\ 0 & \text{otherwise} \end{cases}
#    \qquad
#    \mathbb{E}[u] = 0, \qquad
#    \operatorname{std}[u] = \frac{a}{\sqrt{3}}.
#
# For :math:`a = 0.2` the box is 2.5 high and the standard deviation is about 0.1155:
# the weights start small, on both sides of zero.

a = 0.2
print(f"density 1/(2a) = {1 / (2 * a):.2f}, std a/sqrt(3) = {a / 3**0.5:.4f}")

# %%
# The layer, written in full
# --------------------------
# The layer is the one from weeks 2 to 4, :math:`\hat{\mathbf{y}} = \mathbf{W}^\top
# \mathbf{x} + \mathbf{b}`, with :math:`\mathbf{W}` of shape (in, out) and
# :math:`\mathbf{b}` of shape (out, 1). Only the constructor changes. :func:`torch.empty`
# reserves memory without setting it (whatever bytes were there stay), and
# :func:`torch.nn.init.uniform_` then overwrites every entry with a fresh draw. The
# trailing underscore is PyTorch's sign for "changes its argument in place". Wrapping the
# filled tensors in :class:`torch.nn.Parameter` registers them with the module, so that
# ``model.parameters()`` finds them and autograd tracks them.
#
# .. note::
#
#    The slides create the bias with shape ``(1,)``. For one neuron that broadcasts to the
#    same result, but a column of shape ``(out_features, 1)`` is right for any number of
#    neurons, so we use that (the library does too).


# sphinx_gallery_ee4414_answer_start
class Linear(torch.nn.Module):
    """y_hat = w.T @ x + b with w, b drawn from U(-0.2, 0.2)."""

    def __init__(self, in_features=2, out_features=1):
        super().__init__()
        w = torch.empty(in_features, out_features)
        torch.nn.init.uniform_(w, -0.2, 0.2)  # drawn first
        b = torch.empty(out_features, 1)
        torch.nn.init.uniform_(b, -0.2, 0.2)  # drawn second
        self.w = torch.nn.Parameter(w)
        self.b = torch.nn.Parameter(b)

    def forward(self, x):
        # x: (*, in_features, 1) -> (*, out_features, 1)
        return self.w.T @ x + self.b


# sphinx_gallery_ee4414_answer_end


# %%
# Seed 8, the course's seed
# -------------------------
# ``torch.manual_seed(8)`` puts PyTorch's global random number generator into a known
# state. Everything drawn afterwards follows from that state, in order: here first the two
# weights, then the bias.

# sphinx_gallery_ee4414_answer_start
torch.manual_seed(8)
layer = Linear(2, 1)
# sphinx_gallery_ee4414_answer_end

w0, w1 = layer.w[0, 0].item(), layer.w[1, 0].item()
b = layer.b[0, 0].item()
print(f"w = [{w0:.4f}, {w1:.4f}]^T, b = {b:.4f}")

# These numbers are part of the page: if PyTorch ever changes its generator, the build fails.
assert math.isclose(w0, 0.0392, abs_tol=1e-4)
assert math.isclose(w1, 0.1381, abs_tol=1e-4)
assert math.isclose(b, 0.1786, abs_tol=1e-4)
assert layer.w.abs().max() <= 0.2
assert layer.b.abs().max() <= 0.2

# %%
# Where those numbers come from
# -----------------------------
# The generator produces numbers :math:`r` uniform on :math:`[0, 1)`; ``uniform_`` stretches
# and shifts them onto :math:`[-a, a)`:
#
# .. math::
#
#    u = -a + 2a\,r
#
# So seed 8 gives three raw numbers, and the weights and bias are those numbers mapped one
# after the other. Draw them directly with :func:`torch.rand` and map them by hand.

torch.manual_seed(8)
r = torch.rand(3)
u = -a + 2 * a * r
print(f"r = {[round(v, 4) for v in r.tolist()]}")
print(f"u = -a + 2a r = {[round(v, 4) for v in u.tolist()]}")
torch.testing.assert_close(u, torch.cat([layer.w.detach().flatten(), layer.b.detach().flatten()]))

# %%
# Same seed, same values; another seed, other values
# --------------------------------------------------
# Seeding again rewinds the stream, so a second layer built after ``torch.manual_seed(8)``
# is an exact copy. Seed 9 starts the stream elsewhere. Building a layer *without*
# re-seeding simply continues the stream, which is why two layers made one after the other
# differ, even though the program sets the seed once.

torch.manual_seed(8)
again = Linear(2, 1)
torch.manual_seed(9)
other = Linear(2, 1)
following = Linear(2, 1)  # no new seed: continues after `other`'s draws


def show(name, lin):
    w_, b_ = lin.w.detach().flatten().tolist(), lin.b.item()
    print(f"{name:<22} w = [{w_[0]:+.4f}, {w_[1]:+.4f}]^T, b = {b_:+.4f}")


show("seed 8", layer)
show("seed 8 again", again)
show("seed 9", other)
show("seed 9, next layer", following)

assert torch.equal(again.w, layer.w)
assert torch.equal(again.b, layer.b)
assert not torch.equal(other.w, layer.w)
assert not torch.equal(following.w, other.w)
assert math.isclose(other.w[0, 0].item(), 0.0623, abs_tol=1e-4)
assert math.isclose(other.b.item(), -0.008, abs_tol=1e-4)

# %%
# Many draws fill the box
# -----------------------
# Three numbers say little about a distribution. Ten thousand draws from the same
# ``uniform_`` call, binned into a histogram with ``density=True``, should sit near the
# flat line at height 2.5, with nothing outside :math:`[-0.2, 0.2]`.

torch.manual_seed(8)
samples = torch.nn.init.uniform_(torch.empty(10_000), -a, a)
print(f"mean {samples.mean():+.4f} (theory 0), std {samples.std():.4f} (theory {a / 3**0.5:.4f})")
print(f"min {samples.min():+.4f}, max {samples.max():+.4f}")

assert samples.abs().max() <= a
assert abs(samples.mean().item()) < 0.01
assert abs(samples.std().item() - a / 3**0.5) < 0.005

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.hist(samples.numpy(), bins=40, range=(-0.3, 0.3), density=True, color="tab:blue", alpha=0.7)
ax.plot([-0.3, -a, -a, a, a, 0.3], [0, 0, 2.5, 2.5, 0, 0], color="k", label="density 1/(2a)")
ax.set(xlabel="value", ylabel="density", title="10 000 draws from U(-0.2, 0.2), seed 8")
ax.legend(loc="lower center")
fig.tight_layout()

# %%
# Why random and not, say, all 0.1?
# ---------------------------------
# Suppose both hidden neurons of week 4's XOR network start with the same weights. They
# then compute the same output for every input, receive the same gradient, take the same
# step, and are still equal afterwards: the network behaves as if it had one hidden neuron,
# which cannot solve XOR. Random starting values make the neurons different from the first
# step, so each can learn its own piece of the boundary ("symmetry breaking"). Below, the
# hidden layer (two neurons, one column each) starts at 0.1 everywhere; after 200 steps the
# two columns of :math:`\mathbf{W}^{[0]}` are still identical.

x_xor = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]).reshape(4, 2, 1)
c_xor = torch.tensor([-1.0, 1.0, 1.0, -1.0]).reshape(4, 1, 1)

w_h = torch.full((2, 2), 0.1, requires_grad=True)  # two hidden neurons, identical columns
b_h = torch.full((2, 1), 0.1, requires_grad=True)
w_o = torch.full((2, 1), 0.1, requires_grad=True)
b_o = torch.full((1, 1), 0.1, requires_grad=True)
for _ in range(200):
    z = torch.relu(w_h.T @ x_xor + b_h)
    loss = ((w_o.T @ z + b_o - c_xor) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for p in (w_h, b_h, w_o, b_o):
            p -= 0.1 * p.grad
            p.grad = None

print(f"hidden weights after 200 steps (one column per neuron):\n{w_h.detach()}")
print(f"hidden biases: {[round(v, 4) for v in b_h.detach().flatten().tolist()]}")
assert torch.equal(w_h[:, 0], w_h[:, 1])
assert torch.equal(b_h[0], b_h[1])

# %%
# The library's layer, with its own generator
# -------------------------------------------
# :class:`ee4414.Linear` does the same when no ``w`` or ``b`` is given: it draws ``w`` and
# then ``b`` from :math:`\mathcal{U}(-\text{bound}, \text{bound})`. Instead of the global
# seed you can hand it a :class:`torch.Generator` of its own. A private generator is not
# disturbed by other code that draws random numbers in between (data shuffling, dropout,
# another model), so the layer's values depend on its seed alone. The library's draws come
# from its own code, so we check its numbers separately.

lib_layer = ee4414.Linear(2, 1, bound=0.2, generator=torch.Generator().manual_seed(8))
lw0, lw1 = lib_layer.w[0, 0].item(), lib_layer.w[1, 0].item()
lb = lib_layer.b[0, 0].item()
print(f"ee4414.Linear, generator seed 8: w = [{lw0:.4f}, {lw1:.4f}]^T, b = {lb:.4f}")
assert math.isclose(lw0, 0.0392, abs_tol=1e-4)
assert math.isclose(lw1, 0.1381, abs_tol=1e-4)
assert math.isclose(lb, 0.1786, abs_tol=1e-4)

torch.manual_seed(0)
_ = torch.rand(5)  # someone else uses the global generator meanwhile ...
lib_again = ee4414.Linear(2, 1, generator=torch.Generator().manual_seed(8))
assert torch.equal(lib_again.w, lib_layer.w)  # ... and the seeded layer does not notice
print("same generator seed, same layer, whatever the global generator did")

# %%
# A fresh generator seeded with 8 starts at the same point of the same stream as
# ``torch.manual_seed(8)``, and the library draws in the same order as our class (weights,
# then bias), so here the numbers coincide with the hand-written layer. That is a
# property of these two pieces of code, not a rule: draw in another order or with other
# shapes, and the values change.
#
# Try it yourself
# ---------------
#
# - Swap the two ``uniform_`` lines in ``Linear`` (bias first). Which printed numbers
#   change, and into which of ``r``'s values?
# - Build ``Linear(3, 1)`` after ``torch.manual_seed(8)``: why do the first two weights
#   agree with ``Linear(2, 1)``'s but the bias does not?
# - PyTorch's own :class:`torch.nn.Linear` uses :math:`\mathcal{U}(-k, k)` with
#   :math:`k = 1/\sqrt{\text{in_features}}`. Compute :math:`k` for two inputs and compare
#   it with 0.2.
# - Start the symmetric network above at 0.1 and -0.1 in the two columns instead. Does it
#   now learn XOR?
#
# Further reading: https://pytorch.org/docs/stable/nn.init.html and the PyTorch notes on
# reproducibility, https://pytorch.org/docs/stable/notes/randomness.html
