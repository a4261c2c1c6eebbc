"""``baocao.fix_text`` (issue 15, §3): legacy encodings, detached marks, tone placement.

The golden table ``tests/data/legacy_letters.tsv`` holds every Vietnamese letter, upper and
lower case, in TCVN3, all-capitals TCVN3, VNI-Windows and VIQR, written from the published
code tables; the round trips run random Vietnamese text (words of the real report in
``tests/data/2710-BC-SNV.txt``) through the wing's encoders and back.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import baocao
from baocao._words import _syllables, detect_encoding, font_encoding
from baocao._words._fix_text import join_marks
from baocao._words._legacy import LEGACY_ENCODINGS, LegacyEncoding, decode, encode
from baocao._words._syllables import is_syllable, place_tones

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = (DATA / "2710-BC-SNV.txt").read_text("utf-8")


def _letters() -> list[dict[str, str]]:
    with (DATA / "legacy_letters.tsv").open(encoding="utf-8") as table:
        lines = [line for line in table if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


LETTERS = _letters()
WORDS = sorted(set(re.findall(r"[^\W\d_]+", SEED)))


def test_the_table_holds_every_letter_in_both_cases() -> None:
    letters = {row["letter"] for row in LETTERS}
    assert len(letters) == len(LETTERS) == 2 * (12 * 6 + 1)  # 12 vowels × 6 tones, and đ
    assert {letter.lower() for letter in letters} >= set("aăâeêioôơuưyđ")
    assert all(unicodedata.is_normalized("NFC", letter) for letter in letters)


@pytest.mark.parametrize("row", LETTERS, ids=lambda row: row["letter"])
def test_golden_letter(row: dict[str, str]) -> None:
    letter = row["letter"]
    if row["tcvn3"]:
        code = chr(int(row["tcvn3"], 16))
        assert decode(code, "tcvn3") == letter
        assert encode(letter, "tcvn3") == code
        assert baocao.fix_text(code, encoding="tcvn3") == letter
    if row["tcvn3_caps"]:
        code = chr(int(row["tcvn3_caps"], 16))
        assert decode(code, "tcvn3-caps") == letter
        assert encode(letter, "tcvn3-caps") == code
        assert baocao.fix_text(code, font=".VnTimeH") == letter
    assert decode(row["vni"], "vni") == letter
    assert encode(letter, "vni") == row["vni"]
    assert decode(row["viqr"], "viqr") == letter
    assert encode(letter, "viqr") == row["viqr"]


def test_tcvn3_holds_no_upper_case_letter_with_a_tone() -> None:
    with pytest.raises(ValueError, match="all-capitals font"):
        encode("VIỆT NAM", "tcvn3")
    assert encode("Việt Nam".upper(), "tcvn3-caps") == encode("việt nam", "tcvn3")


# The classic sentences, as the old fonts and VIQR writers stored them.
SENTENCES = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3-caps", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    # an all-capitals line whose font was lost: its capitals say so
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("B¸O C¸O\nKÕt qu¶ c«ng t¸c", "tcvn3", "BÁO CÁO\nKết quả công tác"),
    ("Sè 12/BC-UBND ngµy 05", "tcvn3", "Số 12/BC-UBND ngày 05"),
    ("Sè 12/BC-UBND", "tcvn3", "Số 12/BC-UBND"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "vni", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
    (
        "O^ng te^n gi`\\? To^i te^n la` Tra^`n Va(n Hie^'u\\.",
        "viqr",
        "Ông tên gì? Tôi tên là Trần Văn Hiếu.",
    ),
    ("DDo^.c la^.p - Tu+. do - Ha.nh phu'c", "viqr", "Độc lập - Tự do - Hạnh phúc"),
    ("Ted\\dy ddi ho.c", "viqr", "Teddy đi học"),
]


@pytest.mark.parametrize(("legacy", "encoding", "unicode"), SENTENCES)
def test_sentences(legacy: str, encoding: LegacyEncoding, unicode: str) -> None:
    assert baocao.fix_text(legacy, encoding=encoding) == unicode
    if len(unicode.split()) >= 5:  # a few words are too few to tell the encoding
        assert baocao.fix_text(legacy) == unicode


FONTS = [
    (".VnTime", "tcvn3"),
    (".VnArial", "tcvn3"),
    (".VnTimeH", "tcvn3-caps"),
    (".VnArialH", "tcvn3-caps"),
    (".VnArial NarrowH", "tcvn3-caps"),
    (".VnSouth", "tcvn3"),
    ("VNI-Times", "vni"),
    ("VNI-Helve", "vni"),
    ("Times New Roman", None),
    ("Arial", None),
    ("", None),
]


@pytest.mark.parametrize(("font", "encoding"), FONTS)
def test_font_encoding(font: str, encoding: str | None) -> None:
    assert font_encoding(font) == encoding


def test_the_font_decides_the_encoding() -> None:
    assert baocao.fix_text("cã", font=".VnTime") == "có"  # "cã" is a word in Unicode too
    assert baocao.fix_text("cã") == "cã"
    assert baocao.fix_text("hoøa", font="VNI-Times") == "hòa"
    assert baocao.fix_text("Hà Nội", font="Times New Roman") == "Hà Nội"
    # converted to Unicode, the old font left on the run: the text says it is Unicode
    assert baocao.fix_text("Hà Nội", font=".VnTime") == "Hà Nội"
    assert baocao.fix_text("Hà Nội", font="VNI-Times", tones="old") == "Hà Nội"
    with pytest.raises(baocao.ValidationError, match="no tcvn3 text holds"):
        baocao.fix_text("Hà Nội", font=".VnTime", encoding="tcvn3")  # an order, not a hint


# Random Vietnamese: words of a real report, in random case, between spaces and punctuation.
_word = st.sampled_from(WORDS).flatmap(
    lambda w: st.sampled_from([w, w.lower(), w.upper(), w.capitalize()])
)
_gap = st.sampled_from([" ", " ", " ", ", ", ". ", "; ", ": ", " - ", "\n", " (", ") ", "./. "])


def _text(min_words: int, max_words: int) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(_word, _gap), min_size=min_words, max_size=max_words).map(
        lambda pairs: "".join(word + gap for word, gap in pairs).strip()
    )


def _for(encoding: LegacyEncoding, text: str) -> str:
    """The text as that encoding can hold it (TCVN3's fonts: lower case, or all capitals)."""
    if encoding == "tcvn3":
        return text.lower()
    return text.upper() if encoding == "tcvn3-caps" else text


@settings(max_examples=60, deadline=None)
@given(text=_text(1, 30), encoding=st.sampled_from(LEGACY_ENCODINGS))
def test_round_trip_with_the_encoding_given(text: str, encoding: LegacyEncoding) -> None:
    text = _for(encoding, text)
    assert baocao.fix_text(encode(text, encoding), encoding=encoding) == text


@settings(max_examples=60, deadline=None)
@given(text=_text(12, 40), encoding=st.sampled_from(("tcvn3", "vni", "viqr")))
def test_round_trip_with_the_encoding_found(text: str, encoding: LegacyEncoding) -> None:
    text = _for(encoding, text)
    legacy = encode(text, encoding)
    if legacy != text:  # a text of words without marks is the same in every encoding
        assert detect_encoding(legacy) == encoding
    assert baocao.fix_text(legacy) == text


@settings(max_examples=100, deadline=None)
@given(text=_text(1, 30))
def test_correct_unicode_comes_back_as_it_was(text: str) -> None:
    assert baocao.fix_text(text) == text
    assert baocao.fix_text(unicodedata.normalize("NFD", text)) == text


def _syllable(initial: str, rhyme: str, tone: str, case: str) -> str:
    """A syllable built from the wing's own parts, its tone where a placement puts it (a
    syllable ending in -c, -ch, -p, -t takes sắc or nặng)."""
    if rhyme.endswith(("c", "ch", "p", "t")) and tone not in ("\u0301", "\u0323"):
        tone = "\u0301"
    word = initial + rhyme
    if tone:
        at = len(initial) + _syllables._tone_places(rhyme)[-1]
        word = word[:at] + unicodedata.normalize("NFC", word[at] + tone) + word[at + 1 :]
    return {"lower": word, "upper": word.upper(), "title": word.capitalize()}[case]


_any_syllable = st.builds(
    _syllable,
    st.sampled_from([i for i in _syllables._INITIALS if i not in ("gi", "qu")]),
    st.sampled_from(sorted(_syllables._RHYMES)),
    st.sampled_from(["", *_syllables.TONE_MARKS]),
    st.sampled_from(["lower", "upper", "title"]),
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_any_syllable, min_size=1, max_size=12), gap=_gap)
def test_any_syllables_come_back_as_they_were(words: list[str], gap: str) -> None:
    text = gap.join(words).strip()
    assert all(is_syllable(word) for word in words)
    assert baocao.fix_text(text) == text


