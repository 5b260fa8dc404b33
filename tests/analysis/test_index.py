"""The index gives the same tables as the plain analysis, reprocesses only what changed, runs
the same work on worker processes or a Dask cluster, and never trusts a broken or stale index."""
import json
import shutil

import pandas as pd
import pytest

from presslens.bench import _drop_entry, synthetic_corpus
from analysis.corpus import SEEDS_DIR, load_corpus
from analysis import fulltext, identity, index, jobs, store
from analysis.store import index_dir
from analysis.pipeline import analyse, open_corpus
from analysis.search import search
from analysis.selection import Selection

TABLES = ("mentions", "scored", "quotes", "topic_tags", "pairs", "duplicates")
QUERIES = ("China", '"the United States"', "negotiat*", "Beijing -Taiwan", "trade OR climate",
           'talks -"human rights"')


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
    for query in QUERIES:  # (an index's full-text tables, or the plain corpus's in memory)
        pd.testing.assert_frame_equal(search(Selection(a), query), search(Selection(b), query))


def _append(path, n, prefix="New lead. "):
    lines = path.read_text().splitlines()
    extra = [json.dumps({**json.loads(line), "id": 1000 + i, "text": prefix + json.loads(line)["text"]})
             for i, line in enumerate(lines[:n])]
    path.write_text("\n".join(lines + extra) + "\n")


def test_index_matches_the_plain_analysis(corpus_path):
    plain = analyse(load_corpus(corpus_path))
    indexed, info = open_corpus(corpus_path)
    assert info["processed"] == 24
    _same(plain, indexed)
    again, info = open_corpus(corpus_path)  # read back from disk, sources not read
    assert info["processed"] == 0
    _same(plain, again)


def test_only_new_articles_are_processed(corpus_path):
    first, _ = open_corpus(corpus_path)
    _append(corpus_path, 3)
    second, info = open_corpus(corpus_path)
    assert (info["processed"], info["reused"]) == (3, 24)
    assert second.mentions["article_id"].nunique() == first.mentions["article_id"].nunique() + 3
    _same(analyse(load_corpus(corpus_path)), second)


def test_removed_and_edited_articles_leave_the_index(corpus_path):
    open_corpus(corpus_path)
    lines = corpus_path.read_text().splitlines()
    edited = json.loads(lines[1])
    edited["text"] = "Xi Jinping met Joe Biden. " + edited["text"]
    corpus_path.write_text("\n".join([lines[0], json.dumps(edited), *lines[3:]]) + "\n")
    result, info = open_corpus(corpus_path)
    assert (info["processed"], info["articles"]) == (1, 23)
    _same(analyse(load_corpus(corpus_path)), result)


def test_registry_edit_reanalyses_from_the_stored_cleaning(corpus_path, monkeypatch):
    open_corpus(corpus_path)

    def no_cleaning(raws):
        raise AssertionError("cleaning should come from the index")

    monkeypatch.setattr(jobs, "clean_raws", no_cleaning)
    actors = corpus_path.parent / "actors.toml"
    actors.write_text(actors.read_text() + '\n[[actors]]\nname = "San Francisco"\ntype = "organization"\n')
    result, info = open_corpus(corpus_path)
    assert info["processed"] == _holding(corpus_path, "San Francisco") < 24  # only those
    assert "San Francisco" in set(result.mentions["actor"])
    monkeypatch.undo()
    _same(analyse(load_corpus(corpus_path)), result)


def _holding(path, *words):
    """How many articles of the corpus hold one of `words` (case aside)."""
    texts = [json.loads(line)["text"].lower() for line in path.read_text().splitlines()]
    return sum(any(w.lower() in t for w in words) for t in texts)


def _edit(actors, old, new):
    """Replace `old` by `new` in the registry file; new None: drop the entry that starts there."""
    text = actors.read_text()
    assert old in text
    actors.write_text(_drop_entry(text, old) if new is None else text.replace(old, new, 1))


