from __future__ import annotations

import functools
import math
import re

import pytest
import torch

from ee4414.practice import (
    main,
    make_sheet,
    markdown_to_html,
    parse_matric,
    read_class_list,
    tex_to_html,
    week3,
)

# a few students whose sheets are recomputed independently (varied digits, g even and odd)
SHEETS = ["U1234567C", "U0918273B", "U5550004Z"]


@functools.cache
def sheet_of(matric: str, week: int | None = None):
    """make_sheet, once per student (week 6 trains two networks); optionally one week."""
    if week is None:
        return make_sheet(matric)
    full = sheet_of(matric)
    return [q for q in full.items if q.number.startswith(f"{week}.")]


def test_digits_of_a_matriculation_number():
    dg = parse_matric(" u1234567c ")
    assert dg.matric == "U1234567C"
    assert (dg.a, dg.b, dg.c, dg.d, dg.e, dg.f, dg.g) == (1, 2, 3, 4, 5, 6, 7)
    assert dg.seed == 1234567


@pytest.mark.parametrize("bad", ["U12345C", "A1234567C", "U1234567", "U12345678C", "", None])
def test_malformed_numbers_are_refused(bad):
    with pytest.raises(ValueError, match="a matriculation number looks like U1234567C"):
        parse_matric(bad)


@pytest.mark.parametrize(
    ("bad", "code"),
    [("U١٢٣٤٥٦٧C", "U+0661"), ("U１２３４５６７C", "U+FF11"), ("U123456７C", "U+FF17")],
)
def test_non_ascii_digits_are_refused_with_a_clear_message(bad, code):
    with pytest.raises(ValueError, match=rf"ASCII letters A-Z and digits 0-9.*{re.escape(code)}"):
        parse_matric(bad)


def test_week3_key_is_consistent_with_the_questions():
    items = week3(parse_matric("U1234567C"))
    text = "".join(q.text for q in items)
    answers = "".join(q.answer for q in items)
    # w = [1 + 1 + 0.5, -(2 + 1 + 0.6)], b = (30 + 7 - 55)/100; x0 = [0.4, 0.5]
    assert "$\\mathbf{w} = [2.5, -3.6]^\\top$ and $b = -0.18$" in text
    # y_hat0 = 1.0 - 1.8 - 0.18 = -0.98, so x0 is labelled +1 and the hinge loss is 1.98
    assert "$\\hat{y}^{(0)} = -0.9800$" in answers
    assert "$C^{(0)} = 1$" in text
    assert "\\mathcal{L} = 1.9800" in answers
    assert "$\\mathbf{w} = [2.5400, -3.5500]^\\top$, $b = -0.0800$" in answers


@pytest.mark.parametrize("week", [3, 6])
def test_every_question_names_what_its_answer_depends_on(week):
    items = sheet_of("U1234567C", week)
    text = "".join(q.text for q in items)
    for q in items:
        assert "decimals" in q.text or q.number == "3.2", q.number
    if week == 3:
        assert "hinge loss" in text and "ee4414.Linear(2, 1, w=" in text
    else:
        assert "`ee4414.Linear(2, 1)`" in text and "not `torch.nn.Linear`" in text
        assert "mean squared error" in text
        assert "The *final loss* is" in text and "after the last update" in text
    # every Linear named is the course's
    assert re.search(r"(?<!ee4414\.)(?<!nn\.)Linear\(", text) is None


def test_neighbours_get_different_numbers_in_every_question():
    mine = {q.number: q.key for q in sheet_of("U1234567C").items}
    theirs = {q.number: q.key for q in sheet_of("U1234568C").items}
    # 3.2's answer is two signs, four possible keys in all; every other key differs
    assert [n for n in mine if mine[n] == theirs[n]] == ["3.2"]


def test_make_sheet_leaves_the_global_random_state_alone():
    torch.manual_seed(123)
    state = torch.get_rng_state()
    make_sheet("U1234567C", weeks=[6])
    assert torch.equal(torch.get_rng_state(), state)


def test_unknown_week_is_refused():
    with pytest.raises(ValueError, match=r"weeks 3 and 6; got week\(s\) \[4\]"):
        make_sheet("U1234567C", weeks=[4])


# The key, recomputed from the numbers the question text states, with plain PyTorch.


def _numbers(pattern: str, text: str) -> list[float]:
    match = re.search(pattern, text)
    assert match is not None, pattern
    return [float(v) for group in match.groups() for v in re.findall(r"-?\d+(?:\.\d+)?", group)]


def _close(key: str, value: float) -> bool:
    return math.isclose(float(key), value, abs_tol=1.5e-4)


