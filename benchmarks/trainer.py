"""Trainer overhead: ee4414.Trainer against the same loop written by hand.

Both train the same TwoLayerNN (hidden=16) from the same initial weights on the same
circle data, full batch, recording the loss every epoch (as the course's loops do). The
ratio Trainer / hand loop should stay at or below 1.05.

    python benchmarks/trainer.py [--device cpu|cuda] [--epochs 2000] [--repeats 5]

Prints one line per device as ``device=cpu trainer=...s loop=...s ratio=...``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

import ee4414


def hand_loop(
    model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, epochs: int, lr: float
) -> list[float]:
    """The course's loop: forward, loss, zero_grad, backward, update, record."""
    losses = []
    for _ in range(epochs):
        loss = ((model(x) - y) ** 2).mean()
        model.zero_grad()
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= lr * p.grad
        losses.append(loss.item())
    return losses


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench(device: str, epochs: int, repeats: int) -> tuple[float, float]:
    dev = ee4414.resolve_device(device)
    x, c = ee4414.circles(n=400, seed=0)
    x, c = x.to(dev), c.to(dev)
    init = ee4414.TwoLayerNN(hidden=16, generator=torch.Generator().manual_seed(0)).state_dict()

    def run_trainer() -> None:
        model = ee4414.TwoLayerNN(hidden=16)
        model.load_state_dict(init)
        ee4414.Trainer(model, "mse", lr=0.1, device=dev).fit(x, c, epochs)

    def run_loop() -> None:
        model = ee4414.TwoLayerNN(hidden=16).to(dev)
        model.load_state_dict(init)
        hand_loop(model, x, c, epochs, 0.1)

    run_trainer(), run_loop()  # warm up (CUDA context, allocator, kernels)
    trainer, loop = [], []
    for _ in range(repeats):  # interleave, so drifts in machine load hit both alike
        trainer.append(timed(run_trainer))
        loop.append(timed(run_loop))
    return statistics.median(trainer), statistics.median(loop)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--device", action="append", help="cpu, cuda, ... (default: cpu, and cuda if present)"
    )
    parser.add_argument("--epochs", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    devices = args.device or (["cpu", "cuda"] if torch.cuda.is_available() else ["cpu"])
    torch.set_num_threads(1)
    for device in devices:
        t, loop = bench(device, args.epochs, args.repeats)
        ratio = t / loop
        print(
            f"device={device} epochs={args.epochs} trainer={t:.3f}s loop={loop:.3f}s {ratio=:.3f}"
        )


if __name__ == "__main__":
    main()
