"""`python -m presslens text`: each article's counted text, as JSON lines or plain text."""
import json

from analysis.corpus import SEEDS_DIR, load_corpus
from presslens.__main__ import main

BODY = ("Officials from the two governments met for a third day on Tuesday and agreed to keep "
        "talking about the shipping rules that have held up trade for most of the year.")
PAGE = f"""https://www.harbourtimes-example.co.uk/news/shipping-talks

Shipping Talks Resume in Port City

Published: Tuesday, 14 November 2023, 9:05 am

{BODY}

Share this article

Photo: Ann Lee/Harbour Times
"""


def test_jsonl_gives_every_seed_its_counted_text(capsys):
    assert main(["text"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    articles = load_corpus(SEEDS_DIR).articles
    assert [r["file"] for r in rows] == articles["file"].tolist()
    assert [r["text"] for r in rows] == articles["text"].tolist()
    assert {"file", "outlet", "published", "title", "text"} <= set(rows[0])
    assert rows[0]["published"] == "2023-10-05" and rows[0]["outlet"] == "The Washington Post"


def test_detected_metadata_and_txt_format(tmp_path, capsys):
    (tmp_path / "port.txt").write_text(PAGE, encoding="utf-8")
    assert main(["text", str(tmp_path)]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["outlet"] == "harbourtimes-example.co.uk" and row["outlet_source"] == "detected"
    assert row["published"] == "2023-11-14" and row["published_source"] == "detected"
    assert row["text"].startswith("Shipping Talks Resume in Port City\n\nOfficials")
    assert "https://" not in row["text"] and "Published:" not in row["text"]

    assert main(["text", str(tmp_path), "--format", "txt"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("===== port.txt · harbourtimes-example.co.uk · 2023-11-14 · "
                          "Shipping Talks Resume in Port City\n\nShipping Talks Resume")
    assert BODY in out


def test_missing_folder_says_so(capsys):
    assert main(["text", "/no/such/dir"]) == 2
    assert "does not exist" in capsys.readouterr().err
