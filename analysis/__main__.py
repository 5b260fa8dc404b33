"""Command line: `python -m analysis COMMAND [DIR] --format csv|json|table`.

The same tables the dashboard draws, for scripts and tests; DIR defaults to the seed corpus.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.corpus import SEEDS_DIR, Corpus, load_corpus
from analysis.pipeline import analyse


def _corpus_table(corpus: Corpus, args: argparse.Namespace) -> pd.DataFrame:
    out = corpus.articles.drop(columns=["text", "extra"])
    out["published"] = out["published"].dt.strftime("%Y-%m-%d").fillna("")
    return out


def _mentions_table(corpus: Corpus, args: argparse.Namespace) -> pd.DataFrame:
    result = analyse(corpus)
    for problem in result.registry_problems:
        print(f"error: {problem}", file=sys.stderr)
    return result.mentions[["file", "outlet", "actor", "surface", "kind", "sentence_id", "start",
                            "end", "candidates", "sentence"]]


COMMANDS: dict[str, tuple[str, Callable[[Corpus, argparse.Namespace], pd.DataFrame]]] = {
    "corpus": ("the article table: outlet, date, title, authors, words", _corpus_table),
    "mentions": ("the mention table: file, actor, surface, kind, sentence", _mentions_table),
}


def _write(df: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", force_ascii=False, indent=1, date_format="iso"))
        sys.stdout.write("\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 60):
            sys.stdout.write(df.to_string(index=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, _) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        p.add_argument("dir", nargs="?", type=Path, default=SEEDS_DIR,
                       help="corpus folder or .csv/.jsonl table (default: the seeds)")
        p.add_argument("--format", choices=("csv", "json", "table"), default="table")
    args = parser.parse_args(argv)
    corpus = load_corpus(args.dir)
    for row in corpus.problems.itertuples():
        print(f"{row.severity}: {row.file} [{row.field}]: {row.message} — {row.hint}", file=sys.stderr)
    if not args.dir.exists():
        return 2
    try:
        _write(COMMANDS[args.command][1](corpus, args), args.format)
    except BrokenPipeError:  # `… | head`: the reader left; not an error
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
