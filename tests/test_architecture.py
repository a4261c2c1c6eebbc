"""The house (docs/architecture.md): what import-linter's contracts do not say.

``lint-imports`` (run by .ci/run) checks the layers and the forbidden arrows. These tests check,
on the source itself, that no cycle exists anywhere (not even through an import inside a
function), that no private name crosses from one wing to another, that every module of the
render wing is named in the contract that keeps the template generator out of the runtime,
and that the contracts' file parses.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = pytest.importorskip("tomli")

from .conftest import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "baocao"
WINGS = ("_check", "_cli", "_import", "_model", "_ooxml", "_render", "_sign", "_words")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _wing(module: str) -> str:
    """The wing a module belongs to: ``baocao._check`` for ``baocao._check._rules``; a
    top-level module is its own wing."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def _imports(module: str) -> Iterator[tuple[str, str, int]]:
    """(imported module, imported name or "", line) for every import of ``baocao`` in the
    module, at any depth (inside functions too)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if not target.startswith("baocao"):
                continue
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:
                    yield f"{target}.{alias.name}", "", node.lineno
                else:
                    yield target, alias.name, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("baocao"):
                    yield alias.name, "", node.lineno


def _graph() -> dict[str, set[str]]:
    return {m: {t for t, _name, _line in _imports(m) if t != m} for m in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan). A package's
    ``__init__`` importing its own modules is not an arrow back: a module of the package
    importing the package's ``__init__`` would be."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_has_no_cycle() -> None:
    assert _cycles(_graph()) == []


def test_no_module_is_over_800_lines() -> None:
    """A module over 800 lines holds more than one concern: split it by meaning."""
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text("utf-8").splitlines())) > 800}
    assert long == {}


def test_the_cycle_finder_finds_one() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_private_name_crosses_a_wing() -> None:
    crossings = []
    for module in MODULES:
        for target, name, line in _imports(module):
            if _wing(target) == _wing(module) or target == "baocao":
                continue
            inside = target.split(".")[2:] if target.count(".") >= 2 else []
            if (name.startswith("_") and not name.startswith("__")) or inside:
                crossings.append(f"{module}:{line} imports {target} {name}".rstrip())
    assert crossings == []


def test_the_face_reads_the_wings_only_through_their_init() -> None:
    wrong = [
        f"{t}.{n}" for t, n, _line in _imports("baocao") if t.count(".") >= 2 or n.startswith("_")
    ]
    assert wrong == []


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def test_every_wing_is_kept_from_the_template_generator() -> None:
    """The contract names every wing but render, and render's modules by a pattern, so a new
    module of the render wing is covered without editing the contract."""
    (contract,) = [c for c in _contracts() if "template generator" in str(c["name"])]
    sources = set(contract["source_modules"])  # type: ignore[call-overload]
    assert sources == {f"baocao.{wing}" for wing in WINGS if wing != "_render"} | {
        "baocao._render.*"
    }
    assert contract["forbidden_modules"] == ["baocao._render._template_gen"]


def test_the_layers_name_every_top_level_module_and_wing() -> None:
    (contract,) = [c for c in _contracts() if c["type"] == "layers"]
    named = {
        f"baocao.{name.strip()}"
        for layer in contract["layers"]  # type: ignore[attr-defined]
        for name in layer.split("|")
    }
    top = {_wing(m) for m in MODULES if m != "baocao"} - {"baocao.__main__"}
    assert top == named


UPSTREAM_INTERNALS = (
    "._element",
    "._styles_part",
    "._core_properties_part",
    "._blob",
    ".patch_xml(",
    ".fix_tables(",
    ".resolve_listing(",
    ".render_xml_part(",
    ".init_docx(",
    "serialize_part_xml",
)


def test_only_one_module_touches_python_docx_and_docxtpl_internals() -> None:
    """Their private attributes sit in ``_render/_upstream.py`` (with upper version bounds
    and tests/render/test_upstream.py), so a new release breaks one module, loudly."""
    touching = sorted(
        f"{module}: {internal}"
        for module, path in MODULES.items()
        if module != "baocao._render._upstream"
        for internal in UPSTREAM_INTERNALS
        if internal in path.read_text(encoding="utf-8")
    )
    assert touching == []
