"""Exercise notebooks never show the answer before the student's attempt.

For each exercise notebook: every value that the exercise's self-check expects
(the tensors and numbers inside its checkers in ``ee4414.selfcheck``) is absent from every
cell before the self-check, unless the exercise statement itself gives it; and every
passage an example marks as revealing (``ee4414_reveal``) comes after the self-check.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_exercises as nbx  # noqa: E402
import ee4414_reveal as reveal  # noqa: E402
from ee4414_course import exercise_id  # noqa: E402
from ee4414_install import install_cell  # noqa: E402

from ee4414.selfcheck.registry import expectations  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").glob("week*/plot_*.py"))
CONF = nbx.notebook_conf(install_cell("0.1.0", "https://example.org/"), ROOT / "examples")
# a number as written in text or code: 56, -0.5, 1.7400, 3e-4 (not the 1 of "W1", "x_1" or
# "W2-1.2")
NUMBER = re.compile(r"(?<![\w.])(?<![\w.][-−])[-−]?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.]*\d)")


def expected_values(exercise: str) -> list[torch.Tensor]:
    """The tensors and numbers the self-check of ``exercise`` compares answers with."""
    found: list[torch.Tensor] = []
    for checker in expectations()[exercise].values():
        found += _values_in(checker, set())
    return found


def _values_in(fn: Any, seen: set[int]) -> Iterator[torch.Tensor]:
    if id(fn) in seen or not callable(fn):
        return
    seen.add(id(fn))
    cells = getattr(fn, "__closure__", None) or ()
    names = getattr(getattr(fn, "__code__", None), "co_freevars", ())
    kind = getattr(fn, "__qualname__", "").split(".")[0]
    for name, cell in zip(names, cells, strict=True):
        value = cell.cell_contents
        if kind == "equals_tensor" and name == "want":
            yield value
        elif kind == "number" and name == "expected":
            yield torch.tensor(float(value))
        elif callable(value):
            yield from _values_in(value, seen)
        elif isinstance(value, (tuple, list)):
            for item in value:
                yield from _values_in(item, seen)


def numbers_in(text: str) -> list[tuple[float, int, int]]:
    """Each number in ``text``: its value, its decimals and its significant digits."""
    out = []
    for literal in NUMBER.findall(text):
        literal = literal.replace("−", "-")
        mantissa = literal.split("e")[0].lstrip("-")
        decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
        digits = len(mantissa.replace(".", "").strip("0")) or 1
        out.append((float(literal), decimals, digits))
    return out


def _shows(literal: tuple[float, int, int], value: float) -> bool:
    """True when the written number is ``value``, rounded to 2 decimals or more if it has any.

    ``-1`` does not show -1.145, nor ``1.2`` show 1.24; ``1.74`` shows 1.7400 and ``8`` shows 8.
    """
    number, decimals, _ = literal
    needed = next((d for d in range(4) if math.isclose(value, round(value, d), abs_tol=1e-6)), 4)
    if decimals < min(needed, 2):
        return False
    return math.isclose(number, value, abs_tol=0.5 * 10.0**-decimals + 1e-9)


def reveals(text: str, value: torch.Tensor) -> bool:
    """Does ``text`` show ``value``: a number to 2+ digits, or a tensor's entries in a row?"""
    numbers = numbers_in(text)
    flat = [float(v) for v in value.flatten()]
    if len(flat) == 1:
        return any(lit[2] >= 2 and _shows(lit, flat[0]) for lit in numbers)
    if len(set(flat)) == 1:
        return False  # zeros or ones: the shape is the answer, not the numbers
    for order in (flat, [float(v) for v in value.reshape(value.shape[0], -1).T.flatten()]):
        for start in range(len(numbers) - len(order) + 1):
            window = numbers[start : start + len(order)]
            if all(_shows(lit, v) for lit, v in zip(window, order, strict=True)):
                return True
    return False


def statement(src: Path) -> str:
    """The exercise statement: the docstring from its **Exercise** paragraph on."""
    doc = src.read_text(encoding="utf-8").split('"""')[1]
    return doc[doc.index("**Exercise") :]