# Edits of the seeds' registry (the synthetic corpus's): (old text, new text, the words whose
# articles must be analysed again)
EDITS = {
    "alias added": ('aliases = ["Joseph R. Biden"]', 'aliases = ["Joseph R. Biden", "Joe R. Biden"]',
                    ["Joe R. Biden"]),
    "short form removed": ('short = ["Biden"]', 'short = []', ["Biden"]),
    "type changed": ('name = "Antony Blinken"\ntype = "person"', 'name = "Antony Blinken"\ntype = "organization"',
                     ["Antony Blinken", "Blinken", "secretary of state"]),
    "actor dropped": ('[[actors]]\nname = "Antony Blinken"', None,
                      ["Antony Blinken", "Blinken", "secretary of state"]),
}


@pytest.mark.parametrize("name", EDITS)
def test_a_registry_edit_analyses_only_the_articles_it_touches_as_a_rebuild_would(
        corpus_path, monkeypatch, name):
    monkeypatch.setattr(jobs, "CHUNK", 5)  # several parts, some cut by the edit
    open_corpus(corpus_path)
    old, new, words = EDITS[name]
    actors = corpus_path.parent / "actors.toml"
    _edit(actors, old, new)
    result, info = open_corpus(corpus_path)
    assert info["processed"] <= _holding(corpus_path, *words)
    _same(analyse(load_corpus(corpus_path)), result)
    again, info = open_corpus(corpus_path)  # the cut parts read back as they were written
    assert info["processed"] == 0
    _same(result, again)


def test_edits_in_a_row_then_a_merge_of_the_parts_give_a_rebuild(corpus_path, monkeypatch):
    monkeypatch.setattr(jobs, "CHUNK", 3)
    open_corpus(corpus_path)
    actors = corpus_path.parent / "actors.toml"
    for old, new, _ in EDITS.values():
        if old in actors.read_text():
            _edit(actors, old, new)
            result, _ = open_corpus(corpus_path)
            _same(analyse(load_corpus(corpus_path)), result)
    monkeypatch.setattr(index, "MAX_PARTS", 2)  # the cut parts merged into one
    _append(corpus_path, 2)
    grown, info = open_corpus(corpus_path)
    assert info["parts"] == 1
    _same(analyse(load_corpus(corpus_path)), grown)


def test_a_topics_edit_analyses_every_article_again(corpus_path):
    open_corpus(corpus_path)
    topics = corpus_path.parent / "topics.toml"
    topics.write_text(topics.read_text() + '\n[[topics]]\nname = "Ports"\nterms = ["harbour"]\n')
    result, info = open_corpus(corpus_path)
    assert info["processed"] == 24
    _same(analyse(load_corpus(corpus_path)), result)


@pytest.mark.parametrize("damage", ["part", "text", "json", "version"])
def test_a_damaged_index_is_rebuilt_not_trusted(corpus_path, damage):
    plain = analyse(load_corpus(corpus_path))
    open_corpus(corpus_path)
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
    result, info = open_corpus(corpus_path)
    assert info["processed"] == 24
    _same(plain, result)


def test_text_files_missing_from_an_older_index_are_written_from_its_tables(corpus_path):
    open_corpus(corpus_path)
    for f in (index_dir(corpus_path) / "parts").glob("*.arrow"):
        f.unlink()
    result, info = open_corpus(corpus_path)
    assert info["processed"] == 0
    _same(analyse(load_corpus(corpus_path)), result)


class Interrupted(Exception):
    """Stands in for Ctrl-C, or a Streamlit rerun stopping the script."""


def test_an_interrupted_build_resumes_from_the_parts_it_wrote(corpus_path, monkeypatch):
    monkeypatch.setattr(jobs, "CHUNK", 8)
    calls = []
    real = jobs.analyse_articles

    def fail_third(*args, **kw):
        calls.append(1)
        if len(calls) == 3:
            raise Interrupted
        return real(*args, **kw)

    monkeypatch.setattr(jobs, "analyse_articles", fail_third)
    with pytest.raises(Interrupted):
        open_corpus(corpus_path)
    calls.clear()
    result, _ = open_corpus(corpus_path)
    assert len(calls) == 1  # the two finished chunks were not redone
    monkeypatch.undo()
    _same(analyse(load_corpus(corpus_path)), result)


def test_parallel_workers_give_the_same_tables(corpus_path, monkeypatch):
    monkeypatch.setattr(jobs, "CHUNK", 8)
    one, _ = open_corpus(corpus_path)
    shutil.rmtree(index_dir(corpus_path))
    two, info = open_corpus(corpus_path, workers=2)
    assert (info["processed"], info["parts"]) == (24, 3)
    _same(one, two)


