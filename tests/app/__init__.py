from pathlib import Path

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
PAGES = Path(__file__).resolve().parents[2] / "pages"
