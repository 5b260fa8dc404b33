"""Load a corpus into tables: articles, zones, sentences, and the problems met on the way.

A corpus is either a folder (article files `.txt`, `.md`, `.html` plus `sources.csv` and
`actors.toml`, the format of `seeds/`) or one `.csv` / `.jsonl` table with one article per
row (columns text, outlet, published, title, authors, url; extra columns are kept).

Metadata in sources.csv (or the table) wins; where it is missing, what the text itself shows
(a URL line, "Updated Sept. 28, 2023", a " date 2023-11-15" stamp, a "By ..." byline) is used
and marked "detected". Nothing here raises at the user: each problem becomes a row of the
problems table naming the file, the field and what to do.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis import schema
from analysis.cleaning import COUNTED_ZONES, clean_text, count_words
from analysis.sentences import split_sentences

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PACKAGE_ROOT / "seeds"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl")
SOURCES_FILE = "sources.csv"
ACTORS_FILE = "actors.toml"
SOURCE_COLUMNS = ("file", "outlet", "published", "title", "authors", "url")
TABLE_COLUMNS = ("text", "outlet", "published", "title", "authors", "url")
MAX_FILE_BYTES = 50 * 1024 * 1024  # a news article is kilobytes; past this it is not one
MAX_TABLE_BYTES = 8 * 1024**3  # a .csv/.jsonl table holds many articles (50,000 are ~300 MB)

# Outlets recognisable from an article's own URL, when sources.csv does not name one.
OUTLET_DOMAINS = {
    "wsj.com": "The Wall Street Journal",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "usip.org": "United States Institute of Peace",
    "english.nv.ua": "NV",
    "nv.ua": "NV",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "cnn.com": "CNN",
    "bloomberg.com": "Bloomberg",
    "scmp.com": "South China Morning Post",
    "globaltimes.cn": "Global Times",
    "yomiuri.co.jp": "The Japan News",
}
UNKNOWN_OUTLET = "(unknown outlet)"


SentenceText = Callable[[pd.DataFrame], list[str]]  # rows (article_id, sentence_id) -> text


def sentence_lookup(sentences: pd.DataFrame) -> SentenceText:
    """Sentence text by the article_id and sentence_id of any rows, from a sentences table
    that holds its text (schema.SENTENCES)."""
    def key(df: pd.DataFrame) -> pd.MultiIndex:
        return pd.MultiIndex.from_arrays([df["article_id"].astype(str), df["sentence_id"]])

    by_key = pd.Series(sentences["text"].to_numpy(), index=key(sentences))
    return lambda rows: by_key.reindex(key(rows)).tolist()


@dataclass(frozen=True)
class Texts:
    """Article and zone text, by article position (the rows of Corpus.articles). Held in
    memory for a corpus loaded from files; for a corpus opened from its index, memory-mapped
    from each stored part's Arrow files, so that text costs memory only where it is read (the
    article or the sentences shown)."""

    articles: tuple[pa.Array, ...]  # per part: its articles' text
    zones: tuple[pa.Array, ...]  # per part: its zones' text, article after article, in order
    part: np.ndarray  # per article position: its part
    row: np.ndarray  # per article position: its row among its part's articles
    first_zone: np.ndarray  # per article position: the row of its block 0 in its part's zones

    def article(self, position: int) -> str:
        return self.articles[self.part[position]][self.row[position]].as_py()

    def zone(self, position: int, block: int) -> str:
        return self.zones[self.part[position]][self.first_zone[position] + block].as_py()

    @classmethod
    def of_tables(cls, articles: pd.DataFrame, zones: pd.DataFrame) -> "Texts":
        """From tables that hold their text (schema.ARTICLES, schema.ZONES)."""
        n = len(articles)
        first = zones_start(articles["article_id"], zones["article_id"])
        return cls((pa.array(articles["text"], pa.large_string()),),
                   (pa.array(zones["text"], pa.large_string()),),
                   np.zeros(n, dtype=np.int32), np.arange(n), first)


def zones_start(article_ids, zone_article_ids) -> np.ndarray:
    """For each article, the row of its first zone among `zone_article_ids` (zones listed
    article after article), or -1 where it has none."""
    codes, uniques = pd.factorize(pd.Series(zone_article_ids))  # (hashed by pandas, not per key)
    runs = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])[::-1]
    first = np.full(len(uniques) + 1, -1, dtype=np.int64)  # the last slot: not found
    first[codes[runs]] = runs  # latest run first: each article keeps its earliest row
    first[-1] = -1
    return first[pd.Index(uniques).astype(str).get_indexer(pd.Index(article_ids).astype(str))]


@dataclass(frozen=True)
class Corpus:
    """The loaded corpus. Loaded from files, its tables hold their text; opened from an index
    (analysis.index), `articles`, `zones` and `sentences` have no `text` column and `texts`
    holds it: read it through `article_text`, `zone_text`, `sentence_text` and
    `sentences_with_text`, which work for both."""

    name: str
    path: Path
    content_hash: str
    articles: pd.DataFrame  # schema.ARTICLES
    zones: pd.DataFrame  # schema.ZONES
    sentences: pd.DataFrame  # schema.SENTENCES
    problems: pd.DataFrame  # schema.PROBLEMS
    texts: Texts | None = None

    @cached_property
    def labels(self) -> dict[str, str]:
        """article_id -> what the app calls the article (title, or its first words)."""
        return dict(zip(self.articles["article_id"], self.articles["label"]))

    @cached_property
    def _texts(self) -> Texts:
        return self.texts or Texts.of_tables(self.articles, self.zones)

    @cached_property
    def _article_rows(self) -> dict[str, int]:
        """Row of each article."""
        return dict(zip(self.articles["article_id"], range(len(self.articles))))

    @cached_property
    def _sentence_rows(self) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        """First sentence row of each article, sentence starts and ends."""
        ids = self.sentences["article_id"]
        first = np.flatnonzero(~ids.duplicated().to_numpy())
        return (dict(zip(ids.iloc[first].astype(str), first)),
                self.sentences["start"].to_numpy(), self.sentences["end"].to_numpy())

    def article_text(self, article_id: str) -> str:
        return self._texts.article(self._article_rows[article_id])

    def zone_text(self, zones: pd.DataFrame) -> list[str]:
        """Text of these rows of `zones` (by their article_id and block)."""
        position = self._article_rows
        return [self._texts.zone(position[str(a)], int(b))
                for a, b in zip(zones["article_id"], zones["block"])]

    def sentence_text(self, rows: pd.DataFrame) -> list[str]:
        """Text of the sentences named by the article_id and sentence_id of `rows`."""
        if "text" in self.sentences.columns:
            return self._lookup(rows)
        article = self._article_rows
        first, starts, ends = self._sentence_rows
        out, current, body = [], None, ""
        for a, s in zip(rows["article_id"].astype(str), rows["sentence_id"]):
            if a != current:  # rows come article by article: each article read once
                current, body = a, self._texts.article(article[a])
            row = first[a] + int(s)
            out.append(body[starts[row]:ends[row]])
        return out

    @cached_property
    def _lookup(self) -> SentenceText:
        return sentence_lookup(self.sentences)

    def sentences_with_text(self, articles: pd.DataFrame | None = None) -> pd.DataFrame:
        """The sentences (of `articles` only, if given) with their text: what scans over every
        sentence read (distinctive words, unclaimed names, a term's sentences)."""
        s = self.sentences
        if articles is not None:
            s = s[s["article_id"].isin(articles["article_id"])]
        if "text" in s.columns:
            return s
        return s.assign(text=pd.Series(self.sentence_text(s), index=s.index, dtype="str"))


@dataclass(frozen=True)
class _Raw:
    """One article before cleaning, with whatever metadata its source gave."""

    article_id: str
    file: str
    text: str
    given: dict[str, str]
    extra: dict[str, str]


class _Problems(list):
    def add(self, file: str, field: str, message: str, hint: str, severity: str = "warning"):
        self.append(
            {"file": file, "field": field, "severity": severity, "message": message, "hint": hint}
        )


# ------------------------------------------------------------------------------ reading
def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: UTF-8 first, then what charset-normalizer finds
    among the encodings news files come in (cp1252 is common for scraped text), then cp1252,
    then latin-1, which accepts any byte."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["cp1252", "latin_1", "utf_16", "cp1251",
                                                     "iso8859_15", "mac_roman"]).best()
    for enc in ([best.encoding] if best else []) + ["cp1252", "latin-1"]:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    raise AssertionError("latin-1 decodes every byte string")


