r"""
W4-1.2 · The ReLU activation
============================

Chaining linear neurons on their own gains nothing: a linear function of linear functions is
again linear, so the network would still draw a single straight line. What makes the second
layer worth having is a *non-linear* function applied to each first-layer output before it
moves on. The simplest one in use is the rectified linear unit, ReLU, which keeps positive
values and replaces negative ones by zero.

**You will learn**

- the ReLU, :math:`z = \max(0, \hat{y})`, and three ways to write it in PyTorch;
- to apply it to the two first-layer outputs of W4-1.1;
- why, without it, two layers collapse into one neuron (shown with numbers);
- the library's :func:`ee4414.relu` and its derivative :func:`ee4414.relu_derivative`.

**Exercise.** Apply the ReLU, :math:`z = \max(0, \hat{y})`, to the outputs of the two
first-layer neurons ``layer0_0`` and ``layer0_1`` from W4-1.1 (on
:math:`\mathbf{x} = [0.3,\ 0.1]^\top`, they output :math:`\hat{y}_{0,0} = 0.69` and
:math:`\hat{y}_{0,1} = -0.30`).
"""

import math

import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The first layer, as in W4-1.1
# -----------------------------
# The neurons of W4-1.1 with the exercise's numbers (see the note on W4-1.1 about the
# numbers in the course's answer code), built with the library's tested
# :class:`ee4414.Linear`. The two first-layer outputs are
# :math:`\hat{y}_{0,0} = 0.69` and :math:`\hat{y}_{0,1} = -0.30`.

# the exercise statement's numbers
layer0_0 = ee4414.Linear(2, 1, w=[0.8, -0.5], b=0.5)
layer0_1 = ee4414.Linear(2, 1, w=[-0.3, -0.1], b=-0.2)
layer1 = ee4414.Linear(2, 1, w=[-0.5, -0.4], b=-0.8)

x = torch.tensor([[0.3], [0.1]])
y_hat0_0 = layer0_0(x)
y_hat0_1 = layer0_1(x)
print(f"y_hat0_0 = {y_hat0_0.item():+.4f}, y_hat0_1 = {y_hat0_1.item():+.4f}")

# %%
# Write the ReLU
# --------------
# .. math::
#
#    z = \operatorname{ReLU}(\hat{y}) = \max(0, \hat{y}) =
#        \begin{cases} \hat{y} & \text{if } \hat{y} > 0, \\ 0 & \text{otherwise.} \end{cases}
#
# It acts on every element separately, so the output has the input's shape. Comparing with
# zero element by element is :func:`torch.maximum` against a tensor of zeros of the same
# shape; ``torch.clamp(y_hat, min=0.0)`` says the same thing in one call.


# sphinx_gallery_ee4414_answer_start
def relu(y_hat):
    """Rectified linear unit, max(0, y_hat), element by element (shape unchanged)."""
    return torch.maximum(y_hat, torch.zeros_like(y_hat))


z_0 = relu(y_hat0_0)  # neuron 0: positive input, passed through
z_1 = relu(y_hat0_1)  # neuron 1: negative input, cut to zero
# sphinx_gallery_ee4414_answer_end

print(f"z_0 = relu({y_hat0_0.item():+.4f}) = {z_0.item():.4f}, shape {tuple(z_0.shape)}")
print(f"z_1 = relu({y_hat0_1.item():+.4f}) = {z_1.item():.4f}, shape {tuple(z_1.shape)}")
assert math.isclose(z_0.item(), 0.69, abs_tol=1e-4)
assert math.isclose(z_1.item(), 0.0, abs_tol=1e-4)

# %%
# The first neuron's output was positive and passes through unchanged; the second one's was
# negative and is cut to zero. As far as the next layer is concerned, ``layer0_1`` says
# nothing at all about this input.
#
# PyTorch has the function built in, as :func:`torch.relu`, and the course library has it as
# :func:`ee4414.relu`. All three agree.
for name, fn in [
    ("torch.clamp", lambda t: torch.clamp(t, min=0.0)),
    ("torch.relu", torch.relu),
    ("ee4414.relu", ee4414.relu),
]:
    out = torch.cat([fn(y_hat0_0), fn(y_hat0_1)])
    print(f"{name:12s}: {[f'{v:.4f}' for v in out.flatten().tolist()]}")
    torch.testing.assert_close(out, torch.cat([z_0, z_1]))

