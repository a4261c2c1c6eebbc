"""The rules added by issue 9 §4: one broken document per rule, and exactly that rule fires.

The base and the XML editing helpers are those of ``test_check_rules``; the cases are here
so that the two files can change independently.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

import baocao
from baocao import Issuer, Signatory, ValidationError
from baocao._check import check
from baocao._check._rules import RULES
from baocao._check._units import abolished_in, abolished_place

from ..conftest import make_report
from .test_check_rules import Parts, mutate, para, set_rpr, set_text


def _section_regular(x: Parts) -> None:
    set_rpr(para(x.document, "II. TỒN TẠI"), "b", val="0")


def _no_as_above(x: Parts) -> None:
    p = para(x.document, "- Như trên;")
    p.getparent().remove(p)


def _deputy_alone(x: Parts) -> None:
    p = para(x.document, "KT. GIÁM ĐỐC")
    p.getparent().remove(p)


def _kt_without_own_title(x: Parts) -> None:
    p = para(x.document, "PHÓ GIÁM ĐỐC")
    p.getparent().remove(p)


def _section_hyphen(x: Parts) -> None:  # issue 12: two schemes at one level
    set_text(para(x.document, "II. TỒN TẠI"), "II- TỒN TẠI")


def _district_parent(x: Parts) -> None:
    set_text(para(x.document, "ỦY BAN NHÂN DÂN TỈNH"), "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH")


NEW_CASES: list[tuple[str, Callable[[Parts], None]]] = [
    ("unit.abolished", _district_parent),
    ("heading.bold", _section_regular),
    ("recipients.as-above", _no_as_above),
    ("signature.deputy", _deputy_alone),
    ("signature.own-title", _kt_without_own_title),
    ("numbering.scheme", _section_hyphen),
]


def test_the_new_rules_are_in_the_table() -> None:
    ids = [rule.id for rule in RULES]
    assert all(rule in ids for rule, _ in NEW_CASES)


@pytest.mark.parametrize(("rule", "edit"), NEW_CASES, ids=[rule for rule, _ in NEW_CASES])
def test_exactly_the_new_rule_fires(base: bytes, rule: str, edit: Callable[[Parts], None]) -> None:
    findings = check(mutate(base, edit))
    assert findings, f"{rule} did not fire"
    assert {f.rule for f in findings} == {rule}, "\n".join(str(f) for f in findings)
    expected = next(r for r in RULES if r.id == rule)
    for finding in findings:
        assert (finding.clause, finding.severity) == (expected.clause, expected.severity)
        assert finding.where
        assert finding.found
        assert finding.expected


@pytest.fixture(scope="module")
def base() -> bytes:
    from .test_check_rules import base_report

    return baocao.render(base_report())


def test_our_own_output_stays_clean(base: bytes, example_docx: bytes) -> None:
    assert check(base) == []
    assert check(example_docx) == []


# --------------------------------------------------------------------------- abolished units


def _render(
    place: str = "Hà Nội",
    parent: str | None = None,
    date: datetime.date = datetime.date(2026, 3, 5),
) -> bytes:
    issuer = Issuer(name="Sở Nội vụ", abbreviation="SNV", parent=parent)
    return baocao.render(make_report(issuer=issuer, place=place, date=date))


@pytest.mark.parametrize(
    ("text", "name", "current"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "Tỉnh Hà Giang", "Tỉnh Tuyên Quang"),
        ("UBND tỉnh Bình Dương", "Tỉnh Bình Dương", "Thành phố Hồ Chí Minh"),
        ("UBND HUYỆN ĐÔNG ANH", "Huyện Đông Anh", "Thành phố Hà Nội"),
        ("Ủy ban nhân dân quận Ba Đình", "Quận Ba Đình", "Thành phố Hà Nội"),
        ("UBND THỊ XÃ SƠN TÂY", "Thị xã Sơn Tây", "Thành phố Hà Nội"),
        ("UBND THÀNH PHỐ HẠ LONG", "Thành phố Hạ Long", "Tỉnh Quảng Ninh"),
        ("UBND THỊ TRẤN ĐÔNG ANH", "Thị trấn Đông Anh", "Thành phố Hà Nội"),
        ("UBND HUYỆN CHÂU THÀNH", "Huyện Châu Thành", ""),  # in several provinces
    ],
)
def test_abolished_units_are_named_with_todays_unit(text: str, name: str, current: str) -> None:
    [unit] = abolished_in(text)
    assert (unit.name, unit.current) == (name, current)


@pytest.mark.parametrize(
    "text",
    [
        "Ủy ban nhân dân tỉnh Quảng Ninh",
        "UBND THÀNH PHỐ HÀ NỘI",
        "UBND TP. HUẾ",
        "SỞ NỘI VỤ",
        "Ban chỉ đạo cấp huyện",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
    ],
)
def test_units_that_exist_are_not_reported(text: str) -> None:
    assert abolished_in(text) == []


@pytest.mark.parametrize(
    ("place", "found"),
    [
        ("Hà Giang", ["Tỉnh Hà Giang"]),
        ("Hà Nội", []),
        ("Đông Anh", []),  # also a commune today (Xã Đông Anh): a commune's place name
        ("Thành phố Hạ Long", ["Thành phố Hạ Long"]),
    ],
)
def test_place_names(place: str, found: list[str]) -> None:
    assert [unit.name for unit in abolished_place(place)] == found


def test_a_merged_province_as_place_is_a_warning() -> None:
    findings = check(_render(place="Hà Giang"))
    assert [(f.rule, f.severity) for f in findings] == [("unit.abolished", "warning")]
    assert "Tỉnh Hà Giang" in findings[0].found
    assert "Tỉnh Tuyên Quang" in findings[0].expected


def test_a_district_parent_is_a_warning() -> None:
    findings = check(_render(parent="Ủy ban nhân dân huyện Đông Anh"))
    assert [f.rule for f in findings] == ["unit.abolished"]
    assert "Huyện Đông Anh" in findings[0].found
    assert "Thành phố Hà Nội" in findings[0].expected


def test_before_1_july_2025_the_old_units_are_right() -> None:
    assert (
        check(
            _render(
                place="Hà Giang",
                parent="Ủy ban nhân dân huyện Đông Anh",
                date=datetime.date(2025, 6, 30),
            )
        )
        == []
    )


# --------------------------------------------------------------------------- the model


def test_the_model_refuses_a_deputy_without_kt() -> None:
    with pytest.raises(ValidationError, match=r"^title: 'Phó Giám đốc' .*KT\."):
        Signatory(name="Nguyễn Văn C", title="Phó Giám đốc")


def test_a_deputy_with_kt_renders_clean() -> None:
    signatory = Signatory(
        name="Nguyễn Văn C", title="Phó Giám đốc", authority="KT.", acting_for="Giám đốc"
    )
    assert check(baocao.render(make_report(signatory=signatory))) == []
