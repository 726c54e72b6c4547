r"""
W5-1.4 · Backpropagation through a ReLU, and the dead ReLU
==========================================================

Put a ReLU after the linear neuron, :math:`z = \max(0, \hat{y})`, and the chain from the
loss to a weight gets one more link: how :math:`z` moves when :math:`\hat{y}` moves. That
link is either 1 or 0. When it is 0 it multiplies every gradient of the neuron to zero,
so gradient descent cannot change the neuron at all for that input, however large the
loss. This page derives the gradient, checks it, and then shows that "dead" case with
numbers.

**You will learn**

- to add the activation's derivative :math:`\partial z / \partial \hat{y}` as one extra factor
  in the chain;
- that the ReLU's derivative is a switch: 1 for :math:`\hat{y} > 0`, else 0;
- why a ReLU neuron with :math:`\hat{y} \le 0` receives no update, even with a large loss.

**Exercise.** Now the prediction is :math:`z = \max(0, \hat{y})` with
:math:`\hat{y} = w^\top x + b`, the error is :math:`E = z - y` and the loss
:math:`L = E^2`. Derive :math:`\partial L / \partial w_0` with the chain rule, write the
ReLU's derivative as a function, and compare the gradient with PyTorch's.
"""

# %%
# The ReLU neuron
# ---------------
# We keep the week-2 numbers (:math:`w = [0.4, 0.1]^\top`, :math:`b = 1`,
# :math:`x = [0.5, 0.4]^\top`, :math:`y = -0.5`) and apply a ReLU to the output. Here
# :math:`\hat{y} = 1.24 > 0`, so the ReLU lets it through unchanged. The ReLU itself is
# W4-1.2's, taken from the library as :func:`ee4414.relu`.
import math

import matplotlib.pyplot as plt
import torch

import ee4414

w = torch.tensor([[0.4], [0.1]], requires_grad=True)  # (2, 1): one weight per feature
b = torch.tensor([[1.0]], requires_grad=True)  # (1, 1): the bias
x = torch.tensor([[0.5], [0.4]])  # (2, 1)
y = torch.tensor([[-0.5]])  # (1, 1)

y_hat = w.T @ x + b
z = ee4414.relu(y_hat)
error = z - y
loss = (error**2).sum()
print(
    f"y_hat = {y_hat.item():.4f}, z = {z.item():.4f}, E = {error.item():.4f}, L = {loss.item():.4f}"
)

# %%
# Derivation
# ----------
# The loss now sees :math:`\hat{y}` only through :math:`z`, so the chain has four links:
#
# .. math::
#
#    L = E^2, \qquad E = z - y, \qquad z = \max(0, \hat{y}), \qquad
#    \hat{y} = w_0 x_0 + w_1 x_1 + b
#
# .. math::
#
#    \frac{\partial L}{\partial w_0}
#    = \frac{\partial L}{\partial E} \cdot \frac{\partial E}{\partial z}
#      \cdot \frac{\partial z}{\partial \hat{y}} \cdot \frac{\partial \hat{y}}{\partial w_0}
#
# Three of them we know from W5-1.1 (with :math:`z` in the place of :math:`\hat{y}`):
# :math:`\partial L / \partial E = 2E`, :math:`\partial E / \partial z = 1` and
# :math:`\partial \hat{y} / \partial w_0 = x_0`. The new one is the ReLU's slope: look at
# its graph on each side of 0.
#
# # sphinx_gallery_ee4414_reveal_start
#
# It follows from the two pieces of the ReLU: on the right it is the line
# :math:`z = \hat{y}` (slope 1), on the left the constant :math:`z = 0` (slope 0):
#
# .. math::
#
#    \frac{\partial z}{\partial \hat{y}} =
#    \begin{cases} 1, & \hat{y} > 0 \\ 0, & \hat{y} \le 0 \end{cases}
#
# At :math:`\hat{y} = 0` the ReLU has a corner and no true derivative; like PyTorch's
# :func:`torch.relu` we pick 0 there. Put together, and the same for :math:`w_1` and
# :math:`b`:
#
# .. math::
#
#    \frac{\partial L}{\partial w_0} = 2E \cdot 1 \cdot [\hat{y} > 0] \cdot x_0, \qquad
#    \frac{\partial L}{\partial w_1} = 2E \cdot 1 \cdot [\hat{y} > 0] \cdot x_1, \qquad
#    \frac{\partial L}{\partial b} = 2E \cdot 1 \cdot [\hat{y} > 0] \cdot 1
#
# where :math:`[\hat{y} > 0]` is 1 when the condition holds and 0 otherwise.
#
# # sphinx_gallery_ee4414_reveal_end


