"""Tests for baocao._ooxml._metrics: Times New Roman widths of Vietnamese text."""

from __future__ import annotations

import math
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from baocao._errors import InvalidTypeError, ValidationError
from baocao._ooxml import (
    FALLBACK_CHAR,
    MM_PER_PT,
    _metrics,
    _metrics_data,
    longest_line_mm,
    mm_from_twips,
    text_width_mm,
    text_width_pt,
    twips,
)

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "tools" / "gen_metrics.py"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT_FILES = [
    FONT_DIR / f"LiberationSerif-{face}.ttf" for face in ("Regular", "Bold", "Italic", "BoldItalic")
]

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_LOWER = (
    "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES)
    + "bcdđghklmnpqrstvx"
)
#: Every Vietnamese letter, upper and lower case, digits and the usual punctuation.
VIETNAMESE = _LOWER + _LOWER.upper() + "0123456789 .,;:-()/"

#: Text without line breaks, which text_width_pt refuses.
one_line = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Zl", "Zp"), blacklist_characters="\n\r\v\f\x1c\x1d\x1e\x85"
    ),
    max_size=40,
)
vietnamese = st.text(alphabet=VIETNAMESE, max_size=40)
sizes = st.floats(min_value=1.0, max_value=72.0)
faces = st.tuples(st.booleans(), st.booleans())

no_db = settings(database=None, deadline=None)


# --- the widths the spec (nd30-format.md §0 [METRICS], §3, §5, §6.2) quotes ------------------

SPEC = [
    ("Độc lập - Tự do - Hạnh phúc", 14, True, False, 60.5),
    ("Độc lập - Tự do - Hạnh phúc", 13, True, False, 56.1),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False, 95.7),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, False, 88.3),
    ("SỞ NỘI VỤ", 13, True, False, 23.7),
    ("Kết quả thực hiện nhiệm vụ quý III năm 2026", 14, True, False, 96.7),
    ("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", 14, False, True, 103.9),
    ("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", 13, False, True, 96.4),
]


@pytest.mark.parametrize(("text", "size", "bold", "italic", "expected"), SPEC)
def test_spec_reference_widths(
    text: str, size: float, bold: bool, italic: bool, expected: float
) -> None:
    assert text_width_mm(text, size, bold=bold, italic=italic) == pytest.approx(expected, abs=0.2)


def test_width_in_points_and_millimetres_agree() -> None:
    text = "Độc lập - Tự do - Hạnh phúc"
    pt = text_width_pt(text, 14, bold=True)
    assert text_width_mm(text, 14, bold=True) == pytest.approx(pt * 25.4 / 72)


def test_known_advances() -> None:
    # Times New Roman: "n" is half an em, the space a quarter, "M" 1821/2048 em.
    assert text_width_pt("n", 10) == 5.0
    assert text_width_pt(" ", 16) == 4.0
    assert text_width_pt("M", 2048) == 1821.0
    assert text_width_pt("", 14) == 0.0


def test_every_vietnamese_letter_is_in_every_face() -> None:
    for table in _metrics._TABLES.values():
        missing = [c for c in VIETNAMESE if c not in table]
        assert not missing
        assert all(chr(cp) in table for cp in range(0x1EA0, 0x1EFA))


def test_horn_letters_are_wider_than_their_base() -> None:
    # ơ and ư carry a horn that sticks out: a table that measured the base letter would be
    # short by ~5 % on these, as an old edition of the spec was.
    for bold in (False, True):
        assert text_width_pt("ơ", 14, bold=bold) > text_width_pt("o", 14, bold=bold)
        assert text_width_pt("Ư", 14, bold=bold) > text_width_pt("U", 14, bold=bold)


def test_format_controls_take_no_room() -> None:
    base = text_width_pt("Hà Nội", 14)
    assert text_width_pt("Hà\u00adNội", 14) == text_width_pt("HàNội", 14)
    assert text_width_pt("Hà Nội\u200b\ufeff\u2060", 14) == base


