r"""Answer-revealing narrative: shown on the worked page, held back in the exercise notebook.

An example's text sometimes works out exactly what its exercise asks for: a derivation, the
entries of a result matrix, a number. On the site that is the point (the page is the worked
solution), but in the exercise notebook it would sit above the ``# TODO`` and give the
answer away. Such text is wrapped in *reveal* markers inside the text block::

    # Entry (i, j) of C dots row i of A with row j of B.
    #
    # # sphinx_gallery_ee4414_reveal_start
    #
    # .. math::
    #
    #    C_{01} = 2 \cdot 5 + 3 \cdot 6 + 4 \cdot 7 = 56
    #
    # # sphinx_gallery_ee4414_reveal_end

Inside a text block the marker lines read ``# sphinx_gallery_ee4414_reveal_start``, which
sphinx-gallery treats as a configuration comment and removes, so the page and the solution
notebook show the text as if the markers were not there. In the exercise notebook
:func:`hold_back` takes every marked passage out of the text before the self-check (leaving
a short pointer in its place) and puts them, in order, into one *worked answer* cell right
after the self-check: the student meets the answer only after the attempt.
"""

from __future__ import annotations

import re
from typing import Any

REVEAL = re.compile(
    r"^[ \t]*(?:#[ \t]*)+sphinx_gallery_ee4414_reveal_start[ \t]*\n"
    r"(?P<body>.*?)"
    r"^[ \t]*(?:#[ \t]*)+sphinx_gallery_ee4414_reveal_end[ \t]*(?:\n|\Z)",
    re.M | re.S,
)
MARKER = re.compile(r"^[ \t]*(?:#[ \t]*)+sphinx_gallery_ee4414_reveal_(?:start|end)[ \t]*$", re.M)
POINTER = (
    "*Work this step out yourself first: the worked answer follows the self-check cell below.*\n"
)
HEADING = "**Worked answer.** Read this after your own attempt and the self-check:\n\n"


def revealed(text: str) -> list[str]:
    """The marked passages of one text block, in order, without their markers.

    Raises
    ------
    ValueError
        If the markers are unbalanced or nested.
    """
    starts = len(re.findall(r"sphinx_gallery_ee4414_reveal_start", text))
    ends = len(re.findall(r"sphinx_gallery_ee4414_reveal_end", text))
    bodies = [m.group("body") for m in REVEAL.finditer(text)]
    if starts != ends or len(bodies) != starts or any(MARKER.search(b) for b in bodies):
        raise ValueError(f"unbalanced or nested reveal markers in the text:\n{text}")
    return [body.strip("\n") + "\n" for body in bodies]


def without_reveals(text: str) -> str:
    """The text with each marked passage replaced by a pointer to the worked answer."""
    revealed(text)  # validate

    def pointer(match: re.Match[str]) -> str:
        return POINTER

    return REVEAL.sub(pointer, text)


def hold_back(blocks: list[Any], check_at: int) -> list[Any]:
    """Move the marked passages of the text blocks before ``check_at`` after the check.

    Parameters
    ----------
    blocks : list
        sphinx-gallery ``Block(label, content, lineno)`` tuples of an exercise notebook.
    check_at : int
        Index of the self-check block in ``blocks``.

    Returns
    -------
    list
        The blocks with every passage marked as revealing, in a text block before the
        self-check, replaced by a pointer; the passages, in order, form one new text block
        right after the self-check. Marked passages after the self-check stay in place
        (only the markers go). Without markers the blocks come back unchanged.
    """
    make = type(blocks[check_at])
    held: list[str] = []
    out = []
    for i, (label, content, lineno) in enumerate(blocks):
        if label == "text" and i < check_at and REVEAL.search(content):
            held += revealed(content)
            content = without_reveals(content)
        elif label == "text":
            revealed(content)  # validate
            content = MARKER.sub("", content)
        out.append(make(label, content, lineno))
    if not held:
        return out
    answer = make("text", HEADING + "\n".join(held), blocks[check_at].lineno)
    return [*out[: check_at + 1], answer, *out[check_at + 1 :]]
