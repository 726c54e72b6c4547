"""Where the built site lives: its public address and the GitHub repository behind it.

Both come from one place, :func:`hosting`, read once by ``conf.py``. The notebooks' first
cell installs the library from ``<site>/wheels/``, and the "Open in Colab" buttons open
notebooks from the repository's ``gh-pages`` branch, so both must name the copy of the
site a student is reading, a fork's included. In order of precedence:

1. ``EE4414_SITE_URL`` and ``EE4414_GITHUB``, set by hand (e.g. for a local test server);
2. Read the Docs' own variables (``READTHEDOCS_CANONICAL_URL``,
   ``READTHEDOCS_GIT_CLONE_URL``);
3. GitHub Actions' ``GITHUB_REPOSITORY`` (``OWNER/REPO`` is published at
   ``https://OWNER.github.io/REPO/``, and ``OWNER.github.io`` at the domain's root);
4. the project's own repository, :data:`DEFAULT_GITHUB`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_GITHUB = "ee4414/ee4414"
_REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$")
_CLONE_URL = re.compile(r"github\.com[:/](?P<repo>[^/]+/[^/]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class Hosting:
    """The site's public address (ends with ``/``) and its ``OWNER/REPO`` on GitHub."""

    site_url: str
    github: str

    def url(self, path: str) -> str:
        """The public address of ``path`` inside the site, e.g. ``wheels/index.html``."""
        return self.site_url + path.lstrip("/")


def pages_url(github: str) -> str:
    """GitHub Pages' address for a repository: ``https://OWNER.github.io/REPO/``."""
    owner, repo = github.split("/")
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if repo.lower() == host else f"https://{host}/{repo}/"


def _check_repo(github: str, source: str) -> str:
    if not _REPO.match(github):
        raise ValueError(f"{source} must be OWNER/REPO (e.g. {DEFAULT_GITHUB!r}); got {github!r}")
    return github


def _check_url(url: str, source: str) -> str:
    if not re.match(r"^https?://[^/\s]+", url):
        raise ValueError(f"{source} must be an http(s) address; got {url!r}")
    return url if url.endswith("/") else url + "/"


def hosting(env: Mapping[str, str]) -> Hosting:
    """Read where the site is published from the environment ``env`` (see above).

    Raises
    ------
    ValueError
        When ``EE4414_GITHUB`` is not ``OWNER/REPO`` or ``EE4414_SITE_URL`` is not an
        http(s) address.
    """
    github = DEFAULT_GITHUB
    if env.get("EE4414_GITHUB"):
        github = _check_repo(env["EE4414_GITHUB"].strip(), "EE4414_GITHUB")
    elif m := _CLONE_URL.search(env.get("READTHEDOCS_GIT_CLONE_URL", "")):
        github = m.group("repo")
    elif env.get("GITHUB_REPOSITORY"):
        github = _check_repo(env["GITHUB_REPOSITORY"], "GITHUB_REPOSITORY")

    if env.get("EE4414_SITE_URL"):
        site_url = _check_url(env["EE4414_SITE_URL"].strip(), "EE4414_SITE_URL")
    elif env.get("READTHEDOCS_CANONICAL_URL"):
        site_url = _check_url(env["READTHEDOCS_CANONICAL_URL"], "READTHEDOCS_CANONICAL_URL")
    else:
        site_url = pages_url(github)
    return Hosting(site_url=site_url, github=github)
