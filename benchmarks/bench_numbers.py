"""Numbers in words per second, both ways: baocao against num2words' ``vi``, same input.

The input is the one of the research note (docs/numbers.md): random integers in
[0, 10¹²) from a fixed seed, held in memory as ``int``; the readers get the same
integers written out by baocao (``number_to_words`` for ``words_to_number``,
``money_to_words`` for ``words_to_money``). Each call gets a warm-up of 2,000
calls, then the best of three full passes counts. Every figure of one run is
measured in that run, so the ratios hold even on a busy machine. Run::

    python benchmarks/bench_numbers.py            # 100,000 integers
    python benchmarks/bench_numbers.py -n 10000   # fewer, for a quick look

Before issue 9 (main at abc55f4), measured on 2026-12-02 on the busy 2-vCPU machine
the project is developed on, with main's reader loaded beside the new one so that
both saw the same load (three runs, 20,000 and 100,000 strings): words_to_number
read 8,700–14,500 strings/s (the issue saw 12–21 thousand) and words_to_money
10,200–14,200/s, while number_to_words wrote 470,000–820,000 numbers/s in the same
runs. After (a fast path over dicts of the 1,000 group readings): words_to_number
136,000–182,000 strings/s, words_to_money 105,000–214,000/s; 10.8–15.7× faster in
each run, and about 2.5× slower than writing instead of 60×.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from num2words import num2words

from baocao._words import money_to_words, number_to_words, words_to_money, words_to_number

SEED = 20240601
WARM_UP = 2_000
PASSES = 3


def numbers(count: int, seed: int = SEED) -> list[int]:
    generator = random.Random(seed)
    return [generator.randrange(10**12) for _ in range(count)]


def rate(convert: Callable[[Any], object], values: list[Any]) -> float:
    """Best calls per second over ``PASSES`` full passes, after a warm-up."""
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
    texts = [number_to_words(n) for n in values]
    amounts = [money_to_words(n) for n in values]
    assert [words_to_number(t) for t in texts] == values
    assert [words_to_money(t) for t in amounts] == values

    def with_num2words(n: int) -> str:
        return str(num2words(n, lang="vi"))

    ours = rate(number_to_words, values)
    theirs = rate(with_num2words, values)
    back = rate(words_to_number, texts)
    money = rate(words_to_money, amounts)
    print(f"{args.n:,} random integers below 10^12, seed {SEED}, best of {PASSES}")
    print(f"baocao number_to_words     {ours:12,.0f} numbers/s")
    print(f"num2words(n, lang='vi')    {theirs:12,.0f} numbers/s")
    print(f"ratio                      {ours / theirs:12.1f}x")
    slower = f"({ours / back:.1f}x slower than writing)"
    print(f"baocao words_to_number     {back:12,.0f} strings/s  {slower}")
    print(f"baocao words_to_money      {money:12,.0f} strings/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
