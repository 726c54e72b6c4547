"""The pure logic of the site's small extensions (docs/_ext): course order, timing pages,
the third-party-load scan, docstring types and dataclass signatures."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_offline  # noqa: E402
import ee4414_order  # noqa: E402
import ee4414_signatures  # noqa: E402
import ee4414_timing_pages  # noqa: E402
import ee4414_types  # noqa: E402

# the hooks below do not use the Sphinx application
NO_APP: Any = None

# the start of a timing page as sphinx-gallery 0.22 writes it (two rows)
TIMING_PAGE = """
:orphan:

.. _sphx_glr_auto_examples_week1_sg_execution_times:


Computation times
=================
**00:03.365** total execution time for 25 files **from auto_examples/week1**:

.. container::

  .. raw:: html

    <style scoped>
    <link href="https://cdn.datatables.net/1.13.6/css/dt.min.css" rel="stylesheet" />
    </style>
    <script src="https://code.jquery.com/jquery-3.7.0.js"></script>
    <script src="https://cdn.datatables.net/1.13.6/js/jquery.dataTables.min.js"></script>
    <script type="text/javascript" class="init">
    $(document).ready( function () {
        $('table.sg-datatable').DataTable({order: [[1, 'desc']]});
    } );
    </script>

  .. list-table::
   :header-rows: 1
   :class: table table-striped sg-datatable

   * - Example
     - Time
     - Mem (MB)
   * - :ref:`sphx_glr_a.py` (``plot_w1_2_1_5_slicing_range.py``)
     - 00:01.074
     - 0.0
