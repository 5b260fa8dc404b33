"""The corpus as tables: articles, zones, sentences, and the problems met on the way.

Articles come from analysis.readers (a folder of article files with sources.csv and
actors.toml, the format of `seeds/`, or one .csv / .jsonl table); here they are cleaned, split
into sentences and given their metadata. Metadata in sources.csv (or the table) wins; where it
is missing, what the text itself shows (a URL line, "Updated Sept. 28, 2023", a " date
2023-11-15" stamp, a "By ..." byline) is used and marked "detected". Nothing here raises at
the user: each problem becomes a row of the problems table naming the file, the field and what
to do.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis import schema
from analysis.cleaning import COUNTED_ZONES, clean_text, count_words
from analysis.identity import content_hash, raw_key
from analysis.metadata import OUTLET_DOMAINS, read_metadata  # noqa: F401 (OUTLET_DOMAINS: moved there)
from analysis.readers import SOURCES_FILE, Problems, Raw, parse_date, read_raws
from analysis.sentences import split_sentences

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PACKAGE_ROOT / "seeds"
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
    fulltext: tuple[str, ...] = ()  # per part: its full-text table's file (analysis.fulltext)

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
    """The loaded corpus. Loaded in memory (`load_corpus`: tests, the plain analysis), its
    tables hold their text; opened as users open it (pipeline.open_corpus, through its index),
    `articles`, `zones` and `sentences` have no `text` column and `texts` holds it: read it
    through `article_text`, `zone_text`, `sentence_text` and `sentences_with_text`, which work
    for both. Both give the same content hash."""

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

    @cached_property
    def sentence_position(self) -> np.ndarray:
        """Per row of `sentences`, the position (row of `articles`) of its article."""
        ids = self.sentences["article_id"]
        ids = ids if isinstance(ids.dtype, pd.CategoricalDtype) else ids.astype("category")
        at = pd.Index(self.articles["article_id"].astype(str)).get_indexer(
            ids.cat.categories.astype(str))
        return at[ids.cat.codes.to_numpy()].astype(np.int64)

    def sentence_text_at(self, rows: np.ndarray) -> list[str]:
        """Text of these rows (positions) of `sentences`, given article by article (each
        article is read once for its run of rows)."""
        if "text" in self.sentences.columns:
            return self.sentences["text"].to_numpy()[rows].tolist()
        _, starts, ends = self._sentence_rows
        out, current, body, article = [], -1, "", self._texts.article
        for p, lo, hi in zip(self.sentence_position[rows].tolist(), starts[rows].tolist(),
                             ends[rows].tolist()):
            if p != current:
                current, body = p, article(p)
            out.append(body[lo:hi])
        return out

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
        first = self._sentence_rows[0]
        return self.sentence_text_at(np.fromiter(
            (first[a] + s for a, s in zip(rows["article_id"].astype(str).tolist(),
                                          rows["sentence_id"].tolist())),
            dtype=np.int64, count=len(rows)))

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


def detected_by_file(articles: pd.DataFrame) -> dict[str, str]:
    """file -> what was read from its text for the fields its source left blank
    ("outlet: Reuters · published: 2023-11-14"), for the metadata editor."""
    out: dict[str, list[str]] = {}
    for row in articles.itertuples(index=False):
        for field in ("outlet", "title", "published", "authors", "url"):
            if getattr(row, f"{field}_source") == "detected":
                value = getattr(row, field)
                value = value.strftime("%Y-%m-%d") if field == "published" else str(value)
                out.setdefault(row.file, []).append(f"{field}: {value[:80]}")
    return {file: " · ".join(parts) for file, parts in out.items()}


def _label(title: str, text: str, spans: list[tuple[int, int]]) -> str:
    """What the app calls an article: its title, else the start of its first sentence (`spans`:
    the text's sentences)."""
    if title:
        return title
    words = text[spans[0][0]:spans[0][1]].split() if spans else []
    return ("“" + " ".join(words[:9]) + ("…" if len(words) > 9 else "") + "”") if words else "(empty)"


# ------------------------------------------------------------------------------- building
def _build(raws: list[Raw], problems: Problems) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    articles, zones, sentences = [], [], []
    for raw in raws:
        cleaned = clean_text(raw.text, extracted=raw.extracted)
        text = cleaned.text
        page = raw.page
        meta = read_metadata(raw.text, url=raw.given.get("url") or page.get("url") or cleaned.url,
                             page=page)
        published = meta.published or cleaned.published
        detected = {
            "outlet": meta.outlet,
            "title": cleaned.headline,
            "authors": "; ".join(cleaned.authors) or page.get("authors", ""),
            "url": page.get("url") or cleaned.url,
            "published": published.isoformat() if published else "",
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


def clean_raws(raws: list[Raw]) -> dict[str, pd.DataFrame]:
    """Cleaning and sentence splitting for some articles: articles, zones, sentences and the
    problems they raised (each table in its schema)."""
    problems = Problems()
    articles, zones, sentences = _build(raws, problems)
    return {"articles": articles, "zones": zones, "sentences": sentences,
            "problems": problems_table(problems)}


def problems_table(problems: list[dict]) -> pd.DataFrame:
    return schema.conform(pd.DataFrame(problems, columns=list(schema.PROBLEMS)), schema.PROBLEMS)


def corpus_name(path: Path) -> str:
    return path.stem if path.is_file() else path.name


def load_corpus(path: Path | str = SEEDS_DIR) -> Corpus:
    """Load a corpus folder or table in memory, its tables with their text. Never raises for
    bad content: see `.problems`. Its content hash is the one the index gives the same corpus
    (identity.content_hash of its articles' keys)."""
    path = Path(path)
    raws, problems = read_raws(path)
    articles, zones, sentences = _build(raws, problems)
    return Corpus(
        name=corpus_name(path),
        path=path,
        content_hash=content_hash(raw_key(r) for r in raws),
        articles=articles,
        zones=zones,
        sentences=sentences,
        problems=problems_table(problems),
    )
