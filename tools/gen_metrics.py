"""Generate ``src/baocao/_ooxml/_metrics_data.py``: Times New Roman advance widths for baocao.

baocao computes how wide a line of text is (to draw the rules under the Tiêu ngữ, the name of
the issuing body and the trích yếu, and to size the header columns) by adding up glyph advance
widths; Word does not kern by default. The widths come from Liberation Serif 2.x, which is
metric-compatible with Times New Roman (Debian package ``fonts-liberation2``). Liberation 1.07
(``fonts-liberation``) lacks the stacked Vietnamese letters (ộ, ự, Ệ, ...), so it is refused.

Usage (development only; fontTools is not a runtime dependency of baocao)::

    python tools/gen_metrics.py            # rewrite src/baocao/_ooxml/_metrics_data.py
    python tools/gen_metrics.py --check    # exit 1 if the committed file is out of date

Exit status: 0 done / up to date, 1 the committed file differs (``--check``), 2 the fonts are
missing or unusable.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from generated import write_or_check  # tools/generated.py

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "baocao" / "_ooxml" / "_metrics_data.py"
DEFAULT_FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")

#: The four faces, in the order they are written, with their file names.
FACES: dict[str, str] = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}

#: Code point blocks that a Vietnamese administrative document may contain. Only the code
#: points that all four faces have are written; the others fall back at run time (see
#: ``baocao._ooxml._metrics``).
BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (NBSP, «», °, ±, ×, à, é, ...)
    (0x0100, 0x024F),  # Latin Extended-A and -B (Đ đ Ơ ơ Ư ư, ...)
    (0x02B0, 0x02FF),  # spacing modifier letters (ʼ ˆ ˜ ...)
    (0x0300, 0x0323),  # combining diacritics used in Vietnamese (zero advance)
    (0x1EA0, 0x1EF9),  # Vietnamese letters of Latin Extended Additional
    (0x2000, 0x206F),  # general punctuation (– — ‘ ’ “ ” … • ‰, spaces)
    (0x20A0, 0x20CF),  # currency (₫ €)
    (0x2100, 0x214F),  # letterlike (№ ™)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (− ≤ ≥ ≠ ≈ ∞)
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ● ○)
)

#: Letters that Liberation Serif 1.x lacks; their presence proves a 2.x font.
REQUIRED = "ộỆựĐđƠơƯư"

VALUES_PER_LINE = 12


class FontError(Exception):
    """The fonts cannot be found or are not Liberation Serif 2.x."""


def _version(font: TTFont) -> str:
    name = str(font["name"].getDebugName(5) or "")
    match = re.search(r"(\d+(?:\.\d+)+)", name)
    if match is None:
        raise FontError(f"cannot read the version of the font from {name!r}")
    return match.group(1)


def load_widths(font_dir: Path) -> tuple[str, int, list[int], dict[str, list[int]]]:
    """Read the four faces; return (version, units per em, code points, widths per face)."""
    cmaps: dict[str, dict[int, int]] = {}
    versions: set[str] = set()
    upems: set[int] = set()
    for face, filename in FACES.items():
        path = font_dir / filename
        if not path.is_file():
            raise FontError(f"{path} not found (Debian: apt install fonts-liberation2)")
        font = TTFont(str(path), lazy=True)
        try:
            versions.add(_version(font))
            upems.add(int(font["head"].unitsPerEm))
            cmap: dict[int, str] = font.getBestCmap()
            hmtx = font["hmtx"]
            cmaps[face] = {cp: int(hmtx[glyph][0]) for cp, glyph in cmap.items()}
        finally:
            font.close()
    if len(versions) != 1 or len(upems) != 1:
        raise FontError(f"the four faces differ: versions {versions}, units per em {upems}")
    version, upem = versions.pop(), upems.pop()
    if int(version.split(".")[0]) < 2:
        raise FontError(f"Liberation Serif {version} is too old: install fonts-liberation2")
    for face, cmap_widths in cmaps.items():
        missing = [ch for ch in REQUIRED if ord(ch) not in cmap_widths]
        if missing:
            raise FontError(f"{face} face lacks {''.join(missing)}: not Liberation Serif 2.x")
    codepoints = [
        cp
        for first, last in BLOCKS
        for cp in range(first, last + 1)
        if all(cp in cmap_widths for cmap_widths in cmaps.values())
    ]
    widths: dict[str, list[int]] = {}
    for face, cmap_widths in cmaps.items():
        widths[face] = [
            # A format control (soft hyphen, zero-width space, direction marks) takes no room
            # in a laid-out line, whatever its glyph's advance says.
            0 if unicodedata.category(chr(cp)) == "Cf" else cmap_widths[cp]
            for cp in codepoints
        ]
    return version, upem, codepoints, widths


def _runs(codepoints: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for cp in codepoints:
        if runs and runs[-1][1] == cp - 1:
            runs[-1] = (runs[-1][0], cp)
        else:
            runs.append((cp, cp))
    return runs


def _chunks(values: Sequence[int], size: int) -> Iterable[tuple[int, Sequence[int]]]:
    for start in range(0, len(values), size):
        yield start, values[start : start + size]


def render(version: str, upem: int, codepoints: Sequence[int], widths: dict[str, list[int]]) -> str:
    """Return the text of ``_metrics_data.py``."""
    lines = [
        f"# Generated by `python tools/gen_metrics.py` from Liberation Serif {version}.",
        "# Do not edit by hand: change the generator and run it again.",
        "# Liberation fonts: SIL Open Font License 1.1. The numbers below are advance widths,",
        "# facts about the fonts' metrics (identical to Times New Roman's), not font data.",
        '"""Advance widths of Times New Roman (as Liberation Serif 2.x) for ``_ooxml._metrics``.',
        "",
        "``WIDTHS[face][i]`` is the advance width, in font units (``UNITS_PER_EM`` to the em), of",
        "the i-th code point listed by ``RANGES`` (inclusive runs, in order). Format controls",
        "(soft hyphen, zero-width space, ...) are 0.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        f'FONT_VERSION = "{version}"',
        f"UNITS_PER_EM = {upem}",
        "",
        "# fmt: off",
        "RANGES: tuple[tuple[int, int], ...] = (",
    ]
    lines += [f"    (0x{first:04X}, 0x{last:04X})," for first, last in _runs(codepoints)]
    lines += [")", "", "WIDTHS: dict[str, tuple[int, ...]] = {"]
    for face in FACES:
        lines.append(f'    "{face}": (')
        for start, chunk in _chunks(widths[face], VALUES_PER_LINE):
            values = ", ".join(str(w) for w in chunk)
            lines.append(f"        {values},  # U+{codepoints[start]:04X}")
        lines.append("    ),")
    lines += ["}", "# fmt: on", ""]
    return "\n".join(lines)


def generate(font_dir: Path = DEFAULT_FONT_DIR) -> str:
    """Read the fonts in ``font_dir`` and return the text of ``_metrics_data.py``."""
    return render(*load_widths(font_dir))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only compare with the file")
    parser.add_argument("--font-dir", type=Path, default=DEFAULT_FONT_DIR)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    output: Path = args.output
    try:
        text = generate(args.font_dir)
    except FontError as err:
        print(f"gen_metrics: {err}", file=sys.stderr)
        return 2
    return write_or_check(output, text, "gen_metrics", check=args.check)


if __name__ == "__main__":
    sys.exit(main())
