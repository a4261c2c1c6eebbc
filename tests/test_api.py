"""``import baocao`` is the one import point; its public names are pinned."""

from __future__ import annotations

import baocao

PUBLIC = {
    # the model
    "Report",
    "Issuer",
    "Signatory",
    "Authority",
    "DocumentType",
    "Filing",
    "Part",
    "Section",
    "Item",
    "Point",
    "Paragraph",
    "Dash",
    "Table",
    # issue 12: statistics tables
    "HeaderCell",
    "GroupRow",
    "SubtotalRow",
    "rows_from_file",
    "Appendix",
    "Money",
    "Percent",
    "Rate",
    "Number",
    "Date",
    "Footnote",
    "Numbering",
    # issue 12: the choices of marks, appendices and the Lưu line, as enums
    "AppendixNumbering",
    "Confidentiality",
    "CopiesForm",
    "Orientation",
    "Urgency",
    # loading, rendering, context, schema, PDF
    "load",
    "loads",
    "render",
    "context",
    "json_schema",
    "to_pdf",
    "Margins",
    "Template",
    "TemplateLimits",
    "render_many",
    "RenderResult",
    # issue 14: the metadata of Phụ lục VI
    "metadata",
    # conformance to Nghị định 30
    "check",
    "Finding",
    # templates
    "lint",
    "LintIssue",
    # numbers, amounts, percentages, dates
    "Style",
    "number_to_words",
    "money_to_words",
    "percent_to_words",
    "ordinal_to_words",
    "words_to_number",
    "words_to_money",
    "words_to_percent",
    "format_number",
    "format_percent",
    "format_date",
    "rate",
    "register_num2words",
    # issue 15: legacy encodings and broken Unicode
    "fix_text",
    # issue 15: a report written in Markdown
    "loads_markdown",
    "dumps",
    "import_docx",
    "ImportResult",
    # errors
    "BaocaoError",
    "ValidationError",
    "InvalidTypeError",
    "LoadError",
    "NotADocxError",
    "TemplateError",
    "ConversionError",
    "WorkerError",
    # signing (issue 14)
    "SigningError",
    "SigningKey",
    "SignatureInfo",
    "sign",
    "signing_fields",
    "verify",
}


def test_all_is_pinned() -> None:
    assert set(baocao.__all__) == PUBLIC
    assert len(baocao.__all__) == len(PUBLIC)
    for name in baocao.__all__:
        assert hasattr(baocao, name)


def test_public_names_read_as_baocao() -> None:
    assert baocao.Report.__module__ == "baocao"
    assert baocao.ValidationError.__module__ == "baocao"
    assert repr(baocao.Authority.KT) == "<Authority.KT: 'KT.'>"


def test_errors_form_one_hierarchy() -> None:
    assert issubclass(baocao.ValidationError, ValueError)
    assert issubclass(baocao.InvalidTypeError, TypeError)
    assert issubclass(baocao.InvalidTypeError, baocao.ValidationError)
    assert issubclass(baocao.LoadError, ValueError)
    assert issubclass(baocao.TemplateError, ValueError)
    assert issubclass(baocao.ConversionError, RuntimeError)
    assert issubclass(baocao.WorkerError, RuntimeError)
    assert issubclass(baocao.NotADocxError, baocao.ValidationError)
    assert issubclass(baocao.NotADocxError, baocao.TemplateError)
    for error in (
        baocao.ValidationError,
        baocao.LoadError,
        baocao.TemplateError,
        baocao.ConversionError,
        baocao.WorkerError,
    ):
        assert issubclass(error, baocao.BaocaoError)


def test_typed_package() -> None:
    from importlib.resources import files

    assert files("baocao").joinpath("py.typed").is_file()
