r"""
W5-1.5 · Backpropagation in a two-layer network: a first-layer weight
=====================================================================

In a two-layer network a first-layer weight reaches the loss only through a hidden
neuron, its ReLU and the output layer. The chain rule handles that just as before: follow
the single path from the weight to the loss and multiply one local slope per step. This
page does it for the weight from input feature 0 to hidden neuron 0, with the week-4
network, and shows why everything off that path drops out.

**You will learn**

- the notation :math:`w^{[l]}_{i,j}`: the weight from feature :math:`i` to neuron :math:`j` in
  layer :math:`l`;
- to write :math:`\partial L / \partial w^{[0]}_{0,0}` as a product of five factors, one per
  step back;
- why the other hidden neuron, the other output weight and the output bias play no part;
- that an inactive hidden ReLU gives its whole neuron a zero gradient.

**Exercise.** For the two-layer network
:math:`\hat{y} = w^{[1]}_0 z_0 + w^{[1]}_1 z_1 + b^{[1]}` with
:math:`z_j = \max(0, \hat{y}^{[0]}_j)`, error :math:`E = \hat{y} - y` and loss
:math:`L = E^2`, derive :math:`\partial L / \partial w^{[0]}_{0,0}` with the chain rule,
code it, and compare it with PyTorch's gradient.
"""

# %%
# The network and its notation
# ----------------------------
# We use the weights of the week-4 exercise statement. A weight carries three labels:
# :math:`w^{[l]}_{i,j}` sits in layer :math:`l` and connects input feature :math:`i` to
# neuron :math:`j` of that layer. The output layer has a single neuron, so we drop its
# neuron index and write :math:`w^{[1]}_j` for the weight that scales hidden output
# :math:`z_j`.
#
# - hidden neuron 0 (``layer0_0``): :math:`w^{[0]}_{0,0} = 0.8`, :math:`w^{[0]}_{1,0} = -0.5`,
#   :math:`b^{[0]}_0 = 0.5`;
# - hidden neuron 1 (``layer0_1``): :math:`w^{[0]}_{0,1} = -0.3`, :math:`w^{[0]}_{1,1} = -0.1`,
#   :math:`b^{[0]}_1 = -0.2`;
# - output neuron (``layer1``): :math:`w^{[1]}_0 = -0.5`, :math:`w^{[1]}_1 = -0.4`,
#   :math:`b^{[1]} = -0.8`.
#
# The input is :math:`x = [0.3, 0.1]^\top`; we give it the label :math:`y = 1`.
import math

import matplotlib.pyplot as plt
import torch

import ee4414

x = torch.tensor([[0.3], [0.1]])  # (2, 1)
y = torch.tensor([[1.0]])  # (1, 1), our choice of label

w0_0 = torch.tensor([[0.8], [-0.5]], requires_grad=True)  # hidden neuron 0: column j = 0
b0_0 = torch.tensor([[0.5]], requires_grad=True)
w0_1 = torch.tensor([[-0.3], [-0.1]], requires_grad=True)  # hidden neuron 1: column j = 1
b0_1 = torch.tensor([[-0.2]], requires_grad=True)
w1 = torch.tensor([[-0.5], [-0.4]], requires_grad=True)  # output neuron: one weight per z_j
b1 = torch.tensor([[-0.8]], requires_grad=True)

# %%
# Forward pass
# ------------
# Hidden pre-activations, their ReLUs, then the output neuron on :math:`z = [z_0, z_1]^\top`.
# Hidden neuron 1 gets :math:`\hat{y}^{[0]}_1 = -0.3 \le 0`: its ReLU is off for this input.
y_hat0_0 = w0_0.T @ x + b0_0  # (1, 1)
y_hat0_1 = w0_1.T @ x + b0_1  # (1, 1)
z0 = torch.clamp(y_hat0_0, min=0.0)
z1 = torch.clamp(y_hat0_1, min=0.0)
z = torch.cat([z0, z1], dim=-2)  # (2, 1)
y_hat = w1.T @ z + b1  # (1, 1)
error = y_hat - y
loss = (error**2).sum()
print(f"hidden: y_hat0_0 = {y_hat0_0.item():.4f}, y_hat0_1 = {y_hat0_1.item():.4f}")
print(f"ReLU:   z0 = {z0.item():.4f}, z1 = {z1.item():.4f}")
print(f"output: y_hat = {y_hat.item():.4f}, E = {error.item():.4f}, L = {loss.item():.4f}")
assert torch.allclose(
    torch.tensor([v.item() for v in (y_hat0_0, y_hat0_1, z0, z1)]),
    torch.tensor([0.69, -0.3, 0.69, 0.0]),
    atol=1e-4,
    rtol=0,
)
assert math.isclose(y_hat.item(), -1.145, abs_tol=1e-4)

