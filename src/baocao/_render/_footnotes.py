"""Footnotes in the context (issue 12, §6).

A body text with a :class:`~baocao.Footnote` piece gets ``runs`` beside its ``text``: the
text cut at each note, ``{"text": "…", "note": None}`` for printed text and ``{"text": "",
"note": 1, "footnote": "…"}`` for the place of a note. :func:`number_notes` numbers the
notes 1, 2, … in the order of the document (the body, then each appendix) and lists them
in ``footnotes``; the template writes a ``w:footnoteReference`` for each, and the render
adds the footnotes part (``_ooxml.add_footnotes``). A text without notes has no ``runs``:
its paragraph is written as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import _model as m
from .._errors import TemplateError
from .._ooxml import Compressed, FootnotesClashError, add_footnotes

__all__ = ["add_report_footnotes", "end_runs", "noted", "number_notes"]


def noted(
    block: dict[str, Any], text: tuple[m.Segment, ...], write: Callable[[m.Segment], str]
) -> dict[str, Any]:
    """``block`` with its ``runs`` when ``text`` holds a footnote (else unchanged)."""
    if not any(isinstance(seg, m.Footnote) for seg in text):
        return block
    runs: list[dict[str, Any]] = []
    for seg in text:
        if isinstance(seg, m.Footnote):
            runs.append({"text": "", "note": 0, "footnote": seg.text})
        elif runs and runs[-1]["note"] is None:
            runs[-1]["text"] += write(seg)
        else:
            runs.append({"text": write(seg), "note": None})
    block["runs"] = [r for r in runs if r["note"] is not None or r["text"]]
    return block


def end_runs(block: dict[str, Any], added: str) -> None:
    """Add the end mark's ``added`` characters to the runs of the last block."""
    runs = [dict(r) for r in block.get("runs", ())]
    if not runs or not added:
        return
    if runs[-1]["note"] is None:
        runs[-1]["text"] = runs[-1]["text"].rstrip(" ") + added
    else:
        runs.append({"text": added, "note": None})
    block["runs"] = runs


def number_notes(lists: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Number the notes of the blocks of ``lists`` (in order) and return ``footnotes``:
    ``[{"id": 1, "text": "…"}, …]``."""
    notes: list[dict[str, Any]] = []
    for blocks in lists:
        for block in blocks:
            for run in block.get("runs", ()):
                if run["note"] is not None:
                    run["note"] = len(notes) + 1
                    notes.append({"id": run["note"], "text": run["footnote"]})
    return notes


def add_report_footnotes(
    entries: dict[str, bytes | Compressed], footnotes: list[dict[str, Any]], *, styles: str
) -> None:
    """Add the context's ``footnotes`` to the rendered package ``entries``."""
    try:
        add_footnotes(entries, [note["text"] for note in footnotes], styles=styles)
    except FootnotesClashError as exc:
        raise TemplateError(f"{exc}: the report's footnotes are numbered from 1") from None
