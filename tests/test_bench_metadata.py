"""The metadata bench (presslens.bench_metadata) on a one-page dataset written here."""
import gzip
import json

from presslens.__main__ import main
from presslens.bench_metadata import run_bench_metadata, summarise, visible_text

PAGE = """<html><head><title>Port talks</title>
<meta property="article:published_time" content="2023-11-14T09:05:00Z">
<script>var hidden = "November 1, 2020";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Shipping Talks Resume in Port City</h1>
<p>By Ann Lee</p><time datetime="2023-11-14">November 14, 2023</time>
<p>Officials from the two governments met for a third day on Tuesday and agreed to keep talking
about the shipping rules that have held up trade for most of the year.</p>
<p>Neither side gave details of the proposals, but a spokesperson said both teams had asked for
more time to consult the businesses that would be affected by any change.</p></article>
<footer>© 2023 Harbour Times (www.harbourtimes-example.com)</footer></body></html>"""


def test_visible_text_keeps_text_nodes_in_order_and_drops_scripts():
    lines = visible_text(PAGE).split("\n")
    assert lines[:3] == ["Home World", "Shipping Talks Resume in Port City",
                         "By Ann Lee"]
    assert "November 14, 2023" in lines and not any("hidden" in ln for ln in lines)


def test_bench_reads_the_page_against_its_metadata(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps(
        {"p1": {"url": "https://www.harbourtimes-example.com/world/port", "articleBody": "x"}}))
    pages = run_bench_metadata(tmp_path)
    row = pages.iloc[0]
    assert row["ref_original"] == "2023-11-14" and row["published"] == "2023-11-14"
    assert row["right"] and not row["wrong"] and row["shows_ref"]
    assert row["outlet"] == "harbourtimes-example.com" and row["outlet_right"]
    figures = dict(zip(summarise(pages)["metric"], summarise(pages)["value"]))
    assert figures["  of those, date read right"] == 1
    assert figures["  another site (wrong)"] == 0


def test_cli_without_the_dataset_says_so(tmp_path, capsys):
    assert main(["bench-metadata", "--dataset", str(tmp_path)]) == 2
    assert "ground-truth.json" in capsys.readouterr().err
