"""Dataclass signatures that Sphinx can parse: ``= []`` instead of ``= <factory>``.

``<factory>`` (what :mod:`inspect` shows for ``field(default_factory=list)``) is not
Python, so Sphinx cannot parse the signature and would split its annotations at every
comma. One ``autodoc-process-signature`` hook shows the factory's value instead.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sphinx.application import Sphinx


def _dataclass_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Replace each ``<factory>`` with the repr of what its factory makes."""
    if not signature or "<factory>" not in signature or not dataclasses.is_dataclass(obj):
        return None
    for f in dataclasses.fields(obj):
        if f.default_factory is not dataclasses.MISSING:
            try:
                shown = repr(f.default_factory())
            except Exception:
                shown = "..."
            signature = signature.replace("<factory>", shown, 1)
    return signature, return_annotation


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-process-signature", _dataclass_signature)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
