import shutil

import pytest
from streamlit.testing.v1 import AppTest

from analysis.corpus import SEEDS_DIR
from tests.app import DASHBOARD


@pytest.fixture
def app():
    """A fresh dashboard session (seed corpus), not yet run."""
    return AppTest.from_file(str(DASHBOARD), default_timeout=120)


@pytest.fixture
def corpus_copy(tmp_path, monkeypatch):
    """A writable copy of the seeds, the corpus the dashboard opens."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, dest)
    monkeypatch.setenv("PRESSLENS_CORPUS", str(dest))
    return dest
