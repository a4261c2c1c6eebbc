"""The rules of the tail: Nơi nhận and the signature block (PL I, II.7–8)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .._nd30 import AUTHORITY_PREFIXES, SIZE_RANGES
from .._ooxml import Fragment
from ._document import ParsedDocument
from ._patterns import loose
from ._rule import Problem, Rule, _flag, _has_letters, _is_upper, _pt, _size_problem, _upper, _where
from ._rules_signature import PREFIX_RE, SIGNATURE_FORM_RULES, above_gap, blocks, title_lines

# --------------------------------------------------------------------------- Nơi nhận

_RECIPIENTS = "Nơi nhận"
_FILING_RE = re.compile(r"^- Lưu: VT(?:[,.].*)?\.$")


def _recipients_label(doc: ParsedDocument) -> Iterator[Problem]:
    label = doc.elements.recipients_label
    if label is None:
        return
    issues = []
    if label.shown != "Nơi nhận:":
        issues.append(f'"{label.shown}"')
    spans = label.inked
    sizes = sorted({round(s.fmt.size, 2) for s in spans})
    if any(abs(s - 12) > 0.01 for s in sizes):
        issues.append(" and ".join(_pt(s) for s in sizes))
    for attr in ("bold", "italic"):
        state = _flag(spans, attr)
        if state != "all":
            issues.append(f"not {attr}" if state == "none" else f"partly {attr}")
    if any(s.fmt.underline for s in spans):
        issues.append("underlined")
    if issues:
        yield Problem(
            _where(_RECIPIENTS, label),
            "; ".join(issues),
            '"Nơi nhận:" in 12 pt, bold and italic, not underlined',
        )


def _recipients_size(doc: ParsedDocument) -> Iterator[Problem]:
    lines = doc.elements.recipients
    if lines:
        yield from _size_problem(_RECIPIENTS, lines, *SIZE_RANGES["recipients"])


def _recipients_lines(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    if el.recipients_label is None:
        return
    lines = list(el.recipients)
    if not lines:
        yield Problem(
            _where(_RECIPIENTS, el.recipients_label),
            "no recipients",
            'one "- …;" line per recipient, then "- Lưu: VT, ….',
        )
        return
    in_group = False  # a line before this one ends ":" (linear, not a scan per line)
    for index, line in enumerate(lines):
        text = line.text
        last = index == len(lines) - 1
        following = "" if last else lines[index + 1].text
        issues = []
        if not text.startswith("-") and not (text.startswith("+") and in_group):
            issues.append(
                f'"{text[:1]}" at the start' if text[:1] in "–—•+" else 'no "-" at the start'
            )
        if last:
            if not _FILING_RE.match(text):
                issues.append('not "- Lưu: VT, ….", the last line')
        elif not (text.endswith(";") or (text.endswith(":") and following.startswith("+"))):
            issues.append('no ";" at the end')
        if issues:
            yield Problem(
                _where(_RECIPIENTS, line),
                "; ".join(issues),
                '"- <recipient>;" per line and "- Lưu: VT, <unit>." last',
            )
        in_group = in_group or text.endswith(":")


def _recipients_as_above(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    if not el.addressee or el.recipients_label is None:
        return
    if not any(loose(line.text).lstrip("-–—•+").startswith("nhưtrên") for line in el.recipients):
        yield Problem(
            _where(_RECIPIENTS, el.recipients_label),
            'no "Như trên" although the report has a Kính gửi',
            '"- Như trên;" as the first recipient, for the bodies under Kính gửi',
        )


def _recipients_position(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    label = el.recipients_label
    first = el.signature or ((el.signer,) if el.signer is not None else ())
    if label is None or not first or el.cosignatures:  # blocks side by side: Nơi nhận below
        return
    if not doc.same_row(label, first[0]):
        yield Problem(
            _where(_RECIPIENTS, label),
            "not beside the signature block",
            "on the left, level with the first line of the signature block (same table row)",
        )


# --------------------------------------------------------------------------- signature

_SIGNATURE = "Chữ ký"
_SIGNER = "Họ tên người ký"
_PREFIX_RE = PREFIX_RE
_DEGREE_RE = re.compile(r"^(?:GS|PGS|TS|ThS|TSKH|KS|BS|CN|Ths|NGƯT|NGND)\.")


def _signature_title(doc: ParsedDocument) -> Iterator[Problem]:
    for line in title_lines(doc):
        issues = []
        if _has_letters(line.shown) and not _is_upper(line.shown):
            issues.append("lower-case letters")
        state = _flag(line.inked, "bold")
        if state != "all":
            issues.append("not bold" if state == "none" else "partly bold")
        if issues:
            yield Problem(_where(_SIGNATURE, line), "; ".join(issues), "upper case (in hoa), bold")


def _signature_authority(doc: ParsedDocument) -> Iterator[Problem]:
    for line in title_lines(doc):
        match = _PREFIX_RE.match(line.shown)
        if match is None:
            continue
        letters = re.sub(r"[^A-Z]", "", match["p"])
        wanted = f"{letters}. "
        if match.group(0) != wanted:
            yield Problem(
                _where(_SIGNATURE, line),
                f'"{match.group(0).rstrip()}"',
                f'"{wanted.rstrip()}" and one space ({", ".join(AUTHORITY_PREFIXES)})',
            )


def _authorities(block: Sequence[Fragment]) -> list[tuple[Fragment, str]]:
    """The lines of a block with their authority prefix ("KT", "TM", …; "" for none)."""
    out = []
    for line in block:
        match = _PREFIX_RE.match(line.shown)
        out.append((line, "" if match is None else re.sub(r"[^A-Z]", "", match["p"])))
    return out


def _signature_deputy(doc: ParsedDocument) -> Iterator[Problem]:
    for block, _signer in blocks(doc):
        lines = _authorities(above_gap(block))
        if not lines or any(prefix in ("KT", "TL", "TUQ") for _line, prefix in lines):
            continue
        own = lines[-1][0]
        if not _upper(own.shown).startswith("PHÓ "):
            continue
        yield Problem(
            _where(_SIGNATURE, own),
            "a deputy (cấp phó) signs without KT.",
            "\"KT. <HEAD'S TITLE>\" above the deputy's own title (KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC)",
        )


def _signature_own_title(doc: ParsedDocument) -> Iterator[Problem]:
    for block, _signer in blocks(doc):
        lines = _authorities(above_gap(block))
        for index, (line, prefix) in enumerate(lines):
            if prefix == "KT" and index == len(lines) - 1:
                yield Problem(
                    _where(_SIGNATURE, line),
                    "no title of the signer under the KT. line",
                    "the deputy's own title on the next line (KT. GIÁM ĐỐC, then PHÓ GIÁM ĐỐC)",
                )


def _signature_name(doc: ParsedDocument) -> Iterator[Problem]:
    for _block, signer in blocks(doc):
        if signer is not None:
            yield from _name_problems(signer)


def _name_problems(signer: Fragment) -> Iterator[Problem]:
    issues = []
    state = _flag(signer.inked, "bold")
    if state != "all":
        issues.append("not bold" if state == "none" else "partly bold")
    # str.isupper, as the model reads a name: a name without capitals (Hebrew) is not one
    if signer.shown.isupper() and len(re.sub(r"\W", "", signer.shown)) > 3:
        issues.append("upper case")
    if _DEGREE_RE.match(signer.shown):
        issues.append("an academic title before the name")
    if issues:
        yield Problem(
            _where(_SIGNER, signer),
            "; ".join(issues),
            "the name in normal case, bold, without titles",
        )


def _signature_size(doc: ParsedDocument) -> Iterator[Problem]:
    lines = [*title_lines(doc), *(s for _b, s in blocks(doc) if s is not None)]
    if lines:
        yield from _size_problem(_SIGNATURE, lines, *SIZE_RANGES["signature"])


def _signature_placeholder(doc: ParsedDocument) -> Iterator[Problem]:
    for line in doc.elements.placeholders:
        yield Problem(
            _where(_SIGNATURE, line),
            "the form's annotation printed",
            "blank space for the signature and seal",
        )


TAIL_RULES: tuple[Rule, ...] = (
    Rule(
        "recipients.label",
        "PL I, II.9.d",
        "error",
        '"Nơi nhận:" is 12 pt, bold and italic, with a colon.',
        _recipients_label,
    ),
    Rule(
        "recipients.size",
        "PL I, II.9.d",
        "error",
        "The recipient lines are 11 pt.",
        _recipients_size,
    ),
    Rule(
        "recipients.lines",
        "PL I, II.9.d",
        "error",
        'Each recipient line starts with "-" and ends with ";" ("+" lines may follow a group '
        'ending ":"); the last is "- Lưu: VT, …." ending with ".".',
        _recipients_lines,
    ),
    Rule(
        "recipients.as-above",
        "PL I, II.9.b",
        "error",
        'With a Kính gửi, Nơi nhận lists "- Như trên;" for the bodies it names.',
        _recipients_as_above,
    ),
    Rule(
        "recipients.position",
        "PL I, II.9.d",
        "error",
        "Nơi nhận is beside the signature block (same table row), not below it.",
        _recipients_position,
    ),
    Rule(
        "signature.title",
        "PL I, II.7.đ",
        "error",
        "The authority and title lines of the signature are upper case and bold.",
        _signature_title,
    ),
    Rule(
        "signature.authority",
        "PL I, II.7.b",
        "error",
        "Authority prefixes are written exactly "
        + ", ".join(f'"{prefix}"' for prefix in AUTHORITY_PREFIXES)
        + " and one space.",
        _signature_authority,
    ),
    Rule(
        "signature.deputy",
        "PL I, II.7.b",
        "error",
        'A deputy (Phó …) signs under "KT." (ký thay) the head, unless TL. or TUQ.',
        _signature_deputy,
    ),
    Rule(
        "signature.own-title",
        "PL I, II.7.b",
        "error",
        "Under \"KT. <head's title>\" comes the signer's own title (PHÓ GIÁM ĐỐC).",
        _signature_own_title,
    ),
    Rule(
        "signature.name",
        "PL I, II.7.c",
        "error",
        "The signer's name is bold, in normal case, without academic titles.",
        _signature_name,
    ),
    Rule(
        "signature.size",
        "PL I, II.7.đ",
        "error",
        "The signature block is 13–14 pt.",
        _signature_size,
    ),
    Rule(
        "signature.placeholder",
        "PL III, Mẫu 1.4",
        "warning",
        'The form\'s annotation "(Chữ ký của người có thẩm quyền, …)" is not printed.',
        _signature_placeholder,
    ),
    *SIGNATURE_FORM_RULES,
)
"""The rows of Nơi nhận and the signature."""