def deriv_loss_over_error(error):
    """dL/dE for L = E**2."""
    return 2 * error


def deriv_error_over_z(z):
    """dE/dz for E = z - y."""
    return torch.ones_like(z)


# sphinx_gallery_ee4414_answer_start
def deriv_relu(y_hat):
    """dz/dy_hat for z = max(0, y_hat): 1 where y_hat > 0, else 0."""
    return (y_hat > 0).to(y_hat.dtype)


# sphinx_gallery_ee4414_answer_end


def deriv_y_hat_over_w0(x):
    """dy_hat/dw0: the first input feature."""
    return x[..., 0:1, :]


def deriv_y_hat_over_w1(x):
    """dy_hat/dw1: the second input feature."""
    return x[..., 1:2, :]


def deriv_y_hat_over_b(y_hat):
    """dy_hat/db: 1."""
    return torch.ones_like(y_hat)


# %%
# A tempting shortcut is :math:`\max(0, \hat{y}) / \hat{y}`, which is 1 for positive and 0
# for negative :math:`\hat{y}`. It divides by zero at :math:`\hat{y} = 0` and returns
# ``nan``, which would then spread through every gradient; the comparison ``y_hat > 0``
# has no such hole.
probe = torch.tensor([-1.0, 0.0, 2.0])
print("relu(y)/y      :", (ee4414.relu(probe) / probe).tolist())
print("deriv_relu(y)  :", deriv_relu(probe).tolist())

# %%
# Gradients of the active neuron
# ------------------------------
# The upstream factor :math:`\partial L / \partial \hat{y}` is shared by all three
# parameters, so we compute it once and multiply by each parameter's own last factor.
# Since :math:`\hat{y} > 0`, the switch is 1 and we get back the week-2 values.

# sphinx_gallery_ee4414_answer_start
upstream = (
    deriv_loss_over_error(error.detach())
    * deriv_error_over_z(z.detach())
    * deriv_relu(y_hat.detach())
)
grad_w0 = upstream * deriv_y_hat_over_w0(x)
# sphinx_gallery_ee4414_answer_end
grad_w1 = upstream * deriv_y_hat_over_w1(x)
grad_b = upstream * deriv_y_hat_over_b(y_hat.detach())
print(f"dz/dy_hat = {deriv_relu(y_hat.detach()).item():.0f}")
print(f"dL/dw0 = {grad_w0.item():.4f}, dL/dw1 = {grad_w1.item():.4f}, dL/db = {grad_b.item():.4f}")

loss.backward()
torch.testing.assert_close(torch.cat([grad_w0, grad_w1]), w.grad)
torch.testing.assert_close(grad_b, b.grad)
assert torch.allclose(
    torch.tensor([g.item() for g in (grad_w0, grad_w1, grad_b)]),
    torch.tensor([1.74, 1.392, 3.48]),
    atol=1e-4,
    rtol=0,
)

# %%
# For the library's gradient check we need the neuron as a module. A small wrapper holds an
# :class:`ee4414.Linear` and applies :func:`ee4414.relu`; the parameter names become
# ``linear.w`` and ``linear.b``.


class ActivatedNeuron(torch.nn.Module):
    """One linear neuron followed by an element-wise activation: z = f(w.T @ x + b)."""

    def __init__(self, w, b, activation):
        super().__init__()
        self.linear = ee4414.Linear(2, 1, w=w, b=b)
        self.activation = activation

    def forward(self, x):
        return self.activation(self.linear(x))


