"""The site carries the library its pages import: ``ee4414``'s wheel, from this checkout.

At the start of an HTML build the wheel is built from this checkout (through hatchling's
PEP 517 hook, as pip would) and published inside the site::

    wheels/ee4414-<version>-py3-none-any.whl
    wheels/SHA256SUMS        the wheel's checksum, the one the build stamp shows
    wheels/index.html        the page docs/wheels/index.md: the wheel's link and checksum

so the notebooks' first cell (``ee4414_install``), the getting-started page and the
offline week zips all install exactly the library that computed the pages. A wheel whose
content is unchanged is not rewritten, and while the files it is built from keep the
digest recorded beside the doctrees, the build backend does not even run: an incremental
build stays incremental.

Three directives put the facts on a page, where a code cell would need a kernel:

``.. ee4414-install::``
    the command that installs the published wheel (``:jupyter:`` adds JupyterLab), or
    with ``:torch:`` the one that installs the pinned PyTorch, CPU build;
``.. ee4414-wheel::``
    a link to the wheel (with ``#sha256=``, as pip checks it), its checksum and the
    install command;
``.. ee4414-build-info::``
    a table of what built this copy of the site: Python, PyTorch, ee4414, the wheel's
    SHA-256 and the device the library picked.
"""

from __future__ import annotations

import contextlib
import hashlib
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from ee4414_install import wheel_name
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
WHEELS = "wheels"


@dataclass(frozen=True)
class Wheel:
    """A wheel published with the site: its file name and SHA-256."""

    name: str
    sha256: str

    @property
    def short(self) -> str:
        """The first 12 hex digits of the checksum, enough to tell builds apart."""
        return self.sha256[:12]


