"""`python -m presslens search`: the matches for scripts, and a refused query's message."""
import io
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd

from presslens.__main__ import main


def _run(*argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = main(list(argv))
    return rc, out.getvalue(), err.getvalue()


def test_search_prints_each_match_with_its_sentence(tmp_path):
    (tmp_path / "a.txt").write_text("Balloon Watch\n\nA spy balloon drifted east. The weather "
                                    "balloon did not.\n")
    rc, out, err = _run("search", '"spy balloon"', str(tmp_path), "--format", "csv")
    assert rc == 0, err
    table = pd.read_csv(io.StringIO(out))
    assert table["match"].tolist() == ["spy balloon"]
    assert table["sentence"].tolist() == ["A spy balloon drifted east."]
    assert table["file"].tolist() == ["a.txt"]


def test_a_bad_query_is_refused_with_its_reason(tmp_path):
    rc, out, err = _run("search", '"spy balloon', str(tmp_path))
    assert rc == 2 and out == "" and "not closed" in err
