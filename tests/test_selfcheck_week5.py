"""Week 5's self-checks: the worked answers pass, typical mistakes get the right hint."""

from __future__ import annotations

import math

import pytest
import torch

import ee4414
from ee4414 import course_numbers as cn
from ee4414.selfcheck import check, exercises
from ee4414.selfcheck.week5 import EXPECTATIONS as WEEK5

# The week-2 neuron and its forward pass, as in W5-1.1 to W5-1.4.1.
W = torch.tensor(cn.W2_W)
B = torch.tensor([[cn.W2_B]])
X = torch.tensor(cn.W2_X)
Y = torch.tensor([[cn.W2_Y]])
Y_HAT = W.T @ X + B
ERROR = Y_HAT - Y

# The week-4 two-layer network, as in W5-1.5 and W5-1.6.
N0_0, N0_1, N1 = (cn.W4_NEURONS[k] for k in ("layer0_0", "layer0_1", "layer1"))
W0_0, B0_0 = (torch.tensor([v]).reshape(-1, 1) for v in (N0_0[:2], N0_0[2:]))
W0_1, B0_1 = (torch.tensor([v]).reshape(-1, 1) for v in (N0_1[:2], N0_1[2:]))
W1, B1 = (torch.tensor([v]).reshape(-1, 1) for v in (N1[:2], N1[2:]))
Y2 = torch.tensor([[cn.W5_Y]])
X_A = torch.tensor(cn.W4_X)


def deriv_loss_over_error(error):
    return 2 * error


def deriv_error_over_y_hat(y_hat):
    return torch.ones_like(y_hat)


def deriv_y_hat_over_w0(x):
    return x[..., 0:1, :]


def deriv_y_hat_over_w1(x):
    return x[..., 1:2, :]


def deriv_y_hat_over_b(y_hat):
    return torch.ones_like(y_hat)


def deriv_relu(y_hat):
    return (y_hat > 0).to(y_hat.dtype)


def sigmoid(y_hat):
    return 1 / (1 + torch.exp(-y_hat))


def deriv_sigmoid(y_hat):
    s = sigmoid(y_hat)
    return s * (1 - s)


def deriv_y_hat_over_z(w1, j):
    return w1[..., j : j + 1, :]


def deriv_hidden_over_weight(x, i):
    return x[..., i : i + 1, :]


def forward(x):
    """W5-1.6's forward pass: every intermediate value of the two-layer network."""
    y_hat0_0 = W0_0.T @ x + B0_0
    y_hat0_1 = W0_1.T @ x + B0_1
    z0 = torch.clamp(y_hat0_0, min=0.0)
    z1 = torch.clamp(y_hat0_1, min=0.0)
    y_hat = W1.T @ torch.cat([z0, z1], dim=-2) + B1
    error = y_hat - Y2
    return {
        "y_hat0_0": y_hat0_0,
        "y_hat0_1": y_hat0_1,
        "z0": z0,
        "z1": z1,
        "y_hat": y_hat,
        "E": error,
        "L": (error**2).sum(),
    }


def chain_for_neuron1(x, fwd, i):
    return {
        "dL/dE": deriv_loss_over_error(fwd["E"]),
        "dE/dy_hat": deriv_error_over_y_hat(fwd["y_hat"]),
        "dy_hat/dz1": deriv_y_hat_over_z(W1, 1),
        "dz1/dy_hat0_1": deriv_relu(fwd["y_hat0_1"]),
        f"dy_hat0_1/dw0_{i}1": deriv_hidden_over_weight(x, i),
    }


def product(factors):
    result = torch.ones(1, 1)
    for value in factors.values():
        result = result * value
    return result + 0.0


def first_hint(exercise, **answers):
    result = check(exercise, **answers)
    assert not result.ok
    return result.hints[0]


def test_every_week5_exercise_has_a_check():
    ids = {"W5-1.1", "W5-1.2", "W5-1.3", "W5-1.4", "W5-1.4.1", "W5-1.5", "W5-1.6"}
    assert set(WEEK5) == ids
    assert ids <= set(exercises())


