from __future__ import annotations

import math

import pytest
import torch

from ee4414 import (
    Linear,
    Trainer,
    TrainingDivergedError,
    TwoLayerNN,
    accuracy,
    hinge,
    linearly_separable,
    squared_error,
    xor,
)

X_W2 = torch.tensor([[[0.5], [0.4]]])
Y_W2 = torch.tensor([[[-0.5]]])


def _xor_run(seed: int = 2, epochs: int = 400):
    torch.manual_seed(seed)
    model = TwoLayerNN()
    return model, Trainer(model, "mse", lr=0.1, device="cpu").fit(*xor(), epochs=epochs)


def test_trainer_solves_xor_and_the_loss_decreases():
    model, history = _xor_run(epochs=2000)
    x, c = xor()
    assert accuracy(model(x), c) == 1.0
    assert history.losses[-1] < history.losses[0] / 100 and history.losses[-1] < 1e-3
    assert history.epochs == 2000 and history.diverged_at is None


def test_same_seed_same_history():
    assert _xor_run()[1].losses == _xor_run()[1].losses


def test_full_batch_matches_the_hand_written_loop():
    x, c = xor()
    torch.manual_seed(0)
    model = TwoLayerNN()
    reference = TwoLayerNN()
    reference.load_state_dict(model.state_dict())
    history = Trainer(model, "mse", lr=0.05, device="cpu").fit(x, c, epochs=50)
    losses = []
    for _ in range(50):
        loss = ((reference(x) - c) ** 2).mean()
        losses.append(loss.item())
        reference.zero_grad()
        loss.backward()
        with torch.no_grad():
            for p in reference.parameters():
                assert p.grad is not None
                p.sub_(0.05 * p.grad)
    assert history.losses == pytest.approx(losses)


def test_per_sample_sgd_records_every_step():
    x, c = linearly_separable(n=8, seed=1)
    model = Linear(2, 1, generator=torch.Generator().manual_seed(0))
    history = Trainer(model, hinge, lr=0.1, device="cpu", batch_size=1).fit(x, c, epochs=20)
    assert len(history.step_losses) == 8 * 20
    assert history.losses[0] == pytest.approx(sum(history.step_losses[:8]) / 8)
    assert accuracy(model(x), c) == 1.0


def test_shuffling_is_seeded():
    x, c = linearly_separable(n=8, seed=1)
    runs = []
    for _ in range(2):
        model = Linear(2, 1, generator=torch.Generator().manual_seed(0))
        trainer = Trainer(model, "hinge", lr=0.1, device="cpu", batch_size=3, shuffle=True, seed=5)
        runs.append(trainer.fit(x, c, epochs=3).step_losses)
    assert runs[0] == runs[1] and len(runs[0]) == 9


def test_snapshots_and_callback():
    x, c = xor()
    seen = []
    torch.manual_seed(2)
    trainer = Trainer(TwoLayerNN(), "mse", lr=0.1, device="cpu")
    history = trainer.fit(
        x, c, epochs=25, snapshot_every=10, callback=lambda e, v, m: seen.append(e)
    )
    assert [epoch for epoch, _ in history.snapshots] == [0, 10, 20, 25]
    assert set(history.snapshots[0][1]) == {"layers.0.w", "layers.0.b", "layers.1.w", "layers.1.b"}
    assert seen == list(range(1, 26))
    assert trainer.predict(x).shape == (4, 1, 1)


def test_divergence_raises_with_epoch_and_advice():
    trainer = Trainer(Linear(2, 1, w=[0.4, 0.1], b=1.0), squared_error, lr=1.0, device="cpu")
    with pytest.raises(
        TrainingDivergedError,
        match=r"at epoch \d+ with lr=1; try a smaller learning rate \(e.g. lr=0.1\)",
    ):
        trainer.fit(X_W2, Y_W2, epochs=200)


def test_divergence_can_stop_and_keep_the_curve():
    model = Linear(2, 1, w=[0.4, 0.1], b=1.0)
    history = Trainer(model, "squared_error", lr=1.0, device="cpu", on_divergence="stop").fit(
        X_W2, Y_W2, epochs=200
    )
    assert history.diverged_at is not None and history.diverged_at == history.epochs
    assert not math.isfinite(history.losses[-1])
    assert history.losses[-2] > history.losses[0] * 1e10  # it really grew


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"lr": 0}, ValueError, "learning rate must be positive"),
        ({"lr": -1}, ValueError, "learning rate must be positive"),
        ({"batch_size": 0}, ValueError, "Trainer: batch_size must be at least 1; got 0"),
        ({"batch_size": 2.5}, TypeError, "Trainer expects batch_size to be a whole number"),
        ({"loss": None}, TypeError, "expects loss to be a name .* got None"),
        ({"loss": 42}, TypeError, "expects loss to be a name .* got 42"),
        ({"loss": torch.nn.MSELoss}, TypeError, r"loss=MSELoss, a class; .* loss=MSELoss\(\)"),
        ({"shuffle": "yes"}, TypeError, "shuffle to be True or False"),
        ({"seed": 1.5}, TypeError, "seed to be a whole number"),
        ({"on_divergence": "ignore"}, ValueError, "on_divergence must be 'raise' or 'stop'"),
        ({"device": "gpu"}, ValueError, "unknown device 'gpu'"),
        ({"loss": "l1"}, ValueError, "unknown loss 'l1'"),
    ],
)
def test_bad_trainer_settings(kwargs, error, match):
    with pytest.raises(error, match=match):
        Trainer(TwoLayerNN(), **{"device": "cpu", **kwargs})


def test_trainer_needs_a_module():
    with pytest.raises(TypeError, match="Trainer expects a torch.nn.Module; got function"):
        Trainer(lambda x: x)  # type: ignore[arg-type]


@pytest.mark.parametrize("epochs", [0, -5])
def test_epochs_must_be_positive(epochs):
    with pytest.raises(ValueError, match="epochs must be a positive integer"):
        Trainer(TwoLayerNN(), device="cpu").fit(*xor(), epochs=epochs)
    with pytest.raises(TypeError, match="fit expects epochs to be a whole number"):
        Trainer(TwoLayerNN(), device="cpu").fit(*xor(), epochs=2.5)  # type: ignore[arg-type]


def test_bad_data_is_refused():
    trainer = Trainer(TwoLayerNN(), device="cpu")
    x, c = xor()
    with pytest.raises(ValueError, match=r"fit expects x of shape \(n, features, 1\)"):
        trainer.fit(x.squeeze(-1), c, epochs=1)
    with pytest.raises(ValueError, match="x has 4 points but y has 3"):
        trainer.fit(x, c[:3], epochs=1)
    with pytest.raises(TypeError, match="fit expects y to be a torch.Tensor"):
        trainer.fit(x, [1, -1, -1, 1], epochs=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="snapshot_every must be a positive integer"):
        trainer.fit(x, c, epochs=1, snapshot_every=0)
    with pytest.raises(TypeError, match=r"torch.float32 parameters but x is torch.float64"):
        trainer.fit(x.double(), c, epochs=1)


def test_progress_bar_can_be_forced(capsys):
    Trainer(TwoLayerNN(), device="cpu", progress=True).fit(*xor(), epochs=3)
    assert "training" in capsys.readouterr().err
