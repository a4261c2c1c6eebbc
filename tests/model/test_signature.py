"""The signature forms of the model (issue 12, §5): every chain of Điều 13 that the decree
and its Mẫu show builds, each nonsense combination is refused with its reason, the signer's
other title (ô 7b) and the cosignatories of a joint report load from plain data."""

from __future__ import annotations

from typing import Any

import pytest

import baocao
from baocao import Signatory
from baocao._nd30 import SIGNATURE_FORMS, signature_form_problem

from ..conftest import make_report, minimal_data

# (chain, fields of the Signatory, the lines above the signature)
FORMS: list[tuple[tuple[str, ...], dict[str, Any], list[str]]] = [
    ((), {"title": "Giám đốc"}, ["GIÁM ĐỐC"]),
    (
        ("TM.",),
        {"title": "Chủ tịch", "authority": "TM.", "acting_for": "Ủy ban nhân dân"},
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ),
    (("Q.",), {"title": "Giám đốc", "authority": "Q."}, ["Q. GIÁM ĐỐC"]),
    (
        ("KT.",),
        {"title": "Phó Giám đốc", "authority": "KT.", "acting_for": "Giám đốc"},
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
    ),
    (
        ("TL.",),
        {"title": "Chánh Văn phòng", "authority": "TL.", "acting_for": "Giám đốc"},
        ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
    ),
    (
        ("TUQ.",),
        {"title": "Trưởng phòng Tổ chức", "authority": "TUQ.", "acting_for": "Giám đốc"},
        ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG TỔ CHỨC"],
    ),
    (
        ("TM.", "KT."),
        {
            "title": "Phó Chủ tịch",
            "authority": "KT.",
            "acting_for": "Chủ tịch",
            "collective": "Ủy ban nhân dân",
        },
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    ),
    (
        ("TM.", "Q."),
        {"title": "Chủ tịch", "authority": "Q.", "collective": "Ủy ban nhân dân"},
        ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"],
    ),
    (
        ("TM.", "TL."),
        {
            "title": "Chánh Văn phòng",
            "authority": "TL.",
            "acting_for": "Chủ tịch",
            "collective": "Ủy ban nhân dân",
        },
        ["TM. ỦY BAN NHÂN DÂN", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
    ),
    (
        ("TM.", "TUQ."),
        {
            "title": "Giám đốc Sở Nội vụ",
            "authority": "TUQ.",
            "acting_for": "Chủ tịch",
            "collective": "Ủy ban nhân dân",
        },
        ["TM. ỦY BAN NHÂN DÂN", "TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"],
    ),
    (
        ("TL.", "KT."),
        {
            "title": "Phó Chánh Văn phòng",
            "authority": "KT.",
            "acting_for": "Chánh Văn phòng",
            "by_order_of": "Bộ trưởng",
        },
        ["TL. BỘ TRƯỞNG", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"],
    ),
]

# (fields of the Signatory, the field named, words of the reason)
REFUSED: list[tuple[dict[str, Any], str, str]] = [
    (
        {"title": "Giám đốc", "authority": "KT.", "acting_for": "Giám đốc"},
        "title",
        "his own title is not the head's",
    ),
    (
        {"title": "giám đốc", "authority": "KT.", "acting_for": "Giám đốc"},
        "title",
        "his own title is not the head's",
    ),
    (
        {"title": "Giám đốc", "authority": "TL.", "acting_for": "Giám đốc"},
        "title",
        "nobody signs TL. for himself",
    ),
    (
        {"title": "Giám đốc", "authority": "TUQ.", "acting_for": "Giám đốc"},
        "title",
        "nobody signs TUQ. for himself",
    ),
    (
        {"title": "Phó Giám đốc", "authority": "KT.", "acting_for": "Phó Giám đốc thường trực"},
        "acting_for",
        "KT. stands before the head's title",
    ),
    ({"title": "Phó Giám đốc", "authority": "Q."}, "title", "Q. stands before the head's title"),
    (
        {"title": "Giám đốc", "authority": "Q.", "acting_for": "Giám đốc"},
        "acting_for",
        "only used with TM., KT., TL. or TUQ.",
    ),
    (
        {"title": "Chủ tịch", "authority": "TM.", "acting_for": "Chủ tịch"},
        "acting_for",
        "TM. names the collective",
    ),
    (
        {
            "title": "Chủ tịch",
            "authority": "TM.",
            "acting_for": "Ủy ban nhân dân",
            "collective": "Ủy ban nhân dân",
        },
        "collective",
        "only used with KT., Q., TL. or TUQ.",
    ),
    (
        {
            "title": "Chánh Văn phòng",
            "authority": "TL.",
            "acting_for": "Giám đốc",
            "by_order_of": "Bộ trưởng",
        },
        "by_order_of",
        "only used with KT.",
    ),
    (
        {
            "title": "Phó Chánh Văn phòng",
            "authority": "KT.",
            "acting_for": "Chánh Văn phòng",
            "by_order_of": "Bộ trưởng",
            "collective": "Ủy ban nhân dân",
        },
        "collective",
        "more than two levels",
    ),
    (
        {
            "title": "Phó Chánh Văn phòng",
            "authority": "KT.",
            "acting_for": "Chánh Văn phòng",
            "by_order_of": "Chánh Văn phòng",
        },
        "by_order_of",
        "TL. names the head of the body",
    ),
    (
        {
            "title": "Phó Chánh Văn phòng",
            "authority": "KT.",
            "acting_for": "Chánh Văn phòng",
            "by_order_of": "Phó Bộ trưởng",
        },
        "by_order_of",
        "TL. stands before the head's title",
    ),
]


def test_every_form_of_the_decree_has_a_case() -> None:
    assert {chain for chain, _fields, _lines in FORMS} == set(SIGNATURE_FORMS)


@pytest.mark.parametrize(
    ("chain", "fields", "lines"), FORMS, ids=[" ".join(f[0]) or "-" for f in FORMS]
)
def test_each_form_builds(chain: tuple[str, ...], fields: dict[str, Any], lines: list[str]) -> None:
    signer = Signatory(name="Trần Thị B", **fields)
    assert signature_form_problem(chain) is None
    assert signer.title == fields["title"]


@pytest.mark.parametrize(("fields", "path", "words"), REFUSED, ids=[r[2] for r in REFUSED])
def test_nonsense_is_refused_with_its_reason(fields: dict[str, Any], path: str, words: str) -> None:
    with pytest.raises(baocao.ValidationError) as info:
        Signatory(name="Trần Thị B", **fields)
    assert info.value.path == path
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("chain", "words"),
    [
        (("TUQ.", "KT."), "Điều 13.3"),
        (("TL.", "TL."), "TL. twice"),
        (("KT.", "TM."), "TM. names the collective"),
        (("Q.", "KT."), "no line signs under it"),
        (("KT.", "TL."), "KT. is followed by the deputy's own title"),
        (("TL.", "TUQ."), "Điều 13.4"),
        (("TM.", "TL.", "KT."), "more than two levels"),
    ],
)
def test_refused_chains_say_why(chain: tuple[str, ...], words: str) -> None:
    problem = signature_form_problem(chain)
    assert problem is not None
    assert words in problem


def test_other_title_and_cosignatories_load_from_data() -> None:
    data = minimal_data(
        signatory={"title": "Giám đốc", "name": "Nguyễn Văn A", "other_title": "Trưởng ban"},
        cosignatories=[
            {
                "title": "Phó Giám đốc",
                "name": "Trần Văn B",
                "authority": "KT.",
                "acting_for": "Giám đốc Sở Tài chính",
            }
        ],
    )
    report = baocao.load(data)
    assert report.signatory.other_title == "Trưởng ban"
    assert [s.name for s in report.cosignatories] == ["Trần Văn B"]
    assert make_report().cosignatories == ()


def test_at_most_three_cosignatories() -> None:
    signer = Signatory(name="Trần Văn B", title="Giám đốc")
    assert len(make_report(cosignatories=[signer] * 3).cosignatories) == 3
    with pytest.raises(baocao.ValidationError) as info:
        make_report(cosignatories=[signer] * 4)
    assert info.value.path == "cosignatories[3]"
    with pytest.raises(baocao.InvalidTypeError) as bad:
        make_report(cosignatories=["Trần Văn B"])
    assert bad.value.path == "cosignatories[0]"


def test_the_schema_has_the_new_fields() -> None:
    schema = baocao.json_schema()
    report = schema["properties"]["cosignatories"]
    assert report["maxItems"] == 3
    signer = schema["$defs"]["Signatory"]
    props = signer.get("properties") or signer["oneOf"][-1]["properties"]
    assert {"by_order_of", "other_title"} <= set(props)
