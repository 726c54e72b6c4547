"""Course order for the gallery: ``exercise_order`` is sphinx-gallery's sort key.

conf.py names it in ``sphinx_gallery_conf["within_subsection_order"]``; it is a plain
function, not an extension. W5-1.4 comes before W5-1.4.1, and the numbered exercises
before the worked examples and extra exercises (W2-Eg2, W2-Ex2).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_ID = re.compile(r"^plot_w\d+_(?P<rest>.*)$")
_SPECIAL = {"eg": 0, "ex": 1}


def exercise_order(filename: str) -> tuple[Any, ...]:
    """Sort key: the exercise id read from ``plot_w<week>_<id>_<words>.py``.

    ``plot_w5_1_4_relu.py`` -> (0, (1, 4)); ``plot_w5_1_4_1_sigmoid.py`` ->
    (0, (1, 4, 1)); ``plot_w2_eg2_...`` -> (1, 0, 2); ``plot_w2_ex2_...`` -> (1, 1, 2).
    A tuple that is a prefix of another sorts first, so 1.4 comes before 1.4.1.
    """
    name = Path(filename).name
    m = _ID.match(name)
    if not m:
        return (2, (), name)
    parts = m.group("rest").removesuffix(".py").split("_")
    numbers: list[int] = []
    for part in parts:
        if not part.isdigit():
            break
        numbers.append(int(part))
    if numbers:
        return (0, tuple(numbers), name)
    special = re.fullmatch(r"(eg|ex)(\d+)", parts[0])
    if special:
        return (1, (_SPECIAL[special.group(1)], int(special.group(2))), name)
    return (2, (), name)
