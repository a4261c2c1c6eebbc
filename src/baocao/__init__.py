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

from ._batch import RenderResult, render_many
from ._check import Finding, check
from ._context import context
from ._errors import (
    BaocaoError,
    ConversionError,
    InvalidTypeError,
    LoadError,
    TemplateError,
    ValidationError,
    WorkerError,
)
from ._format import format_date, format_number, format_percent, rate
from ._lint import LintIssue, lint
from ._load import load, loads
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
from ._num2words import register_num2words
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
from ._pdf import to_pdf
from ._render import TemplateLimits
from ._schema import json_schema
from ._template import Template, render

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

# Public names read as baocao.X in reprs and tracebacks, not baocao._model.X.
for _name in __all__:
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("baocao._"):
        with _contextlib.suppress(AttributeError, TypeError):
            _obj.__module__ = "baocao"
del _name, _obj
