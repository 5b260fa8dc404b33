import json
import subprocess
import sys
from io import StringIO

import pandas as pd
import pytest

from analysis import corpus as corpus_mod
from analysis import readers, schema
from analysis.corpus import SEEDS_DIR, load_corpus
from analysis.pipeline import open_corpus

# Outlets and dates from shared/seeds/SOURCES.md; words counted by hand (the lines a reader
# takes for headline, dek and body, markup stripped, tokens with a letter or digit).
SEEDS = {
    "000_015259d8dac748b2.txt": ("The Washington Post", "2023-10-05", 958),
    "001_2f5382bc4088e977.txt": ("The Wall Street Journal", "2023-09-28", 1133),
    "002_cb7f1135e2515bd0.txt": ("The New York Times", "2023-07-10", 1720),
    "003_4bf49512f5ff9ebd.txt": ("NV", "2023-11-15", 795),
    "004_f6998ed8c4696f1d.txt": ("United States Institute of Peace", "2023-02-02", 988),
}
# Text that is in the seed files but is not article text (captions, notices, furniture).
NOT_ARTICLE_TEXT = [
    "Jade Gao/Pool via REUTERS", "attends a reception dinner", "Dow Jones Reprints",
    "WSJ NEWS EXCLUSIVE", "PHOTO: ALEX BRANDON", "Gordon Lubold contributed", "Write to",
    "print edition", "Pool photo by", "is a diplomatic correspondent", "Lisa Friedman",
    "A version of this article", "date 2023-11-15", "(pictured)", "Editor’s Note",
    "Ron Przysucha", "Related Publications", "Venezuela", "Type: Analysis", "Updated Sept.",
    "Reporting from",
]


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


def test_tables_match_their_schemas(seeds):
    for table, sch in [(seeds.articles, schema.ARTICLES), (seeds.zones, schema.ZONES),
                       (seeds.sentences, schema.SENTENCES), (seeds.problems, schema.PROBLEMS)]:
        assert list(table.columns) == list(sch)
        assert [str(t) for t in table.dtypes] == [str(schema.empty(sch)[c].dtype) for c in sch]


def test_seed_outlets_dates_and_word_counts(seeds):
    arts = seeds.articles.set_index("file")
    assert sorted(arts.index) == sorted(SEEDS)
    for file, (outlet, published, hand_words) in SEEDS.items():
        assert arts.loc[file, "outlet"] == outlet
        assert arts.loc[file, "published"].strftime("%Y-%m-%d") == published
        assert abs(arts.loc[file, "words"] - hand_words) <= 0.03 * hand_words
    assert seeds.problems.empty


def test_no_caption_or_boilerplate_in_any_article_text(seeds):
    for text in seeds.articles["text"]:
        for snippet in NOT_ARTICLE_TEXT:
            assert snippet not in text


def test_titles_empty_where_the_text_has_none(seeds):
    arts = seeds.articles.set_index("file")
    assert arts.loc["003_4bf49512f5ff9ebd.txt", "title"] == ""
    assert arts.loc["003_4bf49512f5ff9ebd.txt", "label"].startswith("“U.S. President Joe Biden")


def test_sentences_index_into_article_text(seeds):
    texts = seeds.articles.set_index("article_id")["text"]
    for row in seeds.sentences.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


def _write(folder, name, data):
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


GOOD = "Leaders Meet\n\nThe two leaders met on Monday in Geneva, officials said.\n"


def test_bad_files_are_reported_and_nothing_else_dropped(tmp_path, monkeypatch):
    _write(tmp_path, "good.txt", GOOD)
    _write(tmp_path, "cp1252.txt", "Café Talks\n\nThe minister’s visit went well.\n".encode("cp1252"))
    _write(tmp_path, "empty.txt", "")
    _write(tmp_path, "binary.txt", b"\x00\x01\x02garbage" * 20)
    _write(tmp_path, "huge.txt", "word " * 3000)
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 10_000)
    _write(tmp_path, "sources.csv",
           "file,outlet,published,title,authors,url\n"
           "good.txt,Outlet A,not a date,,,\n"
           "cp1252.txt,Outlet B,2024-01-02,,,\n"
           "gone.txt,Outlet C,2024-01-03,,,\n")
    _write(tmp_path, "norow.txt", GOOD)
    c = load_corpus(tmp_path)
    assert sorted(c.articles["file"]) == ["cp1252.txt", "good.txt", "norow.txt"]
    cp = c.articles.set_index("file").loc["cp1252.txt"]
    assert "minister’s" in cp["text"] and cp["title"] == "Café Talks"
    problems = {(p.file, p.field): p for p in c.problems.itertuples()}
    assert problems[("empty.txt", "file")].severity == "error"
    assert problems[("binary.txt", "file")].severity == "error"
    assert "MB" in problems[("huge.txt", "file")].message
    assert problems[("cp1252.txt", "encoding")].severity == "warning"
    assert "'not a date'" in problems[("good.txt", "published")].message
    assert ("sources.csv", "gone.txt") in problems
    assert ("norow.txt", "sources.csv") in problems
    assert all(p.hint for p in c.problems.itertuples())
    assert pd.isna(c.articles.set_index("file").loc["good.txt", "published"])


