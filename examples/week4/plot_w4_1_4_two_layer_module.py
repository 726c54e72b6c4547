r"""
W4-1.4 · The two-layer network as one module
============================================

Three neurons, a ReLU and a concatenation are now scattered over several variables. Wrapping
them in a :class:`torch.nn.Module` gives the network one name, one ``forward`` and one list of
parameters, which is what training (W4-1.5) needs. We then feed it a batch of points and a
batch of batches, and print the shapes that go in and come out.

**You will learn**

- to write a module whose parts are other modules (the three ``Linear`` neurons), and how
  PyTorch finds all their parameters;
- to batch inputs with :func:`torch.stack` and add a leading dimension with
  :meth:`torch.Tensor.unsqueeze`, and what shapes the network returns;
- the library's :class:`ee4414.MLP` and :class:`ee4414.TwoLayerNN`, which store the two
  first-layer neurons as the two columns of one layer, and that they compute the same
  numbers.

**Exercise.** Put the three neurons, the ReLU and the concatenation of W4-1.1 to W4-1.3 into
a class ``TwoLayerNN`` derived from :class:`torch.nn.Module`. Then stack two inputs into
one batch and pass it through the network; add one more leading dimension and pass it
through again.
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The pieces
# ----------
# The single neuron of W4-1.1 and the ReLU of W4-1.2, as the library's tested
# :class:`ee4414.Linear` and :func:`ee4414.relu`. The neurons keep the exercise's numbers.

# %%
# The module
# ----------
# ``__init__`` creates the three neurons and assigns them to attributes. Assigning a module
# to an attribute of another module *registers* it as a submodule, so the network's
# ``parameters()`` walks into all three. ``forward`` is the computation of W4-1.3, written
# once for inputs of any shape (\*, 2, 1); the comments track the shapes.
#
# .. math::
#
#    \mathbf{z} = \begin{bmatrix} \max(0,\ \mathbf{w}_{0,0}^\top\mathbf{x} + b_{0,0}) \\
#                                 \max(0,\ \mathbf{w}_{0,1}^\top\mathbf{x} + b_{0,1})
#                 \end{bmatrix}, \qquad
#    \hat{y} = \mathbf{w}_1^\top \mathbf{z} + b_1


# sphinx_gallery_ee4414_answer_start
class TwoLayerNN(torch.nn.Module):
    """Two hidden ReLU neurons and one output neuron, with the week 4 exercise's numbers."""

    def __init__(self):
        super().__init__()
        # first layer: two neurons that read the input
        self.layer0_0 = ee4414.Linear(2, 1, w=[0.8, -0.5], b=0.5)
        self.layer0_1 = ee4414.Linear(2, 1, w=[-0.3, -0.1], b=-0.2)
        # second layer: one neuron that reads the two activations
        self.layer1 = ee4414.Linear(2, 1, w=[-0.5, -0.4], b=-0.8)

    def forward(self, x):
        # x: (*, 2, 1), a column per point
        z_0 = ee4414.relu(self.layer0_0(x))  # (*, 1, 1)
        z_1 = ee4414.relu(self.layer0_1(x))  # (*, 1, 1)
        z = torch.cat([z_0, z_1], dim=-2)  # (*, 2, 1): join along the feature axis
        return self.layer1(z)  # (*, 1, 1)


# sphinx_gallery_ee4414_answer_end

model = TwoLayerNN()
print(model)
for name, p in model.named_parameters():
    values = [f"{v:+.2f}" for v in p.detach().flatten().tolist()]
    print(f"{name:10s} shape {tuple(p.shape)}  values {values}")
assert sum(p.numel() for p in model.parameters()) == 9

# %%
# The names show the nesting (``layer0_1.w`` is the weight of submodule ``layer0_1``), and
# the network has :math:`3 \times (2 + 1) = 9` numbers to learn. They are the exercise
# statement's; see the note on W4-1.1 about the ones in the course's answer code.
#
# One point through the network gives W4-1.3's result:
x1 = torch.tensor([[0.3], [0.1]])
y_hat = model(x1)
print(f"x1: shape {tuple(x1.shape)} -> y_hat = {y_hat.item():+.4f}, shape {tuple(y_hat.shape)}")
assert math.isclose(y_hat.item(), -1.145, abs_tol=1e-4)

# %%
# A batch: torch.stack
# --------------------
# :func:`torch.stack` puts tensors of equal shape side by side along a *new* dimension
# (W1-2.2.1). Two (2, 1) columns stacked along ``dim=0`` make a batch of shape (2, 2, 1):
# point index first, then the column. We pair the exercise's input with a second one,
# :math:`\mathbf{x}_2 = [-1,\ -1]^\top`, chosen so that both hidden neurons are active:
#
# .. math::
#
#    \hat{y}_{0,0} = -0.8 + 0.5 + 0.5 = 0.2, \quad
#    \hat{y}_{0,1} = 0.3 + 0.1 - 0.2 = 0.2, \quad
#    \hat{y} = -0.5 \cdot 0.2 - 0.4 \cdot 0.2 - 0.8 = -0.98 .
x2 = torch.tensor([[-1.0], [-1.0]])
# sphinx_gallery_ee4414_answer_start
x = torch.stack([x1, x2], dim=0)
y_hat = model(x)
# sphinx_gallery_ee4414_answer_end
print(f"x: {tuple(x.shape)} -> y_hat: {tuple(y_hat.shape)}")
print("y_hat per point:", [f"{v:+.4f}" for v in y_hat.flatten().tolist()])
assert x.shape == (2, 2, 1)
assert y_hat.shape == (2, 1, 1)
assert torch.allclose(y_hat.flatten(), torch.tensor([-1.145, -0.98]), atol=1e-4, rtol=0)

