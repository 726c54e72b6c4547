"""Self-checks for the exercise notebooks: "correct", or a hint that does not give it away.

Each exercise notebook ends an exercise with a cell such as::

    ee4414.check("W1-1.2", a=a)

which looks at the student's variables and prints either ``W1-1.2: correct`` or, for each
variable that is off, a specific hint ("a has shape (3,), but the exercise asks for a
column vector of shape (3, 1)"). Hints name the property that is wrong (type, shape,
dtype, which entries differ) but never print the expected numbers.

A check is isolated: the expected values are computed once from the course's numbers,
the student's functions get fresh copies of every input, and whatever their code changes
(the checker's tensors, the random state, the default dtype, grad mode) is put back, so a
verdict never depends on what ran before. Student code runs under a time limit of 10 s
per variable ("did not finish within 10 s: does every loop end?") on Linux, macOS and
Colab. Windows has no ``SIGALRM``, so there a check runs without a limit: a loop that
never ends must be stopped with the notebook's stop button (interrupt the kernel).
``check`` prints its verdict once and never raises, except for an unknown exercise id
(``KeyError``) or a missing variable (``TypeError``).

Each week's expectations live in a module ``weekN.py`` (a table ``EXPECTATIONS``, one
entry per exercise id), built from the course's numbers (:mod:`ee4414.course_numbers`)
with the checkers of :mod:`ee4414.selfcheck.checkers` and the shared probes of
``_probes.py``; :mod:`ee4414.selfcheck.registry` finds the week modules by their file
names, so a new week needs no other edit.
"""

from __future__ import annotations

from ee4414.selfcheck.core import CheckResult, check, exercises

__all__ = ["CheckResult", "check", "exercises"]
