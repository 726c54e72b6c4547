"""Content a student can trust: claims, definitions and the API's first example hold."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import ee4414

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("week*/plot_*.py"))


def _source(stem: str) -> str:
    (path,) = [p for p in EXAMPLES if p.stem.startswith(stem)]
    return path.read_text(encoding="utf-8")


def test_the_trainer_page_starts_with_a_three_line_example_that_runs():
    doc = ee4414.Trainer.__doc__ or ""
    head, _, rest = doc.partition("::\n")
    assert "Parameters" not in head  # the example comes before the parameters
    block = textwrap.dedent(rest.split("\n\n")[0]).strip()
    assert len(block.strip().splitlines()) == 3
    namespace: dict = {"ee4414": ee4414}
    exec(block, namespace)
    assert len(namespace["history"].losses) == 500
    assert namespace["history"].losses[-1] < namespace["history"].losses[0]


def test_no_escaped_underscore_inside_text_in_math():
    """MathJax shows ``\\_`` inside ``\\text{...}`` as a backslash and an underscore."""
    pattern = re.compile(r"\\text\{[^}]*\\_")
    offenders = [p.name for p in EXAMPLES if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_terms_are_defined_where_first_used():
    assert "0-d tensor for ``b`` (a tensor with no dimensions at all" in re.sub(
        r"\n# ", " ", _source("plot_w2_1_4")
    )
    text = re.sub(r"\n# +", " ", _source("plot_w4_1_5"))
    assert "*local minimum*, a point where every small change of the weights raises" in text


def test_w4_1_5_computes_its_seed_on_the_page():
    source = _source("plot_w4_1_5")
    assert "offline" not in source
    assert "SEED = solved[0]" in source
    assert "assert counts == {2: 46, 3: 36, 4: 18}" in source
