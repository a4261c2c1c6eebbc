"""baocao.Template renders the same document as the plain docxtpl path, part by part."""

from __future__ import annotations

import decimal
import io
import threading
import zipfile
from pathlib import Path
from typing import Any

import docx
import docxtpl
import pytest

import baocao

from ..conftest import make_report
from ..reference import render_document


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _varied() -> list[tuple[str, baocao.Report, dict[str, Any]]]:
    table = baocao.Table(
        header=["Trình độ", "Số lượng", "Tỷ lệ"],
        rows=[["Đại học", 41, baocao.Rate(41, 86, rounding="down")]],
        totals=["Tổng", 41, ""],
    )
    return [
        ("minimal", make_report(), {}),
        (
            "draft-parent-kinh-gui",
            make_report(
                number=None,
                issuer=baocao.Issuer(
                    name="Sở Nội vụ",
                    abbreviation="SNV",
                    parent=["Ủy ban nhân dân", "tỉnh Quảng Ninh"],
                ),
                addressees=["Bộ Nội vụ", "Ủy ban nhân dân tỉnh"],
                legal_bases=["Căn cứ Luật Lưu trữ"],
            ),
            {},
        ),
        (
            "table-appendices-profile-13",
            make_report(
                sections=[baocao.Section(title="Số liệu", body=[table, "R&D <x> {{ y }}\nz\tw"])],
                appendices=[
                    baocao.Appendix(title="Một", body=[table]),
                    baocao.Appendix(title="Hai", body=["x"]),
                ],
            ),
            {"profile": "13"},
        ),
        (
            "margins-long-place",
            make_report(place="Thành phố Hồ Chí Minh"),
            {"margins": baocao.Margins(top=25, bottom=25, left=35, right=20)},
        ),
        (
            "signatory-tm-kt",
            make_report(
                signatory=baocao.Signatory(
                    name="Trần B",
                    title="Phó Chủ tịch",
                    authority="KT.",
                    acting_for="Chủ tịch",
                    collective="Ủy ban nhân dân",
                )
            ),
            {},
        ),
    ]


@pytest.fixture(scope="module")
def template() -> baocao.Template:
    return baocao.Template()


@pytest.mark.parametrize(("name", "report", "options"), _varied(), ids=[v[0] for v in _varied()])
def test_same_parts_as_plain_docxtpl(
    template: baocao.Template, name: str, report: baocao.Report, options: dict[str, Any]
) -> None:
    fast = template.render(report, **options)
    profile = options.get("profile", "14")
    plain = render_document(report, profile=profile, margins=options.get("margins"))
    fast_parts, plain_parts = _parts(fast), _parts(plain)
    assert sorted(fast_parts) == sorted(plain_parts)
    for part in plain_parts:
        assert fast_parts[part] == plain_parts[part], part
    assert fast == plain


def test_same_for_the_example(template: baocao.Template, example_report: baocao.Report) -> None:
    assert template.render(example_report) == render_document(example_report)


def test_custom_template_with_header_tags(tmp_path: Path, template: baocao.Template) -> None:
    document = docx.Document()
    document.add_paragraph("{{ subject }} — {{ place_date }}")
    document.sections[0].header.paragraphs[0].text = "{{ number_line }}"
    document.sections[0].footer.paragraphs[0].text = "{{ issuer.name_upper }}"
    document.core_properties.title = "{{ subject }}"
    path = tmp_path / "custom.docx"
    document.save(str(path))
    report = make_report()
    fast = baocao.Template(path).render(report)
    assert _parts(fast) == _parts(render_document(report, path))
    rendered = docx.Document(io.BytesIO(fast))
    assert rendered.sections[0].header.paragraphs[0].text == "Số: 15/BC-SNV"
    assert rendered.sections[0].footer.paragraphs[0].text == "SỞ NỘI VỤ"


def test_threads_render_the_same_bytes(template: baocao.Template) -> None:
    reports = [make_report(number=n, subject=f"Báo cáo số {n}") for n in range(1, 17)]
    expected = [template.render(r) for r in reports]
    results: list[bytes | None] = [None] * len(reports)

    def work(index: int) -> None:
        results[index] = template.render(reports[index])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(reports))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


