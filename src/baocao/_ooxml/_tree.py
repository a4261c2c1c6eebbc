"""Reading a WordprocessingML tree in place (lxml elements): the text of a paragraph as a
reader sees it and its paragraph style. The render wing's layout, its error messages and
the tests read paragraphs through these; the checker's reader (:mod:`._reader`) builds on
the same rules (``w:br`` and ``w:cr`` break the line, ``w:tab`` is a tab).
"""

from __future__ import annotations

from typing import Any

from ._ns import W_PPR, W_T, W_VAL, qn

__all__ = ["paragraph_style", "paragraph_text"]

_BR, _CR, _TAB, _PSTYLE = qn("br"), qn("cr"), qn("tab"), qn("pStyle")


def paragraph_text(paragraph: Any) -> str:
    """The text of a ``w:p`` as a reader sees it (``w:br`` → ``\\n``, ``w:tab`` → ``\\t``).

    >>> from lxml import etree
    >>> p = etree.fromstring(
    ...     '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    ...     "<w:r><w:t>Hà Nội,</w:t><w:br/><w:t>ngày</w:t><w:tab/><w:t>5</w:t></w:r></w:p>")
    >>> paragraph_text(p)
    'Hà Nội,\\nngày\\t5'
    """
    out = []
    for node in paragraph.iter(W_T, _BR, _TAB, _CR):
        if node.tag == W_T:
            out.append(node.text or "")
        elif node.tag == _TAB:
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def paragraph_style(paragraph: Any) -> str | None:
    """The style id a ``w:p`` names in its ``w:pPr/w:pStyle``, or None."""
    # paragraph.find(W_PPR), then ppr.find(_PSTYLE): the first of each, found faster
    # (first where they usually are, as the first child).
    if len(paragraph) and paragraph[0].tag == W_PPR:
        ppr = paragraph[0]
        if len(ppr) and ppr[0].tag == _PSTYLE:
            return str(ppr[0].get(W_VAL))
    for ppr in paragraph.iterchildren(W_PPR):
        for style in ppr.iterchildren(_PSTYLE):
            return str(style.get(W_VAL))
        return None
    return None
