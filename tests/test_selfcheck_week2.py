"""Week 2's self-checks: the worked answers pass, and typical slips get a hint that helps."""

from __future__ import annotations

import pytest
import torch

from ee4414 import course_numbers as cn
from ee4414.selfcheck import check
from ee4414.selfcheck.registry import expectations
from ee4414.selfcheck.week2 import EXPECTATIONS as WEEK2

X = torch.tensor(cn.W2_X)
Y = cn.W2_Y


class Linear(torch.nn.Module):
    """The course's neuron, written as in W2-1.2."""

    def __init__(self, w=cn.W2_W, b=cn.W2_B):
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor(w))
        self.b = torch.nn.Parameter(torch.tensor(b))

    def forward(self, x):
        return self.w.T @ x + self.b


def squared_error(y_hat, y):
    return (y_hat - y) ** 2


def optimize_weights(model, lr):
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad


def with_gradients(backward_calls=1, zero_grad=True):
    """A fresh neuron after W2-1.4: forward, (zero_grad,) backward, as often as asked."""
    model = Linear()
    for _ in range(backward_calls):
        if zero_grad:
            model.zero_grad()
        squared_error(model(X), Y).backward()
    return model


def train(lr=0.01, epochs=100, *, model=None, record_after=False, item=True, zero_grad=True):
    """The loop of W2-1.6 and W2-1.7, with switches for the usual slips."""
    model = Linear() if model is None else model
    losses, errors = [], []
    for _ in range(epochs):
        y_hat = model(X)
        loss = squared_error(y_hat, Y)
        if not record_after:
            losses.append(loss.item() if item else loss)
            errors.append((y_hat - Y).item())
        if zero_grad:
            model.zero_grad()
        loss.backward()
        optimize_weights(model, lr)
        if record_after:
            losses.append(squared_error(model(X), Y).item())
            errors.append((model(X) - Y).item())
    return model, losses, errors


def the_hint(result):
    assert not result.ok
    return result.hints[0]


def test_every_week2_exercise_has_a_self_check():
    ids = {"W2-1.1", "W2-1.2", "W2-1.3", "W2-1.4", "W2-1.5", "W2-1.6", "W2-1.7", "W2-Eg2"}
    assert set(WEEK2) == ids | {"W2-Ex2"}
    assert all(expectations()[ex] is WEEK2[ex] for ex in WEEK2)


# W2-1.1: the model from three tensors


def w2_1_1_answer():
    w = torch.tensor([[0.4], [0.1]], requires_grad=True)
    b = torch.tensor(1.0, requires_grad=True)
    return {"x": X, "w": w, "b": b, "y_hat": w.T @ X + b}


def test_w2_1_1_a_flat_weight_vector_gets_the_column_hint():
    answer = w2_1_1_answer()
    answer["w"] = torch.tensor([0.4, 0.1], requires_grad=True)
    assert the_hint(check("W2-1.1", **answer)) == (
        "w has shape (2,), but the exercise asks for a 2×1 column vector of shape (2, 1) "
        "(the right number of entries: check how the brackets are nested)"
    )


def test_w2_1_1_a_row_input_gets_the_transpose_hint():
    answer = w2_1_1_answer()
    answer["x"] = X.T
    assert the_hint(check("W2-1.1", **answer)).endswith("swap the dimensions)")


def test_w2_1_1_parameters_must_track_gradients():
    answer = w2_1_1_answer()
    answer["w"] = answer["w"].detach()
    answer["b"] = 1.0
    result = check("W2-1.1", **answer)
    assert result.hints == [
        "w: training will need ∂L/∂w, so autograd must track w",
        "b: training will need ∂L/∂b: make b a tensor autograd tracks",
    ]


def test_w2_1_1_hints_do_not_give_the_output_away(capsys):
    answer = w2_1_1_answer()
    answer["y_hat"] = answer["w"].T @ X - answer["b"]
    assert "1 of 1 entries differ" in the_hint(check("W2-1.1", **answer))
    assert "1.24" not in capsys.readouterr().out


# W2-1.2: the model as a torch.nn.Module


def test_w2_1_2_the_class_must_be_a_module():
    class NotAModule:
        def __call__(self, x):
            return torch.tensor([[0.4, 0.1]]) @ x + 1.0

    model = NotAModule()
    hint = the_hint(check("W2-1.2", model=model, y_hat=model(X)))
    assert hint == "model: should be an instance of your class, which derives from torch.nn.Module"


