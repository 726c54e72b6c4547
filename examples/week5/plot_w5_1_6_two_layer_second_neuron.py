r"""
W5-1.6 · Backpropagation in a two-layer network: a weight of the second hidden neuron
=====================================================================================

W5-1.5 followed the path from a weight of hidden neuron 0 to the loss. A weight of hidden
neuron 1 takes the other branch of the network: through :math:`z_1` and the output weight
:math:`w^{[1]}_1`. The shared end of the chain (:math:`2E \cdot 1`) stays the same, the
rest is swapped for neuron 1's factors. With the week-4 input, neuron 1's ReLU is off and
the gradient is exactly zero; a second input that switches it on shows the gradient
coming through.

**You will learn**

- to derive :math:`\partial L / \partial w^{[0]}_{1,1}` by picking the right branch of the network;
- that the index pair :math:`(i, j)` picks the input factor :math:`x_i` and the branch
  through neuron :math:`j`;
- that whether a hidden neuron learns from an input depends on that input, through its ReLU.

**Exercise.** For the two-layer network of W5-1.5 (error :math:`E = \hat{y} - y`, loss
:math:`L = E^2`, :math:`z_j = \max(0, \hat{y}^{[0]}_j)`), derive
:math:`\partial L / \partial w^{[0]}_{1,1}`, the weight from input feature 1 to hidden
neuron 1, and compare it with PyTorch's gradient.

.. note::

   The exercise asks for :math:`w^{[0]}_{1,1}`, but the course's worked answer derives
   :math:`w^{[0]}_{0,1}` (feature 0, neuron 1), whose last factor is :math:`x_0` instead of
   :math:`x_1`. This page follows the statement and derives :math:`w^{[0]}_{1,1}`; the
   answer's weight is shown alongside, since only the last factor differs.
"""

# %%
# The network
# -----------
# The weights of the week-4 statement, as in W5-1.5, with the label :math:`y = 1`. We start
# with the week-4 input :math:`x_A = [0.3, 0.1]^\top`. The forward pass is a function this
# time, because we will run it for a second input too.
import math

import matplotlib.pyplot as plt
import torch

import ee4414

w0_0 = torch.tensor([[0.8], [-0.5]])  # hidden neuron 0
b0_0 = torch.tensor([[0.5]])
w0_1 = torch.tensor([[-0.3], [-0.1]])  # hidden neuron 1
b0_1 = torch.tensor([[-0.2]])
w1 = torch.tensor([[-0.5], [-0.4]])  # output neuron
b1 = torch.tensor([[-0.8]])
y = torch.tensor([[1.0]])


def forward(x):
    """Return every intermediate value of the two-layer network for input x of shape (2, 1)."""
    y_hat0_0 = w0_0.T @ x + b0_0
    y_hat0_1 = w0_1.T @ x + b0_1
    z0 = torch.clamp(y_hat0_0, min=0.0)
    z1 = torch.clamp(y_hat0_1, min=0.0)
    y_hat = w1.T @ torch.cat([z0, z1], dim=-2) + b1
    error = y_hat - y
    return {
        "y_hat0_0": y_hat0_0,
        "y_hat0_1": y_hat0_1,
        "z0": z0,
        "z1": z1,
        "y_hat": y_hat,
        "E": error,
        "L": (error**2).sum(),
    }


x_a = torch.tensor([[0.3], [0.1]])
fwd_a = forward(x_a)
print("input A:", ", ".join(f"{k} = {v.item():.4f}" for k, v in fwd_a.items()))
assert math.isclose(fwd_a["y_hat0_1"].item(), -0.3, abs_tol=1e-4)

