r"""
W2-1.5 · One step of gradient descent
=====================================

We have the loss (W2-1.3) and its gradients (W2-1.4). One update of the weights and the
bias, against the gradient and scaled by the learning rate, should make the loss smaller.
That one comparison, before and after, is the quickest test that a training step works.

**You will learn**

- to write the update :math:`\theta \leftarrow \theta - \mu\,\partial\mathcal{L}/\partial\theta`
  for every parameter of a module;
- why the update runs inside :class:`torch.no_grad`;
- to check a step by recomputing the loss.

**Exercise.** With learning rate :math:`\mu = 0.01`, compute the new weights and bias from
the gradients of W2-1.4, then compute :math:`\hat{y}` and :math:`\mathcal{L}` again with
them.
"""

import math

import torch

import ee4414

# %%
# Model, data, loss and gradients
# -------------------------------
# As in W2-1.4: one forward pass, clear the gradients, one backward pass, with the
# library's :class:`ee4414.Linear` and :func:`ee4414.squared_error`.

x = torch.tensor([[0.5], [0.4]])
y = -0.5

model = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
loss = ee4414.squared_error(model(x), y)
model.zero_grad()
loss.backward()
print(f"before: L = {loss.item():.4f}")

# %%
# The update rule
# ---------------
# .. math::
#
#    \mathbf{w} \leftarrow \mathbf{w} - \mu \frac{\partial \mathcal{L}}{\partial \mathbf{w}},
#    \qquad
#    b \leftarrow b - \mu \frac{\partial \mathcal{L}}{\partial b},
#    \qquad \mu = 0.01 .
#
# Every parameter follows the same rule, so the function loops over
# ``model.parameters()`` rather than naming ``w`` and ``b``; it will work unchanged for
# the bigger networks of weeks 4 to 6.
#
# The update runs inside :class:`torch.no_grad` for two reasons. It is not part of the
# model, so autograd must not record it (the next step's gradients would otherwise flow
# back through the old update). And PyTorch refuses to change a learnable leaf tensor in
# place while it is recording, because that would corrupt the record.


# sphinx_gallery_ee4414_answer_start
def optimize_weights(model, lr):
    """Move every parameter of model against its gradient: p <- p - lr * p.grad."""
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad  # in place: the module keeps the same Parameter objects


learning_rate = 0.01
optimize_weights(model, learning_rate)
# sphinx_gallery_ee4414_answer_end

print(f"w_new = [{model.w[0, 0].item():.5f}, {model.w[1, 0].item():.5f}]")
print(f"b_new = {model.b.item():.4f}")

# %%
# By hand: :math:`w_0 = 0.4 - 0.01 \cdot 1.74 = 0.3826`,
# :math:`w_1 = 0.1 - 0.01 \cdot 1.392 = 0.08608` and :math:`b = 1 - 0.01 \cdot 3.48 = 0.9652`.

torch.testing.assert_close(model.w.detach(), torch.tensor([[0.3826], [0.08608]]))
torch.testing.assert_close(model.b.detach(), torch.tensor([[0.9652]]))

# %%
# What ``torch.no_grad`` prevents: the same in-place update with recording on fails.

try:
    model.w -= learning_rate * model.w.grad
except RuntimeError as err:
    print(f"RuntimeError: {err}")

# %%
# Did the step help?
# ------------------
# Evaluate the model again with the new parameters. The prediction has moved from 1.24
# towards the label :math:`-0.5`, and the loss has gone down: the step went the right way.

# sphinx_gallery_ee4414_answer_start
y_hat = model(x)
loss_new = ee4414.squared_error(y_hat, y)
# sphinx_gallery_ee4414_answer_end
print(f"after:  y_hat = {y_hat.item():.4f}, L = {loss_new.item():.4f}")

assert math.isclose(y_hat.item(), 1.1909, abs_tol=1e-4)
assert math.isclose(loss_new.item(), 2.8593, abs_tol=1e-4)
assert loss_new.item() < loss.item()

# %%
# The same step with the library
# ------------------------------
# :func:`ee4414.sgd_step` is ``optimize_weights``: it updates every parameter that has a
# gradient, in place and without recording. (PyTorch's own version is
# ``torch.optim.SGD``.)

neuron = ee4414.Linear(2, 1, w=[0.4, 0.1], b=1.0)
neuron.zero_grad()
ee4414.squared_error(neuron(x), y).backward()
ee4414.sgd_step(neuron.parameters(), lr=learning_rate)

y_hat_lib = neuron(x)
loss_lib = ee4414.squared_error(y_hat_lib, y)
print(f"ee4414.sgd_step: y_hat = {y_hat_lib.item():.4f}, L = {loss_lib.item():.4f}")
assert math.isclose(y_hat_lib.item(), 1.1909, abs_tol=1e-4)
assert math.isclose(loss_lib.item(), 2.8593, abs_tol=1e-4)

# %%
# Try it yourself
# ---------------
#
# - Take a second step (zero the gradients, forward, backward, update). Does the loss drop
#   by the same amount as the first time? By the same *factor*? (W2-1.7 explains.)
# - Flip the sign of the update (``p += lr * p.grad``) and watch the loss grow.
# - Write the update out of place, ``w_new = model.w - lr * model.w.grad``: does
#   ``model(x)`` change? What does ``w_new.requires_grad`` say?
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.no_grad.html
