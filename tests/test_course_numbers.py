"""The worked examples write the course's numbers out; they must agree with the table.

:mod:`ee4414.course_numbers` holds the numbers the self-checks and the tests use. The
examples keep theirs written out, for the student reading them. Each row below names an
example, a variable it assigns at the top level and the table's entry; the test reads the
assignment with :mod:`ast` and evaluates it (only ``torch`` in scope), or, for a neuron
built from a class of the example itself (``Linear(0.8, -0.5, 0.5)``), reads the numbers
passed to it. ``name.key`` reads the keyword ``key`` of the call assigned to ``name``.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path
from typing import Any

import pytest
import torch

from ee4414 import course_numbers as cn

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

W4 = cn.W4_NEURONS
ROWS: list[tuple[str, str, Any]] = [
    ("week1/plot_w1_1_2_column_vector.py", "a", cn.W1_COLUMN_A),
    ("week1/plot_w1_1_4_matrix.py", "A", cn.W1_MATRIX_A),
    ("week1/plot_w1_2_2_1_stack_vectors.py", "a", cn.W1_COLUMN_A),
    ("week1/plot_w1_2_2_1_stack_vectors.py", "b", cn.W1_COLUMN_B),
    ("week2/plot_w2_1_1_linear_model.py", "x", cn.W2_X),
    ("week2/plot_w2_1_1_linear_model.py", "w", cn.W2_W),
    ("week2/plot_w2_1_1_linear_model.py", "b", cn.W2_B),
    ("week2/plot_w2_1_1_linear_model.py", "neuron.w", cn.W2_W),
    ("week2/plot_w2_1_3_squared_error.py", "y", cn.W2_Y),
    ("week2/plot_w2_1_5_one_sgd_step.py", "learning_rate", cn.W2_LR),
    ("week3/plot_w3_1_1_linear_classifier.py", "inputs", cn.W3_POINTS[:2]),
    ("week3/plot_w3_1_1_linear_classifier.py", "lib_model.w", cn.W3_W),
    ("week3/plot_w3_1_1_linear_classifier.py", "lib_model.b", cn.W3_B),
    ("week3/plot_w3_1_4_train_hinge_loss.py", "x", cn.W3_POINTS),
    ("week3/plot_w3_1_4_train_hinge_loss.py", "c", cn.W3_LABELS),
    ("week4/plot_w4_1_1_three_neurons.py", "layer0_0", W4["layer0_0"]),
    ("week4/plot_w4_1_1_three_neurons.py", "layer0_1", W4["layer0_1"]),
    ("week4/plot_w4_1_1_three_neurons.py", "layer1", W4["layer1"]),
    ("week4/plot_w4_1_1_three_neurons.py", "code_layer0_1", cn.W4_ANSWER_CODE["layer0_1"]),
    ("week4/plot_w4_1_1_three_neurons.py", "code_layer1", cn.W4_ANSWER_CODE["layer1"]),
    ("week4/plot_w4_1_1_three_neurons.py", "x", cn.W4_X),
    ("week4/plot_w4_1_4_two_layer_module.py", "x1", cn.W4_X),
    ("week4/plot_w4_1_4_two_layer_module.py", "x2", cn.W4_X2),
    ("week5/plot_w5_1_1_chain_rule_w0.py", "w", cn.W2_W),
    ("week5/plot_w5_1_1_chain_rule_w0.py", "b", cn.W2_B),
    ("week5/plot_w5_1_1_chain_rule_w0.py", "x", cn.W2_X),
    ("week5/plot_w5_1_1_chain_rule_w0.py", "y", cn.W2_Y),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "x", cn.W4_X),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "y", cn.W5_Y),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "w0_0", W4["layer0_0"][:2]),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "b0_0", W4["layer0_0"][2]),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "w0_1", W4["layer0_1"][:2]),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "b0_1", W4["layer0_1"][2]),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "w1", W4["layer1"][:2]),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "b1", W4["layer1"][2]),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "layer0.w", cn.W4_HIDDEN_W),
    ("week5/plot_w5_1_5_two_layer_first_weight.py", "layer0.b", cn.W4_HIDDEN_B),
    ("week5/plot_w5_1_6_two_layer_second_neuron.py", "w0_0", W4["layer0_0"][:2]),
    ("week5/plot_w5_1_6_two_layer_second_neuron.py", "w0_1", W4["layer0_1"][:2]),
    ("week5/plot_w5_1_6_two_layer_second_neuron.py", "w1", W4["layer1"][:2]),
    ("week5/plot_w5_1_6_two_layer_second_neuron.py", "b1", W4["layer1"][2]),
    ("week5/plot_w5_1_6_two_layer_second_neuron.py", "y", cn.W5_Y),
]


def assigned(path: Path, name: str) -> ast.expr:
    """The expression first assigned to ``name`` at the top level of the script."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return node.value
    raise LookupError(f"{path.name} assigns nothing to {name} at the top level")


