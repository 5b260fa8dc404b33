"""The Corpus page under AppTest: what was read from each article's text is shown beside the
metadata a user can edit, and saving says it saved."""
import pytest

from analysis.library import add_files, create_corpus, read_sources
from tests.app import open_page

# Written for this test: an article whose text shows its address and its date, and one that
# carries a wire credit in its dateline.
ADDRESS_AND_DATE = """https://www.valmora-daily.example.com/news/harbour-strike-ends

Harbour Strike Ends After Nine Days

Published: Tuesday, March 4, 2025 8:12 am

Dockworkers in the port of Valmora voted on Monday to end a nine-day strike, union leaders said.

The port authority said work would resume on the night shift.
"""
WIRE_CREDIT = """Talks on River Treaty Resume

LISBON, March 5 (Reuters) - Ministers from two countries resumed talks on a river treaty on Wednesday, officials said.

No agreement is expected before the summer.
"""


@pytest.fixture
def harbour(tmp_path, monkeypatch):
    lib = tmp_path / "library"
    monkeypatch.setenv("PRESSLENS_LIBRARY", str(lib))
    folder = create_corpus(lib, "harbour")
    add_files(folder, [("strike.txt", ADDRESS_AND_DATE.encode()),
                       ("treaty.txt", WIRE_CREDIT.encode())])
    monkeypatch.setenv("PRESSLENS_CORPUS", str(folder))
    return folder


def test_detected_metadata_is_shown_beside_the_editable_fields(app, harbour):
    at = open_page(app, "corpus")
    table = at.dataframe[0].value.set_index("file")
    assert "outlet: " in table.loc["strike.txt", "detected"]
    assert "published: 2025-03-04" in table.loc["strike.txt", "detected"]
    assert "outlet: Reuters" in table.loc["treaty.txt", "detected"]
    assert (table["outlet"] == "").all()  # detected, not written into sources.csv


def test_saving_metadata_confirms_and_keeps_what_was_there(app, harbour):
    before, _ = read_sources(harbour)
    at = open_page(app, "corpus")
    at.button[[b.label for b in at.button].index("Save metadata")].click().run()
    assert not at.exception
    assert any("Metadata saved" in s.value for s in at.success)
    after, _ = read_sources(harbour)
    assert after.equals(before)
    assert "detected" not in after.columns