def build_wheel(project: Path, out: Path) -> Path:
    """Build ``project``'s wheel into the folder ``out`` and return its path.

    Raises
    ------
    RuntimeError
        When the build backend fails; its output is part of the message.
    """
    out.mkdir(parents=True, exist_ok=True)
    hook = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"
    done = subprocess.run(
        [sys.executable, "-c", hook, str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"building the ee4414 wheel failed:\n{done.stdout}{done.stderr}")
    return out / done.stdout.strip().splitlines()[-1]


def sha256(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wheel_inputs(project: Path) -> str:
    """A SHA-256 over everything the wheel is built from: metadata, README, the package.

    Two builds with the same digest make the same wheel, so the second need not run the
    build backend at all.
    """
    digest = hashlib.sha256()
    package = sorted(
        p for p in (project / "src").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    for path in [project / "pyproject.toml", project / "README.md", *package]:
        digest.update(path.relative_to(project).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def publish(project: Path, site: Path, version: str, stamp: Path | None = None) -> Wheel:
    """Build the wheel and put it and its checksum under ``site/wheels``.

    An unchanged wheel (same checksum) is left as it was, with its modification time.
    When ``stamp`` (a file outside the site) holds the :func:`wheel_inputs` digest of the
    published wheel, and the sources still have that digest, nothing is built.
    """
    target = site / WHEELS
    inputs = wheel_inputs(project)
    if stamp is not None and stamp.is_file() and stamp.read_text(encoding="utf-8") == inputs:
        with contextlib.suppress(OSError, IndexError):
            wheel = published_wheel(site)
            if wheel.name == wheel_name(version) and (target / wheel.name).is_file():
                return wheel
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        built = build_wheel(project, Path(tmp))
        if built.name != wheel_name(version):
            raise RuntimeError(f"expected the wheel {wheel_name(version)}; built {built.name}")
        wheel = Wheel(built.name, sha256(built))
        published = target / built.name
        if not published.is_file() or sha256(published) != wheel.sha256:
            for old in target.glob("ee4414-*.whl"):
                old.unlink()
            shutil.copyfile(built, published)
    (target / "SHA256SUMS").write_text(f"{wheel.sha256}  {wheel.name}\n", encoding="utf-8")
    if stamp is not None:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(inputs, encoding="utf-8")
    return wheel


def published_wheel(site: Path) -> Wheel:
    """The wheel published in a built site, read back from ``wheels/SHA256SUMS``."""
    line = (site / WHEELS / "SHA256SUMS").read_text(encoding="utf-8").split()
    return Wheel(name=line[1], sha256=line[0])


def _on_builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    import ee4414

    stamp = Path(app.doctreedir) / "ee4414-wheel-inputs.sha256"  # not published
    wheel = publish(ROOT, Path(app.outdir), ee4414.__version__, stamp)
    logger.info(f"ee4414: published {WHEELS}/{wheel.name} (sha256 {wheel.short})")


def wheel_url(app: Sphinx) -> str:
    """The public address of this build's wheel."""
    import ee4414

    return f"{app.config.ee4414_site_url}{WHEELS}/{wheel_name(ee4414.__version__)}"


class InstallCommand(SphinxDirective):
    """A shell command: install the published wheel, or (``:torch:``) the pinned PyTorch."""

    option_spec = {"jupyter": directives.flag, "torch": directives.flag}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        config = self.env.app.config
        if "torch" in self.options:
            command = (
                f"$ pip install torch=={config.ee4414_torch} "
                f"--index-url {config.ee4414_torch_cpu_index}"
            )
        else:
            extra = " jupyterlab" if "jupyter" in self.options else ""
            command = f"$ pip install {wheel_url(self.env.app)}{extra}"
        return [nodes.literal_block(command, command, language="console")]


class WheelLink(SphinxDirective):
    """The published wheel as a link (with its SHA-256, as pip reads it) and its checksum."""

    def run(self) -> list[nodes.Node]:
        site = Path(self.env.app.outdir)
        self.env.note_dependency(str(site / WHEELS / "SHA256SUMS"))
        wheel = published_wheel(site)
        here = self.env.app.builder.get_target_uri(self.env.docname)
        href = relative_uri(here, f"{WHEELS}/{wheel.name}") + f"#sha256={wheel.sha256}"
        html = (
            f'<ul><li><a class="reference download" href="{escape(href)}">'
            f"<code>{escape(wheel.name)}</code></a></li></ul>\n"
            f'<p>SHA-256: <code class="ee4414-checksum">{wheel.sha256}</code></p>'
        )
        command = f"$ pip install {wheel_url(self.env.app)}"
        return [
            nodes.raw("", html, format="html"),
            nodes.literal_block(command, command, language="console"),
        ]


class BuildInfo(SphinxDirective):
    """A table of the versions that built the site, and the wheel's checksum."""

    def run(self) -> list[nodes.Node]:
        import torch

        import ee4414

        site = Path(self.env.app.outdir)
        sums = site / WHEELS / "SHA256SUMS"
        self.env.note_dependency(str(sums))  # a new wheel re-reads this page
        wheel = published_wheel(site)
        rows = [
            ("Python", platform.python_version()),
            ("PyTorch", torch.__version__),
            ("ee4414", ee4414.__version__),
            (f"{wheel.name} SHA-256", wheel.sha256),
            ("device", str(ee4414.resolve_device("auto"))),
        ]
        return [_table(["what", "value"], rows)]


def _table(header: list[str], rows: list[tuple[str, str]]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(header))
    table += group
    group += [nodes.colspec(colwidth=1) for _ in header]
    head, body = nodes.thead(), nodes.tbody()
    group += [head, body]
    for parent, cells in [(head, header), *((body, list(r)) for r in rows)]:
        row = nodes.row()
        for i, text in enumerate(cells):
            inner = nodes.literal(text, text) if parent is body and i else nodes.Text(text)
            row += nodes.entry("", nodes.paragraph("", "", inner))
        parent += row
    return table


def setup(app: Sphinx) -> dict[str, Any]:
    """Publish the wheel with every HTML build; register the two directives."""
    app.add_config_value("ee4414_site_url", "https://ee4414.github.io/ee4414/", "html")
    app.add_config_value("ee4414_torch", "", "html")  # from pyproject.toml's [tool.ee4414]
    app.add_config_value("ee4414_torch_cpu_index", "", "html")
    app.connect("builder-inited", _on_builder_inited)
    app.add_directive("ee4414-install", InstallCommand)
    app.add_directive("ee4414-build-info", BuildInfo)
    app.add_directive("ee4414-wheel", WheelLink)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
