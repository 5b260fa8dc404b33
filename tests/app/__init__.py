from pathlib import Path

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
PAGES = Path(__file__).resolve().parents[2] / "pages"


def open_page(at, page: str):
    """Run the dashboard session `at`, switch it to pages/<page>.py and check nothing raised."""
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception
    return at
