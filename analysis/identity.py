"""What names a corpus state. An article's key (`raw_key`: its id, file, text and metadata),
the corpus's content (`content_hash`: its articles' keys in order), what the analysis depends on
besides the articles (`dependency_hash`: the registry, the topics, the tone engine and its
model), and the identity every export carries (`analysis_identity`: both together). A change
to any of these changes a number somewhere, so it changes the identity. `fingerprint` is the
cheap stand-in that tells a corpus is unchanged without reading it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from analysis.actors import Registry, dump_registry
from analysis.readers import Raw, input_files
from analysis.target_sentiment import FEATURES_VERSION, MODEL_PATH

INDEX_VERSION = 5  # of the index's format and of the cleaning code: part of every key


def raw_key(raw: Raw) -> str:
    """The article's key: its id, file, text and metadata, and the index version (which covers
    the cleaning code)."""
    h = hashlib.sha256(f"{INDEX_VERSION}\x1f{raw.article_id}\x1f{raw.file}\x1f".encode())
    h.update(repr((sorted(raw.given.items()), sorted(raw.extra.items()))).encode())
    h.update(raw.text.encode())
    return h.hexdigest()[:20]


def content_hash(keys: Iterable[str]) -> str:
    """The corpus's content: its articles' keys, in reading order."""
    return hashlib.sha256("".join(keys).encode()).hexdigest()[:16]


@lru_cache(maxsize=4)
def _model_digest(path: Path, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def model_version(path: Path = MODEL_PATH) -> str:
    """The tone model's feature version and a digest of its weights file."""
    st = path.stat()
    return f"{FEATURES_VERSION}:{_model_digest(path, st.st_size, st.st_mtime_ns)}"


def dependency_hash(registry: Registry, topics, engine: str) -> str:
    """What the per-article analysis depends on besides the articles: the registry, the
    topics (analysis.topics.Topic), the tone engine and its model."""
    h = hashlib.sha256()
    h.update(dump_registry(registry).encode())
    h.update(json.dumps([(t.name, t.terms) for t in topics]).encode())
    h.update(f"{engine}|{model_version()}|{INDEX_VERSION}".encode())
    return h.hexdigest()[:16]


def analysis_identity(content: str, registry: Registry, topics, engine: str) -> str:
    """The identity of an analysis: its corpus's `content_hash` and its `dependency_hash`."""
    return hashlib.sha256(f"{content}|{dependency_hash(registry, topics, engine)}".encode()
                          ).hexdigest()[:16]


def fingerprint(path: Path) -> str:
    """A cheap stand-in for the content: names, sizes and modification times of the input
    files (as git's index does), so that a large corpus is not read to learn it is unchanged."""
    h = hashlib.sha256()
    try:
        for p in input_files(path):
            st = p.stat()
            h.update(f"{p.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    except OSError as exc:
        h.update(str(exc).encode())
    return h.hexdigest()[:16]
