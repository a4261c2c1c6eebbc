"""One bounded reader for .docx packages, shared by ``check``, ``to_pdf``, ``lint`` and
templates.

A .docx is a ZIP archive of XML parts (an OPC package). Whatever its origin, baocao opens
it here (:func:`open_docx`), and a file that is not a usable .docx gets the same answer
from :func:`baocao.check`, :func:`baocao.to_pdf`, :func:`baocao.lint` and
:class:`baocao.Template` (``render --template``): one :class:`~baocao.NotADocxError` whose
reason is the same text, in memory bounded by the limits below and time linear in the
package.

* **Entries**: at most :data:`MAX_ENTRIES`, counted from the archive's end record before
  anything else is read; no two with the same name (OPC names ignore case).
* **Sizes**: each entry at most :data:`MAX_PART_BYTES` and all together at most
  :data:`MAX_TOTAL_BYTES` uncompressed. The sizes the archive declares are checked first,
  then each entry is read through a bounded stream, which stops one byte past the limit
  whatever the header said (a zip bomb is refused after reading what the limit allows).
* **XML**: every XML part is parsed with a hardened parser: no DTD loaded, no entity
  resolved or expanded, no network, no ``huge_tree`` (a text node over 10,000,000 characters
  or nesting deeper than 256 is an error). A part with a document type declaration
  (``<!DOCTYPE``, the carrier of entity bombs and external entities) is refused.
* **Structure**: the main document part (a ``w:document``) and ``[Content_Types].xml``
  must be there, every
  internal relationship must name a part that exists, and a Strict Open XML document
  (ISO 29500 Strict namespaces) is refused with the advice to save it as a normal .docx.
* UTF-16 parts are valid OPC: they are read as they are.
"""

from __future__ import annotations

import functools
import io
import posixpath
import struct
import threading
import zipfile
from collections.abc import Callable
from typing import Any, NoReturn

from lxml import etree

from .._errors import BaocaoError, NotADocxError
from ._ns import CT_NS, PKG_REL_NS, STRICT_PREFIX, qn

__all__ = [
    "MAX_ENTRIES",
    "MAX_PART_BYTES",
    "MAX_TOTAL_BYTES",
    "Package",
    "not_a_docx",
    "open_docx",
    "open_package",
    "template_package",
]

MAX_ENTRIES = 10_000
"""Most entries a package may hold (a large real .docx has a few hundred)."""
MAX_PART_BYTES = 128 * 1024 * 1024
"""Largest uncompressed entry (a million-paragraph document part is about 40 MB)."""
MAX_TOTAL_BYTES = 512 * 1024 * 1024
"""Largest sum of the uncompressed entries."""

_CHUNK = 1024 * 1024
_MAX_DIRECTORY_ENTRY = 46 + 254  # a central directory record, with a generous name
_W_DOCUMENT = qn("document")
_W_BODY = qn("body")
_ROOTS = {  # relationship type (last segment) → the root element its part must have
    "core-properties": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
    "coreProperties",
}
_MAIN_TYPES = frozenset(
    f"application/vnd.{kind}.main+xml"
    for kind in (
        "openxmlformats-officedocument.wordprocessingml.document",
        "openxmlformats-officedocument.wordprocessingml.template",
        "ms-word.document.macroEnabled",
        "ms-word.template.macroEnabledTemplate",
    )
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_SUFFIXES = (".xml", ".rels", ".vml")

Fail = Callable[[str], BaocaoError]
"""Makes the error for a package refused from its reason: :func:`not_a_docx` for a .docx
given by the caller, ``ConversionError`` while sealing a document for LibreOffice."""


_PARSERS = threading.local()  # an lxml parser is used by one thread at a time


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
        )
        _PARSERS.parser = parser
    return parser


