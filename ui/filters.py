"""Sidebar filters, mirrored in the URL so a view can be shared and reproduced.

URL parameters are plain strings: `?outlet=NV&outlet=The+New+York+Times&from=2023-01-01&to=2023-12-31`.
Unknown or malformed values are ignored with a notice, never an error.
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from analysis.corpus import Corpus
from analysis.selection import Filters

# The sidebar is narrow: an outlet's chip wraps its name onto a second line instead of cutting
# it ("The Wall Street Jou…"). A fixed style of our own; no user text in it.
_WHOLE_NAMES = ("<style>[data-testid='stSidebar'] [data-tag]{height:auto;padding-top:2px;"
                "padding-bottom:2px}[data-testid='stSidebar'] [data-tag] span[title]{"
                "white-space:normal;overflow:visible;text-overflow:clip;line-height:1.25}</style>")


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _seed_from_url(outlets: list[str], lo: date | None, hi: date | None) -> list[str]:
    """Put the URL's filters into the widgets' state, once per session; return notices."""
    notices = []
    qp = st.query_params
    wanted = [o for o in qp.get_all("outlet") if o.strip()]  # "?outlet=": no outlet asked for
    unknown = [o for o in wanted if o not in outlets]
    if unknown:
        notices.append(f"Ignored outlet(s) from the link that this corpus does not have: "
                       f"{', '.join(unknown)}.")
    picked = [o for o in wanted if o in outlets]
    st.session_state["f_outlets"] = picked if wanted and picked else outlets
    if lo and hi:
        start, end = _parse_iso(qp.get("from")), _parse_iso(qp.get("to"))
        for key, parsed in (("from", start), ("to", end)):
            if qp.get(key) and parsed is None:
                notices.append(f"Ignored '{key}={qp.get(key)}' from the link: dates are YYYY-MM-DD.")
        start = min(max(start or lo, lo), hi)
        end = max(min(end or hi, hi), start)
        st.session_state["f_dates"] = (start, end)
    return notices


def _write_url(filters: Filters, outlets: list[str], lo: date | None, hi: date | None) -> None:
    qp = st.query_params
    if filters.outlets is None or list(filters.outlets) == outlets:
        qp.pop("outlet", None)
    else:
        qp["outlet"] = list(filters.outlets)
    for key, value, default in (("from", filters.date_from, lo), ("to", filters.date_to, hi)):
        if value is None or value == default:
            qp.pop(key, None)
        else:
            qp[key] = value.isoformat()


def sidebar_filters(corpus: Corpus) -> Filters:
    arts = corpus.articles
    outlets = sorted(arts["outlet"].unique())
    dated = arts["published"].dropna()
    lo = dated.min().date() if len(dated) else None
    hi = dated.max().date() if len(dated) else None
    if "f_outlets" not in st.session_state:
        st.session_state["_url_notices"] = [*st.session_state.get("_url_notices", []),
                                            *_seed_from_url(outlets, lo, hi)]
    # Outlets come and go (uploads, edits, a corpus switch): drop the gone ones, and where the
    # user had every outlet selected, keep it so by adding the new ones.
    known = st.session_state.get("f_known", outlets)
    chosen = [o for o in st.session_state["f_outlets"] if o in outlets]
    if set(st.session_state["f_outlets"]) >= set(known):
        chosen = outlets
    st.session_state["f_outlets"] = chosen
    st.session_state["f_known"] = outlets

    st.sidebar.header("Filters")
    st.sidebar.html(_WHOLE_NAMES)
    picked = st.sidebar.multiselect("Outlets", outlets, key="f_outlets",
                                    help="Every page shows only these outlets.")
    date_from = date_to = None
    if lo and hi and lo < hi:
        st.session_state.setdefault("f_dates", (lo, hi))
        chosen = st.sidebar.date_input("Published between", min_value=lo, max_value=hi,
                                       key="f_dates", format="YYYY-MM-DD")
        if isinstance(chosen, (tuple, list)) and len(chosen) == 2:
            date_from, date_to = chosen
            date_from = None if date_from == lo else date_from
            date_to = None if date_to == hi else date_to
    undated = int(arts["published"].isna().sum())
    if undated and (date_from or date_to):
        st.sidebar.caption(f"{undated} article(s) without a date are left out by the date filter.")
    for notice in st.session_state.get("_url_notices", []):
        st.sidebar.info(notice)
    filters = Filters(
        outlets=None if sorted(picked) == outlets else tuple(picked),
        date_from=date_from,
        date_to=date_to,
    )
    _write_url(filters, outlets, lo, hi)
    return filters
