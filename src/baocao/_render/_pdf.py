"""Convert a .docx report to PDF with LibreOffice, and read PDFs back for tests.

Electronic administrative documents (văn bản điện tử) circulate as PDF; Nghị định 30/2020,
Phụ lục I, Phần II asks PDF 1.4 or later for electronic copies. baocao renders .docx, and
:func:`to_pdf` turns it into PDF by running LibreOffice headless in a separate process::

    soffice -env:UserInstallation=file:///tmp/baocao-pdf-.../profile \\
            --headless --norestore \\
            --convert-to 'pdf:writer_pdf_Export:{"SelectPdfVersion":{...,"value":"2"},...}' \\
            --outdir OUT IN/document.docx

The filter's options ask for PDF/A-2b (or 1b, or plain) and a tagged PDF; ``_pdfa.finish``
then makes the bytes depend on the document only (issue 14). :func:`convert_many` gives one
run many documents (``IN/d0000.docx IN/d0001.docx …``, up to :data:`BATCH_SIZE`): starting
LibreOffice is most of the cost of a conversion.

Each run gets its own throw-away LibreOffice profile, so it neither touches the user's
profile nor hands the job to a LibreOffice window that is already open, and several
conversions can run at the same time.

A conversion loads nothing that is not in the document: ``_seal.seal`` first removes every
external link (linked pictures and templates, OLE links, fields such as INCLUDEPICTURE;
hyperlinks stay), and the private profile blocks untrusted links, macros and the network.
When the process is interrupted (Ctrl-C, SIGTERM in the ``baocao`` command), LibreOffice
is killed with its whole process group and the profile is removed.

The PDF is only right if LibreOffice lays the text out in Times New Roman metrics: without a
metric-compatible font, fontconfig substitutes another serif font and lines, pages and the
rules under the Tiêu ngữ come out different. :func:`check_fonts` verifies this first.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from .._errors import BaocaoError, ConversionError, InvalidTypeError, ValidationError
from .._files import read_docx, write_output
from .._ooxml import CUSTOM_PART, CustomValue, Package, open_docx, read_custom_properties
from .._signals import deferred
from ._metadata import flatten, unflatten
from ._pdfa import PDF_VERSIONS, finish
from ._seal import seal

__all__ = [
    "BATCH_SIZE",
    "check_fonts",
    "check_pdf_version",
    "convert_many",
    "find_soffice",
    "to_pdf",
]

#: Environment variable naming the LibreOffice executable to use.
SOFFICE_ENV = "BAOCAO_SOFFICE"

#: Families that have the metrics of Times New Roman (Tinos is ChromeOS's copy of Liberation).
TIMES_COMPATIBLE = frozenset({"Times New Roman", "Liberation Serif", "Tinos"})
#: Letters that Liberation Serif 1.07 (Debian fonts-liberation) lacks: stacked Vietnamese
#: diacritics. A font without them makes LibreOffice borrow the glyphs from another font.
VIETNAMESE_PROBE = "ộỆự"

_INSTALL_LIBREOFFICE = (
    "Install LibreOffice (Debian/Ubuntu: `sudo apt install libreoffice-writer-nogui`; "
    "elsewhere: https://www.libreoffice.org/download/), or give the path of its `soffice` "
    f"program with soffice=... or the {SOFFICE_ENV} environment variable."
)
_INSTALL_FONTS = (
    "Install Liberation Serif 2.x, which has the metrics of Times New Roman (Debian/Ubuntu: "
    "`sudo apt install fonts-liberation2`), or Times New Roman itself. `fonts-liberation` "
    "(version 1.07) is not enough: it lacks stacked Vietnamese letters such as ộ and Ệ."
)
_INSTALL_POPPLER = "Install poppler (Debian/Ubuntu: `sudo apt install poppler-utils`)."

#: Well-known places of soffice when it is not on PATH.
_SOFFICE_PLACES = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

_STDERR_LINES = 15
_TOOL_TIMEOUT = 60.0

_fonts_ok = False


# --- locating the programs --------------------------------------------------------------------


def _executable(candidate: str) -> str | None:
    """The full path of ``candidate`` (a path or a name looked up on PATH), if it runs."""
    if os.sep in candidate or (os.altsep is not None and os.altsep in candidate):
        path = Path(candidate)
        return str(path) if path.is_file() and os.access(path, os.X_OK) else None
    return shutil.which(candidate)


def find_soffice(soffice: str | None = None) -> str:
    """Path of the LibreOffice program to run.

    Looks at, in order: the ``soffice`` argument, the ``BAOCAO_SOFFICE`` environment
    variable, ``soffice`` and ``libreoffice`` on PATH, then the usual install folders.
    An explicit argument or variable that does not name a program is an error (baocao does
    not fall back silently to another LibreOffice).

    Raises:
        ConversionError: LibreOffice is not found; the message says how to install it.
    """
    for given, origin in ((soffice, "soffice="), (os.environ.get(SOFFICE_ENV), SOFFICE_ENV)):
        if given is None or given == "":
            continue
        if not isinstance(given, str):
            raise InvalidTypeError(given, "is not a str naming the soffice program", path="soffice")
        found = _executable(given)
        if found is None:
            raise ConversionError(
                f"LibreOffice was not found: {given!r} (from {origin}) is not an executable "
                f"program. {_INSTALL_LIBREOFFICE}"
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found is not None:
            return found
    for place in _SOFFICE_PLACES:
        found = _executable(place)
        if found is not None:
            return found
    raise ConversionError(
        "LibreOffice is needed to convert to PDF, but neither `soffice` nor `libreoffice` "
        f"is on PATH. {_INSTALL_LIBREOFFICE}"
    )


def _run_tool(
    args: Sequence[str], input_: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        list(args),
        input=input_,
        capture_output=True,
        timeout=_TOOL_TIMEOUT,
        check=False,
    )


def _tail(*outputs: bytes, lines: int = _STDERR_LINES) -> str:
    text = "\n".join(o.decode("utf-8", "replace").strip() for o in outputs if o.strip())
    kept = text.splitlines()[-lines:]
    return "\n".join("    " + line for line in kept) if kept else "    (no output)"


# --- fonts ------------------------------------------------------------------------------------


def _parse_charset(text: str) -> list[tuple[int, int]]:
    """Parse fontconfig's ``%{charset}``: hexadecimal code points and ranges ("20-7e a0")."""
    ranges: list[tuple[int, int]] = []
    for item in text.split():
        first, _, last = item.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            return []
    return ranges


