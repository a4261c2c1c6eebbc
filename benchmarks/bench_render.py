"""Rendering throughput: plain docxtpl against baocao.Template and render_many.

In one run, on the example report (2710/BC-SNV, 7 pages):

* (a) plain docxtpl as its documentation shows it: a new ``DocxTemplate`` on the same
  template file, ``render(context, autoescape=True)``, ``save``; the context is built
  once beforehand, so (a) does less work than (b);
* (b) ``baocao.Template.render``: context, Jinja, layout pass, zip;
* (c) ``baocao.render_many`` on every core (the pool started inside the timing);

then one report holding a big table (:func:`big_tables`): plain docxtpl as in (a), its
context built beforehand, against (b), for 1,000 and 10,000 rows, and a table of 100,000
rows rendered with (b) alone in a subprocess, for its time per row and peak memory. Prints
ms per report, reports per second and the ratios. Targets on a 2-core machine: (b) ≥ 5×
(a), (c) ≥ 1.8× (b); 10,000 rows ≥ 3× plain docxtpl, 100,000 rows in time linear in rows
(≤ 1.2× the time per row of 10,000) and under 1 GB.

    python benchmarks/bench_render.py [--n 200] [--repeat 3] [--quick]
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docxtpl

import baocao
from baocao._render import default_template_path

ROOT = Path(__file__).resolve().parents[1]


def best(repeat: int, run: Callable[[], None]) -> float:
    """The best wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def table_report(rows: int) -> baocao.Report:
    data = [
        (f"Đơn vị {i}", i, baocao.Rate(i, rows, rounding="half_up")) for i in range(1, rows + 1)
    ]
    return baocao.Report(
        issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"),
        number=1,
        place="Hà Nội",
        date=datetime.date(2026, 3, 5),
        subject=f"Số liệu {rows} đơn vị",
        signatory=baocao.Signatory(name="Nguyễn Văn A", title="Giám đốc"),
        sections=[
            baocao.Section(
                title="Số liệu",
                body=[baocao.Table(header=["Đơn vị", "Số lượng", "Tỷ lệ"], rows=data)],
            )
        ],
    )


def plain_table(template_path: str, report: baocao.Report) -> Callable[[], None]:
    """Plain docxtpl on one report, its context built beforehand (outside the timing)."""
    ctx = baocao.context(report)

    def run() -> None:
        document = docxtpl.DocxTemplate(template_path)
        document.render(ctx, autoescape=True)
        document.save(io.BytesIO())

    return run


def table_child(rows: int) -> None:
    """In a fresh interpreter: render one report of ``rows`` rows; print the seconds it took
    and the peak resident memory of the whole process (MiB)."""
    template = baocao.Template()
    big = table_report(rows)
    start = time.perf_counter()
    template.render(big)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{seconds} {peak}")


def table_in_child(rows: int) -> tuple[float, float]:
    """(seconds, peak MiB) of :func:`table_child` in a subprocess."""
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        f"import bench_render; bench_render.table_child({rows})"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    seconds, peak = out.split()
    return float(seconds), float(peak)


def big_tables(template: baocao.Template, template_path: str, repeat: int, quick: bool) -> None:
    """One report holding a big table: plain docxtpl (prebuilt context) against
    ``Template.render`` (context inside the timing), then the biggest table alone in a
    subprocess for its time per row and peak memory. Targets: >= 3x plain docxtpl at
    10,000 rows, time linear in rows, < 1 GB at 100,000 rows."""
    sizes = (200, 1000) if quick else (1000, 10000)
    huge = 10000 if quick else 100000
    print(f"\nbig tables, best of {repeat}")
    print(f"{'rows':>7} {'plain ms':>10} {'baocao ms':>10} {'us/row':>8} {'vs plain':>9}")
    per_row = {}
    for rows in sizes:
        big = table_report(rows)

        def render_big(big: baocao.Report = big) -> None:
            template.render(big)

        a = best(repeat, plain_table(template_path, big))
        b = best(repeat, render_big)
        per_row[rows] = b / rows
        print(f"{rows:>7} {a * 1000:10.1f} {b * 1000:10.1f} {b / rows * 1e6:8.1f} {a / b:8.2f}x")
    seconds, peak = min(table_in_child(huge) for _ in range(max(1, repeat - 1)))
    per_row[huge] = seconds / huge
    print(f"{huge:>7} {'':>10} {seconds * 1000:10.1f} {seconds / huge * 1e6:8.1f}  (subprocess)")
    last = sizes[-1]
    print(f"{last} rows: vs plain docxtpl, target >= 3x (the row above)")
    print(
        f"{huge} rows: {per_row[huge] / per_row[last]:.2f}x the time per row of {last} "
        f"(target <= 1.2x, linear); peak memory {peak:.0f} MiB (target < 1024 MiB)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="reports per measurement")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is kept")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = parser.parse_args()
    n, repeat = (20, 1) if args.quick else (args.n, args.repeat)
    jobs = os.cpu_count() or 1

    report = baocao.load(ROOT / "examples" / "2710-BC-SNV.yaml")
    template_path = str(default_template_path())
    context = baocao.context(report)
    template = baocao.Template()

    def plain() -> None:
        for _ in range(n):
            document = docxtpl.DocxTemplate(template_path)
            document.render(context, autoescape=True)
            document.save(io.BytesIO())

    def loaded() -> None:
        for _ in range(n):
            template.render(report)

    def many() -> None:
        for result in baocao.render_many([report] * n, jobs=jobs):
            assert result.ok, result.error

    plain()  # warm-up (imports, caches)
    loaded()
    a = best(repeat, plain) / n
    b = best(repeat, loaded) / n
    c = best(repeat, many) / n
    print(f"example report (2710/BC-SNV), {n} renders, best of {repeat}, {jobs} cores")
    print(f"{'':34} {'ms/report':>10} {'reports/s':>10}")
    for name, value in (
        ("(a) plain docxtpl", a),
        ("(b) baocao.Template.render", b),
        (f"(c) baocao.render_many, {jobs} jobs", c),
    ):
        print(f"{name:34} {value * 1000:10.2f} {1 / value:10.1f}")
    print(f"(b) vs (a): {a / b:.2f}x faster (target >= 5x)")
    print(f"(c) vs (b): {b / c:.2f}x the rate (target >= 1.8x)")

    big_tables(template, template_path, repeat, quick=args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
