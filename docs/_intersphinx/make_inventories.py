"""Write the small offline intersphinx inventories for torch, numpy and matplotlib.

The site links every ``torch``/``numpy``/``matplotlib`` name in the examples and the API
reference to the official documentation. A build with internet access reads the real
``objects.inv`` of each project; a build without it falls back to the files written here
(see ``intersphinx_mapping`` in ``docs/conf.py``). They list only the names the course
uses, each pointing at the page the real inventory points at.

Run ``python docs/_intersphinx/make_inventories.py`` after adding a name; commit the
``.inv`` files. ``check_inventories.py`` (run by ``nox -s docs``) tests that they load.
The Python inventory (``python.inv``) is the real one, from Debian's ``python3.11-doc``.

Two sources: a hand-made list of the names the course leans on, with the exact page of
each, and then every other public function, class and method of the installed torch,
numpy and matplotlib, on the page their documentation generates for it
(``generated/torch.X.html`` and the like). The hand-made entry wins where both exist.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent

# (name, role) -> page; "$" in a page stands for the name, as in Sphinx's own inventories.
TORCH_FUNCTIONS = [
    "empty",
    "equal",
    "nonzero",
    "permute",
    "abs",
    "allclose",
    "arange",
    "argmax",
    "as_tensor",
    "cat",
    "clamp",
    "clone",
    "eye",
    "exp",
    "flatten",
    "from_numpy",
    "full",
    "isclose",
    "isfinite",
    "linspace",
    "manual_seed",
    "matmul",
    "max",
    "maximum",
    "mean",
    "meshgrid",
    "mul",
    "multiply",
    "ones",
    "ones_like",
    "rand",
    "randint",
    "randn",
    "relu",
    "reshape",
    "sigmoid",
    "sign",
    "squeeze",
    "stack",
    "sum",
    "tanh",
    "tensor",
    "transpose",
    "unsqueeze",
    "where",
    "zeros",
    "zeros_like",
    "get_default_dtype",
    "set_default_dtype",
    "is_tensor",
    "float64",
    "float32",
]
TORCH_TENSOR_METHODS = [
    "backward",
    "clone",
    "cpu",
    "cuda",
    "detach",
    "dim",
    "double",
    "float",
    "item",
    "expand",
    "permute",
    "mean",
    "numel",
    "numpy",
    "requires_grad_",
    "reshape",
    "size",
    "squeeze",
    "sum",
    "t",
    "to",
    "tolist",
    "transpose",
    "unsqueeze",
    "view",
    "zero_",
]
TORCH_TENSOR_ATTRIBUTES = ["shape", "device", "grad", "requires_grad", "ndim", "is_cuda"]
TORCH_MODULE_METHODS = [
    "forward",
    "parameters",
    "named_parameters",
    "state_dict",
    "load_state_dict",
    "zero_grad",
    "to",
    "train",
    "eval",
    "children",
    "modules",
    "register_buffer",
]
TORCH_CLASSES = {
    "torch.Tensor": "tensors.html#$",
    "torch.Size": "size.html#$",
    "torch.device": "tensor_attributes.html#$",
    "torch.dtype": "tensor_attributes.html#$",
    "torch.Generator": "generated/$.html#$",
    "torch.no_grad": "generated/$.html#$",
    "torch.enable_grad": "generated/$.html#$",
    "torch.nn.Module": "generated/$.html#$",
    "torch.nn.ModuleList": "generated/$.html#$",
    "torch.nn.Sequential": "generated/$.html#$",
    "torch.nn.Linear": "generated/$.html#$",
    "torch.nn.ReLU": "generated/$.html#$",
    "torch.nn.Sigmoid": "generated/$.html#$",
    "torch.nn.Tanh": "generated/$.html#$",
    "torch.nn.MSELoss": "generated/$.html#$",
    "torch.nn.parameter.Parameter": "generated/$.html#$",
    "torch.optim.SGD": "generated/$.html#$",
    "torch.optim.Optimizer": "optim.html#$",
}


def torch_entries() -> list[tuple[str, str, str]]:
    e = [(f"torch.{f}", "py:function", "generated/$.html#$") for f in TORCH_FUNCTIONS]
    # torch.relu has no page of its own; its documented twin is torch.nn.functional.relu.
    e = [x for x in e if x[0] not in {"torch.relu", "torch.float64", "torch.float32"}]
    e.append(("torch.relu", "py:function", "generated/torch.nn.functional.relu.html"))
    e += [
        ("torch.float32", "py:attribute", "tensor_attributes.html#torch.dtype"),
        ("torch.float64", "py:attribute", "tensor_attributes.html#torch.dtype"),
    ]
    e += [(f"torch.Tensor.{m}", "py:method", "generated/$.html#$") for m in TORCH_TENSOR_METHODS]
    e += [
        (f"torch.Tensor.{a}", "py:attribute", "generated/$.html#$") for a in TORCH_TENSOR_ATTRIBUTES
    ]
    e += [
        ("torch.Tensor.T", "py:attribute", "tensors.html#$"),
        ("torch.Tensor.mT", "py:attribute", "tensors.html#$"),
        ("torch.finfo", "py:class", "type_info.html#$"),
        ("torch.iinfo", "py:class", "type_info.html#$"),
        ("torch.Tensor.dtype", "py:attribute", "tensor_attributes.html#torch.dtype"),
    ]
    e += [
        (f"torch.nn.Module.{m}", "py:method", "generated/torch.nn.Module.html#$")
        for m in TORCH_MODULE_METHODS
    ]
    e += [(name, "py:class", page) for name, page in TORCH_CLASSES.items()]
    # the public spelling of Parameter, as sphinx-gallery and readers write it
    e.append(
        (
            "torch.nn.Parameter",
            "py:class",
            "generated/torch.nn.parameter.Parameter.html#torch.nn.parameter.Parameter",
        )
    )
    e += [
        ("torch.nn.init.uniform_", "py:function", "nn.init.html#$"),
        ("torch.nn.init.normal_", "py:function", "nn.init.html#$"),
        ("torch.nn.init.zeros_", "py:function", "nn.init.html#$"),
        ("torch.nn.functional.relu", "py:function", "generated/$.html#$"),
        ("torch.nn.functional.sigmoid", "py:function", "generated/$.html#$"),
        ("torch.nn.functional.tanh", "py:function", "generated/$.html#$"),
        ("torch.nn.functional.mse_loss", "py:function", "generated/$.html#$"),
        ("torch.cuda.is_available", "py:function", "generated/$.html#$"),
        ("torch.cuda.device_count", "py:function", "generated/$.html#$"),
        ("torch.cuda.get_device_name", "py:function", "generated/$.html#$"),
        ("torch.backends.mps.is_available", "py:function", "backends.html#$"),
        ("torch.autograd.grad", "py:function", "generated/$.html#$"),
        ("torch.autograd.backward", "py:function", "generated/$.html#$"),
        ("torch.optim.Optimizer.step", "py:method", "generated/$.html#$"),
        ("torch.optim.Optimizer.zero_grad", "py:method", "generated/$.html#$"),
        ("torch.testing.assert_close", "py:function", "testing.html#$"),
        ("torch", "py:module", "torch.html#module-torch"),
        ("torch.nn", "py:module", "nn.html#module-torch.nn"),
    ]
    return e


def numpy_entries() -> list[tuple[str, str, str]]:
    funcs = [
        "allclose",
        "arange",
        "array",
        "asarray",
        "concatenate",
        "isclose",
        "linspace",
        "meshgrid",
        "ones",
        "round",
        "stack",
        "zeros",
        "c_",
        "testing.assert_allclose",
    ]
    e = [(f"numpy.{f}", "py:function", "reference/generated/$.html#$") for f in funcs]
    e = [x if x[0] != "numpy.c_" else ("numpy.c_", "py:data", x[2]) for x in e]
    e += [
        ("numpy.ndarray", "py:class", "reference/generated/$.html#$"),
        ("numpy.ndarray.shape", "py:attribute", "reference/generated/$.html#$"),
        ("numpy.random.default_rng", "py:function", "reference/random/generator.html#$"),
        ("numpy.random.Generator", "py:class", "reference/random/generator.html#$"),
        ("numpy", "py:module", "reference/index.html#module-numpy"),
    ]
    return e


MPL_AXES_METHODS = [
    "plot",
    "scatter",
    "contour",
    "contourf",
    "set",
    "set_title",
    "set_xlabel",
    "set_ylabel",
    "set_xlim",
    "set_ylim",
    "set_yscale",
    "set_aspect",
    "legend",
    "grid",
    "axhline",
    "axvline",
    "imshow",
    "bar",
    "text",
    "annotate",
    "fill_between",
    "semilogy",
    "clear",
    "cla",
]
MPL_FIGURE_METHODS = ["colorbar", "suptitle", "tight_layout", "savefig", "add_subplot", "subplots"]
MPL_PYPLOT = ["subplots", "figure", "show", "close", "colorbar", "plot", "tight_layout", "subplot"]


def matplotlib_entries() -> list[tuple[str, str, str]]:
    g = "api/_as_gen/$.html#$"
    e = [(f"matplotlib.pyplot.{f}", "py:function", g) for f in MPL_PYPLOT]
    e += [(f"matplotlib.axes.Axes.{m}", "py:method", g) for m in MPL_AXES_METHODS]
    e += [(f"matplotlib.figure.Figure.{m}", "py:method", g) for m in MPL_FIGURE_METHODS]
    e += [
        ("matplotlib.axes.Axes", "py:class", g),
        ("matplotlib.figure.Figure", "py:class", g),
        ("matplotlib.lines.Line2D", "py:class", g),
        ("matplotlib.animation.FuncAnimation", "py:class", g),
        ("matplotlib.animation.Animation.to_jshtml", "py:method", g),
        ("matplotlib.collections.PathCollection", "py:class", "api/collections_api.html#$"),
        ("matplotlib.contour.QuadContourSet", "py:class", "api/contour_api.html#$"),
        ("matplotlib.colorbar.Colorbar", "py:class", "api/colorbar_api.html#$"),
        ("matplotlib.artist.Artist", "py:class", "api/artist_api.html#$"),
        ("matplotlib.colors.Colormap", "py:class", "api/_as_gen/$.html#$"),
        ("matplotlib.pyplot", "py:module", "api/pyplot_summary.html#module-matplotlib.pyplot"),
        ("matplotlib", "py:module", "api/matplotlib_configuration_api.html#module-matplotlib"),
    ]
    return e


def _public(namespace: object, names: list[str] | None = None) -> list[str]:
    names = names if names is not None else dir(namespace)
    return [n for n in names if not n.startswith("_") and hasattr(namespace, n)]


def _role(obj: object) -> str:
    return "py:class" if isinstance(obj, type) else "py:function"


def torch_bulk() -> list[tuple[str, str, str]]:
    import torch
    import torch.nn.functional as functional

    e = []
    for n in _public(torch, list(getattr(torch, "__all__", []))):
        obj = getattr(torch, n)
        if callable(obj) and not isinstance(obj, type(torch)):
            e.append((f"torch.{n}", _role(obj), "generated/$.html#$"))
    for n in _public(torch.Tensor):
        obj = getattr(torch.Tensor, n)
        role = "py:method" if callable(obj) else "py:attribute"
        e.append((f"torch.Tensor.{n}", role, "generated/$.html#$"))
    for n in _public(functional):
        obj = getattr(functional, n)
        if callable(obj) and getattr(obj, "__module__", "").startswith("torch"):
            e.append((f"torch.nn.functional.{n}", "py:function", "generated/$.html#$"))
    for n in _public(torch.nn, list(torch.nn.modules.__all__)):
        e.append((f"torch.nn.{n}", "py:class", "generated/$.html#$"))
    for n in _public(torch.nn.init):
        if callable(getattr(torch.nn.init, n)) and n.endswith("_"):
            e.append((f"torch.nn.init.{n}", "py:function", "nn.init.html#$"))
    for n in _public(torch.optim):
        if isinstance(getattr(torch.optim, n), type):
            e.append((f"torch.optim.{n}", "py:class", "generated/$.html#$"))
    e += [
        ("torch.nn.functional", "py:module", "nn.functional.html#module-torch.nn.functional"),
        ("torch.nn.init", "py:module", "nn.init.html#module-torch.nn.init"),
        ("torch.optim", "py:module", "optim.html#module-torch.optim"),
        ("torch.autograd", "py:module", "autograd.html#module-torch.autograd"),
        ("torch.cuda", "py:module", "cuda.html#module-torch.cuda"),
    ]
    return e


def numpy_bulk() -> list[tuple[str, str, str]]:
    import numpy as np

    e = []
    for n in _public(np, list(getattr(np, "__all__", []))):
        obj = getattr(np, n)
        if callable(obj):
            e.append((f"numpy.{n}", _role(obj), "reference/generated/$.html#$"))
    for n in _public(np.ndarray):
        role = "py:method" if callable(getattr(np.ndarray, n)) else "py:attribute"
        e.append((f"numpy.ndarray.{n}", role, "reference/generated/$.html#$"))
    return e


def matplotlib_bulk() -> list[tuple[str, str, str]]:
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    g = "api/_as_gen/$.html#$"
    e = []
    for n in _public(plt):
        obj = getattr(plt, n)
        if callable(obj) and getattr(obj, "__module__", "") == "matplotlib.pyplot":
            e.append((f"matplotlib.pyplot.{n}", "py:function", g))
    for cls, path in ((Axes, "matplotlib.axes.Axes"), (Figure, "matplotlib.figure.Figure")):
        for n in _public(cls):
            if callable(getattr(cls, n)):
                e.append((f"{path}.{n}", "py:method", g))
    return e


def merge(curated: list[tuple[str, str, str]], bulk: list[tuple[str, str, str]]) -> list:
    """The curated entries, then every bulk entry whose name they do not cover."""
    seen = {name for name, _, _ in curated}
    return curated + [x for x in bulk if x[0] not in seen]


def write(path: Path, project: str, version: str, entries: list[tuple[str, str, str]]) -> None:
    """Write an inventory in Sphinx's version-2 format (a text header, then zlib)."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = []
    for name, role, page in sorted(set(entries)):
        # a trailing "$" is Sphinx's shorthand for the name; expand any other "$"
        uri = page[:-1].replace("$", name) + "$" if page.endswith("$") else page.replace("$", name)
        lines.append(f"{name} {role} 1 {uri} -\n")
    path.write_bytes(header.encode() + zlib.compress("".join(lines).encode(), 9))
    print(f"wrote {path.name}: {len(lines)} names")


def main() -> None:
    write(HERE / "torch.inv", "PyTorch", "2.13", merge(torch_entries(), torch_bulk()))
    write(HERE / "numpy.inv", "NumPy", "2.4", merge(numpy_entries(), numpy_bulk()))
    write(
        HERE / "matplotlib.inv",
        "Matplotlib",
        "3.11",
        merge(matplotlib_entries(), matplotlib_bulk()),
    )


if __name__ == "__main__":
    main()
