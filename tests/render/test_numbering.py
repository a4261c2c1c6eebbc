"""Numbering schemes (issue 12): each scheme's labels as data, the keys of the context, and
the trees a numbering refuses."""

from __future__ import annotations

from typing import Any

import pytest

import baocao
from baocao import Appendix, Dash, Item, Numbering, Part, Point, Section
from baocao._nd30 import LABEL_STYLES, PART_STYLES, numbering_label, style_limit

from ..conftest import EXAMPLE_YAML, make_report, minimal_data

# --------------------------------------------------------------------------- the formatter

LABELS: list[tuple[str, tuple[int, ...], str]] = [
    ("Phần I", (1,), "Phần I"),
    ("Phần I", (14,), "Phần XIV"),
    ("PHẦN I", (2,), "PHẦN II"),
    ("Phần thứ nhất", (1,), "Phần thứ nhất"),
    ("Phần thứ nhất", (4,), "Phần thứ tư"),
    ("Phần thứ nhất", (11,), "Phần thứ mười một"),
    ("Phần thứ nhất", (15,), "Phần thứ mười lăm"),
    ("PHẦN THỨ NHẤT", (2,), "PHẦN THỨ HAI"),
    ("PHẦN THỨ NHẤT", (20,), "PHẦN THỨ HAI MƯƠI"),
    ("Phần A", (5,), "Phần Đ"),
    ("PHẦN A", (6,), "PHẦN E"),
    ("I.", (4,), "IV."),
    ("I-", (9,), "IX-"),
    ("A.", (7,), "G."),
    ("A-", (23,), "Y-"),
    ("1.", (12,), "12."),
    ("1-", (3,), "3-"),
    ("1)", (3,), "3)"),
    ("a)", (5,), "đ)"),
    ("a)", (23,), "y)"),
    ("1.1.", (2, 3), "2.3."),
    ("1.1.", (1, 2, 3, 4), "1.2.3.4."),
]


@pytest.mark.parametrize(("style", "numbers", "label"), LABELS)
def test_labels(style: str, numbers: tuple[int, ...], label: str) -> None:
    assert numbering_label(style, numbers) == label


@pytest.mark.parametrize("style", [*PART_STYLES, *LABEL_STYLES])
def test_every_label_of_a_style_is_distinct(style: str) -> None:
    count = min(style_limit(style), 200)
    labels = [numbering_label(style, (n,)) for n in range(1, count + 1)]
    assert len(set(labels)) == count


# --------------------------------------------------------------------------- the schemes

TREE = [
    Section(
        title="Kết quả",
        items=[
            Item(
                title="Kinh tế",
                points=[Point("Nông nghiệp", points=["Trồng trọt", "Chăn nuôi"]), "Dịch vụ"],
            ),
            Item(text="Xã hội"),
        ],
    ),
    Section(title="Tồn tại", body=["x"], numbered=False),
    Section(title="Nhiệm vụ", items=[Item(title="Sản xuất", numbered=False), Item(text="Đất")]),
]


def _shallow(depth: int) -> list[Section]:
    """:data:`TREE` cut below ``depth`` levels (2: no points, 3: no sub-points)."""
    import attrs

    def point(p: Point) -> Point:
        return attrs.evolve(p, points=())

    def item(i: Item) -> Item:
        if depth >= 4:
            return i
        return attrs.evolve(i, points=() if depth < 3 else [point(p) for p in i.points])

    return [attrs.evolve(s, items=[item(i) for i in s.items]) for s in TREE]


