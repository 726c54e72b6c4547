"""References to private or short spellings resolve to the public, documented name.

Type hints and docstrings name classes as Python sees them (``torch._tensor.Tensor``,
``matplotlib.axes._axes.Axes``, a bare ``Axes`` from a ``TYPE_CHECKING`` import), and
names of ``ee4414`` relative to the module that defines them (``describe`` in
``ee4414.tensors``). One ``missing-reference`` hook, run before intersphinx, points them
at the public names that the inventories and the API reference hold.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: short names used in docstring types, and the public names they stand for
SHORT_NAMES = {
    "tensor": "torch.Tensor",
    "Tensor": "torch.Tensor",
    "Parameter": "torch.nn.Parameter",
    "Module": "torch.nn.Module",
    "Generator": "torch.Generator",
    "callable": "collections.abc.Callable",
    "Callable": "collections.abc.Callable",
    "Sequence": "collections.abc.Sequence",
    "Mapping": "collections.abc.Mapping",
    "Iterable": "collections.abc.Iterable",
    "ndarray": "numpy.ndarray",
    "Axes": "matplotlib.axes.Axes",
    "Figure": "matplotlib.figure.Figure",
    "Line2D": "matplotlib.lines.Line2D",
    "FuncAnimation": "matplotlib.animation.FuncAnimation",
    "PathCollection": "matplotlib.collections.PathCollection",
    "QuadContourSet": "matplotlib.contour.QuadContourSet",
}
#: a reference target as Python or a type hint spells it -> its public name
PUBLIC_NAMES = {
    "nn.Module": "torch.nn.Module",
    "nn.Parameter": "torch.nn.Parameter",
    "np.ndarray": "numpy.ndarray",
    "torch.nn.modules.module.Module": "torch.nn.Module",
    "torch.nn.modules.container.ModuleList": "torch.nn.ModuleList",
    "torch._C.Generator": "torch.Generator",
    "torch._tensor.Tensor": "torch.Tensor",
    "matplotlib.axes._axes.Axes": "matplotlib.axes.Axes",
    "matplotlib.figure.FigureBase": "matplotlib.figure.Figure",
    "numpy.typing.NDArray": "numpy.ndarray",
    "NDArray": "numpy.ndarray",
    **{k: v for k, v in SHORT_NAMES.items() if k[0].isupper()},
}


def public_ee4414_names() -> set[str]:
    """The names that ``ee4414.__all__`` exports (each has its API page)."""
    import ee4414

    return set(ee4414.__all__)


def _public_target(
    app: Sphinx, env: Any, node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve a missing py reference through its public name.

    Known private spellings are retargeted and left to intersphinx (which runs next).
    A name of ``ee4414`` written relative to the module that defines it (``describe``
    in ``ee4414.tensors``, ``History.losses``) is resolved to ``ee4414.<name>``, where
    the API reference documents it.
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    if target in PUBLIC_NAMES:
        node["reftarget"] = PUBLIC_NAMES[target]
        return None
    module = node.get("py:module") or ""
    rest = re.sub(r"^ee4414\.(?:\w+\.)?", "", target)
    if not (module.startswith("ee4414") or target.startswith("ee4414.")):
        return None
    if rest.split(".")[0] not in public_ee4414_names() or f"ee4414.{rest}" == target:
        return None
    domain = env.domains["py"]
    node["reftarget"] = f"ee4414.{rest}"
    found: nodes.Element | None = domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], f"ee4414.{rest}", node, contnode
    )
    if found is None and "." in rest:
        # an attribute documented as a field of its class (``History.losses``): link the class
        owner = "ee4414." + rest.rsplit(".", 1)[0]
        found = domain.resolve_xref(env, node["refdoc"], app.builder, "obj", owner, node, contnode)
    if found is None:
        node["reftarget"] = target
    return found


def setup(app: Sphinx) -> dict[str, Any]:
    # before sphinx.ext.intersphinx (priority 500) looks the target up
    app.connect("missing-reference", _public_target, priority=400)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
