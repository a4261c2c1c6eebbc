"""Loading a template file, and making it a layout only.

* :func:`load_template` reads a template (a path, bytes, or baocao's own
  :data:`DEFAULT_TEMPLATE`) within :data:`~baocao._files.MAX_DOCX_BYTES` and hardens its
  package (``_ooxml``); :func:`reading_template` turns what a broken package raises into
  a :class:`~baocao.TemplateError`.
* A template is a layout: macros and attached templates are dropped, imported files,
  subdocuments and OLE objects refused (:func:`foreign_content`, :func:`strip_template`).
* Parts that name the WordprocessingML namespace with another prefix than ``w:`` are
  rewritten with it, as docxtpl's tags need (:func:`use_w_prefix`).
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from .._errors import BaocaoError, InvalidTypeError, TemplateError
from .._files import MAX_DOCX_BYTES, read_bounded
from .._ooxml import (
    FOOTNOTES_TYPE,
    MS_REL_TYPE,
    R_NS,
    REL_TYPE,
    W_NS,
    not_a_docx,
    template_package,
)
from ._upstream import (
    HEADER_FOOTER_RELTYPES,
    PackageNotFoundError,
    parse_part,
    part_element,
    set_part_blob,
    set_part_element,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "LETTER_TEMPLATE",
    "PathLike",
    "default_template_path",
    "foreign_content",
    "load_template",
    "reading_template",
    "strip_template",
    "template_name",
    "use_w_prefix",
]

DEFAULT_TEMPLATE = "bao-cao.docx"
LETTER_TEMPLATE = "cong-van.docx"  # issue 13: the công văn, Mẫu 1.5

PathLike = str | os.PathLike[str]

_FOOTNOTES = FOOTNOTES_TYPE
_W = W_NS


def default_template_path(name: str = DEFAULT_TEMPLATE) -> Path:
    """Where a default template is (``bao-cao.docx``, or ``cong-van.docx`` for a công văn):
    inside the installed package, or in the source tree."""
    packaged = resources.files("baocao") / "templates" / name
    if packaged.is_file():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[3] / "templates" / name
    if source.is_file():
        return source
    raise TemplateError(
        f"the default template {name} is missing from the installation; reinstall baocao"
    )


def load_template(template: PathLike | bytes | None) -> bytes:
    if template is None:
        template = default_template_path()
    if isinstance(template, bytes):
        return template_package(template, template_name(template))
    if not isinstance(template, (str, os.PathLike)):
        raise InvalidTypeError(template, "is not a template path or .docx bytes", path="template")
    path = Path(template)
    data = read_bounded(
        path,
        MAX_DOCX_BYTES,
        lambda reason: TemplateError(f"{path}: cannot read the template: {reason}"),
    )
    return template_package(data, template_name(template))  # bounded, hardened (_package)


def template_name(template: PathLike | bytes | None) -> str:
    """How messages name a template: its path, "the template" (bytes) or the default."""
    if template is None:
        return "the default template"
    return "the template" if isinstance(template, bytes) else os.fspath(template)


_BROKEN_PACKAGE = (
    zipfile.BadZipFile,
    PackageNotFoundError,
    KeyError,
    ValueError,
    OSError,
    SyntaxError,
)
"""What python-docx, zipfile and lxml raise for a file that is not a usable .docx."""


@contextlib.contextmanager
def reading_template(name: str) -> Iterator[None]:
    """Turn what a broken .docx package raises into a :class:`~baocao.NotADocxError`."""
    try:
        yield
    except BaocaoError:
        raise
    except _BROKEN_PACKAGE as exc:
        raise not_a_docx(name, "template")(f"{type(exc).__name__}: {exc}") from None


_RT = REL_TYPE
_MS = MS_REL_TYPE
_DROPPED = {
    _MS + "vbaProject": "macros (vbaProject.bin)",
    _MS + "keyMapCustomizations": "macro key bindings (customizations.xml)",
    _MS + "attachedToolbars": "macro toolbars (attachedToolbars.bin)",
    _RT + "attachedTemplate": "an attached template (settings.xml attachedTemplate)",
    _RT + "mailMergeSource": "a mail-merge data source",
    _RT + "mailMergeHeaderSource": "a mail-merge header source",
}
_REFUSED = {
    _RT + "aFChunk": "an imported file of another format (w:altChunk, e.g. HTML) "
    "that Word converts when it opens the document",
    _RT + "subDocument": "a linked subdocument (w:subDoc)",
    _RT + "oleObject": "an embedded or linked OLE object (w:object)",
    _RT + "control": "an ActiveX control",
}


def foreign_content(document: Any) -> list[tuple[bool, str, str]]:
    """What a template carries that is not layout: ``(refused, what, target)`` for each
    macro project, attached template, imported file and subdocument."""
    found = []
    for part in document.part.package.iter_parts():
        for rel in part.rels.values():
            what = _REFUSED.get(rel.reltype) or _DROPPED.get(rel.reltype)
            if what is not None:
                target = rel.target_ref if rel.is_external else rel.target_part.partname
                found.append((rel.reltype in _REFUSED, what, str(target)))
    return found


def strip_template(tpl: Any, name: str) -> None:
    """Make a loaded template a layout only: refuse imported files and subdocuments,
    drop macros and attached templates, and write WordprocessingML with the ``w:``
    prefix that docxtpl's tags need."""
    document = tpl.docx
    for refused, what, target in foreign_content(document):
        if refused:
            raise TemplateError(
                f"{name}: the template holds {what} ({target}); a template "
                "is a layout: paste that content into the template itself"
            )
    for part in list(document.part.package.iter_parts()):
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype in _DROPPED:
                del part.rels[rel_id]
                element = part_element(part)
                for ref in [] if element is None else list(element.iter()):
                    if ref.get(f"{{{R_NS}}}id") == rel_id and ref.getparent() is not None:
                        ref.getparent().remove(ref)
    use_w_prefix(tpl)