model = ActivatedNeuron([0.4, 0.1], 1.0, ee4414.relu)
report = ee4414.compare_gradients(
    {"linear.w[0, 0]": grad_w0.item(), "linear.w[1, 0]": grad_w1.item(), "linear.b": grad_b.item()},
    model,
    ee4414.squared_error,
    x,
    y,
)
print(report)
assert report.ok

# %%
# The dead case, with numbers
# ---------------------------
# Now feed the same neuron the input :math:`x = [-3, -2]^\top` with the same label. The
# linear part gives :math:`\hat{y} = 0.4 \cdot (-3) + 0.1 \cdot (-2) + 1 = -0.4 \le 0`, so
# :math:`z = 0` and the loss is :math:`(0 - (-0.5))^2 = 0.25`: not small at all. But the
# switch :math:`\partial z / \partial \hat{y}` is 0, and it sits in every chain:
#
# .. math::
#
#    \frac{\partial L}{\partial w_0} = \underbrace{2E}_{1} \cdot 1 \cdot
#    \underbrace{[\hat{y} > 0]}_{0} \cdot \underbrace{x_0}_{-3} = 0, \qquad
#    \frac{\partial L}{\partial w_1} = 0, \qquad \frac{\partial L}{\partial b} = 0
x_dead = torch.tensor([[-3.0], [-2.0]])
y_hat_dead = w.detach().T @ x_dead + b.detach()
z_dead = ee4414.relu(y_hat_dead)
error_dead = z_dead - y
loss_dead = (error_dead**2).sum()
upstream_dead = (
    deriv_loss_over_error(error_dead) * deriv_error_over_z(z_dead) * deriv_relu(y_hat_dead)
)
grads_dead = {  # "+ 0.0" turns the -0.0 of 0 * (-3) into a plain 0.0 for printing
    "linear.w[0, 0]": (upstream_dead * deriv_y_hat_over_w0(x_dead)).item() + 0.0,
    "linear.w[1, 0]": (upstream_dead * deriv_y_hat_over_w1(x_dead)).item() + 0.0,
    "linear.b": (upstream_dead * deriv_y_hat_over_b(y_hat_dead)).item() + 0.0,
}
print(f"y_hat = {y_hat_dead.item():.4f}, z = {z_dead.item():.4f}, L = {loss_dead.item():.4f}")
print(
    f"dL/dE = {deriv_loss_over_error(error_dead).item():.4f}, "
    f"dz/dy_hat = {deriv_relu(y_hat_dead).item():.0f}"
)
assert math.isclose(y_hat_dead.item(), -0.4, abs_tol=1e-4)
assert math.isclose(loss_dead.item(), 0.25, abs_tol=1e-4)
assert all(g == 0.0 for g in grads_dead.values())

dead_model = ActivatedNeuron([0.4, 0.1], 1.0, ee4414.relu)
report_dead = ee4414.compare_gradients(grads_dead, dead_model, ee4414.squared_error, x_dead, y)
print(report_dead)
assert report_dead.ok
auto_dead = ee4414.autograd_gradients(dead_model, ee4414.squared_error, x_dead, y)
assert all(torch.count_nonzero(g) == 0 for g in auto_dead.values())  # exactly zero

# %%
# One SGD step on the dead input changes nothing
# ----------------------------------------------
# The update is :math:`w \leftarrow w - \mu \cdot 0`, so even a huge learning rate leaves
# the weights as they were, and the loss stays at 0.25. The neuron will only learn again
# from some other input that makes :math:`\hat{y} > 0`.
before = {name: p.detach().clone() for name, p in dead_model.named_parameters()}
loss_before = ee4414.squared_error(dead_model(x_dead), y)
dead_model.zero_grad()
loss_before.backward()
ee4414.sgd_step(dead_model.parameters(), lr=10.0)
loss_after = ee4414.squared_error(dead_model(x_dead), y)
for name, p in dead_model.named_parameters():
    values_before = ", ".join(f"{v:.4f}" for v in before[name].flatten().tolist())
    values_after = ", ".join(f"{v:.4f}" for v in p.detach().flatten().tolist())
    print(f"{name}: before [{values_before}], after [{values_after}]")
    assert torch.equal(p.detach(), before[name])
