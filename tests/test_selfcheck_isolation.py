"""Self-checks are sound: isolated, time-limited, printed once, and they never raise."""

from __future__ import annotations

import warnings

import pytest
import torch

from ee4414.selfcheck import check, isolation
from ee4414.selfcheck.registry import expectations

LOSS = 3.0276  # (1.24 + 0.5)², the loss of W2-1.3


def squared_error(y_hat, y):
    return (y_hat - y) ** 2


def zeroing_squared_error(y_hat, y):
    y_hat.zero_()  # writes into the checker's probe
    return (y_hat - y) ** 2


def in_place_squared_error(y_hat, y):
    y_hat -= y  # a right value, computed by overwriting the input
    return y_hat**2


def test_a_function_that_writes_into_its_inputs_is_not_correct_and_changes_nothing_after():
    result = check("W2-1.3", squared_error=zeroing_squared_error, loss=LOSS)
    assert not result.ok
    assert "changed its inputs in place" in result.hints[0]
    # the probes are untouched: a right function is still right, a wrong one still wrong
    assert check("W2-1.3", squared_error=squared_error, loss=LOSS).ok
    wrong = check("W2-1.3", squared_error=lambda y_hat, y: (y_hat - y) ** 3, loss=LOSS)
    assert wrong.hints[0].endswith("gives a different result than expected")


def test_a_right_value_computed_in_place_is_flagged_for_the_in_place_write():
    (hint,) = check("W2-1.3", squared_error=in_place_squared_error, loss=LOSS).hints
    assert "changed its inputs in place" in hint


def test_a_python_number_where_a_tensor_is_needed_is_not_correct():
    result = check("W2-1.3", squared_error=lambda y_hat, y: ((y_hat - y) ** 2).item(), loss=LOSS)
    assert result.hints == [
        "squared_error(<tensor (1, 1)>, -0.5) returns a float, not a tensor; it should return "
        "a tensor that autograd can differentiate (no .item() or float(...); Python's max and "
        "min give plain numbers, torch.clamp does not)"
    ]


def test_a_detached_answer_cannot_be_trained():
    result = check("W2-1.3", squared_error=lambda y_hat, y: (y_hat - y).detach() ** 2, loss=LOSS)
    assert result.hints[0].startswith(
        "squared_error should return a tensor that autograd can differentiate"
    )


def test_an_integer_answer_is_not_correct():
    result = check("W2-1.3", squared_error=lambda y_hat, y: ((y_hat - y) ** 2).long(), loss=LOSS)
    assert "dtype torch.int64" in result.hints[0]


