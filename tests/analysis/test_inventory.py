"""Actors found in a corpus's text (analysis.inventory), on sample texts written for these
tests (a fictional company, ministry and officials), and a corpus without actors.toml counted
through the pipeline."""
import json

from analysis.actors import parse_registry
from analysis.corpus import load_corpus
from analysis.inventory import discover_registry, registry_toml
from analysis.pipeline import analyse

# Two articles of one made-up story: a CEO named in full then by surname (and possessive),
# a ministry with its acronym, the U.S. in three spellings, two officials named Haddad,
# sentence-initial words and months that are not actors.
TECH_STORY = [
    "Veltrix Systems removes chief executive Dana Kowalczyk\n"
    "Veltrix Systems said on Friday that its board had removed Dana Kowalczyk as chief "
    "executive. Kowalczyk's departure stunned investors in March. Despite the turmoil, "
    "shares rose.\n"
    "The Ministry of Digital Affairs (MODA) said it was watching. Officials at MODA met on "
    "Monday. Officials in the U.S. said the United States would not intervene.\n"
    "Deputy Minister Omar Haddad and Finance Minister Rania Haddad disagreed in public.",
    "Kowalczyk returns to Veltrix Systems\n"
    "Dana Kowalczyk returned to Veltrix Systems on Tuesday. Kowalczyk said she was grateful "
    "to staff. Despite the calm, Veltrix Systems faces a review in March.\n"
    "MODA welcomed the news, and the US embassy said nothing. Omar Haddad said the ministry "
    "would publish its review. Rania Haddad said the budget was safe.",
]


def _by_name():
    return discover_registry(TECH_STORY).by_name()


def test_company_and_ceo_with_surname_and_possessive():
    actors = _by_name()
    assert actors["Veltrix Systems"].type == "organization"
    ceo = actors["Dana Kowalczyk"]
    assert ceo.type == "person" and "Kowalczyk" in ceo.short
    assert "Kowalczyk" not in actors and "Kowalczyk's" not in actors


def test_ministry_takes_its_acronym():
    actors = _by_name()
    assert actors["Ministry of Digital Affairs"].type == "organization"
    assert "MODA" in actors["Ministry of Digital Affairs"].aliases
    assert "MODA" not in actors


def test_country_in_three_spellings_is_one_actor():
    actors = _by_name()
    us = actors["United States"]
    assert us.type == "country" and {"U.S.", "US"} <= set(us.aliases)
    assert not {"U.S.", "US"} & set(actors)


def test_officials_sharing_a_surname_stay_two_people():
    actors = _by_name()
    assert actors["Omar Haddad"].type == actors["Rania Haddad"].type == "person"
    assert "Haddad" not in actors and "Deputy Minister Omar Haddad" not in actors


def test_sentence_initial_words_and_months_are_not_actors():
    names = set(_by_name())
    assert not names & {"Despite", "Officials", "March", "Monday", "Tuesday", "Friday", "The"}


def test_every_actor_is_marked_discovered_and_the_file_reads_back():
    registry = discover_registry(TECH_STORY)
    assert registry.actors and all(a.discovered for a in registry.actors)
    text = registry_toml(registry)
    assert "discovered = true" in text
    assert parse_registry(text) == registry


def test_a_corpus_without_actors_toml_counts_discovered_actors(tmp_path):
    with open(tmp_path / "articles.jsonl", "w", encoding="utf-8") as fh:
        for i, text in enumerate(TECH_STORY):
            fh.write(json.dumps({"text": text, "outlet": f"Outlet {i}", "title": "",
                                 "published": "2026-03-0%d" % (i + 1), "id": i}) + "\n")
    assert not (tmp_path / "actors.toml").exists()
    result = analyse(load_corpus(tmp_path / "articles.jsonl"))
    resolved = result.mentions[result.mentions["actor"] != ""]
    counts = resolved["actor"].value_counts()
    assert counts["Dana Kowalczyk"] >= 4 and counts["Veltrix Systems"] >= 3
    # the name and "(MODA)" right after it count twice today (the matcher's rule), then MODA twice
    assert counts["Ministry of Digital Affairs"] == 4
    assert counts["United States"] == 3
    assert {"Omar Haddad", "Rania Haddad"} <= set(counts.index)


def test_a_corpus_without_a_registry_has_one_identity_by_either_route(tmp_path):
    """The CLI and the dashboard open a corpus through the index, tests and small tables in
    memory: both must discover the same actors from the same counted text."""
    import shutil

    from analysis.corpus import SEEDS_DIR, load_corpus
    from analysis.pipeline import analyse, open_corpus

    for f in SEEDS_DIR.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    shutil.copy(SEEDS_DIR / "sources.csv", tmp_path / "sources.csv")
    indexed, _ = open_corpus(tmp_path)
    in_memory = analyse(load_corpus(tmp_path))
    assert indexed.identity == in_memory.identity
    assert len(indexed.tables["mentions"]) == len(in_memory.mentions) > 100


def test_roles_are_learned_from_titles_before_names():
    from analysis.inventory import discover_registry

    texts = ["Transport Minister Lena Varga met union leaders on Monday. The transport minister "
             "said the deal was fair, and Gov. Rui Almada agreed.",
             "Lena Varga said on Tuesday that talks would go on. Varga thanked the dockers. The "
             "White House press secretary, Ann Lee, declined to comment. White House officials "
             "said nothing. Ann Lee said no more."]
    actors = discover_registry(texts).by_name()
    assert [r.text for r in actors["Lena Varga"].roles] == ["transport minister"]
    assert [r.text for r in actors["Rui Almada"].roles] == ["governor"]
    # a role naming another actor would take its mentions: not learned
    assert "Ann Lee" not in actors or not actors["Ann Lee"].roles


def test_discovery_over_processes_gives_the_serial_result():
    """The corpus's actors are the same whether its articles are scanned in one process or
    spread over several (each article's pass is its own, merged in article order)."""
    from analysis import inventory
    from analysis.cleaning import clean_text
    from presslens.bench import synthetic_corpus

    import json
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        table = synthetic_corpus(inventory.PARALLEL_FROM + 50, Path(tmp) / "c")
        texts = [json.loads(line)["text"] for line in table.read_text().splitlines()]
    articles = [(t, False) for t in texts]
    serial = inventory.discover_registry(clean_text(t).text for t in texts)
    assert inventory.discover_articles(articles, workers=1) == serial
    assert inventory.discover_articles(articles, workers=2) == serial
    assert len(serial.actors) > 10


def test_a_title_is_no_actor_and_a_province_without_its_marks_is_a_place():
    texts = ["U.S. Attorney Mira Kell said on Monday that the case would go to trial. "
             "U.S. Attorney Mira Kell said the office had new evidence. Kell said more.\n"
             "Fighting went on in Logar, where the governor of Logar said roads were closed. "
             "Logar has seen clashes for a month."]
    names = {a.name for a in discover_registry(texts).actors}
    assert "Mira Kell" in names
    assert "U.S. Attorney" not in names and "Logar" not in names