# W5-1.1 to W5-1.3: the linear neuron, one parameter at a time.


def answers_w5_1_1(**changes):
    dL_dE = deriv_loss_over_error(ERROR)
    dE_dyhat = deriv_error_over_y_hat(Y_HAT)
    dyhat_dw0 = deriv_y_hat_over_w0(X)
    answers = {
        "deriv_y_hat_over_w0": deriv_y_hat_over_w0,
        "dyhat_dw0": dyhat_dw0,
        "grad_w0": dL_dE * dE_dyhat * dyhat_dw0,
    }
    return answers | changes


def test_w5_1_1_a_scalar_slope_is_fine_for_one_input():
    assert check("W5-1.1", **answers_w5_1_1(deriv_y_hat_over_w0=lambda x: x[0, 0])).ok


@pytest.mark.parametrize(
    ("changes", "hint"),
    [
        (
            {"deriv_y_hat_over_w0": deriv_y_hat_over_w1},
            "deriv_y_hat_over_w0(<tensor (2, 1)>) gives a different result than expected",
        ),
        (
            {"deriv_y_hat_over_w0": lambda x: x},
            "deriv_y_hat_over_w0(<tensor (2, 1)>) gives a different result than expected",
        ),
        ({"dyhat_dw0": W[0, 0]}, "dyhat_dw0 = 0.4000 is too small"),
        ({"grad_w0": ERROR * X[0]}, "grad_w0 = 0.8700 is too small"),  # forgot the 2 of 2E
        ({"grad_w0": -2 * ERROR * X[0]}, "grad_w0 = -1.7400 is too small"),
    ],
)
def test_w5_1_1_mistakes(changes, hint):
    assert first_hint("W5-1.1", **answers_w5_1_1(**changes)).startswith(hint)


def answers_w5_1_2(**changes):
    dL_dE = deriv_loss_over_error(ERROR)
    dE_dyhat = deriv_error_over_y_hat(Y_HAT)
    dyhat_dw1 = deriv_y_hat_over_w1(X)
    answers = {
        "deriv_y_hat_over_w1": deriv_y_hat_over_w1,
        "dL_dE": dL_dE,
        "dE_dyhat": dE_dyhat,
        "dyhat_dw1": dyhat_dw1,
        "grad_w1": dL_dE * dE_dyhat * dyhat_dw1,
    }
    return answers | changes


def test_w5_1_3_a_derivative_that_returns_a_plain_1_passes():
    assert check("W5-1.3", **answers_w5_1_3(deriv_y_hat_over_b=lambda y_hat: 1)).ok


@pytest.mark.parametrize(
    ("changes", "hint"),
    [
        (
            {"deriv_y_hat_over_w1": deriv_y_hat_over_w0},
            "deriv_y_hat_over_w1(<tensor (2, 1)>) gives a different result than expected",
        ),
        ({"dL_dE": ERROR**2}, "dL_dE = 3.0276 is too small"),
        ({"dE_dyhat": -torch.ones(1, 1)}, "dE_dyhat = -1.0000 is too small"),
        ({"grad_w1": 2 * ERROR * X[0]}, "grad_w1 = 1.7400 is too large"),
    ],
)
def test_w5_1_2_mistakes(changes, hint):
    assert first_hint("W5-1.2", **answers_w5_1_2(**changes)).startswith(hint)


def answers_w5_1_3(**changes):
    dL_dE = deriv_loss_over_error(ERROR)
    dE_dyhat = deriv_error_over_y_hat(Y_HAT)
    dyhat_db = deriv_y_hat_over_b(Y_HAT)
    answers = {
        "deriv_y_hat_over_b": deriv_y_hat_over_b,
        "dL_dE": dL_dE,
        "dE_dyhat": dE_dyhat,
        "dyhat_db": dyhat_db,
        "grad_b": dL_dE * dE_dyhat * dyhat_db,
    }
    return answers | changes


