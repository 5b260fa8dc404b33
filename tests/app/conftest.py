import pytest
from streamlit.testing.v1 import AppTest

from tests.app import DASHBOARD


@pytest.fixture
def app():
    """A fresh dashboard session (seed corpus), not yet run."""
    return AppTest.from_file(str(DASHBOARD), default_timeout=120)
