"""What an import gives: the report, and a short account of what was inferred and what
the importer was unsure of."""

from __future__ import annotations

import attrs

from .._model import Report

__all__ = ["ImportResult"]


def _notes(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value)  # type: ignore[attr-defined]


@attrs.frozen
class ImportResult:
    """The result of :func:`~baocao.import_docx`.

    Attributes:
        report: the :class:`~baocao.Report` read from the document.
        inferred: one line for each field the importer filled from the document (what it
            read, and from where).
        unsure: one line for each place where it guessed, or kept a text as a paragraph
            because it could not tell which field it is.
    """

    report: Report = attrs.field(validator=attrs.validators.instance_of(Report))
    inferred: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    unsure: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    def summary(self) -> str:
        """The account as lines of text ("inferred: …", "unsure: …")."""
        lines = [f"inferred: {line}" for line in self.inferred]
        lines += [f"unsure: {line}" for line in self.unsure]
        return "\n".join(lines)
