r"""
W5-1.3 · The chain rule for the bias
====================================

The bias is the last parameter of the linear neuron. Its chain has the same first two
links as the weights; the last link is the simplest of all, because the bias is added to
the output as it is. With the bias done we hold the complete gradient by hand, so we can
train the neuron without calling ``backward()`` and watch it follow autograd step for step.

**You will learn**

- that :math:`\partial \hat{y} / \partial b = 1`, so :math:`\partial L / \partial b = 2E`;
- to assemble the full gradient of a neuron from chain-rule factors;
- that an SGD step with hand-made gradients reproduces week 2 exactly.

**Exercise.** For the week-2 neuron (:math:`w = [0.4, 0.1]^\top`, :math:`b = 1`,
:math:`x = [0.5, 0.4]^\top`, :math:`y = -0.5`), derive :math:`\partial L / \partial b`
with the chain rule, code the missing factor and compare the result with PyTorch's.
"""

# %%
# Forward pass
# ------------
import math

import matplotlib.pyplot as plt
import torch

import ee4414

w = torch.tensor([[0.4], [0.1]], requires_grad=True)  # (2, 1): one weight per feature
b = torch.tensor([[1.0]], requires_grad=True)  # (1, 1): the bias
x = torch.tensor([[0.5], [0.4]])  # (2, 1)
y = torch.tensor([[-0.5]])  # (1, 1)

y_hat = w.T @ x + b
error = y_hat - y
loss = (error**2).sum()
print(f"y_hat = {y_hat.item():.4f}, E = {error.item():.4f}, L = {loss.item():.4f}")

# %%
# Derivation
# ----------
# The chain ends at :math:`b` instead of a weight:
#
# .. math::
#
#    \frac{\partial L}{\partial b}
#    = \frac{\partial L}{\partial E} \cdot \frac{\partial E}{\partial \hat{y}}
#      \cdot \frac{\partial \hat{y}}{\partial b}
#
# Of the three terms of :math:`\hat{y} = w_0 x_0 + w_1 x_1 + b`, only the bias itself
# depends on :math:`b`.
#
# # sphinx_gallery_ee4414_reveal_start
#
# Its slope is one:
#
# .. math::
#
#    \frac{\partial \hat{y}}{\partial b}
#    = \underbrace{\frac{\partial (w_0 x_0)}{\partial b}
#      + \frac{\partial (w_1 x_1)}{\partial b}}_{0} + \frac{\partial b}{\partial b} = 1
#
# .. math::
#
#    \frac{\partial L}{\partial b} = 2E \cdot 1 \cdot 1 = 2 (\hat{y} - y) = 2 \times 1.74 = 3.48
#
# You can read the bias as a weight whose input is always 1; then this is the weight rule
# :math:`2E \cdot x_i` with :math:`x_i = 1`.
#
# # sphinx_gallery_ee4414_reveal_end


def deriv_loss_over_error(error):
    """dL/dE for L = E**2."""
    return 2 * error


def deriv_error_over_y_hat(y_hat):
    """dE/dy_hat for E = y_hat - y."""
    return torch.ones_like(y_hat)


# sphinx_gallery_ee4414_answer_start
def deriv_y_hat_over_b(y_hat):
    """dy_hat/db: the bias enters y_hat unscaled, so the slope is 1 (one per output)."""
    return torch.ones_like(y_hat)


dL_dE = deriv_loss_over_error(error.detach())
dE_dyhat = deriv_error_over_y_hat(y_hat.detach())
dyhat_db = deriv_y_hat_over_b(y_hat.detach())
grad_b = dL_dE * dE_dyhat * dyhat_db
# sphinx_gallery_ee4414_answer_end
print(f"dL/db = {dL_dE.item():.4f} * {dE_dyhat.item():.4f} * {dyhat_db.item():.4f}")
print(f"      = {grad_b.item():.4f}  (chain rule)")

loss.backward()
print(f"      = {b.grad.item():.4f}  (autograd)")
assert math.isclose(grad_b.item(), 3.48, abs_tol=1e-4)
torch.testing.assert_close(grad_b, b.grad)

