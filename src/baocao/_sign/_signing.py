"""Signing a PDF in its named field (issue 14, §4): PAdES B-B, or B-T with a timestamp.

Each signature is an incremental update: the bytes signed before stay as they are, so the
person's signature stays valid when the body signs after it, and a PDF/A file keeps its
identification. The visible signature is the PNG given (the blue handwritten signature for
``person``, the red seal for ``body``: Phụ lục I, II.7.d and II.8.a, transparent
background), scaled into the field; or text: the lines given and the signing time, ISO 8601
in the Vietnam time zone, in Times New Roman 10 pt (ô 14: II.8.b).

baocao signs with the key the user gives it (:class:`baocao.SigningKey`); it is not a
certified signing service, and a signature is only as trusted as that certificate.
"""

from __future__ import annotations

import datetime
import functools
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, BinaryIO

from .._errors import InvalidTypeError, SigningError, ValidationError
from .._files import write_output
from .._nd30 import SEPARATE_FILE_SIGNATURE_PT, VIETNAM_UTC_OFFSET_HOURS
from ._deps import need
from ._keys import SigningKey, open_signer
from ._pdfio import read_pdf, writer_for

__all__ = ["VIETNAM", "sign", "signing_time_text"]

VIETNAM = datetime.timezone(datetime.timedelta(hours=VIETNAM_UTC_OFFSET_HOURS))
"""UTC+07:00."""

_MAX_IMAGE_BYTES = 20 * 1024 * 1024


def signing_time_text(when: datetime.datetime) -> str:
    """The signing time as ô 14 writes it: ISO 8601, to the second, in the Vietnam zone.

    >>> signing_time_text(datetime.datetime(2026, 3, 5, 2, 30, tzinfo=datetime.timezone.utc))
    '2026-03-05T09:30:00+07:00'
    """
    return when.astimezone(VIETNAM).replace(microsecond=0).isoformat()


#: Where Times New Roman or Liberation Serif usually is when fontconfig cannot say.
_FONT_PLACES = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    r"C:\Windows\Fonts\times.ttf",
    "/System/Library/Fonts/Supplemental/Times New Roman.ttf",
    "/Library/Fonts/Times New Roman.ttf",
)


def _times_font(font: str | os.PathLike[str] | None) -> str:
    """A font file with Times New Roman's metrics: ``font``, else fontconfig's choice, else
    the usual places of Times New Roman and Liberation Serif."""
    if font is not None:
        path = os.fspath(font)
        if not os.path.isfile(path):
            raise ValidationError(path, "does not exist or is not a font file", path="font")
        return path
    fc_match = shutil.which("fc-match")
    if fc_match is not None:
        try:
            found = subprocess.run(
                [fc_match, "-f", "%{file}", "Times New Roman:style=Regular"],
                capture_output=True,
                timeout=30,
                check=False,
            ).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.TimeoutExpired):
            found = ""
        if found.lower().endswith((".ttf", ".otf")) and os.path.isfile(found):
            return found
    for place in _FONT_PLACES:
        if os.path.isfile(place):
            return place
    raise SigningError(
        "a text signature needs a font with Vietnamese letters (Times New Roman or "
        "Liberation Serif: `apt install fonts-liberation2`); give its file with font=..."
    )


@functools.lru_cache(maxsize=4)
def _font_bytes(path: str) -> bytes:
    """The font at ``path`` with 1000 units per em. pyHanko 0.38 writes a CID font's glyph
    widths (/W) in the font's own units, which PDF reads as thousandths of an em: a
    TrueType font of 2048 units (Liberation Serif, Times New Roman) would print with its
    letters twice as far apart."""
    ttlib = need("fontTools.ttLib")
    scale = need("fontTools.ttLib.scaleUpem")
    try:
        font = ttlib.TTFont(path)
        if font["head"].unitsPerEm != 1000:
            scale.scale_upem(font, 1000)
        buffer = io.BytesIO()
        font.save(buffer)
    except Exception as exc:
        raise SigningError(f"{path}: cannot read the font: {exc}") from None
    return buffer.getvalue()


