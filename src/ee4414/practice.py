r"""Personalised practice sheets for weeks 3 and 6, with answer keys.

The course's graded practice plugs the digits of a matriculation number
``UabcdefgX`` into its questions (``U1234567C`` gives :math:`a = 1, b = 2, \dots, g = 7`).
This module writes such a sheet, in the style of the weekly exercises, and an answer key
computed by the library itself, so the key is right by construction::

    python -m ee4414.practice U1234567C              # sheet and key as Markdown on stdout
    python -m ee4414.practice U1234567C --out sheets  # sheets/U1234567C.md, ...-answers.md

Week 3 asks for a linear classifier's outputs, classes, decision boundary and one hinge-loss
step; week 6 for a seeded initialisation, a wider network on XOR and a deeper one on
circle data.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from ee4414.datasets import circles, xor
from ee4414.layers import Linear
from ee4414.losses import hinge
from ee4414.models import ThreeLayerNN, TwoLayerNN, accuracy, classify
from ee4414.training import Trainer

_MATRIC = re.compile(r"U(\d{7})([A-Z])")


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
        A number of the form ``UabcdefgX``: the letter U, seven digits and a check letter,
        e.g. ``"U1234567C"`` (case and surrounding spaces are ignored).

    Returns
    -------
    Digits
        The number in upper case and its digits ``a`` to ``g``.

    Raises
    ------
    ValueError
        If ``matric`` does not have that form; the message shows the expected form.
    """
    text = matric.strip().upper() if isinstance(matric, str) else ""
    match = _MATRIC.fullmatch(text)
    if match is None:
        raise ValueError(
            f"a matriculation number looks like U1234567C (the letter U, seven digits, then a "
            f"letter); got {matric!r}"
        )
    return Digits(text, *(int(ch) for ch in match.group(1)))


@dataclass(frozen=True)
class Sheet:
    """A practice sheet and its answer key, both Markdown."""

    matric: str
    questions: str
    answers: str


def week3(dg: Digits) -> tuple[str, str]:
    """Questions and answers for week 3: a linear classifier and the hinge loss.

    Parameters
    ----------
    dg : Digits
        The student's digits.

    Returns
    -------
    (str, str)
        The questions and the answers, as Markdown.
    """
    w0, w1, b = (dg.a + 1) / 2, -(dg.b + 1) / 2, (dg.c - 5) / 10
    x0 = [dg.d / 10, dg.e / 10]
    x1 = [-dg.f / 10, dg.g / 10 - 1]
    lr = 0.1
    model = Linear(2, 1, w=[w0, w1], b=b)
    points = torch.tensor([x0, x1]).unsqueeze(-1)
    labels = torch.tensor([1.0, -1.0]).view(2, 1, 1)
    y_hat = model(points).detach()
    classes = classify(y_hat).flatten().tolist()
    slope, intercept = -w0 / w1, -b / w1
    loss = hinge(model(points[:1]), labels[:1])
    dw, db = torch.autograd.grad(loss, [model.w, model.b])
    grad_w, grad_b = dw.flatten().tolist(), db.item()
    new_w = (model.w.detach() - lr * dw).flatten().tolist()
    new_b = (model.b.detach() - lr * db).item()

    questions = f"""## Week 3: a linear classifier

A linear classifier computes $\\hat{{y}} = \\mathbf{{w}}^\\top \\mathbf{{x}} + b$ with
$\\mathbf{{w}} = [{w0:g}, {w1:g}]^\\top$ and $b = {b:g}$.

**3.1** Build it as a `torch.nn.Module` and compute $\\hat{{y}}$ for
$\\mathbf{{x}}^{{(0)}} = [{x0[0]:g}, {x0[1]:g}]^\\top$ and
$\\mathbf{{x}}^{{(1)}} = [{x1[0]:g}, {x1[1]:g}]^\\top$ (4 decimals).

**3.2** Classify both points by the sign of $\\hat{{y}}$ ($C = 1$ if $\\hat{{y}} > 0$, else $-1$).

**3.3** Write the decision boundary $\\hat{{y}} = 0$ as $x_1 = m x_0 + q$: give $m$ and $q$
(4 decimals) and plot the line with both points.

**3.4** With label $C^{{(0)}} = 1$, compute the hinge loss
$\\max(0, 1 - C^{{(0)}} \\hat{{y}}^{{(0)}})$ of $\\mathbf{{x}}^{{(0)}}$, its gradients
$\\partial\\mathcal{{L}}/\\partial\\mathbf{{w}}$ and $\\partial\\mathcal{{L}}/\\partial b$, and the
weights after one SGD step with $\\mu = {lr:g}$ (4 decimals).
"""
    answers = f"""## Week 3: answers

**3.1** $\\hat{{y}}^{{(0)}} = {y_hat[0].item():.4f}$, $\\hat{{y}}^{{(1)}} = {y_hat[1].item():.4f}$

**3.2** classes {[int(v) for v in classes]}

**3.3** $m = -w_0/w_1 = {slope:.4f}$, $q = -b/w_1 = {intercept:.4f}$

**3.4** $\\mathcal{{L}} = {loss.item():.4f}$;
$\\partial\\mathcal{{L}}/\\partial\\mathbf{{w}} = [{grad_w[0]:.4f}, {grad_w[1]:.4f}]^\\top$,
$\\partial\\mathcal{{L}}/\\partial b = {grad_b:.4f}$;
after the step $\\mathbf{{w}} = [{new_w[0]:.4f}, {new_w[1]:.4f}]^\\top$, $b = {new_b:.4f}$
"""
    return questions, answers