SCHEMES: list[tuple[str, Numbering, int, list[str]]] = [
    (
        "decree",
        Numbering(),
        3,
        [
            "I. KẾT QUẢ",
            "1. Kinh tế",
            "a) Nông nghiệp",
            "b) Dịch vụ",
            "2. Xã hội",
            "TỒN TẠI",
            "II. NHIỆM VỤ",
            "Sản xuất",
            "1. Đất",
        ],
    ),
    (
        "arabic",
        Numbering(scheme="arabic"),
        2,
        ["1. KẾT QUẢ", "a) Kinh tế", "b) Xã hội", "TỒN TẠI", "2. NHIỆM VỤ", "Sản xuất", "a) Đất"],
    ),
    (
        "decimal",
        Numbering(scheme="decimal"),
        4,
        [
            "1. KẾT QUẢ",
            "1.1. Kinh tế",
            "1.1.1. Nông nghiệp",
            "1.1.1.1. Trồng trọt",
            "1.1.1.2. Chăn nuôi",
            "1.1.2. Dịch vụ",
            "1.2. Xã hội",
            "TỒN TẠI",
            "2. NHIỆM VỤ",
            "Sản xuất",
            "2.1. Đất",
        ],
    ),
    (
        "hyphens, typed case",
        Numbering(section="A-", item="1-", heading_case="as_typed"),
        3,
        [
            "A- Kết quả",
            "1- Kinh tế",
            "a) Nông nghiệp",
            "b) Dịch vụ",
            "2- Xã hội",
            "Tồn tại",
            "B- Nhiệm vụ",
            "Sản xuất",
            "1- Đất",
        ],
    ),
    (
        "decree with decimal points and lettered sub-points",
        Numbering(point="1.1.", subpoint="a)"),
        4,
        [
            "I. KẾT QUẢ",
            "1. Kinh tế",
            "1.1. Nông nghiệp",
            "a) Trồng trọt",
            "b) Chăn nuôi",
            "1.2. Dịch vụ",
            "2. Xã hội",
            "TỒN TẠI",
            "II. NHIỆM VỤ",
            "Sản xuất",
            "1. Đất",
        ],
    ),
]


def _headings(report: baocao.Report) -> list[str]:
    return [b["heading"] for b in baocao.context(report)["body"] if "heading" in b]


@pytest.mark.parametrize(
    ("numbering", "depth", "headings"),
    [case[1:] for case in SCHEMES],
    ids=[case[0] for case in SCHEMES],
)
def test_each_scheme_numbers_the_tree(
    numbering: Numbering, depth: int, headings: list[str]
) -> None:
    report = make_report(sections=_shallow(depth), numbering=numbering)
    assert [h.removesuffix("./.") for h in _headings(report)] == headings


PARTS: list[tuple[Numbering, list[tuple[str, str, str]]]] = [
    (
        Numbering(),
        [
            ("part", "Phần I", "Phần I\nTÌNH HÌNH"),
            ("part_heading", "", "CHUNG"),
            ("part", "Phần II", "Phần II\nKIẾN NGHỊ"),
        ],
    ),
    (
        Numbering(part="PHẦN THỨ NHẤT", part_title="dash"),
        [
            ("part_heading", "PHẦN THỨ NHẤT", "PHẦN THỨ NHẤT - TÌNH HÌNH"),
            ("part_heading", "", "CHUNG"),
            ("part_heading", "PHẦN THỨ HAI", "PHẦN THỨ HAI - KIẾN NGHỊ"),
        ],
    ),
    (
        Numbering(part="Phần A"),
        [
            ("part", "Phần A", "Phần A\nTÌNH HÌNH"),
            ("part_heading", "", "CHUNG"),
            ("part", "Phần B", "Phần B\nKIẾN NGHỊ"),
        ],
    ),
]


@pytest.mark.parametrize(("numbering", "parts"), PARTS)
def test_parts(numbering: Numbering, parts: list[tuple[str, str, str]]) -> None:
    report = make_report(
        sections=(),
        numbering=numbering,
        parts=[
            Part(title="Tình hình", body=["x"]),
            Part(title="Chung", body=["y"], numbered=False),
            Part(title="Kiến nghị", body=["z"]),
        ],
    )
    body = baocao.context(report)["body"]
    found = [(b["kind"], b["label"], b["heading"]) for b in body if b["kind"].startswith("part")]
    assert found == parts
    assert all(b["title"] == b["text"] for b in body if b["kind"].startswith("part"))


def test_arabic_items_directly_under_a_part() -> None:
    report = make_report(
        sections=(),
        numbering=Numbering(scheme="arabic"),
        parts=[Part(title="Tình hình", sections=[Section(title="Kinh tế", items=["Tăng"])])],
    )
    assert _headings(report) == ["Phần I\nTÌNH HÌNH", "1. KINH TẾ", "a) Tăng./."]
    assert baocao.context(report)["body"][0]["label"] == "Phần I"


