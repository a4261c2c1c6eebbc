"""Where `baocao check` spends its time on a 30-page document: starting and importing, or
checking.

Renders a report of 30 sections (31 pages in LibreOffice) once, then times, best of
``--repeat``:

* the whole command, ``python -m baocao check FILE``, in a new process (what a user waits);
* the same process doing nothing but start and import the command and the check wing
  (``python -c "import baocao._cli, baocao._check"``);
* ``baocao.check(data)`` in a warm process (the checking itself, the first call of a process
  included, since the command makes exactly one).

Prints each, and the share of the command spent checking (target: more than half).

    python benchmarks/bench_check.py [--repeat 5] [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_render import best  # the benchmarks' one timer (best of n runs)

import baocao

PARAGRAPH = (
    "Trong năm, Sở đã triển khai đồng bộ các nhiệm vụ được giao, bảo đảm tiến độ và chất "
    "lượng, phối hợp chặt chẽ với các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, "
    "thành phố trong việc thực hiện các chỉ tiêu kinh tế - xã hội."
)


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


def first_check_seconds(path: Path) -> float:
    """``check`` once, in a new process whose imports are done before the clock starts."""
    code = (
        "import sys, time, baocao\n"
        "from baocao._check import check\n"
        f"data = open({str(path)!r}, 'rb').read()\n"
        "t = time.perf_counter(); check(data); print(time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs; the best is kept")
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke run")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.docx"
        baocao.render(long_report(30), path)

        def command() -> None:
            subprocess.run(
                [sys.executable, "-m", "baocao", "check", str(path)],
                capture_output=True,
                check=False,
            )

        def imports() -> None:
            subprocess.run([sys.executable, "-c", "import baocao._cli, baocao._check"], check=True)

        total = best(repeat, command)
        start = best(repeat, imports)
        checking = min(first_check_seconds(path) for _ in range(repeat))
    print(f"baocao check, a 31-page document, best of {repeat}")
    print(f"  the whole command            {total * 1000:7.0f} ms")
    print(f"  start and import             {start * 1000:7.0f} ms")
    print(f"  checking (first call)        {checking * 1000:7.0f} ms")
    share = checking / total
    print(f"checking is {share:.0%} of the command (target > 50%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
