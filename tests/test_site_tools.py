"""The pure logic of the scripts that check a built site (tools/): check_site.py,
run_notebooks.py (shared with student_check.py) and browser_check.py."""

from __future__ import annotations

import collections
import socket
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import browser_check  # noqa: E402
import check_site  # noqa: E402
import ee4414_offline  # noqa: E402  (docs/_ext, put on sys.path by check_site)
import run_notebooks  # noqa: E402
import student_check  # noqa: E402


def _cell(*outputs: dict, cell_type: str = "code") -> dict:
    return {"cell_type": cell_type, "outputs": list(outputs)}


ERROR = {"output_type": "error", "ename": "ValueError", "evalue": "Linear expects x of shape"}


def test_the_first_error_output_names_its_cell_and_exception():
    cells = [
        _cell({"output_type": "stream", "text": "ok\n"}),
        _cell(ERROR),
        _cell({"output_type": "error", "ename": "NameError", "evalue": "later"}),
    ]
    assert run_notebooks.cell_error(cells) == "cell 1: ValueError: Linear expects x of shape"
    assert run_notebooks.cell_error([_cell()]) == "no cell has an error output"


@pytest.mark.parametrize(
    ("printed", "failure"),
    [
        ("W2-1.3: correct\n", None),
        ("W2-1.3: not yet (expected 0.5)\n", "the self-check did not print 'correct'"),
        ("W2-1.3: correct\nW2-1.4: not yet\n", "the self-check did not print 'correct'"),
        ("nothing\n", "the self-check did not print 'correct'"),
    ],
)
def test_a_solved_exercise_passes_only_when_its_self_check_says_correct(printed, failure):
    cells = [
        _cell({"output_type": "stream", "text": printed}),
        # markdown text that quotes the words does not count
        _cell({"text": ": correct"}, cell_type="markdown"),
    ]
    assert run_notebooks.self_check_failure(cells) == failure


def test_the_summary_counts_passes_and_lists_failures(capsys):
    assert run_notebooks.summary(3, ["exercise a.ipynb: cell 2: ValueError: x"]) == 1
    assert (
        capsys.readouterr().out == "2 passed, 1 failed\n  exercise a.ipynb: cell 2: ValueError: x\n"
    )
    assert run_notebooks.summary(2, []) == 0


def test_the_student_check_uses_the_same_notebook_helpers():
    assert vars(student_check)["cell_error"] is run_notebooks.cell_error
    assert vars(student_check)["self_check_failure"] is run_notebooks.self_check_failure
    assert vars(student_check)["summary"] is run_notebooks.summary


def test_the_site_check_and_the_build_share_one_third_party_load_scan():
    assert vars(check_site)["third_party_loads"] is ee4414_offline.third_party_loads


def test_each_offline_inventory_resolves_a_name_to_the_official_page():
    assert check_site.check_inventories() == []


def test_a_site_loading_from_a_cdn_or_missing_an_api_page_is_reported(tmp_path):
    import ee4414

    names = [n for n in ee4414.__all__ if n != "__version__"]
    api = tmp_path / "api" / "generated"
    api.mkdir(parents=True)
    for name in names[1:]:
        (api / f"ee4414.{name}.html").write_text("<html></html>")
    (tmp_path / "index.html").write_text(
        '<html><script src="https://cdn.example.org/x.js"></script>'
        '<a href="https://docs.python.org/3/library/functions.html#zip">zip</a></html>'
    )
    problems = check_site.check_html(tmp_path)
    assert problems == [
        f"API pages missing for: {names[0]}",
        "no link into the torch documentation",
        "no link into the matplotlib documentation",
        'loads from another host: index.html: <script src="https://cdn.example.org/x.js">'
        '</script><a href="https://docs.python.org/3/library/functions.html#zip">zip</a></html>',
    ]


def test_link_checks_find_colab_and_download_links_to_missing_files(tmp_path):
    for name in browser_check.SAMPLE:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html></html>")
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "a.ipynb").write_text("{}")
    page = tmp_path / browser_check.SAMPLE[1]
    page.write_text(
        '<a href="https://colab.research.google.com/github/o/r/blob/gh-pages/exercises/a.ipynb">'
        '<a href="https://colab.research.google.com/github/o/r/blob/gh-pages/exercises/b.ipynb">'
        '<a href="../../exercises/a.ipynb"><a href="../../week2.zip">'
        '<a href="https://example.org/c.py">'
    )
    assert browser_check.link_checks(tmp_path) == [
        f"{browser_check.SAMPLE[1]}: Colab link to a missing file exercises/b.ipynb",
        f"{browser_check.SAMPLE[1]}: download link to a missing file ../../week2.zip",
    ]


def test_the_browser_report_counts_axe_findings_per_rule_and_scheme():
    results: dict[str, dict[str, Any]] = {
        "light:index.html": {
            "problems": ["horizontal scroll at 390 px"],
            "axe": [("color-contrast", "serious", "a"), ("color-contrast", "serious", "b")],
        },
        "dark:index.html": {"problems": [], "axe": [("color-contrast", "serious", "a")]},
    }
    lines, counts = browser_check.report(results)
    assert lines == [
        "dark:index.html: axe color-contrast (serious): a",
        "light:index.html: horizontal scroll at 390 px",
        "light:index.html: axe color-contrast (serious): a",
        "light:index.html: axe color-contrast (serious): b",
    ]
    assert counts["elements"] == collections.Counter(
        {"color-contrast [light]": 2, "color-contrast [dark]": 1}
    )
    assert counts["pages"] == collections.Counter(
        {"color-contrast [light]": 1, "color-contrast [dark]": 1}
    )


@pytest.mark.parametrize(
    ("css", "luminance"),
    [("rgb(255, 255, 255)", 1.0), ("rgba(0, 0, 0, 0.5)", 0.0), ("rgb(0, 255, 0)", 0.7152)],
)
def test_luminance_of_a_css_colour(css, luminance):
    assert browser_check._luminance(css) == pytest.approx(luminance)


def test_the_page_server_ignores_a_browser_that_hung_up_and_reports_other_errors(tmp_path, capsys):
    server, _ = browser_check.serve(tmp_path)
    try:
        for error, reported in ((BrokenPipeError(32, "Broken pipe"), False), (OSError(5), True)):
            try:
                raise error
            except OSError:
                with socket.socket() as request:
                    server.handle_error(request, ("127.0.0.1", 1))
            assert ("Exception occurred" in capsys.readouterr().err) is reported
    finally:
        server.shutdown()
        server.server_close()