@pytest.mark.parametrize(
    ("changes", "hint"),
    [
        (
            {"deriv_y_hat_over_b": lambda y_hat: y_hat},
            "deriv_y_hat_over_b(<tensor (1, 1)>) gives a different result than expected",
        ),
        (
            {"deriv_y_hat_over_b": torch.zeros_like},
            "deriv_y_hat_over_b(<tensor (1, 1)>) gives a different result than expected",
        ),
        ({"dyhat_db": B * 0}, "dyhat_db = 0.0000 is too small"),
        ({"grad_b": 2 * ERROR * X[0]}, "grad_b = 1.7400 is too small"),
    ],
)
def test_w5_1_3_mistakes(changes, hint):
    assert first_hint("W5-1.3", **answers_w5_1_3(**changes)).startswith(hint)


# W5-1.4 and W5-1.4.1: an activation between the neuron and the loss.


def answers_w5_1_4(**changes):
    z = torch.clamp(Y_HAT, min=0.0)
    upstream = deriv_loss_over_error(z - Y) * deriv_error_over_y_hat(z) * deriv_relu(Y_HAT)
    answers = {
        "deriv_relu": deriv_relu,
        "upstream": upstream,
        "grad_w0": upstream * deriv_y_hat_over_w0(X),
    }
    return answers | changes


@pytest.mark.parametrize(
    "relu_derivative",
    [
        deriv_relu,
        lambda y: (y > 0).float(),
        lambda y: y > 0,  # a bool tensor holds the same 0/1 switch
        lambda y: torch.where(y > 0, 1.0, 0.0),
        lambda y: torch.heaviside(y, torch.tensor(0.0)),
        ee4414.relu_derivative,
    ],
)
def test_w5_1_4_worked_answer_and_equivalents_pass(relu_derivative):
    assert check("W5-1.4", **answers_w5_1_4(deriv_relu=relu_derivative)).ok


def relu_if(y_hat):
    if y_hat > 0:
        return 1.0
    return 0.0


def relu_no_return(y_hat):
    (y_hat > 0).float()


@pytest.mark.parametrize(
    ("relu_derivative", "hint"),
    [
        (lambda y: (y >= 0).float(), "deriv_relu: is wrong at the corner ŷ = 0"),
        (lambda y: torch.clamp(y, min=0.0) / y, "deriv_relu: returns nan or inf for some ŷ"),
        (torch.ones_like, "deriv_relu: gives the wrong slope where ŷ < 0"),
        (lambda y: torch.clamp(y, min=0.0), "deriv_relu: gives the wrong slope where ŷ > 0"),
        (lambda y: (y < 0).float(), "deriv_relu: gives the wrong slope where ŷ > 0"),
        (relu_if, "deriv_relu: should work element-wise"),
        (relu_no_return, "deriv_relu(y_hat) returns None: is the return statement missing?"),
        (lambda y: "on" if y > 0 else "off", "deriv_relu(y_hat) returns a str"),
        (lambda y: y.sign(1), "deriv_relu(y_hat) raised TypeError"),
        (1.0, "deriv_relu should be a function; got a float"),
    ],
)
def test_w5_1_4_relu_derivative_mistakes(relu_derivative, hint):
    assert first_hint("W5-1.4", **answers_w5_1_4(deriv_relu=relu_derivative)).startswith(hint)


def test_w5_1_4_gradient_mistakes():
    upstream = answers_w5_1_4()["upstream"]
    assert first_hint("W5-1.4", **answers_w5_1_4(upstream=upstream / 2)).startswith(
        "upstream = 1.7400 is too small"
    )
    wrong_input = upstream * deriv_y_hat_over_w1(X)
    assert first_hint("W5-1.4", **answers_w5_1_4(grad_w0=wrong_input)).startswith(
        "grad_w0 = 1.3920 is too small"
    )


def answers_w5_1_4_1(**changes):
    z = sigmoid(Y_HAT)
    upstream = deriv_loss_over_error(z - Y) * deriv_error_over_y_hat(z) * deriv_sigmoid(Y_HAT)
    answers = {
        "deriv_sigmoid": deriv_sigmoid,
        "upstream": upstream,
        "grad_w0": upstream * X[..., 0:1, :],
    }
    return answers | changes


