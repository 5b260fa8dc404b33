"""What the benches on hand-annotated real articles share (bench_actors, bench_quotes): the
annotations read and checked against the article-extraction benchmark's bodies, the bodies
analysed as a new corpus with no registry, and offsets of the counted text carried back onto
the hand-marked body."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from analysis.corpus import Corpus, load_corpus
from analysis.pipeline import Analysis, analyse
from presslens.bench_metadata import DATASET


def load_annotated(folder: Path, items: str, dataset: Path = DATASET) -> dict[str, dict]:
    """page id -> its annotation file's entry with "body" (the hand-marked body) added; every
    span of the entry's `items` ("mentions", "quotes") checked to lie inside the body."""
    truth = json.loads((dataset / "ground-truth.json").read_text())
    out = {}
    for path in sorted(folder.glob("*.json")):
        entry = json.loads(path.read_text())
        body = truth[entry["id"]]["articleBody"]
        for span in entry[items]:
            if not (0 <= span["start"] < span["end"] <= len(body)):
                raise ValueError(f"{path.name}: {items[:-1]} {span} lies outside the body")
        out[entry["id"]] = {**entry, "body": body}
    return out


def page_file(page_id: str) -> str:
    """The file a page's body is written to in the corpus `analyse_bodies` makes."""
    return f"{page_id[:12]}.txt"


def analyse_bodies(pages: dict[str, dict]) -> tuple[Corpus, Analysis]:
    """The pages' bodies as plain-text articles of a fresh corpus folder with no actors.toml
    (what a user who brings a new story has), analysed as the app analyses it."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "story"
        folder.mkdir()
        for page_id, page in pages.items():
            (folder / page_file(page_id)).write_text(page["body"], encoding="utf-8")
        corpus = load_corpus(folder)  # (its text held in memory)
        return corpus, analyse(corpus)


def _collapsed(text: str) -> tuple[str, list[int]]:
    """`text` with every run of whitespace made one space, and each original offset's place
    in it."""
    out, where = [], []
    space = False
    for ch in text:
        where.append(len(out))
        if ch.isspace():
            if not space:
                out.append(" ")
            space = True
        else:
            out.append(ch)
            space = False
    where.append(len(out))
    return "".join(out), where


class Aligned:
    """A body and the text the cleaner kept of it, both with whitespace collapsed (the cleaner
    rejoins lines): `body(i)` and `text(i)` are the places of an offset of each there."""

    def __init__(self, body: str, text: str):
        body_c, self._body = _collapsed(body)
        text_c, self._text = _collapsed(text)
        self._shift = max(body_c.find(text_c[:200]), 0) if text_c else 0  # the kept text starts there

    def body(self, offset: int) -> int:
        return self._body[offset]

    def text(self, offset: int) -> int:
        return self._text[offset] + self._shift
