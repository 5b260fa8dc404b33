"""Index speed of this tree against an older commit, side by side in one run.

    python scripts/bench_against.py OLD_REF [--articles 1000 10000] [--rounds 3]

Checks OLD_REF out into a temporary git worktree, makes one synthetic corpus per size (the
same bytes for both), and indexes it from scratch with each tree in turn, alternating old and
new each round so that whatever else the machine does falls on both. Also times opening the
index again and re-indexing after ten articles are added, and gives the index's size on disk.
Prints the medians and new/old."""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run inside each tree: works with both the old (`open_indexed`) and new (`open_corpus`) names.
PROBE = r"""
import json, sys, time
from pathlib import Path
from analysis import pipeline
corpus = Path(sys.argv[1])
open_ = getattr(pipeline, "open_corpus", None) or getattr(pipeline, "open_indexed")
t0 = time.perf_counter()
_, info, _ = pipeline.update_index(corpus, workers=2)
fresh = time.perf_counter() - t0
from analysis.store import index_dir
size_mb = sum(f.stat().st_size for f in index_dir(corpus).rglob("*") if f.is_file()) / 1e6
t0 = time.perf_counter()
analysis, _ = open_(corpus)
reopen = time.perf_counter() - t0
mentions = len(analysis.tables["mentions"])
lines = corpus.read_text(encoding="utf-8").splitlines()
added = [json.dumps({**json.loads(l), "id": 10**9 + i, "text": f"Late addition {i}. " + json.loads(l)["text"]})
         for i, l in enumerate(lines[:10])]
corpus.write_text("\n".join(lines + added) + "\n", encoding="utf-8")
t0 = time.perf_counter()
pipeline.update_index(corpus, workers=2)
add10 = time.perf_counter() - t0
print(json.dumps({"index_2_workers": fresh, "open_index": reopen, "reindex_after_adding_10": add10,
                  "index_mb": size_mb, "words": info["words"], "mentions": mentions}))
"""


def _probe(tree: Path, corpus: Path, work: Path) -> dict:
    """Index a fresh copy of `corpus` with the code in `tree`."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for f in corpus.parent.iterdir():
        shutil.copy(f, work / f.name)
    out = subprocess.run([sys.executable, "-c", PROBE, str(work / corpus.name)], cwd=tree,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("--articles", type=int, nargs="+", default=[1000])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from presslens.bench import synthetic_corpus

    with tempfile.TemporaryDirectory(prefix="presslens-against-") as tmp:
        tmp = Path(tmp)
        old_tree = tmp / "old"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old_tree), args.old],
                       cwd=ROOT, check=True)
        try:
            for n in args.articles:
                corpus = synthetic_corpus(n, tmp / f"corpus-{n}")
                runs: dict[str, list[dict]] = {"old": [], "new": []}
                for r in range(args.rounds):
                    order = [("old", old_tree), ("new", ROOT)]
                    for name, tree in order if r % 2 == 0 else order[::-1]:
                        runs[name].append(_probe(tree, corpus, tmp / f"work-{name}"))
                        print(f"{n} articles, round {r + 1}, {name}: {runs[name][-1]}", flush=True)
                for key in ("words", "mentions"):
                    if runs["old"][0][key] != runs["new"][0][key]:
                        print(f"NOTE {key} differ: old {runs['old'][0][key]}, new {runs['new'][0][key]}")
                print(f"\n{n} articles, medians of {args.rounds} alternating rounds")
                print(f"{'metric (s, or MB on disk)':<28}{'old':>9}{'new':>9}{'new/old':>9}")
                for key in ("index_2_workers", "open_index", "reindex_after_adding_10",
                            "index_mb"):
                    old = statistics.median(x[key] for x in runs["old"])
                    new = statistics.median(x[key] for x in runs["new"])
                    print(f"{key:<28}{old:>9.3f}{new:>9.3f}{new / old:>9.2f}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old_tree)], cwd=ROOT)


if __name__ == "__main__":
    main()
