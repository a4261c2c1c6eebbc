"""``render_many(..., pdf=True)`` (issue 14, §5): the rendered .docx documents go to PDF
through one LibreOffice for each :data:`~baocao._render._pdf.BATCH_SIZE` of them
(:func:`~baocao._render._pdf.convert_many`), not one start per document.

The results keep their order: rendered documents wait until a batch is full (or the input
ends), then the batch is converted and its results, failures included, are yielded.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path

from .. import _model as m
from .._errors import BaocaoError
from .._files import write_output
from .._ooxml import CustomValue
from ._batch_result import RenderResult
from ._metadata import flatten, report_metadata
from ._pdf import BATCH_SIZE, convert_many

__all__ = ["as_pdf"]


def _properties(report: object) -> list[tuple[str, CustomValue]] | None:
    return flatten(report_metadata(report)) if isinstance(report, m.Report) else None


def _convert(
    waiting: list[RenderResult],
    reports: Sequence[object],
    outputs: Sequence[str | None],
    pdf_version: str,
    soffice: str | None,
) -> Iterator[RenderResult]:
    done = [r for r in waiting if r.ok and r.data is not None]
    pdfs = convert_many(
        [r.data for r in done if r.data is not None],
        pdf_version=pdf_version,
        soffice=soffice,
        properties=[_properties(reports[r.index]) for r in done],
    )
    converted = {r.index: pdf for r, pdf in zip(done, pdfs, strict=True)}
    for result in waiting:
        output = outputs[result.index]
        where = None if output is None else Path(output)
        pdf = converted.get(result.index)
        if pdf is None:
            yield RenderResult(result.index, output=where, error=result.error)
        elif isinstance(pdf, Exception):
            yield RenderResult(result.index, output=where, error=pdf)
        elif output is None:
            yield RenderResult(result.index, data=pdf)
        else:
            try:
                write_output(os.fspath(output), pdf, what="the PDF")
            except (OSError, BaocaoError) as exc:  # a full disk, a link put there since
                yield RenderResult(result.index, output=where, error=exc)
            else:
                yield RenderResult(result.index, output=where)


def as_pdf(
    results: Iterable[RenderResult],
    reports: Sequence[object],
    outputs: Sequence[str | None],
    *,
    pdf_version: str,
    soffice: str | None,
) -> Generator[RenderResult, None, None]:
    """The results of rendering ``reports`` to .docx bytes, turned into PDFs (written to
    ``outputs`` where one is given), in order."""
    waiting: list[RenderResult] = []
    for result in results:
        waiting.append(result)
        if sum(1 for r in waiting if r.ok) >= BATCH_SIZE:
            yield from _convert(waiting, reports, outputs, pdf_version, soffice)
            waiting = []
    if waiting:
        yield from _convert(waiting, reports, outputs, pdf_version, soffice)