def _font_factory(path: str, size: int) -> Any:
    """pyHanko's font engine factory for the font at ``path``, scaled by :func:`_font_bytes`."""
    opentype = need("pyhanko.pdf_utils.font.opentype")
    data = _font_bytes(path)
    base: Any = opentype.GlyphAccumulatorFactory

    class _Scaled(base):  # type: ignore[misc]
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> Any:
            if obj_stream is None and writer.stream_xrefs:
                obj_stream = writer.prepare_object_stream()
            return opentype.GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(data),
                font_size=self.font_size,
                obj_stream=obj_stream,
            )

    return _Scaled(path, font_size=size)


def _image(image: object) -> Any:
    """A PIL image of the PNG given as a path or bytes."""
    pil = need("PIL.Image")
    if isinstance(image, (bytes, bytearray)):
        data = bytes(image)
    elif isinstance(image, (str, os.PathLike)):
        path = Path(image)
        if not path.is_file():
            raise ValidationError(str(path), "does not exist or is not a file", path="image")
        if path.stat().st_size > _MAX_IMAGE_BYTES:
            raise ValidationError(str(path), "is larger than 20 MB", path="image")
        data = path.read_bytes()
    else:
        raise InvalidTypeError(image, "is not a PNG as a path or bytes", path="image")
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValidationError(
            str(image)[:60],
            "is not a PNG (the decree asks PNG with a transparent background)",
            path="image",
        )
    try:
        picture = pil.open(io.BytesIO(data))
        picture.load()
    except Exception as exc:
        raise ValidationError(
            str(image)[:60], f"cannot be read as a PNG: {exc}", path="image"
        ) from None
    return picture


def _style(image: object, text: str | None, font: str | os.PathLike[str] | None) -> Any:
    """pyHanko's stamp style: the image, or text with the signing time."""
    stamp = need("pyhanko.stamp")
    layout = need("pyhanko.pdf_utils.layout")
    if image is not None:
        images = need("pyhanko.pdf_utils.images")
        fit = layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
        )
        return stamp.StaticStampStyle(
            background=images.PdfImage(_image(image)),
            border_width=0,
            background_opacity=1.0,
            background_layout=fit,
        )
    text_module = need("pyhanko.pdf_utils.text")
    size = SEPARATE_FILE_SIGNATURE_PT
    box_style = text_module.TextBoxStyle(
        font=_font_factory(_times_font(font), size),
        font_size=size,
        leading=round(size * 1.15),
        text_color=(0, 0, 0),
    )
    if text is None:  # neither image nor text: the signer's name (its certificate's)
        lines = ["%(signer)s"]
    else:
        lines = [line.strip().replace("%", "%%") for line in text.splitlines() if line.strip()]
    stamp_text = "\n".join([*lines, "%(vn_time)s"])
    top_right = layout.SimpleBoxLayoutRule(  # ô 14: the top right corner
        x_align=layout.AxisAlignment.ALIGN_MAX,
        y_align=layout.AxisAlignment.ALIGN_MAX,
        margins=layout.Margins.uniform(1),
    )
    return stamp.TextStampStyle(
        stamp_text=stamp_text,
        text_box_style=box_style,
        border_width=0,
        inner_content_layout=top_right,
    )


def _empty_fields(data: bytes) -> dict[str, bool]:
    """Every signature field of the PDF, and whether it is filled."""
    reader_module = need("pyhanko.pdf_utils.reader")
    fields = need("pyhanko.sign.fields")
    try:
        reader = reader_module.PdfFileReader(io.BytesIO(data), strict=False)
        return {
            name: value is not None
            for name, value, _ref in fields.enumerate_sig_fields(reader, filled_status=None)
        }
    except Exception as exc:
        raise SigningError(f"the PDF cannot be read: {exc}") from None


class _RawMechanismError(Exception):
    """The token refused the hash-and-sign mechanism: try it with the raw one."""


def _sign_once(
    data: bytes,
    key: SigningKey,
    meta: Any,
    style: Any,
    timestamper: Any,
    params: dict[str, str],
    *,
    raw: bool,
) -> io.BytesIO:
    signers = need("pyhanko.sign.signers")
    with open_signer(key, raw=raw) as signer:
        writer = writer_for(data)
        buffer = io.BytesIO()
        try:
            pdf_signer = signers.PdfSigner(
                meta, signer=signer, stamp_style=style, timestamper=timestamper
            )
            pdf_signer.sign_pdf(
                writer, output=buffer, existing_fields_only=True, appearance_text_params=params
            )
        except SigningError:
            raise
        except Exception as exc:  # pyHanko's SigningError, PdfError, a token, a TSA
            if type(exc).__name__ == "MechanismInvalid" and not raw and key.pkcs11_module:
                raise _RawMechanismError from exc
            reason = str(exc) or type(exc).__name__
            raise SigningError(f"cannot sign the field {meta.field_name!r}: {reason}") from None
    return buffer


