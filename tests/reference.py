"""The plain render path: docxtpl used as its documentation shows it (a new
``DocxTemplate``, ``render``, ``save``), plus baocao's safety and layout.

It is the reference that :class:`baocao.Template` (which :func:`baocao.render` uses) must
equal byte for byte (``test_template.py``, ``test_template_fast.py``). It lives with the
tests: the runtime never runs it.
"""

from __future__ import annotations

import io

import jinja2

from baocao import _model as m
from baocao._errors import TemplateError
from baocao._ooxml import normalise_zip
from baocao._options import Margins
from baocao._render import context as build_context
from baocao._render._describe import describe
from baocao._render._layout import Styles, apply_profile, layout_body, set_core_properties
from baocao._render._limits import TemplateLimits, budget
from baocao._render._loading import (
    PathLike,
    load_template,
    reading_template,
    strip_template,
    template_name,
)
from baocao._render._sandbox import jinja_environment
from baocao._render._strict import check_text_sizes, core_values
from baocao._render._upstream import StrictDocxTemplate


def render_document(
    report: m.Report,
    template: PathLike | bytes | None = None,
    *,
    profile: str = "14",
    margins: Margins | None = None,
    limits: TemplateLimits | None = None,
    allow_raw_xml: bool = False,
) -> bytes:
    """Fill ``template`` for ``report`` and return the .docx bytes (no file written)."""
    data = load_template(template)
    size = check_text_sizes(report)
    ctx = build_context(report)
    name = template_name(template)
    tpl = StrictDocxTemplate(io.BytesIO(data))
    with reading_template(name):
        tpl.init_docx()
        strip_template(tpl, name)
        try:
            with budget(limits, size):
                tpl.render(ctx, jinja_env=jinja_environment(raw_xml=allow_raw_xml), autoescape=True)
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{name}: {describe(exc, tpl.docx)}") from None
    document = tpl.docx
    if profile != "14":
        apply_profile(document.styles.element, profile)
    layout_body(document.element.body, Styles(document.styles.element), margins)
    set_core_properties(document.core_properties, **core_values(report))
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalise_zip(buffer.getvalue())