# %%
# What the ReLU looks like
# ------------------------
# A straight line with a kink at zero: slope 0 on the left, slope 1 on the right. That slope
# is the derivative (W5-1.4 uses it), and the library keeps it beside the function as
# :func:`ee4414.relu_derivative`. The two first-layer outputs are marked on the curve.
y_axis = torch.linspace(-1.5, 1.5, 301)
fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(10, 4))
ax_f.plot(y_axis, relu(y_axis), color="tab:purple", label="z = max(0, ŷ)")
ax_f.plot(y_axis, y_axis, color="gray", linestyle=":", linewidth=1, label="z = ŷ")
for name, y_hat, z in [("layer0_0", y_hat0_0, z_0), ("layer0_1", y_hat0_1, z_1)]:
    ax_f.scatter(
        [y_hat.item()],
        [z.item()],
        s=70,
        zorder=3,
        edgecolors="black",
        label=f"{name}: ŷ = {y_hat.item():+.2f} → z = {z.item():.2f}",
    )
ax_f.annotate(
    "",
    xy=(y_hat0_1.item(), 0.0),
    xytext=(y_hat0_1.item(), y_hat0_1.item()),
    arrowprops={"arrowstyle": "->", "color": "tab:orange"},
)
ax_f.set(xlabel="ŷ", ylabel="z", title="ReLU")
ax_f.legend(loc="upper left")
ax_d.plot(y_axis, ee4414.relu_derivative(y_axis), color="tab:purple")
ax_d.set(xlabel="ŷ", ylabel="dz/dŷ", ylim=(-0.2, 1.2), title="Its derivative: 0 or 1")
fig.tight_layout()

# %%
# Why the network needs it
# ------------------------
# Drop the activation and feed the raw first-layer outputs to ``layer1``. Collect the first
# layer's weights as the columns of :math:`\mathbf{W}^{[0]} = [\mathbf{w}_{0,0}\
# \mathbf{w}_{0,1}]` and its biases in :math:`\mathbf{b}^{[0]}`; then
#
# .. math::
#
#    \hat{y} = \mathbf{w}_1^\top\left(\mathbf{W}^{[0]\top}\mathbf{x} + \mathbf{b}^{[0]}\right)
#              + b_1
#            = \left(\mathbf{W}^{[0]}\mathbf{w}_1\right)^\top \mathbf{x}
#              + \left(\mathbf{w}_1^\top\mathbf{b}^{[0]} + b_1\right),
#
# a single neuron with weights :math:`\mathbf{W}^{[0]}\mathbf{w}_1` and bias
# :math:`\mathbf{w}_1^\top\mathbf{b}^{[0]} + b_1`: one straight line again, however many
# neurons we stack. With the exercise's numbers that neuron is
# :math:`\mathbf{w} = [-0.28,\ 0.29]^\top`, :math:`b = -0.97`.
W0 = torch.cat([layer0_0.w, layer0_1.w], dim=1).detach()  # (2, 2), one column per neuron
b0 = torch.cat([layer0_0.b, layer0_1.b], dim=0).detach()  # (2, 1)
w1, b1 = layer1.w.detach(), layer1.b.detach()
w_single = W0 @ w1
b_single = w1.T @ b0 + b1
y_no_relu = layer1(torch.cat([y_hat0_0, y_hat0_1], dim=-2))  # two layers, no activation
y_single = w_single.T @ x + b_single  # one neuron
print(
    f"collapsed neuron: w = {[round(v, 4) for v in w_single.flatten().tolist()]}, "
    f"b = {b_single.item():.4f}"
)
print(f"two layers without ReLU: {y_no_relu.item():+.4f}; one neuron: {y_single.item():+.4f}")
torch.testing.assert_close(y_no_relu.detach(), y_single)
torch.testing.assert_close(w_single, torch.tensor([[-0.28], [0.29]]))

# %%
# With the ReLU in between the argument breaks down: ``layer0_1`` contributes for inputs on
# one side of its line and is silenced on the other, so ``layer1`` sees a different linear
# function in each region of the plane. Those pieces are what let the boundary bend
# (W4-1.5).

# %%
# Try it yourself
# ---------------
#
# - Evaluate ``relu(layer0_1(x_xor))`` on the four XOR points, ``x_xor, _ = ee4414.xor()``.
#   On how many of them is ``layer0_1`` silent?
# - Replace ``relu`` with ``torch.sigmoid`` or ``torch.tanh`` and print ``z_0`` and ``z_1``.
#   Which of them can be negative?
# - Write the ReLU as ``y_hat * (y_hat > 0)``. Is it equal to ours for every input?
#
# Further reading: https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html
