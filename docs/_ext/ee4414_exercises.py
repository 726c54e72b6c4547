"""Exercise notebooks: each example with its answer code replaced by a scaffold.

Every example marks the code the student is asked to write::

    # sphinx_gallery_ee4414_answer_start
    a = torch.tensor([[1], [3], [5]], dtype=torch.float32)
    # sphinx_gallery_ee4414_answer_end

sphinx-gallery drops these flag comments from the page and the solution notebook. Here,
after the HTML build, each example is turned into an *exercise* notebook: the marked
statements become ``# TODO`` scaffolds (names kept, answers removed) and a self-check
cell, ``ee4414.check("W1-1.2", a=a)``, follows the last one. Exercise and solution come
from the same source, so they cannot drift apart.

Written to the built site:

- ``exercises/weekN/<example>_exercise.ipynb``, one per example;
- ``exercises/weekN-exercises.zip`` and ``exercises/weekN-solutions.zip``, each one
  folder with the notebooks, the library's wheel and a README, for offline work.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ee4414_course import exercise_id, weeks
from ee4414_reveal import hold_back

START = re.compile(r"^[ \t]*#\s*sphinx_gallery_ee4414_answer_start[ \t]*$", re.M)
END = re.compile(r"^[ \t]*#\s*sphinx_gallery_ee4414_answer_end[ \t]*$", re.M)
ANSWER = re.compile(
    START.pattern + r"\n(?P<body>.*?)^[ \t]*#\s*sphinx_gallery_ee4414_answer_end[ \t]*\n?",
    re.M | re.S,
)
TODO = "...  # TODO: your code"
INTRO = (
    "**Exercise notebook.** Replace each `# TODO` with your own code, run the cells in "
    "order, and finish with the self-check cell: it prints *correct* or a hint. The "
    "worked solution is on the course site."
)


def scaffold(code: str) -> str:
    """Replace the answers in ``code`` (top-level statements) with ``# TODO`` scaffolds.

    Each scaffold is a ``# TODO`` comment that says what to write, followed by a
    ``raise NotImplementedError(...)`` that repeats it: a notebook run top to bottom
    before it is answered stops at the first unanswered TODO, with that message, instead
    of failing cells later on a placeholder value. Assignments name their targets
    (``# TODO: a = <your code>``), functions and classes keep their signatures and
    docstrings and raise when called, any other statement says what kind it is.
    """
    source = textwrap.dedent(code)
    tree = ast.parse(source)
    out: list[str] = []
    for i, node in enumerate(tree.body):
        is_def = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        if i and (is_def or isinstance(tree.body[i - 1], _DEFS)):
            out.append("\n")  # a blank line around functions and classes
        out.append(_scaffold_node(node, source))
    return "\n".join(out).replace("\n\n\n", "\n\n") + "\n"


_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _todo(indent: str, what: str) -> str:
    """A ``# TODO`` comment and a ``raise`` that stops the cell until it is answered."""
    message = f"TODO: {what}, in place of this line (see the exercise above)"
    return f"{indent}# TODO: {what}\n{indent}raise NotImplementedError({message!r})"


def _scaffold_node(node: ast.stmt, source: str, indent: str = "") -> str:
    if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
        targets = " = ".join(ast.unparse(t) for t in node.targets)
        return _todo(indent, f"write {targets} = <your code>")
    if isinstance(node, (ast.Assign, ast.AugAssign)):
        # z[0] = 1 or w.data = ...: the target itself would give the answer away
        names = sorted(
            {n.id for t in _targets(node) for n in ast.walk(t) if isinstance(n, ast.Name)}
        )
        return _todo(indent, f"update {', '.join(names) or 'the variable'}")
    if isinstance(node, ast.AnnAssign):
        return _todo(indent, f"write {ast.unparse(node.target)} = <your code>")
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return _def_stub(node, indent)
    if isinstance(node, ast.ClassDef):
        bases = ", ".join(ast.unparse(b) for b in node.bases)
        out = [f"{indent}class {node.name}({bases}):" if bases else f"{indent}class {node.name}:"]
        doc = ast.get_docstring(node)
        if doc:
            out.append(_docstring(doc, indent + "    "))
        methods = [n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for method in methods:
            out.append("")
            out.append(_def_stub(method, indent + "    "))
        if not methods and not doc:
            out.append(_todo(indent + "    ", f"write the body of class {node.name}"))
        return "\n".join(out)
    if isinstance(node, ast.Expr) and _is_print(node):
        return indent + ast.unparse(node)
    kind = {
        ast.For: "a for loop",
        ast.While: "a while loop",
        ast.With: "a with-block",
        ast.If: "an if-statement",
        ast.Expr: "a call",
    }.get(type(node), "a statement")
    return _todo(indent, f"write {kind}")


def _targets(node: ast.Assign | ast.AugAssign) -> list[ast.expr]:
    return list(node.targets) if isinstance(node, ast.Assign) else [node.target]


def drop_asserts(code: str) -> str:
    """Remove ``assert`` statements: they would reveal (and enforce) the answers.

    A top-level assert disappears; one nested in a block becomes ``pass``, so the block
    stays valid Python.
    """
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return code
    top = {id(node) for node in tree.body}
    asserts = [n for n in ast.walk(tree) if isinstance(n, ast.Assert) and n.end_lineno]
    lines = code.splitlines(keepends=True)
    for node in sorted(asserts, key=lambda n: n.lineno, reverse=True):
        indent = " " * node.col_offset
        keep = [] if id(node) in top else [f"{indent}pass\n"]
        lines[node.lineno - 1 : node.end_lineno] = keep
    return "".join(lines)


def _def_stub(node: ast.FunctionDef | ast.AsyncFunctionDef, indent: str) -> str:
    decorators = [f"{indent}@{ast.unparse(d)}" for d in node.decorator_list]
    returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
    head = "async def" if isinstance(node, ast.AsyncFunctionDef) else "def"
    out = [*decorators, f"{indent}{head} {node.name}({ast.unparse(node.args)}){returns}:"]
    doc = ast.get_docstring(node)
    if doc:
        out.append(_docstring(doc, indent + "    "))
    out.append(_todo(indent + "    ", f"write the body of {node.name}({ast.unparse(node.args)})"))
    return "\n".join(out)


def _docstring(doc: str, indent: str) -> str:
    body = textwrap.indent(doc, indent).lstrip()
    return f'{indent}"""{body}"""' if "\n" not in doc else f'{indent}"""{body}\n{indent}"""'


def _is_print(node: ast.Expr) -> bool:
    call = node.value
    return (
        isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "print"
    )


def answer_blocks(code: str) -> Iterator[str]:
    """Yield the code between each pair of answer markers."""
    for match in ANSWER.finditer(code):
        yield match.group("body")


def strip_answers(code: str) -> tuple[str, bool]:
    """Replace each marked answer in a code block by its scaffold; say if any was found."""
    if len(START.findall(code)) != len(END.findall(code)):
        raise ValueError(f"unbalanced answer markers in:\n{code}")
    found = bool(START.search(code))

    def replace(match: re.Match[str]) -> str:
        body = match.group("body")
        indent = re.match(r"[ \t]*", body).group(0) if body.strip() else ""  # type: ignore[union-attr]
        return textwrap.indent(scaffold(body), indent)

    return ANSWER.sub(replace, code), found


def exercise_blocks(blocks: list[Any], check_call: str, *, keep_answers: bool = False) -> list[Any]:
    """Turn the script blocks of an example into those of its exercise notebook.

    ``blocks`` are sphinx-gallery ``Block(label, content, lineno)`` tuples. Answers become
    scaffolds, ``assert`` checks are dropped (the self-check replaces them), and a
    self-check block ``check_call`` is inserted after the last block that held an answer.
    Narrative marked as revealing the answer (see ``ee4414_reveal``) moves from before
    the self-check to a *worked answer* cell right after it. A marker that sphinx-gallery
    read as part of a text block (no blank line between the text and the marker) is an
    error, reported with the block's line number.
    """
    for label, content, lineno in blocks:
        if label != "code" and "sphinx_gallery_ee4414_answer_" in content:
            raise ValueError(
                f"line {lineno}: an answer marker follows a text cell directly; put a blank "
                "line between the text's comment lines and the marker"
            )
    out: list[Any] = []
    last = -1
    for label, content, lineno in blocks:
        if label == "code":
            found = bool(START.search(content))
            if not keep_answers:
                content, _ = strip_answers(content)
                content = drop_asserts(content)
            if found:
                last = len(out)
        out.append(type(blocks[0])(label, content, lineno))
    if last < 0:
        raise ValueError("the example marks no answer code (sphinx_gallery_ee4414_answer_start)")
    check = type(blocks[0])("code", check_call, out[last].lineno)
    out = [*out[: last + 1], check, *out[last + 1 :]]
    # text that works out the answer (reveal markers) waits until after the self-check
    return out if keep_answers else hold_back(out, last + 1)


def notebook_conf(first_cell: str | None, src_dir: Path) -> dict[str, Any]:
    """The part of sphinx-gallery's configuration that writing a notebook reads."""
    from sphinx_gallery.gen_gallery import DEFAULT_GALLERY_CONF

    conf = dict(DEFAULT_GALLERY_CONF)
    conf.update(first_notebook_cell=first_cell, src_dir=str(src_dir), remove_config_comments=True)
    return conf


def example_notebook(src: Path, gallery_conf: dict[str, Any], *, exercise: bool) -> dict[str, Any]:
    """Build the notebook of one example: the solution, or the exercise version.

    The solution is what sphinx-gallery offers for download (plus, here, the self-check
    cell, which passes on the worked answer); the exercise has scaffolds instead of
    answers and no ``assert`` checks.
    """
    from ee4414_notebook_text import convert_notebook, resolver
    from sphinx_gallery.notebook import add_markdown_cell, jupyter_notebook
    from sphinx_gallery.py_source_parser import remove_config_comments, split_code_and_text_blocks

    from ee4414.selfcheck import exercises

    ex = exercise_id(src.stem)
    checks = exercises()
    if ex not in checks:
        raise ValueError(f"{src.name}: no self-check for {ex} in ee4414.selfcheck")
    _, blocks = split_code_and_text_blocks(str(src))
    blocks = exercise_blocks(blocks, check_call(ex, checks[ex]), keep_answers=not exercise)
    blocks = [type(b)(b.type, remove_config_comments(b.content), b.lineno) for b in blocks]
    notebook: dict[str, Any] = jupyter_notebook(blocks, gallery_conf, src.parent)
    convert_notebook(notebook, resolver(), page=f"auto_examples/{src.parent.name}/{src.stem}")
    if exercise:
        intro: dict[str, Any] = {"cells": []}
        add_markdown_cell(intro, INTRO)
        first = 1 if gallery_conf.get("first_notebook_cell") else 0
        notebook["cells"][first + 1 : first + 1] = intro["cells"]
    return notebook


def check_call(exercise: str, names: list[str]) -> str:
    """The self-check cell: ``ee4414.check("W1-1.2", a=a)``."""
    args = "".join(f", {name}={name}" for name in names)
    return (
        "# Self-check: prints 'correct', or a hint.\n"
        f"import ee4414\n\nee4414.check({exercise!r}{args})\n"
    )


def build_exercise_notebooks(
    examples_dir: Path,
    gallery_dir: Path,
    out_dir: Path,
    gallery_conf: dict[str, Any],
    wheel: Path | None = None,
    cache: Path | None = None,
    site: str = "",
) -> list[Path]:
    """Write the exercise notebooks and the per-week zips; return the notebooks written.

    Each zip unpacks into one folder holding the week's notebooks and, when ``wheel`` is
    given, the library's wheel and a README: the notebooks' first cell installs that
    wheel, so the folder works without internet.

    With ``cache`` (a JSON file outside the site), a notebook is made again only when
    its example, or what all notebooks are made from (:func:`_recipe_digest`; ``site``
    is the site's address), changed since it was written, and a zip only when one of its
    files is newer than it: a rebuild after one example changed redoes that example's
    notebook and its week's zips.
    """
    known = _load_json(cache)
    recipe = _recipe_digest(gallery_conf, site)
    written = []
    for week_dir in weeks(examples_dir):  # the course's weeks (ee4414_course)
        target = out_dir / "exercises" / week_dir.name
        target.mkdir(parents=True, exist_ok=True)
        notebooks = []
        for src in sorted(week_dir.glob("plot_*.py")):
            path = target / f"{src.stem}_exercise.ipynb"
            notebooks.append(path)
            key = hashlib.sha256(recipe.encode() + src.read_bytes()).hexdigest()
            if path.is_file() and known.get(path.name) == key:
                continue
            notebook = example_notebook(src, gallery_conf, exercise=True)
            path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
            known[path.name] = key
            written.append(path)
        solutions = sorted((gallery_dir / week_dir.name).glob("plot_*.ipynb"))
        for kind, files in (("exercises", notebooks), ("solutions", solutions)):
            name = f"{week_dir.name}-{kind}"
            archive = out_dir / "exercises" / f"{name}.zip"
            if _is_newer_than(archive, [*files, *([wheel] if wheel else [])]):
                continue
            readme = offline_readme(week_dir.name, kind, wheel.name) if wheel else None
            _zip(archive, name, files, wheel, readme)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(known, indent=0, sort_keys=True), encoding="utf-8")
    return written


def _recipe_digest(gallery_conf: dict[str, Any], site: str) -> str:
    """What every exercise notebook depends on besides its example's source.

    The code that makes notebooks (``docs/_ext``), the inventories and the library whose
    names become links, the self-checks (``ee4414``), the cells the gallery adds, and
    the site's address.
    """
    import ee4414

    here = Path(__file__).resolve().parent
    files = [
        *sorted(here.glob("*.py")),
        *sorted((here.parent / "_intersphinx").glob("*.inv")),
        *sorted(Path(ee4414.__file__).parent.rglob("*.py")),
    ]
    digest = hashlib.sha256(site.encode())
    for path in files:
        digest.update(path.read_bytes())
    for name in ("first_notebook_cell", "last_notebook_cell"):
        digest.update(repr(gallery_conf.get(name)).encode())
    return digest.hexdigest()


def _load_json(path: Path | None) -> dict[str, str]:
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _is_newer_than(path: Path, sources: list[Path]) -> bool:
    """Whether ``path`` exists and none of ``sources`` was modified after it."""
    if not path.is_file():
        return False
    made = path.stat().st_mtime_ns
    return all(source.stat().st_mtime_ns <= made for source in sources)


def offline_readme(week: str, kind: str, wheel: str) -> str:
    """The README of a week's zip: how to run its notebooks without internet."""
    title = f"EE4414 {week.replace('week', 'week ')}: {kind} as Jupyter notebooks"
    return f"""{title}
{"=" * len(title)}

This folder works without internet. You need Python 3.10 or newer with PyTorch,
NumPy, Matplotlib and Jupyter installed (the course site's getting-started page
shows how).

1. Open a terminal in this folder and install the course library from the wheel
   that came with the notebooks:

       pip install ./{wheel}

2. Start Jupyter here (`jupyter lab`) and open a notebook. Run the cells in order.

The first cell of every notebook checks for the library and, where it is missing,
installs this same wheel by itself, so step 1 is only needed once, and not at all
on Google Colab (upload the notebook there; it then installs from the course site).
"""


def _zip(
    path: Path, folder: str, files: list[Path], wheel: Path | None, readme: str | None
) -> None:
    entries = [(f.name, f.read_bytes()) for f in files]
    if wheel is not None:
        entries.append((wheel.name, wheel.read_bytes()))
    if readme is not None:
        entries.append(("README.txt", readme.encode("utf-8")))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            zf.writestr(info, data, zipfile.ZIP_DEFLATED)  # fixed dates: reproducible


def _on_build_finished(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    conf = app.config.sphinx_gallery_conf
    src = Path(app.srcdir)
    examples = (src / conf["examples_dirs"][0]).resolve()
    gallery = (src / conf["gallery_dirs"][0]).resolve()
    wheels = sorted((Path(app.outdir) / "wheels").glob("ee4414-*.whl"))
    wheel = wheels[-1] if wheels else None
    cache = Path(app.doctreedir) / "ee4414-exercises.json"  # not published
    written = build_exercise_notebooks(
        examples, gallery, Path(app.outdir), conf, wheel, cache, site=app.config.html_baseurl
    )
    from sphinx.util import logging

    logging.getLogger(__name__).info(
        f"ee4414: wrote {len(written)} exercise notebooks"
        f" ({len(list(examples.glob('*/plot_*.py'))) - len(written)} were current)"
    )


def setup(app: Any) -> dict[str, Any]:
    """Register the exercise-notebook writer with Sphinx."""
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
