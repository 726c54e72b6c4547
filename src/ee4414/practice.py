r"""Personalised practice sheets for weeks 3 and 6, with answer keys.

The course's graded practice plugs the digits of a matriculation number
``UabcdefgX`` into its questions (``U1234567C`` gives :math:`a = 1, b = 2, \dots, g = 7`).
This module writes such a sheet, in the style of the weekly exercises, and an answer key
computed by the library itself. Every question uses several digits, always including the
last one, so two students whose numbers differ in any single digit get different numbers
(``benchmarks/practice_distinct.py`` measures how often keys coincide in a class)::

    python -m ee4414.practice U1234567C                # sheet and key as Markdown on stdout
    python -m ee4414.practice U1234567C --out sheets    # sheets/U1234567C.md and .html, keys
    python -m ee4414.practice --batch class.csv --out sheets   # one sheet per student

Week 3 asks for a linear classifier's outputs, classes, decision boundary and one hinge-loss
step; week 6 for a seeded initialisation, a wider network on XOR and a deeper one on
circle data. Each question states every value its answer depends on: the loss, which class
(``ee4414.Linear``, not ``torch.nn.Linear``), the order of the random draws, what "final
loss" means and how many decimals to give.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import torch

from ee4414.datasets import circles, xor
from ee4414.layers import Linear
from ee4414.losses import hinge, mse
from ee4414.models import ThreeLayerNN, TwoLayerNN, accuracy, classify
from ee4414.training import Trainer

_MATRIC = re.compile(r"U([0-9]{7})([A-Z])")

# week 6's training settings (see week6 for how the digits pick the rest)
XOR_LR = 0.1
CIRCLES_LR = 0.2


@dataclass(frozen=True)
class Digits:
    """The digits ``a`` to ``g`` of a matriculation number ``UabcdefgX``."""

    matric: str
    a: int
    b: int
    c: int
    d: int
    e: int
    f: int
    g: int

    @property
    def seed(self) -> int:
        """The seven digits read as one number, ``abcdefg``."""
        return int(self.matric[1:8])


def parse_matric(matric: str) -> Digits:
    """Read the digits of a matriculation number.

    Parameters
    ----------
    matric : str
        A number of the form ``UabcdefgX``: the letter U, seven digits 0-9 and a check
        letter, e.g. ``"U1234567C"`` (case and surrounding spaces are ignored).

    Returns
    -------
    Digits
        The number in upper case and its digits ``a`` to ``g``.

    Raises
    ------
    ValueError
        If ``matric`` does not have that form; the message shows the expected form, and
        says so when the number holds characters other than ASCII letters and digits
        (Arabic-Indic or full-width digits, say).
    """
    text = matric.strip().upper() if isinstance(matric, str) else ""
    if text and not text.isascii():
        odd = ", ".join(sorted({f"{ch!r} (U+{ord(ch):04X})" for ch in text if not ch.isascii()}))
        raise ValueError(
            f"a matriculation number is written with the ASCII letters A-Z and digits 0-9, "
            f"like U1234567C; {matric!r} contains {odd}. Retype it on an English keyboard "
            "layout (full-width or Arabic-Indic digits are not accepted)"
        )
    match = _MATRIC.fullmatch(text)
    if match is None:
        raise ValueError(
            f"a matriculation number looks like U1234567C (the letter U, seven digits, then a "
            f"letter); got {matric!r}"
        )
    return Digits(text, *(int(ch) for ch in match.group(1)))


@dataclass(frozen=True)
class Question:
    """One question of a sheet: its number, text and answer (Markdown), and its key.

    ``key`` holds the answer's values as the strings the key prints; two students have the
    same answer to this question exactly when their keys are equal.
    """

    number: str
    text: str
    answer: str
    key: tuple[str, ...]


@dataclass(frozen=True)
class Sheet:
    """A practice sheet and its answer key."""

    matric: str
    questions: str
    answers: str
    items: tuple[Question, ...] = field(default=())

    def html(self, which: str = "questions") -> str:
        """The sheet (``"questions"``) or the key (``"answers"``) as a printable HTML page.

        Raises
        ------
        ValueError
            If ``which`` is neither ``"questions"`` nor ``"answers"``.
        """
        if which not in ("questions", "answers"):
            raise ValueError(f"which must be 'questions' or 'answers'; got {which!r}")
        title = f"EE4414 practice {'answer key ' if which == 'answers' else ''}{self.matric}"
        return markdown_to_html(getattr(self, which), title)


def _f(value: float) -> str:
    """A stated number: as short as it is exact (``1.5``, ``-0.25``, ``3``)."""
    return f"{value:g}" if value != 0 else "0"


def week3(digits: Digits) -> list[Question]:
    r"""Questions and answers for week 3: a linear classifier and the hinge loss.

    The classifier has :math:`\mathbf{w} = [a + 1 + e/10,\ -(b + 1 + f/10)]^\top` and
    :math:`b = (10c + g - 55)/100`; the points are :math:`[d/10, e/10]^\top` and
    :math:`[-f/10, g/10 - 1]^\top`. Point 0's label is the class the classifier does *not*
    give it, so the hinge loss is always active and the step always moves the weights.

    Parameters
    ----------
    digits : Digits
        The student's digits.

    Returns
    -------
    list of Question
        Questions 3.1 to 3.4 with their answers.
    """
    w0, w1 = digits.a + 1 + digits.e / 10, -(digits.b + 1 + digits.f / 10)
    bias = (10 * digits.c + digits.g - 55) / 100
    x0, x1 = [digits.d / 10, digits.e / 10], [-digits.f / 10, digits.g / 10 - 1]
    lr = 0.1
    model = Linear(2, 1, w=[w0, w1], b=bias)
    points = torch.tensor([x0, x1]).unsqueeze(-1)
    y_hat = model(points).detach().flatten()
    classes = [int(v) for v in classify(y_hat).tolist()]
    label = -classes[0]  # point 0 truly belongs to the other class
    slope, intercept = -w0 / w1, -bias / w1
    loss = hinge(model(points[:1]), torch.tensor([[[float(label)]]]))
    dw, db = torch.autograd.grad(loss, [model.w, model.b])
    grad_w, grad_b = dw.flatten().tolist(), db.item()
    new_w = (model.w.detach() - lr * dw).flatten().tolist()
    new_b = (model.b.detach() - lr * db).item()

    setup = (
        "## Week 3: a linear classifier and the hinge loss\n\n"
        "A linear classifier computes $\\hat{y} = \\mathbf{w}^\\top \\mathbf{x} + b$ with "
        f"$\\mathbf{{w}} = [{_f(w0)}, {_f(w1)}]^\\top$ and $b = {_f(bias)}$ (float32). The "
        f"two points are $\\mathbf{{x}}^{{(0)}} = [{_f(x0[0])}, {_f(x0[1])}]^\\top$ and "
        f"$\\mathbf{{x}}^{{(1)}} = [{_f(x1[0])}, {_f(x1[1])}]^\\top$.\n\n"
    )
    y0, y1 = f"{y_hat[0].item():.4f}", f"{y_hat[1].item():.4f}"
    four = [f"{v:.4f}" for v in (slope, intercept)]
    step = [f"{v:.4f}" for v in (loss.item(), *grad_w, grad_b, *new_w, new_b)]
    return [
        Question(
            "3.1",
            setup + "**3.1** Build the classifier as "
            f"`ee4414.Linear(2, 1, w=[{_f(w0)}, {_f(w1)}], b={_f(bias)})` (or as your own "
            "`torch.nn.Module` holding the same $\\mathbf{w}$ and $b$) and compute "
            "$\\hat{y}^{(0)}$ and $\\hat{y}^{(1)}$ for the two points. Give both to 4 "
            "decimals.\n",
            f"**3.1** $\\hat{{y}}^{{(0)}} = {y0}$, $\\hat{{y}}^{{(1)}} = {y1}$\n",
            (y0, y1),
        ),
        Question(
            "3.2",
            "**3.2** Classify both points by the sign of $\\hat{y}$: class $C = 1$ if "
            "$\\hat{y} > 0$, otherwise $C = -1$. Give the two classes.\n",
            f"**3.2** $C^{{(0)}} = {classes[0]}$, $C^{{(1)}} = {classes[1]}$\n",
            tuple(str(c) for c in classes),
        ),
        Question(
            "3.3",
            "**3.3** The decision boundary $\\hat{y} = 0$ is a straight line. Write it as "
            "$x_1 = m x_0 + q$ and give $m$ and $q$ to 4 decimals; plot the line with both "
            "points.\n",
            f"**3.3** $m = -w_0/w_1 = {four[0]}$, $q = -b/w_1 = {four[1]}$\n",
            tuple(four),
        ),
        Question(
            "3.4",
            f"**3.4** Point $\\mathbf{{x}}^{{(0)}}$ in fact belongs to class "
            f"$C^{{(0)}} = {label}$. For this point alone, compute the hinge loss "
            "$\\mathcal{L} = \\max(0, 1 - C^{(0)} \\hat{y}^{(0)})$, its gradients "
            "$\\partial\\mathcal{L}/\\partial\\mathbf{w}$ and $\\partial\\mathcal{L}/\\partial b$, "
            "and $\\mathbf{w}$ and $b$ after one gradient-descent step "
            "$p \\leftarrow p - \\mu\\, \\partial\\mathcal{L}/\\partial p$ "
            f"with $\\mu = {lr:g}$. "
            "Give every number to 4 decimals.\n",
            f"**3.4** $\\mathcal{{L}} = {step[0]}$; "
            f"$\\partial\\mathcal{{L}}/\\partial\\mathbf{{w}} = [{step[1]}, {step[2]}]^\\top$, "
            f"$\\partial\\mathcal{{L}}/\\partial b = {step[3]}$; after the step "
            f"$\\mathbf{{w}} = [{step[4]}, {step[5]}]^\\top$, $b = {step[6]}$\n",
            tuple(step),
        ),
    ]


def week6_settings(digits: Digits) -> dict[str, float]:
    """The numbers week 6's questions give a student, all taken from the digits.

    Parameters
    ----------
    digits : Digits
        The student's digits.

    Returns
    -------
    dict
        ``seed`` (abcdefg), ``hidden`` (3 or 4 by the parity of g), ``xor_epochs``
        (200 + 20 f), ``n`` (100 + 10 e), ``noise`` ((g + 1)/50) and ``circle_epochs``
        (300 + 20 d).
    """
    return {
        "seed": digits.seed,
        "hidden": 3 + digits.g % 2,
        "xor_epochs": 200 + 20 * digits.f,
        "n": 100 + 10 * digits.e,
        "noise": (digits.g + 1) / 50,
        "circle_epochs": 300 + 20 * digits.d,
    }


def _train(
    model: torch.nn.Module, x: torch.Tensor, c: torch.Tensor, lr: float, epochs: int
) -> tuple[str, str, str]:
    """Train full batch on the MSE; return the loss before, the final loss, the accuracy."""
    with torch.no_grad():
        before = mse(model(x), c).item()
    Trainer(model, "mse", lr=lr, device="cpu").fit(x, c, epochs)
    with torch.no_grad():
        y_hat = model(x)
        return f"{before:.4f}", f"{mse(y_hat, c).item():.4f}", f"{accuracy(y_hat, c):.2f}"


def week6(digits: Digits) -> list[Question]:
    """Questions and answers for week 6: initialisation, wider and deeper networks.

    The key draws its random numbers from a private :class:`torch.Generator` seeded like
    the student's ``torch.manual_seed(s)``: the same numbers, and PyTorch's global
    generator is left as it was.

    Parameters
    ----------
    digits : Digits
        The student's digits.

    Returns
    -------
    list of Question
        Questions 6.1 to 6.3 with their answers.
    """
    st = week6_settings(digits)
    s = int(st["seed"])
    layer = Linear(2, 1, generator=torch.Generator().manual_seed(s))
    init = [f"{v:.4f}" for v in (*layer.w.flatten().tolist(), layer.b.item())]

    hidden, xor_epochs = int(st["hidden"]), int(st["xor_epochs"])
    x, c = xor()
    wide = TwoLayerNN(hidden=hidden, generator=torch.Generator().manual_seed(s))
    xor_key = _train(wide, x, c, XOR_LR, xor_epochs)

    n, noise, circle_epochs = int(st["n"]), st["noise"], int(st["circle_epochs"])
    xc, cc = circles(n, noise=noise, seed=s)
    deep = ThreeLayerNN(generator=torch.Generator().manual_seed(s))
    circle_key = _train(deep, xc, cc, CIRCLES_LR, circle_epochs)

    setup = (
        "## Week 6: initialisation, wider and deeper networks\n\n"
        f"Your seed is $s = {s}$, your seven digits read as one number. "
        "`ee4414.Linear(n_in, n_out)` (the course's layer, not `torch.nn.Linear`) draws its "
        "weight matrix $\\mathbf{W}$ ($n_{in} \\times n_{out}$) first and then its bias "
        "$\\mathbf{b}$ ($n_{out} \\times 1$), each with "
        "`torch.nn.init.uniform_(..., -0.2, 0.2)` from PyTorch's global generator; "
        "`ee4414.TwoLayerNN` and `ee4414.ThreeLayerNN` create their layers from the input "
        "towards the output.\n\n"
        "*Training* in 6.2 and 6.3 is full-batch gradient descent: every epoch computes the "
        "mean squared error $\\mathcal{L}$ (the mean over all points of "
        "$(\\hat{y} - C)^2$), clears the gradients, calls `backward()` and updates every "
        "parameter $p \\leftarrow p - \\mu\\, \\partial\\mathcal{L}/\\partial p$, which is what "
        '`ee4414.Trainer(model, "mse", lr=mu).fit(x, c, epochs)` does. The *final loss* is '
        "the mean squared error of the trained network on its training points, computed "
        "after the last update, to 4 decimals; the *loss before training* is the same error "
        "of the freshly built network, also to 4 decimals. The *accuracy* is the fraction of "
        "points "
        "whose class (1 if $\\hat{y} > 0$, otherwise $-1$) equals the label, to 2 "
        "decimals.\n\n"
    )
    return [
        Question(
            "6.1",
            setup + f"**6.1** Call `torch.manual_seed({s})`, then create "
            "`ee4414.Linear(2, 1)`. Give $w_0$, $w_1$ and $b$ to 4 decimals.\n",
            f"**6.1** $w_0 = {init[0]}$, $w_1 = {init[1]}$, $b = {init[2]}$\n",
            tuple(init),
        ),
        Question(
            "6.2",
            f"**6.2** Call `torch.manual_seed({s})`, build "
            f"`ee4414.TwoLayerNN(hidden={hidden})` ({hidden} hidden ReLU neurons) and train it "
            "on the four XOR points of `ee4414.xor()` ((0, 0), (0, 1), (1, 0), (1, 1) with "
            f"labels $-1, 1, 1, -1$) with $\\mu = {XOR_LR:g}$ for {xor_epochs} epochs. Give "
            "the loss before training and the final loss (4 decimals) and the accuracy "
            "(2 decimals), and plot the decision surface.\n",
            f"**6.2** loss before training {xor_key[0]}, final loss {xor_key[1]}, "
            f"accuracy {xor_key[2]}\n",
            xor_key,
        ),
        Question(
            "6.3",
            f"**6.3** Generate {n} points on two circles with "
            f"`ee4414.circles({n}, noise={noise:g}, seed={s})`, call "
            f"`torch.manual_seed({s})`, build `ee4414.ThreeLayerNN()` (3 then 2 hidden ReLU "
            f"neurons) and train it with $\\mu = {CIRCLES_LR:g}$ for {circle_epochs} epochs. "
            "Give the loss before training and the final loss (4 decimals) and the accuracy "
            "(2 decimals), and plot the decision regions.\n",
            f"**6.3** loss before training {circle_key[0]}, final loss {circle_key[1]}, "
            f"accuracy {circle_key[2]}\n",
            circle_key,
        ),
    ]


WEEKS = {3: week3, 6: week6}


def make_sheet(matric: str, weeks: Sequence[int] = (3, 6)) -> Sheet:
    """Build the practice sheet and answer key of one student.

    PyTorch's global random state is not touched: the key's random draws come from
    private generators.

    Parameters
    ----------
    matric : str
        Matriculation number ``UabcdefgX``.
    weeks : sequence of int, default (3, 6)
        Which weeks' questions to include; each 3 or 6.

    Returns
    -------
    Sheet
        The questions and the answers as Markdown (``Sheet.html`` renders them as HTML),
        and the questions one by one in ``items``.

    Raises
    ------
    ValueError
        If the number is malformed or a week has no practice questions.
    """
    digits = parse_matric(matric)
    unknown = [w for w in weeks if w not in WEEKS]
    if unknown:
        raise ValueError(f"practice sheets exist for weeks 3 and 6; got week(s) {unknown}")
    items = tuple(q for w in weeks for q in WEEKS[w](digits))
    intro = (
        f"# EE4414 practice: {digits.matric}\n\n"
        f"Your digits (U*abcdefg*X): a = {digits.a}, b = {digits.b}, c = {digits.c}, "
        f"d = {digits.d}, e = {digits.e}, f = {digits.f}, g = {digits.g}. The numbers below are "
        "already worked out from them. Answer each question in its own notebook cell, "
        "labelled with its number, and round as each question says.\n\n"
    )
    questions = intro + "\n".join(q.text for q in items)
    key = f"# EE4414 practice answer key: {digits.matric}\n\n"
    answers = key + "\n".join(q.answer for q in items)
    return Sheet(digits.matric, questions, answers, items)


# Markdown and the little LaTeX the sheets use, to HTML (no MathJax: the page prints as is)

_TEX = [
    (r"\hat{y}", "ŷ"),
    (r"\top", "T"),
    (r"\mathcal{L}", "ℒ"),
    (r"\partial ", "∂"),
    (r"\partial", "∂"),
    (r"\leftarrow", "←"),
    (r"\times", "×"),
    (r"\max", "max"),
    (r"\mu", "μ"),
    (r"\,", "\u2009"),
    (r"\ ", " "),
]


def tex_to_html(tex: str) -> str:
    r"""Render the sheets' small LaTeX vocabulary as HTML text.

    ``\mathbf{w}`` becomes bold, ``^{...}`` and ``_{...}`` (or one character) become
    superscripts and subscripts, and a few symbols (``\hat{y}``, ``\partial``, ``\mu``,
    ``\mathcal{L}``, ``\top``, ``\leftarrow``, ``\times``, ``\max``) their Unicode
    characters.

    Raises
    ------
    ValueError
        If a command outside that vocabulary is left over.
    """
    out = html.escape(tex, quote=False)
    for command, text in _TEX:
        out = out.replace(command, text)
    out = re.sub(r"\\mathbf\{([^{}]*)\}", r"<b>\1</b>", out)
    out = re.sub(r"\^\{([^{}]*)\}", r"<sup>\1</sup>", out)
    out = re.sub(r"_\{([^{}]*)\}", r"<sub>\1</sub>", out)
    out = re.sub(r"\^(\S)", r"<sup>\1</sup>", out)
    out = re.sub(r"_(\w)", r"<sub>\1</sub>", out)
    if "\\" in out or "{" in out:
        raise ValueError(f"cannot render {tex!r} as HTML: unknown LaTeX left in {out!r}")
    return f'<span class="formula">{out}</span>'


def _inline(text: str) -> str:
    parts = re.split(r"(\$[^$]+\$|`[^`]+`)", text)
    out = []
    for part in parts:
        if part.startswith("$") and part.endswith("$") and len(part) > 1:
            out.append(tex_to_html(part[1:-1]))
        elif part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"<code>{html.escape(part[1:-1], quote=False)}</code>")
        else:
            escaped = html.escape(part, quote=False)
            escaped = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", escaped)
            out.append(re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped))
    return "".join(out)


_STYLE = (
    "body{font-family:Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em;"
    "line-height:1.55;color:#111}"
    "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #999}"
    "code{font-family:Menlo,Consolas,monospace;font-size:.92em;background:#f2f2f2;"
    "padding:0 .2em}.formula{font-style:italic}.formula b{font-style:normal}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}p{break-inside:avoid}}"
)


def markdown_to_html(markdown: str, title: str) -> str:
    """Render a sheet's Markdown (headings, paragraphs, emphasis, code, math) as HTML.

    Parameters
    ----------
    markdown : str
        The text of a sheet or key.
    title : str
        The page title.

    Returns
    -------
    str
        A complete HTML page, styled for screen and print.
    """
    blocks = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        block = " ".join(line.strip() for line in block.splitlines())
        heading = re.match(r"(#{1,3}) (.*)", block)
        if heading:
            level = len(heading.group(1))
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        else:
            blocks.append(f"<p>{_inline(block)}</p>")
    body = "\n".join(blocks)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


# Command line


def read_class_list(path: Path) -> list[str]:
    """The matriculation numbers in a CSV file: its first column, a header row allowed.

    Raises
    ------
    ValueError
        If the file cannot be read, holds no numbers, or a row's number is malformed (the
        message gives the row).
    """
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = [row for row in csv.reader(fh) if row and row[0].strip()]
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"cannot read the class list {str(path)!r}: {err}") from err
    if rows and not rows[0][0].strip()[1:2].isdigit():
        rows = rows[1:]  # a header such as "matric"
    numbers = []
    for i, row in enumerate(rows, start=1):
        try:
            numbers.append(parse_matric(row[0]).matric)
        except ValueError as err:
            raise ValueError(f"{path}, entry {i}: {err}") from None
    if not numbers:
        raise ValueError(f"the class list {str(path)!r} holds no matriculation numbers")
    return numbers


def _outputs(out: Path, matric: str) -> list[Path]:
    return [
        out / f"{matric}{suffix}" for suffix in (".md", "-answers.md", ".html", "-answers.html")
    ]


def _prepare_out(out: Path) -> str | None:
    """Create the output folder; return why it cannot be used, or None."""
    if out.exists() and not out.is_dir():
        return f"--out {str(out)!r} is a file, not a folder; give a folder for the sheets"
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".ee4414-write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as err:
        return f"cannot write into --out {str(out)!r}: {err.strerror or err}"
    return None


def write_sheets(
    matrics: Sequence[str], out: Path, weeks: Sequence[int], *, force: bool = False
) -> list[Path]:
    """Write each student's sheet and key, as Markdown and HTML, into ``out``.

    Raises
    ------
    FileExistsError
        If a file would be overwritten and ``force`` is False (nothing is written then).
    ValueError
        If a number is malformed.
    """
    if not force:
        existing = [p for m in matrics for p in _outputs(out, parse_matric(m).matric) if p.exists()]
        if existing:
            raise FileExistsError(
                f"{len(existing)} file(s) already exist, e.g. {existing[0]}; pass --force to "
                "overwrite them"
            )
    written = []
    for matric in matrics:
        sheet = make_sheet(matric, weeks)
        md, md_key, page, page_key = _outputs(out, sheet.matric)
        md.write_text(sheet.questions, encoding="utf-8")
        md_key.write_text(sheet.answers, encoding="utf-8")
        page.write_text(sheet.html("questions"), encoding="utf-8")
        page_key.write_text(sheet.html("answers"), encoding="utf-8")
        written += [md, md_key, page, page_key]
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``python -m ee4414.practice UabcdefgX [--out DIR]``."""
    parser = argparse.ArgumentParser(
        prog="python -m ee4414.practice",
        description="Write personalised EE4414 practice sheets (weeks 3 and 6) and their keys.",
    )
    parser.add_argument("matric", nargs="?", help="matriculation number, e.g. U1234567C")
    parser.add_argument(
        "--batch", type=Path, help="CSV file whose first column lists a class's numbers"
    )
    parser.add_argument("--week", type=int, action="append", choices=(3, 6), help="repeatable")
    parser.add_argument(
        "--out", type=Path, help="folder for <matric>.md/.html and <matric>-answers.md/.html"
    )
    parser.add_argument("--force", action="store_true", help="overwrite existing sheets")
    args = parser.parse_args(argv)
    weeks = args.week or (3, 6)
    if (args.matric is None) == (args.batch is None):
        parser.error("give one matriculation number or --batch CSV (not both)")
    try:
        matrics = [args.matric] if args.batch is None else read_class_list(args.batch)
        for matric in matrics:
            parse_matric(matric)
    except ValueError as err:
        parser.error(str(err))
    if args.out is None:
        if args.batch is not None:
            parser.error("--batch writes one sheet per student: give a folder with --out")
        sheet = make_sheet(matrics[0], weeks)
        print(sheet.questions, "\n---\n", sheet.answers, sep="\n")
        return 0
    problem = _prepare_out(args.out)
    if problem:
        parser.error(problem)
    try:
        written = write_sheets(matrics, args.out, weeks, force=args.force)
    except FileExistsError as err:
        parser.error(str(err))
    print(f"wrote {len(written)} files for {len(matrics)} student(s) into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
