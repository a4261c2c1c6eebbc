"""The render wing: context, filters, the Template, render and render_many, layout, lint
and PDF conversion. Every name loads its module on first use (PEP 562), so that the CLI's
light commands and ``import baocao`` do not import python-docx, docxtpl or Jinja.

The template generator (``_template_gen``) is a build tool: nothing here imports it.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from ._batch import RenderResult, render_many
    from ._context import context
    from ._limits import TemplateLimits
    from ._lint import lint
    from ._lint_checks import LintIssue
    from ._loading import default_template_path
    from ._metadata import metadata
    from ._pdf import to_pdf
    from ._template import Template, render

__getattr__ = lazy_names(
    __name__,
    {
        "RenderResult": "._batch",
        "render_many": "._batch",
        "context": "._context",
        "LintIssue": "._lint_checks",
        "lint": "._lint",
        "to_pdf": "._pdf",
        "TemplateLimits": "._limits",
        "default_template_path": "._loading",
        "metadata": "._metadata",
        "Template": "._template",
        "render": "._template",
    },
)

__all__ = [
    "LintIssue",
    "RenderResult",
    "Template",
    "TemplateLimits",
    "context",
    "default_template_path",
    "lint",
    "metadata",
    "render",
    "render_many",
    "to_pdf",
]