def _covers(ranges: list[tuple[int, int]], chars: str) -> bool:
    return all(any(lo <= ord(c) <= hi for lo, hi in ranges) for c in chars)


def _font_problem() -> str | None:
    """What is wrong with the Times New Roman substitute, or None when it is fine / unknown."""
    fc_match = shutil.which("fc-match")
    if fc_match is not None:
        try:
            result = _run_tool([fc_match, "-f", "%{family}\n%{charset}", "Times New Roman"])
        except (OSError, subprocess.TimeoutExpired):
            result = None
        if result is not None and result.returncode == 0:
            family_line, _, charset = result.stdout.decode("utf-8", "replace").partition("\n")
            families = [f.strip() for f in family_line.split(",") if f.strip()]
            if not TIMES_COMPATIBLE.intersection(families):
                shown = families[0] if families else "no font"
                return (
                    "No font with the metrics of Times New Roman is installed: fontconfig "
                    f"uses {shown!r} instead, so lines and pages of the PDF would not match "
                    "Word's."
                )
            ranges = _parse_charset(charset)
            if ranges and not _covers(ranges, VIETNAMESE_PROBE):
                return (
                    f"The font used for Times New Roman ({families[0]!r}) lacks Vietnamese "
                    f"letters such as {VIETNAMESE_PROBE} (Liberation Serif 1.x?)."
                )
            return None
    fc_list = shutil.which("fc-list")
    if fc_list is not None:
        probe = " ".join(f"{ord(c):x}" for c in VIETNAMESE_PROBE)
        try:
            result = _run_tool([fc_list, "-f", "%{family}\n", f":charset={probe}"])
        except (OSError, subprocess.TimeoutExpired):
            return None
        if result.returncode != 0:
            return None
        found = {
            f.strip()
            for line in result.stdout.decode("utf-8", "replace").splitlines()
            for f in line.split(",")
        }
        if not TIMES_COMPATIBLE.intersection(found):
            return (
                "No font with the metrics of Times New Roman and the Vietnamese letters "
                f"{VIETNAMESE_PROBE} is installed (fc-list finds none)."
            )
    # Without fontconfig's tools (Windows, macOS) the check is skipped: those systems ship
    # Times New Roman, and LibreOffice does not use fontconfig there.
    return None


