"""The decree's facts live in one place, ``baocao._nd30``: every wing reads them there.

These tests hold the facts to each other (a style's size inside its element's range) and
check that the wings read the same objects rather than copies.
"""

from __future__ import annotations

import pytest

from baocao import _model, _nd30, _options
from baocao._check import _patterns, _rules_header, _rules_page
from baocao._render import _layout, _template_gen


@pytest.mark.parametrize("style", sorted(_nd30.STYLE_ELEMENTS))
@pytest.mark.parametrize("profile", [0, 1])
def test_every_style_size_is_inside_its_elements_range(style: str, profile: int) -> None:
    low, high = _nd30.SIZE_RANGES[_nd30.STYLE_ELEMENTS[style]]
    assert low <= _nd30.STYLE_SIZES[style][profile] <= high


def test_every_element_with_a_range_has_a_style() -> None:
    assert set(_nd30.STYLE_ELEMENTS.values()) == set(_nd30.SIZE_RANGES)
    assert set(_nd30.STYLE_ELEMENTS) <= set(_nd30.STYLE_SIZES)


def test_the_profiles_name_the_sizes_of_the_body() -> None:
    body = _nd30.STYLE_SIZES["BCBody"]
    assert tuple(f"{size:g}" for size in body) == _nd30.PROFILES


def test_the_drawn_rule_share_is_inside_the_decrees_range() -> None:
    low, high = _nd30.RULE_SHARE
    assert low < _layout.RULE_SHARE < high


@pytest.mark.parametrize(
    ("reader", "name"),
    [
        (_options, "MARGIN_RANGES"),
        (_options, "PROFILES"),
        (_layout, "STYLE_SIZES"),
        (_template_gen, "STYLE_SIZES"),
        (_template_gen, "NATIONAL_NAME"),
        (_template_gen, "MOTTO"),
        (_patterns, "NATIONAL_NAME"),
        (_rules_header, "MOTTO"),
        (_rules_header, "NATIONAL_NAME_VARIANTS"),
        (_rules_page, "MARGIN_RANGES"),
    ],
)
def test_the_wings_read_the_decrees_facts_not_copies(reader: object, name: str) -> None:
    assert getattr(reader, name) is getattr(_nd30, name)


def test_words_roman_list_labels_are_the_decrees_numerals() -> None:
    # The OOXML layer writes Word's upperRoman numerals itself (it imports nothing of the
    # decree): they must stay the numerals of _nd30.
    from baocao._ooxml import _numbering

    assert all(_numbering.roman(n) == _nd30.roman(n) for n in range(1, 5000))


@pytest.mark.parametrize("profile", ["14", "13"])
@pytest.mark.parametrize(
    "issuer",
    ["Sở Nội vụ", "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp"],
)
def test_the_rule_render_draws_is_the_share_the_checker_measures(profile: str, issuer: str) -> None:
    """One wrap and one measure: the length render gives the rule under the issuing body is
    RULE_SHARE of the longest line as the checker wraps and measures that line."""
    import baocao
    from baocao._check import parse
    from baocao._ooxml import longest_wrapped_mm

    from .conftest import make_report

    report = make_report(issuer=baocao.Issuer(name=issuer, abbreviation="BQL"))
    elements = parse(baocao.render(report, profile=profile)).elements
    assert elements.issuer_line is not None
    expected = longest_wrapped_mm(elements.issuer) * _layout.RULE_SHARE
    assert elements.issuer_line.length_mm == pytest.approx(expected, abs=0.05)


def test_the_document_types_are_the_decrees() -> None:
    """The types of Mẫu 1.4, then the công văn (Mẫu 1.5, issue 13), which has no type name."""
    types = [t for t in _model.DocumentType if t.has_type_name]
    assert [t.value for t in types] == list(_nd30.DOCUMENT_TYPES)
    assert [t.title for t in types] == list(_nd30.DOCUMENT_TYPES.values())
    (letter,) = [t for t in _model.DocumentType if not t.has_type_name]
    assert (letter.value, letter.title) == _nd30.LETTER_TYPE


def test_the_authorities_are_the_decrees_prefixes() -> None:
    assert tuple(a.value for a in _model.Authority) == _nd30.AUTHORITY_PREFIXES


def test_the_checker_knows_every_document_type() -> None:
    from baocao._check import _patterns

    assert sorted(_patterns.TYPE_TITLES.values()) == sorted(_nd30.DOCUMENT_TYPES)


def test_every_urgency_has_a_priority_code() -> None:
    """Issue 14: Priority (Phụ lục VI) is coded from the urgency marks, 0 for none, each
    level its own digit."""
    assert set(_nd30.PRIORITY_CODES) == {None, *_nd30.URGENCY_MARKS}
    assert sorted(_nd30.PRIORITY_CODES.values()) == list(range(len(_nd30.PRIORITY_CODES)))
    assert all(0 <= code <= 9 for code in _nd30.PRIORITY_CODES.values())  # Number, length 1


def test_the_metadata_fields_fit_their_lengths() -> None:
    """Issue 14: the names are unique and the lengths of Phụ lục VI hold what baocao writes."""
    import baocao
    from baocao._render._metadata import flatten, report_metadata

    from .conftest import make_report

    names = [row[0] for row in _nd30.METADATA_FIELDS]
    assert len(set(names)) == len(names)
    lengths = {row[0]: row[4] for row in _nd30.METADATA_FIELDS}
    report = make_report(issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"))
    for name, value in flatten(report_metadata(report)):
        base = name.split(".")[-1] if name.startswith("SignerInfo.") else name
        base = "To" if name.startswith("To.") else base
        limit = lengths[base]
        assert limit is None or len(str(value)) <= limit, name