def test_w2_1_2_plain_tensor_attributes_are_not_parameters():
    class Unregistered(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.w = torch.tensor([[0.4], [0.1]], requires_grad=True)
            self.b = torch.nn.Parameter(torch.tensor(1.0))

        def forward(self, x):
            return self.w.T @ x + self.b

    model = Unregistered()
    hint = the_hint(check("W2-1.2", model=model, y_hat=model(X)))
    assert hint.startswith("model: should own two parameters, w (2×1) and b")


def test_w2_1_2_wrong_start_values_and_a_forgotten_bias():
    model = Linear(w=((0.1,), (0.4,)))
    assert the_hint(check("W2-1.2", model=model, y_hat=model(X))) == (
        "model: w and b should start at the values the exercise gives"
    )

    class NoBias(Linear):
        def forward(self, x):
            return self.w.T @ x

    model = NoBias()
    result = check("W2-1.2", model=model, y_hat=model(X))
    assert result.hints[0] == "model: model(x) should return wᵀx + b, a 1×1 tensor, for a 2×1 x"
    assert result.hints[1].startswith("y_hat: 1 of 1 entries differ")


def test_w2_1_2_a_hard_coded_output_is_caught():
    class Constant(Linear):
        def forward(self, x):
            return torch.tensor([[1.24]])

    model = Constant()
    assert the_hint(check("W2-1.2", model=model, y_hat=model(X))).startswith(
        "model: model(x) should return wᵀx + b"
    )


# W2-1.3: the squared-error loss


def test_w2_1_3_the_reversed_order_is_the_same_loss():
    def squared_error_reversed(y_hat, y):
        return (y - y_hat) ** 2

    loss = squared_error_reversed(Linear()(X), Y)
    assert check("W2-1.3", squared_error=squared_error_reversed, loss=loss).ok


def test_w2_1_3_absolute_error_and_a_missing_square():
    def absolute_error(y_hat, y):
        return (y_hat - y).abs()

    result = check("W2-1.3", squared_error=absolute_error, loss=absolute_error(Linear()(X), Y))
    assert result.hints == [
        "squared_error(<tensor (1, 1)>, -0.5) gives a different result than expected",
        "loss = 1.7400 is too small; recheck the formula and the signs",
    ]


# W2-1.4: gradients with backward()


def test_w2_1_4_no_backward_yet():
    assert the_hint(check("W2-1.4", model=Linear())) == (
        "model: model.w.grad and model.b.grad are empty: no backward() yet"
    )


@pytest.mark.parametrize("calls", [2, 3])
def test_w2_1_4_accumulated_gradients_point_at_zero_grad(calls):
    model = with_gradients(backward_calls=calls, zero_grad=False)
    assert the_hint(check("W2-1.4", model=model)).startswith(
        "model: the gradients are a whole multiple of the right ones: backward() adds to .grad"
    )
    assert check("W2-1.4", model=with_gradients(backward_calls=calls)).ok


def test_w2_1_4_gradients_at_other_weights():
    model = Linear(w=((0.3,), (0.1,)))
    squared_error(model(X), Y).backward()
    assert the_hint(check("W2-1.4", model=model)).startswith(
        "model: the gradients are not those of the squared error at the starting weights"
    )


# W2-1.5: one step of gradient descent


def w2_1_5_answer(update=optimize_weights, lr=0.01):
    model = with_gradients()
    update(model, lr)
    y_hat = model(X)
    return {
        "optimize_weights": update,
        "model": model,
        "y_hat": y_hat,
        "loss_new": squared_error(y_hat, Y),
    }


def test_w2_1_5_naming_the_parameters_is_fine_too():
    def update_w_and_b(model, lr):
        with torch.no_grad():
            model.w -= lr * model.w.grad
            model.b -= lr * model.b.grad

    assert check("W2-1.5", **w2_1_5_answer(update_w_and_b)).ok


def test_w2_1_5_a_step_uphill():
    def uphill(model, lr):
        with torch.no_grad():
            for p in model.parameters():
                p += lr * p.grad

    result = check("W2-1.5", **w2_1_5_answer(uphill))
    assert result.hints[:2] == [
        "optimize_weights: optimize_weights(model, lr) should move every parameter of model, "
        "in place, against its gradient by lr times that gradient",
        "model: moved uphill, where the loss grows: step against the gradient",
    ]
    assert result.hints[2].startswith("y_hat: 1 of 1 entries differ")
    assert result.hints[3].endswith("is too large; recheck the formula and the signs")


def test_w2_1_5_an_update_out_of_place_leaves_the_model_alone():
    def out_of_place(model, lr):
        return {name: p - lr * p.grad for name, p in model.named_parameters()}

    result = check("W2-1.5", **w2_1_5_answer(out_of_place))
    assert result.hints[0].startswith("optimize_weights: ")
    assert result.hints[1] == (
        "model: still has its starting weights and bias: the update must change model.w and "
        "model.b themselves"
    )


def test_w2_1_5_the_wrong_learning_rate():
    hints = check("W2-1.5", **w2_1_5_answer(lr=0.1)).hints
    assert hints[0].startswith("model: is not where one step with μ = 0.01")


def test_w2_1_5_an_update_outside_no_grad_fails_in_the_probe():
    def recorded(model, lr):
        for p in model.parameters():
            p -= lr * p.grad  # PyTorch refuses: a leaf that requires grad, changed in place

    result = check("W2-1.5", **{**w2_1_5_answer(), "optimize_weights": recorded})
    assert [hint.split(":")[0] for hint in result.hints] == ["optimize_weights"]


# W2-1.6: 100 epochs


def test_w2_1_6_losses_kept_as_tensors():
    model, losses, _ = train(item=False)
    assert the_hint(check("W2-1.6", losses=losses, model=model)).startswith(
        "losses: store each loss as a Python number with loss.item()"
    )


def test_w2_1_6_losses_recorded_after_the_update():
    model, losses, _ = train(record_after=True)
    assert the_hint(check("W2-1.6", losses=losses, model=model)).startswith(
        "losses: the first entry should be the loss of the starting weights"
    )


def test_w2_1_6_without_zero_grad_the_loss_stops_falling():
    model, losses, _ = train(zero_grad=False)
    assert the_hint(check("W2-1.6", losses=losses, model=model)).startswith(
        "losses: the loss should fall at every epoch"
    )


def test_w2_1_6_wrong_learning_rate_and_too_few_epochs():
    model, losses, _ = train(lr=0.001)
    result = check("W2-1.6", losses=losses, model=model)
    assert result.hints[0].startswith("losses: the last loss is not where 100 epochs")
    assert result.hints[1].startswith("model: model(x) is not where 100 steps")

    model, losses, _ = train(epochs=99)
    result = check("W2-1.6", losses=losses, model=model)
    assert result.hints[0] == "losses: record one loss per epoch (100 epochs)"


# W2-1.7: four learning rates


LEARNING_RATES = [1.0, 0.1, 0.01, 0.001]


def test_w2_1_7_one_model_shared_by_all_runs():
    model = Linear()
    runs = {lr: train(0.01, model=model)[1:] for lr in LEARNING_RATES[1:]}
    runs[1.0] = train(1.0)[1:]
    assert the_hint(check("W2-1.7", runs=runs)).startswith(
        "runs: every run should start from a fresh model"
    )


def test_w2_1_7_a_learning_rate_that_is_not_used():
    runs = {lr: train(0.01)[1:] for lr in LEARNING_RATES}
    assert the_hint(check("W2-1.7", runs=runs)).startswith(
        "runs: in the run with μ = 1.0 the loss does not change by the factor"
    )


def test_w2_1_7_missing_zero_grad_shows_in_the_factor():
    runs = {lr: train(lr, zero_grad=lr != 0.1)[1:] for lr in LEARNING_RATES}
    assert the_hint(check("W2-1.7", runs=runs)).startswith("runs: in the run with μ = 0.1 ")


def test_w2_1_7_the_shape_of_runs():
    text_keys = {str(lr): train(lr)[1:] for lr in LEARNING_RATES}
    assert the_hint(check("W2-1.7", runs=text_keys)).startswith(
        "runs: should be a dict with one entry per learning rate"
    )
    losses_only = {lr: train(lr)[1] for lr in LEARNING_RATES}
    assert the_hint(check("W2-1.7", runs=losses_only)).startswith(
        "runs: each entry should be the pair (losses, errors)"
    )


# W2-Eg2 and W2-Ex2: the gradient by hand


W0, W1, B, X0, X1 = 0.4, 0.1, 1.0, 0.5, 0.4
Y_HAT = W0 * X0 + W1 * X1 + B


def test_w2_eg2_a_lost_factor_and_a_lost_sign():
    result = check("W2-Eg2", grad_w0_terms=X0 * (Y_HAT - Y), grad_w0=2 * X0 * (Y - Y_HAT))
    assert result.hints == [
        "grad_w0_terms = 0.8700 is too small; recheck the formula and the signs",
        "grad_w0 = -1.7400 is too small; recheck the formula and the signs",
    ]


def grad_w1(w, b, x, y):
    y_hat = w[0, 0] * x[0, 0] + w[1, 0] * x[1, 0] + b
    return 2 * x[1, 0] * (y_hat - y)


def w2_ex2_answer(grad=grad_w1):
    model = Linear()
    squared_error(model(X), Y).backward()
    with torch.no_grad():
        manual = grad(model.w, model.b, X, Y)
    assert model.w.grad is not None
    return {"grad_w1": grad, "manual": manual, "autograd": model.w.grad[1, 0]}


def test_w2_ex2_the_matrix_form_passes_too():
    def grad_w1_matrix(w, b, x, y):
        return 2 * x[1, 0] * (w.T @ x + b - y)

    assert check("W2-Ex2", **w2_ex2_answer(grad_w1_matrix)).ok


def test_w2_ex2_the_wrong_input_in_the_formula():
    def grad_w1_x0(w, b, x, y):
        return 2 * x[0, 0] * (w.T @ x + b - y)

    result = check("W2-Ex2", **w2_ex2_answer(grad_w1_x0))
    assert result.hints == [
        "grad_w1(<tensor (2, 1)>, <tensor ()>, <tensor (2, 1)>, -0.5) gives a different result "
        "than expected",
        "manual = 1.7400 is too large; recheck the formula and the signs",
    ]


def test_w2_ex2_a_formula_right_only_at_the_course_point_is_caught():
    def hard_coded(w, b, x, y):
        return torch.tensor(1.392)

    hint = the_hint(check("W2-Ex2", **w2_ex2_answer(hard_coded)))
    assert hint.startswith("grad_w1(<tensor (2, 1)>, <tensor ()>, <tensor (2, 1)>, 1.0)")
