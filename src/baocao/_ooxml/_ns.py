"""The namespaces of OOXML, one set for the whole library, and :func:`qn` for a
WordprocessingML tag (``qn("p")`` is ``{…/wordprocessingml/2006/main}p``).
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
#: ISO 29500 Strict: every namespace of a Strict document starts so.
STRICT_PREFIX = "http://purl.oclc.org/ooxml/"

#: The start of the type of a relationship of the main part (``REL_TYPE + "styles"``).
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#: The start of the type of a relationship Microsoft added (2006 and later).
MS_REL_TYPE = "http://schemas.microsoft.com/office/2006/relationships/"
#: The content type of the footnotes part.
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def qn(name: str) -> str:
    """The qualified tag (Clark notation) of the WordprocessingML element ``name``.

    >>> qn("p")
    '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p'
    """
    return f"{{{W_NS}}}{name}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC = qn("p"), qn("r"), qn("t"), qn("tbl"), qn("tr"), qn("tc")
W_PPR, W_RPR, W_VAL = qn("pPr"), qn("rPr"), qn("val")
MC_ALT = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
W_TXBX = qn("txbxContent")
