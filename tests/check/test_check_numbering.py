"""``check`` reads every numbering scheme baocao writes (issue 12): a report numbered in any
scheme renders clean, and one broken label in it is found by exactly its rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import baocao
from baocao import Dash, Item, Numbering, Part, Point, Section
from baocao._check import check
from baocao._check._rules_numbering import read_label
from baocao._nd30 import DECIMAL_STYLE, LABEL_STYLES, PART_STYLES, numbering_label, style_limit

from ..conftest import make_report
from ..strategies import _section, blocks, numberings, simple_texts
from .test_check_rules import Parts, mutate, para, set_text


def _tree() -> list[Section]:
    return [
        Section(
            title="Kết quả đạt được",
            body=["Trong quý, các nhiệm vụ được triển khai đồng bộ."],
            items=[
                Item(
                    title="Kinh tế",
                    points=[
                        Point(
                            text="Nông nghiệp phát triển ổn định.",
                            points=[Point("Trồng trọt đạt kế hoạch."), Point("Chăn nuôi tăng.")],
                        ),
                        Point("Thương mại, dịch vụ tăng trưởng khá."),
                    ],
                ),
                Item(title="Văn hóa - xã hội", body=["Các hoạt động diễn ra sôi nổi."]),
                Item(text="Quốc phòng, an ninh được giữ vững."),
            ],
            closing=["Nhìn chung các chỉ tiêu đều đạt."],
        ),
        Section(title="Tồn tại, hạn chế", body=["Còn một số hạn chế."], numbered=False),
        Section(
            title="Nhiệm vụ quý II",
            items=[
                Item(text="Tiếp tục chỉ đạo sản xuất."),
                Item(
                    text="Tăng cường quản lý đất đai.",
                    body=[Dash("Rà soát hồ sơ đất đai", plus=["Đất nông nghiệp", "Đất ở"])],
                ),
            ],
        ),
    ]


def _no_subpoints(sections: list[Section]) -> list[Section]:
    """The tree without the level below points (for schemes that do not number it)."""
    import attrs

    return [
        attrs.evolve(
            s,
            items=[
                attrs.evolve(i, points=[attrs.evolve(p, points=()) for p in i.points])
                for i in s.items
            ],
        )
        for s in sections
    ]


def _flat(sections: list[Section]) -> list[Section]:
    """The tree without points (for the Arabic scheme: 1. / a) / -)."""
    import attrs

    return [attrs.evolve(s, items=[attrs.evolve(i, points=()) for i in s.items]) for s in sections]


def _parts(sections: list[Section]) -> list[Part]:
    return [
        Part(title="Tình hình thực hiện nhiệm vụ", sections=sections),
        Part(title="Phương hướng", body=["Tiếp tục thực hiện các nhiệm vụ."], numbered=False),
        Part(title="Kiến nghị, đề xuất", body=["Đề nghị cấp trên quan tâm hỗ trợ."]),
    ]


#: name → (numbering, with parts, the tree it numbers)
SCHEMES: dict[str, tuple[Numbering, bool, Callable[[list[Section]], list[Section]]]] = {
    "decree": (Numbering(), True, _no_subpoints),
    "decree, typed case": (Numbering(heading_case="as_typed"), False, _no_subpoints),
    "arabic": (Numbering(scheme="arabic"), False, _flat),
    "arabic under Phần": (Numbering(scheme="arabic", part="PHẦN I"), True, _flat),
    "decimal": (Numbering(scheme="decimal"), False, lambda s: s),
    "decimal under Phần thứ": (
        Numbering(scheme="decimal", part="Phần thứ nhất"),
        True,
        lambda s: s,
    ),
    "PHẦN THỨ, dash": (
        Numbering(part="PHẦN THỨ NHẤT", part_title="dash"),
        True,
        _no_subpoints,
    ),
    "Phần A, A-": (Numbering(part="Phần A", section="A-", item="1-"), True, _no_subpoints),
    "I-, 1)": (Numbering(section="I-", item="1)"), False, _no_subpoints),
    "A.": (Numbering(section="A."), False, _no_subpoints),
}


@pytest.mark.parametrize("name", list(SCHEMES))
def test_items_restart_under_a_heading_without_a_number(name: str) -> None:
    numbering, _with_parts, _shape = SCHEMES[name]
    sections = [
        Section(title="Kết quả", items=["Một.", "Hai."]),
        Section(title="Tồn tại", body=["Còn hạn chế."], items=["Một.", "Hai."], numbered=False),
        Section(
            title="Nhiệm vụ", items=[Item(title="Sản xuất"), Item(title="Khác", numbered=False)]
        ),
    ]
    if numbering.styles[1] == DECIMAL_STYLE:  # decimal items need their section's number
        sections[1] = Section(title="Tồn tại", body=["Còn hạn chế."], numbered=False)
    data = baocao.render(make_report(sections=sections, numbering=numbering))
    assert check(data) == []


def test_points_under_an_unnumbered_item_leave_the_items_their_restart() -> None:
    """Found by the rich-report property: under a section without a number, an item
    without a number holds lettered points, then the first numbered item is "1." again:
    its points must not use up the items' chance to restart."""
    sections = [
        Section(title="Kết quả", items=[Item(title="Kinh tế")]),
        Section(
            title="Khác",
            numbered=False,
            items=[
                Item(title="Chung", points=["Một.", "Hai."], numbered=False),
                Item(text="Việc còn lại."),
            ],
        ),
    ]
    data = baocao.render(make_report(sections=sections))
    assert check(data) == []
    words = [
        "".join(map(str, b.get("heading", "")))
        for b in baocao.context(make_report(sections=sections))["body"]
    ]
    assert "1. Việc còn lại./." in words


