from __future__ import annotations

import pytest
import torch

from ee4414.practice import main, make_sheet, parse_matric, week3


def test_digits_of_a_matriculation_number():
    dg = parse_matric(" u1234567c ")
    assert dg.matric == "U1234567C"
    assert (dg.a, dg.b, dg.c, dg.d, dg.e, dg.f, dg.g) == (1, 2, 3, 4, 5, 6, 7)
    assert dg.seed == 1234567


@pytest.mark.parametrize("bad", ["U12345C", "A1234567C", "U1234567", "U12345678C", "", None])
def test_malformed_numbers_are_refused(bad):
    with pytest.raises(ValueError, match="a matriculation number looks like U1234567C"):
        parse_matric(bad)


def test_week3_key_is_consistent_with_the_questions():
    questions, answers = week3(parse_matric("U1234567C"))
    # w = [1, -1.5], b = -0.2, x0 = [0.4, 0.5]: y_hat = 0.4 - 0.75 - 0.2 = -0.55
    assert "$\\mathbf{w} = [1, -1.5]^\\top$ and $b = -0.2$" in questions
    assert "$\\hat{y}^{(0)} = -0.5500$" in answers
    assert "$m = -w_0/w_1 = 0.6667$" in answers
    # hinge with C = 1: 1 - (-0.55) = 1.55, dL/dw = -x0, one step of 0.1
    assert "\\mathcal{L} = 1.5500" in answers
    assert "$\\mathbf{w} = [1.0400, -1.4500]^\\top$, $b = -0.1000$" in answers


def test_week6_initialisation_matches_the_course_recipe():
    sheet = make_sheet("U1234567C", weeks=[6])
    torch.manual_seed(12)
    w = torch.nn.init.uniform_(torch.empty(2, 1), -0.2, 0.2)
    b = torch.nn.init.uniform_(torch.empty(1), -0.2, 0.2)
    assert (
        f"$w_0 = {w[0, 0].item():.4f}$, $w_1 = {w[1, 0].item():.4f}$, $b = {b.item():.4f}$"
        in sheet.answers
    )
    assert "Week 3" not in sheet.questions


def test_unknown_week_is_refused():
    with pytest.raises(ValueError, match=r"weeks 3 and 6; got week\(s\) \[4\]"):
        make_sheet("U1234567C", weeks=[4])


def test_command_line_writes_both_files(tmp_path, capsys):
    assert main(["U7654321A", "--week", "3", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "U7654321A.md").read_text().startswith("# EE4414 practice: U7654321A")
    assert "answer key" in (tmp_path / "U7654321A-answers.md").read_text()
    assert main(["U7654321A", "--week", "3"]) == 0
    assert "Week 3: answers" in capsys.readouterr().out


def test_command_line_rejects_a_bad_number(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["U12"])
    assert exit_info.value.code == 2
    assert "looks like U1234567C" in capsys.readouterr().err
