"""Cost of an article without line breaks (a PDF extraction or a scraped page often comes as
one line): load and analysis time at each size, to see that it grows linearly.

    python scripts/bench_one_line.py [--sizes 100000 1000000 10000000]

The article is the seed corpus's prose, paragraph breaks removed, repeated to each size.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.corpus import SEEDS_DIR, load_corpus  # noqa: E402
from analysis.pipeline import analyse  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 10_000_000])
    args = ap.parse_args()
    prose = " ".join(load_corpus(SEEDS_DIR).articles["text"]).replace("\n", " ")
    for size in args.sizes:
        text = ((prose + " ") * (size // len(prose) + 1))[:size]
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "one-line.txt").write_text(text, encoding="utf-8")
            t0 = time.perf_counter()
            corpus = load_corpus(Path(tmp))
            loaded = time.perf_counter() - t0
            t0 = time.perf_counter()
            result = analyse(corpus)
            analysed = time.perf_counter() - t0
        print(f"{size:>12,} characters on one line: load {loaded:6.2f} s, analyse {analysed:6.2f} s"
              f" ({len(corpus.sentences):,} sentences, {len(result.mentions):,} mentions)",
              flush=True)


if __name__ == "__main__":
    main()
