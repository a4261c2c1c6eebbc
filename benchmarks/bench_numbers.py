"""Integers in words per second: baocao against num2words' ``vi``, on the same input.

The input is the one of the research note (docs/numbers.md): random integers in
[0, 10¹²) from a fixed seed, held in memory as ``int``. Each library gets a
warm-up of 2,000 calls, then the best of three full passes counts. Run::

    python benchmarks/bench_numbers.py            # 100,000 integers
    python benchmarks/bench_numbers.py -n 10000   # fewer, for a quick look
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from num2words import num2words

from baocao._numbers import number_to_words

SEED = 20240601
WARM_UP = 2_000
PASSES = 3


def numbers(count: int, seed: int = SEED) -> list[int]:
    generator = random.Random(seed)
    return [generator.randrange(10**12) for _ in range(count)]


def rate(convert: Callable[[int], str], values: list[int]) -> float:
    """Best numbers per second over ``PASSES`` full passes, after a warm-up."""
    for value in values[:WARM_UP]:
        convert(value)
    best = float("inf")
    for _ in range(PASSES):
        start = time.perf_counter()
        for value in values:
            convert(value)
        best = min(best, time.perf_counter() - start)
    return len(values) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-n", type=int, default=100_000, help="how many integers (default 100,000)")
    args = parser.parse_args(argv)
    values = numbers(args.n)

    def with_baocao(n: int) -> str:
        return number_to_words(n)

    def with_num2words(n: int) -> str:
        return str(num2words(n, lang="vi"))

    ours = rate(with_baocao, values)
    theirs = rate(with_num2words, values)
    print(f"{args.n:,} random integers below 10^12, seed {SEED}, best of {PASSES}")
    print(f"baocao number_to_words     {ours:12,.0f} numbers/s")
    print(f"num2words(n, lang='vi')    {theirs:12,.0f} numbers/s")
    print(f"ratio                      {ours / theirs:12.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
