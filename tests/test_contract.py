"""The library's contract, tried with generated bad input (hypothesis).

Every public name in ``ee4414.__all__`` and every exercise id of ``check()`` is fed
wrong types, shapes and dtypes, NaN and infinities, empty tensors, NumPy scalars, huge
numbers, and student functions that loop forever, write into their inputs or raise. The
contract: a right answer, or the library's own ``TypeError``/``ValueError`` (or a
documented error class) raised from inside ``ee4414`` whose message names the argument;
never an error from inside torch, numpy or matplotlib, never a hang, never a silent wrong
value where a reference can tell. ``check()`` never raises for any value and never
calls garbage correct.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ee4414
from ee4414.selfcheck import CheckResult, check, isolation
from ee4414.selfcheck.core import exercises

PACKAGE = Path(ee4414.__file__).parent
HANG = 10.0  # seconds: longer means a hang

SETTINGS = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---------------------------------------------------------------------------- bad values

DTYPES = [torch.float32, torch.float64, torch.int64, torch.int32, torch.bool, torch.complex64]
SPECIALS = [math.nan, math.inf, -math.inf, 0.0, -0.0, 1e300, -1e300, 1e-300]


@st.composite
def tensors(draw: st.DrawFn, shape: tuple[int, ...] | None = None) -> torch.Tensor:
    """A small tensor of any dtype and shape, sometimes with NaN or infinities inside."""
    if shape is None:
        shape = tuple(draw(st.lists(st.integers(0, 4), max_size=4)))
    dtype = draw(st.sampled_from(DTYPES))
    n = math.prod(shape)
    values = draw(
        st.lists(st.one_of(st.floats(-5, 5), st.sampled_from(SPECIALS)), min_size=n, max_size=n)
    )
    t = torch.tensor(values, dtype=torch.float64).reshape(shape)
    if not dtype.is_floating_point and not dtype.is_complex:
        t = torch.nan_to_num(t, nan=0.0, posinf=7.0, neginf=-7.0).clamp(-100, 100)
    return t.to(dtype)


def _loop_forever(*args: Any, **kwargs: Any) -> Any:
    while True:
        pass


def _write_into_inputs(*args: Any, **kwargs: Any) -> Any:
    for a in args:
        if isinstance(a, torch.Tensor) and a.is_floating_point():
            a.data.zero_()
    return args[0] if args else None


def _raise(*args: Any, **kwargs: Any) -> Any:
    raise ZeroDivisionError("a student's bug")


FUNCTIONS = [
    _loop_forever,
    _write_into_inputs,
    _raise,
    lambda *a, **k: None,
    lambda *a, **k: math.nan,
    lambda *a, **k: torch.tensor(math.nan),
    lambda *a, **k: "text",
]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.integers(-3, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(SPECIALS),
    st.text(max_size=4),
    st.sampled_from(
        [
            np.float32(0.5),
            np.int64(3),
            np.uint8(2),
            np.bool_(True),
            np.array(2.0),
            np.array([1.0, 2.0]),
            np.float64(math.nan),
            torch.tensor(1.5),
            torch.tensor(3),
            torch.tensor(math.inf),
            1 + 2j,
            b"mse",
        ]
    ),
)
BAD = st.one_of(
    SCALARS,
    tensors(),
    st.lists(st.floats(allow_nan=True), max_size=4),
    st.tuples(st.integers(-2, 4), st.integers(-2, 4)),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.sampled_from([object(), ee4414.TwoLayerNN, torch.nn.ReLU(), *FUNCTIONS]),
)

# ------------------------------------------------------------------- the public callables


def xor_data() -> dict[str, Any]:
    x, c = ee4414.xor()
    return {"x": x, "c": c}


def _trained_history() -> tuple[torch.nn.Module, ee4414.History]:
    model = ee4414.TwoLayerNN(generator=torch.Generator().manual_seed(0))
    history = ee4414.Trainer(model, lr=0.1, device="cpu").fit(
        *ee4414.xor(), epochs=2, snapshot_every=1
    )
    return model, history


def _grad_setup() -> dict[str, Any]:
    x, c = ee4414.xor()
    return {
        "model": ee4414.TwoLayerNN(generator=torch.Generator().manual_seed(0)),
        "loss": ee4414.mse,
        "x": x,
        "y": c,
    }


def _param() -> torch.nn.Parameter:
    p = torch.nn.Parameter(torch.tensor([[0.4], [0.1]]))
    p.grad = torch.tensor([[1.0], [-1.0]])
    return p


def _call_linear(*, x: Any, **kwargs: Any) -> Any:
    return ee4414.Linear(**kwargs)(x)


def _call_mlp(*, x: Any, **kwargs: Any) -> Any:
    return ee4414.MLP(**kwargs)(x)


def _call_sgd(**kwargs: Any) -> None:
    ee4414.SGD(**kwargs).step()


def _call_trainer(*, x: Any, y: Any, epochs: Any, snapshot_every: Any, **kwargs: Any) -> Any:
    trainer = ee4414.Trainer(**kwargs)
    history = trainer.fit(x, y, epochs, snapshot_every=snapshot_every)
    str(history.losses)
    return trainer.predict(x)


def _call_activation(*, y_hat: Any, **kwargs: Any) -> Any:
    return ee4414.Activation(**kwargs)(y_hat)


def _call_explain(fn: Callable[..., Any]) -> Callable[..., Any]:
    def call(**kwargs: Any) -> Any:
        explanation = fn(**kwargs)
        str(explanation)  # the result objects print
        return explanation

    return call


def _call_compare(**kwargs: Any) -> Any:
    report = ee4414.compare_gradients(**kwargs)
    str(report)
    return report


def _meta(shape: Any) -> torch.Tensor:
    return torch.empty(shape if not isinstance(shape, torch.Tensor) else shape.shape, device="meta")


def _broadcast_oracle(out: Any, kw: dict[str, Any]) -> None:
    assert out.result == tuple(torch.broadcast_shapes(_meta(kw["a"]).shape, _meta(kw["b"]).shape))


def _matmul_oracle(out: Any, kw: dict[str, Any]) -> None:
    assert out.result == tuple((_meta(kw["a"]) @ _meta(kw["b"])).shape)


def _elementwise_oracle(reference: Callable[[torch.Tensor], torch.Tensor]) -> Callable[..., None]:
    def oracle(out: Any, kw: dict[str, Any]) -> None:
        y_hat = kw["y_hat"].double()
        torch.testing.assert_close(out.double(), reference(y_hat), equal_nan=True)

    return oracle


def _loss_oracle(
    reference: Callable[[torch.Tensor, torch.Tensor], torch.Tensor], target: str
) -> Callable[..., None]:
    def oracle(out: Any, kw: dict[str, Any]) -> None:
        # the library computes in y_hat's floating dtype; so does the reference
        y_hat = kw["y_hat"].to(out.dtype)
        y = kw[target]
        y = y.to(out.dtype) if isinstance(y, torch.Tensor) else torch.full_like(y_hat, float(y))
        want = reference(y_hat, y.expand_as(y_hat))
        torch.testing.assert_close(out, want, equal_nan=True, atol=1e-5, rtol=1e-4)

    return oracle


def _points(y_hat: torch.Tensor) -> int:
    return 1 if y_hat.dim() < 2 else max(1, y_hat.numel() // (y_hat.shape[-2] * y_hat.shape[-1]))


def _accuracy_oracle(out: Any, kw: dict[str, Any]) -> None:
    right = (torch.where(kw["y_hat"] > 0, 1.0, -1.0) == kw["c"].double()).double().mean()
    assert out == pytest.approx(float(right))


Spec = tuple[Callable[..., Any], Callable[[], dict[str, Any]], Callable[..., None] | None]

CALLABLES: dict[str, Spec] = {
    "relu": (ee4414.relu, lambda: {"y_hat": torch.randn(3, 1)}, _elementwise_oracle(torch.relu)),
    "relu_derivative": (
        ee4414.relu_derivative,
        lambda: {"y_hat": torch.randn(3, 1)},
        _elementwise_oracle(lambda t: (t > 0).double()),
    ),
    "sigmoid": (
        ee4414.sigmoid,
        lambda: {"y_hat": torch.randn(3, 1)},
        _elementwise_oracle(torch.sigmoid),
    ),
    "sigmoid_derivative": (
        ee4414.sigmoid_derivative,
        lambda: {"y_hat": torch.randn(3, 1)},
        _elementwise_oracle(lambda t: torch.sigmoid(t) * (1 - torch.sigmoid(t))),
    ),
    "tanh": (ee4414.tanh, lambda: {"y_hat": torch.randn(3, 1)}, _elementwise_oracle(torch.tanh)),
    "tanh_derivative": (
        ee4414.tanh_derivative,
        lambda: {"y_hat": torch.randn(3, 1)},
        _elementwise_oracle(lambda t: 1 - torch.tanh(t) ** 2),
    ),
    "get_activation": (ee4414.get_activation, lambda: {"name": "relu"}, None),
    "Activation": (
        _call_activation,
        lambda: {
            "name": "id",
            "function": torch.relu,
            "derivative": torch.sign,
            "y_hat": torch.ones(2),
        },
        None,
    ),
    "get_loss": (ee4414.get_loss, lambda: {"name": "mse"}, None),
    "squared_error": (
        ee4414.squared_error,
        lambda: {"y_hat": torch.randn(4, 1, 1), "y": torch.randn(4, 1, 1)},
        _loss_oracle(lambda a, b: ((a - b) ** 2).sum() / _points(a), "y"),
    ),
    "squared_error_derivative": (
        ee4414.squared_error_derivative,
        lambda: {"y_hat": torch.randn(4, 1, 1), "y": torch.randn(4, 1, 1)},
        _loss_oracle(lambda a, b: 2 * (a - b) / _points(a), "y"),
    ),
    "mse": (
        ee4414.mse,
        lambda: {"y_hat": torch.randn(4, 1, 1), "y": torch.randn(4, 1, 1)},
        _loss_oracle(lambda a, b: ((a - b) ** 2).mean(), "y"),
    ),
    "mse_derivative": (
        ee4414.mse_derivative,
        lambda: {"y_hat": torch.randn(4, 1, 1), "y": torch.randn(4, 1, 1)},
        _loss_oracle(lambda a, b: 2 * (a - b) / a.numel(), "y"),
    ),
    "hinge": (
        ee4414.hinge,
        lambda: {"y_hat": torch.randn(4, 1, 1), "c": ee4414.xor()[1]},
        _loss_oracle(lambda a, c: torch.relu(1 - c * a).sum() / _points(a), "c"),
    ),
    "hinge_derivative": (
        ee4414.hinge_derivative,
        lambda: {"y_hat": torch.randn(4, 1, 1), "c": ee4414.xor()[1]},
        _loss_oracle(lambda a, c: -c * (c * a < 1).double() / _points(a), "c"),
    ),
    "xor": (ee4414.xor, dict, None),
    "circles": (
        ee4414.circles,
        lambda: {"n": 10, "noise": 0.1, "factor": 0.5, "seed": 0},
        None,
    ),
    "linearly_separable": (
        ee4414.linearly_separable,
        lambda: {"n": 10, "margin": 0.3, "seed": 0},
        None,
    ),
    "resolve_device": (ee4414.resolve_device, lambda: {"device": "cpu"}, None),
    "describe": (ee4414.describe, lambda: {"t": torch.zeros(2, 1)}, None),
    "explain_broadcast": (
        _call_explain(ee4414.explain_broadcast),
        lambda: {"a": (3, 1), "b": (1, 4)},
        _broadcast_oracle,
    ),
    "explain_matmul": (
        _call_explain(ee4414.explain_matmul),
        lambda: {"a": (2, 3), "b": (3, 1)},
        _matmul_oracle,
    ),
    "Linear": (
        _call_linear,
        lambda: {
            "in_features": 2,
            "out_features": 1,
            "w": [0.4, 0.1],
            "b": 1.0,
            "bound": 0.2,
            "generator": None,
            "dtype": torch.float32,
            "x": torch.ones(2, 1),
        },
        None,
    ),
    "MLP": (
        _call_mlp,
        lambda: {"sizes": [2, 3, 1], "activation": "relu", "bound": 0.2, "x": torch.ones(2, 1)},
        None,
    ),
    "MLP.from_layers": (
        ee4414.MLP.from_layers,
        lambda: {"layers": [ee4414.Linear(2, 3), ee4414.Linear(3, 1)], "activation": "tanh"},
        None,
    ),
    "TwoLayerNN": (
        ee4414.TwoLayerNN,
        lambda: {"hidden": 2, "activation": "relu", "in_features": 2, "bound": 0.2},
        None,
    ),
    "ThreeLayerNN": (
        ee4414.ThreeLayerNN,
        lambda: {"hidden": (3, 2), "activation": "relu", "in_features": 2, "bound": 0.2},
        None,
    ),
    "classify": (
        ee4414.classify,
        lambda: {"y_hat": torch.randn(4, 1, 1)},
        _elementwise_oracle(lambda t: torch.where(t > 0, 1.0, -1.0).double()),
    ),
    "accuracy": (
        ee4414.accuracy,
        lambda: {"y_hat": torch.randn(4, 1, 1), "c": ee4414.xor()[1]},
        _accuracy_oracle,
    ),
    "sgd_step": (ee4414.sgd_step, lambda: {"parameters": [_param()], "lr": 0.1}, None),
    "SGD": (_call_sgd, lambda: {"parameters": [_param()], "lr": 0.1}, None),
    "Trainer": (
        _call_trainer,
        lambda: {
            "model": ee4414.TwoLayerNN(),
            "loss": "mse",
            "lr": 0.1,
            "device": "cpu",
            "batch_size": None,
            "shuffle": False,
            "seed": None,
            "on_divergence": "stop",
            "progress": False,
            "x": ee4414.xor()[0],
            "y": ee4414.xor()[1],
            "epochs": 2,
            "snapshot_every": None,
        },
        None,
    ),
    "autograd_gradients": (ee4414.autograd_gradients, _grad_setup, None),
    "numerical_gradients": (
        ee4414.numerical_gradients,
        lambda: {**_grad_setup(), "eps": 1e-6},
        None,
    ),
    "compare_gradients": (
        _call_compare,
        lambda: {**_grad_setup(), "manual": {"layers.1.b": 0.0}, "atol": 1e-5},
        None,
    ),
    "plot_losses": (
        ee4414.plot_losses,
        lambda: {"losses": [3.0, 2.0, 1.0], "log": False, "ax": None},
        None,
    ),
    "plot_points": (ee4414.plot_points, lambda: {**xor_data(), "ax": None}, None),
    "plot_decision_surface": (
        ee4414.plot_decision_surface,
        lambda: {
            "model": ee4414.TwoLayerNN(),
            **xor_data(),
            "resolution": 8,
            "padding": 0.5,
            "limits": None,
        },
        None,
    ),
    "plot_matrix": (
        ee4414.plot_matrix,
        lambda: {
            "values": torch.tensor([[1.0, 2.0], [3.0, 4.0]]),
            "highlight": torch.tensor([[True, False], [False, True]]),
            "ax": None,
            "title": "t",
            "xlabel": "column",
            "ylabel": "row",
            "fontsize": 12,
        },
        None,
    ),
    "plot_network": (
        ee4414.plot_network,
        lambda: {
            "values": dict.fromkeys(ee4414.diagrams.NETWORK_NODES, 0.5),
            "path": {("E", "L"): "2E"},
            "notes": None,
            "cut": False,
            "ax": None,
            "title": None,
            "fontsize": 11,
        },
        None,
    ),
    "plot_linear_boundary": (
        ee4414.plot_linear_boundary,
        lambda: {"w": [1.0, 3.0], "b": 0.0, "x0_range": (-1.0, 1.0)},
        None,
    ),
    "animate_training": (
        ee4414.animate_training,
        lambda: {
            **dict(zip(("model", "history"), _trained_history(), strict=True)),
            **xor_data(),
            "resolution": 6,
            "max_frames": 2,
            "padding": 0.5,
            "figsize": (2.0, 2.0),
            "dpi": 20,
        },
        None,
    ),
}
# Results and records the library returns; each is produced, and printed, by the callable
# named here, and checked through it. ``check`` has its own tests below.
PRODUCED_BY = {
    "BroadcastExplanation": "explain_broadcast",
    "MatmulExplanation": "explain_matmul",
    "GradientReport": "compare_gradients",
    "History": "Trainer",
    "TrainingDivergedError": "Trainer",
}
DATA = {"ACTIVATIONS", "__version__"}

# Calls that build an object and then use it: a bad value for one argument can make
# another one wrong (MLP(sizes=(1, 1)) then refuses the 2-feature x), and the message may
# name either.
COMPOSITE = {"Linear", "MLP", "Trainer", "Activation", "animate_training"}

# Other words a message may use for an argument.
ALIASES = {
    "y": ["target", "y"],
    "c": ["label", "c"],
    "lr": ["learning rate", "lr"],
    "t": ["tensor", "t"],
    "a": ["a", "shape"],
    "b": ["b", "shape", "bias"],
    "parameters": ["parameter"],
    "name": ["name", "loss", "activation"],
    "function": ["function"],
    "derivative": ["derivative"],
    "hidden": ["hidden", "size", "layer"],
    "sizes": ["sizes", "size"],
    "layers": ["layers", "Linear"],
    "history": ["history", "snapshots"],
    "model": ["model", "module"],
    "losses": ["losses", "curve"],
    "manual": ["manual", "gradient", "key", "parameter"],
    "x": ["x", "points", "input"],
    "w": ["w", "weights"],
    "factor": ["factor"],
    "y_hat": ["y_hat", "prediction"],
    "device": ["device", "cuda", "mps"],
    "in_features": ["in_features", "Linear(", "weights"],
    "out_features": ["out_features", "Linear(", "weights"],
    "loss": ["loss"],
    "epochs": ["epochs"],
}
# Documented error classes beyond TypeError and ValueError.
ALSO_DOCUMENTED: dict[str, tuple[type[BaseException], ...]] = {
    "resolve_device": (RuntimeError,),
    "Trainer": (RuntimeError,),  # an unavailable device; TrainingDivergedError
    "compare_gradients": (KeyError,),
}


def test_every_public_name_is_covered():
    covered = set(CALLABLES) | set(PRODUCED_BY) | DATA | {"check"}
    assert set(ee4414.__all__) <= covered, set(ee4414.__all__) - covered
    assert set(PRODUCED_BY.values()) <= set(CALLABLES)
    assert isinstance(ee4414.ACTIVATIONS, dict) and isinstance(ee4414.__version__, str)


def _raised_by_the_library(err: BaseException) -> bool:
    """True when the innermost frame of the error's traceback is in the ee4414 package."""
    frames = traceback.extract_tb(err.__traceback__)
    if not frames or not Path(frames[-1].filename).resolve().is_relative_to(PACKAGE.resolve()):
        return False
    return (frames[-1].line or "").startswith("raise")  # not a torch call that failed there


