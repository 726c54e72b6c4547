"""Sphinx roles in notebook text become Markdown (docs/_ext/ee4414_notebook_text.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_notebook_text as nbt  # noqa: E402

SITE = "https://ee4414.github.io/ee4414/"


@pytest.fixture(scope="module")
def resolve() -> nbt.SiteResolver:
    return nbt.resolver(ROOT / "docs")


def test_names_become_links_to_their_documentation(resolve):
    text = "Use :func:`torch.nonzero` and :class:`ee4414.Linear`, or :meth:`ee4414.Trainer.fit`."
    out = nbt.convert_text(text, resolve)
    assert "[`torch.nonzero()`](https://docs.pytorch.org/docs/stable/generated/torch.nonzero" in out
    assert f"[`ee4414.Linear`]({SITE}api/generated/ee4414.Linear.html)" in out
    assert f"({SITE}api/generated/ee4414.Trainer.html#ee4414.Trainer.fit)" in out
    assert nbt.ROLE.search(out) is None


def test_titles_tildes_math_and_unknown_names(resolve):
    out = nbt.convert_text(
        ":class:`~torch.nn.MSELoss` and :func:`the sum <torch.sum>`; :math:`\\hat{y} = 0`; "
        ":func:`not_a_name` and :mod:`torch.nn.functional`",
        resolve,
    )
    assert out.startswith("[`MSELoss`](https://docs.pytorch.org/docs/stable/generated/")
    assert "[`the sum`](https://docs.pytorch.org/docs/stable/generated/torch.sum" in out
    assert "$\\hat{y} = 0$" in out
    assert "`not_a_name()`" in out and "[`not_a_name()`]" not in out  # code, no link
    assert "[`torch.nn.functional`](https://docs.pytorch.org/docs/stable/" in out


def test_doc_and_ref_point_at_course_pages(resolve):
    out = nbt.convert_text(
        "see :doc:`plot_w1_2_7_float_and_double` and :ref:`week6`",
        resolve,
        page="auto_examples/week1/plot_w1_2_2_1_stack_vectors",
    )
    assert f"[plot_w1_2_7_float_and_double]({SITE}auto_examples/week1/" in out
    assert f"[week6]({SITE}auto_examples/week6/index.html)" in out


def test_only_markdown_cells_change_and_raw_roles_are_counted(resolve, tmp_path):
    notebook: dict[str, Any] = {
        "cells": [
            {"cell_type": "markdown", "source": ["Call :func:`ee4414.xor`.\n", "And :attr:`x`."]},
            {"cell_type": "code", "source": "# :func:`kept` in code\nx = 1\n"},
        ]
    }
    assert nbt.raw_roles(notebook) == [":func:`ee4414.xor`", ":attr:`x`"]
    path = tmp_path / "plot_x.ipynb"
    path.write_text(json.dumps(notebook))
    assert nbt.convert_file(path, resolve) == 2
    converted = json.loads(path.read_text())
    assert nbt.raw_roles(converted) == []
    assert converted["cells"][1]["source"] == notebook["cells"][1]["source"]
    assert nbt.convert_file(path, resolve) == 0  # converting again changes nothing


def test_site_url_from_the_configuration():
    class Config:
        html_baseurl = ""
        ee4414_github = "someone/course"

    assert nbt.site_url(Config()) == "https://someone.github.io/course/"
    Config.html_baseurl = "https://example.org/ee4414"
    assert nbt.site_url(Config()) == "https://example.org/ee4414/"


def test_every_example_notebook_has_no_raw_role():
    """The exercise and solution notebooks of all examples, as the build writes them."""
    import ee4414_exercises as nbx
    from ee4414_install import install_cell

    conf = nbx.notebook_conf(install_cell("0.1.0", "https://example.org/"), ROOT / "examples")
    for src in sorted((ROOT / "examples").glob("week*/plot_*.py")):
        for exercise in (True, False):
            notebook = nbx.example_notebook(src, conf, exercise=exercise)
            assert nbt.raw_roles(notebook) == [], src.name
