"""Hostile .docx packages (issue 10 §6): ``check``, ``lint`` and ``Template`` give the same
answer, a result or one clear error with the same reason, in bounded memory.

Each hostile file is made here, small in memory, from a report baocao renders.
"""

from __future__ import annotations

import io
import re
import struct
import tracemalloc
import warnings
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

import pytest

import baocao
from baocao import BaocaoError, TemplateError, ValidationError
from baocao._ooxml import MAX_ENTRIES, MAX_PART_BYTES, MAX_TOTAL_BYTES, Compressed, zip_entries

from ..conftest import make_report

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MEMORY_LIMIT = 64 * 1024 * 1024  # Python allocations while refusing a hostile file


@pytest.fixture(scope="module")
def base() -> dict[str, bytes]:
    data = baocao.render(make_report())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(entries: dict[str, bytes | Compressed]) -> bytes:
    return zip_entries(entries)


def _replaced(base: dict[str, bytes], **parts: bytes) -> bytes:
    entries: dict[str, bytes | Compressed] = dict(base)
    for key, content in parts.items():
        entries[_PART[key]] = content
    return _zip(entries)


_PART = {
    "document": "word/document.xml",
    "core": "docProps/core.xml",
    "styles": "word/styles.xml",
    "types": "[Content_Types].xml",
}