def sign(
    pdf: bytes | str | os.PathLike[str] | BinaryIO,
    key: SigningKey,
    out: str | os.PathLike[str] | BinaryIO | None = None,
    *,
    field: str = "person",
    image: str | os.PathLike[str] | bytes | None = None,
    text: str | None = None,
    timestamp_url: str | None = None,
    reason: str | None = None,
    location: str | None = None,
    font: str | os.PathLike[str] | None = None,
) -> bytes:
    """Sign ``pdf`` in its empty signature field ``field``, as an incremental update.

    Sign the person first (``field="person"``), then the body (``field="body"``): the
    second signature covers the first, which stays valid. The fields come from
    :func:`baocao.signing_fields`.

    Args:
        pdf: the PDF (bytes, a path or a binary stream) with the empty field.
        key: the signer's key and certificate (:class:`baocao.SigningKey`).
        out: where to write the signed PDF as well (a path, written atomically, or a stream).
        field: the name of the field: ``person``, ``body``, ``cosigner1-person``, …
        image: the visible signature, a PNG (path or bytes) with a transparent background,
            scaled into the field (the signature, blue; the seal, red, at its real size).
        text: without an image, the lines of a text signature (ô 14: the document's số và
            ký hiệu); the signing time (ISO 8601, +07:00) follows them, in 10 pt. With
            neither, the text is the signer's name (from the certificate) and the time.
        timestamp_url: an RFC 3161 timestamp server: PAdES B-T instead of B-B.
        reason, location: the signature's /Reason and /Location.
        font: the font file of a text signature (default: fontconfig's Times New Roman).

    Returns:
        The signed PDF.

    Raises:
        SigningError: the extra is not installed, the key cannot be used, the field is not
            there or is signed already, the timestamp server fails.
        ValidationError: an argument is invalid (the message names it).
    """
    data = read_pdf(pdf)
    if not isinstance(key, SigningKey):
        raise InvalidTypeError(key, "is not a baocao.SigningKey", path="key")
    if not isinstance(field, str) or not field:
        raise InvalidTypeError(field, "is not the name of a signature field", path="field")
    if image is not None and text is not None:
        raise ValidationError(text, "goes with no image: give image or text", path="text")
    for name, value in (
        ("text", text),
        ("timestamp_url", timestamp_url),
        ("reason", reason),
        ("location", location),
    ):
        if value is not None and not isinstance(value, str):
            raise InvalidTypeError(value, "is not a text", path=name)
    if timestamp_url is not None and not timestamp_url.startswith(("http://", "https://")):
        raise ValidationError(timestamp_url, "is not an http(s) URL", path="timestamp_url")
    existing = _empty_fields(data)
    if field not in existing:
        shown = ", ".join(sorted(existing)) or "none"
        raise SigningError(
            f"the PDF has no signature field {field!r} (its fields: {shown}); add them with "
            "baocao.signing_fields (baocao fields) first"
        )
    if existing[field]:
        raise SigningError(f"the signature field {field!r} is signed already")
    style = _style(image, text, font)
    signers = need("pyhanko.sign.signers")
    fields = need("pyhanko.sign.fields")
    timestamper = None
    if timestamp_url is not None:
        timestamps = need("pyhanko.sign.timestamps")
        timestamper = timestamps.HTTPTimeStamper(timestamp_url, timeout=30)
    meta = signers.PdfSignatureMetadata(
        field_name=field,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )
    params = {"vn_time": signing_time_text(datetime.datetime.now(datetime.timezone.utc))}
    try:
        buffer = _sign_once(data, key, meta, style, timestamper, params, raw=False)
    except _RawMechanismError:  # an ECDSA key on a token that only signs digests
        buffer = _sign_once(data, key, meta, style, timestamper, params, raw=True)
    result = buffer.getvalue()
    write_output(out, result, what="the signed PDF")
    return result
