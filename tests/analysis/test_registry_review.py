"""Review edits on a registry (analysis.actors) and the review table (analysis.counts): confirm,
merge, drop and table edits, each leaving a registry the matcher can use."""
import pandas as pd
import pytest

from analysis.actors import (Actor, Registry, RegistryError, confirm_actors, edit_actors,
                             merge_actors, remove_actors, validate)
from analysis.counts import changed_rows, review_table

REG = Registry(actors=(
    Actor(name="OpenAI", type="organization", discovered=True),
    Actor(name="Open AI", type="organization", discovered=True),
    Actor(name="Sam Altman", type="person", short=("Altman",), discovered=True),
    Actor(name="Altman’s", type="organization", discovered=True),
    Actor(name="Chat", type="organization", discovered=True),
))


def test_confirm_marks_only_the_chosen():
    out = confirm_actors(REG, ["Sam Altman"])
    assert [a.discovered for a in out.actors] == [True, True, False, True, True]


def test_merge_makes_the_others_aliases_and_removes_them():
    out = merge_actors(REG, "OpenAI", ["OpenAI", "Open AI"])
    assert [a.name for a in out.actors] == ["OpenAI", "Sam Altman", "Altman’s", "Chat"]
    assert out.by_name()["OpenAI"].aliases == ("Open AI",)
    assert not out.by_name()["OpenAI"].discovered
    assert validate(out) == []


def test_merge_keeps_short_forms_and_never_an_alias_twice():
    out = merge_actors(REG, "Sam Altman", ["Altman’s"])
    altman = out.by_name()["Sam Altman"]
    assert altman.aliases == ("Altman’s",) and altman.short == ("Altman",)
    assert validate(out) == []


def test_drop_removes_and_refuses_names_it_does_not_know():
    assert [a.name for a in remove_actors(REG, ["Chat"]).actors] == [
        "OpenAI", "Open AI", "Sam Altman", "Altman’s"]
    with pytest.raises(RegistryError, match="Nobody"):
        remove_actors(REG, ["Nobody"])


def test_table_edits_rename_retype_and_alias():
    out = edit_actors(REG, [{"actor": "Chat", "name": "ChatGPT", "type": "organization",
                             "aliases": "Chat GPT", "short": ""},
                            {"actor": "Sam Altman", "type": "person", "aliases": "Samuel Altman",
                             "short": "Altman"}])
    chat = out.by_name()["ChatGPT"]
    assert chat.aliases == ("Chat", "Chat GPT")  # the old name stays counted
    assert out.by_name()["Sam Altman"].aliases == ("Samuel Altman",)


def test_review_table_and_the_rows_a_user_changed():
    mentions = pd.DataFrame({"article_id": ["a1", "a1", "a2"], "sentence_id": [0, 1, 0],
                             "actor": ["Sam Altman", "OpenAI", "Sam Altman"],
                             "outlet": ["X", "X", "Y"]})
    table = review_table(REG, mentions, lambda rows: [f"s{i}" for i in range(len(rows))])
    assert table["actor"].tolist()[:2] == ["Sam Altman", "OpenAI"]
    assert table.loc[0, ["mentions", "articles", "outlets", "status"]].tolist() == [
        2, 2, 2, "discovered"]
    assert table.loc[0, "example"] == "s0" and not table["select"].any()
    edited = table.copy()
    edited.loc[edited["actor"] == "Chat", "rename"] = "ChatGPT"
    assert changed_rows(table, edited) == [{"actor": "Chat", "name": "ChatGPT",
                                            "type": "organization", "aliases": "", "short": ""}]
    assert changed_rows(table, table) == []
