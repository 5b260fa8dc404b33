"""Start the dashboard: `python -m presslens.serve [streamlit options] [-- --corpus DIR]`
(what `make run` does), the same as `streamlit run dashboard.py`, less one defect.

Streamlit decides once per server, before the first session runs any script, whether the app
is an old-style multipage app: it is if a `pages/` folder sits beside the entry script, as
ours does. The first run of the first session then builds the old-style page list (one page
per file of pages/), which has no `compare` or `actors` page, so a shared deep link opened
first after the server starts shows "Page not found" over the right page, until dashboard.py's
st.navigation replaces that list (streamlit/streamlit#8860). The app declares its pages with
st.navigation, so the flag is set to what it would become anyway, before the server starts.
"""
from __future__ import annotations

import sys
from pathlib import Path

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard.py"


def main(argv: list[str]) -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False  # pages come from st.navigation alone
    sys.argv = ["streamlit", "run", str(DASHBOARD), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