def numbers(path: Path, spec: str) -> torch.Tensor:
    """The numbers that ``spec`` (``name`` or ``name.keyword``) reads from the script."""
    name, _, key = spec.partition(".")
    node = assigned(path, name)
    if key:
        assert isinstance(node, ast.Call), f"{path.name}: {name} is not assigned a call"
        (node,) = [kw.value for kw in node.keywords if kw.arg == key]
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        # a class the example defines itself, e.g. Linear(0.8, -0.5, 0.5): its arguments
        return torch.tensor([ast.literal_eval(arg) for arg in node.args], dtype=torch.float64)
    value = eval(compile(ast.Expression(node), str(path), "eval"), {"torch": torch})
    if isinstance(value, list):
        value = torch.stack([torch.as_tensor(v) for v in value])
    return torch.as_tensor(value, dtype=torch.float64).detach()


def disagreements(root: Path, rows: list[tuple[str, str, Any]]) -> list[str]:
    """One line per row whose example, under ``root``, writes other numbers than the table."""
    found = []
    for example, spec, expected in rows:
        # in float32, the dtype torch.tensor gives the examples' literals: 0.1 is 0.1
        got = numbers(root / example, spec).flatten().float()
        want = torch.tensor(expected, dtype=torch.float64).flatten().float()
        if not torch.equal(got, want):
            found.append(f"{example}: {spec} = {got.tolist()}, the table says {want.tolist()}")
    return found


def test_the_examples_write_the_numbers_of_the_table():
    assert disagreements(EXAMPLES, ROWS) == []


def test_every_week_with_course_numbers_is_compared():
    compared = {example.split("/")[0] for example, _, _ in ROWS}
    tabled = {f"week{name[1]}" for name in vars(cn) if name[:1] == "W" and name[1].isdigit()}
    assert tabled <= compared


@pytest.mark.parametrize(
    ("example", "old", "new", "spec"),
    [
        (
            "week4/plot_w4_1_1_three_neurons.py",
            "Linear(0.8, -0.5, 0.5)",
            "Linear(0.8, -0.5, 0.6)",
            "layer0_0",
        ),
        (
            "week5/plot_w5_1_5_two_layer_first_weight.py",
            "[[0.8, -0.3], [-0.5, -0.1]]",
            "[[0.8, -0.3], [-0.5, 0.1]]",
            "layer0.w",
        ),
        ("week3/plot_w3_1_4_train_hinge_loss.py", "[0.3, 1.2]", "[0.3, 1.3]", "x"),
    ],
)
def test_a_changed_number_in_an_example_is_caught(tmp_path, example, old, new, spec):
    copy = tmp_path / example
    copy.parent.mkdir(parents=True)
    shutil.copy(EXAMPLES / example, copy)
    rows = [row for row in ROWS if row[0] == example]
    assert disagreements(tmp_path, rows) == []
    text = copy.read_text(encoding="utf-8")
    assert text.count(old) == 1
    copy.write_text(text.replace(old, new), encoding="utf-8")
    (line,) = disagreements(tmp_path, rows)
    assert line.startswith(f"{example}: {spec} = ")


def test_a_missing_assignment_is_an_error(tmp_path):
    (tmp_path / "plot_x.py").write_text("def f():\n    a = 1\n")
    with pytest.raises(LookupError, match="plot_x.py assigns nothing to a at the top level"):
        numbers(tmp_path / "plot_x.py", "a")
