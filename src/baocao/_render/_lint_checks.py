"""The checks lint makes on each part of a template (:class:`Linter`), and what they
find (:class:`LintIssue`).

Each tag is compiled on its own (so that a syntax error names its paragraph), block tags
are matched and their placement checked, the names are checked against the context
(``_lint_names``), and the whole part is compiled as rendering compiles it (docxtpl's
``patch_xml``, then Jinja). The codes are listed in ``_lint``.
"""

from __future__ import annotations

import html
import re
from typing import Any, Literal

import attrs
import jinja2
import jinja2.meta

from ._lint_names import Walker, context_shape
from ._lint_tags import CLOSER, PIECE, TAG, W_T, W_TC, W_TR, Part, Tag, Unit, collapse, scan, short
from ._sandbox import RAW_XML, jinja_environment
from ._upstream import patch_xml

__all__ = ["LintIssue", "Linter", "Severity"]

Severity = Literal["error", "warning"]

_BLOCKS = frozenset(
    {"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "raw", "trans"}
)
_INCLUDES = frozenset({"include", "import", "from", "extends"})


@attrs.frozen
class LintIssue:
    """One problem :func:`lint` found in a template.

    Attributes:
        code: what kind of problem (``unclosed-tag``, ``unknown-variable``, …; the table
            in :mod:`baocao._render._lint`).
        message: what is wrong and what to do, in one sentence.
        paragraph: the template paragraph it is in, as a reader sees it (whitespace
            collapsed), so that it can be found with Word's search.
        severity: ``"error"`` (rendering fails or the output is wrong) or ``"warning"``
            (it renders, but the template is fragile or loses text).
    """

    code: str
    message: str
    paragraph: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f" (in the paragraph: {short(self.paragraph)})" if self.paragraph else ""
        return f"{self.severity} {self.code}: {self.message}{where}"


class Linter:
    """The issues of the parts of one template, each reported once."""

    def __init__(self, tpl: Any = None) -> None:
        self.env = jinja_environment()
        self.tpl = tpl  # docxtpl's patch_xml, to compile a part as rendering does
        self.issues: list[LintIssue] = []
        self._seen: set[tuple[str, str, str]] = set()

    def add(
        self,
        code: str,
        message: str,
        tag_or_unit: Tag | Unit | None,
        part: Part,
        severity: Severity = "error",
    ) -> None:
        unit = tag_or_unit.unit if isinstance(tag_or_unit, Tag) else tag_or_unit
        where = "" if unit is None else unit.where
        if part.label:
            message = f"{message} ({part.label})"
        key = (code, message, where)
        if key not in self._seen:
            self._seen.add(key)
            self.issues.append(LintIssue(code, message, where, severity))

    # --- one part

    def part(self, part: Part) -> None:
        first = len(self.issues)
        tags: list[Tag] = []
        for unit in part.units:
            found, unclosed = scan(unit)
            tags.extend(found)
            for piece in unclosed:
                closer = CLOSER[piece[:2]]
                self.add(
                    "unclosed-tag",
                    f"the tag '{piece}' is not closed: '{closer}' is "
                    "missing in this paragraph (a tag must begin and end in the same "
                    "paragraph)",
                    unit,
                    part,
                )
        for tag in tags:
            if tag.container and tag.kind == "{{":
                self.add(
                    "tag-in-container",
                    f"the tag '{short(tag.text, PIECE)}' is inside "
                    f"{tag.container}: a value with a page break (\\f) cannot be printed "
                    "there (the paragraph cannot be split inside it) and rendering fails; "
                    "move the tag out of it",
                    tag,
                    part,
                    "warning",
                )
            if tag.runs > 1:
                self.add(
                    "split-tag",
                    f"the tag '{short(tag.text, PIECE)}' is split across "
                    f"{tag.runs} formatting runs; docxtpl mends it, but delete it and "
                    "type it again in one go, without changing its formatting",
                    tag,
                    part,
                    "warning",
                )
        failed = {id(tag): tag for tag in tags if not self.tag(tag, part)}
        start = len(self.issues)
        self.blocks(tags, part)
        if not self.errors_since(start) and all(t.kind == "{{" for t in failed.values()):
            # An expression Jinja cannot read is left out; the other names are checked.
            self.names(
                [attrs.evolve(tag, source="") if id(tag) in failed else tag for tag in tags], part
            )
        if part.xml is not None and self.tpl is not None and not self.errors_since(first):
            self.whole(part)

    def errors_since(self, start: int) -> bool:
        return any(issue.severity == "error" for issue in self.issues[start:])

    def tag(self, tag: Tag, part: Part) -> bool:
        """Compile one tag on its own, so that a syntax error names its paragraph;
        ``False`` when Jinja cannot read it."""
        keyword = tag.keyword
        if keyword in _INCLUDES:
            self.add(
                "unsupported-tag",
                f"'{short(tag.text, PIECE)}': a template is one "
                "file, it cannot include, import or extend another; put everything in "
                "this one",
                tag,
                part,
            )
            return True
        source = tag.source
        if not source or keyword.startswith("end"):
            return True
        if keyword in ("elif", "else"):
            source = "{% if true %}" + source + "{% endif %}"
        elif keyword in _BLOCKS or tag.is_block_set:
            source = source + "{% end" + keyword + " %}"
        try:
            self.env.compile(source)
        except jinja2.TemplateSyntaxError as exc:
            text = exc.message or str(exc)
            if text == RAW_XML:
                self.add("raw-xml", f"'{short(tag.text, PIECE)}': {text}", tag, part)
                return True
            code = (
                "unknown-filter"
                if text.startswith(("No filter named", "No test named"))
                else "syntax"
            )
            self.add(code, f"Jinja cannot read '{short(tag.text, PIECE)}': {text}", tag, part)
            return False
        return True

    def blocks(self, tags: list[Tag], part: Part) -> None:
        """Match block tags (if/endif, for/endfor, …) and check where they sit."""
        stack: list[list[Tag]] = []
        raw = False
        for tag in tags:
            keyword = tag.keyword
            if raw:
                if keyword == "endraw":
                    raw = False
                    stack.pop()
                continue
            if keyword in _BLOCKS or tag.is_block_set:
                stack.append([tag])
                raw = keyword == "raw"
            elif keyword in ("elif", "else"):
                if stack and stack[-1][0].keyword in (
                    ("if",) if keyword == "elif" else ("if", "for")
                ):
                    stack[-1].append(tag)
                else:
                    self.add(
                        "unmatched-end",
                        f"'{short(tag.text, PIECE)}' is not inside an "
                        "{% if %}" + (" or {% for %}" if keyword == "else" else ""),
                        tag,
                        part,
                    )
            elif keyword.startswith("end") and keyword != "end":
                want = keyword[3:]
                if not any(group[0].keyword == want for group in stack):
                    self.add(
                        "unmatched-end",
                        f"'{short(tag.text, PIECE)}' closes no open {{% {want} %}}",
                        tag,
                        part,
                    )
                    continue
                while stack[-1][0].keyword != want:
                    self.unclosed(stack.pop()[0], part)
                group = stack.pop()
                group.append(tag)
                self.placement(group, part)
        for group in stack:
            self.unclosed(group[0], part)

    def unclosed(self, tag: Tag, part: Part) -> None:
        self.add(
            "unclosed-block",
            f"'{short(tag.text, PIECE)}' is never closed: add "
            f"{{%{tag.level} end{tag.keyword} %}} where the block ends",
            tag,
            part,
        )

    def placement(self, group: list[Tag], part: Part) -> None:
        """The tags of one block must sit at the same level of the same container."""
        if group[0].unit.element is None:
            return
        levels = {tag.level if tag.level in ("p", "tr", "tc") else "" for tag in group}
        anchors = {_anchor(tag) for tag in group}
        first = group[0]
        if len(levels) > 1 or None in anchors or (len(anchors) > 1 and levels != {""}):
            self.add(
                "misnested-block",
                f"the tags of the block '{short(first.text, PIECE)}'"
                " sit at different levels ("
                + ", ".join(f"'{short(t.text, 30)}'" for t in group)
                + "): put {%p …%} tags on "
                "paragraphs of their own, {%tr …%} in table rows and {%tc …%} in table "
                "cells, all in the same table or text",
                first,
                part,
            )
        elif levels == {""} and len({id(t.unit) for t in group}) > 1:
            parents = {t.unit.element.getparent() for t in group}
            if len(parents) > 1:
                self.add(
                    "misnested-block",
                    f"the block '{short(first.text, PIECE)}' opens "
                    "and closes in paragraphs of different tables or cells: use {%p …%} "
                    "tags on paragraphs of their own",
                    first,
                    part,
                )
            else:
                self.add(
                    "cross-paragraph-block",
                    f"the block '{short(first.text, PIECE)}' "
                    "opens in one paragraph and closes in another, which joins them: "
                    "use {%p …%} tags on paragraphs of their own",
                    first,
                    part,
                    "warning",
                )
        for tag in group:
            self.dropped(tag, part)

    def dropped(self, tag: Tag, part: Part) -> None:
        if tag.level not in ("p", "tr", "tc"):
            return
        container = _container(tag)
        if container is None:
            return
        text = "".join(t.text or "" for t in container.iter(W_T))
        left = collapse(TAG.sub(" ", text))
        if left:
            what = {"p": "paragraph", "tr": "table row", "tc": "table cell"}[tag.level]
            self.add(
                "dropped-text",
                f"docxtpl replaces the whole {what} of "
                f"'{short(tag.text, PIECE)}' with the tag, so its other text "
                f"('{short(left, 40)}') is lost: move it to a {what} of its own",
                tag,
                part,
                "warning",
            )

    def names(self, tags: list[Tag], part: Part) -> None:
        """Unknown variables and keys, and reaching for Python internals."""
        source = "\n".join(tag.source for tag in tags)
        try:
            tree = self.env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            tag = tags[exc.lineno - 1] if 0 < exc.lineno <= len(tags) else None
            self.add("syntax", f"Jinja cannot read the template: {exc.message}", tag, part)
            return
        known = set(context_shape().keys) | set(self.env.globals)
        unknown = jinja2.meta.find_undeclared_variables(tree) - known
        Walker(
            lambda code, message, tag: self.add(code, message, tag, part),
            self.env.globals,
            tags,
            unknown,
        ).walk(tree)

    def whole(self, part: Part) -> None:
        """Compile the part as rendering does (docxtpl's patch_xml, then Jinja)."""
        assert part.xml is not None
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", patch_xml(self.tpl, part.xml))
        try:
            self.env.compile(source)
        except jinja2.TemplateSyntaxError as exc:
            line = (
                source.splitlines()[exc.lineno - 1]
                if 0 < exc.lineno <= len(source.splitlines())
                else ""
            )
            unit = Unit([], collapse(html.unescape(re.sub(r"<[^>]+>", "", line))))
            self.add("syntax", f"Jinja cannot read the template: {exc.message}", unit, part)


def _anchor(tag: Tag) -> Any:
    """Where a block tag ends up once docxtpl has patched the XML."""
    element = tag.unit.element
    if tag.level in ("", "r"):
        return element
    container = _container(tag)
    return None if container is None else container.getparent()


def _container(tag: Tag) -> Any:
    element = tag.unit.element
    if element is None:
        return None
    if tag.level == "p":
        return element
    wanted = W_TR if tag.level == "tr" else W_TC
    for ancestor in element.iterancestors():
        if ancestor.tag == wanted:
            return ancestor
    return None