class _HTMLText(HTMLParser):
    """Visible text of an HTML page, one block element a line; scripts, styles and page
    furniture (nav, header, footer, aside, form) dropped. Text stays text: nothing is
    ever rendered as HTML."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
             "article", "blockquote", "figcaption", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_h1 = False
        self.h1 = ""

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        if tag in self.BLOCK:
            self.parts.append("\n\n")
        self.in_h1 = self.in_h1 or tag == "h1"
        if tag == "h1" and not self.skipping:
            self.parts.append("# ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag in self.BLOCK:
            self.parts.append("\n\n")
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)
            if self.in_h1:
                self.h1 += data

    def text(self) -> str:
        joined = "".join(self.parts)
        lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in joined.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(html: str) -> str:
    """Article text of an HTML page: trafilatura (a maintained extractor that drops
    navigation, scripts and boilerplate), the headline kept as a markdown heading for the
    cleaner; the plain stdlib parser where trafilatura finds no article."""
    import trafilatura

    body = trafilatura.extract(html, output_format="txt", include_comments=False,
                               include_tables=False, favor_recall=True)
    if not body:
        parser = _HTMLText()
        parser.feed(html)
        parser.close()
        return parser.text()
    meta = trafilatura.extract_metadata(html)
    title = meta.title.strip() if meta and meta.title else ""
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(([f"# {title}"] if title else []) + lines)


def _read_file(path: Path, problems: _Problems, *, table: bool = False) -> str | None:
    """Text of one file (an article, or a `table` of them), or None (with a problem recorded)
    when it cannot be read."""
    limit, what = (MAX_TABLE_BYTES, "a table") if table else (MAX_FILE_BYTES, "one article")
    try:
        size = path.stat().st_size
        if size > limit:
            problems.add(path.name, "file", f"file is {size / 1e6:.0f} MB, over the "
                         f"{limit // 2**20} MB limit for {what}",
                         "split it into smaller files", "error")
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.add(path.name, "file", f"cannot be read ({exc.strerror or exc})",
                     "check the file's permissions or copy it again", "error")
        return None
    if not data or data.isspace():  # (not a strip: that copies a whole table)
        problems.add(path.name, "file", "file is empty", "remove it or replace it with the "
                     "article text", "error")
        return None
    if b"\x00" in data[:4096]:
        problems.add(path.name, "file", "file is binary, not text",
                     "export the article as .txt, .md or .html", "error")
        return None
    text, enc = decode_bytes(data)
    if enc != "utf-8-sig":
        problems.add(path.name, "encoding", f"not valid UTF-8; read as {enc}",
                     "check accented letters and quotation marks; save the file as UTF-8 "
                     "to be sure")
    return text


# ------------------------------------------------------------------------- metadata input
def _read_sources(folder: Path, problems: _Problems) -> dict[str, dict[str, str]]:
    path = folder / SOURCES_FILE
    if not path.exists():
        return {}
    text = _read_file(path, problems)
    if text is None:
        return {}
    rows = {}
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        problems.add(SOURCES_FILE, "file", "has no 'file' column, so no row can be matched "
                     "to an article", f"give it a header row: {','.join(SOURCE_COLUMNS)}", "error")
        return {}
    for n, row in enumerate(reader, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            problems.add(SOURCES_FILE, f"line {n}", "row has no file name", "fill in the "
                         "'file' column or delete the row")
            continue
        if None in row:  # more cells than header columns
            problems.add(SOURCES_FILE, f"line {n}", "row has more cells than the header",
                         "quote values that contain commas")
        rows[name] = {k: (v or "").strip() for k, v in row.items() if k and k != "file"}
    return rows


def parse_date(value: str) -> pd.Timestamp | None:
    value = value.strip()
    if not value:
        return None
    try:
        ts = (pd.Timestamp(date.fromisoformat(value)) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
              else pd.to_datetime(value, errors="raise", format="mixed"))  # (ISO: the quick way)
    except (ValueError, OverflowError, TypeError):
        return None
    if pd.isna(ts) or not 1800 <= ts.year <= 2200:
        return None
    return pd.Timestamp(ts).tz_localize(None) if ts.tzinfo else pd.Timestamp(ts)


def _label(title: str, text: str, spans: list[tuple[int, int]]) -> str:
    """What the app calls an article: its title, else the start of its first sentence (`spans`:
    the text's sentences)."""
    if title:
        return title
    words = text[spans[0][0]:spans[0][1]].split() if spans else []
    return ("“" + " ".join(words[:9]) + ("…" if len(words) > 9 else "") + "”") if words else "(empty)"


def _outlet_from_url(url: str) -> str:
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0].lower()
    for domain, outlet in OUTLET_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return outlet
    return ""