# %%
# The output keeps the batch dimension in front: one (1, 1) output per point. Nothing in
# ``forward`` mentions the batch; the matrix products broadcast over it and the
# concatenation counts from the end.
#
# A batch of batches: unsqueeze
# -----------------------------
# ``x.unsqueeze(0)`` inserts a dimension of size 1 in front, (2, 2, 1) -> (1, 2, 2, 1), as if
# this batch were the only one in a collection of batches. The network runs unchanged and
# returns (1, 2, 1, 1), holding the same two numbers.

# sphinx_gallery_ee4414_answer_start
x_batches = x.unsqueeze(0)
y_hat_batches = model(x_batches)
# sphinx_gallery_ee4414_answer_end
print(f"x: {tuple(x_batches.shape)} -> y_hat: {tuple(y_hat_batches.shape)}")
assert x_batches.shape == (1, 2, 2, 1)
assert y_hat_batches.shape == (1, 2, 1, 1)
torch.testing.assert_close(y_hat_batches, y_hat.unsqueeze(0))

# %%
# The library's version
# ---------------------
# :class:`ee4414.MLP` stores each *layer* as one :class:`ee4414.Linear` rather than one module
# per neuron: the first layer is ``Linear(2, 2)``, whose weight matrix holds the two neurons'
# weight columns side by side and whose bias column holds their two biases,
#
# .. math::
#
#    \mathbf{W}^{[0]} = [\mathbf{w}_{0,0}\ \ \mathbf{w}_{0,1}]
#      = \begin{bmatrix} 0.8 & -0.3 \\ -0.5 & -0.1 \end{bmatrix}, \qquad
#    \mathbf{b}^{[0]} = \begin{bmatrix} 0.5 \\ -0.2 \end{bmatrix}, \qquad
#    \hat{\mathbf{y}}^{[0]} = \mathbf{W}^{[0]\top}\mathbf{x} + \mathbf{b}^{[0]} ,
#
# so one matrix product computes both hidden neurons at once, already as a (\*, 2, 1)
# column, and no concatenation is needed. :meth:`ee4414.MLP.from_layers` builds a network
# from given layers, with a ReLU after every layer but the last.
layers = [
    ee4414.Linear(2, 2, w=[[0.8, -0.3], [-0.5, -0.1]], b=[[0.5], [-0.2]]),
    ee4414.Linear(2, 1, w=[-0.5, -0.4], b=-0.8),
]
lib_model = ee4414.MLP.from_layers(layers, activation="relu")
print(lib_model)
for inputs in (x1, x, x_batches):
    out = lib_model(inputs)
    print(
        f"ee4414.MLP: x {tuple(inputs.shape)!s:12s} -> y_hat {tuple(out.shape)!s:12s} "
        f"{[f'{v:+.4f}' for v in out.flatten().tolist()]}"
    )
    torch.testing.assert_close(out, model(inputs))

# %%
# :class:`ee4414.TwoLayerNN` is the same network, ``MLP([2, hidden, 1])``, with randomly
# initialised weights (W4-1.5 trains one). Loading the fixed network's parameters into it
# (their names, ``layers.0.w`` and so on, match) gives the same numbers again.
two_layer = ee4414.TwoLayerNN(hidden=2)
two_layer.load_state_dict(lib_model.state_dict())
print("ee4414.TwoLayerNN:", [f"{v:+.4f}" for v in two_layer(x).flatten().tolist()])
torch.testing.assert_close(two_layer(x), y_hat)

# %%
# The response over the whole plane
# ---------------------------------
# A network maps every point of the plane to a number, so we can colour the plane by it
# with :func:`ee4414.plot_decision_surface` (blue negative, red positive). With the
# exercise's numbers the output is negative everywhere: :math:`\hat{y} = -0.5 z_0 - 0.4 z_1
# - 0.8` and the ReLU outputs are never negative, so :math:`\hat{y} \le -0.8`. This network
# puts every point in class :math:`-1`, XOR points included. The creases in the surface are
# where one of the hidden neurons switches on or off. Training, on the next page, moves the
# nine numbers until the colours match the labels.
x_xor, c_xor = ee4414.xor()
fig, ax = plt.subplots(figsize=(6, 4.5))
ee4414.plot_decision_surface(
    model, x_xor, c_xor, ax=ax, limits=(-2, 2, -2, 2), title="Response with the exercise's weights"
)
with torch.no_grad():
    assert model(x_xor).max() <= -0.8

# %%
# Try it yourself
# ---------------
#
# - Stack the four XOR points yourself with :func:`torch.stack` and compare with
#   ``ee4414.xor()[0]``. What does ``model`` return for them?
# - Build a batch of shape (3, 2, 2, 1) with ``x.unsqueeze(0).expand(3, -1, -1, -1)``. What
#   shape comes out?
# - Give ``layer1`` a positive bias, say :math:`+0.5`, in ``TwoLayerNN.__init__``. Where
#   in the plane does the output now change sign?
#
# Further reading: https://docs.pytorch.org/tutorials/beginner/basics/buildmodel_tutorial.html
