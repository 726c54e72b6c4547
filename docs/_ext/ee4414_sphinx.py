"""Local Sphinx helpers for the EE4414 site.

Four small jobs, each hooked to one Sphinx event:

* ``exercise_order``: the sphinx-gallery sort key that puts examples in course order
  (W5-1.4 before W5-1.4.1, numbered exercises before W2-Eg2 and W2-Ex2).
* Offline pages: sphinx-gallery's execution-times tables ask jQuery and DataTables from
  CDNs, and matplotlib's ``jshtml`` animation player asks Font Awesome from one. The
  first are dropped (the table stays, as a plain table); the second is pointed at the
  copy under ``_static/font-awesome``. After the build every page is scanned, and any
  script, stylesheet, image or frame still loaded from another host is a warning, so
  ``-W`` fails the build.
* NumPy-style types such as ``torch.Tensor, shape (*, in_features, 1)`` are turned into
  a linked type plus a literal shape, so nitpicky mode does not read ``shape`` as a class.
* Private or unqualified spellings of public classes (``torch.nn.modules.module.Module``,
  ``matplotlib.axes._axes.Axes``, a bare ``Axes`` from a ``TYPE_CHECKING`` import) are
  rewritten to the public names that the intersphinx inventories hold.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------
# Course order for the gallery
# --------------------------------------------------------------------------------------
_ID = re.compile(r"^plot_w\d+_(?P<rest>.*)$")
_SPECIAL = {"eg": 0, "ex": 1}


def exercise_order(filename: str) -> tuple[Any, ...]:
    """Sort key: the exercise id read from ``plot_w<week>_<id>_<words>.py``.

    ``plot_w5_1_4_relu.py`` -> (0, (1, 4)); ``plot_w5_1_4_1_sigmoid.py`` ->
    (0, (1, 4, 1)); ``plot_w2_eg2_...`` -> (1, 0, 2); ``plot_w2_ex2_...`` -> (1, 1, 2).
    A tuple that is a prefix of another sorts first, so 1.4 comes before 1.4.1.
    """
    name = Path(filename).name
    m = _ID.match(name)
    if not m:
        return (2, (), name)
    parts = m.group("rest").removesuffix(".py").split("_")
    numbers: list[int] = []
    for part in parts:
        if not part.isdigit():
            break
        numbers.append(int(part))
    if numbers:
        return (0, tuple(numbers), name)
    special = re.fullmatch(r"(eg|ex)(\d+)", parts[0])
    if special:
        return (1, (_SPECIAL[special.group(1)], int(special.group(2))), name)
    return (2, (), name)


# --------------------------------------------------------------------------------------
# Pages that load nothing from other hosts
# --------------------------------------------------------------------------------------
_DATATABLES_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)\.\. raw:: html\n(?:(?P=indent)[ \t]+.*\n|[ \t]*\n)*?"
    r"(?P=indent)[ \t]+</script>\n",
    re.MULTILINE,
)
_FONT_AWESOME_CDN = re.compile(
    r"https?://[a-z0-9.-]+/(?:ajax/libs/)?font-awesome/[0-9.]+/css/font-awesome(?:\.min)?\.css"
)
_FONT_AWESOME_LOCAL = "_static/font-awesome/css/font-awesome.min.css"
# a tag that makes the browser fetch something as the page loads
_LOADS = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\bsrc=[\"'](https?:)?//"
    r"|<link\b[^>]*?\bhref=[\"'](https?:)?//[^\"']*[\"'][^>]*?\brel=[\"']?(?:stylesheet|preload|icon)"
    r"|<link\b[^>]*?\brel=[\"']?(?:stylesheet|preload|icon)[\"']?[^>]*?\bhref=[\"'](https?:)?//"
    r"|@import\s+(?:url\()?[\"']?(https?:)?//",
    re.IGNORECASE,
)


def _strip_datatables(app: Sphinx, docname: str, source: list[str]) -> None:
    """Drop the CDN-loading ``raw:: html`` block of sphinx-gallery's timing pages.

    The timing pages are also kept out of the search index (``:nosearch:``): they list
    every example's file name, so they would come near the top of most searches.
    """
    if docname.rsplit("/", 1)[-1] != "sg_execution_times":
        return
    text = source[0]
    if ":nosearch:" not in text:
        text = text.replace(":orphan:\n", ":orphan:\n:nosearch:\n", 1)
    if "cdn.datatables.net" in text or "code.jquery.com" in text:
        text = _DATATABLES_BLOCK.sub("", text, count=1)
        if "cdn.datatables.net" in text:
            logger.warning("could not strip the DataTables block from %s", docname)
    source[0] = _drop_third_column(text)


def _drop_third_column(text: str) -> str:
    """Memory is not measured (``show_memory`` is off): drop the table's column of zeros."""
    out, item = [], 0
    for line in text.splitlines(keepends=True):
        if line.startswith("   * - "):
            item = 1
        elif line.startswith("     - ") and item:
            item += 1
            if item == 3:
                continue
        out.append(line)
    return "".join(out)


