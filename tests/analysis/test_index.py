"""The index gives the same tables as the plain analysis, reprocesses only what changed, runs
the same work on worker processes or a Dask cluster, and never trusts a broken or stale index."""
import json
import shutil

import pandas as pd
import pytest

from presslens.bench import synthetic_corpus
from analysis.corpus import SEEDS_DIR, load_corpus
from analysis import index as ix
from analysis.index import index_dir
from analysis.pipeline import analyse, open_indexed

TABLES = ("mentions", "scored", "quotes", "topic_tags", "pairs", "duplicates")


@pytest.fixture
def corpus_path(tmp_path):
    return synthetic_corpus(24, tmp_path / "c")


def _same(a, b):
    """Same tables; where one corpus keeps its text out of the frames (an index), the same
    text through the corpus's accessors."""
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    for name in ("articles", "zones", "sentences", "problems"):
        left, right = getattr(a.corpus, name), getattr(b.corpus, name)
        pd.testing.assert_frame_equal(left[[c for c in left if c in right]], right[[c for c in right if c in left]])
    arts = a.corpus.articles["article_id"]
    assert [a.corpus.article_text(i) for i in arts] == [b.corpus.article_text(i) for i in arts]
    assert a.corpus.zone_text(a.corpus.zones) == b.corpus.zone_text(b.corpus.zones)
    pd.testing.assert_series_equal(a.corpus.sentences_with_text()["text"],
                                   b.corpus.sentences_with_text()["text"])
    assert a.corpus.sentence_text(a.mentions) == b.corpus.sentence_text(a.mentions)


def _append(path, n, prefix="New lead. "):
    lines = path.read_text().splitlines()
    extra = [json.dumps({**json.loads(line), "id": 1000 + i, "text": prefix + json.loads(line)["text"]})
             for i, line in enumerate(lines[:n])]
    path.write_text("\n".join(lines + extra) + "\n")


def test_index_matches_the_plain_analysis(corpus_path):
    plain = analyse(load_corpus(corpus_path))
    indexed, info = open_indexed(corpus_path)
    assert info["processed"] == 24
    _same(plain, indexed)
    again, info = open_indexed(corpus_path)  # read back from disk, sources not read
    assert info["processed"] == 0
    _same(plain, again)


def test_only_new_articles_are_processed(corpus_path):
    first, _ = open_indexed(corpus_path)
    _append(corpus_path, 3)
    second, info = open_indexed(corpus_path)
    assert (info["processed"], info["reused"]) == (3, 24)
    assert second.mentions["article_id"].nunique() == first.mentions["article_id"].nunique() + 3
    _same(analyse(load_corpus(corpus_path)), second)


def test_removed_and_edited_articles_leave_the_index(corpus_path):
    open_indexed(corpus_path)
    lines = corpus_path.read_text().splitlines()
    edited = json.loads(lines[1])
    edited["text"] = "Xi Jinping met Joe Biden. " + edited["text"]
    corpus_path.write_text("\n".join([lines[0], json.dumps(edited), *lines[3:]]) + "\n")
    result, info = open_indexed(corpus_path)
    assert (info["processed"], info["articles"]) == (1, 23)
    _same(analyse(load_corpus(corpus_path)), result)


def test_registry_edit_reanalyses_from_the_stored_cleaning(corpus_path, monkeypatch):
    open_indexed(corpus_path)

    def no_cleaning(raws):
        raise AssertionError("cleaning should come from the index")

    monkeypatch.setattr(ix, "clean_raws", no_cleaning)
    actors = corpus_path.parent / "actors.toml"
    actors.write_text(actors.read_text() + '\n[[actors]]\nname = "San Francisco"\ntype = "organization"\n')
    result, info = open_indexed(corpus_path)
    assert info["processed"] == 24
    assert "San Francisco" in set(result.mentions["actor"])
    monkeypatch.undo()
    _same(analyse(load_corpus(corpus_path)), result)


@pytest.mark.parametrize("damage", ["part", "text", "json", "version"])
def test_a_damaged_index_is_rebuilt_not_trusted(corpus_path, damage):
    plain = analyse(load_corpus(corpus_path))
    open_indexed(corpus_path)
    folder = index_dir(corpus_path)
    if damage == "part":
        next((folder / "parts").glob("*-analysis-scored.parquet")).write_bytes(b"not parquet")
    elif damage == "text":
        text = next((folder / "parts").glob("*-clean-articles.arrow"))
        text.write_bytes(text.read_bytes()[:100])
    elif damage == "json":
        (folder / "index.json").write_text("{broken")
    else:
        meta = json.loads((folder / "index.json").read_text())
        (folder / "index.json").write_text(json.dumps({**meta, "version": -1}))
    result, info = open_indexed(corpus_path)
    assert info["processed"] == 24
    _same(plain, result)