ENGLISH = [
    "Hello, world. I'm fine; it's 5 o'clock. Go! No? So.",
    "e.g. i.e. U.S.A. www.example.com (a) f(x) C++ a^2 x~y 'quoted' `code`",
    "Why? Because we're here, you're there, and O'Brien's café serves crème brûlée.",
    "Müller, Ærø, façade, naïve, São Paulo, Åland, Øresund, Ñandú",
    "Tên: Nguyễn Văn A; email: a.nguyen@example.vn; ĐT: 0912 345 678",
    "100% ± 5 §2 «quoted» ¶ ¿Qué? ¡Sí! µm ×2 ÷3",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_and_other_languages_stay(text: str) -> None:
    assert baocao.fix_text(text) == text


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80))
def test_ascii_that_is_not_viqr_stays(text: str) -> None:
    assert baocao.fix_text(text) == text or detect_encoding(text) == "viqr"


def test_mixed_text_is_read_by_most_of_its_words() -> None:
    legacy = encode("báo cáo kết quả thực hiện nhiệm vụ năm 2024 của sở nội vụ", "tcvn3")
    assert baocao.fix_text(legacy + " (ISO 9001, e-Office)") == (
        "báo cáo kết quả thực hiện nhiệm vụ năm 2024 của sở nội vụ (ISO 9001, e-Office)"
    )


