"""baocao: Vietnamese administrative reports as typed data, rendered to .docx.

A report (báo cáo, or any document of Mẫu 1.4: kế hoạch, tờ trình, thông báo, …) is a
frozen, validated :class:`Report`. :func:`render` fills a .docx template that follows
the format of Nghị định 30/2020/NĐ-CP, Phụ lục I; :func:`load` reads the report from
YAML, JSON or Markdown (:func:`loads_markdown`). The numbering of the body, upper case,
the date line, the punctuation of the lists and the amounts in words all come from the
library.

    >>> import baocao
    >>> baocao.money_to_words(4607678000, style="south")
    'Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng'

Everything public is here; the ``baocao._*`` modules are private.
"""

import importlib as _importlib
from typing import TYPE_CHECKING, Any

from ._errors import (
    BaocaoError,
    ConversionError,
    InvalidTypeError,
    LoadError,
    NotADocxError,
    SigningError,
    TemplateError,
    ValidationError,
    WorkerError,
)

# Only the errors are imported at once: every other name loads its wing on first use.
from ._lazy import publish as _publish

# Every wing on first use (PEP 562), so that ``baocao.number_to_words``, ``baocao words``
# and ``baocao check`` import only what they use.
_LAZY = {
    "Appendix": "_model",
    "AppendixNumbering": "_model",
    "Confidentiality": "_model",
    "CopiesForm": "_model",
    "Orientation": "_model",
    "Urgency": "_model",
    "Authority": "_model",
    "Dash": "_model",
    "Date": "_model",
    "DocumentType": "_model",
    "Filing": "_model",
    "Footnote": "_model",
    "GroupRow": "_model",
    "HeaderCell": "_model",
    "Issuer": "_model",
    "Item": "_model",
    "Money": "_model",
    "Number": "_model",
    "Numbering": "_model",
    "Paragraph": "_model",
    "Part": "_model",
    "Percent": "_model",
    "Point": "_model",
    "Rate": "_model",
    "Report": "_model",
    "Section": "_model",
    "Signatory": "_model",
    "SubtotalRow": "_model",
    "Table": "_model",
    "rows_from_file": "_model",
    "Style": "_words",
    "fix_text": "_words",
    "money_to_words": "_words",
    "number_to_words": "_words",
    "ordinal_to_words": "_words",
    "percent_to_words": "_words",
    "words_to_money": "_words",
    "words_to_number": "_words",
    "words_to_percent": "_words",
    "Margins": "_options",
    "RenderResult": "_render",
    "render_many": "_render",
    "Finding": "_check",
    "check": "_check",
    "context": "_render",
    "format_date": "_words",
    "format_number": "_words",
    "format_percent": "_words",
    "rate": "_words",
    "LintIssue": "_render",
    "lint": "_render",
    "load": "_model",
    "dumps": "_model",
    "ImportResult": "_import",
    "import_docx": "_import",
    "loads": "_model",
    "loads_markdown": "_model",
    "register_num2words": "_words",
    "to_pdf": "_render",
    "metadata": "_render",
    "TemplateLimits": "_render",
    "json_schema": "_model",
    "Template": "_render",
    "render": "_render",
    "SignatureInfo": "_sign",
    "SigningKey": "_sign",
    "sign": "_sign",
    "signing_fields": "_sign",
    "verify": "_sign",
}

if TYPE_CHECKING:  # what type checkers and editors see: the same names, eagerly
    from ._check import Finding, check
    from ._import import ImportResult, import_docx
    from ._model import (
        Appendix,
        AppendixNumbering,
        Authority,
        Confidentiality,
        CopiesForm,
        Dash,
        Date,
        DocumentType,
        Filing,
        Footnote,
        GroupRow,
        HeaderCell,
        Issuer,
        Item,
        Money,
        Number,
        Numbering,
        Orientation,
        Paragraph,
        Part,
        Percent,
        Point,
        Rate,
        Report,
        Section,
        Signatory,
        SubtotalRow,
        Table,
        Urgency,
        dumps,
        json_schema,
        load,
        loads,
        loads_markdown,
        rows_from_file,
    )
    from ._options import Margins
    from ._render import (
        LintIssue,
        RenderResult,
        Template,
        TemplateLimits,
        context,
        lint,
        metadata,
        render,
        render_many,
        to_pdf,
    )
    from ._sign import SignatureInfo, SigningKey, sign, signing_fields, verify
    from ._words import (
        Style,
        fix_text,
        format_date,
        format_number,
        format_percent,
        money_to_words,
        number_to_words,
        ordinal_to_words,
        percent_to_words,
        rate,
        register_num2words,
        words_to_money,
        words_to_number,
        words_to_percent,
    )


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(_importlib.import_module(f".{module}", __name__), name)
        _publish(value)  # it reads as baocao.X in reprs and tracebacks
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
    "AppendixNumbering",
    "Authority",
    "BaocaoError",
    "Confidentiality",
    "ConversionError",
    "CopiesForm",
    "Dash",
    "Date",
    "DocumentType",
    "Filing",
    "Finding",
    "Footnote",
    "GroupRow",
    "HeaderCell",
    "ImportResult",
    "InvalidTypeError",
    "Issuer",
    "Item",
    "LintIssue",
    "LoadError",
    "Margins",
    "Money",
    "NotADocxError",
    "Number",
    "Numbering",
    "Orientation",
    "Paragraph",
    "Part",
    "Percent",
    "Point",
    "Rate",
    "RenderResult",
    "Report",
    "Section",
    "Signatory",
    "SignatureInfo",
    "SigningError",
    "SigningKey",
    "Style",
    "SubtotalRow",
    "Table",
    "Template",
    "TemplateError",
    "TemplateLimits",
    "Urgency",
    "ValidationError",
    "WorkerError",
    "check",
    "context",
    "dumps",
    "fix_text",
    "format_date",
    "format_number",
    "format_percent",
    "import_docx",
    "json_schema",
    "lint",
    "load",
    "loads",
    "loads_markdown",
    "metadata",
    "money_to_words",
    "number_to_words",
    "ordinal_to_words",
    "percent_to_words",
    "rate",
    "register_num2words",
    "render",
    "render_many",
    "rows_from_file",
    "sign",
    "signing_fields",
    "to_pdf",
    "verify",
    "words_to_money",
    "words_to_number",
    "words_to_percent",
]

_publish(*(globals()[name] for name in __all__ if name not in _LAZY))
