"""The course as data, read from ``examples/``: a week is a ``weekN`` folder there.

Everything that lists the weeks is generated from this module, so a new week is a new
folder (with its ``GALLERY_HEADER.rst`` and examples) and no other edit:

- ``conf.py``: the gallery's subsection order (:func:`gallery_order`) and the text
  substitutions (:func:`substitutions`): ``|weeks|`` and ``{{ weeks }}`` read "weeks 1
  to 6", ``|week_count|`` and ``{{ week_count }}`` read "six";
- the home page: ``.. ee4414-week-cards::`` (one card per week, :func:`cards_rst`);
- getting-started: ``.. ee4414-week-zips::`` (``ee4414_downloads``);
- the README's week table, between its ``weeks`` markers (:func:`readme_table`;
  ``python docs/_ext/ee4414_course.py`` rewrites it, ``tests/test_course.py`` checks it);
- the tests: the exercise ids (:attr:`Week.exercises`).

A week's ``GALLERY_HEADER.rst`` starts with its title, ``Week N — Title``, and holds its
card for the home page as a comment (so the week page does not show it): a short title
after ``ee4414-card:`` and the card's bullets, in reStructuredText, indented under it::

    .. ee4414-card: Tensors
       - build vectors, matrices and 3-D tensors
       - broadcasting and matrix products
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WEEK = re.compile(r"^week(\d+)$")
HEADER = "GALLERY_HEADER.rst"
# the week's title: the first line followed by an underline of -, = or ~
_TITLE = re.compile(r"^(?P<title>\S.*)\n(?P<rule>[-=~^\"'`#*+]{3,})[ \t]*$", re.M)
_CARD = re.compile(r"^\.\. ee4414-card:[ \t]*(?P<title>.+)\n(?P<body>(?:[ \t]+\S.*\n?)+)", re.M)
_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
]
# plot_w2_1_3_words.py is W2-1.3; plot_w2_eg2_... W2-Eg2; plot_w2_ex2_... W2-Ex2
ID_TOKEN = re.compile(r"^plot_w(\d+)_((?:(?:\d+|eg\d+|ex\d+)_)+)")
README_START = "<!-- weeks: generated from examples/weekN/GALLERY_HEADER.rst by "
README_END = "<!-- weeks: end -->"
README_COMMAND = "python docs/_ext/ee4414_course.py"


@dataclass(frozen=True)
class Week:
    """One week of the course: a ``weekN`` folder of ``examples/``.

    Attributes
    ----------
    number : int
        N of ``weekN``.
    path : Path
        The folder.
    title : str
        The title of its page, without "Week N —" (``Tensors in PyTorch``).
    card_title : str
        The shorter title on its home-page card (``Tensors``).
    card : tuple of str
        The card's bullets, reStructuredText.
    exercises : tuple of str
        The ids of its examples' exercises (``W1-1.1``, ...), in file-name order.
    """

    number: int
    path: Path
    title: str
    card_title: str
    card: tuple[str, ...]
    exercises: tuple[str, ...]

    @property
    def name(self) -> str:
        """The folder's name, ``weekN``: also the week's page under the gallery."""
        return self.path.name


def weeks(examples: Path) -> list[Path]:
    """The week folders under ``examples``, in week order (week10 after week9)."""
    found = [p for p in examples.iterdir() if p.is_dir() and WEEK.match(p.name)]
    return sorted(found, key=lambda p: int(WEEK.match(p.name).group(1)))  # type: ignore[union-attr]


def exercise_id(stem: str) -> str:
    """Read the exercise id from an example's file name: ``plot_w2_eg2_x`` -> ``W2-Eg2``."""
    match = ID_TOKEN.match(stem)
    if match is None:
        raise ValueError(f"{stem}: cannot read an exercise id from the file name")
    week, tokens = match.group(1), [t for t in match.group(2).split("_") if t]
    if tokens[0].startswith(("eg", "ex")):
        return f"W{week}-{tokens[0].capitalize()}"
    return f"W{week}-" + ".".join(tokens)


def read_week(path: Path) -> Week:
    """A week from its folder: the title and card from ``GALLERY_HEADER.rst``.

    Raises
    ------
    ValueError
        When the header is missing, its title does not start with ``Week N``, or it has
        no ``ee4414-card`` comment: the message names the file and what to write.
    """
    number = int(WEEK.match(path.name).group(1))  # type: ignore[union-attr]
    header = path / HEADER
    if not header.is_file():
        raise ValueError(f"{path}: a week folder needs a {HEADER} (its title and card)")
    text = header.read_text(encoding="utf-8")
    title = _TITLE.search(text)
    prefix = re.compile(rf"^Week {number}\s*[—:-]\s*")
    if title is None or not prefix.match(title["title"]):
        raise ValueError(f"{header}: the first title must read 'Week {number} — ...'")
    card = _CARD.search(text)
    if card is None:
        raise ValueError(
            f"{header}: no home-page card; add a comment '.. ee4414-card: SHORT TITLE' "
            "with the card's bullets ('- ...') indented under it"
        )
    bullets = tuple(
        line.strip().removeprefix("- ").strip()
        for line in card["body"].splitlines()
        if line.strip().startswith("- ")
    )
    examples = sorted(path.glob("plot_*.py"))
    return Week(
        number=number,
        path=path,
        title=prefix.sub("", title["title"]).strip(),
        card_title=card["title"].strip(),
        card=bullets,
        exercises=tuple(exercise_id(p.stem) for p in examples),
    )