@pytest.mark.parametrize(
    ("numbering", "headings"),
    [
        (Numbering(), ["1. Kinh tế", "a) Nông nghiệp", "Riêng du lịch giảm.", "b) Dịch vụ./."]),
        (
            Numbering(scheme="decimal"),
            ["1.1. Kinh tế", "1.1.1. Nông nghiệp", "Riêng du lịch giảm.", "1.1.2. Dịch vụ./."],
        ),
    ],
)
def test_a_point_without_a_letter(numbering: Numbering, headings: list[str]) -> None:
    """A point with ``numbered: false`` is its item's paragraph; its neighbours are
    lettered (or numbered) as if it were not there, and ``check`` finds no gap."""
    points: list[Point | str] = [
        "Nông nghiệp",
        Point("Riêng du lịch giảm.", numbered=False),
        "Dịch vụ",
    ]
    report = make_report(
        numbering=numbering,
        sections=[Section(title="Kết quả", items=[Item(title="Kinh tế", points=points)])],
    )
    assert _headings(report)[1:] == headings
    assert baocao.context(report)["body"][3]["label"] == ""
    assert baocao.check(baocao.render(report)) == []
    loaded = baocao.load(
        minimal_data(
            sections=[
                {
                    "title": "Kết quả",
                    "items": [
                        {
                            "title": "Kinh tế",
                            "points": [
                                "Nông nghiệp",
                                {"text": "Riêng du lịch giảm.", "numbered": False},
                                "Dịch vụ",
                            ],
                        }
                    ],
                }
            ]
        )
    )
    assert loaded.sections[0].items[0].points[1].numbered is False


def test_plus_lines_follow_their_dash_everywhere() -> None:
    dash = Dash("Rà soát", plus=["Đất ở", ["Đất ", baocao.Number(5), " ha"]])
    report = make_report(
        opening=[dash],
        sections=[Section(title="A", body=[dash], closing=["Kết thúc."])],
        appendices=[Appendix(title="Số liệu", body=[dash])],
    )
    ctx = baocao.context(report)
    lines = [(b["kind"], b.get("heading")) for b in ctx["body"]]
    assert lines[:3] == [("dash", "- Rà soát"), ("plus", "+ Đất ở"), ("plus", "+ Đất 5 ha")]
    assert lines[-1] == ("paragraph", None)
    assert ctx["body"][-1]["text"] == "Kết thúc./."
    appendix = [(b["kind"], b["text"]) for b in ctx["appendices"][0]["body"]]
    assert appendix == [("dash", "Rà soát"), ("plus", "Đất ở"), ("plus", "Đất 5 ha./.")]
    assert ctx["appendices"][0]["body"][-1]["heading"] == "+ Đất 5 ha./."


def test_the_old_keys_are_as_before_and_heading_joins_them() -> None:
    """For 0.1 inputs, label and text are as 0.1 gave them, and heading is label + text:
    the default template prints the same bytes (tests/test_guard.py)."""
    ctx = baocao.context(baocao.load(EXAMPLE_YAML))
    for block in ctx["body"] + [b for a in ctx["appendices"] for b in a["body"]]:
        if block["kind"] in ("paragraph", "table"):
            assert "heading" not in block
        elif block["kind"] == "part":
            assert block["heading"] == f"{block['label']}\n{block['text']}"
        else:
            assert block["heading"] == f"{block['label']} {block['text']}"


# --------------------------------------------------------------------------- refused trees


def _points(n: int) -> list[Item]:
    return [Item(title="K", points=[Point(f"Điểm {i}") for i in range(n)])]


