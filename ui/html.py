"""The one place that turns user text into HTML: everything is escaped first."""
from __future__ import annotations

import html


def paragraphs_html(text: str) -> str:
    """Article text as escaped HTML paragraphs."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paras)


def highlight_html(sentence: str, spans: list[tuple[int, int]], *, title: str = "") -> str:
    """`sentence` escaped, with each (start, end) span wrapped in <mark>."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue  # overlapping spans: the first one wins
        out.append(html.escape(sentence[pos:start]))
        tip = f' title="{html.escape(title, quote=True)}"' if title else ""
        out.append(f"<mark{tip}>{html.escape(sentence[start:end])}</mark>")
        pos = end
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def set_aside_html(zones) -> str:
    """Blocks the cleaner set aside, each with its zone and reason, escaped."""
    return "".join(
        f'<p><span style="color:#666;font-size:0.85em">{html.escape(z.zone)} · '
        f"{html.escape(z.reason)}</span><br>{html.escape(z.text)}</p>"
        for z in zones.itertuples()
    )