# --- normalisation and fallbacks --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Độc lập - Tự do - Hạnh phúc", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ngày 29 tháng 6"],
)
def test_nfd_input_measures_like_nfc(text: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    for bold in (False, True):
        assert text_width_pt(nfd, 13, bold=bold) == text_width_pt(text, 13, bold=bold)


@no_db
@given(one_line, sizes, faces)
def test_any_normal_form_measures_the_same(text: str, size: float, face: tuple[bool, bool]) -> None:
    bold, italic = face
    widths = {
        text_width_pt(unicodedata.normalize(form, text), size, bold=bold, italic=italic)
        for form in ("NFC", "NFD")
    }
    assert len(widths) == 1


@pytest.mark.parametrize(("bold", "italic"), [(False, False), (True, False), (False, True)])
@pytest.mark.parametrize("char", ["中", "😀", "\u0e01", "\u05d0"])
def test_unknown_characters_use_the_fallback(char: str, bold: bool, italic: bool) -> None:
    assert char not in _metrics._TABLES[bold, italic]
    assert text_width_pt(char, 14, bold=bold, italic=italic) == text_width_pt(
        FALLBACK_CHAR, 14, bold=bold, italic=italic
    )


def test_unknown_decomposable_letter_uses_its_base_letter() -> None:
    # U+1E41 "ṁ" is not in the table; it decomposes to "m" + U+0307.
    assert "\u1e41" not in _metrics._TABLES[False, False]
    assert text_width_pt("\u1e41", 14) == text_width_pt("m", 14)
    assert text_width_pt("m\u0307", 14) == text_width_pt("m", 14)
    assert text_width_pt("\u1e40", 14, bold=True) == text_width_pt("M", 14, bold=True)


def test_combining_marks_without_precomposed_letter_are_zero_width() -> None:
    # "ộ" with an extra tilde below (U+0330, not in the table) has no precomposed form.
    assert text_width_pt("ộ\u0330", 14) == text_width_pt("ộ", 14)
    assert text_width_pt("x\u0302\u0301", 14) == text_width_pt("x", 14)


# --- properties -------------------------------------------------------------------------------


@no_db
@given(one_line, one_line, sizes, faces)
def test_width_is_additive(a: str, b: str, size: float, face: tuple[bool, bool]) -> None:
    bold, italic = face
    nfc = unicodedata.normalize
    # Joining can compose a new letter ("o" + U+031B = "ơ"); that is not a concatenation.
    assume(nfc("NFC", a + b) == nfc("NFC", a) + nfc("NFC", b))

    def width(text: str) -> float:
        return text_width_pt(text, size, bold=bold, italic=italic)

    assert math.isclose(width(a + b), width(a) + width(b), rel_tol=1e-12, abs_tol=1e-9)


@no_db
@given(vietnamese, vietnamese, sizes, faces)
def test_width_grows_with_text(a: str, b: str, size: float, face: tuple[bool, bool]) -> None:
    bold, italic = face
    assert text_width_pt(a + b, size, bold=bold, italic=italic) >= text_width_pt(
        a, size, bold=bold, italic=italic
    )


@no_db
@given(vietnamese, sizes, st.booleans())
def test_bold_is_at_least_as_wide(text: str, size: float, italic: bool) -> None:
    assert text_width_pt(text, size, bold=True, italic=italic) >= text_width_pt(
        text, size, italic=italic
    )


@no_db
@given(one_line, sizes, st.floats(min_value=0.1, max_value=10.0), faces)
def test_width_scales_with_size(text: str, size: float, k: float, face: tuple[bool, bool]) -> None:
    bold, italic = face
    small = text_width_pt(text, size, bold=bold, italic=italic)
    large = text_width_pt(text, size * k, bold=bold, italic=italic)
    assert math.isclose(large, small * k, rel_tol=1e-9, abs_tol=1e-9)


@no_db
@given(st.lists(vietnamese, max_size=5), sizes, faces)
def test_longest_line_is_the_widest_line(
    lines: list[str], size: float, face: tuple[bool, bool]
) -> None:
    bold, italic = face
    expected = max(
        (text_width_mm(line, size, bold=bold, italic=italic) for line in lines), default=0.0
    )
    assert longest_line_mm("\n".join(lines), size, bold=bold, italic=italic) == pytest.approx(
        expected
    )


def test_longest_line_separators() -> None:
    long, short = "THÀNH PHỐ HÀ NỘI", "SỞ NỘI VỤ"
    expected = text_width_mm(long, 13, bold=True)
    for sep in ("\n", "\r\n", "\v"):
        assert longest_line_mm(short + sep + long + sep, 13, bold=True) == expected
    assert longest_line_mm("", 13) == 0.0


# --- errors -----------------------------------------------------------------------------------


def test_line_breaks_are_refused_by_text_width() -> None:
    with pytest.raises(ValidationError, match="longest_line_mm"):
        text_width_pt("SỞ NỘI VỤ\nTỈNH", 13)
    for brk in ("\r", "\v", "\u2028"):
        with pytest.raises(ValidationError, match="line break"):
            text_width_mm(f"a{brk}b", 13)


def test_tab_and_control_characters_use_the_fallback() -> None:
    n = text_width_pt(FALLBACK_CHAR, 13)
    assert text_width_pt("a\tb", 13) == text_width_pt("ab", 13) + n
    assert text_width_pt("\x07", 13) == n


@pytest.mark.parametrize("size", [0, -1, math.nan, math.inf])
def test_bad_sizes(size: float) -> None:
    with pytest.raises(ValidationError, match="positive font size"):
        text_width_pt("a", size)


@pytest.mark.parametrize("size", ["14", None, True])
def test_size_of_the_wrong_type(size: object) -> None:
    with pytest.raises(InvalidTypeError):
        text_width_pt("a", size)  # type: ignore[arg-type]


def test_text_of_the_wrong_type() -> None:
    with pytest.raises(InvalidTypeError, match="is not a str"):
        text_width_mm(b"abc", 14)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        longest_line_mm(None, 14)  # type: ignore[arg-type]


# --- units ------------------------------------------------------------------------------------


def test_twips() -> None:
    assert twips(25.4) == 1440
    assert twips(MM_PER_PT) == 20  # 1 pt
    assert twips(0) == 0
    assert twips(-3.51) == -199
    assert mm_from_twips(1440) == pytest.approx(25.4)
    assert mm_from_twips(5670) == pytest.approx(100.0, abs=0.02)  # header right column


@no_db
@given(st.floats(min_value=-1000.0, max_value=1000.0))
def test_twips_round_trip(mm: float) -> None:
    assert abs(mm_from_twips(twips(mm)) - mm) <= 0.5 / 56.69 + 1e-12


def test_unit_errors() -> None:
    with pytest.raises(ValidationError):
        twips(math.nan)
    with pytest.raises(InvalidTypeError):
        twips("10")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        mm_from_twips(1.5)  # type: ignore[arg-type]


# --- the generated table ----------------------------------------------------------------------


def test_data_is_consistent() -> None:
    count = sum(last - first + 1 for first, last in _metrics_data.RANGES)
    assert set(_metrics_data.WIDTHS) == {"regular", "bold", "italic", "bolditalic"}
    assert all(len(w) == count for w in _metrics_data.WIDTHS.values())
    starts = [first for first, _ in _metrics_data.RANGES]
    assert starts == sorted(starts)
    assert _metrics.FONT_VERSION.split(".")[0] == "2"


def _require_fonts() -> None:
    missing = [str(p) for p in FONT_FILES if not p.is_file()]
    if missing:
        pytest.skip(f"Liberation Serif 2.x not installed (Debian fonts-liberation2): {missing[0]}")
    pytest.importorskip("fontTools", reason="fontTools (dev tool dependency) not installed")


def test_committed_data_matches_the_generator() -> None:
    _require_fonts()
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check", "--font-dir", str(FONT_DIR)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_generator_check_detects_a_stale_file(tmp_path: Path) -> None:
    _require_fonts()
    stale = tmp_path / "_metrics_data.py"
    stale.write_text("# old\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check", "--output", str(stale)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "out of date" in result.stderr


def test_generator_reports_missing_fonts(tmp_path: Path) -> None:
    pytest.importorskip("fontTools", reason="fontTools (dev tool dependency) not installed")
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check", "--font-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "fonts-liberation2" in result.stderr