# ------------------------------------------------------------------------------- building
def _build(raws: list[_Raw], problems: _Problems) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    articles, zones, sentences = [], [], []
    for raw in raws:
        cleaned = clean_text(raw.text)
        text = cleaned.text
        detected = {
            "outlet": _outlet_from_url(raw.given.get("url") or cleaned.url),
            "title": cleaned.headline,
            "authors": "; ".join(cleaned.authors),
            "url": cleaned.url,
            "published": cleaned.published.isoformat() if cleaned.published else "",
        }
        row: dict = {"article_id": raw.article_id, "file": raw.file}
        for field in ("outlet", "title", "authors", "url", "published"):
            given = raw.given.get(field, "").strip()
            if field == "published" and given and parse_date(given) is None:
                problems.add(raw.file, "published", f"'{given}' is not a date",
                             "write it as YYYY-MM-DD" + (
                                 "; the date found in the text is used meanwhile"
                                 if detected["published"] else ""))
                given = ""
            value, source = (given, "given") if given else (
                (detected[field], "detected") if detected[field] else ("", "missing"))
            row[field], row[f"{field}_source"] = value, source
        row["published"] = parse_date(row["published"]) if row["published"] else pd.NaT
        if not row["outlet"]:
            row["outlet"] = UNKNOWN_OUTLET
            problems.add(raw.file, "outlet", "no outlet given or found in the text",
                         f"add the outlet to {SOURCES_FILE} (or the table's 'outlet' column)")
        if not text.strip():
            problems.add(raw.file, "text", "no article text left after cleaning (everything "
                         "looked like captions, notices or page furniture)",
                         "open it in the Overview page to see what was set aside")
        spans = split_sentences(text)
        row["label"] = _label(row["title"], text, spans)
        row["words"] = count_words(text)
        row["text"] = text
        removed = 0
        for i, b in enumerate(cleaned.blocks):
            counted = b.zone in COUNTED_ZONES
            w = count_words(b.text)
            removed += 0 if counted else w
            zones.append({"article_id": raw.article_id, "block": i, "zone": b.zone,
                          "reason": b.reason, "counted": counted, "words": w, "text": b.text})
        row["removed_words"] = removed
        row["extra"] = json.dumps(raw.extra, ensure_ascii=False) if raw.extra else ""
        articles.append(row)
        for j, (s, e) in enumerate(spans):
            sentences.append({"article_id": raw.article_id, "sentence_id": j, "start": s,
                              "end": e, "text": text[s:e]})
    art = schema.conform(pd.DataFrame(articles, columns=list(schema.ARTICLES)), schema.ARTICLES)
    return (
        art,
        schema.conform(pd.DataFrame(zones, columns=list(schema.ZONES)), schema.ZONES),
        schema.conform(pd.DataFrame(sentences, columns=list(schema.SENTENCES)), schema.SENTENCES),
    )


