"""The sentences behind a number, with the matched words highlighted (escaped HTML)."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from analysis.evidence import parse_spans
from ui.html import highlight_html

MAX_SHOWN = 150
_STYLE = ("<style>.pl-ev{margin:0 0 .7em 0;line-height:1.5}.pl-ev mark{background:#ffe08a;"
          "padding:0 2px;border-radius:2px}.pl-meta{color:#666;font-size:.82em}"
          ".pl-ctx{text-decoration:underline dotted #888;text-underline-offset:3px}</style>")


PAGE_SIZE = 20


def _page(rows: pd.DataFrame, key: str | None) -> pd.DataFrame:
    """The rows of the page the reader picked (PAGE_SIZE each), with the pager drawn above
    them where there is more than one page."""
    pages = -(-len(rows) // PAGE_SIZE)
    if key is None or pages <= 1:
        return rows
    page = st.number_input(f"Page (of {pages:,}, {PAGE_SIZE} sentences each)", min_value=1,
                           max_value=pages, step=1, key=key)
    return rows.iloc[(int(page) - 1) * PAGE_SIZE:int(page) * PAGE_SIZE]


def show_evidence(evidence: pd.DataFrame, labels: dict[str, str], *, extra: str | None = None,
                  total: int | None = None, key: str | None = None) -> None:
    """One paragraph per sentence: outlet · date · article, then the sentence. `extra` names a
    float column (e.g. tone) to print beside each sentence; `total` is how many sentences there
    are where `evidence` holds only the first of them; `key`: page them under this widget key
    (PAGE_SIZE a page) instead of one long list."""
    if evidence.empty:
        st.info("No sentence matches this selection.")
        return
    parts = [_STYLE]
    for row in _page(evidence.head(MAX_SHOWN), key).itertuples():
        date = "" if pd.isna(row.published) else f" · {row.published:%Y-%m-%d}"
        score = f" · {extra} {getattr(row, extra):+.2f}" if extra else ""
        meta = (f"{row.outlet}{date} · {labels.get(row.article_id, row.article_id)} · "
                f"{row.kinds}{score}")
        ctx = getattr(row, "context", "")
        at = row.sentence.find(ctx) if ctx else -1
        body = highlight_html(row.sentence, parse_spans(row.spans),
                              context=(at, at + len(ctx)) if at >= 0 and ctx != row.sentence else None)
        why = getattr(row, "why", "")
        why_html = f'<br><span class="pl-meta">pushed by: {html.escape(why)}</span>' if why else ""
        parts.append(f'<p class="pl-ev"><span class="pl-meta">{html.escape(meta)}</span><br>{body}'
                     f"{why_html}</p>")
    st.html("".join(parts))
    if "context" in evidence.columns:
        st.caption("Dotted underline: the part of the sentence that was scored.")
    total = max(total or 0, len(evidence))
    if total > MAX_SHOWN:
        st.caption(f"Showing {MAX_SHOWN} of {total:,} sentences; download the CSV for all.")


def show_quotes(quotes: pd.DataFrame, labels: dict[str, str]) -> None:
    """Quotations, each with its outlet, article and kind (escaped)."""
    if quotes.empty:
        st.info("No quotation matches this selection.")
        return
    parts = [_STYLE]
    for row in quotes.head(MAX_SHOWN).itertuples():
        relay = f" · via {row.relay}" if row.relay else ""
        meta = f"{row.outlet} · {labels.get(row.article_id, row.article_id)} · {row.kind}{relay}"
        parts.append(f'<p class="pl-ev"><span class="pl-meta">{html.escape(meta)}</span><br>'
                     f"“{html.escape(row.quote)}”</p>")
    st.html("".join(parts))
