"""``baocao words``: numbers, amounts and percentages in words, and back, from the shell.

::

    $ baocao words 4.607.678.000 47,67
    bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn
    bốn mươi bảy phẩy sáu mươi bảy
    $ baocao words --money --style south --suffix chan 4607678000
    Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng chẵn
    $ echo "một nghìn không trăm lẻ năm" | baocao words --parse
    1.005

One result per value, from the arguments or, without any, one per line of
standard input (blank lines are skipped). A value that cannot be read prints
``baocao: error: <message>`` on standard error; the others are still printed
and the exit status is 1. Options that do not go together exit 2, as argparse
does. Messages name the options of this command (``--input-format en``,
``--rounding half-up``, ``--parse --money``), never the Python arguments behind
them. Put ``--`` before negative values so that they are not taken for options:
``baocao words -- -1.005,5``.
"""

from __future__ import annotations

import argparse
import decimal
import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

from .._errors import BaocaoError
from .._words import (
    FIX_ENCODING,
    FIX_LARGE,
    FIX_MONEY,
    FIX_PERCENT,
    FIX_ROUNDING,
    FIX_UNACCENTED,
    INPUT_FORMATS,
    PRESET_NAMES,
    fix_input_format,
)

__all__ = ["add_parser", "run"]

_ROUNDING = {
    "half-up": decimal.ROUND_HALF_UP,
    "half-even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
}
_SUFFIX: dict[str, Literal["chẵn"]] = {"chan": "chẵn", "chẵn": "chẵn"}

# What the library tells a Python caller to do, said with this command's options.
_CLI_FIXES: dict[str, str] = {
    **{fix_input_format(f): f"add --input-format {f}" for f in INPUT_FORMATS},
    FIX_ROUNDING: "add --rounding half-up (or another --rounding mode)",
    FIX_MONEY: "use --parse --money for an amount in đồng",
    FIX_PERCENT: "use --parse --percent for a percentage",
    FIX_LARGE: "add --large recursive or --large group_scale",
    FIX_UNACCENTED: "add --unaccented",
    FIX_ENCODING: "use --encoding auto or --encoding unicode",  # baocao fix-text
}


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``words`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    parser = subparsers.add_parser(
        "words",
        help="numbers, amounts in đồng or percentages in Vietnamese words (or back)",
        description=(
            "Write each VALUE in Vietnamese words, one per line; without VALUE, read one "
            "value per line from standard input. Put -- before negative values."
        ),
    )
    parser.add_argument("values", nargs="*", metavar="VALUE", help="a number such as 4.607.678.000")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--money", action="store_true", help="an amount in đồng (sentence case)")
    kind.add_argument("--percent", action="store_true", help="a percentage (… phần trăm)")
    parser.add_argument(
        "--style",
        choices=sorted(PRESET_NAMES),
        default="north",
        help="the reading (default: north)",
    )
    parser.add_argument(
        "--input-format",
        choices=("vi", "en", "plain"),
        default="vi",
        help="how numbers are written: vi 1.234,5 (default), en 1,234.5, plain 1234.5; "
        "with --parse, how the results are printed",
    )
    parser.add_argument(
        "--suffix", choices=sorted(_SUFFIX), help="with --money: end in 'đồng chẵn'"
    )
    parser.add_argument(
        "--rounding",
        choices=sorted(_ROUNDING),
        help="with --money: round an amount that is not whole (otherwise it is an error)",
    )
    parser.add_argument(
        "--parse", action="store_true", help="read numbers in words and print them in digits"
    )
    parser.add_argument(
        "--unaccented",
        action="store_true",
        help="with --parse: also read words written without diacritics (mot tram trieu dong)",
    )
    parser.add_argument(
        "--large",
        choices=("recursive", "group_scale"),
        help="with --parse: how to read numbers of 10^12 and more that could be read both ways",
    )
    parser.set_defaults(func=run)


def _values(args: argparse.Namespace) -> Iterable[str]:
    if args.values:
        return list(args.values)
    return (line.strip() for line in sys.stdin if line.strip())


def _digits(value: int | Decimal, input_format: str) -> str:
    from .._words import format_number  # Babel, only when a number is printed

    text = format_number(value)
    if input_format == "en":
        return text.translate(str.maketrans(".,", ",."))
    if input_format == "plain":
        return text.replace(".", "").replace(",", ".")
    return text


def _convert(value: str, args: argparse.Namespace) -> str:
    from .._words import (  # the readers and writers, only when a value is converted
        money_to_words,
        number_to_words,
        percent_to_words,
        words_to_money,
        words_to_number,
        words_to_percent,
    )

    if args.parse:
        if args.money:
            amount = words_to_money(value, large=args.large, unaccented=args.unaccented)
            return _digits(amount, args.input_format)
        if args.percent:
            return _digits(words_to_percent(value, large=args.large), args.input_format) + "%"
        number = words_to_number(value, large=args.large, unaccented=args.unaccented)
        return _digits(number, args.input_format)
    if args.money:
        return money_to_words(
            value,
            style=args.style,
            suffix=_SUFFIX[args.suffix] if args.suffix else None,
            rounding=_ROUNDING[args.rounding] if args.rounding else None,
            input_format=args.input_format,
        )
    if args.percent:
        return percent_to_words(value, style=args.style, input_format=args.input_format)
    return number_to_words(value, style=args.style, input_format=args.input_format)


def run(args: argparse.Namespace) -> int:
    """Run ``baocao words``; 0 when every value was converted, 1 when one was not (as
    for every command's bad input), 2 for options that do not go together (as argparse)."""
    usage = _usage_error(args)
    if usage:
        print(f"baocao: error: {usage}", file=sys.stderr)
        return 2
    status = 0
    for value in _values(args):
        try:
            line = _convert(value, args)
        except BaocaoError as exc:
            print(f"baocao: error: {cli_message(str(exc))}", file=sys.stderr)
            status = 1
        else:
            print(line)
    return status


def _usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the options together, or ``None``."""
    if (args.suffix or args.rounding) and (args.parse or not args.money):
        return "--suffix and --rounding go with --money (and not with --parse)"
    if args.unaccented and not args.parse:
        return "--unaccented goes with --parse (it reads words, it does not write them)"
    if args.unaccented and args.percent:
        return "--unaccented goes with --parse and --parse --money, not with --percent"
    if args.large and not args.parse:
        return "--large goes with --parse; to write numbers of 10^12 and more, use a style"
    return None


def cli_message(message: str) -> str:
    """``message`` with each fix the library suggests to a Python caller said with the
    options of ``baocao words`` ("pass input_format='en'" → "add --input-format en").

    >>> cli_message("'1.2' is not a whole number of đồng; " + FIX_ROUNDING + " to round it")
    "'1.2' is not a whole number of đồng; add --rounding half-up (or another --rounding \
mode) to round it"
    """
    for python, cli in _CLI_FIXES.items():
        message = message.replace(python, cli)
    return message
