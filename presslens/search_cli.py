"""`python -m presslens search QUERY [DIR] --format csv|json|table`: every match of a query
(analysis.search) with its file, outlet, date, sentence and the matched words."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from analysis.corpus import SEEDS_DIR


def cmd_search(args: argparse.Namespace, opened, failed) -> pd.DataFrame | None:
    """`opened` and `failed`: the command line's corpus opener and its failure exception."""
    from analysis.search import QueryError, parse_query, search
    from analysis.selection import Selection

    try:
        query = parse_query(args.query)
    except QueryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise failed from None
    analysed = opened(args)
    matches = search(Selection(analysed), query, actor=args.actor, with_sentence=True)
    files = dict(zip(analysed.corpus.articles["article_id"], analysed.corpus.articles["file"]))
    print(f"{len(matches):,} matches of {query} in {matches['article_id'].nunique():,} "
          "article(s)", file=sys.stderr)
    return pd.DataFrame({
        "file": matches["article_id"].map(files),
        "outlet": matches["outlet"],
        "published": matches["published"].dt.strftime("%Y-%m-%d").fillna(""),
        "sentence_id": matches["sentence_id"],
        "start": matches["start"], "end": matches["end"],
        "sentence": matches["sentence"],
        "match": matches["match"],
    })


def add_search(sub, opened, failed) -> None:
    """The `search` subcommand, on the command line's subparsers (`opened`, `failed`: its
    corpus opener and failure exception)."""
    p = sub.add_parser("search", help='the matches of a query: words, "phrases", OR, NOT/-word, '
                       "prefix*")
    p.add_argument("query", help='e.g. \'"spy balloon" OR drone -weather\'')
    p.add_argument("dir", nargs="?", type=Path, default=SEEDS_DIR,
                   help="corpus folder or .csv/.jsonl table (default: the seeds)")
    p.add_argument("--actor", default=None, help="only sentences that name this actor")
    p.add_argument("--format", choices=("csv", "json", "table"), default="table")
    p.set_defaults(func=lambda args: cmd_search(args, opened, failed))
