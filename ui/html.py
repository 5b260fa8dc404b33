"""The one place that turns user text into HTML: everything is escaped first."""
from __future__ import annotations

import html


def paragraphs_html(text: str, spans: list[tuple[int, int]] = ()) -> str:
    """Article text as escaped HTML paragraphs, each (start, end) span of `text` in <mark>."""
    out, at = [], 0
    for para in text.split("\n\n"):
        lo, hi = at, at + len(para)
        at = hi + 2
        if para.strip():
            mine = [(max(a, lo) - lo, min(b, hi) - lo) for a, b in spans if a < hi and b > lo]
            out.append(f"<p>{highlight_html(para, mine) if mine else html.escape(para)}</p>")
    return "".join(out)


def highlight_html(sentence: str, spans: list[tuple[int, int]], *,
                   context: tuple[int, int] | None = None) -> str:
    """`sentence` escaped, each (start, end) span wrapped in <mark>, and the scored `context`
    stretch (if given) wrapped in <span class="pl-ctx">."""
    marks = {}
    for start, end in sorted(spans):
        marks[start] = ("<mark>", marks.get(start, ("", ""))[1])
        marks[end] = (marks.get(end, ("", ""))[0], "</mark>")
    bounds = sorted({0, len(sentence), *(p for span in spans for p in span),
                     *(context or ())})
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if context and a == context[0]:
            out.append('<span class="pl-ctx">')
        if any(s == a for s, _ in spans):
            out.append("<mark>")
        out.append(html.escape(sentence[a:b]))
        if any(e == b for _, e in spans):
            out.append("</mark>")
        if context and b == context[1]:
            out.append("</span>")
    return "".join(out)


def set_aside_html(zones, texts: list[str]) -> str:
    """Blocks the cleaner set aside (`zones` rows and their `texts`), each with its zone and
    reason, escaped."""
    return "".join(
        f'<p><span style="color:#666;font-size:0.85em">{html.escape(z.zone)} · '
        f"{html.escape(z.reason)}</span><br>{html.escape(text)}</p>"
        for z, text in zip(zones.itertuples(), texts)
    )