def _names_the_argument(message: str, arg: str) -> bool:
    words = ALIASES.get(arg, [arg])
    return any(re.search(rf"(?<![\w]){re.escape(w)}", message, re.IGNORECASE) for w in words)


def assert_contract(name: str, arg: str, value: Any) -> None:
    """Call ``name`` with ``value`` for ``arg`` (the others right) and check the outcome."""
    fn, good, oracle = CALLABLES[name]
    kwargs = good()
    kwargs[arg] = value
    allowed: tuple[type[BaseException], ...] = (
        TypeError,
        ValueError,
        *ALSO_DOCUMENTED.get(name, ()),
    )
    error: BaseException | None = None
    try:
        with isolation.time_limit(HANG):
            out = fn(**kwargs)
    except isolation.OutOfTime:
        pytest.fail(f"{name}({arg}={value!r}) did not finish within {HANG} s")
    except Exception as err:
        error = err
    finally:
        plt.close("all")
    if error is None:
        if oracle is not None:
            oracle(out, kwargs)
        return
    call = f"{name}({arg}={value!r})"
    trace = "".join(traceback.format_exception(error)[-4:])
    assert isinstance(error, allowed), f"{call} raised {type(error).__name__}: {error}\n{trace}"
    assert _raised_by_the_library(error), f"{call} raised from outside ee4414:\n{trace}"
    named = [arg] if name not in COMPOSITE else list(kwargs)
    assert any(_names_the_argument(str(error), a) for a in named), (
        f"{call}: message without {arg!r}: {error}"
    )