def before_check(notebook: dict[str, Any], exercise: str) -> tuple[list[str], int]:
    """The sources of the cells before the self-check, and the self-check's index."""
    sources = ["".join(cell["source"]) for cell in notebook["cells"]]
    at = next(i for i, s in enumerate(sources) if f"ee4414.check({exercise!r}" in s)
    return sources[:at], at


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.stem)
def test_no_expected_value_before_the_check(src):
    exercise = exercise_id(src.stem)
    notebook = nbx.example_notebook(src, CONF, exercise=True)
    cells, _ = before_check(notebook, exercise)
    given = statement(src)
    text = "\n".join(cells).replace(given.strip(), "")
    values = [v for v in expected_values(exercise) if not reveals(given, v)]
    shown = [v.tolist() for v in values if reveals(text, v)]
    assert not shown, f"{exercise}: the exercise notebook shows {shown} before the self-check"


def _plain(text: str) -> str:
    """Letters and digits only, without the markup that turning RST into Markdown changes."""
    for markup in (".. math::", r"\begin{align}", r"\end{align}"):
        text = text.replace(markup, "")
    text = re.sub(r":[a-z]+(?::[a-z]+)?:", "", text)  # an RST role's name (:func:, :py:class:)
    text = re.sub(r"\]\([^)\s]*\)", "]", text)  # a Markdown link's address, its text kept
    return re.sub(r"[^0-9A-Za-z]", "", text)


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.stem)
def test_marked_passages_follow_the_check(src):
    exercise = exercise_id(src.stem)
    notebook = nbx.example_notebook(src, CONF, exercise=True)
    cells, at = before_check(notebook, exercise)
    after = "".join("".join(c["source"]) for c in notebook["cells"][at + 1 :])
    solution = "".join(
        "".join(c["source"]) for c in nbx.example_notebook(src, CONF, exercise=False)["cells"]
    )
    assert "sphinx_gallery_ee4414_reveal" not in after + solution
    before = _plain("".join(cells))
    for passage in reveal.revealed(src.read_text(encoding="utf-8")):
        text = _plain("\n".join(line.lstrip("#") for line in passage.splitlines()))
        assert text not in before, f"{exercise}: a marked passage comes before the check"
        assert text in _plain(after), f"{exercise}: a marked passage is missing after the check"


def test_derivations_are_marked():
    """Every exercise that asks for a derivation holds it back from the notebook."""
    derive = [p for p in EXAMPLES if re.search(r"\b[Dd]erive\b", statement(p))]
    assert len(derive) >= 7
    for src in derive:
        assert reveal.revealed(src.read_text(encoding="utf-8")), src.stem


def test_expected_values_are_read_from_the_checkers():
    values = expected_values("W1-2.4.4")
    assert any(
        torch.equal(v, torch.tensor([[2.0, 3.0], [8.0, 10.0], [18.0, 21.0]])) for v in values
    )
    assert [round(float(v), 4) for v in expected_values("W2-Eg2")] == [1.74, 1.74]


def test_reveals_reads_numbers_and_matrices_in_text():
    matrix = torch.tensor([[29.0, 56.0], [56.0, 110.0]])
    assert reveals(r"\begin{bmatrix} 29 & 56 \\ 56 & 110 \end{bmatrix}", matrix)
    assert not reveals(r"\begin{bmatrix} 29 & 56 \\ 56 & 111 \end{bmatrix}", matrix)
    assert reveals("C_{01} = 2 \\cdot 5 + 3 \\cdot 6 + 4 \\cdot 7 = 56", torch.tensor(56.0))
    assert reveals("the gradient is 1.74", torch.tensor(1.7400))
    assert not reveals("exercise W1-2.5.1, x_1 and 3 apples", torch.tensor(2.5))
    assert not reveals("about 3", torch.tensor(3.0276))
    assert not reveals("x = [-1, -1]", torch.tensor([[-1.145], [-0.98]]))
    assert reveals("y = [-1.145, -0.98]", torch.tensor([[-1.145], [-0.98]]))


def test_hold_back_moves_marked_text_after_the_check():
    from sphinx_gallery.py_source_parser import Block

    text = (
        "Intro.\n\n# sphinx_gallery_ee4414_reveal_start\n\nC = 56\n\n"
        "# sphinx_gallery_ee4414_reveal_end\n\nOutro.\n"
    )
    blocks = [Block("text", text, 1), Block("code", "C = ...", 9), Block("code", "check()", 9)]
    out = reveal.hold_back(blocks, 2)
    assert "C = 56" not in out[0].content
    assert reveal.POINTER in out[0].content
    assert "Outro." in out[0].content
    assert out[3].type == "text"
    assert "C = 56" in out[3].content
    with pytest.raises(ValueError, match="unbalanced or nested"):
        reveal.revealed("# sphinx_gallery_ee4414_reveal_start\nC = 56\n")