def _folder_raws(folder: Path, problems: _Problems) -> list[_Raw]:
    sources = _read_sources(folder, problems)
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    if not files:
        tables = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != SOURCES_FILE
                        and p.suffix.lower() in TABLE_SUFFIXES)
        problems.add(folder.name, "folder", "holds no .txt, .md or .html article files"
                     + (f" (it holds the table {', '.join(tables)})" if tables else ""),
                     f"to read a table, give its path: {folder / tables[0]}" if tables else
                     "add article files, or give the path of a .csv/.jsonl table", "error")
    names = {p.name for p in files}
    for missing in sorted(set(sources) - names):
        problems.add(SOURCES_FILE, missing, f"names '{missing}', which is not in the corpus folder",
                     "correct the file name in sources.csv or add the file")
    raws = []
    for path in files:
        text = _read_file(path, problems)
        if text is None:
            continue
        if path.suffix.lower() in (".html", ".htm"):
            text = html_to_text(text)
        if sources and path.name not in sources:
            problems.add(path.name, "sources.csv", "has no row in sources.csv; metadata is read "
                         "from the text where it shows", f"add a row for '{path.name}' to sources.csv")
        given = sources.get(path.name, {})
        extra = {k: v for k, v in given.items() if k not in SOURCE_COLUMNS and v}
        raws.append(_Raw(path.name, path.name, text, given, extra))
    return raws


