"""Rendering a report to .docx with docxtpl, safely: the plain path.

:func:`render_document` is docxtpl used as its documentation shows it (a new
``DocxTemplate``, ``render``, ``save``), plus baocao's safety and layout. It is the
reference that :class:`baocao.Template` (which :func:`baocao.render` uses) must equal.


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
* The output is deterministic: fixed zip timestamps and entry order, and core properties
  taken from the report (its date, title and issuing body), never from the clock.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import sys
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any, NoReturn

import docxtpl
import jinja2
import jinja2.runtime
import jinja2.sandbox
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from markupsafe import Markup, escape

from . import _model as m
from ._context import context as build_context
from ._errors import BaocaoError, InvalidTypeError, TemplateError
from ._filters import FILTERS
from ._layout import (
    Styles,
    apply_profile,
    layout_body,
    paragraph_text,
    set_core_properties,
)
from ._options import Margins
from ._package import template_package
from ._zip import normalise_zip

__all__ = ["DEFAULT_TEMPLATE", "default_template_path", "jinja_environment", "render_document"]

DEFAULT_TEMPLATE = "bao-cao.docx"

PathLike = str | os.PathLike[str]
Output = PathLike | IO[bytes] | None


def default_template_path() -> Path:
    """Where the default template is: inside the installed package, or in the source tree."""
    packaged = resources.files("baocao") / "templates" / DEFAULT_TEMPLATE
    if packaged.is_file():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[2] / "templates" / DEFAULT_TEMPLATE
    if source.is_file():
        return source
    raise TemplateError(f"the default template {DEFAULT_TEMPLATE} is missing from the "
                        "installation; reinstall baocao")


# Line breaks other than \n: \r, Word's vertical tab, and Unicode's NEXT LINE, LINE
# SEPARATOR and PARAGRAPH SEPARATOR (web and PDF copy-paste): each becomes a line break.
_BREAKS = re.compile("[\r\v\x85\u2028\u2029]")


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    text = str(value)
    if _BREAKS.search(text):
        text = _BREAKS.sub("\n", text.replace("\r\n", "\n"))
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


MAX_TEMPLATE_BITS = 100_000
"""Largest number (in bits, about 30 000 digits) that ``*`` or ``**`` may make in a template."""

MAX_TEMPLATE_ITEMS = 1_000_000
"""Longest text or list that ``*`` may make in a template (``'a' * 10**9`` is refused)."""


def _ints(*values: object) -> bool:
    return all(isinstance(v, int) for v in values)


class _Sandbox(jinja2.sandbox.SandboxedEnvironment):
    """Jinja's sandbox, with ``*`` and ``**`` bounded and every failure a Jinja error.

    Jinja's own sandbox bounds ``range`` but not ``'a' * 10**9`` or ``10 ** 10 ** 8``, and
    lets a Python error (``1 / 0``, an overflow) out as it is; here they become
    :class:`jinja2.TemplateError`, which rendering reports as a ``TemplateError``.
    """

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,
                   right: Any) -> Any:
        too_big = False
        if operator == "**" and _ints(left, right) and right > 0:
            too_big = left.bit_length() * right > MAX_TEMPLATE_BITS
        elif operator == "*" and _ints(left, right):
            too_big = left.bit_length() + right.bit_length() > MAX_TEMPLATE_BITS
        elif operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                    too_big = len(seq) * count > MAX_TEMPLATE_ITEMS
        if too_big:
            raise jinja2.exceptions.SecurityError(
                f"the result of '{operator}' would be too large for a document")
        return super().call_binop(context, operator, left, right)

    def handle_exception(self, source: str | None = None) -> NoReturn:
        exc = sys.exc_info()[1]
        if isinstance(exc, Exception) and not isinstance(exc, (jinja2.TemplateError,
                                                                BaocaoError)):
            raise jinja2.exceptions.TemplateRuntimeError(
                f"{type(exc).__name__}: {exc}") from exc
        super().handle_exception(source)


@functools.lru_cache(maxsize=1)
def jinja_environment() -> jinja2.sandbox.SandboxedEnvironment:
    """The Jinja environment every template renders in (sandboxed, strict, escaping)."""
    env = _Sandbox(
        autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize,
        keep_trailing_newline=True, loader=jinja2.DictLoader({}))
    env.filters.update(FILTERS)
    return env


@functools.lru_cache(maxsize=16)
def _template_bytes(path: str, mtime_ns: int) -> bytes:
    return Path(path).read_bytes()


def _load_template(template: PathLike | bytes | None) -> bytes:
    if template is None:
        template = default_template_path()
    if isinstance(template, bytes):
        return template_package(template, template_name(template))
    if not isinstance(template, (str, os.PathLike)):
        raise InvalidTypeError(template, "is not a template path or .docx bytes",
                               path="template")
    path = Path(template)
    try:
        data = _template_bytes(str(path.resolve()), path.stat().st_mtime_ns)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the template: {exc.strerror or exc}") \
            from None
    return template_package(data, template_name(template))  # bounded, hardened (_package)


_UNDEFINED_NAME = re.compile(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')"
                             r"|access to attribute '([^']+)'")


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
    parts += [rel.target_part.element for rel in document.part.rels.values()
              if rel.reltype.endswith(("/header", "/footer"))]
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
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"the template tries something the sandbox forbids: {exc.message}{where}"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        issue = _locate(exc, document)
        text = (exc.message or "").rstrip(".")
        if issue is not None and issue.code in ("unclosed-tag", "unclosed-block",
                                                "unmatched-end"):
            text += f"; {issue.message}"
        return f"the template has a Jinja syntax error: {text}{where}"
    if isinstance(exc, jinja2.TemplateNotFound):
        return (f"the template includes another template ({exc.name}); a template must be "
                f"one file{where}")
    return f"the template failed: {exc}{where}"


def template_name(template: PathLike | bytes | None) -> str:
    """How messages name a template: its path, "the template" (bytes) or the default."""
    if template is None:
        return "the default template"
    return "the template" if isinstance(template, bytes) else os.fspath(template)


_BROKEN_PACKAGE = (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError,
                   SyntaxError)
"""What python-docx, zipfile and lxml raise for a file that is not a usable .docx."""


@contextlib.contextmanager
def reading_template(name: str) -> Iterator[None]:
    """Turn what a broken .docx package raises into a :class:`~baocao.TemplateError`."""
    try:
        yield
    except BaocaoError:
        raise
    except _BROKEN_PACKAGE as exc:
        raise TemplateError(f"{name}: not a usable .docx template "
                            f"({type(exc).__name__}: {exc})") from None


def render_document(report: m.Report, template: PathLike | bytes | None = None, *,
                    profile: str = "14", margins: Margins | None = None) -> bytes:
    """Fill ``template`` for ``report`` and return the .docx bytes (no file written)."""
    data = _load_template(template)
    ctx = build_context(report)
    name = template_name(template)
    tpl = docxtpl.DocxTemplate(io.BytesIO(data))
    with reading_template(name):
        try:
            tpl.render(ctx, jinja_env=jinja_environment(), autoescape=True)
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{name}: {_describe(exc, tpl.docx)}") from None
    document = tpl.docx
    if profile != "14":
        apply_profile(document.styles.element, profile)
    layout_body(document.element.body, Styles(document.styles.element), margins)
    set_core_properties(document.core_properties, **core_values(report))
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalise_zip(buffer.getvalue())


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
    text = " ".join(text.split())
    return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1] + "…"