CASES = [(name, arg) for name, (_, good, _) in CALLABLES.items() for arg in good()]


def _bad_for(arg: str) -> st.SearchStrategy[Any]:
    """Bad values; counts that a student may legitimately make long are kept finite."""
    if arg == "epochs":
        return st.one_of(SCALARS.filter(lambda v: not isinstance(v, int) or v < 50), tensors())
    return BAD


@pytest.mark.filterwarnings("ignore:Animation was deleted without rendering:UserWarning")
@pytest.mark.parametrize(("name", "arg"), CASES, ids=[f"{n}-{a}" for n, a in CASES])
@SETTINGS
@given(data=st.data())
def test_bad_input_gets_a_clear_error_or_a_right_answer(name, arg, data):
    value = data.draw(_bad_for(arg), label=arg)
    if value is _loop_forever and name in {"Activation", "Trainer", "autograd_gradients"}:
        value = _raise  # a student's endless loss or activation is theirs to interrupt
    if value is _loop_forever and name in {"numerical_gradients", "compare_gradients"}:
        value = _raise
    assert_contract(name, arg, value)


def test_xor_takes_no_arguments_and_gives_the_four_points():
    x, c = ee4414.xor()
    assert x.shape == (4, 2, 1) and c.flatten().tolist() == [-1.0, 1.0, 1.0, -1.0]


