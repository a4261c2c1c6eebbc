"""The result of one report of a batch (:class:`RenderResult`), apart from the pool, so that
the PDF step of a batch (``_pdf_batch``) and the pool (``_batch``) both use it."""

from __future__ import annotations

from pathlib import Path

import attrs

__all__ = ["RenderResult"]


@attrs.frozen
class RenderResult:
    """The outcome of one report of :func:`render_many`.

    Attributes:
        index: the report's position in the input (from 0).
        output: the file written, when the input gave one.
        data: the .docx bytes, when the input gave no file.
        error: what went wrong, or ``None``.
    """

    index: int
    output: Path | None = None
    data: bytes | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        """Whether the report was rendered."""
        return self.error is None
