"""What the generators in tools/ share: write a generated file, or with ``--check`` say
whether the committed one is what the generator gives (a test runs each with ``--check``)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(output: Path, text: str, tool: str, *, check: bool) -> int:
    """Write ``text`` to ``output``, or compare it (exit status 1 when they differ)."""
    if check:
        current = output.read_text(encoding="utf-8") if output.is_file() else None
        if current != text:
            print(f"{tool}: {output} is out of date; run `python tools/{tool}.py`", file=sys.stderr)
            return 1
        print(f"{tool}: {output} is up to date")
        return 0
    output.write_text(text, encoding="utf-8", newline="\n")
    print(f"{tool}: wrote {output}")
    return 0
