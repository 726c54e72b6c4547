"""The first cell of every notebook: install the course library the page was built with.

A notebook downloaded from the site runs wherever a student opens it: Google Colab, a
fresh virtual environment with only PyTorch, or a lab PC without internet. Its first cell
(sphinx-gallery's ``first_notebook_cell``, also used by the exercise notebooks) makes sure
the kernel has *this build's* ``ee4414``:

- when ``ee4414`` is missing or is another version (a reused Colab runtime), it installs
  the wheel that was published with the site, ``<site>/wheels/ee4414-<version>-...whl``,
  or, when the notebook sits next to that wheel (the offline week zips), that file;
- it leaves PyTorch alone: pip only adds what is missing, so Colab's own torch stays;
- it prints one line saying what it did, and when it cannot install it says why in a
  sentence (which address it tried, and what to do) instead of pip's traceback.
"""

from __future__ import annotations


def wheel_name(version: str) -> str:
    """The file name of the library's wheel: ``ee4414-<version>-py3-none-any.whl``."""
    return f"ee4414-{version}-py3-none-any.whl"


def install_cell(version: str, site_url: str) -> str:
    """Source of the set-up cell for notebooks built with ``ee4414`` ``version``.

    Parameters
    ----------
    version : str
        The library's version, ``ee4414.__version__`` at build time.
    site_url : str
        The site's public address, ending in ``/``; the wheel is under ``wheels/``.
    """
    if not site_url.endswith("/"):
        raise ValueError(f"site_url must end with '/'; got {site_url!r}")
    return _TEMPLATE.format(version=version, wheel=wheel_name(version), site=site_url)


_TEMPLATE = '''\
# Set-up: install the course library, ee4414 {version} (the version this page was
# built with), unless this Python already has it: from a wheel next to this notebook
# (the offline week zips), otherwise from the course site. PyTorch is left as it is.
import importlib.metadata
import importlib.util
import pathlib
import subprocess
import sys

EE4414_VERSION = "{version}"
EE4414_WHEEL = "{wheel}"
EE4414_SITE = "{site}"


class SetupError(Exception):
    """The set-up failed; shown as one sentence instead of a traceback."""

    def _render_traceback_(self):
        return [f"SetupError: {{self}}"]


def install_ee4414():
    """Install ee4414 where it is missing or another version; return what was done."""
    if sys.version_info < (3, 10):
        raise SetupError(
            f"ee4414 needs Python 3.10 or newer; this kernel runs {{sys.version.split()[0]}}."
        )
    try:
        had = importlib.metadata.version("ee4414")
    except importlib.metadata.PackageNotFoundError:
        had = None
    if had == EE4414_VERSION:
        return f"ee4414 {{had}} is already installed."
    if importlib.util.find_spec("torch") is None:
        raise SetupError(
            "PyTorch is not installed in this Python: install it first, as the course "
            f"site's getting-started page shows ({{EE4414_SITE}}getting-started.html)."
        )
    wheel = pathlib.Path(EE4414_WHEEL)
    source = str(wheel.resolve()) if wheel.is_file() else f"{{EE4414_SITE}}wheels/{{EE4414_WHEEL}}"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    pip += ["--retries", "2"]  # an unreachable site fails in seconds, not a minute
    done = subprocess.run([*pip, source], capture_output=True, text=True)
    if done.returncode != 0:
        reason = ([""] + done.stderr.strip().splitlines())[-1].removeprefix("ERROR: ")[:200]
        raise SetupError(
            f"Could not install ee4414 {{EE4414_VERSION}} from {{source}} "
            f"({{reason or 'pip failed'}}). "
            "Without internet, download this week's zip from the course site and open "
            "the notebook from the unzipped folder, next to its wheel."
        )
    note = f" in place of {{had}}" if had else ""
    if had and "ee4414" in sys.modules:
        note += "; restart the kernel (Colab: Runtime > Restart session) to use it"
    return f"Installed ee4414 {{EE4414_VERSION}}{{note}} from {{source}}."


print(install_ee4414())
%matplotlib inline
'''
