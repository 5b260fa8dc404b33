"""Page timings for `python -m presslens bench`: each page's script under AppTest."""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from analysis.corpus import PACKAGE_ROOT
from presslens.memory import peak_mb

PAGES = ("overview", "mentions", "sentiment", "outlets", "registry", "corpus")
FILTER_CHANGES = 5  # per page: the median is reported (a shared 2-core machine is noisy), and the max


def page_times(path: Path, queue) -> None:
    """Server time of each page's script under AppTest: the first page of the newly opened
    index, each page's first run, then, every page visited (the index warm), FILTER_CHANGES
    filter changes on each (median and max)."""
    import os

    from streamlit.testing.v1 import AppTest

    os.environ["PRESSLENS_CORPUS"] = str(path)
    out = {}
    at = AppTest.from_file(str(PACKAGE_ROOT / "dashboard.py"), default_timeout=1800)
    t = time.perf_counter()
    at.run()
    out["first_open_s"] = time.perf_counter() - t
    for page in PAGES:
        t = time.perf_counter()
        at.switch_page(f"pages/{page}.py").run()
        out[f"{page}_s"] = time.perf_counter() - t
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        times = []
        for k in range(FILTER_CHANGES):  # alternately the first 10 and the first 9 outlets
            outlets = at.multiselect(key="f_outlets")
            t = time.perf_counter()
            outlets.set_value(outlets.options[:10 - k % 2]).run()
            times.append(time.perf_counter() - t)
        out[f"{page}_filtered_s"] = statistics.median(times)
        out[f"{page}_filtered_max_s"] = max(times)
        outlets = at.multiselect(key="f_outlets")
        outlets.set_value(outlets.options).run()
        if at.exception:
            out[f"{page}_error"] = str(at.exception[0].message)[:200]
    out["peak_mb"] = peak_mb()
    queue.put(out)
