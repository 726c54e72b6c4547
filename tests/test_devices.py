from __future__ import annotations

import pytest
import torch

from ee4414 import Trainer, TwoLayerNN, resolve_device, xor

NO_CUDA = not torch.cuda.is_available()
mps = getattr(torch.backends, "mps", None)
NO_MPS = not (mps is not None and mps.is_available())


def test_cpu_by_name_and_by_object():
    assert resolve_device("cpu") == torch.device("cpu")
    assert resolve_device(torch.device("cpu")) == torch.device("cpu")
    assert resolve_device(" CPU ") == torch.device("cpu")


def test_auto_picks_an_available_device():
    expected = "cuda" if not NO_CUDA else ("mps" if not NO_MPS else "cpu")
    assert resolve_device("auto").type == expected


@pytest.mark.parametrize("name", ["gpu", "cuda:x", "tpu", ""])
def test_unknown_names_list_the_valid_ones(name):
    with pytest.raises(
        ValueError, match=r"unknown device .*; use 'auto', 'cpu', 'cuda', 'cuda:N', 'mps'"
    ):
        resolve_device(name)


def test_non_string_device_is_refused():
    with pytest.raises(TypeError, match="resolve_device expects device to be 'auto', .*; got 0"):
        resolve_device(0)  # type: ignore[arg-type]


@pytest.mark.skipif(
    not NO_CUDA, reason="this machine has CUDA; the error path needs a CPU-only one"
)
@pytest.mark.parametrize("name", ["cuda", "cuda:0", torch.device("cuda")])
def test_cuda_requested_but_absent(name):
    with pytest.raises(
        RuntimeError, match=r"CUDA was requested .* torch.cuda.is_available\(\) is False"
    ):
        resolve_device(name)


@pytest.mark.skipif(
    not NO_CUDA, reason="this machine has CUDA; the error path needs a CPU-only one"
)
def test_trainer_reports_missing_cuda():
    with pytest.raises(RuntimeError, match="CUDA was requested"):
        Trainer(TwoLayerNN(), device="cuda")


@pytest.mark.skipif(not NO_MPS, reason="this machine has MPS")
def test_mps_requested_but_absent():
    with pytest.raises(RuntimeError, match="MPS .* was requested"):
        resolve_device("mps")


@pytest.mark.skipif(NO_CUDA, reason="needs a CUDA GPU")
def test_cuda_device_index_out_of_range():
    with pytest.raises(RuntimeError, match="only .* GPU"):
        resolve_device(f"cuda:{torch.cuda.device_count()}")


@pytest.mark.skipif(NO_CUDA, reason="needs a CUDA GPU")
def test_trainer_on_cuda_matches_cpu():
    x, c = xor()
    histories = []
    for device in ("cpu", "cuda"):
        torch.manual_seed(2)
        model = TwoLayerNN()
        trainer = Trainer(model, "mse", lr=0.1, device=device)
        histories.append(trainer.fit(x, c, epochs=300).losses)
        assert next(model.parameters()).device.type == device
        assert trainer.predict(x).device.type == "cpu"
    assert histories[0] == pytest.approx(histories[1], rel=1e-4, abs=1e-6)


def test_cuda_paths_with_a_pretend_gpu(monkeypatch):
    """The CUDA branches, exercised on any machine by pretending one GPU is visible."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    assert resolve_device("auto") == torch.device("cuda")
    assert resolve_device("cuda") == torch.device("cuda", 0)
    assert resolve_device("cuda:0") == torch.device("cuda", 0)
    with pytest.raises(RuntimeError, match=r"asks for GPU 2, but only 1 GPU\(s\) are visible"):
        resolve_device("cuda:2")


def test_mps_paths_with_a_pretend_mac(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert resolve_device("auto") == torch.device("mps")
    assert resolve_device("mps") == torch.device("mps")
