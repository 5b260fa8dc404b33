from analysis.bench import OUTLETS, synthetic_corpus
from analysis.corpus import load_corpus


def test_synthetic_corpus_is_realistic_and_reproducible(tmp_path):
    path = synthetic_corpus(30, tmp_path / "a")
    again = synthetic_corpus(30, tmp_path / "b")
    assert path.read_bytes() == again.read_bytes()
    c = load_corpus(path)
    assert len(c.articles) == 30 and c.problems.empty
    assert c.articles["words"].between(550, 1100).all()
    assert set(c.articles["outlet"]) <= set(OUTLETS) and c.articles["outlet"].nunique() > 5
    assert c.articles["published"].dt.year.eq(2023).all()
    assert (path.parent / "actors.toml").exists()