# %%
# Derivation
# ----------
# Write out every quantity between :math:`w^{[0]}_{0,0}` and the loss:
#
# .. math::
#
#    L = E^2, \quad E = \hat{y} - y, \quad
#    \hat{y} = w^{[1]}_0 z_0 + w^{[1]}_1 z_1 + b^{[1]},
#
#    z_0 = \max(0, \hat{y}^{[0]}_0), \quad
#    \hat{y}^{[0]}_0 = w^{[0]}_{0,0} x_0 + w^{[0]}_{1,0} x_1 + b^{[0]}_0
#
# The first two links are the familiar ones. The third, :math:`\partial \hat{y} /
# \partial w^{[0]}_{0,0}`, needs care, because :math:`\hat{y}` has three terms:
#
# .. math::
#
#    \frac{\partial \hat{y}}{\partial w^{[0]}_{0,0}}
#    = \frac{\partial (w^{[1]}_0 z_0)}{\partial w^{[0]}_{0,0}}
#    + \underbrace{\frac{\partial (w^{[1]}_1 z_1)}{\partial w^{[0]}_{0,0}}}_{0}
#    + \underbrace{\frac{\partial b^{[1]}}{\partial w^{[0]}_{0,0}}}_{0}
#
# The last two terms vanish because nothing in them changes when
# :math:`w^{[0]}_{0,0}` changes. :math:`z_1` is built from hidden neuron 1's own weights
# :math:`w^{[0]}_{0,1}, w^{[0]}_{1,1}, b^{[0]}_1` and the input, and
# :math:`w^{[0]}_{0,0}` belongs to neuron 0 only; :math:`w^{[1]}_1` and :math:`b^{[1]}` are
# parameters, which are constants while we differentiate with respect to another one. What
# remains runs through :math:`z_0`, and the chain rule continues down that path.
#
# # sphinx_gallery_ee4414_reveal_start
#
# .. math::
#
#    \frac{\partial (w^{[1]}_0 z_0)}{\partial w^{[0]}_{0,0}}
#    = \frac{\partial \hat{y}}{\partial z_0} \cdot
#      \frac{\partial z_0}{\partial \hat{y}^{[0]}_0} \cdot
#      \frac{\partial \hat{y}^{[0]}_0}{\partial w^{[0]}_{0,0}}
#    = w^{[1]}_0 \cdot [\hat{y}^{[0]}_0 > 0] \cdot x_0
#
# So the full gradient is five factors, one for each step back from the loss:
#
# .. math::
#
#    \frac{\partial L}{\partial w^{[0]}_{0,0}}
#    = \underbrace{\frac{\partial L}{\partial E}}_{2E}
#      \cdot \underbrace{\frac{\partial E}{\partial \hat{y}}}_{1}
#      \cdot \underbrace{\frac{\partial \hat{y}}{\partial z_0}}_{w^{[1]}_0}
#      \cdot \underbrace{\frac{\partial z_0}{\partial \hat{y}^{[0]}_0}}_{[\hat{y}^{[0]}_0 > 0]}
#      \cdot \underbrace{\frac{\partial \hat{y}^{[0]}_0}{\partial w^{[0]}_{0,0}}}_{x_0}
#    = 2(-2.145) \cdot 1 \cdot (-0.5) \cdot 1 \cdot 0.3 = 0.6435
#
# # sphinx_gallery_ee4414_reveal_end


def deriv_loss_over_error(error):
    """dL/dE for L = E**2."""
    return 2 * error


def deriv_error_over_y_hat(y_hat):
    """dE/dy_hat for E = y_hat - y."""
    return torch.ones_like(y_hat)