DETACHED = [
    ("Viê ̣ t Nam", "Việt Nam"),
    ("Vie ̣ t Nam", "Viẹt Nam"),  # the mark joins its word, even when the letter was lost
    ("bi ̣ ho ̣ c", "bị học"),
    ("Hà Nô ̣ i", "Hà Nội"),
    ("Sơ ̉ Nội vụ", "Sở Nội vụ"),
    ("mô ̣t", "một"),
    ("the cafe ́ is", "the café is"),
    ("a ́", "á"),
    (" ́ alone", " ́ alone"),  # no letter before it: nothing to join
    ("1 ́", "1 ́"),
]


@pytest.mark.parametrize(("broken", "fixed"), DETACHED)
def test_detached_marks(broken: str, fixed: str) -> None:
    assert baocao.fix_text(broken) == unicodedata.normalize("NFC", fixed)
    assert join_marks(broken) == unicodedata.normalize("NFC", fixed)


_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"


def _detach(word: str) -> str:
    """``word`` with its tone mark alone between spaces, as a PDF's text layer gives it."""
    parts = unicodedata.normalize("NFD", word)
    at = next(i for i, c in enumerate(parts) if c in _TONE_MARKS)
    rest = unicodedata.normalize("NFC", parts[at + 1 :])
    return unicodedata.normalize("NFC", parts[:at]) + " " + parts[at] + (" " + rest if rest else "")


_MARKED = [
    w
    for w in WORDS
    if len(w) > 1 and any(c in _TONE_MARKS for c in unicodedata.normalize("NFD", w))
]


