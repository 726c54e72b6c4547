"""How personal are the practice sheets? Distinct answer keys per question in a class.

Makes the sheets of a class of generated matriculation numbers (U, seven random digits,
a check letter; seeded, so every run sees the same class) and counts, for each question,
how many different keys the class has. Target: at least 95 % distinct per question, or a
stated reason why a question cannot reach it. It also gives each student a *neighbour*,
the same number with the last digit changed, and counts the questions whose keys differ
between the two.

    python benchmarks/practice_distinct.py [--students 300] [--seed 4414]

Prints a Markdown table (the one in benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections import Counter, defaultdict

import torch

from ee4414.practice import make_sheet


def class_list(students: int, seed: int) -> list[str]:
    """``students`` different matriculation numbers, drawn with ``random.Random(seed)``."""
    rng = random.Random(seed)
    numbers: set[str] = set()
    while len(numbers) < students:
        digits = f"{rng.randrange(10**7):07d}"
        numbers.add(f"U{digits}{rng.choice(string.ascii_uppercase)}")
    return sorted(numbers)


def neighbour(matric: str) -> str:
    """The same number with its last digit g changed (g + 1, 9 wraps to 0)."""
    g = (int(matric[7]) + 1) % 10
    return f"{matric[:7]}{g}{matric[8]}"


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--seed", type=int, default=4414)
    args = parser.parse_args()
    torch.set_num_threads(1)  # tiny networks: threads only add overhead

    start = time.perf_counter()
    numbers = class_list(args.students, args.seed)
    keys: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    differs: Counter[str] = Counter()
    for matric in numbers:
        mine = {q.number: q.key for q in make_sheet(matric).items}
        theirs = {q.number: q.key for q in make_sheet(neighbour(matric)).items}
        for number, key in mine.items():
            keys[number].append(key)
            differs[number] += key != theirs[number]
    seconds = time.perf_counter() - start

    n = len(numbers)
    print(f"{n} students (seed {args.seed}), {seconds:.0f} s, torch {torch.__version__}\n")
    print(
        "| question | distinct keys | distinct | most shared key (students) | neighbour differs |"
    )
    print("|---|---|---|---|---|")
    for number, values in keys.items():
        distinct = len(set(values))
        top, count = Counter(values).most_common(1)[0]
        print(
            f"| {number} | {distinct} of {n} | {100 * distinct / n:.1f} % | "
            f"{', '.join(top)} ({count}) | {differs[number]} of {n} |"
        )
    finals = Counter(key[1] for key in keys["6.2"])
    print(
        f"\n6.2's final loss alone: {len(finals)} distinct values; the most common, "
        f"{finals.most_common(1)[0][0]}, for {finals.most_common(1)[0][1]} students."
    )


if __name__ == "__main__":
    main()