def _zeros_deflated(size: int) -> Compressed:
    """``size`` zero bytes as a deflate stream (about 1/1000 of ``size``), CRC included."""
    chunk = 1024 * 1024
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(b"\0" * chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    zero_block = b"\0" * chunk
    for _ in range(size // chunk):
        crc = zlib.crc32(zero_block, crc)
    return Compressed(crc, size, block * (size // chunk) + deflate.flush())


def _bomb(base: dict[str, bytes]) -> bytes:
    """A 1 MB file whose document part inflates to 1 GiB (its header says so)."""
    entries: dict[str, bytes | Compressed] = dict(base)
    entries["word/document.xml"] = _zeros_deflated(1024 * 1024 * 1024)
    return _zip(entries)


def _lying_bomb(base: dict[str, bytes]) -> bytes:
    """A zip bomb whose header says its document part is 4 kB: it inflates to 256 MiB."""
    data = bytearray(_bomb_small(base))
    return bytes(data)


def _bomb_small(base: dict[str, bytes]) -> bytes:
    real = _zeros_deflated(256 * 1024 * 1024)
    entries: dict[str, bytes | Compressed] = dict(base)
    entries["word/document.xml"] = Compressed(real.crc, 4096, real.data)
    return _zip(entries)


def _many_bombs(base: dict[str, bytes]) -> bytes:
    """Many entries, each within the part limit, together past the total limit."""
    entries: dict[str, bytes | Compressed] = dict(base)
    size = MAX_PART_BYTES
    bomb = _zeros_deflated(size)
    for index in range(MAX_TOTAL_BYTES // size + 1):
        entries[f"word/media/blob{index}.bin"] = bomb
    return _zip(entries)


def _entries(count: int) -> bytes:
    """An archive of ``count`` empty stored entries (ZIP64 end record past 65,535)."""
    local = bytearray()
    central = bytearray()
    for index in range(count):
        name = f"f{index}".encode()
        offset = len(local)
        local += (
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0) + name
        )
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                0,
                0,
                0x21,
                0,
                0,
                0,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start = len(local)
    out = local + central
    end64 = len(out)
    out += struct.pack(
        "<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(central), start
    )
    out += struct.pack("<IIQI", 0x07064B50, 0, end64, 1)
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return bytes(out)


def _understated_entries(_base: dict[str, bytes]) -> bytes:
    """200,000 entries behind an end record that says there is one."""
    data = bytearray(_entries(200_000))
    end = data.rindex(b"PK\x06\x06")
    data[end + 24 : end + 40] = struct.pack("<QQ", 1, 1)
    return bytes(data)


def _duplicate(base: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        with zipfile.ZipFile(out, "w") as archive:
            for name, content in base.items():
                archive.writestr(name, content)
            archive.writestr("word/document.xml", base["word/document.xml"])
    return out.getvalue()


def _missing_document(base: dict[str, bytes]) -> bytes:
    return _zip({k: v for k, v in base.items() if k != "word/document.xml"})


def _missing_styles(base: dict[str, bytes]) -> bytes:
    return _zip({k: v for k, v in base.items() if k != "word/styles.xml"})


def _missing_types(base: dict[str, bytes]) -> bytes:
    return _zip({k: v for k, v in base.items() if k != "[Content_Types].xml"})


def _with_doctype(xml: bytes, dtd: bytes) -> bytes:
    head, sep, body = xml.partition(b"?>")
    return head + sep + b"\n" + dtd + body if sep else dtd + xml


_XXE = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY a "lol">'
    + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
    )
    + b"]>"
)


def _dtd_document(base: dict[str, bytes]) -> bytes:
    return _replaced(base, document=_with_doctype(base["word/document.xml"], _XXE))


def _dtd_core(base: dict[str, bytes]) -> bytes:
    return _replaced(base, core=_with_doctype(base["docProps/core.xml"], _XXE))


def _dtd_types(base: dict[str, bytes]) -> bytes:
    return _replaced(base, types=_with_doctype(base["[Content_Types].xml"], b"<!DOCTYPE x>"))


def _dtd_by_content_type(base: dict[str, bytes]) -> bytes:
    """A part named .dat that [Content_Types].xml declares XML, with a DTD."""
    types = base["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/extra.dat" ContentType="application/xml"/></Types>'
    )
    entries: dict[str, bytes | Compressed] = dict(base)
    entries["[Content_Types].xml"] = types
    entries["word/extra.dat"] = _XXE + b"<x/>"
    return _zip(entries)


def _laughs(base: dict[str, bytes]) -> bytes:
    document = _with_doctype(base["word/document.xml"], _LAUGHS)
    document = document.replace(b"</w:body>", b"<w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body>")
    return _replaced(base, document=document)


def _utf16(base: dict[str, bytes]) -> bytes:
    from lxml import etree

    root = etree.fromstring(base["word/document.xml"])
    document = etree.tostring(root, xml_declaration=True, encoding="UTF-16")
    assert isinstance(document, bytes)
    return _replaced(base, document=document)


def _strict(base: dict[str, bytes]) -> bytes:
    document = base["word/document.xml"].replace(
        W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    )
    return _replaced(base, document=document)


def _malformed(base: dict[str, bytes]) -> bytes:
    return _replaced(base, document=base["word/document.xml"][:-40])


def _malformed_styles(base: dict[str, bytes]) -> bytes:
    return _replaced(base, styles=b"<w:styles xmlns:w='" + W_NS.encode() + b"'><w:style>")


def _giant_part(base: dict[str, bytes]) -> bytes:
    entries: dict[str, bytes | Compressed] = dict(base)
    entries["word/styles.xml"] = _zeros_deflated(MAX_PART_BYTES + 1024 * 1024)
    return _zip(entries)


def _giant_text(base: dict[str, bytes]) -> bytes:
    text = b"x" * 10_000_001
    document = base["word/document.xml"].replace(
        b"</w:body>", b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p></w:body>"
    )
    return _replaced(base, document=document)


def _deep(base: dict[str, bytes]) -> bytes:
    depth = 100_000
    nest = b"<w:sdt><w:sdtContent>" * depth + b"</w:sdtContent></w:sdt>" * depth
    document = base["word/document.xml"].replace(b"</w:body>", nest + b"</w:body>")
    return _replaced(base, document=document)


def _no_body(base: dict[str, bytes]) -> bytes:
    return _replaced(base, document=b'<w:document xmlns:w="' + W_NS.encode() + b'"/>')


def _core_not_core(base: dict[str, bytes]) -> bytes:
    return _replaced(base, core=b"<foo/>")


def _relationship_without_target(base: dict[str, bytes]) -> bytes:
    entries: dict[str, bytes | Compressed] = dict(base)
    rels = base["word/_rels/document.xml.rels"]
    entries["word/_rels/document.xml.rels"] = rels.replace(b'Target="styles.xml"', b"")
    return _zip(entries)


def _undeclared_document(base: dict[str, bytes]) -> bytes:
    types = base["[Content_Types].xml"].replace(
        b'PartName="/word/document.xml"', b'PartName="/word/nothing.xml"'
    )
    return _replaced(base, types=types)


def _header_not_xml(base: dict[str, bytes]) -> bytes:
    entries: dict[str, bytes | Compressed] = dict(base)
    header = next(name for name in base if name.startswith("word/header"))
    entries[header] = b"\x89PNG\r\n\x1a\n" + bytes(20)
    return _zip(entries)


def _not_zip(base: dict[str, bytes]) -> bytes:
    return b"PK\x03\x04" + b"\0" * 100


# (case, builder, the reason every reader gives; None: no error, each reads the file)
CASES: list[tuple[str, Callable[[dict[str, bytes]], bytes], str | None]] = [
    ("zip-bomb", _bomb, "is 1073741824 bytes uncompressed"),
    ("zip-bomb-lying-header", _lying_bomb, "cannot read word/document.xml"),
    ("zip-bomb-total", _many_bombs, "bytes uncompressed (at most 536870912)"),
    ("200k-entries", lambda _b: _entries(200_000), f"200000 entries (at most {MAX_ENTRIES})"),
    ("understated-entries", _understated_entries, "its central directory is"),
    ("duplicate-entry", _duplicate, "the entry word/document.xml appears twice"),
    (
        "missing-document",
        _missing_document,
        "the part word/document.xml, named in _rels/.rels, is missing",
    ),
    ("missing-styles", _missing_styles, "the part word/styles.xml, named in"),
    ("missing-content-types", _missing_types, "no [Content_Types].xml"),
    ("dtd-document", _dtd_document, "word/document.xml declares a DTD"),
    ("dtd-core", _dtd_core, "docProps/core.xml declares a DTD"),
    ("dtd-content-types", _dtd_types, "[Content_Types].xml declares a DTD"),
    ("dtd-by-content-type", _dtd_by_content_type, "word/extra.dat declares a DTD"),
    ("billion-laughs", _laughs, "word/document.xml declares a DTD"),
    ("utf-16", _utf16, None),
    ("strict", _strict, "Strict Open XML"),
    ("malformed-xml", _malformed, "word/document.xml is not well-formed XML"),
    ("malformed-styles", _malformed_styles, "word/styles.xml is not well-formed XML"),
    ("giant-part", _giant_part, "the part word/styles.xml is"),
    ("giant-text-node", _giant_text, "word/document.xml is not well-formed XML"),
    ("deep-nesting", _deep, "word/document.xml is not well-formed XML"),
    ("no-body", _no_body, "the document has no body (no w:body in word/document.xml)"),
    ("core-not-core", _core_not_core, "the part docProps/core.xml is not what its relationship"),
    (
        "relationship-without-target",
        _relationship_without_target,
        "a relationship in word/_rels/document.xml.rels has no Target",
    ),
    (
        "undeclared-document",
        _undeclared_document,
        "its main part word/document.xml has the content type 'application/xml'",
    ),
    ("part-not-xml", _header_not_xml, "word/header1.xml is not well-formed XML"),
    ("not-a-zip", _not_zip, "not a ZIP archive"),
]


def _lint(data: bytes) -> Any:
    return baocao.lint(data)


def _template(data: bytes) -> Any:
    return baocao.Template(data)


READERS: list[tuple[str, Callable[[bytes], Any], type[BaocaoError]]] = [
    ("check", baocao.check, ValidationError),
    ("lint", _lint, TemplateError),
    ("template", _template, TemplateError),
]


@pytest.fixture(scope="module")
def files(base: dict[str, bytes]) -> dict[str, bytes]:
    return {case: build(base) for case, build, _reason in CASES}


@pytest.mark.parametrize(
    ("case", "reason"), [(c, r) for c, _b, r in CASES], ids=[c for c, _b, _r in CASES]
)
@pytest.mark.parametrize(("reader", "read", "error"), READERS, ids=[r for r, _f, _e in READERS])
def test_every_reader_gives_the_same_answer(
    files: dict[str, bytes],
    case: str,
    reason: str | None,
    reader: str,
    read: Callable[[bytes], Any],
    error: type[BaocaoError],
) -> None:
    data = files[case]
    tracemalloc.start()
    try:
        if reason is None:
            result = read(data)
            if reader == "check":
                assert isinstance(result, list)
        else:
            with pytest.raises(error, match=re.escape(reason)) as info:
                read(data)
            assert "usable .docx" in str(info.value)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT + len(data), f"{peak} bytes allocated"


def test_the_reason_is_the_same_text_for_each_reader(files: dict[str, bytes]) -> None:
    for case, _build, reason in CASES:
        if reason is None:
            continue
        texts = set()
        for _name, read, error in READERS:
            with pytest.raises(error) as info:
                read(files[case])
            text = str(info.value).split("usable .docx", 1)[1].removeprefix(" template")
            texts.add(text)
        assert len(texts) == 1, (case, texts)


def test_no_external_entity_is_read(files: dict[str, bytes]) -> None:
    for _name, read, error in READERS:
        with pytest.raises(error) as info:
            read(files["dtd-document"])
        assert "root:" not in str(info.value)  # nothing of /etc/passwd


def test_a_utf16_document_is_checked_like_its_utf8_original(
    base: dict[str, bytes],
    files: dict[str, bytes],
) -> None:
    assert baocao.check(files["utf-16"]) == baocao.check(_zip(dict(base)))


# --------------------------------------------------------------------------- long documents


def _paragraphs(base: dict[str, bytes], count: int) -> bytes:
    """The base report with ``count`` more body paragraphs."""
    paragraph = '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>Nội dung.</w:t></w:r></w:p>'
    document = base["word/document.xml"]
    end = document.rindex(b"<w:sectPr")
    return _replaced(base, document=document[:end] + paragraph.encode() * count + document[end:])


def _calls(read: Callable[[bytes], Any], data: bytes) -> int:
    """How many Python function calls reading ``data`` takes (a count, not a time)."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    try:
        read(data)
    except BaocaoError:
        pass
    finally:
        profile.disable()
    return sum(row[1] for row in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


@pytest.mark.parametrize(("reader", "read", "_error"), READERS, ids=[r for r, _f, _e in READERS])
def test_the_work_is_linear_in_the_paragraphs(
    base: dict[str, bytes],
    reader: str,
    read: Callable[[bytes], Any],
    _error: type,
) -> None:
    small, large = 1000, 4000
    read(_paragraphs(base, 10))  # warm the caches (styles, the units data)
    extra_small = _calls(read, _paragraphs(base, small)) - _calls(read, _paragraphs(base, 0))
    extra_large = _calls(read, _paragraphs(base, large)) - _calls(read, _paragraphs(base, 0))
    assert extra_large <= extra_small * (large / small) * 1.1, (reader, extra_small, extra_large)


def test_many_paragraphs_in_bounded_memory(base: dict[str, bytes]) -> None:
    data = _paragraphs(base, 20_000)
    for _name, read, _error in READERS:
        tracemalloc.start()
        try:
            read(data)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 200 * 1024 * 1024, (_name, peak)


def _recipient_lines(base: dict[str, bytes], count: int) -> bytes:
    """The base report with ``count`` more lines in Nơi nhận."""
    document = base["word/document.xml"]
    at = document.index("- Lưu".encode())
    start = max(document.rfind(b"<w:p>", 0, at), document.rfind(b"<w:p ", 0, at))
    end = document.index(b"</w:p>", at) + len(b"</w:p>")
    line = document[start:end].replace("- Lưu: VT.".encode(), "- Sở Tài chính;".encode())
    return _replaced(base, document=document[:start] + line * count + document[start:])


def test_checking_many_recipients_is_linear(base: dict[str, bytes]) -> None:
    small, large = 500, 2000
    baocao.check(_recipient_lines(base, 10))  # warm the caches (styles, the units data)
    none = _calls(baocao.check, _recipient_lines(base, 0))
    extra_small = _calls(baocao.check, _recipient_lines(base, small)) - none
    extra_large = _calls(baocao.check, _recipient_lines(base, large)) - none
    assert extra_large <= extra_small * (large / small) * 1.1, (extra_small, extra_large)


def test_a_utf16_template_renders_like_its_utf8_original() -> None:
    from pathlib import Path

    from baocao._render import default_template_path

    with zipfile.ZipFile(io.BytesIO(Path(default_template_path()).read_bytes())) as archive:
        template = {name: archive.read(name) for name in archive.namelist()}
    utf16 = _utf16(template)
    report = make_report()
    expected = baocao.render(report)
    assert baocao.render(report, template=utf16) == expected
    assert baocao.Template(utf16).render(report) == expected
    assert baocao.lint(utf16) == []