def use_w_prefix(tpl: Any) -> None:
    """Rewrite the parts docxtpl fills when they name the WordprocessingML namespace with
    another prefix than ``w:`` (``ns0:``, as Python's ElementTree writes): docxtpl finds
    paragraphs, runs and tags by their ``w:`` text."""
    document = tpl.docx
    parts = [document.part] + [
        rel.target_part
        for rel in document.part.rels.values()
        if rel.reltype in HEADER_FOOTER_RELTYPES
    ]
    changed = False
    for part in parts:
        element = part_element(part)
        if element.prefix != "w" and element.tag.startswith("{" + _W + "}"):
            set_part_element(part, parse_part(etree.tostring(_w_prefixed(element))))
            changed = True
    for part in document.part.package.parts:
        if part.content_type == _FOOTNOTES:
            root = etree.fromstring(
                part.blob, etree.XMLParser(resolve_entities=False, no_network=True)
            )
            if root.prefix != "w":
                set_part_blob(
                    part,
                    etree.tostring(
                        _w_prefixed(root), xml_declaration=True, encoding="UTF-8", standalone=True
                    ),
                )
    if changed:
        tpl.docx = document.part.document


def _w_prefixed(root: Any) -> Any:
    """A copy of ``root`` whose WordprocessingML elements and attributes use ``w:``."""
    names: dict[str, str] = {"w": _W}
    for element in root.iter():
        for prefix, uri in (element.nsmap or {}).items():
            if uri != _W and prefix is not None and prefix not in names:
                names[prefix] = uri

    def build(source: Any, parent: Any) -> Any:
        if parent is None:
            made = etree.Element(source.tag, nsmap=names)
        else:
            made = etree.SubElement(parent, source.tag)
        for key, value in source.attrib.items():
            made.set(key, value)
        made.text = source.text
        made.tail = source.tail
        for child in source:
            if isinstance(child.tag, str):
                build(child, made)
            else:  # a comment or processing instruction, as it is
                made.append(etree.fromstring(etree.tostring(child)))
        return made

    return build(root, None)
