"""Command line: the same tables the dashboard draws, for scripts and tests.

    python -m presslens corpus    [DIR] --format csv|json|table   one row per article
    python -m presslens mentions  [DIR] --format …                one row per mention
    python -m presslens actors    [DIR] --format …                the actors, discovered or confirmed
    python -m presslens quotes    [DIR] --format …                quotations and speakers
    python -m presslens sentiment [DIR] --format …                tone per (actor, outlet)
    python -m presslens text      [DIR] --format jsonl|txt        each article's counted text
    python -m presslens report    [DIR] --out OUTDIR              every chart: PNG, SVG, HTML, CSV
    python -m presslens new CORPUS / add CORPUS FILES...          the corpus library
    python -m presslens index DIR [--workers N] [--executor dask]   the per-article work, stored
    python -m presslens bench --articles N [N ...]                speed and memory, side by side
    python -m presslens bench-metadata [--dataset DIR] [--list]   outlet and date on real pages
    python -m presslens bench-cleaning [--dataset DIR] [--list]   article text kept from real pages
    python -m presslens bench-actors [--annotations DIR] [--misses] actors found with no registry
    python -m presslens bench-quotes [--annotations DIR] [--wrong]  quotes and speakers, real news
    python -m presslens bench-search --articles N [--workdir DIR]  query time on a large corpus
    python -m presslens evaluate-sentiment FILE.jsonl             engines on NewsMTSC-style data

DIR is a corpus folder or a .csv/.jsonl table and defaults to the seed corpus.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from analysis.corpus import SEEDS_DIR
from analysis.pipeline import Analysis, open_corpus
from analysis.sentiment import DEFAULT_ENGINE, ENGINES, score_tone


class _Failed(Exception):
    """A command could not run; its reason is already on stderr."""


def _opened(args: argparse.Namespace) -> Analysis:
    """The corpus at args.dir, opened as the dashboard opens it (pipeline.open_corpus: the
    same tables, the same identity), its loading and registry problems on stderr; scored by
    args.engine where the command has one."""
    if not args.dir.exists():
        print(f"error: {args.dir} does not exist — give a corpus folder or a .csv/.jsonl table",
              file=sys.stderr)
        raise _Failed
    analysed = open_corpus(args.dir)[0]
    for row in analysed.corpus.problems.itertuples():
        print(f"{row.severity}: {row.file} [{row.field}]: {row.message} — {row.hint}",
              file=sys.stderr)
    for problem in analysed.registry_problems:
        print(f"error: {problem}", file=sys.stderr)
    engine = getattr(args, "engine", analysed.engine)
    if engine != analysed.engine:
        analysed = analysed.with_engine(engine, score_tone(
            analysed.mentions, analysed.corpus.sentence_text, engine=engine))
    return analysed


def cmd_corpus(args: argparse.Namespace) -> pd.DataFrame | None:
    out = _opened(args).corpus.articles.drop(columns=["extra"])
    out["published"] = out["published"].dt.strftime("%Y-%m-%d").fillna("")
    return out


def cmd_text(args: argparse.Namespace) -> None:
    """Each article's counted text (headline, dek and body in reading order), as the cleaner
    leaves it: one JSON object per line (file, outlet, published, title, their sources, words,
    text), or plain text with a header line before each article."""
    import json

    from analysis.corpus import load_corpus

    if not args.dir.exists():
        print(f"error: {args.dir} does not exist — give a corpus folder or a .csv/.jsonl table",
              file=sys.stderr)
        raise _Failed
    corpus = load_corpus(args.dir)  # cleaning only: no actors, no tone
    for row in corpus.problems.itertuples():
        print(f"{row.severity}: {row.file} [{row.field}]: {row.message} — {row.hint}",
              file=sys.stderr)
    for a in corpus.articles.itertuples():
        published = "" if pd.isna(a.published) else a.published.strftime("%Y-%m-%d")
        if args.format == "jsonl":
            sys.stdout.write(json.dumps({
                "file": a.file, "outlet": a.outlet, "outlet_source": a.outlet_source,
                "published": published, "published_source": a.published_source,
                "title": a.title, "words": int(a.words), "text": a.text}, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"===== {a.file} · {a.outlet} · {published or 'no date'} · "
                             f"{a.title or '(no title)'}\n\n{a.text}\n\n")


def cmd_mentions(args: argparse.Namespace) -> pd.DataFrame | None:
    result = _opened(args)
    out = result.mentions[["file", "outlet", "actor", "surface", "kind", "sentence_id", "start",
                           "end", "candidates"]]
    return out.assign(sentence=result.corpus.sentence_text(result.mentions))


def cmd_actors(args: argparse.Namespace) -> pd.DataFrame | None:
    from analysis.counts import registry_table

    result = _opened(args)
    table = registry_table(result.registry, result.mentions)
    return table.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable")


def cmd_quotes(args: argparse.Namespace) -> pd.DataFrame | None:
    q = _opened(args).quotes
    return q[["file", "outlet", "speaker", "actor", "speaker_kind", "relay", "kind", "quote"]]


def cmd_sentiment(args: argparse.Namespace) -> pd.DataFrame | None:
    from analysis.sentiment import aggregate_tone

    return aggregate_tone(_opened(args).scored)


def cmd_evaluate_sentiment(args: argparse.Namespace) -> pd.DataFrame | None:
    from analysis.evaluation import confusion, load_newsmtsc, score_sentiment
    from analysis.sentiment import ENGINES

    try:
        data = load_newsmtsc(args.file)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise _Failed from None
    gold = data["label"].tolist()
    tables = []
    for name, engine in ENGINES.items():
        predicted = [engine(s, a, b) for s, a, b in zip(data["sentence"], data["start"], data["end"])]
        scores = score_sentiment(gold, predicted, engine=name)
        tables.append(scores)
        if args.format == "table":
            macro = scores.set_index("label").loc["macro", "f1"]
            acc = scores.set_index("label").loc["accuracy", "f1"]
            print(f"\n== {name}: macro-F1 {macro:.1f}, accuracy {acc:.1f} ({len(gold)} targets)")
            print(scores[scores["label"].isin(["negative", "neutral", "positive"])]
                  .drop(columns="engine").round(1).to_string(index=False))
            print("confusion (rows gold, columns predicted):")
            print(confusion(gold, predicted).to_string())
    return None if args.format == "table" else pd.concat(tables, ignore_index=True)


def cmd_report(args: argparse.Namespace) -> None:
    """All pages' charts of the corpus in PNG, SVG, HTML and CSV, and an index.html: the
    dashboard's report ZIP, each page with its defaults."""
    import time

    from analysis.selection import Selection
    from figures.export import Provenance
    from figures.report import report_files, write_report
    from figures.views import report_charts

    t0 = time.perf_counter()
    selection = Selection(_opened(args))
    charts, tables = report_charts(selection)
    files = report_files(charts, tables, Provenance.of(selection, "see each chart's caption"),
                         images=None if not args.no_images else False)
    write_report(files, args.out)
    print(f"wrote {len(files)} files for {len(charts)} charts to {args.out}/ "
          f"(open {args.out}/index.html) in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


def cmd_new(args: argparse.Namespace) -> None:
    from analysis.library import create_corpus, library_dir

    try:
        folder = create_corpus(library_dir(args.library), args.corpus)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise _Failed from None
    print(f"created {folder}", file=sys.stderr)


def cmd_add(args: argparse.Namespace) -> pd.DataFrame:
    from analysis.library import add_files, library_dir, safe_name

    folder = library_dir(args.library) / safe_name(args.corpus, default="")
    if not folder.is_dir():
        print(f"error: no corpus {args.corpus!r} in {folder.parent} (create it: python -m "
              f"presslens new {args.corpus})", file=sys.stderr)
        raise _Failed
    uploads = []
    for path in args.files:
        try:
            uploads.append((path.name, path.read_bytes()))
        except OSError as exc:
            print(f"error: {path}: cannot be read ({exc.strerror})", file=sys.stderr)
    result = add_files(folder, uploads)
    print(f"added {len(result.added)} article(s) to {folder}", file=sys.stderr)
    for new, old in result.duplicates:
        print(f"duplicate: {new} is already in the corpus as {old}; not added", file=sys.stderr)
    return pd.DataFrame(result.problems, columns=["file", "message", "hint"])


def cmd_index(args: argparse.Namespace) -> None:
    """Index a corpus: the per-article work stored as Parquet, reused where nothing changed."""
    from tqdm import tqdm

    from analysis.pipeline import update_index

    if not args.dir.exists():
        print(f"error: {args.dir} does not exist — give a corpus folder or a .csv/.jsonl table",
              file=sys.stderr)
        raise _Failed
    with tqdm(total=0, unit="article", desc="indexing", file=sys.stderr) as bar:
        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        tables, info, problems = update_index(args.dir, engine=args.engine, workers=args.workers,
                                              executor=args.executor, scheduler=args.scheduler,
                                              progress=progress)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    for row in tables.get("read_problems", pd.DataFrame()).itertuples():
        print(f"{row.severity}: {row.file} [{row.field}]: {row.message} — {row.hint}",
              file=sys.stderr)
    rate = (f", {info['processed'] / max(info['seconds'], 1e-9):,.0f} articles/s"
            if info["processed"] else "")
    print(f"indexed {info['articles']} articles ({info['processed']} processed, "
          f"{info['reused']} reused) in {info['seconds']:.1f} s{rate} -> {info['index']}",
          file=sys.stderr)
    if not info["articles"]:
        raise _Failed  # nothing to index: the problems above say why


def cmd_bench(args: argparse.Namespace) -> pd.DataFrame:
    import tempfile

    from presslens.bench import run_bench

    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in args.articles:
            rows += run_bench(n, workdir=Path(tmp), results=args.results, pages=not args.no_pages)
    print(f"appended to {args.results}", file=sys.stderr)
    return pd.DataFrame(rows)[["articles", "metric", "value", "unit"]]


def _benchmark_folder(args: argparse.Namespace) -> Path:
    from presslens.bench_metadata import DATASET

    folder = args.dataset or DATASET
    if not (folder / "ground-truth.json").is_file():
        print(f"error: no ground-truth.json in {folder} (the article-extraction "
              "benchmark: see shared/datasets/article-extraction/README.md)", file=sys.stderr)
        raise _Failed
    return folder


def cmd_bench_metadata(args: argparse.Namespace) -> pd.DataFrame:
    from presslens.bench_metadata import run_bench_metadata, summarise

    pages = run_bench_metadata(_benchmark_folder(args))
    return pages.drop(columns=["url"]) if args.list else summarise(pages)


def cmd_bench_cleaning(args: argparse.Namespace) -> pd.DataFrame:
    from presslens.bench_cleaning import run_bench_cleaning, summarise

    pages = run_bench_cleaning(_benchmark_folder(args))
    return pages.drop(columns=["url"]) if args.list else summarise(pages)


def cmd_bench_actors(args: argparse.Namespace) -> pd.DataFrame:
    from presslens.bench_actors import ANNOTATIONS, misses, run_bench_actors, summarise

    rows = run_bench_actors(args.annotations or ANNOTATIONS, _benchmark_folder(args))
    if args.misses:
        missed, false = misses(rows)
        return pd.concat([missed.assign(list="missed"), false.assign(list="false")])
    return rows if args.list else summarise(rows)


def cmd_bench_quotes(args: argparse.Namespace) -> pd.DataFrame:
    from presslens.bench_quotes import ANNOTATIONS, run_bench_quotes, summarise, wrong

    rows = run_bench_quotes(args.annotations or ANNOTATIONS, _benchmark_folder(args))
    if args.wrong:
        return wrong(rows)
    return rows if args.list else summarise(rows)


def cmd_bench_search(args: argparse.Namespace) -> None:
    from presslens.bench_search import report, run_bench_search

    workdir = args.workdir or Path(f"bench-results/search-{args.articles}")
    print(report(*run_bench_search(args.articles, workdir)))


# What an empty table means, and what to do (printed instead of an empty table).
EMPTY = {
    "corpus": "no article: the folder or table holds no readable article (see the problems above)",
    "mentions": "no mention: no actor of the corpus's registry occurs in its text (list them "
                "with `python -m presslens actors DIR`; add actors to its actors.toml)",
    "actors": "no actor: none was found in the text and the corpus has no actors.toml (add "
              "actors to actors.toml in the corpus folder)",
    "quotes": "no quotation: no quoted words in the corpus's article text",
    "sentiment": "no tone: no actor is mentioned (see `python -m presslens actors DIR`)",
    "add": "nothing refused: every file was added (or was a duplicate, listed above)",
}


def _write(df: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", force_ascii=False, indent=1,
                                    date_format="iso") + "\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 60):
            sys.stdout.write(df.to_string(index=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m presslens", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, help_text in [
        ("corpus", cmd_corpus, "the article table: outlet, date, title, authors, words"),
        ("mentions", cmd_mentions, "the mention table: file, actor, surface, kind, sentence"),
        ("actors", cmd_actors, "the corpus's actors (discovered or confirmed): type, aliases, "
                               "mentions, articles, outlets"),
        ("quotes", cmd_quotes, "quotations: file, speaker, kind, quote (terms kept apart)"),
        ("sentiment", cmd_sentiment, "tone per (actor, outlet) with n and 95%% interval"),
    ]:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("dir", nargs="?", type=Path, default=SEEDS_DIR,
                       help="corpus folder or .csv/.jsonl table (default: the seeds)")
        p.add_argument("--format", choices=("csv", "json", "table"), default="table")
        p.set_defaults(func=func)
        if name == "sentiment":
            p.add_argument("--engine", choices=list(ENGINES), default=DEFAULT_ENGINE)
    p = sub.add_parser("text", help="each article's counted text (headline, dek, body)")
    p.add_argument("dir", nargs="?", type=Path, default=SEEDS_DIR,
                   help="corpus folder or .csv/.jsonl table (default: the seeds)")
    p.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    p.set_defaults(func=cmd_text)
    p = sub.add_parser("report", help="every chart in PNG, SVG, HTML and CSV, with index.html")
    p.add_argument("dir", nargs="?", type=Path, default=SEEDS_DIR)
    p.add_argument("--out", type=Path, required=True, help="folder to write the report into")
    p.add_argument("--no-images", action="store_true", help="skip PNG/SVG (no browser needed)")
    p.set_defaults(func=cmd_report, format="table")
    p = sub.add_parser("new", help="create an empty corpus in the library")
    p.add_argument("corpus")
    p.add_argument("--library", type=Path, default=None, help="library folder (default: "
                   "$PRESSLENS_LIBRARY or ~/.presslens/library)")
    p.set_defaults(func=cmd_new, format="table")
    p = sub.add_parser("add", help="add article files (txt, md, html, pdf, docx, csv, jsonl)")
    p.add_argument("corpus")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--library", type=Path, default=None)
    p.add_argument("--format", choices=("csv", "json", "table"), default="table")
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("index", help="store the per-article analysis as Parquet; reprocess "
                       "only new or changed articles")
    p.add_argument("dir", type=Path)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="worker processes (default: all cores)")
    p.add_argument("--executor", choices=("processes", "dask"), default="processes",
                   help="where the chunks run: local worker processes (default), or a Dask cluster")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --executor dask: the scheduler (tcp://host:8786); default: a local "
                        "cluster of --workers processes")
    p.add_argument("--engine", choices=list(ENGINES), default=DEFAULT_ENGINE,
                   help=f"tone engine (default: {DEFAULT_ENGINE})")
    p.set_defaults(func=cmd_index, format="table")
    p = sub.add_parser("bench", help="time and memory of the analysis against the plain "
                       "approach, and of each page, on a synthetic corpus")
    p.add_argument("--articles", type=int, nargs="+", default=[1000])
    p.add_argument("--results", type=Path, default=Path("bench-results/bench.csv"))
    p.add_argument("--no-pages", action="store_true", help="skip the page timings")
    p.add_argument("--format", choices=("csv", "json", "table"), default="table")
    p.set_defaults(func=cmd_bench)
    for name, func, help_text, list_help in [
        ("bench-metadata", cmd_bench_metadata, "outlet and date read from the visible text of "
         "the article-extraction benchmark's pages, against their HTML metadata",
         "one row per page instead of the figures"),
        ("bench-cleaning", cmd_bench_cleaning, "body text kept from the article-extraction "
         "benchmark's pages (HTML and visible plain text) against the hand-marked bodies: "
         "precision, recall, F1 and time per page", "one row per page and path"),
        ("bench-actors", cmd_bench_actors, "actor mentions found with no registry on real "
         "articles annotated by hand: precision, recall, per type", "one row per mention"),
        ("bench-quotes", cmd_bench_quotes, "quotations found and their speakers on real news "
         "articles annotated by hand", "one row per quotation, annotated and found"),
    ]:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--dataset", type=Path, default=None,
                       help="the benchmark folder (default: shared/datasets/article-extraction)")
        p.add_argument("--list", action="store_true", help=list_help)
        p.add_argument("--format", choices=("csv", "json", "table"), default="table")
        p.set_defaults(func=func)
        if name in ("bench-actors", "bench-quotes"):
            p.add_argument("--annotations", type=Path, default=None, help="folder of <page "
                           f"id>.json annotations (default: bench-data/{name[6:-1]}-annotations)")
        if name == "bench-actors":
            p.add_argument("--misses", action="store_true",
                           help="the most frequent misses and false finds")
        if name == "bench-quotes":
            p.add_argument("--wrong", action="store_true",
                           help="the quotations given the wrong speaker, and rows that are none")
    p = sub.add_parser("bench-search", help="the Search page's server time per query, and the "
                       "full-text tables' size, on a synthetic corpus of N articles")
    p.add_argument("--articles", type=int, default=50_000)
    p.add_argument("--workdir", type=Path, default=None,
                   help="where the corpus and its index are kept (default: "
                        "bench-results/search-N; reused by the next run)")
    p.set_defaults(func=cmd_bench_search, format="table")
    p = sub.add_parser("evaluate-sentiment", help="accuracy, macro-F1, per class and "
                       "confusion matrix of each engine on a NewsMTSC-style .jsonl")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("csv", "json", "table"), default="table")
    p.set_defaults(func=cmd_evaluate_sentiment)
    from presslens.search_cli import add_search  # (search QUERY [DIR]: presslens/search_cli.py)
    add_search(sub, _opened, _Failed)
    args = parser.parse_args(argv)
    try:
        table = args.func(args)
        if table is not None and table.empty and args.format == "table":
            print(EMPTY.get(args.command, "no rows"), file=sys.stderr)
        elif table is not None:
            _write(table, args.format)
    except _Failed:
        return 2
    except BrokenPipeError:  # `… | head`: the reader left; not an error
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