@pytest.mark.parametrize("matric", SHEETS)
def test_week3_key_recomputed_from_the_question_text(matric):
    items = sheet_of(matric, 3)
    text, key = "".join(q.text for q in items), {q.number: q.key for q in items}
    w = torch.tensor(_numbers(r"\\mathbf\{w\} = \[([^\]]+)\]", text)).reshape(2, 1)
    b = torch.tensor(_numbers(r"and \$b = (-?[\d.]+)\$", text)[0])
    x0 = torch.tensor(_numbers(r"\\mathbf\{x\}\^\{\(0\)\} = \[([^\]]+)\]", text)).reshape(2, 1)
    x1 = torch.tensor(_numbers(r"\\mathbf\{x\}\^\{\(1\)\} = \[([^\]]+)\]", text)).reshape(2, 1)
    label = _numbers(r"class \$C\^\{\(0\)\} = (-?\d+)\$", text)[0]
    lr = _numbers(r"\\mu = ([\d.]+)\$", text)[0]

    y0, y1 = (w.T @ x0 + b).item(), (w.T @ x1 + b).item()
    assert _close(key["3.1"][0], y0) and _close(key["3.1"][1], y1)
    assert key["3.2"] == tuple(str(1 if y > 0 else -1) for y in (y0, y1))
    m, q = -w[0, 0].item() / w[1, 0].item(), -b.item() / w[1, 0].item()
    assert _close(key["3.3"][0], m) and _close(key["3.3"][1], q)

    wg, bg = w.clone().requires_grad_(), b.clone().requires_grad_()
    loss = torch.clamp(1 - label * (wg.T @ x0 + bg), min=0).sum()
    loss.backward()
    assert wg.grad is not None and bg.grad is not None
    expected = [loss.item(), *wg.grad.flatten().tolist(), bg.grad.item()]
    expected += [*(w - lr * wg.grad).flatten().tolist(), (b - lr * bg.grad).item()]
    assert all(_close(k, v) for k, v in zip(key["3.4"], expected, strict=True)), key["3.4"]


def _uniform(*shape: int) -> torch.Tensor:
    return torch.empty(shape).uniform_(-0.2, 0.2)


def _gradient_descent(params, forward, x, c, lr, epochs):
    """Full-batch gradient descent on the mean squared error; loss before, after, accuracy."""
    with torch.no_grad():
        before = ((forward(params, x) - c) ** 2).mean().item()
    params = [p.clone().requires_grad_() for p in params]
    for _ in range(epochs):
        loss = ((forward(params, x) - c) ** 2).mean()
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            params = [(p - lr * g).requires_grad_() for p, g in zip(params, grads, strict=True)]
    with torch.no_grad():
        y_hat = forward(params, x)
        final = ((y_hat - c) ** 2).mean().item()
        acc = (torch.where(y_hat > 0, 1.0, -1.0) == c).float().mean().item()
    return before, final, acc


def _mlp(params, x):
    *hidden, (w_out, b_out) = list(zip(params[::2], params[1::2], strict=True))
    z = x
    for w, b in hidden:
        z = torch.relu(w.T @ z + b)
    return w_out.T @ z + b_out


def _check_training(key: tuple[str, ...], result: tuple[float, float, float]) -> None:
    before, final, acc = result
    assert _close(key[0], before) and _close(key[1], final), (key, result)
    assert key[2] == f"{acc:.2f}"


@pytest.mark.parametrize("matric", SHEETS)
def test_week6_key_recomputed_from_the_question_text(matric):
    items = sheet_of(matric, 6)
    text, key = "".join(q.text for q in items), {q.number: q.key for q in items}
    seed = int(_numbers(r"torch\.manual_seed\((\d+)\)", text)[0])
    hidden = int(_numbers(r"TwoLayerNN\(hidden=(\d+)\)", text)[0])
    xor_lr, xor_epochs = _numbers(r"\\mu = ([\d.]+)\$ for (\d+) epochs", text)
    n, noise, data_seed = _numbers(r"ee4414\.circles\(([^)]*)\)", text)
    circle_lr, circle_epochs = _numbers(r"train it with \$\\mu = ([\d.]+)\$ for (\d+) epochs", text)

    torch.manual_seed(seed)  # 6.1: W (2 x 1) first, then b
    w, b = _uniform(2, 1), _uniform(1, 1)
    assert all(
        _close(k, v) for k, v in zip(key["6.1"], [*w.flatten().tolist(), b.item()], strict=True)
    )

    torch.manual_seed(seed)  # 6.2: layers from the input side, each W then b
    params = [_uniform(2, hidden), _uniform(hidden, 1), _uniform(hidden, 1), _uniform(1, 1)]
    x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]).unsqueeze(-1)
    c = torch.tensor([-1.0, 1.0, 1.0, -1.0]).view(4, 1, 1)
    _check_training(key["6.2"], _gradient_descent(params, _mlp, x, c, xor_lr, int(xor_epochs)))

    # 6.3: the circles of the ee4414.circles docstring, half (rounded up) on radius 0.5
    g = torch.Generator().manual_seed(int(data_seed))
    n, inner = int(n), (int(n) + 1) // 2
    radius = torch.cat([torch.full((inner,), 0.5), torch.ones(n - inner)])
    theta = 2 * math.pi * torch.rand(n, generator=g)
    points = radius[:, None] * torch.stack([torch.cos(theta), torch.sin(theta)], dim=1)
    points = (points + noise * torch.randn(n, 2, generator=g)).unsqueeze(-1)
    labels = torch.cat([torch.ones(inner), -torch.ones(n - inner)]).view(n, 1, 1)
    torch.manual_seed(seed)
    sizes = [(2, 3), (3, 2), (2, 1)]
    params = [t for i, o in sizes for t in (_uniform(i, o), _uniform(o, 1))]
    result = _gradient_descent(params, _mlp, points, labels, circle_lr, int(circle_epochs))
    _check_training(key["6.3"], result)


