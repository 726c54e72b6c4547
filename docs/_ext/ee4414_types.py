"""NumPy-style types with shapes become a linked type plus a literal shape.

The library's docstrings write types as ``x : torch.Tensor, shape (*, in_features, 1),
optional``. Napoleon's own type preprocessing (``napoleon_preprocess_types``) splits that
at every ``", "``, inside the shape too, and makes ``shape (*`` a class reference that
nitpicky mode rejects; so it stays off, and this extension (one
``autodoc-process-docstring`` hook, after napoleon) rewrites the type fields napoleon
produced: each word that names a type becomes a reference (short names through
``ee4414_public_names.SHORT_NAMES``, bare public names of ``ee4414`` to their API
page), literals become code, the shape becomes a literal ``(*, in_features, 1)``, and
``:ivar a, b:`` becomes one field per name.
"""

from __future__ import annotations

import re
from typing import Any

from ee4414_public_names import SHORT_NAMES, public_ee4414_names
from sphinx.application import Sphinx

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
_DOTTED = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+$")


def _type_role(word: str, public: set[str]) -> str | None:
    if word in _BUILTINS:
        return f":py:obj:`{word}`"
    if word in SHORT_NAMES:
        return f":py:obj:`~{SHORT_NAMES[word]}`"
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


def _process_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Rewrite the type fields napoleon produced (runs after napoleon)."""
    public = public_ee4414_names()
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


def setup(app: Sphinx) -> dict[str, Any]:
    # after sphinx.ext.napoleon (priority 500) has turned sections into fields
    app.connect("autodoc-process-docstring", _process_docstring, priority=600)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
