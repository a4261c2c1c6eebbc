"""``fix_text``: legacy-encoded or broken Vietnamese text as Unicode NFC.

Three repairs, in this order: decode a legacy encoding (TCVN3, VNI-Windows, VIQR; told by
the caller or by the font, or found in the text), join the marks that PDF extraction
detaches from their letters ("Viê ̣ t" → "Việt"), and only when asked, move the tone marks
of *oa*, *oe*, *uy* to one placement.

Finding the encoding weighs words, never guesses from one character: each legacy reading
is scored by the chunks (runs without spaces) it changes, +1 for a chunk whose words all
become Vietnamese syllables, -1 for one that does not, against the same chunks as they
stand; a reading wins only when it scores more. Text with a letter that only Unicode has
(ạ, ơ, đ, …) is Unicode already; VIQR is tried only on text whose letters are ASCII.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final, Literal, get_args

from .._errors import InvalidTypeError, ValidationError
from .._lazy import publish
from ._fixes import FIX_ENCODING
from ._legacy import LEGACY_ENCODINGS, LegacyEncoding, decode, font_encoding
from ._syllables import TONE_MARKS, VOWEL_MARKS, is_syllable, place_tones, split_tone

__all__ = ["Encoding", "Marks", "Tones", "detect_encoding", "fix_text"]

Encoding = Literal["auto", "unicode", "tcvn3", "tcvn3-caps", "vni", "viqr"]
Tones = Literal["keep", "old", "new"]
Marks = Literal["join", "keep"]

_ENCODINGS: Final = get_args(Encoding)
_TONES: Final = get_args(Tones)
_MARKS: Final = get_args(Marks)

_VIETNAMESE_MARKS: Final = TONE_MARKS + VOWEL_MARKS
# A letter only Unicode Vietnamese has (no Latin-1 code, so no legacy font's either), or a
# Vietnamese mark as a combining character: the text is Unicode.
_UNICODE_ONLY: Final = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
    "\u1ea0-\u1ef9" + _VIETNAMESE_MARKS + "]"
)
_WORD: Final = re.compile(r"[^\W\d_]+")
_CHUNK: Final = re.compile(r"\S+")
_NON_ASCII_LETTER: Final = re.compile(r"[^\W\d_a-zA-Z]")
_ASCII_LETTER: Final = re.compile(r"[a-zA-Z]")
_ENOUGH: Final = 400  # chunks a reading changes: more only repeats what these say


@functools.lru_cache(maxsize=8192)
def _score(chunk: str) -> int:
    """1 when the words of ``chunk`` are all Vietnamese syllables, -1 when one is not."""
    words = _WORD.findall(chunk)
    return 1 if words and all(is_syllable(word) for word in words) else -1


def _gain(text: str, encoding: LegacyEncoding) -> int:
    """What reading ``text`` in ``encoding`` gains over reading it as it stands: the
    chunks (runs without spaces) it makes Vietnamese, less those it makes not."""
    gain = changed = 0
    for found in _CHUNK.finditer(text):
        chunk = found.group()
        if not _ASCII_LETTER.search(chunk):
            continue  # no ASCII letter: punctuation, figures (§, ·, « …) weigh nothing
        decoded = decode(chunk, encoding)
        if decoded != chunk:
            gain += _score(decoded) - _score(chunk)
            changed += 1
            if changed == _ENOUGH:
                break
    return gain


_TRAILING: Final = ".?'\"!,;:)]}»”’…"
_VIQR_STRONG: Final = re.compile(r"[aeiouy][\^(`~]|[ou]\+|dd", re.IGNORECASE)


def _looks_viqr(text: str) -> bool:
    """Whether ASCII ``text`` reads as VIQR: several chunks whose marks make Vietnamese
    syllables, hardly any whose marks make none, and one mark at least that English does
    not write after a vowel (â, ă, ơ, ư, huyền, ngã; đ)."""
    good = bad = 0
    strong = False
    for found in _CHUNK.finditer(text):
        if good + bad == _ENOUGH:
            break
        chunk = found.group()
        # a full stop, a question mark or an apostrophe at the end is punctuation as
        # often as a tone: alone it proves nothing
        core = chunk.rstrip(_TRAILING)
        if decode(core, "viqr") == core:
            continue
        strong = strong or _VIQR_STRONG.search(core) is not None
        if _score(decode(chunk, "viqr")) > 0:
            good += 1
        else:
            bad += 1
    return strong and good >= 2 and good >= 3 * bad


def detect_encoding(text: str) -> Literal["unicode", "tcvn3", "vni", "viqr"]:
    """The encoding ``text`` is most likely in; ``"unicode"`` unless a legacy reading
    makes Vietnamese of words that are not Vietnamese as they stand.

    >>> detect_encoding("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    'tcvn3'
    >>> detect_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'vni'
    >>> detect_encoding("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam")
    'viqr'
    >>> detect_encoding("Cộng hòa"), detect_encoding("Café, résumé. It's I'm.")
    ('unicode', 'unicode')
    """
    if _UNICODE_ONLY.search(text):
        return "unicode"
    if not _NON_ASCII_LETTER.search(text) and _looks_viqr(text):
        return "viqr"  # VIQR's letters are ASCII (its quotes and dashes may not be)
    best: Literal["unicode", "tcvn3", "vni"] = "unicode"
    best_gain = 0
    for encoding in ("tcvn3", "vni"):
        gain = _gain(text, encoding)
        if gain > best_gain:
            best, best_gain = encoding, gain
        elif gain == best_gain and gain > 0:
            best = "unicode"  # both readings as good: say nothing rather than guess
    return best


# A mark alone after a space, as PDF extraction gives ("Viê ̣ t"): the letters before the
# spaces and the marks (spaces between them too); then, looked at but not taken, the
# spaces and letters after them, which the next mark may need as its letters before.
_VOWELS: Final = frozenset("aăâeêioôơuưy")
_SPACE: Final = "[ \t\u00a0]"
_DETACHED: Final = re.compile(
    rf"([^\W\d_]+){_SPACE}+([{_VIETNAMESE_MARKS}](?:{_SPACE}*[{_VIETNAMESE_MARKS}])*)"
    rf"(?=({_SPACE}*)([^\W\d_]*))"
)


def _inside(joined: str, after: str) -> bool:
    """Whether the letters ``after`` a mark finish the word the mark was joined to."""
    if not after:
        return False
    if is_syllable(joined + after):
        return True  # "Viê ̣ t", "ho ̣ c"
    # one consonant cannot be a word of its own: "Vie ̣ t" lost its circumflex
    return len(after) == 1 and split_tone(after.lower())[0] not in _VOWELS


def join_marks(text: str) -> str:
    """``text`` with every detached Vietnamese mark joined to the letter before it, and
    the letters after it joined too when they finish the word.

    >>> join_marks("Viê ̣ t Nam, bi ̣ ho ̣ c, Vie ̂ ̣ t")
    'Việt Nam, bị học, Việt'
    """
    if not any(mark in text for mark in _VIETNAMESE_MARKS):
        return text
    pieces: list[str] = []
    done = 0  # text[:done] is in pieces
    for match in _DETACHED.finditer(text):
        before, marks, space, after = match.groups()
        joined = unicodedata.normalize("NFC", before + re.sub(_SPACE, "", marks))
        pieces += [text[done : match.start()], joined]
        done = match.end() + (len(space) if _inside(joined, after) else 0)
    pieces.append(text[done:])
    return "".join(pieces)


def _choice(value: object, choices: tuple[str, ...], name: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValidationError(value, f"is not one of {', '.join(choices)}", path=name)
    return value


def fix_text(
    text: str,
    *,
    encoding: Encoding = "auto",
    font: str | None = None,
    tones: Tones = "keep",
    marks: Marks = "join",
) -> str:
    """Vietnamese text in a legacy encoding, or with broken marks, as Unicode NFC.

    ``encoding``: ``"auto"`` (the default) finds it in the text (see
    :func:`detect_encoding`: correct Unicode and plain English come back as they were);
    ``"tcvn3"`` (ABC, the ``.VnTime`` fonts), ``"tcvn3-caps"`` (the all-capitals fonts
    ``.VnTimeH``, ``.VnArialH``, whose codes are those of the lower-case letters),
    ``"vni"`` (VNI-Windows, ``VNI-Times``), ``"viqr"`` (RFC 1456) or ``"unicode"``.
    ``font``: the name of the font the text was typed in (a .docx run's ``w:rFonts``); a
    legacy font decides the encoding, so ``font=".VnTimeH"`` reads all-capitals TCVN3
    (unless the text holds a letter only Unicode has: converted, its font left as it was).
    ``marks``: ``"join"`` (the default) joins a tone or vowel mark that stands alone
    after a space to the letter before it (``"keep"`` leaves it). ``tones``: ``"keep"``
    (the default) leaves the tone marks where they are; ``"new"`` writes hòa, khỏe, ủy and
    ``"old"`` hoà, khoẻ, uỷ. ``check`` accepts both placements (Nghị định 30 writes both),
    so move them only for a house style.

    Raises :class:`~baocao.ValidationError` (a ``ValueError``) naming the parameter for a
    value that is not one of its choices, for a ``font`` whose encoding is not the one
    given, and for text that cannot be in the encoding given (a Unicode-only letter in
    text said to be TCVN3); :class:`~baocao.InvalidTypeError` when ``text`` is not a str.

    >>> import baocao
    >>> baocao.fix_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    >>> baocao.fix_text("CéNG HOµ", font=".VnTimeH")
    'CỘNG HOÀ'
    >>> baocao.fix_text("Coäng hoøa", tones="old"), baocao.fix_text("Viê ̣ t Nam")
    ('Cộng hoà', 'Việt Nam')
    """
    if not isinstance(text, str):
        raise InvalidTypeError(text, "is not a text (str)", path="text")
    chosen = _choice(encoding, _ENCODINGS, "encoding")
    style = _choice(tones, _TONES, "tones")
    _choice(marks, _MARKS, "marks")
    if font is not None and not isinstance(font, str):
        raise InvalidTypeError(font, "is not a font name (str)", path="font")
    told = font_encoding(font) if font else None
    if told is not None:
        if chosen not in ("auto", told):
            raise ValidationError(
                font,
                f"is a {told} font, but encoding={chosen!r} was asked for; leave out one of them",
                path="font",
            )
        if chosen == "auto":  # a hint: text converted without its font changed is Unicode
            chosen = "unicode" if _UNICODE_ONLY.search(text) else told
    if chosen == "auto":
        chosen = detect_encoding(text)
    if chosen in LEGACY_ENCODINGS:
        found = _UNICODE_ONLY.search(text)
        if found is not None:
            char = found.group()
            raise ValidationError(
                text,
                f"holds {char!r} (U+{ord(char):04X}), which no {chosen} text holds: it is "
                f"Unicode already; {FIX_ENCODING}",
                path="text",
            )
        text = decode(text, chosen)
    if marks == "join":
        text = join_marks(text)
    text = unicodedata.normalize("NFC", text)
    if style != "keep":
        text = place_tones(text, style)  # type: ignore[arg-type]  # "old" or "new"
    return text


publish(fix_text)  # it reads as baocao.fix_text
