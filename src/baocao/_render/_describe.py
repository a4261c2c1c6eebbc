"""What a failed render says: a Jinja error described in one sentence, with the template
paragraph it comes from as a reader sees it (:func:`describe`).

The paragraph is the one the error carries (a budget, raw XML or strict XML error names
it), else the one lint finds for a syntax error (:func:`~baocao._render._lint.locate`),
else docxtpl's context lines, else the first paragraph holding the name Jinja complains
about.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2

from .._ooxml import paragraph_text, qn
from ._limits import LimitError
from ._sandbox import RAW_XML
from ._strict import RenderedXMLError

__all__ = ["describe"]

_UNDEFINED_NAME = re.compile(
    r"'([^']+)' (?:is undefined|has no attribute '([^']+)')"
    r"|access to attribute '([^']+)'"
)


def _locate(exc: jinja2.TemplateError, document: Any) -> Any:
    """The lint issue that explains a syntax error, naming its paragraph (or None)."""
    if not isinstance(exc, jinja2.TemplateSyntaxError) or document is None:
        return None
    from ._lint import locate  # on use: rendering does not load the linter

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
        for paragraph in part.iter(qn("p")):
            text = paragraph_text(paragraph)
            if name in text:
                return " ".join(text.split())
    return ""


def describe(exc: jinja2.TemplateError, document: Any = None) -> str:
    """``exc`` in one sentence, with the paragraph it comes from; ``document`` is the
    python-docx document of the template (``None``: no paragraph looked for)."""
    near = _near(exc, document)
    where = f" (in the paragraph: {near[:160]})" if near else ""
    if isinstance(exc, jinja2.UndefinedError):
        return f"the template uses a value the context does not have: {exc.message}{where}"
    if isinstance(exc, LimitError) and exc.budget:
        return f"the template does too much: {exc.message}{where}"
    if exc.message == RAW_XML:
        return f"the template writes raw XML: {RAW_XML}{where}"
    if isinstance(exc, RenderedXMLError):
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
