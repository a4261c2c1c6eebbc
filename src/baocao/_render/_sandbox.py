"""Rendering a report to .docx with docxtpl, safely: what both render paths share.

:class:`baocao.Template` (which :func:`baocao.render` uses) renders with these pieces;
the plain path, docxtpl used as its documentation shows it (a new ``DocxTemplate``,
``render``, ``save``) plus baocao's safety and layout, is the reference it must equal and
lives with the tests (``tests/reference.py``): the runtime never runs it.


* Jinja runs sandboxed (``jinja2.sandbox.SandboxedEnvironment``): a template cannot reach
  Python internals.
* Escaping is always on: a value holding ``&``, ``<`` or ``{{ x }}`` appears exactly as
  typed. Braces in values are written as character references, so docxtpl's own
  ``{_{`` → ``{{`` rewriting can never change them.
* A variable the context lacks is an error naming it (``StrictUndefined``), never an
  empty string; ``None`` prints as nothing.
* In values, ``\\n``, ``\\v``, U+0085, U+2028 and U+2029 become line breaks, ``\\t`` a tab
  and ``\\f`` a page break.
* Templates cannot include other templates, and ``*`` and ``**`` are bounded; any
  failure inside a template is a :class:`~baocao.TemplateError`.
* Every render has a budget (:class:`TemplateLimits`): loop turns and calls, and the
  length of every text the template makes; ``|safe`` and ``{% autoescape false %}`` are
  refused unless raw XML is allowed.
* What the template fills is parsed strictly (:class:`StrictDocxTemplate`; docxtpl uses
  lxml's recover mode, which drops what it cannot read), and a text of the report over
  :data:`MAX_TEXT_BYTES` is refused before rendering.
* A template is a layout: macros and attached templates are dropped, imported files,
  subdocuments and OLE objects refused (:func:`strip_template`).
* The output is deterministic: fixed zip timestamps and entry order, and core properties
  taken from the report (its date, title and issuing body), never from the clock.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import html
import os
import re
import string
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any, NoReturn

import attrs
import docxtpl
import jinja2
import jinja2.compiler
import jinja2.filters
import jinja2.nodes
import jinja2.runtime
import jinja2.sandbox
import jinja2.utils
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree
from markupsafe import Markup, escape

from .. import _model as m
from .._errors import BaocaoError, InvalidTypeError, TemplateError, ValidationError
from .._files import MAX_DOCX_BYTES, read_bounded
from .._ooxml import template_package
from ._filters import FILTERS
from ._layout import (
    paragraph_text,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "TemplateLimits",
    "default_template_path",
    "jinja_environment",
]

DEFAULT_TEMPLATE = "bao-cao.docx"

PathLike = str | os.PathLike[str]
Output = PathLike | IO[bytes] | None


def default_template_path() -> Path:
    """Where the default template is: inside the installed package, or in the source tree."""
    packaged = resources.files("baocao") / "templates" / DEFAULT_TEMPLATE
    if packaged.is_file():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[3] / "templates" / DEFAULT_TEMPLATE
    if source.is_file():
        return source
    raise TemplateError(
        f"the default template {DEFAULT_TEMPLATE} is missing from the "
        "installation; reinstall baocao"
    )


# Line breaks other than \n: \r, Word's vertical tab, and Unicode's NEXT LINE, LINE
# SEPARATOR and PARAGRAPH SEPARATOR (web and PDF copy-paste): each becomes a line break.
_BREAKS = re.compile("[\r\v\x85\u2028\u2029]")


def escaped_size(text: str) -> int:
    """How long ``text`` is once escaped for XML (as :func:`_finalize` escapes it), counted
    without making it."""
    return len(text) + sum(text.count(c) * extra for c, extra in _ESCAPE_EXTRA)


_ESCAPE_EXTRA = (("&", 4), ("<", 3), (">", 3), ('"', 4), ("'", 4), ("{", 5), ("}", 5))


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    text = str(value)
    _budget().size(escaped_size(text), "a value printed")
    if _BREAKS.search(text):
        text = _BREAKS.sub("\n", text.replace("\r\n", "\n"))
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


MAX_TEMPLATE_BITS = 100_000
"""Largest number (in bits, about 30 000 digits) that ``*`` or ``**`` may make in a template."""

MAX_TEMPLATE_ITEMS = 1_000_000
"""Longest text or list that ``*`` may make in a template (``'a' * 10**9`` is refused)."""


def _ints(*values: object) -> bool:
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


class _LimitError(jinja2.exceptions.SecurityError):
    """A template went over its budget, or asked for raw XML; names the paragraph."""

    def __init__(self, message: str, budget: bool = True, frame: Any = None) -> None:
        super().__init__(message)
        self.budget = budget
        self.paragraph = (frame is not None and _template_paragraph(frame)) or _template_paragraph(
            sys._getframe(1)
        )


def _template_paragraph(frame: Any) -> str:
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


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", " ")


class _Budget:
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
            raise _LimitError(
                f"it takes more than {_grouped(self.most)} operations (loop turns, calls, "
                f"attribute lookups: {_grouped(self.limits.operations)}, and 100 for each of "
                f"the report's {_grouped(self.texts)} texts); raise the limit with "
                "limits=baocao.TemplateLimits(operations=…) if the template needs it"
            )

    def size(self, size: int, what: str, frame: Any = None) -> None:
        if size > self.longest:
            more = (
                f", plus 500 for each of the report's {_grouped(self.texts)} texts and 6 "
                f"for each of their {_grouped(self.characters)} characters"
                if self.texts
                else ""
            )
            raise _LimitError(
                f"{what} would be {_grouped(size)} characters long, more than "
                f"{_grouped(self.longest)} (limits=baocao.TemplateLimits(output="
                f"{_grouped(self.limits.output)}){more})",
                frame=frame,
            )

    def items(self, count: int, what: str) -> None:
        if count > MAX_TEMPLATE_ITEMS:
            raise _LimitError(
                f"{what} would hold {_grouped(count)} items, more than "
                f"{_grouped(MAX_TEMPLATE_ITEMS)}"
            )


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "baocao_template_budget", default=None
)
_DEFAULT_LIMITS = TemplateLimits()


def _budget() -> _Budget:
    """The budget of the render under way (a fresh one outside a render: compiling)."""
    return _BUDGET.get() or _Budget(_DEFAULT_LIMITS)


@contextlib.contextmanager
def budget(limits: TemplateLimits | None, size: tuple[int, int] = (0, 0)) -> Iterator[None]:
    """Render the templates inside this block on one budget of ``limits``, for a report
    of ``size`` (its texts and their characters, :func:`check_text_sizes`)."""
    if limits is not None and not isinstance(limits, TemplateLimits):
        raise InvalidTypeError(limits, "is not a baocao.TemplateLimits", path="limits")
    token = _BUDGET.set(_Budget(limits or _DEFAULT_LIMITS, *size))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _counted(iterable: Iterable[Any], budget: _Budget) -> Iterator[Any]:
    for item in iterable:
        budget.charge()
        yield item


def _joined(pieces: Iterable[Any], what: str) -> list[Any]:
    """``pieces`` as a list, refused as soon as their text would be over the limit."""
    budget = _budget()
    out = []
    total = 0
    for piece in pieces:
        total += len(piece) if isinstance(piece, str) else 1
        if total > budget.longest:  # the paragraph: where the output stopped
            budget.size(total, what, getattr(pieces, "gi_frame", None))
        out.append(piece)
    return out


_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_widths(numbers: Iterable[str | int], what: str) -> None:
    budget = _budget()
    for number in numbers:
        width = int(number) if isinstance(number, str) else number
        budget.size(width, what)


def _check_printf(text: str, args: object) -> None:
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


def _check_format(text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
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


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a method of a text that would make one over the output limit; returns the
    arguments to call it with (``join`` gets its items as a list, counted)."""
    text = getattr(obj, "__self__", None)
    if not isinstance(text, str):
        return args
    name = getattr(obj, "__name__", "")
    what = f"the text that '{name}' makes"
    budget = _budget()
    if name in _PADDING:
        width = args[0] if args else kwargs.get("width")
        if isinstance(width, int):
            budget.size(width, what)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            budget.size(len(text) * max(size, 1), what)
    elif name == "replace" and len(args) >= 2 and _strs(args[0], args[1]):
        old, new = args[0], args[1]
        count = text.count(old) if old else len(text) + 1
        if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
            count = min(count, args[2])
        budget.size(len(text) + count * max(len(new) - len(old), 0), what)
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        budget.size(len(text) * max(longest, 1), what)
    elif name in ("format", "format_map"):
        _check_format(text, args, kwargs)
    elif name == "join" and len(args) == 1:
        items = _joined(args[0], what)
        budget.size(
            sum(len(i) for i in items if isinstance(i, str)) + len(text) * max(len(items) - 1, 0),
            what,
        )
        return (items,)
    return args