def test_dask_local_cluster_writes_the_same_index(corpus_path, monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(jobs, "CHUNK", 8)
    one, _ = open_corpus(corpus_path)
    shutil.rmtree(index_dir(corpus_path))
    seen = []
    two, info = open_corpus(corpus_path, executor="dask", workers=2,
                             progress=lambda done, total: seen.append((done, total)))
    assert info["processed"] == 24 and seen[-1] == (24, 24)
    _same(one, two)
    three, info = open_corpus(corpus_path)  # the dashboard opens what Dask wrote
    assert info["processed"] == 0
    _same(one, three)


def test_read_only_corpus_indexes_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    assert index_dir(SEEDS_DIR).parent == tmp_path / "cache"
    result, info = open_corpus(SEEDS_DIR)
    assert info["articles"] == 5 and (tmp_path / "cache").exists()
    assert not (SEEDS_DIR / ".presslens-index").exists()


def test_many_parts_are_merged_and_later_additions_read_with_them(corpus_path, monkeypatch):
    monkeypatch.setattr(jobs, "CHUNK", 2)  # 12 parts, over MAX_PARTS
    merged, info = open_corpus(corpus_path)
    assert info["parts"] == 1
    assert len(list((index_dir(corpus_path) / "parts").glob("*-analysis-mentions.*"))) == 1
    _same(analyse(load_corpus(corpus_path)), merged)
    _append(corpus_path, 2)
    grown, info = open_corpus(corpus_path)
    assert (info["processed"], info["parts"]) == (2, 2)
    _same(analyse(load_corpus(corpus_path)), grown)


def test_each_stored_part_has_its_full_text_table_and_search_reads_them(corpus_path,
                                                                         monkeypatch):
    def tables():
        parts = index_dir(corpus_path) / "parts"
        meta = json.loads((index_dir(corpus_path) / "index.json").read_text())
        return {p: store.fulltext_path(parts, p).exists() for p in meta["clean"]}

    monkeypatch.setattr(jobs, "CHUNK", 10)
    open_corpus(corpus_path)
    assert list(tables().values()) == [True] * 3
    _append(corpus_path, 2)  # a new part gets its own; the old ones are kept as they are
    before = {p: store.fulltext_path(index_dir(corpus_path) / "parts", p).stat().st_mtime_ns
              for p in tables()}
    opened, _ = open_corpus(corpus_path)
    assert len(tables()) == 4 and all(tables().values())
    assert all(store.fulltext_path(index_dir(corpus_path) / "parts", p).stat().st_mtime_ns == t
               for p, t in before.items())
    plain = Selection(analyse(load_corpus(corpus_path)))
    expected = [search(plain, q) for q in QUERIES]
    # search asks the files, not a table built in memory
    monkeypatch.setattr(fulltext, "_in_memory", lambda rows: pytest.fail("built in memory"))
    for query, want in zip(QUERIES, expected):
        pd.testing.assert_frame_equal(search(Selection(opened), query), want)


def test_a_missing_full_text_table_is_built_in_memory_then_written_back(corpus_path):
    open_corpus(corpus_path)
    for f in (index_dir(corpus_path) / "parts").glob("*fulltext*"):
        f.unlink()
    opened, info = open_corpus(corpus_path)  # unchanged: opened as it is, nothing written
    assert info["processed"] == 0
    _same(analyse(load_corpus(corpus_path)), opened)  # (searched from memory)
    _append(corpus_path, 1)
    open_corpus(corpus_path)  # the next update writes every part's table
    assert len(list((index_dir(corpus_path) / "parts").glob("*fulltext.sqlite"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100])
def test_a_damaged_full_text_table_is_not_trusted(corpus_path, damage):
    open_corpus(corpus_path)
    for f in (index_dir(corpus_path) / "parts").glob("*fulltext.sqlite"):
        f.write_bytes(damage)
    opened, _ = open_corpus(corpus_path)
    _same(analyse(load_corpus(corpus_path)), opened)  # (its part searched from memory)


def test_a_table_that_fails_to_read_in_the_background_says_how_to_rebuild():
    def broken():
        raise OSError("input/output error")

    tables = store.Deferred({"mentions": broken, "quotes": lambda: pd.DataFrame({"a": [1]})})
    assert list(tables) == ["mentions", "quotes"] and len(tables["quotes"]) == 1
    with pytest.raises(store.UnusableIndex, match="python -m presslens index"):
        tables["mentions"]


def test_tables_are_read_once_started_or_asked_for_and_once_only():
    """The dashboard draws its first page before the other tables are read (`start` follows)."""
    read = []
    tables = store.Deferred({name: lambda name=name: read.append(name) or pd.DataFrame()
                          for name in ("mentions", "scored")})
    assert read == [] and len(tables) == 2
    tables.start()
    tables.start()
    assert tables["scored"].empty and read == ["mentions", "scored"]
    lazy = store.Deferred({"quotes": lambda: read.append("quotes") or pd.DataFrame()})
    assert lazy["quotes"].empty and read[-1] == "quotes"


def _job(corpus_path, folder, n=3, *, locate=False):
    """A job of the corpus's first `n` articles, to be written under `folder`."""
    from analysis.pipeline import corpus_folder, load_corpus_registry
    from analysis.readers import read_raws
    from analysis.topics import load_topics

    raws = read_raws(corpus_path, locate=locate)[0][:n]
    return jobs.Job(folder=str(folder), part="p0", keys=tuple(map(identity.raw_key, raws)),
                    articles=tuple(raws), cleaned=None,
                    registry=load_corpus_registry(corpus_path)[0],
                    topics=tuple(load_topics(corpus_folder(corpus_path))[0]), engine="vader-clause")


def test_two_attempts_of_a_job_write_under_temporary_names_of_their_own(corpus_path, tmp_path,
                                                                        monkeypatch):
    """A task Dask retries while its first attempt still runs must not write into the same
    temporary file: each attempt's files are its own, renamed into place whole."""
    job = _job(corpus_path, tmp_path / "index")
    names: list[list[str]] = []
    real = store.temp_path

    def recorded(path):
        tmp = real(path)
        names[-1].append(tmp.name)
        return tmp

    monkeypatch.setattr(store, "temp_path", recorded)
    for _ in range(2):
        names.append([])
        assert jobs.run_job(job)["analysis"] == list(job.keys)
        parts = tmp_path / "index" / "parts"
        written = sorted(p.name for p in parts.iterdir())
        assert not [n for n in written if n.startswith(".")]  # renamed into place
        for f in parts.iterdir():  # the next attempt starts from nothing written
            f.unlink()
    first, second = map(set, names)
    assert len(first) == len(names[0]) == len(written) and not first & second


def test_a_dask_task_holds_where_its_articles_are_not_their_text(corpus_path, tmp_path,
                                                                 monkeypatch):
    """The jobs sent to Dask name files or byte ranges of the table; the workers read the
    articles themselves, and the index is the same as one built here."""
    import pickle

    from analysis.readers import Source, read_raws

    folder = tmp_path / "folder"
    shutil.copytree(SEEDS_DIR, folder)
    (folder / "page.html").write_text("<html><body><h1>Xi meets Biden</h1><p>Xi Jinping met "
                                      "Joe Biden in Woodside.</p></body></html>")
    sent = []

    def in_process(payload, **kw):  # Dask stood in for: the same payloads, run here
        sent.extend(payload)
        return [jobs.run_job(j) for j in payload]

    monkeypatch.setattr(jobs, "_dask_map", in_process)
    monkeypatch.setattr(jobs, "CHUNK", 8)
    for path in (corpus_path, folder):
        sent.clear()
        result, info = open_corpus(path, executor="dask")
        raws = read_raws(path)[0]
        assert info["processed"] == len(raws) and sum(len(j.articles) for j in sent) == len(raws)
        for payload in sent:
            assert all(isinstance(a, Source) for a in payload.articles)
            data = pickle.dumps(payload.articles)
            assert len(data) < 1000 * len(payload.articles)  # a few names and numbers each
            assert not [r.text[i:i + 40] for r in raws  # (past the headline: sources.csv's
                        for i in range(200, len(r.text) - 40, 400)  # title is metadata)
                        if r.text[i:i + 40].encode() in data]
        _same(analyse(load_corpus(path)), result)


def test_an_article_changed_before_its_worker_reads_it_is_done_from_what_was_read(
        corpus_path, tmp_path, monkeypatch):
    """A worker finds the article's file no longer as it was read: it writes nothing, and the
    chunk is done in this process from the article as read; the next opening sees the edit."""
    before = analyse(load_corpus(corpus_path))
    original = corpus_path.read_text()
    job = jobs.by_reference(_job(corpus_path, tmp_path / "index", locate=True))
    corpus_path.write_text(original.replace("the", "a"))
    assert jobs.run_job(job) == {"part": "p0", "changed": True}
    assert not (tmp_path / "index" / "parts").exists()
    corpus_path.write_text(original)

    def edit_then_run(payload, **kw):
        corpus_path.write_text(original.replace("the", "a"))
        return [jobs.run_job(j) for j in payload]

    monkeypatch.setattr(jobs, "_dask_map", edit_then_run)
    result, info = open_corpus(corpus_path, executor="dask")
    assert info["processed"] == 24
    _same(before, result)
    monkeypatch.undo()
    again, info = open_corpus(corpus_path)
    assert info["processed"] > 0
    _same(analyse(load_corpus(corpus_path)), again)


def test_each_article_read_again_from_where_it_was_read_is_the_same(tmp_path, monkeypatch):
    """What a Dask worker reads from a Source is the article read_raws read: a csv record
    spanning lines after a byte order mark and blank lines, CRLF ends, a cp1252 table; a table
    in an encoding that cannot be read by byte range is not located (its articles travel as
    text)."""
    from analysis import readers
    from analysis.readers import read_raws, read_source

    rows = 'id,text,outlet,extra\n\n  \n1,"Xi met Biden.\nThey spoke, at length ""quoted"".",A,x\n' \
           '2,Second article.,B,\n3,"Third, with\r\na CRLF inside.",C,y\n'
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbf" + rows.encode())
    (tmp_path / "crlf.csv").write_bytes(rows.replace("\n", "\r\n").encode())
    (tmp_path / "cp.jsonl").write_bytes("\r\n".join(
        json.dumps({"text": f"Café “{i}” – Xi met Biden.", "outlet": "O"}, ensure_ascii=False)
        for i in range(3)).encode("cp1252"))
    for name, located in (("bom.csv", 3), ("crlf.csv", 3), ("cp.jsonl", 3), ("cp.jsonl", 0)):
        if not located:
            monkeypatch.setattr(readers, "SLICEABLE", set())
        raws, _ = read_raws(tmp_path / name, locate=True)
        assert len(raws) == 3 and raws == read_raws(tmp_path / name)[0]
        assert sum(r.source is not None for r in raws) == located
        for raw in raws:
            if raw.source is not None:
                again = read_source(raw.source)
                assert again == raw and identity.raw_key(again) == identity.raw_key(raw)


def test_a_registry_edit_scores_only_the_mentions_it_adds(corpus_path, monkeypatch):
    from analysis.target_sentiment import LinearModel

    open_corpus(corpus_path)
    scored = []
    predict = LinearModel.predict_many
    monkeypatch.setattr(LinearModel, "predict_many", lambda self, spans: scored.append(len(spans))
                        or predict(self, spans))
    actors = corpus_path.parent / "actors.toml"
    _edit(actors, '[[actors]]\nname = "Antony Blinken"', None)  # mentions only go
    before, info = open_corpus(corpus_path)
    assert info["processed"] > 0 and sum(scored) == 0
    _edit(actors, 'aliases = ["Joseph R. Biden"]', 'aliases = ["Joseph R. Biden", "Antony Blinken"]')
    result, info = open_corpus(corpus_path)  # the dropped name back, as another actor's alias
    assert 0 < sum(scored) == _new_resolved(before, result)
    monkeypatch.undo()
    _same(analyse(load_corpus(corpus_path)), result)


def _new_resolved(before, after):
    """Resolved mentions of `after` at places `before` had none resolved."""
    at = ["article_id", "sentence_id", "start", "end"]
    old = set(map(tuple, before.scored[at].astype(str).to_numpy()))
    return sum(tuple(r) not in old for r in after.scored[at].astype(str).to_numpy())