def _render(name: str) -> bytes:
    numbering, with_parts, shape = SCHEMES[name]
    sections = shape(_tree())
    if with_parts:
        return baocao.render(make_report(sections=(), parts=_parts(sections), numbering=numbering))
    return baocao.render(make_report(sections=sections, numbering=numbering))


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {name: _render(name) for name in SCHEMES}


@pytest.mark.parametrize("name", list(SCHEMES))
def test_each_scheme_renders_clean(rendered: dict[str, bytes], name: str) -> None:
    findings = check(rendered[name])
    assert findings == [], "\n".join(str(f) for f in findings)


def _retype(start: str, new: str, nth: int = 0) -> Callable[[Parts], None]:
    def edit(x: Parts) -> None:
        p = para(x.document, start, nth)
        text = "".join(t.text or "" for t in p.iter("{*}t"))
        set_text(p, new + text[len(start) :])

    return edit


#: (scheme, edit, the one rule that fires): gaps, repeats and mixed schemes at one level
BROKEN: list[tuple[str, str, Callable[[Parts], None], str]] = [
    ("decimal gap", "decimal", _retype("1.2. ", "1.3. "), "numbering.nested"),
    ("decimal repeat", "decimal", _retype("1.1.2. ", "1.1.1. "), "numbering.nested"),
    ("decimal under another parent", "decimal", _retype("2.1. ", "1.3. "), "numbering.nested"),
    ("arabic gap", "arabic", _retype("2. ", "3. "), "numbering.items"),
    ("arabic letters", "arabic", _retype("b) ", "c) "), "numbering.points"),
    (
        "Phần thứ gap",
        "PHẦN THỨ, dash",
        _retype("PHẦN THỨ HAI", "PHẦN THỨ BA"),
        "numbering.sections",
    ),
    ("Phần in two forms", "decree", _retype("Phần II", "Phần thứ hai"), "numbering.scheme"),
    ("Phần A gap", "Phần A, A-", _retype("Phần B", "Phần C"), "numbering.sections"),
    ("letters then Roman", "Phần A, A-", _retype("B- ", "II- "), "numbering.scheme"),
    ("letters closed two ways", "Phần A, A-", _retype("B- ", "B. "), "numbering.scheme"),
    ("hyphen then dot", "I-, 1)", _retype("II- ", "II. "), "numbering.scheme"),
    ("items closed two ways", "I-, 1)", _retype("2) ", "2. "), "numbering.scheme"),
    ("Roman then a letter", "decree, typed case", _retype("II. ", "B. "), "numbering.scheme"),
    ("letter gap", "A.", _retype("B. ", "C. "), "numbering.sections"),
]


