"""The budget of a render: how much work a template may do (:class:`TemplateLimits`).

Each render runs on one :class:`Budget` (a context variable, :func:`budget`): loop turns,
calls and attribute lookups are charged to it, and every text the template makes is
measured against it before it is made (:func:`joined`, :func:`check_method`,
:func:`check_printf`, :func:`check_format`). Going over is a :class:`LimitError` naming
the template paragraph it happened in. The sandbox (``_sandbox``) does the charging.
"""

from __future__ import annotations

import contextlib
import contextvars
import html
import re
import string
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import jinja2

from .._errors import InvalidTypeError, ValidationError

__all__ = ["TemplateLimits"]

MAX_TEMPLATE_BITS = 100_000
"""Largest number (in bits, about 30 000 digits) that ``*`` or ``**`` may make in a template."""

MAX_TEMPLATE_ITEMS = 1_000_000
"""Longest text or list that ``*`` may make in a template (``'a' * 10**9`` is refused)."""


def ints(*values: object) -> bool:
    return all(isinstance(v, int) for v in values)


# --------------------------------------------------------------------------- the budget


def _whole(instance: object, attribute: Any, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(value, "is not a whole number", path=attribute.name)
    if value < 1:
        raise ValidationError(value, "must be at least 1", path=attribute.name)


@attrs.frozen
class TemplateLimits:
    """How much work a template may do in one render (its budget).

    Attributes:
        operations: the most loop turns, calls and attribute lookups a render may make,
            plus 100 for each text of the report; ``range(n)`` counts ``n``, ``lipsum(n)``
            its words and a macro call 100. baocao's own template makes about 7 for each
            block of the report.
        output: the most characters that one text the template makes may have, plus 500
            for each text of the report and 6 for each of their characters: a whole part
            of the document (the body, a header), a macro's output, a value printed, a
            text joined with ``~``, ``+`` or ``join``, one a filter makes, or one padded
            with a width (``center``, ``'%*s'``, ``'{:>n}'.format``).

    Lists a template makes (``*``, ``batch``, ``slice``) hold at most 1 000 000 items.
    Going over a limit is a :class:`~baocao.TemplateError` naming the paragraph.

    >>> import baocao
    >>> baocao.TemplateLimits()
    TemplateLimits(operations=10000000, output=50000000)
    """

    operations: int = attrs.field(default=10_000_000, validator=_whole)
    output: int = attrs.field(default=50_000_000, validator=_whole)


class LimitError(jinja2.exceptions.SecurityError):
    """A template went over its budget, or asked for raw XML; names the paragraph."""

    def __init__(self, message: str, budget: bool = True, frame: Any = None) -> None:
        super().__init__(message)
        self.budget = budget
        self.paragraph = (frame is not None and template_paragraph(frame)) or template_paragraph(
            sys._getframe(1)
        )


def template_paragraph(frame: Any) -> str:
    """The template paragraph that Jinja code running in ``frame`` (or a frame that
    called it) comes from, or ""."""
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            source = getattr(template, "baocao_source", "")
            lines = source.splitlines()
            line = template.get_corresponding_lineno(frame.f_lineno)
            return reader_text(lines[line - 1]) if 0 < line <= len(lines) else ""
        frame = frame.f_back
    return ""


def reader_text(xml: str) -> str:
    """The text of a piece of WordprocessingML as a reader sees it (tags removed)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", xml)).split())


def grouped(number: int) -> str:
    return f"{number:,}".replace(",", " ")


class Budget:
    __slots__ = ("characters", "limits", "longest", "most", "operations", "texts")

    def __init__(self, limits: TemplateLimits, texts: int = 0, characters: int = 0) -> None:
        self.limits = limits
        self.operations = 0
        self.texts = texts
        self.characters = characters
        self.most = limits.operations + 100 * texts
        self.longest = limits.output + 500 * texts + 6 * characters

    def charge(self, count: int = 1) -> None:
        self.operations += count
        if self.operations > self.most:
            raise LimitError(
                f"it takes more than {grouped(self.most)} operations (loop turns, calls, "
                f"attribute lookups: {grouped(self.limits.operations)}, and 100 for each of "
                f"the report's {grouped(self.texts)} texts); raise the limit with "
                "limits=baocao.TemplateLimits(operations=…) if the template needs it"
            )

    def size(self, size: int, what: str, frame: Any = None) -> None:
        if size > self.longest:
            more = (
                f", plus 500 for each of the report's {grouped(self.texts)} texts and 6 "
                f"for each of their {grouped(self.characters)} characters"
                if self.texts
                else ""
            )
            raise LimitError(
                f"{what} would be {grouped(size)} characters long, more than "
                f"{grouped(self.longest)} (limits=baocao.TemplateLimits(output="
                f"{grouped(self.limits.output)}){more})",
                frame=frame,
            )

    def items(self, count: int, what: str) -> None:
        if count > MAX_TEMPLATE_ITEMS:
            raise LimitError(
                f"{what} would hold {grouped(count)} items, more than {grouped(MAX_TEMPLATE_ITEMS)}"
            )


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "baocao_template_budget", default=None
)
_DEFAULT_LIMITS = TemplateLimits()


def current_budget() -> Budget:
    """The budget of the render under way (a fresh one outside a render: compiling)."""
    return _BUDGET.get() or Budget(_DEFAULT_LIMITS)


@contextlib.contextmanager
def budget(limits: TemplateLimits | None, size: tuple[int, int] = (0, 0)) -> Iterator[None]:
    """Render the templates inside this block on one budget of ``limits``, for a report
    of ``size`` (its texts and their characters, :func:`check_text_sizes`)."""
    if limits is not None and not isinstance(limits, TemplateLimits):
        raise InvalidTypeError(limits, "is not a baocao.TemplateLimits", path="limits")
    token = _BUDGET.set(Budget(limits or _DEFAULT_LIMITS, *size))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def counted(iterable: Iterable[Any], budget: Budget) -> Iterator[Any]:
    for item in iterable:
        budget.charge()
        yield item


def joined(pieces: Iterable[Any], what: str) -> list[Any]:
    """``pieces`` as a list, refused as soon as their text would be over the limit."""
    budget = current_budget()
    longest = budget.longest
    out: list[Any] = []
    append = out.append
    total = 0
    for piece in pieces:
        total += len(piece) if isinstance(piece, str) else 1
        if total > longest:  # the paragraph: where the output stopped
            budget.size(total, what, getattr(pieces, "gi_frame", None))
        append(piece)
    return out


_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_widths(numbers: Iterable[str | int], what: str) -> None:
    budget = current_budget()
    for number in numbers:
        width = int(number) if isinstance(number, str) else number
        budget.size(width, what)


def check_printf(text: str, args: object) -> None:
    """Refuse a ``%`` format whose widths or precisions are over the output limit."""
    numbers: list[str | int] = []
    star = False
    for found in _PRINTF.finditer(text):
        for group in found.groups():
            if group == "*":
                star = True
            elif group:
                numbers.append(group)
    if star:
        values = args if isinstance(args, tuple) else (args,)
        numbers += [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    _check_widths(numbers, "a text formatted with '%'")


def check_format(text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a ``str.format`` whose widths or precisions are over the output limit."""
    numbers: list[str | int] = []
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return  # str.format itself says what is wrong
    for _literal, _name, spec, _conversion in fields:
        if spec:
            numbers += re.findall(r"\d+", spec)
            if "{" in spec:
                numbers += [
                    v
                    for v in [*args, *kwargs.values()]
                    if isinstance(v, int) and not isinstance(v, bool)
                ]
    _check_widths(numbers, "a text formatted with format()")


_PADDING = frozenset({"center", "ljust", "rjust", "zfill"})


def check_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a method of a text that would make one over the output limit; returns the
    arguments to call it with (``join`` gets its items as a list, counted)."""
    text = getattr(obj, "__self__", None)
    if not isinstance(text, str):
        return args
    name = getattr(obj, "__name__", "")
    what = f"the text that '{name}' makes"
    budget = current_budget()
    if name in _PADDING:
        width = args[0] if args else kwargs.get("width")
        if isinstance(width, int):
            budget.size(width, what)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            budget.size(len(text) * max(size, 1), what)
    elif name == "replace" and len(args) >= 2 and strs(args[0], args[1]):
        old, new = args[0], args[1]
        count = text.count(old) if old else len(text) + 1
        if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
            count = min(count, args[2])
        budget.size(len(text) + count * max(len(new) - len(old), 0), what)
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        budget.size(len(text) * max(longest, 1), what)
    elif name in ("format", "format_map"):
        check_format(text, args, kwargs)
    elif name == "join" and len(args) == 1:
        items = joined(args[0], what)
        budget.size(
            sum(len(i) for i in items if isinstance(i, str)) + len(text) * max(len(items) - 1, 0),
            what,
        )
        return (items,)
    return args


def strs(*values: object) -> bool:
    return all(isinstance(v, str) for v in values)
