"""Exercise and solution notebooks built from the examples (docs/_ext/ee4414_exercises.py).

Every example is an exercise: it marks its answer code, has a self-check, and its exercise
notebook hides the answers. One notebook per week runs top to bottom in a fresh Jupyter
kernel, with this checkout's ee4414 standing in for the pinned release that the first
cell would install on Colab.
"""

from __future__ import annotations

import ast
import json
import sys
import textwrap
from pathlib import Path

import nbclient
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_exercises as nbx  # noqa: E402
from ee4414_course import exercise_id  # noqa: E402
from ee4414_install import install_cell  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").glob("week*/plot_*.py"))
CONF = nbx.notebook_conf(install_cell("0.1.0", "https://example.org/ee4414/"), ROOT / "examples")


def code_of(notebook: dict) -> str:
    return "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.stem)
def test_exercise_notebook_hides_the_answers(src):
    exercise = code_of(nbx.example_notebook(src, CONF, exercise=True))
    solution = code_of(nbx.example_notebook(src, CONF, exercise=False))
    for body in nbx.answer_blocks(src.read_text()):
        for node in ast.parse(textwrap.dedent(body)).body:
            if isinstance(node, ast.Assign):
                answer = ast.get_source_segment(textwrap.dedent(body), node)
                assert answer is not None
                # the marked line is gone (the same code may still appear elsewhere)
                assert exercise.count(answer) < solution.count(answer), answer
    assert "# TODO" in exercise
    assert f"ee4414.check({exercise_id(src.stem)!r}" in exercise
    assert "\nassert " not in exercise


def test_scaffolds_keep_names_and_signatures():
    code = '''
a = torch.tensor([[1.0], [3.0]])
z[0] = 1

class Net(torch.nn.Module):
    """A net."""

    def forward(self, x):
        return x

def loss(y_hat, y):
    return (y_hat - y) ** 2

for epoch in range(3):
    step()
print(a)
'''
    out = nbx.scaffold(code)
    assert "# TODO: write a = <your code>\nraise NotImplementedError(" in out
    assert "# TODO: update z" in out and "z[0]" not in out
    assert 'class Net(torch.nn.Module):\n    """A net."""' in out
    assert "    def forward(self, x):\n        # TODO: write the body of forward(self, x)" in out
    assert "def loss(y_hat, y):\n    # TODO: write the body of loss(y_hat, y)" in out
    assert "# TODO: write a for loop" in out and "print(a)" in out
    assert "(y_hat - y) ** 2" not in out
    ast.parse(out)  # the scaffold is valid Python


def test_an_unanswered_scaffold_stops_at_its_first_todo():
    """Run before it is answered, a scaffold raises at once and says what to write there."""
    code = "a = torch.ones(2)\nb = a * 2\nprint(b.shape)\n"
    out = nbx.scaffold(code)
    with pytest.raises(NotImplementedError, match=r"^TODO: write a = <your code>, in place"):
        exec(compile(out, "<exercise>", "exec"), {})
    functions = nbx.scaffold("def mse(y_hat, y):\n    return ((y_hat - y) ** 2).mean()\n")
    namespace: dict = {}
    exec(compile(functions, "<exercise>", "exec"), namespace)  # defining it is fine
    with pytest.raises(NotImplementedError, match=r"write the body of mse\(y_hat, y\)"):
        namespace["mse"](1.0, 2.0)


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.stem)
def test_exercise_notebook_stops_at_the_first_todo(src):
    """Every scaffold in an exercise notebook raises NotImplementedError with its TODO."""
    exercise = code_of(nbx.example_notebook(src, CONF, exercise=True))
    raises = exercise.count("raise NotImplementedError('TODO: ")
    assert raises >= 1
    assert raises == exercise.count("# TODO: ")
    assert "= ...  # TODO" not in exercise  # no placeholder that fails cells later


def test_markers_must_not_follow_text_directly(tmp_path):
    src = tmp_path / "plot_w9_1_1_bad.py"
    src.write_text(
        '"""\nTitle\n=====\n"""\n\n# %%\n# Text.\n# sphinx_gallery_ee4414_answer_start\na = 1\n'
        "# sphinx_gallery_ee4414_answer_end\n"
    )
    from sphinx_gallery.py_source_parser import split_code_and_text_blocks

    _, blocks = split_code_and_text_blocks(str(src))
    with pytest.raises(ValueError, match="follows a text cell directly"):
        nbx.exercise_blocks(blocks, "check()")


def _first_of_each_week() -> list[Path]:
    weeks: dict[str, Path] = {}
    for path in EXAMPLES:
        weeks.setdefault(path.parent.name, path)
    return list(weeks.values())


@pytest.mark.slow
@pytest.mark.parametrize("src", _first_of_each_week(), ids=lambda p: p.parent.name)
def test_a_notebook_of_each_week_runs_in_a_fresh_kernel(src, tmp_path):
    notebook = nbformat.reads(json.dumps(nbx.example_notebook(src, CONF, exercise=False)), 4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    outputs = [
        "".join(o.get("text", ""))
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.outputs
    ]
    assert any(f"{exercise_id(src.stem)}: correct" in text for text in outputs)