def _strs(*values: object) -> bool:
    return all(isinstance(v, str) for v in values)


def _range(*args: int) -> range:
    numbers = jinja2.sandbox.safe_range(*args)
    _budget().charge(len(numbers))
    return numbers


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if _ints(n, max):
        _budget().charge(n * max)
    return str(jinja2.utils.generate_lorem_ipsum(n, html, min, max))


def _center(value: str, width: int = 80) -> str:
    if isinstance(width, int):
        _budget().size(width, "the text that 'center' makes")
    return jinja2.filters.do_center(value, width)


def _indent(s: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    step = len(width) if isinstance(width, str) else width
    if isinstance(step, int):
        _budget().size(
            len(str(s)) + (str(s).count("\n") + 1) * step, "the text that 'indent' makes"
        )
    return jinja2.filters.do_indent(s, width, first, blank)


def _format(value: str, *args: Any, **kwargs: Any) -> str:
    if isinstance(value, str):
        if kwargs:
            _check_printf(value, kwargs)
        _check_printf(value, args)
    return jinja2.filters.do_format(value, *args, **kwargs)


def _batch(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Any:
    if isinstance(linecount, int):
        _budget().items(linecount, "a batch")
    return jinja2.filters.do_batch(value, linecount, fill_with)


def _slice(value: Any, slices: int, fill_with: Any = None) -> Any:
    if isinstance(slices, int):
        _budget().items(slices, "a slice")
    return jinja2.filters.sync_do_slice(value, slices, fill_with)


@jinja2.pass_eval_context
def _join(
    eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: str | int | None = None
) -> str:
    items = _joined(value, "a text made with 'join'")
    return jinja2.filters.sync_do_join(eval_ctx, items, d, attribute)


@jinja2.pass_eval_context
def _replace(eval_ctx: Any, s: str, old: str, new: str, count: int | None = None) -> str:
    if _strs(s, old, new):
        _check_method(str(s).replace, (old, new, -1 if count is None else count), {})
    return jinja2.filters.do_replace(eval_ctx, s, old, new, count)


def _safe(value: str, *args: Any, **kwargs: Any) -> Markup:
    raise _LimitError(_RAW_XML, budget=False)


_RAW_XML = (
    "'|safe' (like '|urlize' and '{% autoescape false %}') writes a value as raw "
    "XML, which can break the document; baocao escapes every value. Remove it, or "
    "load the template with allow_raw_xml=True"
)

_ITEM_FILTERS = frozenset(
    {"list", "sort", "unique", "reverse", "batch", "slice", "groupby", "dictsort"}
)
"""The filters that make a list of every item of their value."""


def _items(value: Any, name: str) -> Any:
    """``value``, refused when it holds more than ``MAX_TEMPLATE_ITEMS`` items (an
    iterator is read into a list, counted as it goes)."""
    budget = _budget()
    what = f"the list that '|{name}' makes"
    if isinstance(value, (str, list, tuple, dict, range, set, frozenset)):
        budget.items(len(value), what)
        return value
    try:
        iterator = iter(value)
    except TypeError:
        return value  # the filter itself says what is wrong
    items = []
    for item in iterator:
        items.append(item)
        if len(items) > MAX_TEMPLATE_ITEMS:
            budget.items(len(items), what)
    return items


_ESCAPING = frozenset({"e", "escape", "forceescape"})
_SLOW = frozenset({"wordwrap", "pprint", "unique", "groupby", "sort", "dictsort"})


def _bounded_filter(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """``original``, with the list it makes bounded before it makes it and the text it
    makes measured (so that no chain of filters grows a text without end)."""
    first = 0 if getattr(original, "jinja_pass_arg", None) is None else 1

    @functools.wraps(original)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if name in _ITEM_FILTERS and len(args) > first:
            args = (*args[:first], _items(args[first], name), *args[first + 1 :])
        elif name in _ESCAPING and args and isinstance(args[0], str):
            _budget().size(escaped_size(args[0]), f"the text that '|{name}' makes")
        elif name in _SLOW and len(args) > first and hasattr(args[first], "__len__"):
            _budget().charge(len(args[first]))  # Python code that walks every item
        result = original(*args, **kwargs)
        if isinstance(result, str):
            _budget().size(len(result), f"the text that '|{name}' makes")
        return result

    return bounded


_RAW_FILTERS = ("safe", "urlize")
"""The filters that write their value as raw markup (``urlize`` writes HTML links)."""

_BOUNDED_FILTERS: dict[str, Callable[..., Any]] = {
    "center": _center,
    "indent": _indent,
    "format": _format,
    "batch": _batch,
    "slice": _slice,
    "join": _join,
    "replace": _replace,
}


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja's code generator, with every ``for`` loop counted, every ``~`` measured and
    (unless raw XML is allowed) ``|safe`` and ``{% autoescape %}`` refused."""

    def visit_For(self, node: jinja2.nodes.For, frame: Any) -> None:  # noqa: N802
        if not node.recursive:
            node.iter = jinja2.nodes.Call(
                jinja2.nodes.EnvironmentAttribute("budgeted"),
                [node.iter],
                [],
                None,
                None,
                lineno=node.iter.lineno,
            )
        super().visit_For(node, frame)

    def visit_Concat(self, node: jinja2.nodes.Concat, frame: Any) -> None:  # noqa: N802
        self.write("environment.measured(")
        super().visit_Concat(node, frame)
        self.write(")")

    def visit_Filter(self, node: jinja2.nodes.Filter, frame: Any) -> None:  # noqa: N802
        if node.name in _RAW_FILTERS and not getattr(self.environment, "raw_xml", True):
            self.fail(_RAW_XML, node.lineno)
        super().visit_Filter(node, frame)

    def visit_EvalContextModifier(  # noqa: N802
        self, node: jinja2.nodes.EvalContextModifier, frame: Any
    ) -> None:
        if not getattr(self.environment, "raw_xml", True):
            self.fail(_RAW_XML, node.lineno)
        super().visit_EvalContextModifier(node, frame)


class _Sandbox(jinja2.sandbox.SandboxedEnvironment):
    """Jinja's sandbox, with a budget (:class:`TemplateLimits`) and every failure a Jinja
    error.

    Jinja's own sandbox bounds ``range`` but not ``'a' * 10**9``, ``10 ** 10 ** 8``,
    nested loops, padding widths or the size of the output, and lets a Python error
    (``1 / 0``, an overflow) out as it is; here each is a :class:`jinja2.TemplateError`,
    which rendering reports as a ``TemplateError`` naming the paragraph.
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CodeGenerator
    raw_xml = False

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        too_big = False
        if operator == "**" and _ints(left, right) and right > 0:
            too_big = left.bit_length() * right > MAX_TEMPLATE_BITS
        elif operator == "*" and _ints(left, right):
            too_big = left.bit_length() + right.bit_length() > MAX_TEMPLATE_BITS
        elif operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                    too_big = len(seq) * count > MAX_TEMPLATE_ITEMS
        elif (
            operator == "+"
            and isinstance(left, (str, list, tuple))
            and isinstance(right, (str, list, tuple))
        ):
            _budget().size(len(left) + len(right), "a text or list made with '+'")
        elif operator == "%" and isinstance(left, str):
            _check_printf(left, right)
        if too_big:
            raise jinja2.exceptions.SecurityError(
                f"the result of '{operator}' would be too large for a document"
            )
        return super().call_binop(context, operator, left, right)

    def call(  # jinja2's own signature: self is ``__self``
        __self,  # noqa: N805
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        _budget().charge(100 if isinstance(__obj, jinja2.runtime.Macro) else 1)
        args = _check_method(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _budget().charge()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _budget().charge()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        function = wrapped

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_format(text, args, kwargs)
            return function(*args, **kwargs)

        return checked

    def budgeted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """A ``for`` loop's items, each turn counted."""
        return _counted(iterable, _budget())

    def measured(self, text: str) -> str:
        """A text made with ``~``, refused over the output limit."""
        _budget().size(len(text), "a text made with '~'")
        return text

    def concat(self, pieces: Iterable[str]) -> str:
        """The output of a part or a macro, refused as soon as it is over the limit."""
        return "".join(_joined(pieces, "the text of this part of the template"))

    def from_string(
        self, source: Any, globals: Any = None, template_class: Any = None
    ) -> jinja2.Template:
        template = super().from_string(source, globals, template_class)
        setattr(template, "baocao_source", source if isinstance(source, str) else "")  # noqa: B010
        return template

    def handle_exception(self, source: str | None = None) -> NoReturn:
        exc = sys.exc_info()[1]
        if isinstance(exc, Exception) and not isinstance(exc, (jinja2.TemplateError, BaocaoError)):
            raise jinja2.exceptions.TemplateRuntimeError(f"{type(exc).__name__}: {exc}") from exc
        super().handle_exception(source)


class _RawSandbox(_Sandbox):
    raw_xml = True


def _finalize_text(value: object) -> object:
    """What a document property receives: the value as text, not escaped (python-docx
    escapes it when writing)."""
    return "" if value is None else value


@functools.lru_cache(maxsize=4)
def jinja_environment(
    *, raw_xml: bool = False, properties: bool = False
) -> jinja2.sandbox.SandboxedEnvironment:
    """The Jinja environment every template renders in (sandboxed, strict, escaping).

    ``raw_xml`` allows ``|safe`` and ``{% autoescape false %}``; ``properties`` is the
    environment of the document properties, which are text, not XML (no escaping).
    """
    kind = _RawSandbox if raw_xml else _Sandbox
    env = kind(
        autoescape=not properties,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize_text if properties else _finalize,
        keep_trailing_newline=True,
        loader=jinja2.DictLoader({}),
    )
    env.filters.update(FILTERS)
    env.filters.update(_BOUNDED_FILTERS)
    env.filters.update({name: _bounded_filter(name, f) for name, f in env.filters.items()})
    if not raw_xml and not properties:
        env.filters.update(dict.fromkeys(_RAW_FILTERS, _safe))
    env.globals.update(range=_range, lipsum=_lipsum)
    return env


def _load_template(template: PathLike | bytes | None) -> bytes:
    if template is None:
        template = default_template_path()
    if isinstance(template, bytes):
        return template_package(template, template_name(template))
    if not isinstance(template, (str, os.PathLike)):
        raise InvalidTypeError(template, "is not a template path or .docx bytes", path="template")
    path = Path(template)
    data = read_bounded(
        path,
        MAX_DOCX_BYTES,
        lambda reason: TemplateError(f"{path}: cannot read the template: {reason}"),
    )
    return template_package(data, template_name(template))  # bounded, hardened (_package)


_UNDEFINED_NAME = re.compile(
    r"'([^']+)' (?:is undefined|has no attribute '([^']+)')"
    r"|access to attribute '([^']+)'"
)


def _locate(exc: jinja2.TemplateError, document: Any) -> Any:
    """The lint issue that explains a syntax error, naming its paragraph (or None)."""
    if not isinstance(exc, jinja2.TemplateSyntaxError) or document is None:
        return None
    from ._lint import locate  # here, as _lint builds on this module

    try:
        return locate(exc, document)
    except Exception:  # finding the paragraph must never hide the error itself
        return None


def _near(exc: jinja2.TemplateError, document: Any) -> str:
    """The template paragraph the error comes from, as a reader sees it."""
    paragraph = getattr(exc, "paragraph", None)
    if paragraph:
        return str(paragraph)
    issue = _locate(exc, document)
    if issue is not None:
        return str(issue.paragraph)
    near = getattr(exc, "docx_context", None)
    if near is not None:
        text = " ".join(" ".join(line.split()) for line in near if line.strip())
        if text:
            return text
    found = _UNDEFINED_NAME.search(getattr(exc, "message", "") or "")
    if isinstance(exc, jinja2.TemplateNotFound) and document is not None:
        name = str(exc.name)
    elif found is None or document is None:
        return ""
    else:
        name = found.group(2) or found.group(1) or found.group(3)
    parts = [document.element.body]
    parts += [
        rel.target_part.element
        for rel in document.part.rels.values()
        if rel.reltype.endswith(("/header", "/footer"))
    ]
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            text = paragraph_text(paragraph)
            if name in text:
                return " ".join(text.split())
    return ""


def _describe(exc: jinja2.TemplateError, document: Any = None) -> str:
    near = _near(exc, document)
    where = f" (in the paragraph: {near[:160]})" if near else ""
    if isinstance(exc, jinja2.UndefinedError):
        return f"the template uses a value the context does not have: {exc.message}{where}"
    if isinstance(exc, _LimitError) and exc.budget:
        return f"the template does too much: {exc.message}{where}"
    if exc.message == _RAW_XML:
        return f"the template writes raw XML: {_RAW_XML}{where}"
    if isinstance(exc, _RenderedXMLError):
        return f"{exc.message}{where}"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"the template tries something the sandbox forbids: {exc.message}{where}"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        issue = _locate(exc, document)
        text = (exc.message or "").rstrip(".")
        if issue is not None and issue.code in ("unclosed-tag", "unclosed-block", "unmatched-end"):
            text += f"; {issue.message}"
        return f"the template has a Jinja syntax error: {text}{where}"
    if isinstance(exc, jinja2.TemplateNotFound):
        return (
            f"the template includes another template ({exc.name}); a template must be "
            f"one file{where}"
        )
    return f"the template failed: {exc}{where}"


def template_name(template: PathLike | bytes | None) -> str:
    """How messages name a template: its path, "the template" (bytes) or the default."""
    if template is None:
        return "the default template"
    return "the template" if isinstance(template, bytes) else os.fspath(template)


_BROKEN_PACKAGE = (
    zipfile.BadZipFile,
    PackageNotFoundError,
    KeyError,
    ValueError,
    OSError,
    SyntaxError,
)
"""What python-docx, zipfile and lxml raise for a file that is not a usable .docx."""


@contextlib.contextmanager
def reading_template(name: str) -> Iterator[None]:
    """Turn what a broken .docx package raises into a :class:`~baocao.TemplateError`."""
    try:
        yield
    except BaocaoError:
        raise
    except _BROKEN_PACKAGE as exc:
        raise TemplateError(
            f"{name}: not a usable .docx template ({type(exc).__name__}: {exc})"
        ) from None


# --------------------------------------------------------------------------- strict XML

MAX_TEXT_BYTES = 10_000_000
"""The longest text (in UTF-8 bytes) one run of a .docx may hold: the limit of libxml2,
with which lxml, python-docx and baocao's own ``check`` read a .docx."""

_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_W = qn("w:p")[1:].split("}")[0]


class _RenderedXMLError(jinja2.exceptions.TemplateRuntimeError):
    """The filled template is not well-formed XML (or holds a text too long for it)."""

    def __init__(self, message: str, paragraph: str) -> None:
        super().__init__(message)
        self.paragraph = paragraph


def parse_rendered(xml: str | bytes, parser: Any = None) -> Any:
    """Parse a filled part strictly (never in recover mode, which drops what it cannot
    read); a flaw is a Jinja error naming the paragraph it is in."""
    try:
        return etree.fromstring(
            xml, parser or etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as exc:
        raise _rendered_error(exc, xml) from None


def _rendered_error(exc: etree.XMLSyntaxError, xml: str | bytes) -> _RenderedXMLError:
    text = xml.decode("utf-8", "replace") if isinstance(xml, bytes) else xml
    line, column = exc.position
    lines = text.split("\n")
    offset = sum(len(piece) + 1 for piece in lines[: line - 1]) + max(column - 1, 0)
    start = max(text.rfind("<w:p>", 0, offset), text.rfind("<w:p ", 0, offset))
    end = text.find("</w:p>", offset)
    paragraph = reader_text(text[start : end if end >= 0 else None][:100_000]) if start >= 0 else ""
    if "XML_PARSE_HUGE" in (exc.msg or ""):
        return _RenderedXMLError(
            f"a text of the filled document is longer than {_grouped(MAX_TEXT_BYTES)} bytes "
            "(UTF-8), the most that one text of a .docx may hold for the XML readers that "
            "open it (libxml2, lxml, python-docx)",
            paragraph,
        )
    message = (exc.msg or "").split(", line ")[0]
    return _RenderedXMLError(
        f"the filled template is not well-formed XML ({message}): a value with a page break "
        "(\\f) inside a hyperlink, a field or a content control, or raw XML written with "
        "|safe, breaks the document (`baocao lint` names such placeholders)",
        paragraph,
    )


def check_text_sizes(value: object, path: str = "") -> tuple[int, int]:
    """Refuse, before rendering, a text of the report longer than :data:`MAX_TEXT_BYTES`
    (in UTF-8): the .docx would not open (lxml would cut it and drop what follows).
    Returns how many texts the report has, and how many characters they have."""
    if isinstance(value, str):
        if len(value) * 4 > MAX_TEXT_BYTES and len(value.encode("utf-8")) > MAX_TEXT_BYTES:
            raise ValidationError(
                value,
                f"is {_grouped(len(value.encode('utf-8')))} bytes long (UTF-8); a "
                f".docx text holds at most {_grouped(MAX_TEXT_BYTES)} bytes: split it into "
                "several paragraphs",
                path=path,
            )
        return 1, len(value)
    if isinstance(value, (list, tuple)):
        items = [check_text_sizes(item, f"{path}[{index}]") for index, item in enumerate(value)]
    elif attrs.has(type(value)):
        fields: tuple[Any, ...] = attrs.fields(type(value))  # type: ignore[arg-type]
        items = [
            check_text_sizes(
                getattr(value, field.name), f"{path}.{field.name}" if path else field.name
            )
            for field in fields
        ]
    else:
        return 0, 0
    return sum(texts for texts, _ in items), sum(chars for _, chars in items)


def fix_table_grids(tree: Any) -> None:
    """docxtpl's ``fix_tables``, on a tree already parsed (strictly) and for any prefix of
    the WordprocessingML namespace: a table whose rows have more cells than its grid has
    columns gets more columns, one with fewer cells loses its extra columns, its width
    kept."""
    w = qn("w:w")
    for table in tree.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        if grid is None:
            continue
        columns = grid.findall(qn("w:gridCol"))
        rows = list(table.iter(qn("w:tr")))
        most = max((len(row.findall(qn("w:tc"))) for row in rows), default=0)
        to_add = most - len(columns)
        if to_add > 0:
            width = sum(_width(c) for c in columns if c.get(w) is not None)
            if width > 0:
                old_average = width / len(columns)
                new_average = width / (len(columns) + to_add)
                for column in columns:
                    column.set(w, str(int(_width(column) * new_average / old_average)))
                for _ in range(to_add):
                    etree.SubElement(grid, qn("w:gridCol"), {w: str(int(new_average))})
        columns = grid.findall(qn("w:gridCol"))
        spans = max(
            (sum(_span(cell) for cell in row.findall(qn("w:tc"))) for row in rows), default=0
        )
        to_remove = len(columns) - spans
        if to_remove > 0:
            removed = 0.0
            for column in columns[-to_remove:]:
                removed += _width(column)
                grid.remove(column)
            left = grid.findall(qn("w:gridCol"))
            extra = int(removed / len(left)) if left else 0
            for column in left:
                column.set(w, str(int(_width(column) + extra)))


def _width(column: Any) -> float:
    try:
        return float(column.get(qn("w:w")))
    except (TypeError, ValueError):
        return 0.0


def _span(cell: Any) -> int:
    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    if span is None:
        return 1
    try:
        return int(span.get(qn("w:val")))
    except (TypeError, ValueError):
        return 1


def render_properties(core: Any, compiled: dict[str, jinja2.Template], ctx: dict[str, Any]) -> None:
    """Fill the document properties (text, escaped once by python-docx when written; at
    most :data:`MAX_PROPERTY` characters, cut with "…")."""
    for key, template in compiled.items():
        setattr(core, key, property_text(template.render(ctx)))


PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
"""The document properties docxtpl fills from the template."""


def compile_properties(core: Any) -> dict[str, jinja2.Template]:
    env = jinja_environment(properties=True)
    return {key: env.from_string(getattr(core, key)) for key in PROPERTIES}


class StrictDocxTemplate(docxtpl.DocxTemplate):  # type: ignore[misc]
    """docxtpl's ``DocxTemplate``, with what it fills parsed strictly.

    docxtpl re-parses the filled body in lxml's recover mode, which silently drops what
    it cannot read (every ``&``, ``<`` and ``>`` of the document after a flaw) and cuts a
    text over 10 MB with everything after it; here the body, the headers, footers and
    footnotes are parsed strictly and a flaw is an error. The document properties are
    filled as text (docxtpl escapes them twice).
    """

    def fix_tables(self, xml: str) -> Any:
        tree = parse_rendered(xml)
        fix_table_grids(tree)
        return tree

    def map_headers_footers_xml(self, relKey: str, xml: bytes) -> None:  # noqa: N803
        parse_rendered(xml)
        super().map_headers_footers_xml(relKey, xml)

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        core = self.docx.core_properties
        render_properties(core, compile_properties(core), context)

    def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        super().render_footnotes(context, jinja_env)
        for part in self.docx.part.package.parts:
            if part.content_type == _FOOTNOTES:
                parse_rendered(part.blob)


# --------------------------------------------------------------------------- foreign parts

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MS = "http://schemas.microsoft.com/office/2006/relationships/"
_DROPPED = {
    _MS + "vbaProject": "macros (vbaProject.bin)",
    _MS + "keyMapCustomizations": "macro key bindings (customizations.xml)",
    _MS + "attachedToolbars": "macro toolbars (attachedToolbars.bin)",
    _RT + "attachedTemplate": "an attached template (settings.xml attachedTemplate)",
    _RT + "mailMergeSource": "a mail-merge data source",
    _RT + "mailMergeHeaderSource": "a mail-merge header source",
}
_REFUSED = {
    _RT + "aFChunk": "an imported file of another format (w:altChunk, e.g. HTML) "
    "that Word converts when it opens the document",
    _RT + "subDocument": "a linked subdocument (w:subDoc)",
    _RT + "oleObject": "an embedded or linked OLE object (w:object)",
    _RT + "control": "an ActiveX control",
}


def foreign_content(document: Any) -> list[tuple[bool, str, str]]:
    """What a template carries that is not layout: ``(refused, what, target)`` for each
    macro project, attached template, imported file and subdocument."""
    found = []
    for part in document.part.package.iter_parts():
        for rel in part.rels.values():
            what = _REFUSED.get(rel.reltype) or _DROPPED.get(rel.reltype)
            if what is not None:
                target = rel.target_ref if rel.is_external else rel.target_part.partname
                found.append((rel.reltype in _REFUSED, what, str(target)))
    return found


def strip_template(tpl: docxtpl.DocxTemplate, name: str) -> None:
    """Make a loaded template a layout only: refuse imported files and subdocuments,
    drop macros and attached templates, and write WordprocessingML with the ``w:``
    prefix that docxtpl's tags need."""
    document = tpl.docx
    for refused, what, target in foreign_content(document):
        if refused:
            raise TemplateError(
                f"{name}: the template holds {what} ({target}); a template "
                "is a layout: paste that content into the template itself"
            )
    for part in list(document.part.package.iter_parts()):
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype in _DROPPED:
                del part.rels[rel_id]
                element = getattr(part, "_element", None)
                for ref in [] if element is None else list(element.iter()):
                    if ref.get(qn("r:id")) == rel_id and ref.getparent() is not None:
                        ref.getparent().remove(ref)
    use_w_prefix(tpl)


def use_w_prefix(tpl: Any) -> None:
    """Rewrite the parts docxtpl fills when they name the WordprocessingML namespace with
    another prefix than ``w:`` (``ns0:``, as Python's ElementTree writes): docxtpl finds
    paragraphs, runs and tags by their ``w:`` text."""
    from docx.oxml import parse_xml

    document = tpl.docx
    parts = [document.part] + [
        rel.target_part
        for rel in document.part.rels.values()
        if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI)
    ]
    changed = False
    for part in parts:
        if part._element.prefix != "w" and part._element.tag.startswith("{" + _W + "}"):
            part._element = parse_xml(etree.tostring(_w_prefixed(part._element)))
            changed = True
    for part in document.part.package.parts:
        if part.content_type == _FOOTNOTES:
            root = etree.fromstring(
                part.blob, etree.XMLParser(resolve_entities=False, no_network=True)
            )
            if root.prefix != "w":
                part._blob = etree.tostring(
                    _w_prefixed(root), xml_declaration=True, encoding="UTF-8", standalone=True
                )
    if changed:
        tpl.docx = document.part.document


def _w_prefixed(root: Any) -> Any:
    """A copy of ``root`` whose WordprocessingML elements and attributes use ``w:``."""
    names: dict[str, str] = {"w": _W}
    for element in root.iter():
        for prefix, uri in (element.nsmap or {}).items():
            if uri != _W and prefix is not None and prefix not in names:
                names[prefix] = uri

    def build(source: Any, parent: Any) -> Any:
        if parent is None:
            made = etree.Element(source.tag, nsmap=names)
        else:
            made = etree.SubElement(parent, source.tag)
        for key, value in source.attrib.items():
            made.set(key, value)
        made.text = source.text
        made.tail = source.tail
        for child in source:
            if isinstance(child.tag, str):
                build(child, made)
            else:  # a comment or processing instruction, as it is
                made.append(etree.fromstring(etree.tostring(child)))
        return made

    return build(root, None)


def core_values(report: m.Report) -> dict[str, Any]:
    """The document properties of a rendered report: its date, title, body and subject."""
    return {
        "created": report.date,
        "title": _plain(f"{report.doc_type.title} {report.subject}"),
        "author": _plain(report.issuer.name),
        "subject": _plain(report.subject),
    }


MAX_PROPERTY = 255
"""Longest document property (title, subject, author) a .docx holds (python-docx's limit)."""


def _plain(text: str) -> str:
    """One line of text for the document properties (no line breaks or tabs), cut to
    :data:`MAX_PROPERTY` characters with "…": the document itself holds the whole text."""
    return property_text(" ".join(text.split()))


def property_text(text: str) -> str:
    """A document property as a .docx holds it: cut to :data:`MAX_PROPERTY` characters,
    with "…"."""
    return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1] + "…"
