"""What makes a signature block one the decree writes (issue 12, §5).

The lines of quyền hạn a :class:`~baocao._model._report.Signatory` stacks (``TM.`` of the
collective, ``TL.`` of the head, then its own prefix) form a chain that must be one of
``_nd30.SIGNATURE_FORMS``; and the titles in it must make sense together: a deputy who
signs ``KT.`` signs for the head, so his own title is not the head's; nobody signs
``TL.``/``TUQ.`` for himself; ``Q.`` stands before the head's title, never a deputy's.
Every refusal names the field and says why (Điều 13, Phụ lục I, II.7.b).
"""

from __future__ import annotations

from typing import Any, Protocol

import attrs

from .._errors import ValidationError
from .._nd30 import SIGNATURE_FORMS, signature_form_problem
from ._kinds import Authority
from ._validators import named

__all__ = [
    "MAX_COSIGNATORIES",
    "at_most_cosignatories",
    "check_signature_form",
    "signature_chain",
]

MAX_COSIGNATORIES = 3
"""At most four blocks side by side (a quarter of the 165 mm text width each, 41 mm: the
narrowest that still holds "PHÓ CHỦ TỊCH THƯỜNG TRỰC" on two lines)."""


class _Signer(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def authority(self) -> Authority | None: ...
    @property
    def acting_for(self) -> str | None: ...
    @property
    def collective(self) -> str | None: ...
    @property
    def by_order_of(self) -> str | None: ...


def signature_chain(signer: _Signer) -> tuple[str, ...]:
    """The prefixes of the block, top line first: ``("TM.", "KT.")`` for TM. ỦY BAN NHÂN
    DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."""
    chain = []
    if signer.collective is not None:
        chain.append(Authority.TM.value)
    if signer.by_order_of is not None:
        chain.append(Authority.TL.value)
    if signer.authority is not None:
        chain.append(signer.authority.value)
    return tuple(chain)


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.casefold() == b.casefold()


def _deputy(title: str | None) -> bool:
    return title is not None and title.casefold().startswith("phó ")


def check_signature_form(signer: _Signer) -> None:
    """Refuse a chain outside ``SIGNATURE_FORMS`` and titles that contradict their prefix."""
    chain = signature_chain(signer)
    problem = signature_form_problem(chain)
    if problem is not None:
        upper = "collective" if signer.collective is not None else "by_order_of"
        value = signer.collective if upper == "collective" else signer.by_order_of
        allowed = " | ".join(" + ".join(c) for c in SIGNATURE_FORMS if len(c) == 2)
        raise ValidationError(
            value,
            f"gives the chain {' / '.join(chain)}: {problem} (two-level forms: {allowed})",
            path=upper,
        )
    authority = signer.authority
    head = signer.acting_for
    if authority in (Authority.KT, Authority.TL, Authority.TUQ):
        assert authority is not None
        if _same(head, signer.title):
            what = {
                Authority.KT: "a deputy signs KT. for the head: his own title is not the "
                "head's (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)",
                Authority.TL: "nobody signs TL. for himself: TL. names the head, the title "
                "is the signer's own (TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG)",
                Authority.TUQ: "nobody signs TUQ. for himself: TUQ. names the head who "
                "authorises, the title is the signer's own (TUQ. GIÁM ĐỐC / TRƯỞNG PHÒNG)",
            }[authority]
            raise ValidationError(signer.title, f"is the title signed for: {what}", path="title")
        if _deputy(head):
            raise ValidationError(
                head,
                f"is a deputy's title: {authority.value} stands before the head's title "
                "(PL I, II.7.b)",
                path="acting_for",
            )
    if authority is Authority.TM and _same(head, signer.title):
        raise ValidationError(
            head,
            "is the signer's own title: TM. names the collective or the body (TM. ỦY BAN "
            "NHÂN DÂN / CHỦ TỊCH)",
            path="acting_for",
        )
    if authority is Authority.Q and _deputy(signer.title):
        raise ValidationError(
            signer.title,
            "is a deputy's title: Q. stands before the head's title (Q. GIÁM ĐỐC), a deputy "
            "running the body signs KT. (PL I, II.7.b)",
            path="title",
        )
    if signer.by_order_of is not None:
        if _same(signer.by_order_of, head):
            raise ValidationError(
                signer.by_order_of,
                "is also the title KT. signs for: TL. names the head of the body, KT. the "
                "head of the unit (TL. BỘ TRƯỞNG / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG)",
                path="by_order_of",
            )
        if _deputy(signer.by_order_of):
            raise ValidationError(
                signer.by_order_of,
                "is a deputy's title: TL. stands before the head's title (PL I, II.7.b)",
                path="by_order_of",
            )


@named("at_most_cosignatories")
def at_most_cosignatories(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """No more cosignatories than the metadata's ``maxItems`` (:data:`MAX_COSIGNATORIES`)."""
    limit = attribute.metadata["maxItems"]
    if isinstance(value, tuple) and len(value) > limit:
        raise ValidationError(
            len(value),
            f"signers beside the signatory: at most {limit} fit side by side",
            path=f"{attribute.name}[{limit}]",
        )
