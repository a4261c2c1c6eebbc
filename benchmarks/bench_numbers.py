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

Figures (issue 16; ``--figures`` runs only these rows): ``format_number(v, decimals=2)``
on the same integers, every other one as a Decimal with 2 places, against Babel's
``format_decimal(v, format="#,##0.00", locale=vi)`` called the plain way, and inside a
decimal context as wide as the value (how baocao called it before), the three taking
turns on slices of 5,000 calls. Three runs on 2026-12-02: before (main at 65f76c1,
Babel per number) format_number wrote 78,000–82,000 numbers/s, 0.6× plain Babel; after
(vi's CLDR symbols read once, baocao's own grouping) 957,000–966,000/s, 7.4–7.6× plain
Babel (124,000–129,000/s) and 11.8–12.4× the format_number of before. Then (b4f1c0a: ints
and plain Decimals in one call, without coerce), three runs on 2026-12-02 while four test
suites shared the two cores: 8.4×, 9.0× and 9.9× plain Babel; the 10× target is still to be
confirmed on a quiet machine. On 2026-12-03 (the negative bound and the pads built once,
Decimals padded by their format spec), five runs while other agents shared the cores:
8.8–9.9× plain Babel (7.3–8.1× just before); an int takes about 0.55 µs, a Decimal about
1.1 µs (Decimal's own formatting is a quarter of it), Babel about 8 µs.
"""

from __future__ import annotations

import argparse
import decimal
import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from babel import Locale
from babel.numbers import format_decimal
from num2words import num2words

from baocao._words import (
    format_number,
    money_to_words,
    number_to_words,
    words_to_money,
    words_to_number,
)

SEED = 20240601
WARM_UP = 2_000
PASSES = 3
SLICE = 5_000


def numbers(count: int, seed: int = SEED) -> list[int]:
    generator = random.Random(seed)
    return [generator.randrange(10**12) for _ in range(count)]


def figures(values: list[int]) -> list[int | Decimal]:
    """The integers as they are and, every other one, as a Decimal with 2 places (cents)."""
    return [n if i % 2 else Decimal(n).scaleb(-2) for i, n in enumerate(values)]


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


def rates_taking_turns(calls: list[Callable[[Any], object]], values: list[Any]) -> list[float]:
    """Best calls per second of each call, over slices of ``values`` they take turns on.

    On a busy machine a whole pass of a fast call can fall between two bursts of load
    that a pass of a slow one cannot escape; taking turns on short slices gives them
    all the same load, and the best slice of each counts.
    """
    for value in values[:WARM_UP]:
        for convert in calls:
            convert(value)
    best = [float("inf")] * len(calls)
    for _ in range(PASSES):
        for start in range(0, len(values), SLICE):
            part = values[start : start + SLICE]
            for i, convert in enumerate(calls):
                begin = time.perf_counter()
                for value in part:
                    convert(value)
                best[i] = min(best[i], (time.perf_counter() - begin) / len(part))
    return [1 / seconds for seconds in best]


def figure_rows(count: int) -> None:
    """format_number(v, decimals=2) against Babel's per-call format_decimal, same values."""
    vi = Locale.parse("vi")
    mixed = figures(numbers(count))

    def ours(v: int | Decimal) -> str:
        return format_number(v, decimals=2)

    def plain_babel(v: int | Decimal) -> str:
        return format_decimal(v, format="#,##0.00", locale=vi)

    def babel_as_before(v: int | Decimal) -> str:
        # baocao until issue 16: Babel per number, inside a context as wide as the value
        number = Decimal(v)
        with decimal.localcontext(decimal.Context(prec=len(number.as_tuple().digits) + 2)):
            return format_decimal(number, format="#,##0.00", locale=vi)

    expected = [plain_babel(v) for v in mixed]
    assert [ours(v) for v in mixed] == expected == [babel_as_before(v) for v in mixed]
    grouped, babel, before = rates_taking_turns([ours, plain_babel, babel_as_before], mixed)
    print(f"{count:,} figures below 10^12, half int, half Decimal with 2 places, decimals=2")
    print(f"baocao format_number       {grouped:12,.0f} numbers/s  (best {SLICE:,}-call slice)")
    print(f"babel format_decimal       {babel:12,.0f} numbers/s  (the plain way)")
    print(f"  in a wide context        {before:12,.0f} numbers/s  (baocao before issue 16)")
    print(f"ratio                      {grouped / babel:12.1f}x  (target >= 10x)")
    print(f"ratio to before            {grouped / before:12.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-n", type=int, default=100_000, help="how many integers (default 100,000)")
    parser.add_argument("--figures", action="store_true", help="only the figures (format_number)")
    args = parser.parse_args(argv)
    if args.figures:
        figure_rows(args.n)
        return 0
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

    figure_rows(args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
