"""One row of the rule table (:class:`Rule`), what its check yields (:class:`Problem`),
and the helpers the rule areas share: where a finding is, sizes, weights, case, alignment.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from .._ooxml import Fragment, Para, Span, fragment_width_mm, longest_wrapped_mm
from ._document import ParsedDocument
from ._finder import RuleLine, fits_share
from ._finding import Severity, shorten
from ._patterns import TYPE_TITLES

__all__ = ["Check", "Problem", "Rule"]

TNR = "Times New Roman"
_TYPE_ABBREVIATIONS = frozenset(TYPE_TITLES.values())


@attrs.frozen
class Problem:
    """One place where a rule is not met (the rule row adds id, clause and severity)."""

    where: str
    found: str
    expected: str


Check = Callable[[ParsedDocument], Iterable[Problem]]


@attrs.frozen
class Rule:
    """A row of the rule table.

    Attributes:
        id: stable id, ``"<element>.<aspect>"``.
        clause: where the decree says it, e.g. ``"PL I, II.1.b"``.
        severity: ``"error"`` or ``"warning"``.
        description: what is checked, one line (shown in ``docs/conformance.md``).
        check: the function that finds the problems.
    """

    id: str
    clause: str
    severity: Severity
    description: str
    check: Check = attrs.field(eq=False, repr=False)


# --------------------------------------------------------------------------- helpers


def _upper(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _arabic(text: str) -> bool:
    """True when ``text`` is Arabic digits 0–9 only (not "²" or other Unicode digits)."""
    return text.isascii() and text.isdigit()


def _is_upper(text: str) -> bool:
    return _has_letters(text) and text == _upper(text)


def _where(label: str, fragments: Sequence[Fragment] | Fragment) -> str:
    items = [fragments] if isinstance(fragments, Fragment) else list(fragments)
    return f'{label} "{shorten(" ".join(f.text for f in items))}"'


def _where_para(para: Para, label: str = "Đoạn") -> str:
    if para.part.rsplit("/", 1)[-1].startswith("header"):
        label = "Header"
    elif para.part.rsplit("/", 1)[-1].startswith("footer"):
        label = "Footer"
    return f'{label} "{shorten(para.numbered_text)}"'


def _spans(fragments: Iterable[Fragment]) -> list[Span]:
    return [s for f in fragments for s in f.inked]


def _pt(value: float) -> str:
    return f"{round(value, 1):g} pt"


def _mm(value: float) -> str:
    return f"{value:.1f} mm"


def _size_problem(
    label: str, fragments: Sequence[Fragment], low: float, high: float
) -> Iterator[Problem]:
    sizes = sorted(
        {round(s.fmt.size, 2) for s in _spans(fragments) if s.fmt.vert_align == "baseline"}
    )
    if any(not low - 0.01 <= size <= high + 0.01 for size in sizes):
        expected = _pt(low) if low == high else f"{low:g}–{high:g} pt"
        yield Problem(_where(label, fragments), " and ".join(_pt(s) for s in sizes), expected)


_FLAG_WORDS = {"bold": "bold (đậm)", "italic": "italic (nghiêng)"}


def _flag(spans: Sequence[Span], attr: str) -> str:
    """``"all"``, ``"none"`` or ``"some"``: how many of ``spans`` have ``attr``."""
    values = [bool(getattr(s.fmt, attr)) for s in spans]
    if values and all(values):
        return "all"
    return "some" if any(values) else "none"


def _flag_problem(
    label: str, fragments: Sequence[Fragment], attr: str, want: bool
) -> Iterator[Problem]:
    spans = _spans(fragments)
    if not spans:
        return
    state = _flag(spans, attr)
    word = _FLAG_WORDS[attr]
    if want and state != "all":
        found = f"not {attr}" if state == "none" else f"partly {attr}"
        yield Problem(_where(label, fragments), found, word)
    elif not want and state != "none":
        found = attr if state == "all" else f"partly {attr}"
        yield Problem(_where(label, fragments), found, f"not {attr}")


def _case_problem(label: str, fragments: Sequence[Fragment], want_upper: bool) -> Iterator[Problem]:
    text = " ".join(f.shown for f in fragments)
    if not _has_letters(text):
        return
    if want_upper and not _is_upper(text):
        yield Problem(_where(label, fragments), "lower-case letters", "upper case (in hoa)")
    elif not want_upper and text.isupper():  # not _is_upper: Hebrew has no capitals
        yield Problem(
            _where(label, fragments), "all upper case", "normal (sentence) case (in thường)"
        )


def _align_problem(label: str, fragments: Sequence[Fragment]) -> Iterator[Problem]:
    seen: set[int] = set()
    for fragment in fragments:
        para = fragment.para
        if para.index in seen or not fragment.whole_line:
            continue
        seen.add(para.index)
        if para.fmt.align != "center" and not para.fmt.frame_centred:
            align = _ALIGN.get(para.fmt.align, para.fmt.align)
            yield Problem(_where(label, fragment), f"aligned {align}", "centred (canh giữa)")


_ALIGN = {
    "both": "justified",
    "distribute": "justified",
    "left": "left",
    "right": "right",
    "center": "centred",
}


def _aggregate(items: Iterable[tuple[Para, str, str]]) -> Iterator[Problem]:
    """One problem per distinct (found, expected), naming the first paragraph and how many
    others have it: a document in a wrong font gives one finding, not a hundred."""
    groups: dict[tuple[str, str], list[Para]] = {}
    for para, found, expected in items:
        paras = groups.setdefault((found, expected), [])
        if not paras or paras[-1] is not para:
            paras.append(para)
    for (found, expected), paras in groups.items():
        where = _where_para(paras[0])
        if len(paras) > 1:
            where += f" (and {len(paras) - 1} more paragraph{'s' if len(paras) > 2 else ''})"
        yield Problem(where, found, expected)


def _wrap_problem(label: str, fragment: Fragment, expected: str) -> Iterator[Problem]:
    """A line that is wider (measured) than its paragraph's room, so wraps."""
    if not fragment.whole_line:
        return
    width = fragment_width_mm(fragment)
    room = fragment.para.width_mm
    if width > room + 0.05:
        yield Problem(
            _where(label, fragment),
            f"{_mm(width)} of text in {_mm(room)}: it wraps onto two lines",
            expected,
        )


def _share_problem(
    label: str, fragments: Sequence[Fragment], line: RuleLine | None, what: str
) -> Iterator[Problem]:
    """The rule under ``fragments`` must be 1/3 to 1/2 of their longest line."""
    if not fragments:
        return
    longest = longest_wrapped_mm(fragments)
    expected = (
        f"a solid line 1/3 to 1/2 of the longest line of the {what} "
        f"({_mm(longest)}): {longest / 3:.1f}–{longest / 2:.1f} mm"
    )
    if line is None:
        yield Problem(_where(label, fragments), f"no line under the {what}", expected)
    elif line.kind == "underline":
        yield Problem(
            _where(label, fragments),
            f"the {what} is underlined instead of having a line below it",
            expected,
        )
    elif not fits_share(line.length_mm, fragments):
        yield Problem(_where(label, fragments), _line_found(line), expected)


def _line_found(line: RuleLine) -> str:
    kind = {
        "border": "a paragraph border",
        "shape": "a drawn line",
        "typed": "a typed line",
        "underline": "underlined text",
    }[line.kind]
    return f"{kind} {_mm(line.length_mm)} long"
