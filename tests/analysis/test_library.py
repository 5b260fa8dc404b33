"""Bring your own corpus: every hostile or broken input the issue lists, and that nothing
already in the corpus is lost by any of them."""
import io
import json
import zipfile

import pytest

from analysis.corpus import load_corpus

from analysis import library as lib
from analysis.corpus import SEEDS_DIR, load_corpus
from analysis.library import (ConflictError, add_files, create_corpus, delete_article,
                              delete_corpus, near_duplicates, read_sources, safe_name,
                              save_sources, validate_sources)

GOOD = b"Leaders Meet in Geneva\n\nThe two leaders met on Monday in Geneva, officials said.\n"


def _pdf(text: str) -> bytes:
    """A one-page PDF with `text`, xref table and all, as a PDF writer makes it."""
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 144]/Contents 4 0 R"
            b"/Resources<</Font<</F1 5 0 R>>>>>>",
            b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
            b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    return out + b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


PDF = _pdf("Ministers met in Ankara on Tuesday.")


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture
def corpus(tmp_path):
    folder = create_corpus(tmp_path, "test corpus")
    result = add_files(folder, [("first.txt", GOOD)])
    assert result.added == ["first.txt"]
    return folder


def _unchanged(folder):
    """The article added by the fixture is still there, with its row."""
    assert (folder / "first.txt").read_bytes() == GOOD.decode().encode()
    assert "first.txt" in read_sources(folder)[0]["file"].tolist()


def _problem(result, name):
    return next(p for p in result.problems if p["file"] == name)


def test_pdf_docx_html_md_are_extracted(corpus):
    html = (b"<html><head><title>Talks | News</title><script>steal()</script></head><body>"
            b"<nav>Home | World</nav><article><h1>Talks Resume</h1><p>Negotiators resumed "
            b"talks on Friday in Brussels after a month-long pause, officials said.</p>"
            b"<img src=x onerror=alert(1)><p>Both sides described the session as useful and "
            b"agreed to meet again.</p></article></body></html>")
    result = add_files(corpus, [("a.pdf", PDF), ("b.docx", _docx(["Grain Deal", "Ministers "
                                "agreed to extend the grain deal."])), ("c.html", html),
                                ("d.md", b"# Heading\n\nSome **bold** text.")])
    assert result.added == ["a.txt", "b.txt", "c.html", "d.txt"] and not result.problems
    assert "Ministers met in Ankara" in (corpus / "a.txt").read_text()
    assert "extend the grain deal" in (corpus / "b.txt").read_text()
    # the page is kept as uploaded and read as a page: its article, never its scripts
    articles = load_corpus(corpus).articles.set_index("file")
    page = articles.loc["c.html", "text"]
    assert "Negotiators resumed talks" in page and "steal" not in page and "onerror" not in page
    assert articles.loc["c.html", "title"] == "Talks Resume"
    _unchanged(corpus)


def test_file_that_is_not_what_its_extension_says(corpus):
    result = add_files(corpus, [("report.txt", PDF), ("notes.pdf", b"Plain notes on the talks.")])
    assert result.added == ["report.txt", "notes.txt"]
    assert "read as what it is" in _problem(result, "report.txt")["message"]
    assert "Ministers met in Ankara" in (corpus / "report.txt").read_text()


@pytest.mark.parametrize("name,data,message", [
    ("garbage.txt", bytes(range(256)) * 40, "binary"),
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"   \n\n  ", "is empty"),
    ("bundle.txt", b"PK\x03\x04" + b"\x00" * 100, "binary"),
    ("photo.png", b"\x89PNG\r\n\x1a\n", "extension (.png)"),
    ("broken.pdf", b"%PDF-1.4 truncated", "could not be read"),
])
def test_broken_input_is_refused_with_a_reason(corpus, name, data, message):
    result = add_files(corpus, [(name, data)])
    assert result.added == [] and message in _problem(result, name)["message"]
    assert _problem(result, name)["hint"]
    _unchanged(corpus)


def test_archives_are_not_unpacked(corpus):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "hello")
    result = add_files(corpus, [("articles.txt", buf.getvalue())])
    assert "archive" in _problem(result, "articles.txt")["message"]


