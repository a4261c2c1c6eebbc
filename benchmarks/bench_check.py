"""Where `baocao check` spends its time on a 30-page document: starting and importing, or
checking.

Renders a report of 30 sections (31 pages in LibreOffice) once, then times in new
processes, best of ``--repeat``:

* the whole command, ``python -m baocao check FILE`` (what a user waits);
* Python's own start (``python -c pass``: the interpreter and ``site``, no baocao);
* the command's imports: ``baocao._cli`` and the check wing, with everything they import
  (Python's standard library, lxml, attrs);
* the checking: ``main(["check", FILE])`` once those are imported (the first and only
  call of the process, as in the command, with what it imports on first use).

Prints each, the share of the command spent checking (target: more than half) and the
ratio of importing to checking. Python reads each module from its bytecode cache as an
installed package does (``pip`` compiles it); this machine's environment sets
``PYTHONDONTWRITEBYTECODE=1``, which makes every start compile baocao's sources again, so
the benchmark gives its child processes a cache of their own (``PYTHONPYCACHEPREFIX``)
and prints that case too. ``--importtime`` lists the largest imports
(``python -X importtime -m baocao check FILE``).

    python benchmarks/bench_check.py [--repeat 7] [--quick] [--importtime]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from bench_render import best  # the benchmarks' one timer (best of n runs)

import baocao

PARAGRAPH = (
    "Trong năm, Sở đã triển khai đồng bộ các nhiệm vụ được giao, bảo đảm tiến độ và chất "
    "lượng, phối hợp chặt chẽ với các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, "
    "thành phố trong việc thực hiện các chỉ tiêu kinh tế - xã hội."
)

# The command, split where its imports end: the same modules, the same call.
SPLIT = """\
import json, sys, time
start = time.perf_counter()
from baocao._cli import main
import baocao._check
imported = time.perf_counter()
sys.stdout = sys.stderr = open(__import__("os").devnull, "w")
main(["check", sys.argv[1]])
done = time.perf_counter()
print(json.dumps([imported - start, done - imported]), file=sys.__stdout__)
"""


def long_report(sections: int) -> baocao.Report:
    """A report of ``sections`` sections of 3 paragraphs and 3 items each."""
    example = baocao.load(Path(__file__).resolve().parents[1] / "examples" / "2710-BC-SNV.yaml")
    body = [baocao.Paragraph(PARAGRAPH)] * 3
    items = [
        baocao.Item(title=f"Việc {j}", body=[baocao.Paragraph(PARAGRAPH)] * 2) for j in (1, 2, 3)
    ]
    return baocao.Report(
        issuer=example.issuer,
        number=example.number,
        place=example.place,
        date=example.date,
        subject=example.subject,
        signatory=example.signatory,
        recipients=example.recipients,
        sections=[
            baocao.Section(title=f"Nội dung thứ {i}", body=body, items=items)
            for i in range(1, sections + 1)
        ],
    )


def environment(cache: str | None) -> dict[str, str]:
    """The environment of the child processes: with a bytecode cache in ``cache``, or none."""
    env = dict(os.environ)
    if cache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
    return env


def measure(path: Path, env: Mapping[str, str], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds of the whole command, Python's start, importing and
    checking, each in new processes."""

    def run(*argv: str) -> str:
        done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env)
        return done.stdout

    def command() -> None:
        run("-m", "baocao", "check", str(path))

    def start() -> None:
        run("-c", "pass")

    command()  # fills the bytecode cache, if there is one
    splits = [json.loads(run("-c", SPLIT, str(path))) for _ in range(repeat)]
    return {
        "whole": best(repeat, command),
        "start": best(repeat, start),
        "imports": min(s[0] for s in splits),
        "checking": min(s[1] for s in splits),
    }


def show(title: str, t: Mapping[str, float]) -> None:
    print(title)
    print(f"  the whole command                    {t['whole'] * 1000:7.0f} ms")
    print(f"  Python's own start                   {t['start'] * 1000:7.0f} ms")
    print(f"  importing the CLI and the check wing {t['imports'] * 1000:7.0f} ms")
    print(f"  checking (main(['check', FILE]))     {t['checking'] * 1000:7.0f} ms")
    print(
        f"  checking is {t['checking'] / t['whole']:.0%} of the command (target > 50%); "
        f"importing / checking = {t['imports'] / t['checking']:.2f}"
    )


def largest_imports(path: Path, env: Mapping[str, str], count: int = 15) -> None:
    """The modules that take longest to import, by their own time (``-X importtime``)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "baocao", "check", str(path)],
        capture_output=True,
        text=True,
        env=env,
    )
    rows = []
    for line in done.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if found:
            rows.append((int(found[1]), int(found[2]), found[4]))
    total = sum(own for own, _, _ in rows)
    print(f"-X importtime: {total / 1000:.0f} ms importing (inflated by the measuring); largest")
    for own, cumulative, name in sorted(rows, reverse=True)[:count]:
        print(f"  {own / 1000:6.1f} ms own {cumulative / 1000:7.1f} ms with its imports  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs; the best is kept")
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke run")
    parser.add_argument("--importtime", action="store_true", help="list the largest imports")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.docx"
        baocao.render(long_report(30), path)
        cached = environment(str(Path(folder) / "pycache"))
        size = path.stat().st_size // 1024
        show(
            f"baocao check, a 31-page document ({size} kB), best of {repeat}, "
            "modules read from their bytecode cache (as installed):",
            measure(path, cached, repeat),
        )
        show(
            "the same without a bytecode cache (PYTHONDONTWRITEBYTECODE=1: every start "
            "compiles baocao's sources):",
            measure(path, environment(None), repeat),
        )
        if args.importtime:
            largest_imports(path, cached)
    return 0


if __name__ == "__main__":
    sys.exit(main())
