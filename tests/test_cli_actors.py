"""`python -m presslens actors`: the corpus's actors with type, status and counts, and the
actor bench on an annotation written here."""
import json

from presslens.__main__ import main
from presslens.bench_actors import run_bench_actors, summarise

STORY = ("Dockworkers in Valmora voted to end their strike on Monday, said Rui Almada, who leads "
         "the Valmora Dockers Union. Almada said the union had won most of what it asked for.\n\n"
         "The Valmora Port Authority said work would resume at once. Transport Minister Lena "
         "Varga welcomed the deal. Varga said Portugal would review port contracts.\n")
STORY_2 = ("Rui Almada thanked the members of the Valmora Dockers Union on Tuesday. Almada said "
           "the Valmora Port Authority had been fair in the end.\n")


def _corpus(tmp_path):
    folder = tmp_path / "strike"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_2, encoding="utf-8")
    return folder


def test_actors_lists_what_was_discovered_with_counts(tmp_path, capsys):
    assert main(["actors", str(_corpus(tmp_path)), "--format", "json"]) == 0
    rows = {r["actor"]: r for r in json.loads(capsys.readouterr().out)}
    almada = rows["Rui Almada"]
    assert almada["type"] == "person" and almada["status"] == "discovered"
    assert almada["mentions"] == 4 and almada["articles"] == 2
    assert rows["Portugal"]["type"] == "country"
    assert rows["Valmora Dockers Union"]["type"] == "organization"


def test_actors_on_the_seeds_are_confirmed(capsys):
    assert main(["actors", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["actor"] == "China" and {r["status"] for r in rows} == {"confirmed"}


def test_bench_actors_scores_found_mentions_against_the_annotation(tmp_path):
    dataset, notes = tmp_path / "dataset", tmp_path / "notes"
    dataset.mkdir()
    notes.mkdir()
    (dataset / "ground-truth.json").write_text(json.dumps({"p1": {"url": "", "articleBody": STORY}}))
    gold = []
    for name, actor, type_ in (("Rui Almada", "Rui Almada", "person"),
                               ("Almada", "Rui Almada", "person"),
                               ("Lena Varga", "Lena Varga", "person"),
                               ("Varga", "Lena Varga", "person"),
                               ("Portugal", "Portugal", "country"),
                               ("Valmora Dockers Union", "Valmora Dockers Union", "organization")):
        start = -1
        while (start := STORY.find(name, start + 1)) >= 0:
            if any(g["start"] <= start < g["end"] for g in gold):
                continue
            gold.append({"start": start, "end": start + len(name), "actor": actor,
                         "type": type_, "kind": "name"})
    (notes / "p1.json").write_text(json.dumps({"id": "p1", "mentions": gold}))
    rows = run_bench_actors(notes, dataset)
    table = dict(zip(*summarise(rows)[["metric", "value"]].T.values))
    assert table["annotated mentions (names and metonyms)"] == len(gold)
    assert 0 < table["recall"] <= 1 and 0 < table["precision"] <= 1
    found = rows[rows["side"] == "found"]
    assert found[found["actor"] == "Rui Almada"]["matched"].all()


def test_an_empty_result_says_why_instead_of_an_empty_table(tmp_path, capsys):
    folder = tmp_path / "quiet"
    folder.mkdir()
    (folder / "a.txt").write_text("Untitled\n\nno names here at all, only words in lower case.\n")
    assert main(["mentions", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "Empty DataFrame" not in out and "no mention:" in err
    assert main(["mentions", str(folder), "--format", "csv"]) == 0  # scripts still get a header
    assert capsys.readouterr().out.startswith("file,outlet,actor")