def _table_raws(path: Path, problems: _Problems) -> list[_Raw]:
    text = _read_file(path, problems, table=True)
    if text is None:
        return []
    records: list[tuple[int, dict]] = []
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.add(path.name, f"line {n}", f"not valid JSON ({exc.msg})",
                             "fix or delete that line; the other lines were loaded")
                continue
            if not isinstance(obj, dict):
                problems.add(path.name, f"line {n}", "is not a JSON object",
                             "each line must be one {...} article")
                continue
            records.append((n, obj))
    else:
        try:
            df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                             on_bad_lines="warn")
        except (pd.errors.ParserError, ValueError) as exc:
            problems.add(path.name, "file", f"cannot be read as CSV ({exc})",
                         "export it again as comma-separated UTF-8", "error")
            return []
        records = [(i + 2, r) for i, r in enumerate(df.to_dict("records"))]
    if records and not any("text" in r for _, r in records):
        problems.add(path.name, "text", "has no 'text' column", "name the column holding the "
                     f"article text 'text' (expected columns: {', '.join(TABLE_COLUMNS)})", "error")
        return []
    ids = ["" if rec.get("id") is None else str(rec["id"]).strip() for _, rec in records]
    stable = all(ids) and len(set(ids)) == len(ids)  # an id column names articles for good
    raws = []
    for (n, rec), given_id in zip(records, ids):
        body = rec.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.add(path.name, f"line {n}", "row has no text", "fill in its 'text' cell")
            continue
        given = {k: str(rec.get(k) or "") for k in SOURCE_COLUMNS if k not in ("file",)}
        extra = {k: str(v) for k, v in rec.items() if k not in TABLE_COLUMNS and k != "file"}
        ref = given_id if stable else n
        raws.append(_Raw(f"{path.stem}#{ref}", rec.get("file") or f"{path.name}#{ref}", body, given,
                         extra))
    return raws


def input_files(path: Path) -> list[Path]:
    """Every file the analysis reads: article files or the table, sources.csv, actors.toml,
    topics.toml."""
    if path.is_file():
        return [path, *(p for p in (path.parent / ACTORS_FILE, path.parent / "topics.toml")
                        if p.is_file())]
    return sorted(p for p in path.iterdir()
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES + (".csv", ".toml", ".jsonl"))


def corpus_hash(path: Path) -> str:
    """Hash of everything the analysis reads: article files, sources.csv, actors.toml."""
    h = hashlib.sha256()
    for p in input_files(path) if path.is_dir() else [path]:
        h.update(p.name.encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    return h.hexdigest()[:16]


def fingerprint(path: Path) -> str:
    """A cheap stand-in for `corpus_hash`: names, sizes and modification times of the input
    files (as git's index does), so that a large corpus is not read to learn it is unchanged."""
    h = hashlib.sha256()
    try:
        for p in input_files(path):
            st = p.stat()
            h.update(f"{p.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    except OSError as exc:
        h.update(str(exc).encode())
    return h.hexdigest()[:16]


def read_raws(path: Path) -> tuple[list[_Raw], _Problems]:
    """The articles of a corpus folder or table before cleaning, and the problems met."""
    problems = _Problems()
    if not path.exists():
        problems.add(str(path), "path", "does not exist", "give a corpus folder or a .csv/.jsonl "
                     "table", "error")
        raws: list[_Raw] = []
    elif path.is_dir():
        raws = _folder_raws(path, problems)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        raws = _table_raws(path, problems)
    elif path.suffix.lower() in ARTICLE_SUFFIXES:
        text = _read_file(path, problems)
        raws = [_Raw(path.name, path.name, text, {}, {})] if text is not None else []
    else:
        problems.add(path.name, "file", f"'{path.suffix}' is not a corpus format",
                     "use a folder of .txt/.md/.html files, or a .csv/.jsonl table", "error")
        raws = []
    return raws, problems


def clean_raws(raws: list[_Raw]) -> dict[str, pd.DataFrame]:
    """Cleaning and sentence splitting for some articles: articles, zones, sentences and the
    problems they raised (each table in its schema)."""
    problems = _Problems()
    articles, zones, sentences = _build(raws, problems)
    return {"articles": articles, "zones": zones, "sentences": sentences,
            "problems": problems_table(problems)}


def problems_table(problems: list[dict]) -> pd.DataFrame:
    return schema.conform(pd.DataFrame(problems, columns=list(schema.PROBLEMS)), schema.PROBLEMS)


def corpus_name(path: Path) -> str:
    return path.stem if path.is_file() else path.name


def load_corpus(path: Path | str = SEEDS_DIR) -> Corpus:
    """Load a corpus folder or table. Never raises for bad content: see `.problems`."""
    path = Path(path)
    raws, problems = read_raws(path)
    articles, zones, sentences = _build(raws, problems)
    return Corpus(
        name=corpus_name(path),
        path=path,
        content_hash=corpus_hash(path) if path.exists() else "",
        articles=articles,
        zones=zones,
        sentences=sentences,
        problems=problems_table(problems),
    )
