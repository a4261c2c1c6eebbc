"""Issue 12's fields of the model: drafts and their blank dates, the subtitle, the marks of
ô 10–11, the "Lưu" line's forms, and each appendix's orientation, number, reference and
units; loaded from YAML, refused with the field's path when they make no sense."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import baocao
from baocao import _model as m

from ..conftest import minimal_data


def _load(**changes: Any) -> baocao.Report:
    return baocao.load(minimal_data(**changes))


def test_defaults_are_as_0_1() -> None:
    report = _load()
    assert (report.draft, report.year, report.subtitle) == (False, None, None)
    assert (report.confidentiality, report.urgency, report.circulation) == (None, None, None)
    assert report.appendix_numbering is m.AppendixNumbering.ROMAN
    assert report.filing.more_units == ()
    assert report.filing.copies_form is m.CopiesForm.NUMBER


def test_a_draft_loads_with_a_year_or_no_date() -> None:
    data = minimal_data(draft=True, year=2026)
    del data["date"]
    report = baocao.load(data)
    assert (report.date, report.year, report.draft) == (None, 2026, True)
    del data["year"]
    assert baocao.load(data).date is None


def test_marks_load_in_any_case() -> None:
    report = _load(
        confidentiality="tối mật",
        urgency="Hỏa tốc",
        circulation="Trả lại sau khi họp",
        subtitle="(Tài liệu phục vụ Hội nghị)",
    )
    assert report.confidentiality is m.Confidentiality.TOP_SECRET
    assert report.urgency is m.Urgency.EXPRESS
    assert report.circulation == "Trả lại sau khi họp"


def test_appendix_fields_load() -> None:
    appendix = {
        "title": "Số liệu",
        "body": ["x"],
        "orientation": "landscape",
        "numbering": "number",
        "reference": "Ban hành kèm theo Quyết định số 12/QĐ-UBND",
        "units": "triệu đồng",
    }
    (loaded,) = _load(appendices=[appendix]).appendices
    assert loaded.orientation is m.Orientation.LANDSCAPE
    assert loaded.numbering is m.AppendixNumbering.NUMBER
    assert loaded.units == "triệu đồng"


def _without_date(**changes: Any) -> dict[str, Any]:
    data = minimal_data(**changes)
    del data["date"]
    return data


REFUSED: list[tuple[str, dict[str, Any], str, str]] = [
    ("no date, no draft", _without_date(), "date", "only a draft"),
    ("year beside a date", minimal_data(draft=True, year=2026), "year", "beside a full date"),
    ("year without draft", _without_date(year=2026), "year", "only a draft"),
    ("draft not a bool", minimal_data(draft="yes"), "draft", "true or false"),
    ("year out of bounds", _without_date(draft=True, year=20260), "year", ""),
    ("bad urgency", minimal_data(urgency="GẤP"), "urgency", "KHẨN"),
    ("bad confidentiality", minimal_data(confidentiality="BÍ MẬT"), "confidentiality", "MẬT"),
    ("bad circulation", minimal_data(circulation="ĐỌC XONG XÉ"), "circulation", "XEM XONG"),
    ("bare return note", minimal_data(circulation="TRẢ LẠI SAU KHI"), "circulation", "occasion"),
    (
        "bad orientation",
        minimal_data(appendices=[{"title": "A", "body": ["x"], "orientation": "sideways"}]),
        "appendices[0].orientation",
        "landscape",
    ),
    (
        "bad numbering",
        minimal_data(appendix_numbering="arabic"),
        "appendix_numbering",
        "'number'",
    ),
    (
        "more units without unit",
        minimal_data(filing={"more_units": ["TH"]}),
        "filing.more_units",
        "drafting unit",
    ),
    ("bad copies form", minimal_data(filing={"copies_form": "bản"}), "filing.copies_form", "'b'"),
    ("number without its line", minimal_data(number_and_date=False), "number", "number_and_date"),
    (
        "date without its line",
        minimal_data(number_and_date=False, number=None),
        "date",
        "number_and_date",
    ),
    (
        "place without its line",
        {**_without_date(number_and_date=False, number=None)},
        "place",
        "number_and_date",
    ),
    ("no place", {k: v for k, v in minimal_data().items() if k != "place"}, "place", "required"),
]


@pytest.mark.parametrize(
    ("data", "path", "words"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_nonsense_names_its_field(data: dict[str, Any], path: str, words: str) -> None:
    with pytest.raises((baocao.ValidationError, baocao.InvalidTypeError)) as info:
        baocao.load(data)
    assert info.value.path == path
    assert words in str(info.value)


@pytest.mark.parametrize(
    "data",
    [r[1] for r in REFUSED if r[0] != "year out of bounds"],
    ids=[r[0] for r in REFUSED if r[0] != "year out of bounds"],
)
def test_the_schema_refuses_them_too(data: dict[str, Any]) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(baocao.json_schema())
    assert not validator.is_valid(data)


def test_the_schema_accepts_a_marked_draft() -> None:
    import jsonschema

    data = _without_date(
        draft=True,
        year=2026,
        subtitle="(Tài liệu phục vụ Hội nghị)",
        confidentiality="MẬT",
        urgency="HỎA TỐC HẸN GIỜ",
        circulation="TRẢ LẠI SAU KHI HỌP (HỘI NGHỊ)",
        appendix_numbering="number",
        filing={"unit": "NC", "more_units": ["TH"], "copies": 2, "copies_form": "b"},
        appendices=[
            {
                "title": "A",
                "body": ["x"],
                "orientation": "landscape",
                "reference": "Ban hành kèm theo Báo cáo này",
                "units": "triệu đồng",
            }
        ],
    )
    validator = jsonschema.Draft202012Validator(baocao.json_schema())
    assert list(validator.iter_errors(data)) == []
    baocao.load(data)


def test_a_report_without_number_and_date() -> None:
    data = {
        k: v
        for k, v in minimal_data(number_and_date=False).items()
        if k not in ("number", "date", "place")
    }
    report = baocao.load(data)
    assert (report.number, report.date, report.place) == (None, None, None)


def test_a_python_date_still_works() -> None:
    report = baocao.load(minimal_data(date=datetime.date(2026, 3, 5)))
    assert report.date == datetime.date(2026, 3, 5)