def test_jsonl_table_keeps_good_lines_and_reports_broken_one(tmp_path):
    lines = [
        json.dumps({"text": GOOD, "outlet": "A", "published": "2024-05-01", "section": "World"}),
        "{broken json",
        json.dumps({"text": GOOD, "outlet": "B", "published": "May 2, 2024"}),
    ]
    c = load_corpus(_write(tmp_path, "batch.jsonl", "\n".join(lines)))
    assert c.articles["outlet"].tolist() == ["A", "B"]
    assert c.articles["published"].dt.strftime("%Y-%m-%d").tolist() == ["2024-05-01", "2024-05-02"]
    assert json.loads(c.articles["extra"][0]) == {"section": "World"}
    assert c.problems[["file", "field"]].values.tolist() == [["batch.jsonl", "line 2"]]


def test_csv_table_without_text_column_is_an_error(tmp_path):
    c = load_corpus(_write(tmp_path, "t.csv", "body,outlet\nhello,A\n"))
    assert c.articles.empty
    assert c.problems["severity"].tolist() == ["error"] and "'text'" in c.problems["message"][0]


HTML_PAGE = """<html><head><title>Leaders Meet in Geneva | World News</title>
<script>alert(1)</script></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sub">Subscribe</a></nav>
<article><h1>Leaders Meet in Geneva</h1>
<p>The two leaders met on Monday in Geneva, officials said, and agreed to talk again in May.</p>
<p>Their aides described the talks as <b>frank</b> and said several disputes remain open.</p>
<img src=x onerror=alert(2)>
<p>A joint statement is expected later this week, according to people briefed on the talks.</p>
</article><footer>© 2024 Example News. All rights reserved.</footer></body></html>"""


def test_html_article_drops_scripts_and_navigation(tmp_path):
    c = load_corpus(_write(tmp_path, "a.html", HTML_PAGE).parent)
    text = c.articles["text"][0]
    assert text.startswith("Leaders Meet in Geneva")
    assert "described the talks as frank and said" in text
    assert "A joint statement is expected" in text
    for furniture in ("alert", "Subscribe", "Home", "All rights reserved", "onerror"):
        assert furniture not in text


def test_cli_lists_seeds_with_outlets_and_dates():
    out = subprocess.run([sys.executable, "-m", "presslens", "corpus", "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    df = pd.read_csv(StringIO(out))
    got = dict(zip(df["file"], zip(df["outlet"], df["published"])))
    assert got == {f: (o, d) for f, (o, d, _) in SEEDS.items()}


def test_cli_missing_folder_says_so():
    r = subprocess.run([sys.executable, "-m", "presslens", "corpus", "/no/such/dir"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "does not exist" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("as_type", [str, "category"])
def test_zones_start_finds_each_articles_first_zone(as_type):
    zone_ids = pd.Series(["b", "b", "a", "a", "a", "d"]).astype(as_type)
    starts = corpus_mod.zones_start(pd.Series(["a", "b", "c", "d"]).astype(as_type), zone_ids)
    assert starts.tolist() == [2, 0, -1, 5]  # "c" has no zone


def test_a_folder_holding_only_a_table_names_it_and_how_to_read_it(tmp_path):
    (tmp_path / "articles.jsonl").write_text('{"text": "Biden met Xi.", "outlet": "A"}\n')
    c = load_corpus(tmp_path)
    assert c.articles.empty
    problem = c.problems.iloc[0]
    assert problem["severity"] == "error" and "articles.jsonl" in problem["message"]
    assert str(tmp_path / "articles.jsonl") in problem["hint"]


def test_cli_index_of_a_folder_without_articles_fails_and_says_why(tmp_path):
    (tmp_path / "articles.jsonl").write_text('{"text": "Biden met Xi.", "outlet": "A"}\n')
    r = subprocess.run([sys.executable, "-m", "presslens", "index", str(tmp_path)],
                       capture_output=True, text=True)
    assert r.returncode == 2, r.stderr
    assert "give its path" in r.stderr and "warning: index not saved" not in r.stderr


def test_a_lone_surrogate_escape_in_a_jsonl_table_is_read_as_a_replacement_character(tmp_path):
    lines = ['{"text": "Officials said \\ud800 the talks would resume.", "outlet": "A"}',
             '{"text": "Smiles \\ud83d\\ude00 are a pair, kept whole.", "outlet": "B"}']
    path = _write(tmp_path, "posts.jsonl", "\n".join(lines))
    c = load_corpus(path)
    assert c.articles["outlet"].tolist() == ["A", "B"]  # nothing stopped, nothing dropped
    assert "\ufffd" in c.articles["text"][0] and "\U0001F600" in c.articles["text"][1]
    assert c.problems[["file", "field"]].values.tolist() == [["posts.jsonl", "line 1"]]
    indexed, _ = open_corpus(path)  # hashed, stored and read back as the same text
    assert indexed.corpus.article_text(indexed.corpus.articles["article_id"][0]) == \
        c.articles["text"][0]
