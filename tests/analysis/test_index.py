"""The index gives the same tables as the plain analysis, reprocesses only what changed, and
never trusts a broken or stale index."""
import shutil

import pandas as pd
import pytest

from analysis.bench import synthetic_corpus
from analysis.corpus import SEEDS_DIR, load_corpus
from analysis.index import build_index, index_dir
from analysis.pipeline import analyse, load_corpus_registry
from analysis.topics import load_topics


def _build(corpus, **kw):
    registry, _ = load_corpus_registry(corpus)
    topics, _ = load_topics(corpus.path.parent if corpus.path.is_file() else corpus.path)
    return build_index(corpus, registry, topics, engine="target", **kw)


@pytest.fixture
def corpus_dir(tmp_path):
    path = synthetic_corpus(24, tmp_path / "c")
    return path


def test_index_matches_the_plain_analysis(corpus_dir):
    corpus = load_corpus(corpus_dir)
    plain = analyse(corpus)
    indexed = analyse(corpus, index=True)
    for name in ("mentions", "scored", "quotes", "topic_tags"):
        pd.testing.assert_frame_equal(getattr(plain, name), getattr(indexed, name))
    again = analyse(load_corpus(corpus_dir), index=True)  # read back from disk
    pd.testing.assert_frame_equal(plain.scored, again.scored)


def test_only_new_articles_are_processed(corpus_dir):
    first, info = _build(load_corpus(corpus_dir))
    assert info["processed"] == 24
    _, info = _build(load_corpus(corpus_dir))
    assert (info["processed"], info["reused"]) == (0, 24)
    lines = corpus_dir.read_text().splitlines()
    extra = [line.replace('"id": 0', '"id": 100').replace('"text": "', '"text": "New lead. ', 1)
             for line in lines[:3]]
    corpus_dir.write_text("\n".join(lines + extra) + "\n")
    tables, info = _build(load_corpus(corpus_dir))
    assert (info["processed"], info["reused"]) == (3, 24)
    assert tables["mentions"]["article_id"].nunique() == first["mentions"]["article_id"].nunique() + 3


def test_registry_edit_recomputes(corpus_dir):
    _build(load_corpus(corpus_dir))
    actors = corpus_dir.parent / "actors.toml"
    actors.write_text(actors.read_text() + '\n[[actors]]\nname = "San Francisco"\ntype = "organization"\n')
    tables, info = _build(load_corpus(corpus_dir))
    assert info["processed"] == 24
    assert "San Francisco" in set(tables["mentions"]["actor"])


def test_corrupt_index_is_rebuilt_not_trusted(corpus_dir):
    corpus = load_corpus(corpus_dir)
    _build(corpus)
    folder = index_dir(corpus)
    (folder / "scored.parquet").write_bytes(b"not parquet")
    tables, info = _build(corpus)
    assert info["processed"] == 24 and not tables["scored"].empty
    shutil.rmtree(folder)
    (folder.parent / folder.name).mkdir()
    (folder / "index.json").write_text("{broken")
    assert _build(corpus)[1]["processed"] == 24


def test_parallel_workers_give_the_same_tables(corpus_dir, monkeypatch):
    import analysis.index as ix

    monkeypatch.setattr(ix, "CHUNK", 8)
    one, _ = _build(load_corpus(corpus_dir))
    shutil.rmtree(index_dir(load_corpus(corpus_dir)))
    two, info = _build(load_corpus(corpus_dir), workers=2)
    assert info["processed"] == 24
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name])


def test_read_only_corpus_indexes_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    folder = index_dir(load_corpus(SEEDS_DIR))
    assert folder.parent == tmp_path / "cache"
