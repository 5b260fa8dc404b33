"""Reading a corpus's files: the articles before cleaning (`Raw`), with the metadata their
source gives and the problems met on the way.

A corpus is either a folder (article files `.txt`, `.md`, `.html` plus `sources.csv` and
`actors.toml`, the format of `seeds/`) or one `.csv` / `.jsonl` table with one article per
row (columns text, outlet, published, title, authors, url; extra columns are kept). Files are
decoded (UTF-8, else the encoding they were written in) and HTML pages reduced to their
article text. Nothing here raises at the user: each problem becomes a row naming the file,
the field and what to do.

Each article can also say where it was read (`Source`: its file, or its record's bytes in a
table), so that a worker elsewhere reads it again itself (`read_source`) rather than being
sent its text.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl")
SOURCES_FILE = "sources.csv"
ACTORS_FILE = "actors.toml"
SOURCE_COLUMNS = ("file", "outlet", "published", "title", "authors", "url")
TABLE_COLUMNS = ("text", "outlet", "published", "title", "authors", "url")
MAX_FILE_BYTES = 50 * 1024 * 1024  # a news article is kilobytes; past this it is not one
MAX_TABLE_BYTES = 8 * 1024**3  # a .csv/.jsonl table holds many articles (50,000 are ~300 MB)
CSV_OPTIONS = {"dtype": str, "keep_default_na": False, "on_bad_lines": "warn"}
# str.splitlines' line boundaries: what ends a line of a .jsonl table
LINE_ENDS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Encodings a byte range of a file can be decoded in on its own (ASCII-compatible, stateless);
# a table read in another is not located by record, and its articles travel as text.
SLICEABLE = {"utf-8", "cp1252", "iso8859-1", "cp1251", "iso8859-15", "mac-roman"}


@dataclass(frozen=True)
class Source:
    """Where an article was read: its own `file` (`kind` "file", or "html" to be reduced to
    its article text) with its row of sources.csv (`given`), or one record of a table
    ("jsonl", "csv"): bytes [start, end) of the file, in `encoding` (a csv record read after
    the table's header, bytes `header`), `ref` naming it in the corpus. What a worker is sent
    instead of the article's text."""

    kind: str
    path: str
    given: dict[str, str] | None = None
    ref: str = ""
    start: int = 0
    end: int = 0
    encoding: str = ""
    header: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Raw:
    """One article before cleaning, with whatever metadata its source gave (and, read with
    `locate`, where it was read)."""

    article_id: str
    file: str
    text: str
    given: dict[str, str]
    extra: dict[str, str]
    source: Source | None = field(default=None, compare=False, repr=False)
    extracted: bool = False  # the text is what an extractor kept of an HTML page
    page: dict[str, str] = field(default_factory=dict)  # an HTML page's own metadata (read_html)


class Problems(list):
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


_TABLE_ROW = re.compile(r"^\|(.*)\|$")
_WORD = re.compile(r"\w+")


def html_to_text(html: str) -> str:
    """Article text of an HTML page (read_html)."""
    return read_html(html)[0]


def read_html(html: str) -> tuple[str, dict[str, str]]:
    """Article text of an HTML page, the headline kept as a markdown heading for the cleaner,
    and what the page's own metadata says of it (trafilatura's reading of its meta tags and
    structured data): `url`, `site` (its name), `published` (YYYY-MM-DD) and `authors`, those
    it gives.

    trafilatura (a maintained extractor that drops navigation, scripts and boilerplate) in its
    precision mode, tables kept; where that kept under half the words of its recall mode (it
    sometimes stops at an embedded post or a promotion inside the article), the recall
    extraction. Measured on the article-extraction benchmark (`python -m presslens
    bench-cleaning`). Never trafilatura's `deduplicate`: its cache lasts across calls, so a
    page's text would depend on the pages read before it. The plain stdlib parser where
    trafilatura finds no article."""
    import trafilatura

    common = dict(output_format="txt", include_comments=False, include_tables=True)
    body = trafilatura.extract(html, favor_precision=True, **common) or ""
    recall = trafilatura.extract(html, favor_recall=True, **common) or ""
    if len(_WORD.findall(body)) < 0.5 * len(_WORD.findall(recall)):
        body = recall
    meta = trafilatura.extract_metadata(html)
    page = {name: str(value).strip() for name, value in (
        ("url", meta and meta.url), ("site", meta and meta.sitename),
        ("published", meta and meta.date), ("authors", meta and meta.author)) if value}
    if not body:
        parser = _HTMLText()
        parser.feed(html)
        parser.close()
        return parser.text(), page
    title = meta.title.strip() if meta and meta.title else ""
    lines = []
    for line in body.splitlines():
        line = line.strip()
        if m := _TABLE_ROW.match(line):  # "| a | b |": a table's row, read as its cells
            line = "  ".join(c.strip() for c in m[1].split("|") if c.strip())
        if line:
            lines.append(line)
    if title and lines and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(([f"# {title}"] if title else []) + lines), page


def _read_file(path: Path, problems: Problems, *, table: bool = False) -> str | None:
    """Text of one file (an article, or a `table` of them), or None (with a problem recorded)
    when it cannot be read."""
    read = _read_decoded(path, problems, table=table)
    return None if read is None else read[0]


def _read_decoded(path: Path, problems: Problems, *, table: bool = False
                  ) -> tuple[str, str, int] | None:
    """_read_file's text, the encoding it was read in and how many bytes precede the text
    (a byte order mark)."""
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
    return text, enc, len(codecs.BOM_UTF8) if enc == "utf-8-sig" and data.startswith(
        codecs.BOM_UTF8) else 0


# ------------------------------------------------------------------------- metadata input
def _read_sources(folder: Path, problems: Problems) -> dict[str, dict[str, str]]:
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


# ------------------------------------------------------------------------------ articles
def _folder_raws(folder: Path, problems: Problems, *, locate: bool = False) -> list[Raw]:
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
        html = path.suffix.lower() in (".html", ".htm")
        text, page = read_html(text) if html else (text, {})
        if sources and path.name not in sources:
            problems.add(path.name, "sources.csv", "has no row in sources.csv; metadata is read "
                         "from the text where it shows", f"add a row for '{path.name}' to sources.csv")
        given = sources.get(path.name, {})
        extra = {k: v for k, v in given.items() if k not in SOURCE_COLUMNS and v}
        raws.append(Raw(path.name, path.name, text, given, extra, Source(
            "html" if html else "file", os.path.abspath(path), given) if locate else None,
            extracted=html, page=page))
    return raws


def _table_raws(path: Path, problems: Problems, *, locate: bool = False) -> list[Raw]:
    read = _read_decoded(path, problems, table=True)
    if read is None:
        return []
    text, encoding, at = read
    codec = _slice_codec(encoding) if locate else None
    records: list[tuple[int, dict]] = []
    spans: list[tuple[int, int]] | None = [] if codec else None  # each record's bytes
    header = (0, 0)
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(keepends=codec is not None), start=1):
            if codec:  # the line's bytes, its end not among them
                start, ended = at, line
                line = line.rstrip(LINE_ENDS)
                at += len(line.encode(codec))
                end, at = at, at + len(ended[len(line):].encode(codec))
            if not line.strip():
                continue
            try:
                obj, lone = json_record(line)
            except json.JSONDecodeError as exc:
                problems.add(path.name, f"line {n}", f"not valid JSON ({exc.msg})",
                             "fix or delete that line; the other lines were loaded")
                continue
            if lone:
                problems.add(path.name, f"line {n}", f"holds {lone} character(s) that are not "
                             "text (lone surrogate escapes such as \\ud800, common in scraped "
                             "posts); each was read as �", "check that article's text")
            if not isinstance(obj, dict):
                problems.add(path.name, f"line {n}", "is not a JSON object",
                             "each line must be one {...} article")
                continue
            records.append((n, obj))
            if codec:
                spans.append((start, end))
    else:
        try:
            df = pd.read_csv(io.StringIO(text), **CSV_OPTIONS)
        except (pd.errors.ParserError, ValueError) as exc:
            problems.add(path.name, "file", f"cannot be read as CSV ({exc})",
                         "export it again as comma-separated UTF-8", "error")
            return []
        records = [(i + 2, r) for i, r in enumerate(df.to_dict("records"))]
        if codec:
            header, spans = _csv_spans(text, codec, at, [r.get("text") for _, r in records]) or (
                (0, 0), None)
    if records and not any("text" in r for _, r in records):
        problems.add(path.name, "text", "has no 'text' column", "name the column holding the "
                     f"article text 'text' (expected columns: {', '.join(TABLE_COLUMNS)})", "error")
        return []
    ids = ["" if rec.get("id") is None else str(rec["id"]).strip() for _, rec in records]
    stable = all(ids) and len(set(ids)) == len(ids)  # an id column names articles for good
    raws = []
    kind, where = path.suffix.lower()[1:], os.path.abspath(path)
    for i, ((n, rec), given_id) in enumerate(zip(records, ids)):
        body = rec.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.add(path.name, f"line {n}", "row has no text", "fill in its 'text' cell")
            continue
        ref = str(given_id if stable else n)
        raws.append(_table_raw(path, ref, rec, None if spans is None else Source(
            kind, where, ref=ref, start=spans[i][0], end=spans[i][1], encoding=codec,
            header=header)))
    return raws