def check_fonts() -> None:
    """Make sure LibreOffice will typeset Times New Roman with the right metrics.

    Asks fontconfig (``fc-match 'Times New Roman'``, or ``fc-list`` when fc-match is missing)
    which font stands in for Times New Roman, and accepts Times New Roman, Liberation Serif
    or Tinos when it has the stacked Vietnamese letters (ộ, Ệ, ự). Without fontconfig tools
    the check passes. A successful check is remembered for the life of the process.

    Raises:
        ConversionError: no suitable font; the message says to install ``fonts-liberation2``.
    """
    global _fonts_ok
    if _fonts_ok:
        return
    problem = _font_problem()
    if problem is not None:
        raise ConversionError(f"{problem} {_INSTALL_FONTS}")
    _fonts_ok = True


# --- input and output -------------------------------------------------------------------------


def _read_input(docx: object) -> bytes:
    """The bytes of the .docx given as bytes, a path or a binary stream; checked to be a .docx."""
    data, shown = read_docx(docx)
    open_docx(data, shown, validate=False)  # the one sniffer: a NotADocxError if not
    return data


#: LibreOffice settings for the private profile of each conversion: load nothing that is
#: not in the document. ``BlockUntrustedRefererLinks`` stops linked images (http:// and
#: file:// alike: measured, it alone blocks them); macros never run; and any internet
#: access goes to a proxy that does not exist (port 9 of the loopback).
_PROFILE_SETTINGS = {
    ("org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks"): "true",
    ("org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel"): "3",
    ("org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution"): "true",
    ("org.openoffice.Inet/Settings", "ooInetProxyType"): "1",
    ("org.openoffice.Inet/Settings", "ooInetHTTPProxyName"): "127.0.0.1",
    ("org.openoffice.Inet/Settings", "ooInetHTTPProxyPort"): "9",
    ("org.openoffice.Inet/Settings", "ooInetHTTPSProxyName"): "127.0.0.1",
    ("org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort"): "9",
    ("org.openoffice.Inet/Settings", "ooInetFTPProxyName"): "127.0.0.1",
    ("org.openoffice.Inet/Settings", "ooInetFTPProxyPort"): "9",
    ("org.openoffice.Inet/Settings", "ooInetNoProxy"): "",
}


def _write_profile(profile: Path) -> None:
    """Write LibreOffice's settings (``user/registrymodifications.xcu``) into ``profile``."""
    items = "".join(
        f'<item oor:path="/{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for (path, name), value in _PROFILE_SETTINGS.items()
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n",
        encoding="utf-8",
    )