def _local_font_awesome(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Point matplotlib's animation player at the site's own Font Awesome."""
    body = context.get("body")
    if body and _FONT_AWESOME_CDN.search(body):
        local = context["pathto"](_FONT_AWESOME_LOCAL, 1)
        context["body"] = _FONT_AWESOME_CDN.sub(local, body)


def _check_no_third_party_loads(app: Sphinx, exception: Exception | None) -> None:
    """Warn for every built page that still loads a resource from another host."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for page in sorted(outdir.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        for m in _LOADS.finditer(text):
            snippet = text[m.start() : m.start() + 160].replace("\n", " ")
            logger.warning("%s loads from another host: %s", page.relative_to(outdir), snippet)


# --------------------------------------------------------------------------------------
# NumPy-style types with shapes
# --------------------------------------------------------------------------------------
_SHAPE = re.compile(r"\bshape\s*(\((?:[^()]|\([^()]*\))*\))")
_TYPE_LINE = re.compile(r"^(?P<lead>\s*:(?:type \S+|vartype \S+|rtype)): (?P<spec>.+)$")
_EMPH_TYPE = re.compile(r"\(\*(?P<spec>.+)\*\)(?P<tail> -- |$)")
_ATTR_TYPE = re.compile(r"^(?P<lead>\s+:type: )(?P<spec>.+)$")
_SPLIT = re.compile(r"(,\s*|\s+or\s+|\s+of\s+|\s*\|\s*)")
_BUILTINS = {
    "int",
    "float",
    "str",
    "bool",
    "list",
    "tuple",
    "dict",
    "set",
    "complex",
    "bytes",
    "object",
    "type",
    "None",
    "Ellipsis",
}
_ALIASES = {
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
_DOTTED = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+$")


def _type_role(word: str, public: set[str]) -> str | None:
    if word in _BUILTINS:
        return f":py:obj:`{word}`"
    if word in _ALIASES:
        return f":py:obj:`~{_ALIASES[word]}`"
    if word in public:
        return f":py:obj:`~ee4414.{word}`"
    if _DOTTED.match(word):
        return f":py:obj:`~{word}`"
    return None


_LITERAL = re.compile(
    r"^(?P<pre>[{(\[]*)(?P<lit>\"[^\"]*\"|'[^']*'|-?\d+(?:\.\d+)?(?:e-?\d+)?|True|False|None)"
    r"(?P<post>[})\]]*)$"
)


def _convert_word(word: str, public: set[str]) -> tuple[str, bool]:
    """Return reST for one word of a type spec, and whether it is more than plain text."""
    bare = word.strip("([{)]}")
    role = _type_role(bare, public) if bare else None
    if role is not None:
        pre, post = word[: word.index(bare)], word[word.index(bare) + len(bare) :]
        return f"{_escape(pre)}{role}{_escape(post)}", True
    lit = _LITERAL.match(word)
    if lit:
        return f"{lit.group('pre')}``{lit.group('lit')}``{lit.group('post')}", True
    return _escape(word), False


def convert_type_spec(spec: str, public: set[str]) -> str | None:
    """Return reST for a NumPy type spec, or None when Sphinx can link it alone.

    ``torch.Tensor, shape (*, 2, 1), optional`` becomes
    ``:py:obj:`~torch.Tensor`, shape ``(*, 2, 1)``, *optional*``. The result always holds
    some markup, because Sphinx turns every word of a plain-text type into a link.
    """
    shape = _SHAPE.search(spec)
    rest = _SHAPE.sub("", spec) if shape else spec
    optional = bool(re.search(r"(^|,\s*)optional\s*$", rest.strip()))
    rest = re.sub(r",?\s*optional\s*$", "", rest.strip()).strip().rstrip(",").strip()
    words = [w for w in _SPLIT.split(rest) if w and not _SPLIT.fullmatch(w)]
    if (
        shape is None
        and not optional
        and words
        and all(w in _BUILTINS or _DOTTED.match(w) for w in words)
    ):
        return None  # e.g. "torch.nn.Module" or "tuple of int": Sphinx links these itself
    out: list[str] = []
    marked = False
    for piece in _SPLIT.split(rest):
        if not piece:
            continue
        if _SPLIT.fullmatch(piece):
            out.append(piece)
            continue
        converted = [_convert_word(w, public) for w in piece.split(" ") if w]
        marked = marked or any(m for _, m in converted)
        out.append(" ".join(text for text, _ in converted))
    text = "".join(out).strip()
    if text and not marked and shape is None:
        text = f"*{text}*"  # emphasis keeps Sphinx from reading the words as class names
    if shape is not None:
        text += (", " if text else "") + f"shape ``{shape.group(1)}``"
    if optional:
        text += ", *optional*"
    return text


_MULTI = re.compile(
    r"^(?P<indent>\s*):(?P<field>ivar|vartype|param|type) (?P<names>\w+(?:,\s*\w+)+):(?P<rest>.*)$"
)


def _split_multi_names(lines: list[str]) -> list[str]:
    """``:ivar a, b: text`` -> one field per name (Sphinx would read ``a,`` as a type)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _MULTI.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        indent = m.group("indent")
        body = [lines[i]]
        i += 1
        while i < len(lines) and lines[i].startswith(indent + " ") and lines[i].strip():
            body.append(lines[i])
            i += 1
        for name in re.split(r",\s*", m.group("names")):
            first = f"{indent}:{m.group('field')} {name}:{m.group('rest')}"
            out += [first, *body[1:]]
    return out


def _escape(word: str) -> str:
    return re.sub(r"([*`|_\\])", r"\\\1", word)


def _data_doc(name: str, obj: Any) -> list[str]:
    """The ``#:`` comment above a module-level name of ee4414, wherever it is defined."""
    import importlib
    import pkgutil

    from sphinx.pycode import ModuleAnalyzer

    import ee4414

    attr = name.rsplit(".", 1)[-1]
    for info in pkgutil.iter_modules(ee4414.__path__, "ee4414."):
        module = importlib.import_module(info.name)
        if getattr(module, attr, None) is obj:
            docs = ModuleAnalyzer.for_module(info.name).find_attr_docs()
            if ("", attr) in docs:
                return list(docs[("", attr)])
    return []


def _process_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Rewrite the type fields napoleon produced (runs after napoleon)."""
    if what == "data" and not name.startswith("ee4414.__"):
        # a constant re-exported by ee4414/__init__.py has no doc comment there, and
        # autodoc would show the docstring of its type (dict, ...) instead
        type_doc = (type(obj).__doc__ or "").strip()
        if not lines or "\n".join(lines).strip() == type_doc or lines[0] in type_doc:
            lines[:] = _data_doc(name, obj)
    public = set(getattr(__import__("ee4414"), "__all__", []))
    lines[:] = _split_multi_names(lines)
    for i, line in enumerate(lines):
        m = _TYPE_LINE.match(line)
        if m:
            new = convert_type_spec(m.group("spec"), public)
            if new is not None:
                lines[i] = f"{m.group('lead')}: {new}"
            continue
        m = _ATTR_TYPE.match(line)
        if m and _SHAPE.search(m.group("spec")):
            # an attribute's :type: option is parsed as an annotation: keep the type
            # there and move the shape into the description
            spec = m.group("spec")
            shape = _SHAPE.search(spec)
            assert shape is not None
            lines[i] = m.group("lead") + _SHAPE.sub("", spec).strip().rstrip(",").strip()
            indent = m.group("lead")[: len(m.group("lead")) - len(m.group("lead").lstrip())]
            lines.insert(i + 1, "")
            lines.insert(i + 2, f"{indent}Shape ``{shape.group(1)}``.")
            continue
        m = _EMPH_TYPE.search(line)
        if m:
            new = convert_type_spec(m.group("spec"), public)
            if new is not None:
                lines[i] = line[: m.start()] + f"({new})" + m.group("tail") + line[m.end() :]


# --------------------------------------------------------------------------------------
# Public names for private or unqualified spellings
# --------------------------------------------------------------------------------------
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
    **{k: v for k, v in _ALIASES.items() if k[0].isupper()},
}


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
    public = set(getattr(__import__("ee4414"), "__all__", []))
    if rest.split(".")[0] not in public or f"ee4414.{rest}" == target:
        return None
    domain = env.domains["py"]
    node["reftarget"] = f"ee4414.{rest}"
    found = domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], f"ee4414.{rest}", node, contnode
    )
    if found is None and "." in rest:
        # an attribute documented as a field of its class (``History.losses``): link the class
        owner = "ee4414." + rest.rsplit(".", 1)[0]
        found = domain.resolve_xref(env, node["refdoc"], app.builder, "obj", owner, node, contnode)
    if found is None:
        node["reftarget"] = target
    return found


def _dataclass_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show ``field(default_factory=list)`` as ``= []`` rather than ``= <factory>``.

    ``<factory>`` is not Python, so Sphinx cannot parse the signature and would split
    its annotations at every comma.
    """
    import dataclasses

    if not signature or "<factory>" not in signature or not dataclasses.is_dataclass(obj):
        return None
    for f in dataclasses.fields(obj):
        if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
            try:
                shown = repr(f.default_factory())  # type: ignore[misc]
            except Exception:
                shown = "..."
            signature = signature.replace("<factory>", shown, 1)
    return signature, return_annotation


_COURSE_INVENTORIES: dict[str, Any] = {}


def _load_course_inventories(app: Sphinx) -> None:
    from sphinx.util.inventory import InventoryFile

    for name, (base, path) in app.config.ee4414_course_inventories.items():
        data = (Path(app.srcdir) / path).read_bytes()
        _COURSE_INVENTORIES[name] = InventoryFile.loads(data, uri=base).data


def _course_fallback(
    app: Sphinx, env: Any, node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve a py reference that intersphinx left unresolved from the course's lists."""
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    objtypes = env.domains["py"].objtypes_for_role(node.get("reftype", "obj")) or []
    for inventory in _COURSE_INVENTORIES.values():
        for objtype in objtypes:
            item = inventory.get(f"py:{objtype}", {}).get(target)
            if item is not None:
                ref = nodes.reference(
                    "",
                    "",
                    internal=False,
                    refuri=item.uri,
                    reftitle=f"(in {item.project_name} v{item.project_version})",
                )
                ref.append(contnode)
                return ref
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-process-signature", _dataclass_signature)
    app.add_config_value("ee4414_course_inventories", {}, "env", types=frozenset({dict}))
    app.connect("builder-inited", _load_course_inventories)
    # after sphinx.ext.intersphinx: only what the official inventories lack
    app.connect("missing-reference", _course_fallback, priority=900)
    app.connect("source-read", _strip_datatables)
    app.connect("html-page-context", _local_font_awesome)
    app.connect("build-finished", _check_no_third_party_loads)
    # after sphinx.ext.napoleon (priority 500) has turned sections into fields
    app.connect("autodoc-process-docstring", _process_docstring, priority=600)
    # before sphinx.ext.intersphinx (priority 500) looks the target up
    app.connect("missing-reference", _public_target, priority=400)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