# sphinx_gallery_ee4414_answer_start
def deriv_y_hat_over_z(w1, j):
    """dy_hat/dz_j for y_hat = w1_0 z_0 + w1_1 z_1 + b1: the output weight w1_j."""
    return w1[..., j : j + 1, :]


def deriv_relu(y_hat):
    """dz/dy_hat for z = max(0, y_hat): 1 where y_hat > 0, else 0."""
    return (y_hat > 0).to(y_hat.dtype)


def deriv_hidden_over_weight(x, i):
    """dy_hat0_j/dw0_{i,j}: the input feature x_i (the same for every hidden neuron j)."""
    return x[..., i : i + 1, :]


# sphinx_gallery_ee4414_answer_end


# %%
# Multiply the five factors
# -------------------------
# Each factor is evaluated at the values of the forward pass (detached: plain numbers).
factors = {
    "dL/dE": deriv_loss_over_error(error.detach()),
    "dE/dy_hat": deriv_error_over_y_hat(y_hat.detach()),
    "dy_hat/dz0": deriv_y_hat_over_z(w1.detach(), 0),
    "dz0/dy_hat0_0": deriv_relu(y_hat0_0.detach()),
    "dy_hat0_0/dw0_00": deriv_hidden_over_weight(x, 0),
}
# sphinx_gallery_ee4414_answer_start
grad = torch.ones(1, 1)
for name, value in factors.items():
    grad = grad * value
    print(f"{name:18s} = {value.item():8.4f}   running product = {grad.item():8.4f}")
grad_w0_00 = grad
# sphinx_gallery_ee4414_answer_end

loss.backward()
print(f"dL/dw0_00 = {grad_w0_00.item():.4f} (chain rule), {w0_0.grad[0, 0].item():.4f} (autograd)")
assert math.isclose(grad_w0_00.item(), 0.6435, abs_tol=1e-4)
torch.testing.assert_close(grad_w0_00.reshape(()), w0_0.grad[0, 0])

# %%
# The same network from the library
# ---------------------------------
# :class:`ee4414.MLP` stacks :class:`ee4414.Linear` layers with a ReLU in between. Its first
# layer holds both hidden neurons: ``layers.0.w`` has shape (2, 2), and entry ``[i, j]`` is
# :math:`w^{[0]}_{i,j}` (column :math:`j` = neuron :math:`j`), so our weight is
# ``"layers.0.w[0, 0]"``. :func:`ee4414.compare_gradients` checks it against autograd and a
# finite difference.
layer0 = ee4414.Linear(2, 2, w=[[0.8, -0.3], [-0.5, -0.1]], b=[0.5, -0.2])
layer1 = ee4414.Linear(2, 1, w=[-0.5, -0.4], b=-0.8)
model = ee4414.MLP.from_layers([layer0, layer1], activation="relu")
torch.testing.assert_close(model(x), y_hat.detach())

report = ee4414.compare_gradients(
    {"layers.0.w[0, 0]": grad_w0_00.item()}, model, ee4414.squared_error, x, y
)
print(report)
assert report.ok

# %%
# Hidden neuron 1 is off: its gradients are all zero
# --------------------------------------------------
# Every parameter of hidden neuron 1 reaches the loss through
# :math:`\partial z_1 / \partial \hat{y}^{[0]}_1 = [\hat{y}^{[0]}_1 > 0] = 0`, so its
# column of ``layers.0.w`` and its bias get no gradient. The output weight
# :math:`w^{[1]}_1` gets none either: its slope is :math:`2E \cdot z_1` and :math:`z_1 = 0`.
# On this input only neuron 0 can learn. The same chain as above, with the last factor
# swapped, fills the whole first layer at once:
#
# .. math::
#
#    \frac{\partial L}{\partial w^{[0]}_{i,j}} = 2E \cdot w^{[1]}_j \cdot
#    [\hat{y}^{[0]}_j > 0] \cdot x_i, \qquad
#    \frac{\partial L}{\partial b^{[0]}_{j}} = 2E \cdot w^{[1]}_j \cdot [\hat{y}^{[0]}_j > 0]
upstream = deriv_loss_over_error(error.detach()) * deriv_error_over_y_hat(y_hat.detach())
hidden_pre = torch.cat([y_hat0_0, y_hat0_1], dim=-2).detach()  # (2, 1)
delta_hidden = upstream * w1.detach() * deriv_relu(hidden_pre)  # (2, 1): dL/dy_hat0_j
grad_layer0_w = x @ delta_hidden.T  # (2, 1) @ (1, 2) -> (2, 2): entry [i, j] = x_i * delta_j
grad_layer0_b = delta_hidden
grad_layer1_w = upstream * z.detach()  # dL/dw1_j = 2E * z_j
grad_layer1_b = upstream