# --- running LibreOffice ----------------------------------------------------------------------


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice and everything it started (its own process group / session)."""
    with deferred():
        _kill_now(proc)


def _kill_now(proc: subprocess.Popen[bytes]) -> None:
    if sys.platform == "win32":
        proc.kill()
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired, OSError):
        proc.communicate(timeout=10)
    if sys.platform != "win32":
        # soffice.bin is a grandchild: give it a moment to go before its files are removed.
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except (ProcessLookupError, PermissionError):
                break
            time.sleep(0.02)


def _start(args: list[str], temp: Path | None = None) -> subprocess.Popen[bytes]:
    """Start LibreOffice (no shell) as the leader of a new process group, so it can be killed
    with everything it starts (the ``soffice`` launcher runs ``soffice.bin`` as a child).
    ``temp`` is its temporary folder (it leaves ``lu….tmp`` there when killed)."""
    env = None
    if temp is not None:
        env = dict(os.environ, TMPDIR=str(temp), TMP=str(temp), TEMP=str(temp))
    if sys.platform == "win32":
        return subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            creationflags=subprocess.CREATE_NEW_PROCESS_GROUP,
        )
    return subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )


def _filter(version: str) -> str:
    """The ``--convert-to`` argument: LibreOffice's PDF export with its options as JSON."""
    options = {
        "SelectPdfVersion": {"type": "long", "value": str(PDF_VERSIONS[version])},
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
    }
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


BATCH_SIZE = 20
"""Documents that one LibreOffice run converts at most (``convert_many``): enough to pay
for its start (2-5 s) many times over, few enough that a document that makes it fail or
hang costs little of the batch."""


def _run(args: list[str], program: str, temp: Path, timeout: float, count: int) -> str:
    """Run LibreOffice with ``args``; its last output (for errors), or a ConversionError."""
    try:
        with deferred():  # a signal now would leave LibreOffice running, unknown
            proc = _start(args, temp)
    except OSError as err:
        raise ConversionError(
            f"LibreOffice ({program}) could not be started: {err}. {_INSTALL_LIBREOFFICE}"
        ) from err
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        what = "the document" if count == 1 else f"{count} documents"
        raise ConversionError(
            f"LibreOffice ({program}) did not convert {what} within {timeout:g} s "
            "and was stopped; pass a larger timeout= for big documents."
        ) from None
    except BaseException:
        _kill(proc)
        raise
    if proc.returncode != 0:
        raise ConversionError(
            f"LibreOffice ({program}) failed with exit status {proc.returncode}; "
            f"its last output:\n{_tail(stdout, stderr)}"
        )
    return _tail(stdout, stderr)


class _StoppedRunError(ConversionError):
    """LibreOffice died or hung in a run of several documents before converting this one."""


def _convert_many(
    program: str, documents: Sequence[bytes], timeout: float, version: str
) -> list[bytes | ConversionError]:
    """Convert ``documents`` in one LibreOffice run; each gives its PDF or its error.
    ``timeout`` is per document: the run may take ``timeout`` times their number."""
    with tempfile.TemporaryDirectory(prefix="baocao-pdf-", ignore_cleanup_errors=True) as tmp:
        root = Path(tmp)
        profile, in_dir, out_dir = root / "profile", root / "in", root / "out"
        temp = root / "tmp"
        for folder in (profile, in_dir, out_dir, temp):
            folder.mkdir()
        _write_profile(profile)
        names = (
            ["document"] if len(documents) == 1 else [f"d{i:04d}" for i in range(len(documents))]
        )
        sources = []
        for name, data in zip(names, documents, strict=True):
            source = in_dir / f"{name}.docx"
            source.write_bytes(data)
            sources.append(str(source))
        args = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            _filter(version),
            "--outdir",
            str(out_dir),
            *sources,
        ]
        try:
            output = _run(args, program, temp, timeout * len(documents), len(documents))
        except ConversionError as exc:
            if len(documents) == 1:
                raise
            failed: ConversionError | None = _StoppedRunError(str(exc))  # some were converted
        else:
            failed = None
        results: list[bytes | ConversionError] = []
        for name in names:
            result = out_dir / f"{name}.pdf"
            if not result.is_file():
                results.append(
                    failed
                    or ConversionError(
                        f"LibreOffice ({program}) produced no PDF (the document may be damaged, "
                        f"or in a format LibreOffice cannot read); its last output:\n{output}"
                    )
                )
                continue
            pdf = result.read_bytes()
            if not pdf.startswith(b"%PDF"):
                results.append(
                    ConversionError(
                        f"LibreOffice ({program}) wrote a file that is not a PDF; its last "
                        f"output:\n{output}"
                    )
                )
                continue
            results.append(pdf)
        return results