# %%
# Derivation
# ----------
# :math:`w^{[0]}_{1,1}` appears in exactly one place, the pre-activation of hidden
# neuron 1:
#
# .. math::
#
#    \hat{y}^{[0]}_1 = w^{[0]}_{0,1} x_0 + w^{[0]}_{1,1} x_1 + b^{[0]}_1, \qquad
#    z_1 = \max(0, \hat{y}^{[0]}_1), \qquad
#    \hat{y} = w^{[1]}_0 z_0 + w^{[1]}_1 z_1 + b^{[1]}
#
# So in :math:`\partial \hat{y} / \partial w^{[0]}_{1,1}` it is now the :math:`z_0` term
# that drops out (neuron 0 never sees this weight), together with :math:`b^{[1]}`:
#
# .. math::
#
#    \frac{\partial \hat{y}}{\partial w^{[0]}_{1,1}}
#    = \underbrace{\frac{\partial (w^{[1]}_0 z_0)}{\partial w^{[0]}_{1,1}}}_{0}
#    + \frac{\partial (w^{[1]}_1 z_1)}{\partial w^{[0]}_{1,1}}
#    + \underbrace{\frac{\partial b^{[1]}}{\partial w^{[0]}_{1,1}}}_{0}
#    = \frac{\partial \hat{y}}{\partial z_1} \cdot
#      \frac{\partial z_1}{\partial \hat{y}^{[0]}_1} \cdot
#      \frac{\partial \hat{y}^{[0]}_1}{\partial w^{[0]}_{1,1}}
#
# # sphinx_gallery_ee4414_reveal_start
#
# With the two links at the loss end:
#
# .. math::
#
#    \frac{\partial L}{\partial w^{[0]}_{1,1}}
#    = \underbrace{\frac{\partial L}{\partial E}}_{2E}
#      \cdot \underbrace{\frac{\partial E}{\partial \hat{y}}}_{1}
#      \cdot \underbrace{\frac{\partial \hat{y}}{\partial z_1}}_{w^{[1]}_1}
#      \cdot \underbrace{\frac{\partial z_1}{\partial \hat{y}^{[0]}_1}}_{[\hat{y}^{[0]}_1 > 0]}
#      \cdot \underbrace{\frac{\partial \hat{y}^{[0]}_1}{\partial w^{[0]}_{1,1}}}_{x_1}
#
# The worked answer's weight :math:`w^{[0]}_{0,1}` sits in the same neuron, so its chain is
# identical except for the last factor, :math:`x_0` in place of :math:`x_1`:
#
# .. math::
#
#    \frac{\partial L}{\partial w^{[0]}_{0,1}}
#    = 2E \cdot 1 \cdot w^{[1]}_1 \cdot [\hat{y}^{[0]}_1 > 0] \cdot x_0
#
# For input A the switch :math:`[\hat{y}^{[0]}_1 > 0] = [-0.3 > 0]` is 0, so both are 0.
#
# # sphinx_gallery_ee4414_reveal_end


def deriv_loss_over_error(error):
    """dL/dE for L = E**2."""
    return 2 * error


def deriv_error_over_y_hat(y_hat):
    """dE/dy_hat for E = y_hat - y."""
    return torch.ones_like(y_hat)


def deriv_y_hat_over_z(w1, j):
    """dy_hat/dz_j: the output weight w1_j."""
    return w1[..., j : j + 1, :]


def deriv_relu(y_hat):
    """dz/dy_hat for z = max(0, y_hat): 1 where y_hat > 0, else 0."""
    return (y_hat > 0).to(y_hat.dtype)


def deriv_hidden_over_weight(x, i):
    """dy_hat0_j/dw0_{i,j}: the input feature x_i."""
    return x[..., i : i + 1, :]


# sphinx_gallery_ee4414_answer_start
def chain_for_neuron1(x, fwd, i):
    """The five factors of dL/dw0_{i,1} (feature i into hidden neuron 1), as a dict."""
    return {
        "dL/dE": deriv_loss_over_error(fwd["E"]),
        "dE/dy_hat": deriv_error_over_y_hat(fwd["y_hat"]),
        "dy_hat/dz1": deriv_y_hat_over_z(w1, 1),
        "dz1/dy_hat0_1": deriv_relu(fwd["y_hat0_1"]),
        f"dy_hat0_1/dw0_{i}1": deriv_hidden_over_weight(x, i),
    }


# sphinx_gallery_ee4414_answer_end


def product(factors):
    """Multiply the factors of a chain."""
    result = torch.ones(1, 1)
    for value in factors.values():
        result = result * value
    return result + 0.0  # "+ 0.0" prints an exact zero as 0.0000 rather than -0.0000