print(f"loss before {loss_before.item():.4f}, after {loss_after.item():.4f}")
assert loss_after.item() == loss_before.item()

# %%
# The library's ReLU derivative
# -----------------------------
# :func:`ee4414.relu_derivative` is the same switch as ``deriv_relu``, and
# :func:`ee4414.squared_error_derivative` gives the first two factors in one go; their
# product is the upstream factor computed above.
grid = torch.linspace(-2, 2, 41)
torch.testing.assert_close(ee4414.relu_derivative(grid), deriv_relu(grid))
torch.testing.assert_close(
    ee4414.squared_error_derivative(z.detach(), y) * ee4414.relu_derivative(y_hat.detach()),
    upstream,
)

# %%
# At the corner the choice is a convention
# ----------------------------------------
# Exactly at :math:`\hat{y} = 0` no slope is "right", and implementations differ: each
# autograd rule below returns the gradient it was written to return there. It rarely
# matters in practice, because :math:`\hat{y}` lands on exactly 0.0 rarely; it does matter
# when you compare a hand gradient with autograd at that point.
for name, fn in [
    ("torch.relu", torch.relu),
    ("torch.clamp(min=0)", lambda t: torch.clamp(t, min=0.0)),
    ("torch.maximum(0, y)", lambda t: torch.maximum(torch.zeros_like(t), t)),
]:
    corner = torch.tensor(0.0, requires_grad=True)
    fn(corner).backward()
    print(f"{name:20s} gradient at 0: {corner.grad.item():.1f}")

# %%
# Picture: the ReLU and its switch
# --------------------------------
# Left: the ReLU with the two pre-activations of this page. Right: its derivative, the
# factor that multiplies every gradient of the neuron.
y_grid = torch.linspace(-2, 2, 401)
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 4))
ax0.plot(y_grid, ee4414.relu(y_grid), label=r"$z = \max(0, \hat{y})$")
ax1.plot(y_grid[y_grid <= 0], torch.zeros(int((y_grid <= 0).sum())), color="C1")
ax1.plot(
    y_grid[y_grid > 0],
    torch.ones(int((y_grid > 0).sum())),
    color="C1",
    label=r"$\partial z / \partial \hat{y}$",
)
ax1.plot([0], [0], "o", color="C1")
ax1.plot([0], [1], "o", color="C1", markerfacecolor="white")
for value, colour, text in [
    (y_hat.item(), "C2", "active, x = [0.5, 0.4]"),
    (y_hat_dead.item(), "C3", "dead, x = [-3, -2]"),
]:
    ax0.plot(
        [value], [max(value, 0.0)], "o", color=colour, label=rf"$\hat{{y}}$ = {value:.2f} ({text})"
    )
    ax1.plot([value], [float(value > 0)], "s", color=colour)
ax0.set(xlabel=r"$\hat{y}$", ylabel="$z$", title="ReLU")
ax1.set(
    xlabel=r"$\hat{y}$",
    ylabel=r"$\partial z / \partial \hat{y}$",
    title="its derivative: a 0/1 switch",
    ylim=(-0.2, 1.2),
)
ax0.legend()
ax1.legend()

# %%
# A neuron whose :math:`\hat{y}` is negative for *every* training input never receives a
# gradient again: a dead ReLU. A large learning rate can push a neuron there in one step,
# and some initialisations start there, one reason week 6 looks at initialisation.
# W5-1.4.1 swaps in the sigmoid, whose derivative is never exactly zero.

# %%
# Try it yourself
# ---------------
#
# - Find an input on the boundary, :math:`\hat{y} = 0` exactly (for example
#   :math:`x = [-2.5, 0]^\top`), and compare the hand gradient, autograd with
#   :func:`ee4414.relu`, and the finite difference. What does each give, and why?
# - Start from the dead input and train for 100 steps with ``sgd_step``. Then add the point
#   :math:`x = [0.5, 0.4]^\top` to the data: does the neuron come back to life?
# - Replace the ReLU with a "leaky" one, :math:`z = \max(0.01\hat{y}, \hat{y})`. Write its
#   derivative and check that the dead input now gives a small, non-zero gradient.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.nn.ReLU.html
