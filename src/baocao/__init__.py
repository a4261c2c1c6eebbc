"""baocao: Vietnamese administrative reports as typed data, rendered to .docx.

A report (báo cáo, or any document of Mẫu 1.4: kế hoạch, tờ trình, thông báo, …) is a
frozen, validated :class:`Report`. :func:`render` fills a .docx template that follows
the format of Nghị định 30/2020/NĐ-CP, Phụ lục I; :func:`load` reads the report from
YAML or JSON. The numbering of the body, upper case, the date line, the punctuation of
the lists and the amounts in words all come from the library.

    >>> import baocao
    >>> baocao.money_to_words(4607678000, style="south")
    'Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng'

Everything public is here; the ``baocao._*`` modules are private.
"""

import contextlib as _contextlib
import importlib as _importlib
from typing import TYPE_CHECKING, Any

# The light wings are imported at once: errors, the model, numbers in words, options.
from ._errors import (
    BaocaoError,
    ConversionError,
    InvalidTypeError,
    LoadError,
    TemplateError,
    ValidationError,
    WorkerError,
)
from ._model import (
    Appendix,
    Authority,
    Dash,
    Date,
    DocumentType,
    Filing,
    Issuer,
    Item,
    Money,
    Number,
    Paragraph,
    Part,
    Percent,
    Point,
    Rate,
    Report,
    Section,
    Signatory,
    Table,
)
from ._numbers import (
    Style,
    money_to_words,
    number_to_words,
    ordinal_to_words,
    percent_to_words,
    words_to_money,
    words_to_number,
    words_to_percent,
)
from ._options import Margins

# The heavy ones (python-docx, docxtpl, Jinja, lxml, Babel, YAML, num2words) on first use
# (PEP 562), so that ``baocao.number_to_words`` and ``baocao words`` start fast.
_LAZY = {
    "RenderResult": "_batch",
    "render_many": "_batch",
    "Finding": "_check",
    "check": "_check",
    "context": "_context",
    "format_date": "_format",
    "format_number": "_format",
    "format_percent": "_format",
    "rate": "_format",
    "LintIssue": "_lint",
    "lint": "_lint",
    "load": "_load",
    "loads": "_load",
    "register_num2words": "_num2words",
    "to_pdf": "_pdf",
    "TemplateLimits": "_render",
    "json_schema": "_schema",
    "Template": "_template",
    "render": "_template",
}

if TYPE_CHECKING:  # what type checkers and editors see: the same names, eagerly
    from ._batch import RenderResult, render_many
    from ._check import Finding, check
    from ._context import context
    from ._format import format_date, format_number, format_percent, rate
    from ._lint import LintIssue, lint
    from ._load import load, loads
    from ._num2words import register_num2words
    from ._pdf import to_pdf
    from ._render import TemplateLimits
    from ._schema import json_schema
    from ._template import Template, render


def _public(obj: Any) -> Any:
    """Public names read as baocao.X in reprs and tracebacks, not baocao._model.X."""
    if getattr(obj, "__module__", "").startswith("baocao._"):
        with _contextlib.suppress(AttributeError, TypeError):
            obj.__module__ = "baocao"
    return obj


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = _public(getattr(_importlib.import_module(f".{module}", __name__), name))
        globals()[name] = value  # the next access is a plain attribute
        return value
    if name.startswith("_") and not name.startswith("__"):
        try:  # a private wing, as ``baocao._check`` read before it was imported
            return _importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"

__all__ = [
    "Appendix",
    "Authority",
    "BaocaoError",
    "ConversionError",
    "Dash",
    "Date",
    "DocumentType",
    "Filing",
    "Finding",
    "InvalidTypeError",
    "Issuer",
    "Item",
    "LintIssue",
    "LoadError",
    "Margins",
    "Money",
    "Number",
    "Paragraph",
    "Part",
    "Percent",
    "Point",
    "Rate",
    "RenderResult",
    "Report",
    "Section",
    "Signatory",
    "Style",
    "Table",
    "Template",
    "TemplateError",
    "TemplateLimits",
    "ValidationError",
    "WorkerError",
    "check",
    "context",
    "format_date",
    "format_number",
    "format_percent",
    "json_schema",
    "lint",
    "load",
    "loads",
    "money_to_words",
    "number_to_words",
    "ordinal_to_words",
    "percent_to_words",
    "rate",
    "register_num2words",
    "render",
    "render_many",
    "to_pdf",
    "words_to_money",
    "words_to_number",
    "words_to_percent",
]

for _name in __all__:
    if _name not in _LAZY:
        _public(globals()[_name])
del _name