"""


def test_course_order_puts_numbered_exercises_first_and_parents_before_children():
    names = [
        "plot_w2_ex2_more.py",
        "plot_w5_1_4_1_sigmoid.py",
        "plot_w2_eg2_worked.py",
        "plot_w5_1_10_last.py",
        "plot_w5_1_4_relu.py",
        "plot_w5_1_2_first.py",
        "notes.py",
    ]
    assert sorted(names, key=ee4414_order.exercise_order) == [
        "plot_w5_1_2_first.py",
        "plot_w5_1_4_relu.py",
        "plot_w5_1_4_1_sigmoid.py",
        "plot_w5_1_10_last.py",
        "plot_w2_eg2_worked.py",
        "plot_w2_ex2_more.py",
        "notes.py",
    ]
    assert ee4414_order.exercise_order("examples/week5/plot_w5_1_4_relu.py") == (
        0,
        (1, 4),
        "plot_w5_1_4_relu.py",
    )


def test_timing_page_loses_its_cdn_block_and_memory_column_and_leaves_search():
    text, stripped = ee4414_timing_pages.plain_timing_page(TIMING_PAGE)
    assert stripped
    assert "cdn.datatables.net" not in text and "code.jquery.com" not in text
    assert ":orphan:\n:nosearch:\n" in text
    assert "Mem (MB)" not in text and "0.0" not in text
    assert "     - Time\n" in text and "     - 00:01.074\n" in text
    assert ee4414_offline.third_party_loads(text) == []
    # a second pass changes nothing (the hook may see a page twice)
    assert ee4414_timing_pages.plain_timing_page(text) == (text, True)


def test_timing_page_whose_markup_changed_is_reported():
    changed = TIMING_PAGE.replace("</script>", "</SCRIPT>")
    _, stripped = ee4414_timing_pages.plain_timing_page(changed)
    assert not stripped


@pytest.mark.parametrize(
    "tag",
    [
        '<script src="https://code.jquery.com/jquery.js"></script>',
        "<img alt='' src='//example.org/a.png'>",
        '<link rel="stylesheet" href="https://cdn.example.org/a.css">',
        '<link href="https://cdn.example.org/a.css" rel="stylesheet" />',
        '<link rel="preload" href="http://fonts.example.org/f.woff2">',
        '<iframe src="https://www.youtube.com/embed/x"></iframe>',
        "<style>@import url('https://fonts.googleapis.com/css?family=Roboto');</style>",
    ],
)
def test_a_load_from_another_host_is_found(tag):
    page = f"<html><head>{tag}</head><body>text</body></html>"
    start = page.index("@import" if "@import" in tag else tag)  # the snippet starts at the load
    assert ee4414_offline.third_party_loads(page) == [page[start : start + 160]]


@pytest.mark.parametrize(
    "tag",
    [
        '<link rel="canonical" href="https://ee4414.github.io/ee4414/index.html">',
        '<script src="_static/ee4414.js"></script>',
        '<link rel="stylesheet" href="../_static/font-awesome/css/font-awesome.min.css">',
        '<a href="https://docs.pytorch.org/docs/stable/">PyTorch</a>',
        '<img src="../_images/sphx_glr_plot_w2_1_1_001.png" alt="">',
    ],
)
def test_a_local_load_or_a_plain_link_is_not_a_third_party_load(tag):
    assert ee4414_offline.third_party_loads(f"<html>{tag}</html>") == []


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (
            "torch.Tensor, shape (*, in_features, 1), optional",
            ":py:obj:`~torch.Tensor`, shape ``(*, in_features, 1)``, *optional*",
        ),
        ("Tensor or float", ":py:obj:`~torch.Tensor` or :py:obj:`float`"),
        ("Linear", ":py:obj:`~ee4414.Linear`"),
        ('{"mse", "hinge"}', '{``"mse"``, ``"hinge"``}'),
        ("shape (2, 1)", "shape ``(2, 1)``"),
        ("the same as x", "*the same as x*"),
    ],
)
def test_docstring_types_become_links_and_literal_shapes(spec, expected):
    assert ee4414_types.convert_type_spec(spec, {"Linear"}) == expected


@pytest.mark.parametrize("spec", ["torch.nn.Module", "tuple of int", "list of torch.Tensor"])
def test_types_sphinx_links_alone_are_left_to_it(spec):
    assert ee4414_types.convert_type_spec(spec, set()) is None


def test_fields_naming_several_attributes_become_one_field_each():
    lines = [":ivar w, b: the weights", "    and the bias.", "", "text"]
    assert ee4414_types._split_multi_names(lines) == [
        ":ivar w: the weights",
        "    and the bias.",
        ":ivar b: the weights",
        "    and the bias.",
        "",
        "text",
    ]


def test_type_fields_of_a_docstring_are_rewritten_in_place():
    lines = [
        ":param x: the input",
        ":type x: torch.Tensor, shape (*, 2, 1)",
        ":rtype: torch.nn.Module",
    ]
    ee4414_types._process_docstring(NO_APP, "function", "ee4414.f", None, None, lines)
    assert lines == [
        ":param x: the input",
        ":type x: :py:obj:`~torch.Tensor`, shape ``(*, 2, 1)``",
        ":rtype: torch.nn.Module",
    ]


@dataclasses.dataclass
class _History:
    losses: list[float] = dataclasses.field(default_factory=list)
    name: str = "run"


def test_dataclass_factory_defaults_are_shown_as_their_value():
    sig = "(losses: list[float] = <factory>, name: str = 'run')"
    got = ee4414_signatures._dataclass_signature(NO_APP, "class", "H", _History, None, sig, None)
    assert got == ("(losses: list[float] = [], name: str = 'run')", None)
    assert (
        ee4414_signatures._dataclass_signature(NO_APP, "class", "H", _History, None, "()", None)
        is None
    )


def test_font_awesome_from_a_cdn_is_replaced_by_the_local_copy():
    cdn = '<link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/4.4.0/css/font-awesome.min.css">'
    local = ee4414_offline.local_font_awesome(
        cdn, "../../_static/font-awesome/css/font-awesome.min.css"
    )
    assert (
        local
        == '<link rel="stylesheet" href="../../_static/font-awesome/css/font-awesome.min.css">'
    )
    assert ee4414_offline.third_party_loads(cdn) and not ee4414_offline.third_party_loads(local)