# %%
# The whole gradient, checked three ways
# --------------------------------------
# With the weight factors of W5-1.1 and W5-1.2 (the inputs :math:`x_0, x_1`) we now have
# every entry. :func:`ee4414.compare_gradients` checks all three against autograd and a
# finite difference; for :class:`ee4414.Linear` the bias ``b`` has shape (out, 1) = (1, 1).
grad_w = dL_dE * dE_dyhat * x  # (2, 1): 2E times each input
model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
report = ee4414.compare_gradients(
    {"w[0, 0]": grad_w[0, 0].item(), "w[1, 0]": grad_w[1, 0].item(), "b[0, 0]": grad_b.item()},
    model,
    ee4414.squared_error,
    x,
    y,
)
print(report)
assert report.ok
assert torch.allclose(
    torch.tensor(grad_w.flatten().tolist()), torch.tensor([1.74, 1.392]), atol=1e-4, rtol=0
)

# %%
# One SGD step with our own gradients
# -----------------------------------
# Week 2 took one step with learning rate :math:`\mu = 0.01` using autograd's gradients and
# got :math:`\hat{y} = 1.1909`, :math:`L = 2.8593`. The hand-made gradients must land on the
# same numbers.
#
# .. math::
#
#    w \leftarrow w - \mu \frac{\partial L}{\partial w}, \qquad
#    b \leftarrow b - \mu \frac{\partial L}{\partial b}
lr = 0.01
w_new = w.detach() - lr * grad_w
b_new = b.detach() - lr * grad_b
y_hat_new = w_new.T @ x + b_new
loss_new = ((y_hat_new - y) ** 2).sum()
print(f"after one step: y_hat = {y_hat_new.item():.4f}, L = {loss_new.item():.4f}")
assert math.isclose(y_hat_new.item(), 1.1909, abs_tol=1e-4)
assert math.isclose(loss_new.item(), 2.8593, abs_tol=1e-4)


# %%
# Training without ``backward()``
# -------------------------------
# Now run 60 steps twice from the same start: once with the chain-rule gradient, once with
# autograd's (updated with :func:`ee4414.sgd_step`, the library's version of the update
# above). If our calculus is right the two loss curves are the same curve.
def hand_gradients(w, b, x, y):
    """Return (dL/dw, dL/db) for L = (w.T @ x + b - y)**2, from the chain-rule factors."""
    y_hat = w.T @ x + b
    error = y_hat - y
    dL_dyhat = deriv_error_over_y_hat(y_hat) * deriv_loss_over_error(error)  # shared by all
    return dL_dyhat * x, dL_dyhat * deriv_y_hat_over_b(y_hat)


epochs = 60
w_hand, b_hand = torch.tensor([[0.4], [0.1]]), torch.tensor([[1.0]])
losses_hand = []
for _ in range(epochs):
    losses_hand.append(((w_hand.T @ x + b_hand - y) ** 2).item())
    g_w, g_b = hand_gradients(w_hand, b_hand, x, y)
    w_hand, b_hand = w_hand - lr * g_w, b_hand - lr * g_b

model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
losses_auto = []
for _ in range(epochs):
    loss = ee4414.squared_error(model(x), y)
    losses_auto.append(loss.item())
    model.zero_grad()
    loss.backward()
    ee4414.sgd_step(model.parameters(), lr)

torch.testing.assert_close(torch.tensor(losses_hand), torch.tensor(losses_auto))
torch.testing.assert_close(w_hand, model.w.detach())
last_hand, last_auto = losses_hand[-1], losses_auto[-1]
print(f"after {epochs} steps: L = {last_hand:.4f} (chain rule), {last_auto:.4f} (autograd)")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(losses_auto, linewidth=4, alpha=0.4, label="autograd + sgd_step")
ax.plot(losses_hand, "--", color="black", label="chain-rule gradients")
ax.set(xlabel="step", ylabel="loss $L$", title="Hand-made gradients train the neuron too")
ax.legend()

# %%
# The curves coincide: the three little factor functions are all the calculus a linear
# neuron needs. The next examples (W5-1.4 and W5-1.4.1) put an activation between
# :math:`\hat{y}` and the loss, which adds one more factor to every chain.

# %%
# Try it yourself
# ---------------
#
# - Set the bias to zero and freeze it (skip its update). Does the neuron still reach
#   :math:`L \approx 0` on this point? Why?
# - Give the neuron a second output (``w`` of shape (2, 2), ``b`` of shape (2, 1)) and two
#   labels. Which shape does ``deriv_y_hat_over_b`` return, and what is the gradient of each bias?
# - Put a deliberate bug in ``deriv_y_hat_over_b`` (return 2 instead of 1) and see which
#   row of the ``compare_gradients`` table is no longer ok.
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.Tensor.backward.html