# %%
# Input A: the switch is off
# --------------------------
factors_a = chain_for_neuron1(x_a, fwd_a, i=1)
for name, value in factors_a.items():
    print(f"{name:16s} = {value.item():8.4f}")
# sphinx_gallery_ee4414_answer_start
grad_w11_a = product(factors_a)
grad_w01_a = product(chain_for_neuron1(x_a, fwd_a, i=0))
# sphinx_gallery_ee4414_answer_end
print(f"dL/dw0_11 = {grad_w11_a.item():.4f}, dL/dw0_01 = {grad_w01_a.item():.4f}")
assert grad_w11_a.item() == 0.0
assert grad_w01_a.item() == 0.0

# %%
# The library's network gives the same zeros, by autograd and by finite differences. The
# ``[i, j]`` entry of ``layers.0.w`` is :math:`w^{[0]}_{i,j}`, so the statement's weight is
# ``"layers.0.w[1, 1]"`` and the worked answer's is ``"layers.0.w[0, 1]"``.


def build_model():
    """The week-4 network as an ee4414.MLP (layer 0 holds both hidden neurons as columns)."""
    layer0 = ee4414.Linear(2, 2, w=torch.cat([w0_0, w0_1], dim=1), b=torch.cat([b0_0, b0_1]))
    layer1 = ee4414.Linear(2, 1, w=w1, b=b1)
    return ee4414.MLP.from_layers([layer0, layer1], activation="relu")


model = build_model()
report_a = ee4414.compare_gradients(
    {"layers.0.w[1, 1]": grad_w11_a.item(), "layers.0.w[0, 1]": grad_w01_a.item()},
    model,
    ee4414.squared_error,
    x_a,
    y,
)
print(report_a)
assert report_a.ok

# %%
# A zero gradient means no update. One SGD step on input A moves neuron 0's weights (first
# column) but leaves neuron 1's (second column) exactly where they were.
before = model.layers[0].w.detach().clone()
step_loss = ee4414.squared_error(model(x_a), y)
model.zero_grad()
step_loss.backward()
ee4414.sgd_step(model.parameters(), lr=0.1)
after = model.layers[0].w.detach()
for label, w_now in [("before", before), ("after ", after)]:
    rows = "; ".join(", ".join(f"{v:7.4f}" for v in row) for row in w_now.tolist())
    print(f"layers.0.w {label}: [{rows}]")
assert torch.equal(after[:, 1], before[:, 1])  # neuron 1 unchanged
assert not torch.equal(after[:, 0], before[:, 0])  # neuron 0 moved

# %%
# Input B: the switch is on
# -------------------------
# To see a non-zero gradient, hidden neuron 1 must be active:
# :math:`-0.3 x_0 - 0.1 x_1 - 0.2 > 0`. The input :math:`x_B = [-0.5, -2]^\top` does it
# (:math:`\hat{y}^{[0]}_1 = -0.3 \cdot (-0.5) - 0.1 \cdot (-2) - 0.2 = 0.15`), and it keeps
# neuron 0 active too (:math:`\hat{y}^{[0]}_0 = 1.1`). Then
#
# .. math::
#
#    \frac{\partial L}{\partial w^{[0]}_{1,1}}
#    = 2(-2.41) \cdot 1 \cdot (-0.4) \cdot 1 \cdot (-2) = -3.856, \qquad
#    \frac{\partial L}{\partial w^{[0]}_{0,1}}
#    = 2(-2.41) \cdot 1 \cdot (-0.4) \cdot 1 \cdot (-0.5) = -0.964
x_b = torch.tensor([[-0.5], [-2.0]])
fwd_b = forward(x_b)
print("input B:", ", ".join(f"{k} = {v.item():.4f}" for k, v in fwd_b.items()))
factors_b = chain_for_neuron1(x_b, fwd_b, i=1)
for name, value in factors_b.items():
    print(f"{name:16s} = {value.item():8.4f}")
