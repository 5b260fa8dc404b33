"""The corpus library: the user's corpora, each a folder in the format of `seeds/`.

Where: $PRESSLENS_LIBRARY, else `~/.presslens/library` (the dashboard also takes
`-- --library DIR`). The seed corpus is never written to.

Every write is atomic (a temporary file, then a rename), so a crash leaves the old file or the
new one, never half of one. Edits of sources.csv carry the content hash they were made against;
if another session saved in between, the save is refused rather than silently overwriting.

Intake (`add_files`) takes .txt, .md, .html, .pdf, .docx, and .csv/.jsonl tables with one
article per row. Each file is checked for what it is (not what its name says), its size, and
its encoding; text is extracted with well-kept libraries (trafilatura for HTML, pypdf, python-
docx) and stored as a .txt article under a safe file name. Nothing already in the corpus is
touched by a file that fails.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.actors import write_atomic
from analysis.corpus import SEEDS_DIR
from analysis.readers import (SOURCE_COLUMNS, SOURCES_FILE, TABLE_COLUMNS, decode_bytes,
                              html_to_text, json_record, parse_date)
from analysis.grouping import distinct, pairs_within_runs, runs

LIBRARY_ENV = "PRESSLENS_LIBRARY"
DEFAULT_LIBRARY = Path.home() / ".presslens" / "library"
MAX_UPLOAD_MB = 25  # one article, even as PDF, is well under this; the uploader says the same
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 2**20
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # a .docx inflating past this is refused (zip bomb)
MAX_TABLE_ROWS = 100_000
ACCEPTED = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".csv", ".jsonl")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class Intake:
    """What one upload did: files added, and a problem per file that was not."""

    added: list[str] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (new file, existing file)

    def fail(self, name: str, message: str, hint: str) -> None:
        self.problems.append({"file": name, "message": message, "hint": hint,
                              "severity": "error"})


def library_dir(override: Path | None = None) -> Path:
    return Path(override or os.environ.get(LIBRARY_ENV) or DEFAULT_LIBRARY)


def list_corpora(library: Path) -> list[str]:
    if not library.is_dir():
        return []
    return sorted(p.name for p in library.iterdir() if p.is_dir() and not p.name.startswith("."))


def safe_name(name: str, *, default: str = "article") -> str:
    """A file or corpus name that stays inside its folder: no path parts, no control
    characters, ASCII letters, digits, dot, dash and underscore only, at most 80 characters."""
    base = unicodedata.normalize("NFKD", name.replace("\\", "/").split("/")[-1])
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = _SAFE.sub("_", base.encode("ascii", "ignore").decode()).strip("._")
    return (base or default)[:80]


def create_corpus(library: Path, name: str) -> Path:
    """A new, empty corpus folder with a sources.csv; no actors.toml: its actors are discovered
    from its articles (analysis.inventory) until the user saves a registry. Raises
    ValueError if the name is taken or empty."""
    folder = library / safe_name(name, default="")
    if not safe_name(name, default=""):
        raise ValueError("give the corpus a name with letters or digits")
    if folder.exists():
        raise ValueError(f"a corpus named {folder.name!r} already exists")
    folder.mkdir(parents=True)
    write_atomic(folder / SOURCES_FILE, ",".join(SOURCE_COLUMNS) + "\n")
    shutil.copyfile(SEEDS_DIR / "topics.toml", folder / "topics.toml")
    return folder


def delete_corpus(library: Path, name: str) -> None:
    folder = library / safe_name(name, default="")
    if folder.resolve().parent != library.resolve() or not folder.is_dir():
        raise ValueError(f"no corpus named {name!r} in the library")
    shutil.rmtree(folder)


def read_only(folder: Path) -> bool:
    return folder.resolve() == SEEDS_DIR.resolve()


# ---------------------------------------------------------------------------- sniffing
def sniff(name: str, data: bytes) -> str:
    """What the bytes are: pdf, docx, zip, html, text or binary, whatever the name says."""
    head = data[:2048]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else "zip"
        except zipfile.BadZipFile:
            return "binary"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    text = decode_bytes(head)[0]
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    if text and controls / len(text) > 0.05:
        return "binary"
    if re.search(r"<(html|body|article|p|div|head)\b", text, re.I):
        return "html"
    return "text"


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        total = sum(i.file_size for i in zf.infolist())
        if total > MAX_UNZIPPED_BYTES:
            raise ValueError(f"unpacks to {total / 1e6:.0f} MB (a zip bomb, or not an article)")
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n\n".join(p.text for p in document.paragraphs if p.text.strip())


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n\n".join((page.extract_text() or "") for page in reader.pages)


def extract_text(name: str, data: bytes) -> tuple[str, str]:
    """(text, note) of one uploaded article. Raises ValueError with a message for the user."""
    kind = sniff(name, data)
    suffix = Path(name).suffix.lower()
    note = ""
    if kind == "binary":
        raise ValueError("is not text, PDF or Word (binary data)")
    if kind == "zip":
        raise ValueError("is an archive; archives are not unpacked — upload the articles themselves")
    if kind == "pdf":
        text = _pdf_text(data)
    elif kind == "docx":
        text = _docx_text(data)
    else:
        raw, enc = decode_bytes(data)
        if enc != "utf-8-sig":
            note = f"read as {enc}"
        text = html_to_text(raw) if kind == "html" else raw
    expected = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}.get(suffix, "text")
    if expected != kind and not (expected == "text" and kind == "html"):
        note = "; ".join(filter(None, [note, f"named {suffix or 'without extension'} but is {kind}; "
                                              "read as what it is"]))
    if not text.strip():
        raise ValueError("has no text (a scanned PDF needs OCR first)" if kind == "pdf"
                         else "has no text")
    return text, note


# ----------------------------------------------------------------------------- intake
def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()


def read_sources(folder: Path) -> tuple[pd.DataFrame, str]:
    """sources.csv as a table of strings, and the hash it was read at (for safe saving)."""
    path = folder / SOURCES_FILE
    raw = path.read_bytes() if path.exists() else b""
    text = decode_bytes(raw)[0] if raw else ",".join(SOURCE_COLUMNS) + "\n"
    df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, on_bad_lines="skip")
    for col in SOURCE_COLUMNS:
        if col not in df:
            df[col] = ""
    return df, hashlib.sha256(raw).hexdigest()


class ConflictError(RuntimeError):
    """The file changed on disk since it was read: another session saved first."""


def save_sources(folder: Path, table: pd.DataFrame, read_hash: str) -> None:
    """Write sources.csv atomically, refusing if it changed since `read_hash`."""
    if read_only(folder):
        raise PermissionError("the seed corpus is read-only")
    path = folder / SOURCES_FILE
    now = hashlib.sha256(path.read_bytes() if path.exists() else b"").hexdigest()
    if now != read_hash:
        raise ConflictError("sources.csv was changed by another session since you opened it; "
                            "reload the page to see the other changes, then edit again")
    buf = io.StringIO()
    table.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL)
    write_atomic(path, buf.getvalue())


def _unique(folder: Path, name: str) -> str:
    stem, suffix = Path(name).stem, Path(name).suffix or ".txt"
    candidate, n = f"{stem}{suffix}", 2
    while (folder / candidate).exists():
        candidate, n = f"{stem}-{n}{suffix}", n + 1
    return candidate


def _table_rows(name: str, data: bytes, intake: Intake) -> list[tuple[str, str, dict]]:
    """(file name, text, metadata) per good row of a .csv/.jsonl table; bad rows reported."""
    raw, _ = decode_bytes(data)
    records: list[tuple[int, dict]] = []
    if name.lower().endswith(".jsonl"):
        for n, line in enumerate(raw.splitlines(), start=1):
            if line.strip():
                try:
                    obj = json_record(line)[0]
                    if not isinstance(obj, dict):
                        raise ValueError("not an object")
                    records.append((n, obj))
                except (json.JSONDecodeError, ValueError) as exc:
                    intake.fail(name, f"line {n} is not a JSON article ({exc})",
                                "fix or delete that line; the other lines were added")
    else:
        reader = csv.DictReader(io.StringIO(raw))
        if not reader.fieldnames or "text" not in reader.fieldnames:
            intake.fail(name, f"has no 'text' column (columns: {', '.join(reader.fieldnames or [])})",
                        f"name the article column 'text'; expected {', '.join(TABLE_COLUMNS)}")
            return []
        for n, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                intake.fail(name, f"line {n} has a different number of cells than the header",
                            "quote cells that contain commas; the other rows were added")
                continue
            records.append((n, row))
    if len(records) > MAX_TABLE_ROWS:
        intake.fail(name, f"has {len(records)} rows; at most {MAX_TABLE_ROWS} per upload",
                    "split the table")
        return []
    rows = []
    stem = safe_name(Path(name).stem)
    for n, rec in records:
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            intake.fail(name, f"line {n} has no text", "fill in its 'text' cell")
            continue
        meta = {k: str(rec.get(k) or "").strip() for k in SOURCE_COLUMNS if k != "file"}
        rows.append((f"{stem}-{n}.txt", text, meta))
    return rows


def add_files(folder: Path, uploads: list[tuple[str, bytes]]) -> Intake:
    """Add uploaded files to a corpus. Each one is checked and extracted on its own; one that
    fails is reported and leaves the corpus as it was."""
    if read_only(folder):
        raise PermissionError("the seed corpus is read-only: create a corpus in the library")
    intake = Intake()
    sources, read_hash = read_sources(folder)
    known = {}
    for p in [*folder.glob("*.txt"), *folder.glob("*.html")]:  # (pages by their HTML)
        try:
            known[_digest(p.read_text(encoding="utf-8", errors="replace"))] = p.name
        except OSError:
            continue
    new_rows = []
    for raw_name, data in uploads:
        shown = raw_name if raw_name.isprintable() else repr(raw_name)
        if len(data) > MAX_UPLOAD_BYTES:
            intake.fail(shown, f"is {len(data) / 2**20:.0f} MB, over the {MAX_UPLOAD_MB} MB "
                        "limit for one upload", "split it, or upload the articles one by one")
            continue
        if not data.strip():
            intake.fail(shown, "is empty", "upload the file with the article text")
            continue
        suffix = Path(raw_name).suffix.lower()
        if suffix and suffix not in ACCEPTED:
            intake.fail(shown, f"has an extension ({suffix}) PressLens does not read",
                        f"upload {', '.join(ACCEPTED)}")
            continue
        if suffix in (".csv", ".jsonl"):
            items = _table_rows(shown, data, intake)
        else:
            try:
                text, note = extract_text(raw_name, data)
            except (ValueError, zipfile.BadZipFile, KeyError, OSError) as exc:
                intake.fail(shown, str(exc), "upload the article as .txt, .md, .html, .pdf or .docx")
                continue
            except Exception as exc:  # noqa: BLE001 - a broken PDF/DOCX can raise anything
                intake.fail(shown, f"could not be read ({type(exc).__name__})",
                            "export it again, or paste its text into a .txt file")
                continue
            if note:
                intake.problems.append({"file": shown, "message": note, "hint": "check the text on "
                                        "the Overview page", "severity": "warning"})
            if sniff(raw_name, data) == "html":  # kept as the page: read (and re-read) as one
                text = decode_bytes(data)[0]
                items = [(f"{safe_name(Path(raw_name).stem)}.html", text, {})]
            else:
                items = [(f"{safe_name(Path(raw_name).stem)}.txt", text, {})]
        for fname, text, meta in items:
            digest = _digest(text)
            if digest in known:
                intake.duplicates.append((fname, known[digest]))
                continue
            fname = _unique(folder, fname)
            write_atomic(folder / fname, text)
            known[digest] = fname
            intake.added.append(fname)
            new_rows.append({"file": fname, **{k: meta.get(k, "") for k in SOURCE_COLUMNS if k != "file"}})
    if new_rows:
        save_sources(folder, pd.concat([sources, pd.DataFrame(new_rows)], ignore_index=True), read_hash)
    return intake


def delete_article(folder: Path, file: str, read_hash: str) -> None:
    """Remove one article file and its sources.csv row."""
    if read_only(folder):
        raise PermissionError("the seed corpus is read-only")
    path = folder / safe_name(file)
    if path.resolve().parent != folder.resolve() or not path.is_file():
        raise ValueError(f"no article {file!r} in this corpus")
    sources, _ = read_sources(folder)
    save_sources(folder, sources[sources["file"] != path.name], read_hash)
    path.unlink()


# --------------------------------------------------------------------------- duplicates
def _shingles(text: str, k: int = 5) -> set[int]:
    """5-word shingles as stable integers (crc32, not hash(): that is salted per process and
    would make the sampled candidates, so the results, differ between runs)."""
    words = re.findall(r"\w+", text.lower())
    return {zlib.crc32(" ".join(words[i:i + k]).encode()) for i in range(max(len(words) - k + 1, 1))}


SKETCH_SIZE = 64  # shingles kept per article to find candidate pairs
# Sketch values two articles must share to be compared in full: a pair with Jaccard 0.6 shares
# about 64 · 2J/(1+J) ≈ 48 of them, a pair that shares one quoted sentence a handful.
MIN_SHARED = 8


def article_sketches(articles: pd.DataFrame) -> pd.DataFrame:
    """Each article's SKETCH_SIZE smallest shingle hashes (schema.SKETCHES): computed once per
    article, so that candidate pairs among many articles come from a join, not a scan."""
    from analysis import schema

    rows = [(r.article_id, s) for r in articles.itertuples() if r.text.strip()
            for s in sorted(_shingles(r.text))[:SKETCH_SIZE]]
    return schema.conform(pd.DataFrame(rows, columns=list(schema.SKETCHES)), schema.SKETCHES)


def near_duplicates(articles: pd.DataFrame, sketches: pd.DataFrame | None = None, *,
                    threshold: float = 0.6, new: set[str] | None = None,
                    texts: Callable[[set[str]], dict[str, str]] | None = None) -> pd.DataFrame:
    """Pairs of articles sharing most of their text (Jaccard similarity of 5-word shingles ≥
    threshold): the same wire story in two outlets, or one article uploaded twice
    (schema.DUPLICATES). Candidates share MIN_SHARED sketched shingles that at most 50
    articles have (`article_sketches`); only they are compared in full. With `new`, only pairs
    involving those articles are looked for (the index keeps the others). `texts` gives the
    text of some articles (default: the `text` column of `articles`)."""
    from analysis import schema

    if sketches is None:
        sketches = article_sketches(articles)
    codes, ids = schema.codes(sketches["article_id"])
    codes = codes.astype(np.int64)  # (a category's codes may be int8: pair keys overflow)
    fresh = None if new is None else ids.isin(list(new))
    ids = np.asarray(ids, dtype=object)
    shingles = sketches["shingle"].to_numpy()
    per_article = np.bincount(codes, minlength=len(ids))  # short articles have short sketches
    if fresh is not None:  # a new article pairs only through its own shingles' runs
        held = pd.Series(shingles).isin(shingles[fresh[codes]]).to_numpy()  # (hashed)
        shingles, codes = shingles[held], codes[held]
    order = np.argsort(shingles, kind="stable")
    shingles, codes = shingles[order], codes[order]
    # articles sharing a shingle that at most 50 articles have (commoner ones say nothing)
    i, j = pairs_within_runs(*runs(shingles), longest=50)
    pairs = np.sort(np.column_stack([codes[i], codes[j]]), axis=1)  # (a, b): a's code < b's
    if fresh is not None:
        pairs = pairs[fresh[pairs[:, 0]] | fresh[pairs[:, 1]]]
    keys, n = distinct(pairs[:, 0] * len(ids) + pairs[:, 1])
    a, b = keys // max(len(ids), 1), keys % max(len(ids), 1)
    need = np.minimum(MIN_SHARED, np.minimum(per_article[a], per_article[b]) // 2)
    keep = n >= need
    first, second = ids[a[keep]], ids[b[keep]]
    shared = pd.DataFrame({"a": np.where(first < second, first, second),
                           "b": np.where(first < second, second, first)})
    candidates = sorted(zip(shared["a"], shared["b"]))
    wanted = {x for pair in candidates for x in pair}
    text = texts(wanted) if texts else dict(zip(articles["article_id"], articles["text"]))
    outlet = dict(zip(articles["article_id"].astype(str), articles["outlet"].astype(str)))
    sets = {aid: _shingles(text[aid]) for aid in wanted}
    rows = []
    for a, b in candidates:
        sim = len(sets[a] & sets[b]) / len(sets[a] | sets[b])
        if sim >= threshold:
            rows.append({"article_id": a, "duplicate_of": b, "outlet": outlet[a],
                         "other_outlet": outlet[b], "similarity": round(sim, 3)})
    return schema.conform(pd.DataFrame(rows, columns=list(schema.DUPLICATES)), schema.DUPLICATES)


def validate_sources(table: pd.DataFrame) -> list[str]:
    """Problems with edited metadata, each naming the file and field (empty: fine)."""
    problems = []
    for row in table.itertuples():
        value = str(getattr(row, "published", "") or "").strip()
        if value and parse_date(value) is None:
            problems.append(f"{row.file}: published '{value}' is not a date (use YYYY-MM-DD)")
    return problems