# ------------------------------------------------------------------------------- check()

EXERCISES = exercises()


@pytest.mark.parametrize("exercise", list(EXERCISES))
@settings(max_examples=4, deadline=None, derandomize=True)
@given(data=st.data())
def test_check_never_raises_and_never_calls_garbage_correct(exercise, data):
    names = EXERCISES[exercise]
    answers = {n: data.draw(BAD, label=n) for n in names}
    printed = io.StringIO()
    with mock.patch.object(isolation, "TIME_LIMIT", 0.2), contextlib.redirect_stdout(printed):
        result = check(exercise, **answers)
    plt.close("all")
    assert isinstance(result, CheckResult)
    assert not result.ok, f"{exercise} judged {answers!r} correct"
    assert printed.getvalue().count(f"{exercise}: not yet") == 1


@pytest.mark.parametrize("exercise", list(EXERCISES))
def test_check_survives_endless_mutating_and_raising_student_code(exercise, capsys):
    names = EXERCISES[exercise]
    for student in (_loop_forever, _write_into_inputs, _raise):
        with mock.patch.object(isolation, "TIME_LIMIT", 0.2):
            result = check(exercise, **dict.fromkeys(names, student))
        assert not result.ok
        assert len(result.hints) >= 1
    capsys.readouterr()