grad_w11_b = product(factors_b)
grad_w01_b = product(chain_for_neuron1(x_b, fwd_b, i=0))
print(f"dL/dw0_11 = {grad_w11_b.item():.4f}, dL/dw0_01 = {grad_w01_b.item():.4f}")
assert math.isclose(fwd_b["y_hat0_1"].item(), 0.15, abs_tol=1e-4)
assert math.isclose(grad_w11_b.item(), -3.856, abs_tol=1e-4)
assert math.isclose(grad_w01_b.item(), -0.964, abs_tol=1e-4)

report_b = ee4414.compare_gradients(
    {"layers.0.w[1, 1]": grad_w11_b.item(), "layers.0.w[0, 1]": grad_w01_b.item()},
    build_model(),
    ee4414.squared_error,
    x_b,
    y,
)
print(report_b)
assert report_b.ok

# %%
# The chain as library calls
# --------------------------
# The first two factors are :func:`ee4414.squared_error_derivative`, the switch is
# :func:`ee4414.relu_derivative`; the same product written with them:
lib_grad = (
    ee4414.squared_error_derivative(fwd_b["y_hat"], y)
    * w1[1, 0]
    * ee4414.relu_derivative(fwd_b["y_hat0_1"])
    * x_b[1, 0]
)
torch.testing.assert_close(lib_grad, grad_w11_b)
print(f"with library derivatives: dL/dw0_11 = {lib_grad.item():.4f}")


# %%
# Picture: the branch through neuron 1, for both inputs
# -----------------------------------------------------
# The red path is the chain of :math:`\partial L / \partial w^{[0]}_{1,1}`, labelled with
# its factors. For input A the ReLU factor is 0 and cuts the path (dashed); for input B
# every factor is non-zero. :func:`ee4414.plot_network` draws the graph; the labels of
# the path are the five factors of the chain.
def path_labels(factors):
    """Edge labels for the chain of dL/dw0_11."""
    values = [v.item() for v in factors.values()]
    return {
        ("E", "L"): f"$2E$ = {values[0]:.2f}",
        ("y_hat", "E"): f"{values[1]:.0f}",
        ("z1", "y_hat"): f"$w^{{[1]}}_1$ = {values[2]:.2f}",
        ("y_hat0_1", "z1"): f"ReLU' = {values[3]:.0f}",
        ("x1", "y_hat0_1"): f"$x_1$ = {values[4]:.2f}",
    }


fig, (ax_a, ax_b) = plt.subplots(2, 1, figsize=(7.4, 7.4), layout="constrained")
ee4414.plot_network(
    {"x0": x_a[0, 0], "x1": x_a[1, 0], **fwd_a},
    path_labels(factors_a),
    cut=True,
    ax=ax_a,
    title=rf"input A = [0.3, 0.1]: $\partial L/\partial w^{{[0]}}_{{1,1}}$ = "
    rf"{grad_w11_a.item():.4f} (neuron 1 off)",
)
ee4414.plot_network(
    {"x0": x_b[0, 0], "x1": x_b[1, 0], **fwd_b},
    path_labels(factors_b),
    ax=ax_b,
    title=rf"input B = [-0.5, -2]: $\partial L/\partial w^{{[0]}}_{{1,1}}$ = "
    rf"{grad_w11_b.item():.4f} (neuron 1 on)",
)

# %%
# Over a whole training set, each hidden neuron learns only from the inputs that switch it
# on. A neuron that no training input switches on never learns at all: the dead ReLU of
# W5-1.4, now inside a network. Week 6 trains wider and deeper networks, where the same
# chain simply gets longer.

# %%
# Try it yourself
# ---------------
#
# - Find an input where neuron 1 is on but neuron 0 is off, and check that now the
#   W5-1.5 gradient :math:`\partial L / \partial w^{[0]}_{0,0}` is the one that vanishes.
# - Derive :math:`\partial L / \partial w^{[1]}_1` (two links only: :math:`2E \cdot z_1`)
#   and explain why it is zero for input A even though :math:`w^{[1]}_1` is an output weight.
# - Average the gradients of inputs A and B (a batch of two, ``torch.stack`` to shape
#   (2, 2, 1)) and compare with ``compare_gradients`` on that batch: the library's
#   :func:`ee4414.squared_error` averages over the batch.
#
# Further reading: https://pytorch.org/tutorials/beginner/basics/autogradqs_tutorial.html