# HTML


def test_sheet_and_key_render_as_printable_html():
    sheet = sheet_of("U1234567C")
    for which in ("questions", "answers"):
        page = sheet.html(which)
        assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
        assert "@media print" in page
        assert "\\" not in page and "$" not in page  # every bit of LaTeX was rendered
    page = sheet.html("questions")
    assert "<title>EE4414 practice U1234567C</title>" in page
    assert '<span class="formula"><b>w</b> = [2.5, -3.6]<sup>T</sup></span>' in page
    assert "<code>ee4414.Linear(2, 1)</code>" in page
    assert "<strong>3.1</strong>" in page
    with pytest.raises(ValueError, match="questions' or 'answers'"):
        sheet.html("key")


def test_tex_to_html_refuses_what_it_cannot_render():
    assert tex_to_html(r"\partial\mathcal{L}/\partial w_0") == (
        '<span class="formula">∂ℒ/∂w<sub>0</sub></span>'
    )
    with pytest.raises(ValueError, match="unknown LaTeX"):
        tex_to_html(r"\frac{1}{2}")
    assert "<h2>Title</h2>" in markdown_to_html("## Title\n\ntext", "t")


# Command line


def test_command_line_writes_markdown_and_html(tmp_path, capsys):
    assert main(["U7654321A", "--week", "3", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "U7654321A.md").read_text().startswith("# EE4414 practice: U7654321A")
    assert "answer key" in (tmp_path / "U7654321A-answers.md").read_text()
    assert "<h1>" in (tmp_path / "U7654321A.html").read_text()
    assert "answer key" in (tmp_path / "U7654321A-answers.html").read_text()
    assert main(["U7654321A", "--week", "3"]) == 0
    assert "Week 3: a linear classifier" in capsys.readouterr().out


def _exit_message(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_command_line_rejects_a_bad_number(capsys):
    assert "looks like U1234567C" in _exit_message(["U12"], capsys)
    assert "U+0661" in _exit_message(["U١٢٣٤٥٦٧C"], capsys)


def test_existing_sheets_are_kept_unless_forced(tmp_path, capsys):
    assert main(["U7654321A", "--week", "3", "--out", str(tmp_path)]) == 0
    (tmp_path / "U7654321A.md").write_text("my notes")
    err = _exit_message(["U7654321A", "--week", "3", "--out", str(tmp_path)], capsys)
    assert "already exist" in err and "--force" in err
    assert (tmp_path / "U7654321A.md").read_text() == "my notes"
    assert main(["U7654321A", "--week", "3", "--out", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "U7654321A.md").read_text().startswith("# EE4414 practice")


def test_an_out_that_is_a_file_or_unusable_gets_a_message(tmp_path, capsys):
    afile = tmp_path / "sheets.txt"
    afile.write_text("")
    err = _exit_message(["U7654321A", "--out", str(afile)], capsys)
    assert "is a file, not a folder" in err and "Traceback" not in err
    err = _exit_message(["U7654321A", "--out", str(afile / "inside")], capsys)
    assert "cannot write into --out" in err


def test_batch_mode_writes_a_sheet_per_student(tmp_path, capsys):
    roster = tmp_path / "class.csv"
    roster.write_text("matric,name\nU1234567C,Ada\nu7654321a,Alan\n\n", encoding="utf-8")
    assert read_class_list(roster) == ["U1234567C", "U7654321A"]
    out = tmp_path / "sheets"
    assert main(["--batch", str(roster), "--week", "3", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{m}{s}"
        for m in ("U1234567C", "U7654321A")
        for s in (".md", "-answers.md", ".html", "-answers.html")
    )
    assert "8 files for 2 student(s)" in capsys.readouterr().out


def test_batch_mode_reports_a_bad_row_and_missing_options(tmp_path, capsys):
    roster = tmp_path / "class.csv"
    roster.write_text("U1234567C\nU12x\n", encoding="utf-8")
    assert "entry 2" in _exit_message(["--batch", str(roster), "--out", str(tmp_path)], capsys)
    roster.write_text("U1234567C\n", encoding="utf-8")
    assert "give a folder with --out" in _exit_message(["--batch", str(roster)], capsys)
    assert "not both" in _exit_message(["U1234567C", "--batch", str(roster)], capsys)
    assert "cannot read" in _exit_message(["--batch", str(tmp_path / "none.csv")], capsys)
    (tmp_path / "empty.csv").write_text("matric\n")
    assert "holds no" in _exit_message(["--batch", str(tmp_path / "empty.csv")], capsys)
