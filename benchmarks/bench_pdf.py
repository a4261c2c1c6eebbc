"""PDF batches (issue 14, §5): N reports to PDF/A, one LibreOffice start per document
against the batch path (one LibreOffice for every 20 documents), in one run.

Renders ``--n`` variants of the example report (7 pages each) to .docx first, then times:

* ``to_pdf`` once per document (a new LibreOffice each time, as baocao 0.1 did);
* ``render_many(..., pdf=True)``'s conversion step, :func:`convert_many`, on the same
  documents (one LibreOffice per batch, the finishing pass included).

Both produce the same deterministic PDF/A-2b bytes (checked). Prints the time per document
of each and the ratio (target: at least 5x on the 2-core machine). The machine may be shared:
run it a few times and report the range.

    python benchmarks/bench_pdf.py [--n 20]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import attrs

import baocao
from baocao._render._pdf import convert_many, to_pdf

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2710-BC-SNV.yaml"


def documents(count: int) -> list[bytes]:
    """``count`` different .docx documents: the example with numbers 1, 2, …"""
    example = baocao.load(EXAMPLE)
    return [baocao.render(attrs.evolve(example, number=n + 1), metadata=True) for n in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20, help="documents (default 20)")
    args = parser.parse_args()
    docs = documents(args.n)
    to_pdf(docs[0])  # LibreOffice's first start on a machine is slower: not counted

    started = time.perf_counter()
    one_by_one = [to_pdf(d) for d in docs]
    single = time.perf_counter() - started

    started = time.perf_counter()
    batched = convert_many(docs)
    batch = time.perf_counter() - started

    assert batched == one_by_one, "the batch path must give the same bytes"
    print(f"{args.n} reports of 7 pages to PDF/A-2b")
    print(f"  one LibreOffice per document: {single:7.2f} s  {single / args.n * 1000:7.0f} ms/doc")
    print(f"  one LibreOffice per batch:    {batch:7.2f} s  {batch / args.n * 1000:7.0f} ms/doc")
    print(f"  ratio: {single / batch:.1f}x")


if __name__ == "__main__":
    main()