@settings(max_examples=100, deadline=None)
@given(
    before=_text(0, 5),
    word=st.sampled_from(_MARKED),
    after=st.lists(st.sampled_from([w for w in WORDS if len(w) > 1]), max_size=5),
)
def test_detached_marks_join_their_word(before: str, word: str, after: list[str]) -> None:
    words = [before, word, *after] if before else [word, *after]
    broken = [before, _detach(word), *after] if before else [_detach(word), *after]
    assert baocao.fix_text(" ".join(broken)) == " ".join(words)


def test_detached_marks_kept_when_asked() -> None:
    assert baocao.fix_text("Viê ̣ t", marks="keep") == "Viê ̣ t"


TONES = [
    # old, new
    ("hoà", "hòa"),
    ("HOÀ", "HÒA"),
    ("Hoà", "Hòa"),
    ("khoẻ", "khỏe"),
    ("uỷ", "ủy"),
    ("Uỷ ban", "Ủy ban"),
    ("thuỷ lợi", "thủy lợi"),
    ("hoá", "hóa"),
    ("toạ đàm", "tọa đàm"),
    ("loè", "lòe"),
    ("tuỳ", "tùy"),
    ("luỹ", "lũy"),
    ("Thuý", "Thúy"),
]

UNMOVED = ["hoàn thành", "quý", "quả", "quỳ", "khuyết", "toán", "hoài", "khuỷu", "Việt", "qua", ""]


@pytest.mark.parametrize(("old", "new"), TONES)
def test_tone_placement(old: str, new: str) -> None:
    assert baocao.fix_text(old, tones="new") == new
    assert baocao.fix_text(new, tones="old") == old
    assert baocao.fix_text(old, tones="old") == old
    assert baocao.fix_text(new, tones="new") == new
    assert baocao.fix_text(old) == old  # "keep"
    assert baocao.fix_text(new) == new


@pytest.mark.parametrize("text", UNMOVED)
def test_tones_that_have_one_place(text: str) -> None:
    assert place_tones(text, "new") == text
    assert place_tones(text, "old") == text


def test_every_word_of_the_report_is_a_syllable() -> None:
    words = [w for w in WORDS if not w.isascii() or w.islower()]
    assert [w for w in words if not is_syllable(w) and w not in ("QĐ", "NĐ", "b", "c", "d")] == []


@pytest.mark.parametrize("word", ["Néi", "ViÖt", "hoµ", "cafộ", "xyz", "ng", "tháng3", "aaa"])
def test_garbled_words_are_not_syllables(word: str) -> None:
    assert not is_syllable(word)


ERRORS = [
    ({"encoding": "latin-1"}, "encoding: 'latin-1' is not one of auto, unicode, tcvn3"),
    ({"tones": "north"}, "tones: 'north' is not one of keep, old, new"),
    ({"marks": True}, "marks: True is not one of join, keep"),
    ({"encoding": "vni", "font": ".VnTime"}, "font: '.VnTime' is a tcvn3 font, but encoding='vni'"),
    ({"font": 12}, "font: 12 is not a font name"),
]


@pytest.mark.parametrize(("options", "message"), ERRORS)
def test_impossible_requests(options: dict[str, object], message: str) -> None:
    with pytest.raises(baocao.ValidationError, match=re.escape(message)) as info:
        baocao.fix_text("hoµ", **options)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)


def test_unicode_text_said_to_be_legacy_is_refused() -> None:
    with pytest.raises(baocao.ValidationError, match=r"text: .* holds 'ộ' \(U\+1ED9\)"):
        baocao.fix_text("Cộng hòa", encoding="tcvn3")


def test_text_that_is_not_a_str() -> None:
    with pytest.raises(baocao.InvalidTypeError, match="text: b'x' is not a text"):
        baocao.fix_text(b"x")  # type: ignore[arg-type]


def test_line_ends_and_other_text_are_kept() -> None:
    assert baocao.fix_text("Hà Nội\r\nSở Nội vụ\t1.234") == "Hà Nội\r\nSở Nội vụ\t1.234"
    assert baocao.fix_text("") == ""


def test_published_as_baocao_fix_text() -> None:
    assert baocao.fix_text.__module__ == "baocao"
    assert "fix_text" in baocao.__all__
