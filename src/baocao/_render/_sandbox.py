"""The Jinja sandbox every template renders in (:func:`jinja_environment`).

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
  failure inside a template is a Jinja error, which rendering reports as a
  :class:`~baocao.TemplateError`.
* Every loop turn, call and text is charged to the render's budget (``_limits``), the
  filters that make lists or texts are bounded, and ``|safe`` and
  ``{% autoescape false %}`` are refused (:data:`RAW_XML`) unless raw XML is allowed.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NoReturn

import jinja2
import jinja2.compiler
import jinja2.filters
import jinja2.nodes
import jinja2.runtime
import jinja2.sandbox
import jinja2.utils
from markupsafe import Markup, escape

from .._errors import BaocaoError
from ._filters import FILTERS
from ._limits import (
    MAX_TEMPLATE_BITS,
    MAX_TEMPLATE_ITEMS,
    LimitError,
    check_format,
    check_method,
    check_printf,
    counted,
    current_budget,
    ints,
    joined,
    strs,
)

__all__ = ["RAW_XML", "escaped_size", "jinja_environment"]

# Line breaks other than \n: \r, Word's vertical tab, and Unicode's NEXT LINE, LINE
# SEPARATOR and PARAGRAPH SEPARATOR (web and PDF copy-paste): each becomes a line break.
_BREAKS = re.compile("[\r\v\x85\u2028\u2029]")


def escaped_size(text: str) -> int:
    """How long ``text`` is once escaped for XML (as :func:`_finalize` escapes it), counted
    without making it."""
    return len(text) + sum(text.count(c) * extra for c, extra in _ESCAPE_EXTRA)


_ESCAPE_EXTRA = (("&", 4), ("<", 3), (">", 3), ('"', 4), ("'", 4), ("{", 5), ("}", 5))
# What _finalize changes: the characters it escapes and the line breaks it rewrites.
_SPECIAL = re.compile("[&<>\"'{}\r\v\x85\u2028\u2029]")


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    text = str(value)
    if not _SPECIAL.search(text):  # nothing to escape or to break: the text as it is
        current_budget().size(len(text), "a value printed")
        return Markup(text)
    current_budget().size(escaped_size(text), "a value printed")
    if _BREAKS.search(text):
        text = _BREAKS.sub("\n", text.replace("\r\n", "\n"))
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


def _range(*args: int) -> range:
    numbers = jinja2.sandbox.safe_range(*args)
    current_budget().charge(len(numbers))
    return numbers


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if ints(n, max):
        current_budget().charge(n * max)
    return str(jinja2.utils.generate_lorem_ipsum(n, html, min, max))


def _center(value: str, width: int = 80) -> str:
    if isinstance(width, int):
        current_budget().size(width, "the text that 'center' makes")
    return jinja2.filters.do_center(value, width)


def _indent(s: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    step = len(width) if isinstance(width, str) else width
    if isinstance(step, int):
        current_budget().size(
            len(str(s)) + (str(s).count("\n") + 1) * step, "the text that 'indent' makes"
        )
    return jinja2.filters.do_indent(s, width, first, blank)


def _format(value: str, *args: Any, **kwargs: Any) -> str:
    if isinstance(value, str):
        if kwargs:
            check_printf(value, kwargs)
        check_printf(value, args)
    return jinja2.filters.do_format(value, *args, **kwargs)


def _batch(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Any:
    if isinstance(linecount, int):
        current_budget().items(linecount, "a batch")
    return jinja2.filters.do_batch(value, linecount, fill_with)


def _slice(value: Any, slices: int, fill_with: Any = None) -> Any:
    if isinstance(slices, int):
        current_budget().items(slices, "a slice")
    return jinja2.filters.sync_do_slice(value, slices, fill_with)


@jinja2.pass_eval_context
def _join(
    eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: str | int | None = None
) -> str:
    items = joined(value, "a text made with 'join'")
    return jinja2.filters.sync_do_join(eval_ctx, items, d, attribute)


@jinja2.pass_eval_context
def _replace(eval_ctx: Any, s: str, old: str, new: str, count: int | None = None) -> str:
    if strs(s, old, new):
        check_method(str(s).replace, (old, new, -1 if count is None else count), {})
    return jinja2.filters.do_replace(eval_ctx, s, old, new, count)


def _safe(value: str, *args: Any, **kwargs: Any) -> Markup:
    raise LimitError(RAW_XML, budget=False)


RAW_XML = (
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
    budget = current_budget()
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
            current_budget().size(escaped_size(args[0]), f"the text that '|{name}' makes")
        elif name in _SLOW and len(args) > first and hasattr(args[first], "__len__"):
            current_budget().charge(len(args[first]))  # Python code that walks every item
        result = original(*args, **kwargs)
        if isinstance(result, str):
            current_budget().size(len(result), f"the text that '|{name}' makes")
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
            self.fail(RAW_XML, node.lineno)
        super().visit_Filter(node, frame)

    def visit_EvalContextModifier(  # noqa: N802
        self, node: jinja2.nodes.EvalContextModifier, frame: Any
    ) -> None:
        if not getattr(self.environment, "raw_xml", True):
            self.fail(RAW_XML, node.lineno)
        super().visit_EvalContextModifier(node, frame)


_DICT_NAMES = frozenset(dir(dict))
"""The attributes of a dict: for any other name, Jinja's ``getattr`` falls back to the key."""


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
        if operator == "**" and ints(left, right) and right > 0:
            too_big = left.bit_length() * right > MAX_TEMPLATE_BITS
        elif operator == "*" and ints(left, right):
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
            current_budget().size(len(left) + len(right), "a text or list made with '+'")
        elif operator == "%" and isinstance(left, str):
            check_printf(left, right)
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
        current_budget().charge(100 if isinstance(__obj, jinja2.runtime.Macro) else 1)
        args = check_method(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        current_budget().charge()
        if type(obj) is dict and attribute not in _DICT_NAMES and attribute in obj:
            return obj[attribute]  # what Jinja finds, once getattr() has failed
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        current_budget().charge()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        function = wrapped

        def checked(*args: Any, **kwargs: Any) -> str:
            check_format(text, args, kwargs)
            return function(*args, **kwargs)

        return checked

    def budgeted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """A ``for`` loop's items, each turn counted."""
        return counted(iterable, current_budget())

    def measured(self, text: str) -> str:
        """A text made with ``~``, refused over the output limit."""
        current_budget().size(len(text), "a text made with '~'")
        return text

    def concat(self, pieces: Iterable[str]) -> str:
        """The output of a part or a macro, refused as soon as it is over the limit."""
        return "".join(joined(pieces, "the text of this part of the template"))

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
