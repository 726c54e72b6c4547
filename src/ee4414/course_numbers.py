r"""The course's numbers, written once: the values the exercises start from.

The self-checks (:mod:`ee4414.selfcheck`) and the tests build their expected values from
this table. The worked examples (``examples/weekN/*.py``) keep their numbers written out,
because a student reads them there; ``tests/test_course_numbers.py`` checks that each
example's numbers agree with this table, so a change here or there cannot go unnoticed.

Vectors are columns, written as tuples of one-element rows (``((0.4,), (0.1,))`` is the
2×1 column :math:`[0.4, 0.1]^\top`); build a tensor with ``torch.tensor(W2_W)``. A neuron
with two inputs is written ``(w0, w1, b)``: :math:`\hat{y} = w_0 x_0 + w_1 x_1 + b`.
"""

from __future__ import annotations

Column = tuple[tuple[float], ...]
Neuron = tuple[float, float, float]

# Week 1: tensors.
W1_COLUMN_A: Column = ((1.0,), (3.0,), (5.0,))
"""The column a of W1-1.2 (and of W1-2.2, W1-2.3.1 and W1-2.6)."""
W1_COLUMN_B: Column = ((2.0,), (4.0,), (6.0,))
"""The column b that W1-2.2 stacks with a."""
W1_MATRIX_A: tuple[tuple[float, ...], ...] = tuple(
    tuple(float(4 * row + col + 1) for col in range(4)) for row in range(3)
)
"""The 3×4 matrix A of W1-1.4 (and W1-2.3, W1-2.5.2): 1 to 12, row by row."""

# Week 2: one linear neuron, one training point.
W2_W: Column = ((0.4,), (0.1,))
"""The neuron's starting weights w, a 2×1 column."""
W2_B = 1.0
"""The neuron's starting bias b."""
W2_X: Column = ((0.5,), (0.4,))
"""The training point x, a 2×1 column."""
W2_Y = -0.5
"""The label y of x."""
W2_LR = 0.01
"""The learning rate μ of W2-1.5 and W2-1.6."""

# Week 3: a linear classifier.
W3_W: Column = ((1.0,), (3.0,))
"""The classifier's weights w of W3-1.1 to W3-1.3."""
W3_B = 0.0
"""The classifier's bias b of W3-1.1 to W3-1.3."""
W3_POINTS: tuple[Column, ...] = (
    ((1.0,), (0.5,)),
    ((0.1,), (-0.3,)),
    ((-0.6,), (0.4,)),
    ((0.3,), (1.2,)),
)
"""The four points of W3-1.4 and W3-1.5; W3-1.1 classifies the first two."""
W3_LABELS = (1.0, -1.0, -1.0, 1.0)
"""The classes of the four points in W3-1.4 (a line separates them)."""

# Week 4: a two-layer network with three neurons.
W4_NEURONS: dict[str, Neuron] = {
    "layer0_0": (0.8, -0.5, 0.5),
    "layer0_1": (-0.3, -0.1, -0.2),
    "layer1": (-0.5, -0.4, -0.8),
}
"""Each neuron's (w0, w1, b) in the exercise statement of W4-1.1 (used again in week 5)."""
W4_ANSWER_CODE: dict[str, Neuron] = {
    "layer0_1": (-1.0, -0.1, -0.2),
    "layer1": (-0.5, -0.4, -0.2),
}
"""The two neurons whose numbers differ in the course's answer code (see W4-1.1's note)."""
W4_X: Column = ((0.3,), (0.1,))
"""The input x of W4-1.1 to W4-1.4 (and x_A of week 5)."""
W4_X2: Column = ((-1.0,), (-1.0,))
"""The second input that W4-1.4 stacks with x into a batch."""
W4_HIDDEN_W: tuple[tuple[float, float], tuple[float, float]] = (
    (W4_NEURONS["layer0_0"][0], W4_NEURONS["layer0_1"][0]),
    (W4_NEURONS["layer0_0"][1], W4_NEURONS["layer0_1"][1]),
)
"""The hidden layer's weights as one 2×2 matrix: column j holds neuron j's weights."""
W4_HIDDEN_B: Column = ((W4_NEURONS["layer0_0"][2],), (W4_NEURONS["layer0_1"][2],))
"""The hidden layer's biases as a 2×1 column."""

# Week 5: backpropagation through the week-4 network.
W5_Y = 1.0
"""The label y that week 5's two-layer exercises (W5-1.5, W5-1.6) train towards."""