@pytest.mark.parametrize(
    ("scheme", "edit", "rule"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_a_broken_label_is_found_by_its_rule(
    rendered: dict[str, bytes], scheme: str, edit: Callable[[Parts], None], rule: str
) -> None:
    findings = check(mutate(rendered[scheme], edit))
    assert {f.rule for f in findings} == {rule}, "\n".join(str(f) for f in findings)
    assert all(f.where and f.found and f.expected for f in findings)


@pytest.mark.parametrize(
    ("text", "rank", "token", "value"),
    [
        ("Phần I", "part", "I", None),
        ("PHẦN THỨ HAI - TÌNH HÌNH", "part", "hai", 2),
        ("Phần thứ mười một", "part", "mười một", 11),
        ("Phần A", "part", "A", None),
        ("Phần mềm quản lý", None, None, None),
        ("PHẦN MỞ ĐẦU", None, None, None),
        ("II. KẾT QUẢ", "upper", "II", None),
        ("B- NHIỆM VỤ", "upper", "B", None),
        ("IIII. Sai", None, None, None),
        ("12. Kết quả", "arabic", "12", 12),
        ("3) Kết quả", "arabic", "3", 3),
        ("1.2.3. Kết quả", "decimal", "1.2.3", None),
        ("đ) Điểm", "point", "đ", None),
        ("- Dòng", None, None, None),
    ],
)
def test_labels_are_read_with_their_rank(
    text: str, rank: str | None, token: str | None, value: Any
) -> None:
    label = read_label(text)
    if rank is None:
        assert label is None
    else:
        assert label is not None
        assert (label.rank, label.token, label.value) == (rank, token, value)


@pytest.mark.parametrize("name", ["decimal-numbering.yaml", "arabic-numbering.yaml"])
def test_the_numbering_examples_render_clean(name: str) -> None:
    from ..conftest import ROOT

    data = baocao.render(baocao.load(ROOT / "examples" / name))
    assert check(data) == []


@st.composite
def numbered_reports(draw: st.DrawFn) -> baocao.Report:
    """The smallest report around a body drawn in any numbering scheme (the fields around
    the body are fixed: their rules are tested with 0.1's reports)."""
    numbering = draw(numberings())
    section = _section(simple_texts, True, numbering)
    if draw(st.booleans()):
        parts = []
        for _ in range(draw(st.integers(1, 3))):
            body = draw(blocks(simple_texts, True, plus=True))
            sections = draw(st.lists(section, min_size=0 if body else 1, max_size=3))
            numbered = draw(st.integers(0, 4)) > 0
            title = draw(simple_texts().filter(str.strip))
            parts.append(Part(title=title, body=body, sections=sections, numbered=numbered))
        return make_report(sections=(), parts=parts, numbering=numbering)
    return make_report(
        sections=draw(st.lists(section, min_size=1, max_size=3)), numbering=numbering
    )


@settings(
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking, as for 0.1's reports
)
@given(numbered_reports())
def test_every_scheme_renders_with_no_finding(report: baocao.Report) -> None:
    """check(render(r)) == [] for a body in any numbering scheme: the decree's, arabic,
    decimal, Phần in words or letters, hyphens, unnumbered headings, "+" lines."""
    findings = check(baocao.render(report))
    assert findings == [], "\n".join(str(f) for f in findings)


@pytest.mark.parametrize("style", [*PART_STYLES, *LABEL_STYLES])
def test_the_checker_reads_every_label_the_renderer_writes(style: str) -> None:
    """Each label of ``_nd30.numbering_label`` is read back with its rank and number."""
    ranks = {"I": "upper", "A": "upper", "1": "arabic", "a": "point"}
    for number in range(1, min(style_limit(style), 40) + 1):
        numbers = (3, number) if style == DECIMAL_STYLE else (number,)
        label = numbering_label(style, numbers)
        read = read_label(f"{label} Kết quả")
        assert read is not None, label
        if style.startswith(("Phần", "PHẦN")):
            assert read.rank == "part"
            if "thứ" in style.casefold():
                assert read.value == number
        elif style == DECIMAL_STYLE:
            assert (read.rank, read.token) == ("decimal", f"3.{number}")
        else:
            assert read.rank == ranks[style[0]], label
            if read.rank == "arabic":
                assert read.value == number
