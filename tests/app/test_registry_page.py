"""The Actor registry page under AppTest: a corpus with no actors.toml opens on what was
discovered, ready for review; the seeds' own registry is shown as confirmed."""
import pytest

from tests.app import open_page
from tests.test_cli_actors import STORY, STORY_2


@pytest.fixture
def strike(tmp_path, monkeypatch):
    folder = tmp_path / "strike"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_2, encoding="utf-8")
    monkeypatch.setenv("PRESSLENS_CORPUS", str(folder))
    return folder


def test_a_new_corpus_opens_on_its_discovered_actors(app, strike):
    at = open_page(app, "registry")
    table = at.dataframe[0].value
    assert {"select", "actor", "rename", "type", "status", "mentions", "example"} <= set(table)
    top = table.iloc[0]
    assert top["actor"] == "Rui Almada" and top["status"] == "discovered" and top["mentions"] == 4
    assert "Almada" in top["example"]
    labels = {b.label: b.disabled for b in at.button}
    assert labels["Confirm 0"] and labels["Merge 0"] and labels["Drop 0"]


def test_the_filter_narrows_the_table(app, strike):
    at = open_page(app, "registry")
    at.text_input(key="review_filter").set_value("valmora").run()
    assert not at.exception
    assert set(at.dataframe[0].value["actor"]) == {"Valmora Dockers Union", "Valmora Port Authority"}


def test_the_seed_registry_is_confirmed(app):
    at = open_page(app, "registry")
    table = at.dataframe[0].value
    assert table.iloc[0]["actor"] == "China" and set(table["status"]) == {"confirmed"}