@pytest.mark.parametrize(
    "sigmoid_derivative",
    [
        deriv_sigmoid,
        lambda y: torch.exp(-y) / (1 + torch.exp(-y)) ** 2,  # the form before the algebra
        lambda y: torch.sigmoid(y) * (1 - torch.sigmoid(y)),
        ee4414.sigmoid_derivative,
    ],
)
def test_w5_1_4_1_worked_answer_and_equivalents_pass(sigmoid_derivative):
    assert check("W5-1.4.1", **answers_w5_1_4_1(deriv_sigmoid=sigmoid_derivative)).ok


def sigmoid_slope_math(y_hat):
    s = 1 / (1 + math.exp(-y_hat))  # fine for one number, not for a tensor of several
    return s * (1 - s)


@pytest.mark.parametrize(
    ("sigmoid_derivative", "hint"),
    [
        (
            lambda y: -torch.exp(-y) / (1 + torch.exp(-y)) ** 2,
            "deriv_sigmoid: is negative or zero somewhere",
        ),
        (lambda y: sigmoid(y) * (1 + sigmoid(y)), "deriv_sigmoid: does not match"),
        (sigmoid, "deriv_sigmoid: does not match"),
        (lambda y: torch.exp(-y) / (1 + torch.exp(-y)), "deriv_sigmoid: does not match"),
        (sigmoid_slope_math, "deriv_sigmoid: should work element-wise"),
        (lambda y: sigmoid(y) / (1 - sigmoid(y)) / y, "deriv_sigmoid: returns nan or inf"),
    ],
)
def test_w5_1_4_1_sigmoid_derivative_mistakes(sigmoid_derivative, hint):
    answers = answers_w5_1_4_1(deriv_sigmoid=sigmoid_derivative)
    assert first_hint("W5-1.4.1", **answers).startswith(hint)


def test_w5_1_4_1_gradient_without_the_sigmoid_slope_fails():
    z = sigmoid(Y_HAT)
    upstream = deriv_loss_over_error(z - Y)  # the activation's factor left out
    answers = answers_w5_1_4_1(upstream=upstream, grad_w0=upstream * X[0])
    assert check("W5-1.4.1", **answers).hints == [
        "upstream = 2.5511 is too large; recheck the formula and the signs",
        "grad_w0 = 1.2756 is too large; recheck the formula and the signs",
    ]


# W5-1.5 and W5-1.6: the two-layer network.


def answers_w5_1_5(**changes):
    fwd = forward(X_A)
    factors = {
        "dL/dE": deriv_loss_over_error(fwd["E"]),
        "dE/dy_hat": deriv_error_over_y_hat(fwd["y_hat"]),
        "dy_hat/dz0": deriv_y_hat_over_z(W1, 0),
        "dz0/dy_hat0_0": deriv_relu(fwd["y_hat0_0"]),
        "dy_hat0_0/dw0_00": deriv_hidden_over_weight(X_A, 0),
    }
    answers = {
        "deriv_y_hat_over_z": deriv_y_hat_over_z,
        "deriv_relu": deriv_relu,
        "deriv_hidden_over_weight": deriv_hidden_over_weight,
        "grad_w0_00": product(factors),
    }
    return answers | changes


def test_w5_1_5_matches_the_library_network():
    layer0 = ee4414.Linear(2, 2, w=cn.W4_HIDDEN_W, b=cn.W4_HIDDEN_B)
    layer1 = ee4414.Linear(2, 1, w=N1[:2], b=N1[2])
    model = ee4414.MLP.from_layers([layer0, layer1], activation="relu")
    grads = ee4414.autograd_gradients(model, ee4414.squared_error, X_A, Y2)
    answers = answers_w5_1_5(grad_w0_00=grads["layers.0.w"][0, 0])
    assert check("W5-1.5", **answers).ok