def week6(dg: Digits) -> tuple[str, str]:
    """Questions and answers for week 6: initialisation, wider and deeper networks.

    Parameters
    ----------
    dg : Digits
        The student's digits.

    Returns
    -------
    (str, str)
        The questions and the answers, as Markdown.
    """
    init_seed = 10 * dg.a + dg.b
    torch.manual_seed(init_seed)
    layer = Linear(2, 1)
    w, b = layer.w.flatten().tolist(), layer.b.item()

    hidden, xor_seed, lr, epochs = 3 + dg.c % 2, dg.d, 0.1, 1000 + 100 * dg.e
    x, c = xor()
    torch.manual_seed(xor_seed)
    wide = TwoLayerNN(hidden=hidden)
    xor_loss = Trainer(wide, "mse", lr=lr, device="cpu").fit(x, c, epochs).losses[-1]
    xor_acc = accuracy(wide(x), c)

    n, noise, circle_epochs = 100 + 10 * dg.f, dg.g / 50, 1500
    xc, cc = circles(n, noise=noise, seed=dg.seed)
    torch.manual_seed(dg.seed)
    deep = ThreeLayerNN()
    circle_loss = Trainer(deep, "mse", lr=0.2, device="cpu").fit(xc, cc, circle_epochs).losses[-1]
    circle_acc = accuracy(deep(xc), cc)

    questions = f"""## Week 6: initialisation, wider and deeper networks

**6.1** Call `torch.manual_seed({init_seed})`, then create `Linear(2, 1)` whose weights and
bias are drawn from $\\mathcal{{U}}(-0.2, 0.2)$ (weights first, then the bias). Report
$w_0, w_1, b$ (4 decimals).

**6.2** Call `torch.manual_seed({xor_seed})`, build a `TwoLayerNN` with {hidden} hidden ReLU
neurons initialised from $\\mathcal{{U}}(-0.2, 0.2)$ and train it on the four XOR points with
the mean squared error, full batch, $\\mu = {lr:g}$, for {epochs} epochs. Report the final
loss and the accuracy, and plot the decision surface.

**6.3** Generate {n} circle points with noise {noise:g} and seed {dg.seed}
(`ee4414.circles({n}, noise={noise:g}, seed={dg.seed})`), call `torch.manual_seed({dg.seed})`,
and train a `ThreeLayerNN` (3 then 2 hidden ReLU neurons) with $\\mu = 0.2$ for
{circle_epochs} epochs. Report the final loss and the accuracy; plot the decision regions.
"""
    answers = f"""## Week 6: answers

**6.1** $w_0 = {w[0]:.4f}$, $w_1 = {w[1]:.4f}$, $b = {b:.4f}$

**6.2** final loss {xor_loss:.4f}, accuracy {xor_acc:.2f}

**6.3** final loss {circle_loss:.4f}, accuracy {circle_acc:.2f}
"""
    return questions, answers


def make_sheet(matric: str, weeks: Sequence[int] = (3, 6)) -> Sheet:
    """Build the practice sheet and answer key of one student.

    Parameters
    ----------
    matric : str
        Matriculation number ``UabcdefgX``.
    weeks : sequence of int, default (3, 6)
        Which weeks' questions to include; each 3 or 6.

    Returns
    -------
    Sheet
        The questions and the answers as Markdown.

    Raises
    ------
    ValueError
        If the number is malformed or a week has no practice questions.
    """
    dg = parse_matric(matric)
    makers = {3: week3, 6: week6}
    unknown = [w for w in weeks if w not in makers]
    if unknown:
        raise ValueError(f"practice sheets exist for weeks 3 and 6; got week(s) {unknown}")
    parts = [makers[w](dg) for w in weeks]
    intro = (
        f"# EE4414 practice: {dg.matric}\n\n"
        f"Your digits: a={dg.a}, b={dg.b}, c={dg.c}, d={dg.d}, e={dg.e}, f={dg.f}, g={dg.g}. "
        "Answer each question in its own notebook cell, labelled with its number.\n\n"
    )
    questions = intro + "\n".join(q for q, _ in parts)
    answers = f"# EE4414 practice answer key: {dg.matric}\n\n" + "\n".join(a for _, a in parts)
    return Sheet(dg.matric, questions, answers)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``python -m ee4414.practice UabcdefgX [--out DIR]``."""
    parser = argparse.ArgumentParser(
        prog="python -m ee4414.practice",
        description="Write a personalised EE4414 practice sheet (weeks 3 and 6) and its key.",
    )
    parser.add_argument("matric", help="matriculation number, e.g. U1234567C")
    parser.add_argument("--week", type=int, action="append", choices=(3, 6), help="repeatable")
    parser.add_argument("--out", type=Path, help="folder for <matric>.md and <matric>-answers.md")
    args = parser.parse_args(argv)
    try:
        sheet = make_sheet(args.matric, args.week or (3, 6))
    except ValueError as err:
        parser.error(str(err))
    if args.out is None:
        print(sheet.questions, "\n---\n", sheet.answers, sep="\n")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{sheet.matric}.md").write_text(sheet.questions, encoding="utf-8")
    (args.out / f"{sheet.matric}-answers.md").write_text(sheet.answers, encoding="utf-8")
    print(f"wrote {args.out / (sheet.matric + '.md')} and its answer key")
    return 0


if __name__ == "__main__":
    sys.exit(main())