def _entry_count(data: bytes) -> tuple[int, int]:
    """The number of entries and the size of the central directory that the archive's end
    record declares ((0, 0) without one: zipfile then says it is not an archive)."""
    tail = data[-(65536 + 22) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return 0, 0
    count, directory = struct.unpack("<HI", tail[at + 10 : at + 16])
    locator = at - 20
    if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
        offset = int(struct.unpack("<Q", tail[locator + 8 : locator + 16])[0])
        record = data[offset : offset + 56]
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            count, directory = struct.unpack("<QQ", record[32:48])
    return int(count), int(directory)


def _has_doctype(blob: bytes) -> bool:
    """Whether the prolog of ``blob`` (before its first element) holds ``<!DOCTYPE``."""
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        text: str | bytes = blob.decode("utf-16", errors="replace")
    elif blob.startswith((b"<\0", b"\0<")):
        text = blob.decode("utf-16-le" if blob[0] else "utf-16-be", errors="replace")
    else:
        text = blob.removeprefix(b"\xef\xbb\xbf")
    lt, ends = ("<", ("?>", "-->")) if isinstance(text, str) else (b"<", (b"?>", b"-->"))
    at = 0
    while True:
        start = text.find(lt, at)  # type: ignore[arg-type]
        if start < 0 or text[at:start].strip():
            return False  # no markup, or text before it: the parser says what is wrong
        head = text[start : start + 9]
        lowered = head.upper() if isinstance(head, str) else head.upper().decode("latin-1")
        if lowered.startswith("<!DOCTYPE"):
            return True
        if lowered.startswith("<?"):
            end = text.find(ends[0], start + 2)  # type: ignore[arg-type]
            at = end + 2
        elif lowered.startswith("<!--"):
            end = text.find(ends[1], start + 4)  # type: ignore[arg-type]
            at = end + 3
        else:
            return False  # the root element: no DOCTYPE came before it
        if end < 0:
            return False


class Package:
    """The checked entries of a .docx: names, bounded reads, hardened XML."""

    def __init__(self, data: bytes, fail: Fail) -> None:
        self._fail = fail
        if data[:8] == _OLE_MAGIC:
            self._refuse(
                "it is an old Word 97-2003 .doc or a password-protected document (save it as .docx)"
            )
        count, directory = _entry_count(data)
        if count > MAX_ENTRIES:
            self._refuse(f"it has {count} entries (at most {MAX_ENTRIES})")
        if directory > MAX_ENTRIES * _MAX_DIRECTORY_ENTRY:  # an end record that understates
            self._refuse(f"its central directory is {directory} bytes")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            ValueError,
            OSError,
            EOFError,
            NotImplementedError,
        ):
            self._refuse("it is not a ZIP archive")
        if len(infos) > MAX_ENTRIES:
            self._refuse(f"it has {len(infos)} entries (at most {MAX_ENTRIES})")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        seen: set[str] = set()
        total = 0
        for info in infos:
            key = info.filename.casefold()
            if key in seen:
                self._refuse(f"the entry {info.filename} appears twice")
            seen.add(key)
            if info.file_size > MAX_PART_BYTES:
                self._too_big(info.filename, info.file_size)
            total += info.file_size
            if not info.is_dir():
                self._infos[info.filename] = info
        if total > MAX_TOTAL_BYTES:
            self._refuse(f"its entries hold {total} bytes uncompressed (at most {MAX_TOTAL_BYTES})")
        self.names = frozenset(self._infos)
        self._read_total = 0
        self._counted: set[str] = set()
        self._roots: dict[str, Any] = {}
        self.encodings: dict[str, str] = {}  # part name → its declared encoding
        self.content_types: dict[str, str] = {}  # part name → [Content_Types].xml says

    # ------------------------------------------------------------------ errors

    def _refuse(self, reason: str) -> NoReturn:
        raise self._fail(reason) from None

    def _too_big(self, name: str, size: int | str) -> NoReturn:
        self._refuse(f"the part {name} is {size} bytes uncompressed (at most {MAX_PART_BYTES})")

    # ------------------------------------------------------------------ reading

    def read(self, name: str) -> bytes:
        """The bytes of entry ``name``, read through a bounded stream."""
        info = self._infos.get(name)
        if info is None:
            self._refuse(f"the part {name} is missing")
        out = bytearray()
        try:
            with self._zip.open(info) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > MAX_PART_BYTES:
                        self._too_big(name, f"more than {MAX_PART_BYTES}")
        except (
            zipfile.BadZipFile,
            OSError,
            EOFError,
            NotImplementedError,
            ValueError,
            RuntimeError,
        ) as err:  # RuntimeError: an encrypted entry
            self._refuse(f"cannot read {name} ({err})")
        if name not in self._counted:  # a part read twice counts once
            self._counted.add(name)
            self._read_total += len(out)
        if self._read_total > MAX_TOTAL_BYTES:
            self._refuse(f"its entries hold more than {MAX_TOTAL_BYTES} bytes uncompressed")
        return bytes(out)

    def xml(self, name: str) -> Any:
        """Part ``name`` parsed by the hardened parser; a DOCTYPE or broken XML is refused."""
        root = self._roots.get(name)
        return self.parse(name, self.read(name)) if root is None else root

    def parse(self, name: str, blob: bytes) -> Any:
        """``blob`` (the content of part ``name``) parsed by the hardened parser."""
        if _has_doctype(blob):  # before parsing: libxml2 would stop an entity bomb itself,
            self._refuse_dtd(name)  # but with a message about amplification
        try:
            root = etree.fromstring(blob, _parser())
        except etree.XMLSyntaxError as err:
            self._refuse(f"{name} is not well-formed XML ({err})")
        except (ValueError, MemoryError) as err:
            self._refuse(f"{name} cannot be parsed ({err})")
        info: Any = root.getroottree().docinfo
        self.encodings[name] = str(info.encoding or "UTF-8")
        if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
            self._refuse_dtd(name)
        return root

    def _refuse_dtd(self, name: str) -> NoReturn:
        self._refuse(
            f"the part {name} declares a DTD (<!DOCTYPE …>); a .docx has none, and "
            "baocao refuses them (they carry entity bombs and external entities)"
        )

    def _xml_by_type(self, roots: dict[str, Any]) -> set[str]:
        """The parts whose content type ([Content_Types].xml) is XML, whatever their name."""
        name = "[Content_Types].xml"
        if name not in self.names:
            return set()
        root = roots[name] = self.parse(name, self.read(name))
        xml_types = ("/xml", "+xml")
        defaults = {
            (item.get("Extension") or "").casefold(): item.get("ContentType") or ""
            for item in root.iter(f"{{{CT_NS}}}Default")
        }
        for part in self.names:
            self.content_types[part] = defaults.get(posixpath.splitext(part)[1][1:].casefold(), "")
        for item in root.iter(f"{{{CT_NS}}}Override"):
            part = (item.get("PartName") or "").lstrip("/")
            if part in self.names:
                self.content_types[part] = item.get("ContentType") or ""
        return {part for part, kind in self.content_types.items() if kind.endswith(xml_types)}

    def _typed_parts(self, roots: dict[str, Any]) -> dict[str, str]:
        """The package-level parts whose root element python-docx relies on."""
        out = {}
        package_rels = roots.get("_rels/.rels")
        if package_rels is not None:
            for rel in package_rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
                wanted = _ROOTS.get((rel.get("Type") or "").rsplit("/", 1)[-1])
                target = (rel.get("Target") or "").split("#", 1)[0].lstrip("/")
                if wanted and rel.get("TargetMode") != "External":
                    out[posixpath.normpath(target)] = wanted
        return out

    def rel_targets(self, rels_name: str, root: Any) -> list[str]:
        """The parts that the internal relationships of ``rels_name`` point to."""
        folder = posixpath.dirname(posixpath.dirname(rels_name))
        out = []
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            for attribute in ("Id", "Type", "Target"):
                if rel.get(attribute) is None:
                    self._refuse(f"a relationship in {rels_name} has no {attribute}")
            if rel.get("TargetMode") == "External":
                continue
            target = (rel.get("Target") or "").split("#", 1)[0]
            if not target:
                continue
            if target.startswith("/"):
                out.append(target.lstrip("/"))
            else:
                out.append(posixpath.normpath(posixpath.join(folder, target)))
        return out

    def validate(self, *, keep: bool = False) -> None:
        """Parse every XML part (refusing DTDs and broken XML), and check the structure.
        With ``keep``, the parsed parts are kept for :meth:`xml` (not parsed twice)."""
        main = "word/document.xml"
        lowered = {name.casefold() for name in self.names}
        roots: dict[str, Any] = {}
        xml_parts = self._xml_by_type(roots)
        for name in sorted(self.names):
            if not (name.casefold().endswith(_XML_SUFFIXES) or name in xml_parts):
                continue
            root = roots.get(name)
            if root is None:
                root = roots[name] = self.parse(name, self.read(name))
            if not name.endswith(".rels"):
                continue
            for target in self.rel_targets(name, root):
                if target.casefold() not in lowered:
                    self._refuse(f"the part {target}, named in {name}, is missing")
            if name == "_rels/.rels":
                for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
                    if (rel.get("Type") or "").endswith("/officeDocument") and rel.get(
                        "TargetMode"
                    ) != "External":
                        target = (rel.get("Target") or "").split("#", 1)[0]
                        main = posixpath.normpath(target.lstrip("/"))
        if main not in roots:
            self._refuse(f"it has no {main} (the main document part)")
        tag = roots[main].tag
        if isinstance(tag, str) and tag.startswith("{" + STRICT_PREFIX):
            self._refuse(
                "it is a Strict Open XML document; save it as a standard Word document (.docx)"
            )
        if tag != _W_DOCUMENT:
            self._refuse(f"it is not a Word document (its main part {main} is not w:document)")
        kind = self.content_types.get(main, "")
        if self.content_types and kind not in _MAIN_TYPES:
            self._refuse(
                f"its main part {main} has the content type '{kind}' in "
                "[Content_Types].xml, not that of a Word document"
            )
        if roots[main].find(_W_BODY) is None:
            self._refuse(f"the document has no body (no w:body in {main})")
        for part, wanted in self._typed_parts(roots).items():
            if part in roots and roots[part].tag != wanted:
                what = (
                    etree.QName(roots[part]).localname
                    if isinstance(roots[part].tag, str)
                    else "not an element"
                )
                self._refuse(
                    f"the part {part} is not what its relationship says (its root is {what})"
                )
        if "[Content_Types].xml" not in self.names:
            self._refuse("it has no [Content_Types].xml (it is not an Office document)")
        if keep:
            self._roots = roots