def course(examples: Path) -> list[Week]:
    """Every week of the course, in week order."""
    return [read_week(path) for path in weeks(examples)]


def gallery_order(examples: Path, examples_dir: str = "../examples") -> list[str]:
    """sphinx-gallery's ``subsection_order``: the week folders, as ``conf.py`` names them."""
    return [f"{examples_dir}/{path.name}" for path in weeks(examples)]


def number_words(n: int) -> str:
    """A count as the course's texts write it: "six" (up to thirteen), else digits."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def week_span(numbers: list[int]) -> str:
    """Name the weeks: "weeks 1 to 6" (a run), "week 1" (one), or "weeks 1, 2 and 4"."""
    if len(numbers) == 1:
        return f"week {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"weeks {numbers[0]} to {numbers[-1]}"
    return f"weeks {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def substitutions(weeks_: list[Week]) -> dict[str, str]:
    """The texts that name the course's extent: ``weeks`` and ``week_count``."""
    return {
        "weeks": week_span([w.number for w in weeks_]),
        "week_count": number_words(len(weeks_)),
    }


def rst_substitutions(weeks_: list[Week]) -> str:
    """The substitutions as reStructuredText definitions, for ``conf.py``'s ``rst_prolog``."""
    return "".join(
        f".. |{name}| replace:: {text}\n" for name, text in substitutions(weeks_).items()
    )


def cards_rst(weeks_: list[Week], gallery_dir: str = "auto_examples") -> str:
    """The home page's week cards, as the sphinx-design grid they are written in."""
    lines = [".. grid:: 1 2 2 3", "   :gutter: 3", ""]
    for week in weeks_:
        lines += [
            f"   .. grid-item-card:: Week {week.number} — {week.card_title}",
            f"      :link: /{gallery_dir}/{week.name}/index",
            "      :link-type: doc",
            "      :class-card: ee4414-week",
            "",
            *(f"      - {bullet}" for bullet in week.card),
            "",
        ]
    return "\n".join(lines)


def _markdown(rst: str) -> str:
    """The inline reStructuredText of a card bullet as GitHub Markdown."""
    text = re.sub(r":math:`([^`]+)`", r"$\1$", rst)
    text = re.sub(r"``([^`]+)``", r"`\1`", text)
    if re.search(r":\w+:`", text):
        raise ValueError(f"a card bullet uses a role the README cannot show: {rst!r}")
    return text.replace("|", "\\|")


def readme_table(weeks_: list[Week]) -> str:
    """The README's week table, between its markers."""
    rows = [
        f"| {w.number} | {w.title} | {'; '.join(_markdown(b) for b in w.card)} |" for w in weeks_
    ]
    return "\n".join(
        [
            f"{README_START}`{README_COMMAND}`; tests/test_course.py checks it -->",
            "",
            "| week | title | topics |",
            "| --- | --- | --- |",
            *rows,
            "",
            README_END,
        ]
    )


def with_readme_table(readme: str, weeks_: list[Week]) -> str:
    """``readme`` with the text between its week-table markers regenerated."""
    start, end = readme.find(README_START), readme.find(README_END)
    if start < 0 or end < start:
        raise ValueError(f"the README has no week-table markers ({README_START!r} ...)")
    return readme[:start] + readme_table(weeks_) + readme[end + len(README_END) :]


def _cards_directive() -> Any:
    # made when Sphinx loads the extension: the README command runs without Sphinx
    from docutils.parsers.rst.states import RSTState
    from sphinx.util.docutils import SphinxDirective

    class WeekCards(SphinxDirective):
        """One card per week (``.. ee4414-week-cards::``), linking to the week's page."""

        def run(self) -> list[Any]:
            if not isinstance(self.state, RSTState):
                raise self.error(
                    "ee4414-week-cards writes reStructuredText: in a MyST page, put it "
                    "inside an {eval-rst} block"
                )
            conf = self.config.sphinx_gallery_conf
            examples = Path(self.env.srcdir, conf["examples_dirs"][0])
            for week in weeks(examples):
                self.env.note_dependency(str(week / HEADER))
            text = cards_rst(course(examples), conf["gallery_dirs"][0])
            return self.parse_text_to_nodes(text, offset=self.content_offset)

    return WeekCards


def setup(app: Any) -> dict[str, Any]:
    """Register ``.. ee4414-week-cards::``."""
    app.add_directive("ee4414-week-cards", _cards_directive())
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def main(argv: list[str]) -> int:
    """Rewrite the README's week table from the examples (``--check``: only compare)."""
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(Path(__file__).parent))
    readme = root / "README.md"
    old = readme.read_text(encoding="utf-8")
    new = with_readme_table(old, course(root / "examples"))
    if "--check" in argv:
        if new != old:
            print(f"README.md: the week table is out of date; run {README_COMMAND}")
            return 1
        return 0
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
