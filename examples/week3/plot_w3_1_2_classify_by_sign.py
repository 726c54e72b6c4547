"""
W3-1.2 · Classify by the sign of the output
===========================================

A classifier has to answer with a class, not with a real number. The linear model of
W3-1.1 gives :math:`\\hat{y}^{(0)} = 2.5` and :math:`\\hat{y}^{(1)} = -0.8`; the simplest
rule that turns such numbers into two classes looks only at their sign. This is also how
a linear support vector machine (SVM) decides, once it has been trained.

**You will learn**

- the sign rule :math:`C = 1` if :math:`\\hat{y} > 0`, else :math:`C = -1`, and what it
  does with :math:`\\hat{y} = 0`;
- how to write it with ``if``/``else`` for one output, and why that fails for a batch;
- the vectorised version with :func:`torch.where`, and the library's
  :func:`ee4414.classify` and :func:`ee4414.accuracy`.

**Exercise.** The point :math:`\\mathbf{x}^{(0)} = [1,\\ 0.5]^\\top` belongs to class
:math:`\\mathcal{C} = 1` and :math:`\\mathbf{x}^{(1)} = [0.1,\\ -0.3]^\\top` to class
:math:`\\mathcal{C} = -1`. Using the model :math:`\\mathbf{w} = [1,\\ 3]^\\top`,
:math:`b = 0` of W3-1.1, write an ``if``/``else`` function that infers the class from
:math:`\\hat{y}`, and check that both points are classified correctly.
"""

# %%
# Imports
# -------
import matplotlib.pyplot as plt
import torch

import ee4414

# %%
# The model from W3-1.1
# ---------------------
# The same two-input linear model with fixed weights, now the library's tested module
# :class:`ee4414.Linear`: ``w`` is (2, 1), ``b`` is (1, 1), and the output is (1, 1) for
# one point and (n, 1, 1) for a batch.

model = ee4414.Linear(2, 1, w=[1.0, 3.0], b=0.0)
inputs = [torch.tensor([[1.0], [0.5]]), torch.tensor([[0.1], [-0.3]])]
labels = [1, -1]  # the classes the exercise gives for x^(0) and x^(1)
outputs = [model(x) for x in inputs]
print("outputs:", [f"{y_hat.item():.4f}" for y_hat in outputs])

# %%
# The decision rule
# -----------------
# We call a point class 1 when the model's output is positive, and class -1 otherwise:
#
# .. math::
#
#    C^{(i)} = \begin{cases}
#        \phantom{-}1 & \text{when } \hat{y}^{(i)} > 0 \text{ (positive output)}, \\
#        -1 & \text{when } \hat{y}^{(i)} \le 0 \text{ (zero or negative output)}.
#    \end{cases}
#
# The rule has to put :math:`\hat{y} = 0` somewhere; here it goes to class -1. Points with
# exactly zero output are the ones the model cannot tell apart: they form the *decision
# boundary*, which W3-1.3 draws.
#
# For a single output, an ``if``/``else`` is all it takes. ``y_hat > 0`` is a tensor with
# one boolean in it, and ``if`` asks Python for its truth value, which PyTorch provides for
# one-element tensors.


# sphinx_gallery_ee4414_answer_start
def classify(y_hat):
    """Return the class, 1 or -1, of a single output y_hat."""
    if y_hat > 0:
        return 1
    else:
        return -1


classes = []
for y_hat in outputs:
    classes.append(classify(y_hat))
# sphinx_gallery_ee4414_answer_end
print("classes:", classes)
assert classes == [1, -1]

# %%
# Are they right?
# ---------------
# Compare each predicted class with the label the exercise gives. Both match: these weights
# happen to separate the two points. In W3-1.4 we will *learn* weights that do so for a
# whole data set.
for i, (C, label) in enumerate(zip(classes, labels, strict=True)):
    verdict = "correct" if label == C else "wrong"
    print(f"x^({i}): ŷ = {outputs[i].item():+.4f} -> C = {C:+d}, label {label:+d}: {verdict}")
assert classes == labels

# %%
# Why the ``if`` version stops working for a batch
# ------------------------------------------------
# Stack the two inputs into a batch of shape (2, 2, 1) and the model returns both outputs
# in one tensor. Now ``y_hat > 0`` holds two booleans, and Python's ``if`` cannot reduce
# them to one truth value, so PyTorch raises an error instead of guessing.
x_batch = torch.stack(inputs)  # (2, 2, 1)
with torch.no_grad():
    y_batch = model(x_batch)  # (2, 1, 1)
try:
    classify(y_batch)
except RuntimeError as err:
    print("RuntimeError:", err)

# %%
# The vectorised rule
# -------------------
# :func:`torch.where` applies the rule to every element at once: take 1 where the condition
# holds and -1 elsewhere. (:func:`torch.sign` looks similar but returns 0 for an output of
# exactly 0, a third "class" we do not want.)
C_batch = torch.where(y_batch > 0, 1.0, -1.0)
print("torch.where:", C_batch.flatten().tolist(), "shape", tuple(C_batch.shape))
assert C_batch.flatten().tolist() == [1.0, -1.0]

# %%
# The library version
# -------------------
# :func:`ee4414.classify` is exactly this ``torch.where`` rule, and :func:`ee4414.accuracy`
# counts the fraction of points whose class matches the label. Later weeks use both.
c = torch.tensor(labels, dtype=torch.float32).reshape(2, 1, 1)  # labels as (n, 1, 1)
C_lib = ee4414.classify(y_batch)
acc = ee4414.accuracy(y_batch, c)
print("ee4414.classify:", [int(v) for v in C_lib.flatten().tolist()])
print(f"ee4414.accuracy: {acc:.2f}")
assert [int(v) for v in C_lib.flatten().tolist()] == [1, -1]
assert acc == 1.0

# %%
# The rule as a picture
# ---------------------
# Plotted against :math:`\hat{y}`, the rule is a step: every negative output (and zero) maps
# to -1, every positive output to 1. Our two points sit on either side of the jump. Note
# what the picture hides: an output of 0.01 and one of 100 get the same class, although
# the model is far surer about the second. The hinge loss of W3-1.4 will care about that
# difference.
y_axis = torch.linspace(-3, 3, 601)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(y_axis, torch.where(y_axis > 0, 1.0, -1.0), color="tab:gray", label="C(ŷ)")
markers = {1: ("o", "tab:red"), -1: ("s", "tab:blue")}
for i, (y_hat, C) in enumerate(zip(outputs, classes, strict=True)):
    marker, colour = markers[C]
    ax.scatter(
        y_hat.item(),
        C,
        s=80,
        marker=marker,
        color=colour,
        zorder=3,
        label=f"$x^{{({i})}}$: ŷ = {y_hat.item():.1f}, C = {C}",
    )
ax.axvline(0, color="black", linestyle=":", linewidth=1)
ax.set(
    xlabel="model output ŷ",
    ylabel="class C",
    yticks=[-1, 1],
    title="Classification by the sign of ŷ",
)
ax.legend(loc="upper left")

# %%
# Try it yourself
# ---------------
#
# - Classify :math:`\mathbf{x} = [3,\ -1]^\top`. Its output is exactly 0: which class does
#   the rule give, and what would :func:`torch.sign` return?
# - Change the bias to :math:`b = 1` and classify the two points again. Is :math:`\mathbf{x}^{(1)}`
#   still in class -1?
# - Rewrite ``classify`` without ``if``, as a single expression of ``y_hat > 0``
#   (hint: ``2 * (y_hat > 0).float() - 1``).
#
# Further reading: https://pytorch.org/docs/stable/generated/torch.where.html
