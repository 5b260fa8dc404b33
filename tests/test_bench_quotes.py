"""The quote bench on a story of our own: every annotated quotation found, speakers scored."""
import json

from presslens.bench_quotes import run_bench_quotes, same_speaker, summarise

STORY = ("Dockworkers in Valmora voted to end their strike on Monday.\n\n"
         "“We got what we came for,” said Rui Almada, who leads the dockers' union.\n\n"
         "The port authority said in a statement that work would resume at once.\n\n"
         "“Clearing the backlog will take two weeks,” the statement said.\n\n"
         "A senior official called the deal “expensive but necessary.”\n")


def _gold(words: str, speaker: str, source: str, kind: str = "direct") -> dict:
    start = STORY.index(words)
    return {"start": start, "end": start + len(words), "kind": kind, "speaker": speaker,
            "source": source}


def test_bench_quotes_finds_and_scores_each_annotated_quotation(tmp_path):
    dataset, notes = tmp_path / "dataset", tmp_path / "notes"
    dataset.mkdir()
    notes.mkdir()
    (dataset / "ground-truth.json").write_text(json.dumps({"p1": {"url": "", "articleBody": STORY}}))
    gold = [_gold("We got what we came for,", "Rui Almada", "person"),
            _gold("Clearing the backlog will take two weeks,", "port authority", "organization"),
            _gold("expensive but necessary.", "a senior official", "anonymous", "partial")]
    (notes / "p1.json").write_text(json.dumps({"id": "p1", "quotes": gold}))
    rows = run_bench_quotes(notes, dataset)
    table = dict(zip(*summarise(rows)[["metric", "value"]].T.values))
    assert table["direct quotations found"] == 1.0
    assert table["partial quotations found"] == 1.0
    assert table["speaker right, of those found"] == 1.0
    assert table["rows printed that are real quotations"] == 1.0


def test_same_speaker_matches_name_parts_initials_and_kinds_of_source():
    person = {"speaker": "Maria Lopez", "source": "person"}
    assert same_speaker(person, "Lopez", "person")
    assert not same_speaker(person, "Ana Ruiz", "person")
    assert same_speaker({"speaker": "UK", "source": "organization"}, "United Kingdom", "organization")
    assert same_speaker({"speaker": "Russia's foreign ministry", "source": "organization"},
                        "Russia", "country")
    assert same_speaker({"speaker": "an officer", "source": "anonymous"}, "a police source", "anonymous")
    assert same_speaker({"speaker": "", "source": "unknown"}, "", "")
    assert not same_speaker({"speaker": "", "source": "unknown"}, "Ana Ruiz", "person")