@pytest.mark.parametrize(
    ("changes", "hint"),
    [
        (
            {"deriv_y_hat_over_z": lambda w1, j: w1[0:1, :]},  # ignores j
            "deriv_y_hat_over_z(<tensor (2, 1)>, 1) gives a different result than expected",
        ),
        (
            {"deriv_hidden_over_weight": lambda x, i: W0_0[i : i + 1, :]},  # a weight, not x_i
            "deriv_hidden_over_weight(<tensor (2, 1)>, 0) gives a different result than expected",
        ),
        ({"deriv_relu": lambda y: (y >= 0).float()}, "deriv_relu: is wrong at the corner"),
        ({"grad_w0_00": torch.tensor([[0.5148]])}, "grad_w0_00 = 0.5148 is too small"),
    ],
)
def test_w5_1_5_mistakes(changes, hint):
    assert first_hint("W5-1.5", **answers_w5_1_5(**changes)).startswith(hint)


def answers_w5_1_6(chain=chain_for_neuron1, **changes):
    fwd_a = forward(X_A)
    answers = {
        "chain_for_neuron1": chain,
        "grad_w11_a": product(chain(X_A, fwd_a, i=1)),
        "grad_w01_a": product(chain(X_A, fwd_a, i=0)),
    }
    return answers | changes


def chain_with_neuron0_switch(x, fwd, i):
    return chain_for_neuron1(x, fwd, i) | {"dz1/dy_hat0_1": deriv_relu(fwd["y_hat0_0"])}


def chain_with_output_weight0(x, fwd, i):
    return chain_for_neuron1(x, fwd, i) | {"dy_hat/dz1": deriv_y_hat_over_z(W1, 0)}


def chain_with_x1_always(x, fwd, i):
    return chain_for_neuron1(x, fwd, i) | {f"dy_hat0_1/dw0_{i}1": deriv_hidden_over_weight(x, 1)}


def chain_without_switch(x, fwd, i):
    return chain_for_neuron1(x, fwd, i) | {"dz1/dy_hat0_1": torch.ones(1, 1)}


def chain_four_factors(x, fwd, i):
    factors = chain_for_neuron1(x, fwd, i)
    del factors["dz1/dy_hat0_1"]
    return factors


def chain_as_list(x, fwd, i):
    return list(chain_for_neuron1(x, fwd, i).values())


@pytest.mark.parametrize(
    ("chain", "hint"),
    [
        (chain_with_neuron0_switch, "chain_for_neuron1: for inputs that switch hidden neuron 1 on"),
        (chain_with_output_weight0, "chain_for_neuron1: for inputs that switch hidden neuron 1 on"),
        (chain_with_x1_always, "chain_for_neuron1: right for i = 1 but not for i = 0"),
        (chain_without_switch, "chain_for_neuron1: lets a gradient through for the input x_A"),
        (chain_four_factors, "chain_for_neuron1: chain_for_neuron1(x, fwd, i) should return"),
        (chain_as_list, "chain_for_neuron1: chain_for_neuron1(x, fwd, i) should return"),
    ],
)
def test_w5_1_6_chain_mistakes(chain, hint):
    answers = answers_w5_1_6(chain=chain_for_neuron1, chain_for_neuron1=chain)
    assert first_hint("W5-1.6", **answers).startswith(hint)


def test_w5_1_6_a_gradient_through_a_switched_off_neuron_fails():
    answers = answers_w5_1_6(chain=chain_without_switch)
    hints = check("W5-1.6", **answers).hints
    assert hints[0].startswith("chain_for_neuron1: lets a gradient through")
    assert hints[1] == "grad_w11_a = 0.1716 is too large; recheck the formula and the signs"


def test_hints_do_not_give_the_answer_away():
    answers = answers_w5_1_1(grad_w0=torch.tensor([[0.87]]))
    assert "1.74" not in str(check("W5-1.1", **answers))
    answers = answers_w5_1_5(grad_w0_00=torch.tensor([[0.5]]))
    assert "0.6435" not in str(check("W5-1.5", **answers))
