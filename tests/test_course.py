"""The course as data (docs/_ext/ee4414_course.py): a new week is a new examples/ folder."""

from __future__ import annotations

import json
import runpy
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
import torch
from sphinx_gallery.gen_gallery import DEFAULT_GALLERY_CONF, get_subsections

import ee4414.selfcheck

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_course as model  # noqa: E402
import ee4414_exercises as nbx  # noqa: E402
from ee4414_downloads import week_zips_html  # noqa: E402
from ee4414_install import install_cell  # noqa: E402

COURSE = model.course(ROOT / "examples")


def test_weeks_are_the_example_folders_in_order():
    # numbered from 1 with no gap, each a folder holding its examples
    assert [w.number for w in COURSE] == list(range(1, len(COURSE) + 1))
    assert [w.path for w in COURSE] == model.weeks(ROOT / "examples")
    assert all(w.exercises and w.card for w in COURSE)


def test_a_new_week_is_a_new_folder(tmp_path):
    for name in ("week2", "week10", "week1", "week9", "notes", "weekly"):
        (tmp_path / name).mkdir()
    (tmp_path / "week3").write_text("a file, not a week")
    assert [p.name for p in model.weeks(tmp_path)] == ["week1", "week2", "week9", "week10"]


def test_a_week_reads_its_title_card_and_exercises():
    week2 = COURSE[1]
    assert (week2.number, week2.name) == (2, "week2")
    assert week2.title == "A linear model and gradient descent"
    assert week2.card_title == "A linear model"
    assert week2.card[2] == "gradients with ``backward()``"
    assert week2.exercises[:2] == ("W2-1.1", "W2-1.2")
    assert "W2-Eg2" in week2.exercises and "W2-Ex2" in week2.exercises


def test_exercise_ids_from_file_names():
    assert model.exercise_id("plot_w1_2_1_4_slicing") == "W1-2.1.4"
    assert model.exercise_id("plot_w2_ex2_code") == "W2-Ex2"
    assert model.exercise_id("plot_w10_1_2_later") == "W10-1.2"
    with pytest.raises(ValueError, match="plot_smoke: cannot read an exercise id"):
        model.exercise_id("plot_smoke")


def test_texts_name_the_weeks():
    assert model.substitutions(COURSE)["weeks"] == f"weeks 1 to {len(COURSE)}"
    assert model.week_span([1]) == "week 1"
    assert model.week_span([1, 2, 4]) == "weeks 1, 2 and 4"
    assert model.number_words(6) == "six"
    assert model.number_words(14) == "14"
    assert model.rst_substitutions(COURSE).startswith(".. |weeks| replace:: weeks 1 to ")


def test_a_header_without_a_card_or_title_is_named(tmp_path):
    week = tmp_path / "week3"
    week.mkdir()
    with pytest.raises(ValueError, match=r"week3: a week folder needs a GALLERY_HEADER\.rst"):
        model.read_week(week)
    (week / model.HEADER).write_text("Week 4 — Wrong\n--------------\n\nText.\n")
    with pytest.raises(ValueError, match="the first title must read 'Week 3 — ...'"):
        model.read_week(week)
    (week / model.HEADER).write_text("Week 3 — Right\n--------------\n\nText.\n")
    with pytest.raises(ValueError, match="no home-page card; add a comment '.. ee4414-card"):
        model.read_week(week)


def test_the_readme_week_table_is_up_to_date():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert model.with_readme_table(readme, COURSE) == readme, (
        f"README.md's week table is out of date: run {model.README_COMMAND}"
    )
    assert "$\\hat{y}$" in model.readme_table(COURSE)  # :math: becomes GitHub's $...$
    with pytest.raises(ValueError, match="a role the README cannot show"):
        model._markdown(":func:`ee4414.relu`")


# -- week 7: one folder, no other edit ---------------------------------------------------
WEEK7_HEADER = """\
.. _week7:

Week 7 — Convolutions
---------------------

.. ee4414-card: Convolutions
   - a kernel slid over an image

A filter that looks at a few neighbouring pixels at a time.
"""
WEEK7_EXAMPLE = '''\
"""
W7-1.1 · One convolution
========================

Slide a two-tap kernel over a signal.
"""

# %%
import torch

x = torch.tensor([1.0, 2.0, 3.0])

# sphinx_gallery_ee4414_answer_start
y = x[:-1] + x[1:]
# sphinx_gallery_ee4414_answer_end

assert y.tolist() == [3.0, 5.0]
'''


WEEK7_SELFCHECK = '''"""Self-checks for week 7."""

from ee4414.selfcheck.checkers import Expectations, equals_tensor

EXPECTATIONS: Expectations = {
    "W7-1.1": {"y": equals_tensor([3.0, 5.0], what="the two sums of neighbours")},
}
'''