def _convert_batch(
    program: str, documents: Sequence[bytes], timeout: float, version: str
) -> list[bytes | ConversionError]:
    """Convert ``documents``, one LibreOffice run for all of them if it goes well.

    LibreOffice converts the files of a run in their order, so when it dies or hangs, the
    first document it had not converted is the one that stopped it: that one fails with the
    reason, and the documents after it go to a new run. Two runs in a row that convert
    nothing mean LibreOffice itself is broken: the rest fail with its error."""
    results: list[bytes | ConversionError | None] = [None] * len(documents)
    pending = list(range(len(documents)))
    barren = 0
    while pending:
        try:
            pdfs = _convert_many(program, [documents[i] for i in pending], timeout, version)
        except ConversionError as exc:  # one document, or LibreOffice did not start
            pdfs = [exc] * len(pending)
        stopped = [
            i for i, pdf in zip(pending, pdfs, strict=True) if isinstance(pdf, _StoppedRunError)
        ]
        for i, pdf in zip(pending, pdfs, strict=True):
            if not isinstance(pdf, _StoppedRunError):
                results[i] = pdf
        if not stopped:
            break
        barren = 0 if any(isinstance(pdf, bytes) for pdf in pdfs) else barren + 1
        reason = next(pdf for pdf in pdfs if isinstance(pdf, _StoppedRunError))
        culprits = stopped if barren >= 2 else stopped[:1]
        for i in culprits:
            results[i] = ConversionError(str(reason))
        pending = [i for i in stopped if i not in culprits]
    return [r if r is not None else ConversionError("not converted") for r in results]


def _docx_facts(package: Package) -> tuple[_dt.datetime | None, list[tuple[str, CustomValue]]]:
    """The date of a .docx (``dcterms:created``) and its Phụ lục VI custom properties."""
    created: _dt.datetime | None = None
    if "docProps/core.xml" in package.names:
        with contextlib.suppress(BaocaoError):
            core = package.xml("docProps/core.xml")
            element = core.find("{http://purl.org/dc/terms/}created")
            if element is not None and element.text:
                with contextlib.suppress(ValueError):
                    stamp = _dt.datetime.fromisoformat(element.text.strip().replace("Z", "+00:00"))
                    created = stamp if stamp.tzinfo else stamp.replace(tzinfo=_dt.timezone.utc)
    properties: list[tuple[str, CustomValue]] = []
    if CUSTOM_PART in package.names:
        with contextlib.suppress(BaocaoError):
            found = read_custom_properties(package.xml(CUSTOM_PART))
            properties = flatten(unflatten(found))
    return created, properties


def check_pdf_version(pdf_version: object) -> None:
    """Raise unless ``pdf_version`` is one of :data:`~._pdfa.PDF_VERSIONS`."""
    if not isinstance(pdf_version, str):
        raise InvalidTypeError(pdf_version, "is not a str such as '2b'", path="pdf_version")
    if pdf_version not in PDF_VERSIONS:
        raise ValidationError(
            pdf_version,
            "is not a PDF version: '2b' (PDF/A-2b), '1b' (PDF/A-1b) or 'plain'",
            path="pdf_version",
        )


def _check_options(timeout: object, pdf_version: object) -> float:
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise InvalidTypeError(timeout, "is not a number of seconds", path="timeout")
    if not (math.isfinite(timeout) and timeout > 0):
        raise ValidationError(timeout, "is not a positive number of seconds", path="timeout")
    check_pdf_version(pdf_version)
    return float(timeout)