def test_broken_templates_fail_when_loading(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{% for x in %}")
    path = tmp_path / "broken.docx"
    document.save(str(path))
    with pytest.raises(baocao.TemplateError, match="syntax error"):
        baocao.Template(path)
    (tmp_path / "junk.docx").write_bytes(b"junk")
    with pytest.raises(baocao.TemplateError, match="not a usable"):
        baocao.Template(tmp_path / "junk.docx")


def test_template_render_errors(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ missing }}")
    path = tmp_path / "t.docx"
    document.save(str(path))
    template = baocao.Template(path)
    with pytest.raises(baocao.TemplateError, match="'missing' is undefined"):
        template.render(make_report())
    with pytest.raises(baocao.InvalidTypeError):
        template.render("report")  # type: ignore[arg-type]


def test_table_grids_are_fixed_as_docxtpl_fixes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """baocao parses the filled body strictly and then mends table grids as docxtpl's
    ``fix_tables`` (which parses in recover mode) does: the same tree for a good body."""
    from lxml import etree

    from baocao._render import _strict, _upstream

    bodies: list[str] = []
    original = _upstream.StrictDocxTemplate.fix_tables

    def spy(self: Any, xml: str) -> Any:
        bodies.append(xml)
        return original(self, xml)

    monkeypatch.setattr(_upstream.StrictDocxTemplate, "fix_tables", spy)
    for columns in (1, 2, 3, 8):
        table = baocao.Table(
            header=[f"H{i}" for i in range(columns)], rows=[[f"c{i}" for i in range(columns)]] * 2
        )
        render_document(
            make_report(
                sections=[baocao.Section(title="A", body=[table])],
                appendices=[baocao.Appendix(title="P", body=[table])],
            )
        )
    docxtpl_tools = docxtpl.DocxTemplate.__new__(docxtpl.DocxTemplate)
    mended = 0
    for xml in bodies:
        theirs = docxtpl.DocxTemplate.fix_tables(docxtpl_tools, xml)
        ours = _strict.parse_rendered(xml)
        _strict.fix_table_grids(ours)
        assert etree.tostring(ours) == etree.tostring(theirs)
        mended += etree.tostring(ours) != etree.tostring(etree.fromstring(xml))
    assert mended  # the cases do change grids


def _big_table(rows: int) -> baocao.Table:
    """A table of ``rows`` rows whose cells vary: figures of every kind, texts with XML
    and Jinja characters, line breaks and tabs, empty cells, long and repeated texts."""
    texts = ["R&D <x> > y", "{{ a }} {% b %}", "dòng một\ndòng hai", "a\tb", "", "Đơn vị", "x" * 90]
    data: list[list[baocao.Cell]] = []
    for i in range(rows):
        data.append(
            [
                f"{texts[i % len(texts)]} {i}" if i % 3 else texts[i % len(texts)],
                i * 1_000_003 if i % 2 else decimal.Decimal(i) / 7,
                baocao.Percent(decimal.Decimal(i % 100) + decimal.Decimal("0.5")),
                baocao.Money(i * 12_345),
                baocao.Rate(i, rows, rounding="half_up"),
                baocao.Number(decimal.Decimal(i) / 3, decimals=1),
            ]
        )
    return baocao.Table(
        header=["Đơn vị", "Số", "Tỷ lệ", "Số tiền", "Đạt", "Bình quân"],
        rows=data,
        totals=["Tổng & cộng", sum(range(rows)), "", baocao.Money(1), "", ""],
    )


@pytest.mark.parametrize("profile", ["14", "13"])
def test_big_varied_table_same_parts_as_plain_docxtpl(
    template: baocao.Template, profile: str
) -> None:
    report = make_report(
        sections=[
            baocao.Section(title="Số liệu", body=[_big_table(300), "Sau bảng."]),
            baocao.Section(
                title="Hai cột", body=[baocao.Table(header=["A", "B"], rows=[["1", 2]])]
            ),
        ],
        appendices=[baocao.Appendix(title="Phụ lục", body=[_big_table(40)])],
    )
    fast = template.render(report, profile=profile)
    plain = render_document(report, profile=profile)
    fast_parts, plain_parts = _parts(fast), _parts(plain)
    assert sorted(fast_parts) == sorted(plain_parts)
    for part in plain_parts:
        assert fast_parts[part] == plain_parts[part], part
    document = fast_parts["word/document.xml"].decode("utf-8")
    assert "R&amp;D &lt;x&gt; &gt; y" in document
    assert "{{ a }} {% b %}" in document