@pytest.fixture
def with_week7(tmp_path, monkeypatch, selfcheck_folder):
    """A copy of examples/ and docs/conf.py with a week7/, and week 7's self-check module.

    The self-check is ``week7.py`` in a folder the registry searches, as
    ``src/ee4414/selfcheck/week7.py`` would be: nothing else is registered by hand.
    """
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    week7 = tmp_path / "examples" / "week7"
    week7.mkdir()
    (week7 / "GALLERY_HEADER.rst").write_text(WEEK7_HEADER, encoding="utf-8")
    (week7 / "plot_w7_1_1_one_convolution.py").write_text(WEEK7_EXAMPLE, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "conf.py", tmp_path / "docs" / "conf.py")
    (tmp_path / "docs" / "_ext").symlink_to(ROOT / "docs" / "_ext")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (selfcheck_folder / "week7.py").write_text(WEEK7_SELFCHECK, encoding="utf-8")
    monkeypatch.setattr(sys, "path", list(sys.path))  # conf.py adds its _ext folder
    return tmp_path


def test_week7_is_one_folder(with_week7):
    examples = with_week7 / "examples"
    # the course model
    course = model.course(examples)
    assert [w.number for w in course] == list(range(1, len(COURSE) + 2))
    week7 = course[-1]
    assert (week7.title, week7.card_title, week7.exercises) == (
        "Convolutions",
        "Convolutions",
        ("W7-1.1",),
    )
    # the gallery, as conf.py configures it and sphinx-gallery reads it
    conf = runpy.run_path(str(with_week7 / "docs" / "conf.py"))
    gallery = conf["sphinx_gallery_conf"]
    assert (gallery["examples_dirs"], gallery["gallery_dirs"]) == (
        ["../examples"],
        ["auto_examples"],
    )
    assert gallery["subsection_order"][-1] == "../examples/week7"
    filled = {**DEFAULT_GALLERY_CONF, **gallery, "source_suffix": {".rst": "restructuredtext"}}
    subsections = get_subsections(with_week7 / "docs", examples, filled)
    assert [Path(s).name for s in subsections] == [f"week{n}" for n in range(1, len(COURSE) + 2)]
    # the texts that name the weeks
    assert f"|weeks| replace:: weeks 1 to {len(COURSE) + 1}" in conf["rst_prolog"]
    assert conf["myst_substitutions"]["week_count"] == model.number_words(len(COURSE) + 1)
    # the home page's cards and the README's table
    cards = model.cards_rst(course, gallery["gallery_dirs"][0])
    assert ".. grid-item-card:: Week 7 — Convolutions\n      :link: /auto_examples/week7/index" in (
        cards
    )
    assert "      - a kernel slid over an image" in cards
    assert "| 7 | Convolutions | a kernel slid over an image |" in model.readme_table(course)
    # getting-started's zip table
    table = week_zips_html(examples, "getting-started.html")
    assert '<td>7</td><td><a href="exercises/week7-exercises.zip" download>' in table
    assert table.count("<tr>") == len(COURSE) + 2  # the head and one row per week


def test_week7_gets_its_exercise_notebook_and_zips(with_week7):
    examples = with_week7 / "examples"
    gallery = with_week7 / "auto_examples"
    (gallery / "week7").mkdir(parents=True)  # sphinx-gallery's solution notebook
    (gallery / "week7" / "plot_w7_1_1_one_convolution.ipynb").write_text("{}")
    conf = nbx.notebook_conf(install_cell("0.1.0", "https://example.org/ee4414/"), examples)
    only_week7 = with_week7 / "only"
    only_week7.mkdir()
    (only_week7 / "week7").symlink_to(examples / "week7")  # the other weeks as usual
    nbx.build_exercise_notebooks(only_week7, gallery, with_week7 / "out", conf)
    out = with_week7 / "out" / "exercises"
    notebook = json.loads(
        (out / "week7" / "plot_w7_1_1_one_convolution_exercise.ipynb").read_text()
    )
    code = "".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    assert "ee4414.check('W7-1.1', y=y)" in code
    assert "y = x[:-1] + x[1:]" not in code
    # the self-check that cell calls: found by the registry, right and wrong answers
    assert ee4414.selfcheck.exercises()["W7-1.1"] == ["y"]
    assert ee4414.check("W7-1.1", y=torch.tensor([3.0, 5.0])).ok
    assert not ee4414.check("W7-1.1", y=torch.tensor([3.0, 6.0])).ok
    for kind, member in (("exercises", "_exercise.ipynb"), ("solutions", ".ipynb")):
        names = zipfile.ZipFile(out / f"week7-{kind}.zip").namelist()
        assert names == [f"week7-{kind}/plot_w7_1_1_one_convolution{member}"]
