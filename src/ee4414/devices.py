"""Choosing where tensors live: CPU or GPU (weeks 1 and 6).

:func:`resolve_device` turns what a student writes (``"auto"``, ``"cpu"``, ``"cuda"``,
``"cuda:1"``, ``"mps"`` or a :class:`torch.device`) into a device that really exists here,
or says clearly why it does not.
"""

from __future__ import annotations

import re

import torch

_NAMES = "'auto', 'cpu', 'cuda', 'cuda:N', 'mps' or a torch.device"


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def resolve_device(device: str | torch.device = "auto") -> torch.device:
    """Return the :class:`torch.device` to use, checking that it is available.

    Parameters
    ----------
    device : str or torch.device, default "auto"
        ``"auto"`` picks CUDA if a GPU is visible, else Apple's MPS, else the CPU.
        ``"cpu"``, ``"cuda"``, ``"cuda:N"`` and ``"mps"`` ask for that device.

    Returns
    -------
    torch.device
        An available device.

    Raises
    ------
    TypeError
        If ``device`` is neither a string nor a :class:`torch.device`.
    ValueError
        If ``device`` is not one of the accepted names.
    RuntimeError
        If the requested device is not available on this machine.
    """
    if isinstance(device, torch.device):
        spec = str(device)
    elif isinstance(device, str):
        spec = device.strip().lower()
    else:
        raise TypeError(f"resolve_device expects device to be {_NAMES}; got {device!r}")
    if spec == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    if spec == "cpu":
        return torch.device("cpu")
    match = re.fullmatch(r"cuda(?::(\d+))?", spec)
    if match:
        if not torch.cuda.is_available():
            raise RuntimeError(
                f"CUDA was requested (device={device!r}) but torch.cuda.is_available() is "
                "False: no NVIDIA GPU is visible or this PyTorch build has no CUDA. "
                "Use device='cpu' or device='auto'."
            )
        index = int(match.group(1) or 0)
        count = torch.cuda.device_count()
        if index >= count:
            raise RuntimeError(
                f"device {device!r} asks for GPU {index}, but only {count} GPU(s) are "
                f"visible (valid: cuda:0 to cuda:{count - 1})"
            )
        return torch.device("cuda", index)
    if spec == "mps":
        if not _mps_available():
            raise RuntimeError(
                "MPS (Apple GPU) was requested but torch.backends.mps.is_available() is "
                "False. Use device='cpu' or device='auto'."
            )
        return torch.device("mps")
    raise ValueError(f"unknown device {device!r}; use {_NAMES}")