def _table_raw(path: Path, ref: str, rec: dict, source: Source | None) -> Raw:
    """The article of a table's record `rec` (which has text), `ref` naming it."""
    given = {k: str(rec.get(k) or "") for k in SOURCE_COLUMNS if k not in ("file",)}
    extra = {k: str(v) for k, v in rec.items() if k not in TABLE_COLUMNS and k != "file"}
    return Raw(f"{path.stem}#{ref}", rec.get("file") or f"{path.name}#{ref}", rec["text"], given,
               extra, source)


def _slice_codec(encoding: str) -> str | None:
    """What a byte range of a file read in `encoding` decodes with on its own, if anything."""
    name = codecs.lookup(encoding).name
    name = "utf-8" if name == "utf-8-sig" else name  # (the mark is only at the file's start)
    return name if name in SLICEABLE else None


def _csv_spans(text: str, codec: str, at: int, texts: list
               ) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """The bytes of a csv table's header and of each row pandas read from it (`texts`: their
    text cells; `at`: where the text starts in the file), as the csv module reads the records;
    None where its reading and pandas' differ."""
    def lines():
        nonlocal at
        for line in re.finditer(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+", text):
            at += len(line.group().encode(codec))
            yield line.group()

    header, spans, start = None, [], at
    try:
        for row in csv.reader(lines()):  # (reads no line past the record it returns)
            begin, start = start, at
            if not row or (len(row) == 1 and not row[0].strip()):  # a blank line: skipped
                continue
            if header is None:
                if "text" not in row:
                    return None
                header, column, width = (begin, start), row.index("text"), len(row)
            elif len(row) <= width:  # (a longer row is a bad line, which pandas skips)
                if len(spans) == len(texts) or texts[len(spans)] != (
                        row[column] if column < len(row) else ""):
                    return None
                spans.append((begin, start))
    except csv.Error:  # (a field past the csv module's size limit, say)
        return None
    return (header, spans) if header is not None and len(spans) == len(texts) else None


def read_source(source: Source) -> Raw | None:
    """The article at `source`, read again as read_raws read it; None where it cannot be (the
    file changed or went meanwhile)."""
    path = Path(source.path)
    try:
        if source.kind in ("file", "html"):
            text = _read_file(path, Problems())
            if text is None:
                return None
            given = source.given or {}
            html = source.kind == "html"
            text, page = read_html(text) if html else (text, {})
            return Raw(path.name, path.name, text,
                       given, {k: v for k, v in given.items() if k not in SOURCE_COLUMNS and v},
                       source, extracted=html, page=page)
        with open(path, "rb") as fh:
            head = b""
            if source.kind == "csv":
                fh.seek(source.header[0])
                head = fh.read(source.header[1] - source.header[0])
            fh.seek(source.start)
            data = head + fh.read(source.end - source.start)
        if source.kind == "jsonl":
            rec = json_record(data.decode(source.encoding))[0]
        else:
            rows = pd.read_csv(io.StringIO(data.decode(source.encoding)), **CSV_OPTIONS)
            rec = rows.to_dict("records")[0] if len(rows) == 1 else None
    except (OSError, ValueError, LookupError):
        return None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        return None
    return _table_raw(path, source.ref, rec, source)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_record(line: str) -> tuple[object, int]:
    """One JSON line, its strings made text: a lone surrogate escape ("\\ud800", which json
    accepts but no file or hash can hold) becomes U+FFFD (a pair was already one character).
    Returns the record and how many were replaced."""
    obj, replaced = json.loads(line), 0
    if isinstance(obj, dict):
        for key, value in obj.items():
            if isinstance(value, str) and _LONE_SURROGATE.search(value):
                obj[key], k = _LONE_SURROGATE.subn("\ufffd", value)
                replaced += k
    return obj, replaced


def input_files(path: Path) -> list[Path]:
    """Every file the analysis reads: article files or the table, sources.csv, actors.toml,
    topics.toml."""
    if path.is_file():
        return [path, *(p for p in (path.parent / ACTORS_FILE, path.parent / "topics.toml")
                        if p.is_file())]
    return sorted(p for p in path.iterdir()
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES + (".csv", ".toml", ".jsonl"))


def read_raws(path: Path, *, locate: bool = False) -> tuple[list[Raw], Problems]:
    """The articles of a corpus folder or table before cleaning, and the problems met; with
    `locate`, each with where it was read (Raw.source; None for the records of a table that
    cannot be located by byte range)."""
    problems = Problems()
    if not path.exists():
        problems.add(str(path), "path", "does not exist", "give a corpus folder or a .csv/.jsonl "
                     "table", "error")
        raws: list[Raw] = []
    elif path.is_dir():
        raws = _folder_raws(path, problems, locate=locate)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        raws = _table_raws(path, problems, locate=locate)
    elif path.suffix.lower() in ARTICLE_SUFFIXES:
        text = _read_file(path, problems)
        html = path.suffix.lower() in (".html", ".htm")
        text, page = read_html(text) if html and text is not None else (text, {})
        raws = [Raw(path.name, path.name, text, {}, {}, Source(
            "html" if html else "file", os.path.abspath(path), {}) if locate else None,
            extracted=html, page=page)] if text is not None else []
    else:
        problems.add(path.name, "file", f"'{path.suffix}' is not a corpus format",
                     "use a folder of .txt/.md/.html files, or a .csv/.jsonl table", "error")
        raws = []
    return raws, problems