def test_text_files_missing_from_an_older_index_are_written_from_its_tables(corpus_path):
    open_indexed(corpus_path)
    for f in (index_dir(corpus_path) / "parts").glob("*.arrow"):
        f.unlink()
    result, info = open_indexed(corpus_path)
    assert info["processed"] == 0
    _same(analyse(load_corpus(corpus_path)), result)


class Interrupted(Exception):
    """Stands in for Ctrl-C, or a Streamlit rerun stopping the script."""


def test_an_interrupted_build_resumes_from_the_parts_it_wrote(corpus_path, monkeypatch):
    import analysis.index as ix

    monkeypatch.setattr(ix, "CHUNK", 8)
    calls = []
    real = ix.analyse_articles

    def fail_third(*args, **kw):
        calls.append(1)
        if len(calls) == 3:
            raise Interrupted
        return real(*args, **kw)

    monkeypatch.setattr(ix, "analyse_articles", fail_third)
    with pytest.raises(Interrupted):
        open_indexed(corpus_path)
    calls.clear()
    result, _ = open_indexed(corpus_path)
    assert len(calls) == 1  # the two finished chunks were not redone
    monkeypatch.undo()
    _same(analyse(load_corpus(corpus_path)), result)


def test_parallel_workers_give_the_same_tables(corpus_path, monkeypatch):
    import analysis.index as ix

    monkeypatch.setattr(ix, "CHUNK", 8)
    one, _ = open_indexed(corpus_path)
    shutil.rmtree(index_dir(corpus_path))
    two, info = open_indexed(corpus_path, workers=2)
    assert (info["processed"], info["parts"]) == (24, 3)
    _same(one, two)


def test_dask_local_cluster_writes_the_same_index(corpus_path, monkeypatch):
    pytest.importorskip("dask.distributed")
    import analysis.index as ix

    monkeypatch.setattr(ix, "CHUNK", 8)
    one, _ = open_indexed(corpus_path)
    shutil.rmtree(index_dir(corpus_path))
    seen = []
    two, info = open_indexed(corpus_path, executor="dask", workers=2,
                             progress=lambda done, total: seen.append((done, total)))
    assert info["processed"] == 24 and seen[-1] == (24, 24)
    _same(one, two)
    three, info = open_indexed(corpus_path)  # the dashboard opens what Dask wrote
    assert info["processed"] == 0
    _same(one, three)


def test_read_only_corpus_indexes_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    assert index_dir(SEEDS_DIR).parent == tmp_path / "cache"
    result, info = open_indexed(SEEDS_DIR)
    assert info["articles"] == 5 and (tmp_path / "cache").exists()
    assert not (SEEDS_DIR / ".presslens-index").exists()


def test_many_parts_are_merged_and_later_additions_read_with_them(corpus_path, monkeypatch):
    import analysis.index as ix

    monkeypatch.setattr(ix, "CHUNK", 2)  # 12 parts, over MAX_PARTS
    merged, info = open_indexed(corpus_path)
    assert info["parts"] == 1
    assert len(list((index_dir(corpus_path) / "parts").glob("*-analysis-mentions.*"))) == 1
    _same(analyse(load_corpus(corpus_path)), merged)
    _append(corpus_path, 2)
    grown, info = open_indexed(corpus_path)
    assert (info["processed"], info["parts"]) == (2, 2)
    _same(analyse(load_corpus(corpus_path)), grown)


def test_a_table_that_fails_to_read_in_the_background_says_how_to_rebuild():
    def broken():
        raise OSError("input/output error")

    tables = ix.Deferred({"mentions": broken, "quotes": lambda: pd.DataFrame({"a": [1]})})
    assert list(tables) == ["mentions", "quotes"] and len(tables["quotes"]) == 1
    with pytest.raises(ix.UnusableIndex, match="python -m presslens index"):
        tables["mentions"]


def test_tables_are_read_once_started_or_asked_for_and_once_only():
    """The dashboard draws its first page before the other tables are read (`start` follows)."""
    read = []
    tables = ix.Deferred({name: lambda name=name: read.append(name) or pd.DataFrame()
                          for name in ("mentions", "scored")})
    assert read == [] and len(tables) == 2
    tables.start()
    tables.start()
    assert tables["scored"].empty and read == ["mentions", "scored"]
    lazy = ix.Deferred({"quotes": lambda: read.append("quotes") or pd.DataFrame()})
    assert lazy["quotes"].empty and read[-1] == "quotes"
