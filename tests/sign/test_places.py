"""Where the signatures go, from the lines of a printed page (no LibreOffice needed: the
pages are tables of the lines LibreOffice printed, as pdfminer.six read them)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao import SigningError
from baocao._sign._places import (
    LINE_FACTOR,
    PT_PER_MM,
    Box,
    Page,
    TextLine,
    blank_boxes,
    find_block,
    person_box,
    seal_box,
    separate_box,
)

A4 = (595.3, 841.9)


def _line(text: str, x0: float, y0: float, x1: float, size: float = 14.0) -> TextLine:
    return TextLine(text, Box(x0, y0, x1, y0 + size))


def _page(*lines: TextLine, index: int = 0) -> Page:
    return Page(index, *A4, lines)


def _block(lines: list[str], name: str, other: str | None = None) -> dict[str, Any]:
    return {"lines": lines, "name": name, "other_title": other, "gap": {"lines": 4}}


# The last page of 2710/BC-SNV as LibreOffice printed it (measured): the body's last line,
# Nơi nhận, the title and the name 5 lines of 16.1 pt below it.
EXAMPLE = _page(
    _line("2020./.", 85.2, 532.09, 124.09),
    _line("Nơi nhận:", 85.2, 490.99, 136.56, 12),
    _line("GIÁM ĐỐC", 363.7, 489.09, 437.89),
    _line("Trương Văn Lắm", 347.7, 408.59, 454.0),
    index=6,
)

CASES = [
    # (what, pages, block, page found, title line, line after the gap)
    (
        "one signer",
        [EXAMPLE],
        _block(["GIÁM ĐỐC"], "Trương Văn Lắm"),
        6,
        "GIÁM ĐỐC",
        "Trương Văn Lắm",
    ),
    (
        "the other title after the gap",
        [
            _page(
                _line("GIÁM ĐỐC", 398.8, 513.69, 472.99),
                _line("TRƯỞNG BAN CHỈ ĐẠO", 355.9, 433.19, 515.88),
                _line("Nguyễn Văn A", 392.0, 417.09, 479.85),
            )
        ],
        _block(["GIÁM ĐỐC"], "Nguyễn Văn A", "TRƯỞNG BAN CHỈ ĐẠO"),
        0,
        "GIÁM ĐỐC",
        "TRƯỞNG BAN CHỈ ĐẠO",
    ),
    (
        "a title the column wrapped: its last printed line",
        [
            _page(
                _line("TM. ỦY BAN NHÂN DÂN", 340.0, 529.79, 462.0),
                _line("THÀNH PHỐ HỒ CHÍ MINH", 330.0, 513.69, 472.0),
                _line("CHỦ TỊCH", 370.0, 497.59, 432.0),
                _line("Nguyễn Văn A", 360.0, 417.09, 442.0),
            )
        ],
        _block(["TM. ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "CHỦ TỊCH"], "Nguyễn Văn A"),
        0,
        "CHỦ TỊCH",
        "Nguyễn Văn A",
    ),
    (
        "the last title line wrapped by the column",
        [
            _page(
                _line("GIÁM ĐỐC SỞ TÀI NGUYÊN", 330.0, 513.69, 472.0),
                _line("VÀ MÔI TRƯỜNG", 352.0, 497.59, 450.0),
                _line("Nguyễn Văn A", 360.0, 417.09, 442.0),
            )
        ],
        _block(["GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"], "Nguyễn Văn A"),
        0,
        "VÀ MÔI TRƯỜNG",
        "Nguyễn Văn A",
    ),
    (
        "the same name in the body (not 5 lines under a title) is passed over",
        [
            _page(
                _line("GIÁM ĐỐC", 363.7, 600.0, 437.89),
                _line("Trương Văn Lắm", 347.7, 580.0, 454.0),
            ),
            EXAMPLE,
        ],
        _block(["GIÁM ĐỐC"], "Trương Văn Lắm"),
        6,
        "GIÁM ĐỐC",
        "Trương Văn Lắm",
    ),
    (
        "13 pt profile: 5 lines of 14.95 pt",
        [
            _page(
                _line("GIÁM ĐỐC", 363.7, 489.09, 430.0, 13),
                _line("Trương Văn Lắm", 350.0, 489.09 - 5 * LINE_FACTOR * 13, 443.6, 13),
            )
        ],
        _block(["GIÁM ĐỐC"], "Trương Văn Lắm"),
        0,
        "GIÁM ĐỐC",
        "Trương Văn Lắm",
    ),
]


@pytest.mark.parametrize(
    ("what", "pages", "block", "page", "title", "below"), CASES, ids=[c[0] for c in CASES]
)
def test_the_block_is_found_by_its_strings_and_layout(
    what: str, pages: list[Page], block: dict[str, Any], page: int, title: str, below: str
) -> None:
    found = find_block(pages, block)
    assert (found.page, found.title.text, found.below.text) == (page, title, below)


NOT_FOUND = [
    ("another name", _block(["GIÁM ĐỐC"], "Nguyễn Văn B")),
    ("another title", _block(["CHỦ TỊCH"], "Trương Văn Lắm")),
    ("a title's end without its beginning above", _block(["PHÓ GIÁM ĐỐC"], "Trương Văn Lắm")),
    ("another gap", {**_block(["GIÁM ĐỐC"], "Trương Văn Lắm"), "gap": {"lines": 3}}),
    ("an other title that is not printed", _block(["GIÁM ĐỐC"], "Trương Văn Lắm", "TRƯỞNG BAN")),
]


@pytest.mark.parametrize(("what", "block"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_a_block_without_the_layout_is_an_error_not_a_guess(
    what: str, block: dict[str, Any]
) -> None:
    with pytest.raises(SigningError, match="is not in the PDF with the layout baocao gives it"):
        find_block([EXAMPLE], block)


def test_the_persons_field_fills_the_gap_centred_and_the_seal_covers_its_left_third() -> None:
    found = find_block([EXAMPLE], _block(["GIÁM ĐỐC"], "Trương Văn Lắm"))
    person = person_box(found)
    assert person.y1 == found.title.box.y0  # from under the title …
    assert person.y0 == found.below.box.y1  # … to over the name
    assert person.height / PT_PER_MM == pytest.approx(23.5, abs=0.1)
    assert person.centre_x == pytest.approx(found.title.box.centre_x)
    assert person.width >= 2 * person.height
    seal = seal_box(person, 36)
    assert seal.width == pytest.approx(36 * PT_PER_MM)
    assert seal.height == pytest.approx(36 * PT_PER_MM)
    assert seal.x1 == pytest.approx(person.x0 + person.width / 3)
    assert seal.centre_y == pytest.approx(person.centre_y)


def test_the_separate_files_field_is_top_right_of_page_1() -> None:
    box = separate_box(_page(), right_mm=15, width_mm=70, height_mm=13)
    assert box.x1 == pytest.approx(A4[0] - 15 * PT_PER_MM)
    assert box.width == pytest.approx(70 * PT_PER_MM)
    assert A4[1] - box.y1 == pytest.approx(4 * PT_PER_MM)
    assert box.y0 > A4[1] - 20 * PT_PER_MM  # inside the smallest top margin


def _chars(text: str, x0: float, width: float = 5.0) -> tuple[tuple[str, float, float], ...]:
    return tuple((c, x0 + i * width, x0 + (i + 1) * width) for i, c in enumerate(text))


def test_the_blanks_of_number_and_date_become_boxes() -> None:
    number = "Số: " + "\u00a0" * 6 + "/TTr-STC"
    date = "Lâm Đồng, ngày " + "\u00a0" * 6 + " tháng " + "\u00a0" * 6 + " năm 2026"
    page = _page(
        TextLine(number, Box(130, 692, 230, 706), _chars(number, 130)),
        TextLine(date, Box(290, 692, 530, 706), _chars(date, 290)),
    )
    boxes = blank_boxes(page, number, date, year_blank=False)
    assert sorted(boxes) == ["day", "month", "number"]
    assert (boxes["number"].x0, boxes["number"].x1) == (150, 180)  # chars 4-9
    assert (boxes["day"].x0, boxes["day"].x1) == (290 + 15 * 5, 290 + 21 * 5)
    with pytest.raises(SigningError, match="not on page 1"):
        blank_boxes(page, "Số: /BC-SNV", "", year_blank=False)


def test_pages_are_read_only_as_far_as_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from baocao._sign import _places

    made: list[int] = []

    def generate(pdf: bytes) -> Any:
        for index in range(5):
            made.append(index)
            yield _page(index=index)

    monkeypatch.setattr(_places, "_generate", generate)
    pages = _places.read_pages(b"%PDF-")
    assert pages[1].index == 1
    assert made == [0, 1]  # the pages after the one asked for are not read
    assert [p.index for p in pages] == [0, 1, 2, 3, 4]
    assert len(pages) == 5
    assert pages[-1].index == 4


@given(
    size=st.sampled_from([13.0, 14.0]),
    centre=st.floats(min_value=150, max_value=450),
    title_y=st.floats(min_value=200, max_value=750),
    other=st.booleans(),
    width=st.floats(min_value=40, max_value=200),
)
def test_a_block_anywhere_is_found_where_it_is(
    size: float, centre: float, title_y: float, other: bool, width: float
) -> None:
    step = LINE_FACTOR * size
    lines = [_line("GIÁM ĐỐC", centre - width / 2, title_y, centre + width / 2, size)]
    below_y = title_y - 5 * step
    if other:
        lines.append(_line("TRƯỞNG BAN", centre - 40, below_y, centre + 40, size))
    name_y = below_y - (step if other else 0)
    lines.append(_line("Nguyễn Văn A", centre - 45, name_y, centre + 45, size))
    block = _block(["GIÁM ĐỐC"], "Nguyễn Văn A", "TRƯỞNG BAN" if other else None)
    found = find_block([_page(*lines)], block)
    box = person_box(found)
    assert box.y1 == pytest.approx(title_y)
    assert box.y0 == pytest.approx(below_y + size)
    assert box.centre_x == pytest.approx(centre)
    assert box.width >= max(width, 2 * box.height) - 1e-9
