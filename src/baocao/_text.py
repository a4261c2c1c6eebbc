"""Text rules shared by the model and the renderer.

* Every text is Unicode NFC (precomposed), whatever came in.
* Characters that XML 1.0 cannot carry are refused, naming the code point.
* Upper case is produced on the text itself (``str.upper`` on NFC), never by a font
  attribute, so that copy-paste and search see what the reader sees.
* Line ends: ``\\r\\n`` and a lone ``\\r`` count as ``\\n``. In a rendered document a
  ``\\n`` or a vertical tab ``\\v`` becomes a line break, ``\\t`` a tab and a form feed
  ``\\f`` a page break (see ``docs/errors.md``).
"""

from __future__ import annotations

import re
import unicodedata

from ._errors import InvalidTypeError, ValidationError

__all__ = ["check_text", "nfc", "upper"]

# XML 1.0 Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
# \v (U+000B) and \f (U+000C) are not XML characters either, but Word's copy-paste
# produces them, so they are accepted and mapped when rendering.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, with ``\\r\\n`` and ``\\r`` turned into ``\\n``.

    >>> nfc("Nội vụ") == "Nội vụ"
    True
    >>> len(nfc("Nội")) # "ộ" given as o + two combining marks becomes one character
    3
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def check_text(value: object, *, path: str = "", allow_empty: bool = False) -> str:
    """Validate one text value and return it in NFC.

    Raises :class:`~baocao.InvalidTypeError` when ``value`` is not a ``str`` and
    :class:`~baocao.ValidationError` when it is blank (unless ``allow_empty``) or holds a
    character that XML 1.0 cannot carry.

    >>> check_text("Sở Nội vụ")
    'Sở Nội vụ'
    >>> check_text("A\\x00B", path="title")
    Traceback (most recent call last):
    ...
    baocao.ValidationError: title: 'A\\x00B' contains U+0000, which a .docx cannot hold
    """
    if not isinstance(value, str):
        raise InvalidTypeError(value, "is not a text (str)", path=path)
    found = _FORBIDDEN.search(value)
    if found is not None:
        code = f"U+{ord(found.group()):04X}"
        raise ValidationError(value, f"contains {code}, which a .docx cannot hold", path=path)
    text = nfc(value)
    if not allow_empty and not text.strip():
        raise ValidationError(value, "must not be empty", path=path)
    if text and unicodedata.category(text[0]).startswith("M"):
        raise ValidationError(
            value,
            f"starts with U+{ord(text[0]):04X}, a combining mark (a tone mark, for "
            "one) with no letter before it: printed after other text it would join that "
            "text's last letter; write the mark after its letter",
            path=path,
        )
    return text


def upper(text: str) -> str:
    """Upper-case Vietnamese text on the characters themselves.

    >>> upper("Sở Nội vụ Thành phố Hồ Chí Minh")
    'SỞ NỘI VỤ THÀNH PHỐ HỒ CHÍ MINH'
    >>> upper("Đề án")
    'ĐỀ ÁN'
    """
    return unicodedata.normalize("NFC", text.upper())