def convert_many(
    documents: Sequence[bytes],
    *,
    pdf_version: str = "2b",
    timeout: float = 120.0,
    soffice: str | None = None,
    properties: Sequence[Sequence[tuple[str, CustomValue]] | None] | None = None,
) -> list[bytes | BaocaoError]:
    """Convert several .docx documents to PDF with one LibreOffice for each
    :data:`BATCH_SIZE` of them; each gives its PDF or its error, in order.

    ``properties`` (one entry per document, ``None`` to use the document's own custom
    properties) are the flat fields of Phụ lục VI for the PDF's XMP. ``timeout`` is per
    document. When LibreOffice dies or hangs, it is killed with everything it started; the
    document it stopped on fails with the reason, and the rest go to a new run
    (``_convert_batch``).
    """
    limit = _check_options(timeout, pdf_version)
    results: list[bytes | BaocaoError] = []
    prepared: list[tuple[int, bytes, _dt.datetime | None, Sequence[tuple[str, CustomValue]]]] = []
    for index, data in enumerate(documents):
        try:
            package = open_docx(data, "docx", validate=False)
            created, own = _docx_facts(package)
            given = None if properties is None else properties[index]
            prepared.append((index, seal(data), created, own if given is None else given))
        except BaocaoError as exc:
            prepared.append((index, b"", None, ()))
            results.append(exc)
            continue
        results.append(ConversionError("not converted"))
    todo = [p for p in prepared if p[1]]
    if not todo:
        return results
    program = find_soffice(soffice)  # after sealing: a refused document says so first
    check_fonts()
    for start in range(0, len(todo), BATCH_SIZE):
        batch = todo[start : start + BATCH_SIZE]
        pdfs = _convert_batch(program, [p[1] for p in batch], limit, str(pdf_version))
        for (index, _data, created, props), pdf in zip(batch, pdfs, strict=True):
            if isinstance(pdf, ConversionError):
                results[index] = pdf
                continue
            try:
                results[index] = finish(
                    pdf, version=str(pdf_version), created=created, properties=props
                )
            except ConversionError as exc:
                results[index] = exc
    return results


def to_pdf(
    docx: str | os.PathLike[str] | bytes | BinaryIO,
    out: str | os.PathLike[str] | BinaryIO | None = None,
    *,
    timeout: float = 120.0,
    soffice: str | None = None,
    pdf_version: str = "2b",
) -> bytes:
    """Convert a .docx document to PDF with LibreOffice, and return the PDF.

    The PDF is PDF/A-2b by default (``pdf_version="1b"`` for PDF/A-1b, ``"plain"`` for a
    PDF 1.6 without the PDF/A identification), tagged, with its fonts embedded, and the
    same document gives the same bytes: its dates are the .docx's ``dcterms:created`` (the
    report's date) and its ID a digest of its content. The custom properties of Phụ lục VI
    that ``render(..., metadata=True)`` writes go into its XMP, with PageAmount.

    Args:
        docx: the .docx as bytes, a path, or a binary stream (read to its end).
        out: where to write the PDF as well: a path (written atomically, through a temporary
            file in the same folder and ``os.replace``) or a binary stream (written to, not
            closed). ``None``: only return the bytes.
        timeout: seconds LibreOffice may take; then it is killed with every process it
            started. The first run on a machine is the slowest (a few seconds).
        soffice: the LibreOffice program (path or name on PATH); default: the
            ``BAOCAO_SOFFICE`` environment variable, else ``soffice`` / ``libreoffice``.

    Returns:
        The bytes of the PDF.

    Raises:
        ValidationError: ``docx`` is not a .docx file (or does not exist), or ``timeout`` is
            not a positive number of seconds.
        InvalidTypeError: an argument has the wrong type (e.g. a text-mode stream).
        ConversionError: LibreOffice is missing, fails, is too slow or writes no PDF, or no
            font with the metrics of Times New Roman is installed (see :func:`check_fonts`).
    """
    _check_options(timeout, pdf_version)
    if out is not None and not isinstance(out, (str, os.PathLike)) and not hasattr(out, "write"):
        raise InvalidTypeError(
            out, "is not a path or a binary stream to write the PDF to", path="out"
        )
    data = _read_input(docx)
    (pdf,) = convert_many([data], pdf_version=pdf_version, timeout=timeout, soffice=soffice)
    if isinstance(pdf, BaocaoError):
        raise pdf
    write_output(out, pdf, what="the PDF")
    return pdf
