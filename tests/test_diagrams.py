"""Grids of tensor entries (week 1) and the two-layer network as a graph (week 5)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from matplotlib.text import Annotation

from ee4414 import plot_matrix, plot_network
from ee4414.diagrams import NETWORK_EDGES, NETWORK_NODES, PATH_COLOUR


def test_plot_matrix_writes_every_value_and_shades_the_highlight():
    Z = torch.zeros(3, 4)
    Z[0, 2] = 1
    fig, ax = plt.subplots()
    assert plot_matrix(Z, Z != 0, ax=ax, title="Z[0, 2] = 1", xlabel="column j") is ax
    image = ax.images[0]
    assert [t.get_text() for t in ax.texts].count("1") == 1
    assert [t.get_text() for t in ax.texts].count("0") == 11
    one = next(t for t in ax.texts if t.get_text() == "1")
    assert one.get_position() == (2, 0)  # column 2, row 0
    np.testing.assert_array_equal(image.get_array(), (Z != 0).float().numpy())
    assert list(ax.get_xticks()) == [0, 1, 2, 3] and list(ax.get_yticks()) == [0, 1, 2]
    assert ax.get_title() == "Z[0, 2] = 1" and ax.get_xlabel() == "column j"
    assert ax.get_ylabel() == "row"


def test_plot_matrix_without_highlight_and_from_numpy():
    ax = plot_matrix(np.array([[1.5, -2.0]]))
    assert sorted(t.get_text() for t in ax.texts) == ["-2", "1.5"]
    assert not np.asarray(ax.images[0].get_array()).any()


def test_plot_matrix_rejects_other_shapes():
    with pytest.raises(ValueError, match=r"values should be 2-D .*got shape \(2, 3, 4\)"):
        plot_matrix(torch.zeros(2, 3, 4))
    with pytest.raises(ValueError, match=r"highlight should have the shape of values, \(3, 4\)"):
        plot_matrix(torch.zeros(3, 4), torch.zeros(4, 3, dtype=torch.bool))


def _values() -> dict[str, float]:
    return {key: float(i) / 4 for i, key in enumerate(NETWORK_NODES)}


def test_plot_network_labels_nodes_and_colours_the_path():
    path = {("E", "L"): "2E = 1.50", ("y_hat", "E"): "1"}
    fig, ax = plt.subplots()
    assert plot_network(_values(), path, notes={("y_hat0_1", "z1"): "ReLU' = 0"}, ax=ax) is ax
    nodes = [t.get_text() for t in ax.texts if "\n" in t.get_text()]
    assert nodes[:2] == ["$x_0$\n0.000", "$x_1$\n0.250"] and len(nodes) == len(NETWORK_NODES)
    texts = {t.get_text(): t for t in ax.texts}
    assert texts["2E = 1.50"].get_color() == PATH_COLOUR
    assert "ReLU' = 0" in texts
    arrows = [
        a
        for a in ax.texts
        if isinstance(a, Annotation) and a.get_text() == "" and a.arrow_patch is not None
    ]
    assert len(arrows) == len(NETWORK_EDGES)
    red = [a.arrow_patch for a in arrows if a.arrow_patch and a.arrow_patch.get_linewidth() == 2.5]
    assert len(red) == 2 and red[0].get_linestyle() == "-"
    assert min(float(t.get_fontsize()) for t in ax.texts if t.get_text()) >= 11


def test_plot_network_cut_path_is_dashed_and_takes_tensors():
    values = {k: torch.tensor([[v]]) for k, v in _values().items()}
    ax = plot_network(values, {("E", "L"): "2E"}, cut=True, title="cut")
    arrows = [a.arrow_patch for a in ax.texts if isinstance(a, Annotation) and a.get_text() == ""]
    red = [p for p in arrows if p is not None and p.get_linewidth() == 2.5]
    assert red[0].get_linestyle() == "--"
    assert ax.get_title() == "cut"


def test_plot_network_names_what_is_missing_or_unknown():
    values = _values()
    del values["z1"]
    with pytest.raises(ValueError, match="values has no entry for z1"):
        plot_network(values)
    with pytest.raises(
        ValueError, match=r"path names edges the network does not have: \[\('x0', 'L'\)\]"
    ):
        plot_network(_values(), {("x0", "L"): "?"})


def test_bad_input_gets_the_library_s_own_error():
    import numpy as np
    import pytest
    import torch

    import ee4414

    grid = torch.zeros(2, 3)
    with pytest.raises(TypeError, match=r"plot_matrix expects values to be a 2-D torch\.Tensor"):
        ee4414.plot_matrix([[1, 2], [3, 4]])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"plot_matrix: values must hold real numbers; got"):
        ee4414.plot_matrix(np.array([["a", "b"]]))
    with pytest.raises(ValueError, match=r"1 to 20 rows and columns to be readable; got shape"):
        ee4414.plot_matrix(torch.zeros(1, 21))
    with pytest.raises(ValueError, match=r"fontsize must be greater than 0; got -1"):
        ee4414.plot_matrix(grid, fontsize=-1)
    with pytest.raises(TypeError, match=r"expects ax to be a matplotlib Axes"):
        ee4414.plot_matrix(grid, ax="left")  # type: ignore[arg-type]
    values = dict.fromkeys(ee4414.diagrams.NETWORK_NODES, 0.5)
    with pytest.raises(TypeError, match=r"values\['E'\] should hold one real number"):
        ee4414.plot_network({**values, "E": torch.ones(2)})
    with pytest.raises(TypeError, match=r"each label in path to be a string; got"):
        ee4414.plot_network(values, path={("E", "L"): 2.0})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match=r"cut"):
        ee4414.plot_network(values, cut="yes")  # type: ignore[arg-type]