def test_oversized_file_is_refused(corpus, monkeypatch):
    monkeypatch.setattr(lib, "MAX_UPLOAD_BYTES", 1000)  # stands for the 25 MB limit
    result = add_files(corpus, [("huge.txt", b"word " * 1000)])
    assert "over the" in _problem(result, "huge.txt")["message"]
    _unchanged(corpus)


def test_docx_zip_bomb_is_refused(corpus, monkeypatch):
    monkeypatch.setattr(lib, "MAX_UNZIPPED_BYTES", 200_000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document>" + " " * 5_000_000 + "</w:document>")
    assert len(buf.getvalue()) < 50_000  # compresses 100:1 and more
    result = add_files(corpus, [("bomb.docx", buf.getvalue())])
    assert "zip bomb" in _problem(result, "bomb.docx")["message"]
    _unchanged(corpus)


@pytest.mark.parametrize("name,stored", [
    ("../../x.txt", "x.txt"), ("..\\..\\evil.txt", "evil.txt"),
    ("bad\x00na\x1bme\n.txt", "badname.txt"), ("/etc/passwd", "passwd.txt"),
    ("Ünïcödé näme.txt", "Unicode_name.txt"), ("....txt", "article.txt"),
])
def test_file_names_stay_inside_the_corpus(corpus, name, stored):
    result = add_files(corpus, [(name, GOOD.replace(b"Monday", b"Monday " + stored.encode()))])
    assert result.added == [stored]
    assert (corpus / stored).resolve().parent == corpus.resolve()
    assert not (corpus.parent.parent / "x.txt").exists()


def test_csv_with_missing_column_and_ragged_rows(corpus):
    no_text = add_files(corpus, [("table.csv", b"body,outlet\nhello,A\n")])
    assert "no 'text' column" in _problem(no_text, "table.csv")["message"]
    ragged = b"text,outlet,published\nFirst article text.,A,2024-01-02\nSecond,B,2024-01-03,extra\nThird article text.,C,May 2 2024\n"
    result = add_files(corpus, [("table.csv", ragged)])
    assert result.added == ["table-2.txt", "table-4.txt"]
    assert "line 3" in _problem(result, "table.csv")["message"]
    rows = read_sources(corpus)[0].set_index("file")
    assert rows.loc["table-2.txt", "outlet"] == "A" and rows.loc["table-4.txt", "published"] == "May 2 2024"
    _unchanged(corpus)


def test_jsonl_with_one_broken_line(corpus):
    lines = [json.dumps({"text": "One good article.", "outlet": "A"}), "{not json",
             json.dumps({"text": "Another good article.", "outlet": "B"}), "[1, 2]"]
    result = add_files(corpus, [("feed.jsonl", "\n".join(lines).encode())])
    assert result.added == ["feed-1.txt", "feed-3.txt"]
    messages = [p["message"] for p in result.problems]
    assert any("line 2" in m for m in messages) and any("line 4" in m for m in messages)


def test_dates_in_many_formats_and_nonsense(corpus):
    table = (b"text,outlet,published\nA one.,A,2024-05-02\nB two.,A,\"May 2, 2024\"\n"
             b"C three.,A,2 May 2024\nD four.,A,2024/05/02\nE five.,A,yesterday\nF six.,A,2024-13-45\n")
    add_files(corpus, [("dates.csv", table)])
    c = load_corpus(corpus)
    got = c.articles.set_index("file")["published"].dt.strftime("%Y-%m-%d").to_dict()
    for n in (2, 3, 4, 5):
        assert got[f"dates-{n}.txt"] == "2024-05-02"
    nonsense = c.problems[c.problems["field"] == "published"]
    assert sorted(nonsense["file"]) == ["dates-6.txt", "dates-7.txt"]
    sources, _ = read_sources(corpus)
    assert len(validate_sources(sources)) == 2


def test_exact_duplicates_are_not_added_twice_and_near_duplicates_are_flagged(corpus):
    wire = ("Officials from both countries met in Geneva on Monday to discuss trade, climate "
            "and security, and agreed to meet again next month, a spokesman said. ") * 3
    result = add_files(corpus, [("copy.txt", GOOD), ("wire-a.txt", wire.encode()),
                                ("wire-b.txt", (wire + " Reporting by Jane Roe.").encode())])
    assert result.duplicates == [("copy.txt", "first.txt")]
    dups = near_duplicates(load_corpus(corpus).articles)
    assert dups[["article_id", "duplicate_of"]].values.tolist() == [["wire-a.txt", "wire-b.txt"]]
    assert dups["similarity"].iloc[0] > 0.8


def test_concurrent_edits_do_not_overwrite_each_other(corpus):
    table, hash_a = read_sources(corpus)
    _, hash_b = read_sources(corpus)
    save_sources(corpus, table.assign(outlet="Outlet A"), hash_a)
    with pytest.raises(ConflictError, match="another session"):
        save_sources(corpus, table.assign(outlet="Outlet B"), hash_b)
    assert read_sources(corpus)[0]["outlet"].tolist() == ["Outlet A"]


def test_delete_article_and_corpus(tmp_path, corpus):
    add_files(corpus, [("second.txt", b"Another article entirely, about climate talks.")])
    _, h = read_sources(corpus)
    with pytest.raises(ValueError):
        delete_article(corpus, "../../etc/passwd", h)
    delete_article(corpus, "second.txt", h)
    assert not (corpus / "second.txt").exists()
    assert read_sources(corpus)[0]["file"].tolist() == ["first.txt"]
    with pytest.raises(ValueError):
        delete_corpus(tmp_path, "..")
    delete_corpus(tmp_path, corpus.name)
    assert not corpus.exists()


def test_seeds_are_read_only():
    with pytest.raises(PermissionError):
        add_files(SEEDS_DIR, [("x.txt", GOOD)])
    with pytest.raises(PermissionError):
        save_sources(SEEDS_DIR, read_sources(SEEDS_DIR)[0], read_sources(SEEDS_DIR)[1])


def test_safe_names():
    assert safe_name("../a b.txt") == "a_b.txt" and safe_name("\x00") == "article"
    with pytest.raises(ValueError):
        create_corpus(SEEDS_DIR.parent / "tmp-never", "../")


def test_library_survives_a_restart(tmp_path):
    folder = create_corpus(tmp_path, "kept")
    add_files(folder, [("a.txt", GOOD)])
    assert lib.list_corpora(tmp_path) == ["kept"]
    assert load_corpus(folder).articles["file"].tolist() == ["a.txt"]


def test_near_duplicates_of_new_articles_are_those_a_full_search_finds(tmp_path):
    """An index update looks only for pairs with its new articles: it must find exactly the
    pairs of a search over all articles that involve one of them."""
    import pandas as pd

    from presslens.bench import synthetic_corpus

    articles = load_corpus(synthetic_corpus(60, tmp_path / "c")).articles
    copies = articles.head(12).assign(
        article_id=lambda d: d["article_id"] + "-copy", outlet="Wire",
        text=lambda d: d["text"].str.replace(r"\.\s", ". Indeed, ", n=2, regex=True))
    articles = pd.concat([articles, copies], ignore_index=True)
    full = near_duplicates(articles)
    new = set(articles["article_id"].sample(20, random_state=1)) | {"c#0-copy"}
    involved = full[full["article_id"].isin(new) | full["duplicate_of"].isin(new)]
    assert len(full) >= 12 and len(involved) > 0
    pd.testing.assert_frame_equal(near_duplicates(articles, new=new),
                                  involved.reset_index(drop=True))


def test_the_uploader_and_the_intake_state_one_size_limit():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parents[2] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == lib.MAX_UPLOAD_MB == 25


def test_an_uploaded_table_with_a_lone_surrogate_escape_is_added(corpus):
    data = b'{"text": "Officials said \\ud800 the talks in Geneva would resume next week.", ' \
           b'"outlet": "A"}\n'
    result = add_files(corpus, [("posts.jsonl", data)])
    assert len(result.added) == 1 and not result.problems
    assert "\ufffd" in (corpus / result.added[0]).read_text(encoding="utf-8")