manual = {}  # one row per number; "+ 0.0" prints the -0.0 of (-4.29) * 0 as 0.0
for name, g in [
    ("layers.0.w", grad_layer0_w),
    ("layers.0.b", grad_layer0_b),
    ("layers.1.w", grad_layer1_w),
    ("layers.1.b", grad_layer1_b),
]:
    for i in range(g.shape[0]):
        for j in range(g.shape[1]):
            manual[f"{name}[{i}, {j}]"] = g[i, j].item() + 0.0
full = ee4414.compare_gradients(manual, model, ee4414.squared_error, x, y)
print(full)
assert full.ok
print("dL/dW[0] (rows: feature i, columns: neuron j)")
for i in range(2):
    print("   " + "  ".join(f"{g:8.4f}" for g in grad_layer0_w[i].tolist()))
assert torch.count_nonzero(grad_layer0_w[:, 1]) == 0  # neuron 1's column
assert grad_layer0_b[1].item() == 0.0  # neuron 1's bias
assert grad_layer1_w[1].item() == 0.0  # the output weight on z1 = 0


# %%
# Picture: the path from the weight to the loss
# ---------------------------------------------
# The network as a graph. The path our five factors follow is drawn in colour, each step
# labelled with its factor; the parts the derivation dropped are grey. The value in each
# node is from the forward pass. Hidden neuron 1 (bottom) outputs 0, and the switch
# :math:`[\hat{y}^{[0]}_1 > 0] = 0` on its ReLU edge would cut any path through it.
# :func:`ee4414.plot_network` draws the graph from the values and the labelled path.
values = {
    "x0": x[0, 0],
    "x1": x[1, 0],
    "y_hat0_0": y_hat0_0,
    "y_hat0_1": y_hat0_1,
    "z0": z0,
    "z1": z1,
    "y_hat": y_hat,
    "E": error,
    "L": loss,
}
path = {
    ("x0", "y_hat0_0"): f"$x_0$ = {factors['dy_hat0_0/dw0_00'].item():.2f}",
    ("y_hat0_0", "z0"): f"ReLU' = {factors['dz0/dy_hat0_0'].item():.0f}",
    ("z0", "y_hat"): f"$w^{{[1]}}_0$ = {factors['dy_hat/dz0'].item():.2f}",
    ("y_hat", "E"): f"{factors['dE/dy_hat'].item():.0f}",
    ("E", "L"): f"$2E$ = {factors['dL/dE'].item():.2f}",
}
fig, ax = plt.subplots(figsize=(7.4, 3.8), layout="constrained")
ee4414.plot_network(
    values,
    path,
    notes={("y_hat0_1", "z1"): f"ReLU' = {float(y_hat0_1.item() > 0):.0f}"},
    ax=ax,
    title=rf"$\partial L/\partial w^{{[0]}}_{{0,0}}$ = product of the red factors = "
    rf"{grad_w0_00.item():.4f}",
)

# %%
# Reading the figure right to left is exactly backpropagation: start with
# :math:`\partial L / \partial L = 1`, and at every step multiply by the local slope.
# Everything to the right of :math:`\hat{y}` is shared by all parameters; W5-1.6 reuses it
# for a weight of the other hidden neuron.

# %%
# Try it yourself
# ---------------
#
# - Derive :math:`\partial L / \partial w^{[0]}_{1,0}` and :math:`\partial L / \partial
#   b^{[0]}_0`. Which factor changes? Check both with ``compare_gradients``.
# - Change the label to :math:`y = -1.145`. What happens to every gradient, and why?
# - Make the network use :func:`ee4414.sigmoid` (``activation="sigmoid"``). Replace
#   ``deriv_relu`` with :func:`ee4414.sigmoid_derivative`: is neuron 1 still silent?
#
# Further reading: https://pytorch.org/docs/stable/autograd.html
