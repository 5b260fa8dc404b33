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
from dataclasses import asdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from analysis.actors import Registry, dump_registry
from analysis.readers import Raw, input_files
from analysis.target_sentiment import FEATURES_VERSION, MODEL_PATH

INDEX_VERSION = 6  # of the index's format and of the cleaning code: part of every key


def raw_key(raw: Raw) -> str:
    """The article's key: its id, file, text and metadata, and the index version (which covers
    the cleaning code)."""
    h = hashlib.sha256(f"{INDEX_VERSION}\x1f{raw.article_id}\x1f{raw.file}\x1f".encode())
    h.update(repr((sorted(raw.given.items()), sorted(raw.extra.items()))).encode())
    if raw.page:  # (what an HTML page's meta tags say: part of its reading)
        h.update(repr(sorted(raw.page.items())).encode())
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
    h.update(rest_hash(topics, engine).encode())
    return h.hexdigest()[:16]


def rest_hash(topics, engine: str) -> str:
    """What the per-article analysis depends on besides the articles and the registry."""
    h = hashlib.sha256(json.dumps([(t.name, t.terms, t.query) if t.query else (t.name, t.terms)
                                     for t in topics]).encode())
    h.update(f"{engine}|{model_version()}|{INDEX_VERSION}".encode())
    return h.hexdigest()[:16]


def registry_entries(registry: Registry) -> dict[str, str]:
    """Each actor of the registry as a string that changes with anything the counting reads of
    it (all but whether a person confirmed it)."""
    return {a.name: json.dumps({**asdict(a), "discovered": False}, sort_keys=True, default=str)
            for a in registry.actors}


_FORM_FIELDS = ("aliases", "short", "metonyms", "exclude", "demonyms")


def changed_forms(old: str | None, new: str | None) -> set[str]:
    """The words whose counting an edit of one actor's entry (`registry_entries`; None: the
    actor is added or removed) can change: where only its lists of forms changed, the forms
    added or removed (and a changed role's text); else every form it has, before and after (a
    new name, type or affiliation relabels all its mentions)."""
    def forms(a: dict) -> set[str]:
        return {a["name"], *(f for k in _FORM_FIELDS for f in a[k]), *(r["text"] for r in a["roles"])}

    a, b = (json.loads(e) if e else None for e in (old, new))
    if a is None or b is None or {k: v for k, v in a.items() if k not in (*_FORM_FIELDS, "roles")} \
            != {k: v for k, v in b.items() if k not in (*_FORM_FIELDS, "roles")}:
        return ((forms(a) if a else set()) | (forms(b) if b else set())) - {""}
    out = set()
    for k in _FORM_FIELDS:
        out |= set(a[k]) ^ set(b[k])
    roles_a = {json.dumps(r, sort_keys=True) for r in a["roles"]}
    roles_b = {json.dumps(r, sort_keys=True) for r in b["roles"]}
    out |= {json.loads(r)["text"] for r in roles_a ^ roles_b}
    return out - {""}


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