REFUSED: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "points under an arabic item",
        {
            "numbering": Numbering(scheme="arabic"),
            "sections": [Section(title="A", items=_points(1))],
        },
        "sections[0].items[0].points[0]",
        "a level this numbering does not number",
    ),
    (
        "sub-points in the decree scheme",
        {
            "sections": [
                Section(title="A", items=[Item(title="K", points=[Point("p", points=["q"])])])
            ]
        },
        "sections[0].items[0].points[0].points[0]",
        "numbering.subpoint",
    ),
    (
        "a fifth level",
        {
            "numbering": Numbering(scheme="decimal"),
            "sections": [
                Section(
                    title="A",
                    items=[
                        Item(
                            title="K",
                            points=[Point("p", points=[Point("q", points=["r"])])],
                        )
                    ],
                )
            ],
        },
        "sections[0].items[0].points[0].points[0].points[0]",
        "no scheme numbers a fifth level",
    ),
    (
        "24 lettered items",
        {
            "numbering": Numbering(scheme="arabic"),
            "sections": [Section(title="A", items=[f"Khoản {i}" for i in range(24)])],
        },
        "sections[0].items[23]",
        "which has 23 labels",
    ),
    (
        "21 parts in words",
        {
            "sections": (),
            "numbering": Numbering(part="Phần thứ nhất"),
            "parts": [Part(title=f"P {i}", body=["x"]) for i in range(21)],
        },
        "parts[20]",
        "which has 20 labels",
    ),
    (
        "decimal items under an unnumbered section",
        {
            "numbering": Numbering(scheme="decimal"),
            "sections": [Section(title="A", items=["k"], numbered=False)],
        },
        "sections[0].items",
        "has no number",
    ),
    (
        "decimal sub-points under a point without a number",
        {
            "numbering": Numbering(scheme="decimal"),
            "sections": [
                Section(
                    title="A",
                    items=[Item(title="B", points=[Point("C", points=["D"], numbered=False)])],
                )
            ],
        },
        "sections[0].items[0].points[0].points",
        "has no number",
    ),
    (
        "in an appendix too",
        {
            "numbering": Numbering(scheme="arabic"),
            "appendices": [Appendix(title="P", sections=[Section(title="A", items=_points(1))])],
        },
        "appendices[0].sections[0].items[0].points[0]",
        "does not number",
    ),
]


@pytest.mark.parametrize(
    ("changes", "path", "reason"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_a_tree_deeper_than_its_numbering_is_refused(
    changes: dict[str, Any], path: str, reason: str
) -> None:
    with pytest.raises(baocao.ValidationError, match=reason) as caught:
        make_report(**changes)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("numbering", "path", "reason"),
    [
        ({"scheme": "roman"}, "numbering.scheme", "is not one of decree, arabic, decimal"),
        ({"part": "Phần 1"}, "numbering.part", "is not one of"),
        ({"part_title": "colon"}, "numbering.part_title", "next_line, dash"),
        ({"section": "1.1."}, "numbering.section", "is not one of"),
        ({"item": "1.1."}, "numbering.item", "continues an Arabic one"),
        ({"scheme": "arabic", "point": "1.1."}, "numbering.point", r"labelled a\)"),
        ({"section": "1)"}, "numbering.item", "below the sections labelled '1\\)'"),
        ({"scheme": "arabic", "item": "I."}, "numbering.item", "is not one of"),
        ({"scheme": "arabic", "section": "1-", "item": "1)"}, "numbering.item", "numbers above"),
        ({"point": "1."}, "numbering.point", "numbers above letters"),
        ({"heading_case": "lower"}, "numbering.heading_case", "upper, as_typed"),
        ({"extra": 1}, "numbering", "is not a field of Numbering"),
    ],
)
def test_the_loader_names_a_bad_numbering(numbering: Any, path: str, reason: str) -> None:
    with pytest.raises(baocao.ValidationError, match=reason) as caught:
        baocao.load(minimal_data(numbering=numbering))
    assert caught.value.path == path


def test_yaml_short_forms() -> None:
    report = baocao.load(
        minimal_data(
            numbering="decimal",
            sections=[
                {
                    "title": "A",
                    "numbered": False,
                    "body": [{"dash": "Rà soát", "plus": ["Đất ở"]}],
                    "closing": ["Xong."],
                },
                {
                    "title": "B",
                    "items": [{"title": "K", "points": [{"text": "p", "points": ["q"]}]}],
                },
            ],
        )
    )
    assert report.numbering == Numbering(scheme="decimal")
    assert report.sections[0].body == (Dash("Rà soát", plus=["Đất ở"]),)
    assert report.sections[1].items[0].points[0].points == (Point("q"),)
    assert _headings(report)[:4] == ["A", "- Rà soát", "+ Đất ở", "1. B"]


@pytest.mark.parametrize(
    ("block", "path"),
    [
        ({"text": "A", "plus": ["B"]}, "closing[0]"),
        ({"plus": ["B"]}, "closing[0]"),
        ({"dash": "A", "plus": ["B"], "extra": 1}, "closing[0].extra"),
        ({"dash": "A", "plus": "B"}, "closing[0].plus"),
    ],
)
def test_plus_lines_go_under_a_dash_line(block: dict[str, Any], path: str) -> None:
    with pytest.raises(baocao.ValidationError) as caught:
        baocao.load(minimal_data(closing=[block]))
    assert caught.value.path == path
