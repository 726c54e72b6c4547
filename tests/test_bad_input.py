"""Each reproducer of issue 12: a clear error from the library, or the right value."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

import ee4414
from ee4414 import (
    SGD,
    Linear,
    Trainer,
    TwoLayerNN,
    accuracy,
    autograd_gradients,
    compare_gradients,
    explain_broadcast,
    mse,
    numerical_gradients,
    plot_decision_surface,
    plot_points,
    sgd_step,
    squared_error,
    squared_error_derivative,
    xor,
)


@pytest.mark.parametrize(
    ("loss", "match"),
    [
        (None, r"Trainer expects loss to be a name \('mse', .*\) or a function .*; got None"),
        (42, "got 42"),
        (torch.nn.MSELoss, r"Trainer got loss=MSELoss, a class; pass an instance, e.g. "),
    ],
)
def test_trainer_checks_its_loss_at_construction(loss, match):
    with pytest.raises(TypeError, match=match):
        Trainer(TwoLayerNN(), loss=loss, device="cpu")


def test_a_loss_instance_trains():
    history = Trainer(TwoLayerNN(), loss=torch.nn.MSELoss(), device="cpu").fit(*xor(), epochs=2)
    assert len(history.losses) == 2


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_or_inf_in_the_data_is_named_as_such(bad):
    x, c = xor()
    x[2, 1, 0] = bad
    with pytest.raises(ValueError, match=r"fit: x holds 1 NaN or infinite .* at index \(2, 1, 0\)"):
        Trainer(TwoLayerNN(), device="cpu").fit(x, c, epochs=1)
    x, c = xor()
    c[0, 0, 0] = bad
    with pytest.raises(ValueError, match=r"fit: y holds 1 NaN or infinite"):
        Trainer(TwoLayerNN(), loss="squared_error", device="cpu").fit(x, c, epochs=1)


@pytest.mark.parametrize("loss", ["squared_error", "mse"])
def test_empty_data_is_refused(loss):
    with pytest.raises(ValueError, match=r"fit got no data: x has shape \(0, 2, 1\), 0 points"):
        Trainer(TwoLayerNN(), loss=loss, device="cpu").fit(
            torch.zeros(0, 2, 1), torch.zeros(0, 1, 1), epochs=3
        )


def test_a_loss_that_returns_a_plain_number_or_a_batch_is_named_in_fit():
    # a loss that returns a plain number, on purpose
    trainer = Trainer(TwoLayerNN(), loss=lambda y_hat, y: mse(y_hat, y).item(), device="cpu")  # type: ignore[arg-type,return-value]
    with pytest.raises(TypeError, match=r"should return a one-element tensor .* it returned \d"):
        trainer.fit(*xor(), epochs=1)
    trainer = Trainer(TwoLayerNN(), loss=torch.nn.MSELoss(reduction="none"), device="cpu")
    with pytest.raises(TypeError, match=r"returned a tensor of shape \(4, 1, 1\)"):
        trainer.fit(*xor(), epochs=1)
    trainer = Trainer(TwoLayerNN(), loss=lambda y_hat, y: mse(y_hat.detach(), y), device="cpu")
    with pytest.raises(TypeError, match="autograd cannot differentiate"):
        trainer.fit(*xor(), epochs=1)


def test_a_model_without_parameters_is_refused():
    with pytest.raises(ValueError, match="the model has no parameters to train"):
        Trainer(torch.nn.ReLU(), device="cpu")


def test_integer_tensors_in_the_losses_are_read_as_floats():
    y_hat = torch.tensor([[1]])
    assert squared_error(y_hat, 0.5).item() == 0.25
    assert squared_error_derivative(y_hat, 0.5).item() == 1.0
    assert mse(torch.tensor([[1], [3]]), torch.tensor([[0], [0]])).item() == 5.0
    assert mse(torch.tensor([[1], [3]]), torch.tensor([[0], [0]])).dtype == torch.float32


def test_losses_refuse_empty_predictions():
    with pytest.raises(ValueError, match=r"mse: y_hat is empty \(shape \(0, 1, 1\)\)"):
        mse(torch.zeros(0, 1, 1), torch.zeros(0, 1, 1))


def test_a_0d_tensor_or_numpy_target_is_a_number():
    y_hat = torch.tensor([[1.24]], requires_grad=True)
    for y in (torch.tensor(-0.5), np.float32(-0.5), np.array(-0.5), np.float64(-0.5)):
        assert squared_error(y_hat, y).item() == pytest.approx(3.0276, abs=1e-5)  # type: ignore[arg-type]


def test_accuracy_refuses_nan_outputs_and_01_labels():
    c = torch.tensor([-1.0, 1.0]).reshape(2, 1, 1)
    with pytest.raises(ValueError, match="accuracy: y_hat holds 1 NaN or infinite entries"):
        accuracy(torch.tensor([math.nan, 1.0]).reshape(2, 1, 1), c)
    with pytest.raises(ValueError, match=r"labels in \{-1, 1\}; got values \[0.0\] \(0/1 labels"):
        accuracy(
            torch.tensor([-2.0, 1.0]).reshape(2, 1, 1), torch.tensor([0.0, 1.0]).reshape(2, 1, 1)
        )
    assert accuracy(torch.tensor([-2.0, 1.0]).reshape(2, 1, 1), c) == 1.0


def test_plot_points_refuses_labels_it_would_drop():
    x, c = xor()
    with pytest.raises(ValueError, match=r"plot_points expects labels in \{-1, 1\}.*2 \* c - 1"):
        plot_points(x, (c + 1) / 2)
    with pytest.raises(ValueError, match="there are 4 points but 3 labels"):
        plot_points(x, c[:3])


class Rows(torch.nn.Module):
    """A model that reads rows, as torch.nn.Linear does: columns make it fail."""

    def __init__(self):
        super().__init__()
        self.layer = torch.nn.Linear(2, 1)

    def forward(self, x):
        return self.layer(x)


def test_plot_decision_surface_says_why_a_model_cannot_be_drawn():
    with pytest.raises(ValueError, match=r"model\(x\) failed on a batch .* \(40000, 2, 1\)"):
        plot_decision_surface(Rows())
    with pytest.raises(ValueError, match="no floating-point parameters"):
        plot_decision_surface(torch.nn.ReLU())
    with pytest.raises(ValueError, match=r"one output each, shape \(100, 1, 1\); got shape"):
        plot_decision_surface(ee4414.MLP([2, 2]), resolution=10)
    with pytest.raises(TypeError, match="expected model to be a torch.nn.Module"):
        plot_decision_surface(lambda x: x)  # type: ignore[arg-type]


def test_gradcheck_refuses_a_loss_autograd_cannot_follow():
    model, (x, c) = TwoLayerNN(), xor()
    for loss in (
        lambda y_hat, y: mse(y_hat, y).item(),
        lambda y_hat, y: mse(y_hat, y).detach(),
        lambda y_hat, y: 0.5,
    ):
        with pytest.raises(TypeError, match="autograd_gradients: loss"):
            autograd_gradients(model, loss, x, c)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="autograd_gradients: loss"):
            compare_gradients({"layers.0.w": torch.zeros(2, 2)}, model, loss, x, c)  # type: ignore[arg-type]
    numeric = numerical_gradients(model, lambda y_hat, y: mse(y_hat, y).item(), x, c)  # type: ignore[arg-type,return-value]
    assert set(numeric) == {name for name, _ in model.named_parameters()}


def test_linear_refuses_nan_weights_and_a_flat_matrix():
    with pytest.raises(ValueError, match="Linear: w holds NaN or an infinity"):
        Linear(2, 1, w=[math.nan, 1.0])
    with pytest.raises(ValueError, match=r"w of shape .* = \(2, 2\); got \(4,\); a flat list"):
        Linear(2, 2, w=[1, 2, 3, 4])
    assert Linear(2, 2, w=[[1, 2], [3, 4]]).w.tolist() == [[1, 2], [3, 4]]


def test_sgd_step_refuses_nan_gradients_and_no_gradients():
    w = torch.nn.Parameter(torch.tensor([[0.4], [0.1]]))
    with pytest.raises(ValueError, match=r"no parameter has a gradient .* loss.backward\(\)"):
        sgd_step([w], 0.1)
    w.grad = torch.tensor([[math.nan], [1.0]])
    with pytest.raises(
        ValueError, match="holds NaN or an infinity, so the step .* nothing was changed"
    ):
        sgd_step([w], 0.1)
    assert torch.equal(w.detach(), torch.tensor([[0.4], [0.1]]))
    with pytest.raises(ValueError, match="no parameter has a gradient"):
        SGD([torch.nn.Parameter(torch.zeros(1))], 0.1).step()


def test_explain_broadcast_of_0_with_1_is_0():
    assert explain_broadcast((0,), (1,)).result == (0,)


def test_numpy_numbers_and_0d_tensors_are_numbers_everywhere():
    x, c = xor()
    trainer = Trainer(TwoLayerNN(), lr=np.float32(0.1), batch_size=np.int64(2), device="cpu")
    history = trainer.fit(x, c, epochs=np.int64(3), snapshot_every=torch.tensor(1))  # type: ignore[arg-type]
    assert len(history.losses) == 3 and len(history.snapshots) == 4
    assert Trainer(TwoLayerNN(), lr=np.array(0.1), seed=np.int32(1), device="cpu").lr == 0.1  # type: ignore[arg-type]
    assert ee4414.circles(n=np.int64(4), seed=np.uint8(1))[0].shape == (4, 2, 1)
    w = torch.nn.Parameter(torch.ones(1))
    w.grad = torch.ones(1)
    sgd_step([w], torch.tensor(0.5))  # type: ignore[arg-type]
    assert w.item() == 0.5
    assert ee4414.TwoLayerNN(hidden=np.int64(3)).sizes == [2, 3, 1]
