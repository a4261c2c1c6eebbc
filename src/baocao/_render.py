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
* In values, ``\\n`` and ``\\v`` become line breaks, ``\\t`` a tab and ``\\f`` a page break.
* The output is deterministic: fixed zip timestamps and entry order, and core properties
  taken from the report (its date, title and issuing body), never from the clock.
"""

from __future__ import annotations

import functools
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import IO, Any

import docxtpl
import jinja2
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
from ._zip import normalise_zip

__all__ = ["DEFAULT_TEMPLATE", "default_template_path", "jinja_environment", "render_document",
           "write_atomic"]

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


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    text = str(value)
    if "\r" in text or "\v" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


@functools.lru_cache(maxsize=1)
def jinja_environment() -> jinja2.sandbox.SandboxedEnvironment:
    """The Jinja environment every template renders in (sandboxed, strict, escaping)."""
    env = jinja2.sandbox.SandboxedEnvironment(
        autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize,
        keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env


@functools.lru_cache(maxsize=16)
def _template_bytes(path: str, mtime_ns: int) -> bytes:
    return Path(path).read_bytes()


def _load_template(template: PathLike | bytes | None) -> bytes:
    if template is None:
        template = default_template_path()
    if isinstance(template, bytes):
        return template
    if not isinstance(template, (str, os.PathLike)):
        raise InvalidTypeError(template, "is not a template path or .docx bytes",
                               path="template")
    path = Path(template)
    try:
        return _template_bytes(str(path.resolve()), path.stat().st_mtime_ns)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the template: {exc.strerror or exc}") \
            from None


_UNDEFINED_NAME = re.compile(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')")


def _near(exc: jinja2.TemplateError, document: Any) -> str:
    """The template paragraph the error comes from, as a reader sees it."""
    near = getattr(exc, "docx_context", None)
    if near is not None:
        text = " ".join(" ".join(line.split()) for line in near if line.strip())
        if text:
            return text
    found = _UNDEFINED_NAME.search(getattr(exc, "message", "") or "")
    if found is None or document is None:
        return ""
    name = found.group(2) or found.group(1)
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
        return f"the template has a Jinja syntax error: {exc.message}{where}"
    return f"the template failed: {exc}{where}"


def render_document(report: m.Report, template: PathLike | bytes | None = None,
                    values: Mapping[str, Any] | None = None, *, profile: str = "14",
                    margins: Margins | None = None) -> bytes:
    """Fill ``template`` for ``report`` and return the .docx bytes (no file written)."""
    data = _load_template(template)
    ctx = build_context(report) if values is None else dict(values)
    name = "the default template" if template is None else (
        "the template" if isinstance(template, bytes) else str(template))
    tpl = docxtpl.DocxTemplate(io.BytesIO(data))
    try:
        tpl.render(ctx, jinja_env=jinja_environment(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{name}: {_describe(exc, tpl.docx)}") from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError,
            SyntaxError) as exc:  # zip, package or XML trouble
        if isinstance(exc, BaocaoError):
            raise
        raise TemplateError(f"{name}: not a usable .docx template "
                            f"({type(exc).__name__}: {exc})") from None
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


def _plain(text: str) -> str:
    """One line of text for the document properties (no line breaks or tabs)."""
    return " ".join(text.split())


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once, at import: os.umask cannot be read without setting it


def write_atomic(path: PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    so that a crash never leaves a half-written file and a failure leaves the old one."""
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777  # keep the mode of the file replaced
    except OSError:
        mode = 0o666 & ~_UMASK  # a new file: what open() would have made
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