def test_a_model_that_writes_into_the_probe_is_caught_and_the_probe_restored():
    class Vandal(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.w = torch.nn.Parameter(torch.tensor([[1.0], [3.0]]))
            self.b = torch.nn.Parameter(torch.tensor(0.0))

        def forward(self, x):
            return self.w.T @ x + self.b

    from ee4414.selfcheck import week3

    before = week3._X4.clone()
    model = Vandal()
    model.register_forward_pre_hook(lambda m, args: args[0].fill_(7.0) and None)
    check("W3-1.4", hinge_loss=None, step_losses=[], epoch_losses=[], model=model)
    assert torch.equal(week3._X4, before)


def loop_forever(*args):
    while True:
        pass


@pytest.mark.parametrize(
    ("exercise", "name"), [("W2-1.3", "squared_error"), ("W4-1.5", "train"), ("W6-1.2", "train")]
)
def test_a_loop_that_never_ends_is_stopped(monkeypatch, exercise, name):
    if not isolation.time_limit_available():
        pytest.skip("no SIGALRM on this platform: checks run without a time limit")
    monkeypatch.setattr(isolation, "TIME_LIMIT", 0.3)
    answers = dict.fromkeys(expectations()[exercise], None)
    answers[name] = loop_forever
    result = check(exercise, **answers)
    assert any(
        h.startswith(f"{name}: the check did not finish within 0.3 s; does every loop")
        for h in result.hints
    )


def test_a_student_except_exception_cannot_swallow_the_time_limit(monkeypatch):
    if not isolation.time_limit_available():
        pytest.skip("no SIGALRM on this platform")
    monkeypatch.setattr(isolation, "TIME_LIMIT", 0.3)

    def stubborn(y_hat, y):
        while True:
            try:
                while True:
                    pass
            except Exception:
                continue

    result = check("W2-1.3", squared_error=stubborn, loss=LOSS)
    assert "did not finish within 0.3 s" in result.hints[0]


def test_the_time_limit_runs_unlimited_off_the_main_thread():
    import threading

    seen = []
    worker = threading.Thread(target=lambda: seen.append(isolation.time_limit_available()))
    worker.start()
    worker.join()
    assert seen == [False]
    with isolation.time_limit(0):  # no limit asked for: the block just runs
        seen.append(True)


class FromTorch(torch.nn.Module):
    """XOR models built from torch.nn.Linear, which reads rows: a column input fails."""

    def __init__(self):
        super().__init__()
        self.layer = torch.nn.Linear(2, 1)

    def forward(self, x):
        return self.layer(x)


def test_w4_checks_survive_a_failing_forward():
    answers = dict.fromkeys(expectations()["W4-1.6"], None)
    answers["models"] = {"relu": FromTorch()}
    result = check("W4-1.6", **answers)
    assert any(
        h.startswith("models: the network of version 'relu' raised RuntimeError")
        for h in result.hints
    )


def test_w4_probes_follow_the_model_dtype():
    from ee4414.selfcheck.week4 import _NEURONS, _check_neuron

    class Neuron64(torch.nn.Module):
        def __init__(self, w0, w1, b):
            super().__init__()
            self.w = torch.nn.Parameter(torch.tensor([[w0], [w1]], dtype=torch.float64))
            self.b = torch.nn.Parameter(torch.tensor([[b]], dtype=torch.float64))

        def forward(self, x):
            return self.w.T @ x + self.b

    assert _check_neuron(_NEURONS["layer0_0"])("n", Neuron64(*_NEURONS["layer0_0"])) == []


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_w4_probes_move_to_the_model_device():
    from ee4414.selfcheck.week4 import _NEURONS, _check_neuron

    layer = torch.nn.Module()
    layer.w = torch.nn.Parameter(torch.tensor([[0.8], [-0.5]], device="cuda"))
    layer.b = torch.nn.Parameter(torch.tensor([[0.5]], device="cuda"))
    layer.forward = lambda x: layer.w.T @ x + layer.b
    assert _check_neuron(_NEURONS["layer0_0"])("n", layer) == []


def test_the_verdict_is_printed_once_in_a_notebook(capsys):
    interactive = pytest.importorskip("IPython.core.interactiveshell")
    result = check("W2-1.3", squared_error=squared_error, loss=LOSS)
    assert capsys.readouterr().out == "W2-1.3: correct\n"
    formatter = interactive.InteractiveShell.instance().display_formatter
    assert formatter.format(result) == ({}, {})  # nothing echoed under the printed verdict


def test_warnings_from_student_code_become_a_note(capsys):
    def noisy(y_hat, y):
        warnings.warn("this overload is deprecated", UserWarning, stacklevel=1)
        return (y_hat - y) ** 2

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a leaked warning would fail the test
        result = check("W2-1.3", squared_error=noisy, loss=LOSS)
    assert result.ok
    assert result.notes == [
        "your code raised a warning (4 times), UserWarning: this overload is deprecated"
    ]
    assert "  note: your code raised a warning" in capsys.readouterr().out


def test_global_torch_state_is_put_back():
    def meddling(y_hat, y):
        torch.manual_seed(123)
        torch.set_grad_enabled(False)
        torch.set_default_dtype(torch.float64)
        return (y_hat - y) ** 2

    torch.manual_seed(0)
    expected = torch.rand(3)
    torch.manual_seed(0)
    check("W2-1.3", squared_error=meddling, loss=LOSS)
    assert torch.is_grad_enabled()
    assert torch.get_default_dtype() == torch.float32
    assert torch.equal(torch.rand(3), expected)


def test_an_error_inside_a_checker_becomes_a_hint(monkeypatch):
    def broken(name, got):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(expectations()["W2-1.3"], "loss", broken)
    result = check("W2-1.3", squared_error=squared_error, loss=LOSS)
    assert result.hints == [
        "loss: the check could not use this value (ZeroDivisionError: division by zero); "
        "compare its type and shape with what the exercise asks"
    ]


def test_endless_recursion_becomes_a_hint():
    def recurse(y_hat, y):
        return recurse(y_hat, y)

    answers = {"squared_error": recurse, "loss": LOSS}
    monkey = expectations()["W2-1.3"]["squared_error"]
    hints, _ = isolation.run_isolated("squared_error", lambda n, g: monkey(n, g), recurse)
    assert hints[0].startswith("squared_error(<tensor (1, 1)>, -0.5) raised RecursionError")
    assert not check("W2-1.3", **answers).ok


def test_numbers_from_numpy_are_numbers():
    np = pytest.importorskip("numpy")
    for loss in (np.float32(LOSS), np.float64(LOSS), np.array(LOSS), torch.tensor(LOSS)):
        assert check("W2-1.3", squared_error=squared_error, loss=loss).ok


def test_a_wrong_exercise_id_type_is_a_type_error():
    with pytest.raises(TypeError, match=r"check expects the exercise id as a string first"):
        check(2.1)  # type: ignore[arg-type]


def test_a_checker_tensor_changed_during_a_check_is_restored_and_reported(monkeypatch):
    from ee4414.selfcheck import week3

    before = week3._X4.clone()

    def passes_the_probe_itself(name, got):
        got(week3._X4)  # as a checker that forgot to copy would
        return []

    monkeypatch.setitem(expectations()["W2-1.3"], "squared_error", passes_the_probe_itself)
    result = check("W2-1.3", squared_error=lambda x: x.mul_(0), loss=LOSS)
    assert result.hints[0].startswith("squared_error: your code changed the tensors the check")
    assert torch.equal(week3._X4, before)