def not_a_docx(name: str, path: str) -> Fail:
    """The ``fail`` of a .docx refused: a :class:`~baocao.NotADocxError` naming the file
    ``name`` at ``path`` ("docx" or "template") with the reason."""

    def fail(reason: str) -> BaocaoError:
        return NotADocxError(name, f"is not a usable .docx ({reason})", path=path)

    return fail


def open_docx(
    data: bytes, name: str, *, path: str = "docx", validate: bool = True, keep: bool = False
) -> Package:
    """The one answer to "is this a .docx?" for ``check``, ``to_pdf``, ``lint`` and
    templates: a :class:`~baocao.NotADocxError` naming ``name`` at ``path``, or the package.

    The archive is always checked (an old .doc, the entry count, sizes, duplicate names)
    and must have its main document part. With ``validate`` (``check``, templates) every
    XML part is parsed and the package's structure checked too; ``to_pdf`` asks only that
    much, and leaves the rest to LibreOffice.

    >>> open_docx(b"PK\x05\x06" + bytes(18), "x.docx")
    Traceback (most recent call last):
    ...
    baocao.NotADocxError: docx: 'x.docx' is not a usable .docx (it has no word/document.xml ...)
    """
    package = Package(data, not_a_docx(name, path))
    if validate:
        package.validate(keep=keep)
    elif "word/document.xml" not in package.names:
        package._refuse("it has no word/document.xml (the main document part)")
    return package


def open_package(data: bytes, fail: Fail, *, keep: bool = False) -> Package:
    """Open and validate the .docx ``data``; ``fail(reason)`` makes the error for a
    package refused. With ``keep``, its parsed XML parts are kept for :meth:`Package.xml`.
    """
    package = Package(data, fail)
    package.validate(keep=keep)
    return package


@functools.lru_cache(maxsize=16)  # keyed on the content: rendering reuses its template
def template_package(data: bytes, name: str) -> bytes:
    """The bytes of template ``data`` once the package is checked (a
    :class:`~baocao.NotADocxError` naming ``name`` if it is refused). They are ``data``
    itself, unless some XML part is not UTF-8 (a UTF-16 part, valid OPC): then that part
    is re-encoded in UTF-8, which python-docx and docxtpl expect, and the package rebuilt."""
    from ._zip import zip_entries

    package = open_docx(data, name, path="template")
    recode = [
        part for part, code in package.encodings.items() if code.replace("-", "").upper() != "UTF8"
    ]
    if not recode:
        return data
    entries = {part: package.read(part) for part in sorted(package.names)}
    for part in recode:
        root = package.xml(part)
        entries[part] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    return zip_entries(dict(entries))
