"""How well analysis.metadata reads outlet and date from real pages' visible text.

On the article-extraction benchmark (../shared/datasets/article-extraction: 181 real pages,
README there), each page is rendered as plain text (every visible text node, in order, one
line per block element, as a copy-paste or a naive scraper gives it) and read by
`read_metadata` without its URL. The reference date is htmldate's reading of the page's own
HTML (its metadata: <meta> tags, JSON-LD, <time>), original date and, as an alternative, the
latest date it finds (a page that shows only its "Updated" date). Counted:
- pages whose visible text shows the reference date (in a form read_date can read) and how
  many of those get a date, the right one;
- pages with a date read that matches neither reference date ("wrong": read by hand in the
  listing, as a page can show a date its metadata lacks);
- outlet: pages whose text holds a URL line, a web address on a short line, or a wire credit,
  and how many get an outlet.

    python -m presslens bench-metadata [--dataset DIR] [--list]
"""
from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path

import pandas as pd

from analysis.metadata import outlet_from_url, read_date, read_metadata, registered_domain

DATASET = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "article-extraction"
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "header", "footer", "aside", "nav", "ul", "ol", "figure", "figcaption",
               "blockquote", "time", "main", "table", "dd", "dt", "form", "pre", "hr", "title"}
_HIDDEN_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "button"}


def visible_text(html: str) -> str:
    """Every visible text node of `html` in document order, a line per block element."""
    import lxml.html

    root = lxml.html.fromstring(html)
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _HIDDEN_TAGS or "hidden" in el.attrib or el.attrib.get("aria-hidden") == "true":
            if el.tail:
                out.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            out.append("\n")
        if el.text and tag:
            out.append(el.text)
        for child in el:
            walk(child)
        if block:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    walk(root)
    lines = (re.sub(r"\s+", " ", ln).strip() for ln in "".join(out).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _reference(html: str) -> tuple[str, str]:
    from htmldate import find_date

    try:
        original = find_date(html, original_date=True, extensive_search=False) or ""
        latest = find_date(html, original_date=False, extensive_search=False) or ""
    except Exception:  # htmldate on a broken page: no reference
        return "", ""
    return original, latest


def _shows(text: str, iso: str) -> bool:
    """Whether `text` writes the date `iso` in a form read_date reads."""
    if not iso:
        return False
    for line in text.split("\n"):
        if iso[:4] in line and (d := read_date(line)) and d.isoformat() == iso:
            return True
        if iso[:4] in line:
            for piece in re.split(r"[|·•]", line):
                if (d := read_date(piece)) and d.isoformat() == iso:
                    return True
    return False


_WIRE_HINT = re.compile(r"\((?:Reuters|AP|AFP|Xinhua|Bloomberg|dpa|Kyodo|Yonhap|PTI|IANS|UPI|"
                        r"TASS|EFE|ANSA|Anadolu)\)")


def pages(dataset: Path = DATASET):
    """(id, url, html, articleBody) for each page of the benchmark, in id order."""
    truth = json.loads((dataset / "ground-truth.json").read_text())
    for page_id, entry in sorted(truth.items()):
        html = gzip.decompress((dataset / "html" / f"{page_id}.html.gz").read_bytes()).decode(
            "utf-8", "replace")
        yield page_id, entry.get("url", ""), html, entry.get("articleBody", "")


def run_bench_metadata(dataset: Path = DATASET) -> pd.DataFrame:
    """One row per page: reference dates, what read_metadata found, and the verdicts."""
    rows = []
    for page_id, url, html, _ in pages(dataset):
        text = visible_text(html)
        original, latest = _reference(html)
        t0 = time.perf_counter()
        meta = read_metadata(text)
        seconds = time.perf_counter() - t0
        got = meta.published.isoformat() if meta.published else ""
        site_domain = registered_domain(url)
        site = outlet_from_url(url)
        own = re.compile(rf"(?:://|www\.|\.){re.escape(site_domain)}\b", re.I)
        rows.append({
            "id": page_id[:10], "url": url, "ref_original": original,
            "ref_latest": latest, "shows_ref": _shows(text, original) or _shows(text, latest),
            "published": got, "from": meta.published_from[:70],
            "right": bool(got) and got in (original, latest),
            "wrong": bool(got) and bool(original or latest) and got not in (original, latest),
            "outlet": meta.outlet, "outlet_from": meta.outlet_from,
            "site": site, "shows_site": bool(site_domain and own.search(text)),
            "address_line": bool(site_domain) and any(
                len(ln.split()) <= 8 and ("://" in ln or "www." in ln) and own.search(ln)
                for ln in text.split("\n")),
            "shows_wire": bool(_WIRE_HINT.search(text)),
            "outlet_right": bool(meta.outlet) and meta.outlet == site,
            "seconds": seconds,
        })
    return pd.DataFrame(rows)


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    shows = df[df["shows_ref"]]
    cue = df[df["shows_site"] | df["shows_wire"]]
    off = df["wrong"] & (pd.to_datetime(df["published"], errors="coerce") - pd.to_datetime(
        df["ref_original"], errors="coerce")).abs().dt.days.le(1)
    figures = [
        ("pages", len(df), ""),
        ("pages with a reference date (htmldate on the HTML)", int((df["ref_original"] != "").sum()), ""),
        ("pages whose text shows the reference date", len(shows), ""),
        ("  of those, date read right", int(shows["right"].sum()), f"{shows['right'].mean():.1%}" if len(shows) else ""),
        ("  of those, date read but not the reference", int(shows["wrong"].sum()), ""),
        ("pages with a date read", int((df["published"] != "").sum()), ""),
        ("  matching neither reference date (check by hand)", int(df["wrong"].sum()), ""),
        ("    one day off (the page's local date vs UTC metadata)", int(off.sum()), ""),
        ("  where the page has no reference date", int(((df["published"] != "") & (df["ref_original"] == "") & (df["ref_latest"] == "")).sum()), ""),
        ("pages whose text names the site's own address", int(df["shows_site"].sum()), ""),
        ("pages whose text holds a wire credit (Agency)", int(df["shows_wire"].sum()), ""),
        ("pages with a URL or address line of the site, or a wire credit",
         int((df["address_line"] | df["shows_wire"]).sum()), ""),
        ("  of those, outlet filled", int((df[df["address_line"] | df["shows_wire"]]["outlet"] != "").sum()),
         f"{(df[df['address_line'] | df['shows_wire']]['outlet'] != '').mean():.1%}"),
        ("  of either (the address anywhere, even in prose), outlet filled", int((cue["outlet"] != "").sum()),
         f"{(cue['outlet'] != '').mean():.1%}" if len(cue) else ""),
        ("pages with an outlet", int((df["outlet"] != "").sum()), ""),
        ("  the page's own site", int(df["outlet_right"].sum()), ""),
        ("  a wire credit", int((df["outlet_from"] == "wire credit").sum()), ""),
        ("  another site (wrong)", int(((df["outlet"] != "") & ~df["outlet_right"]
                                        & (df["outlet_from"] != "wire credit")).sum()), ""),
        ("read_metadata ms per page (mean)", round(df["seconds"].mean() * 1000, 2), ""),
    ]
    return pd.DataFrame(figures, columns=["metric", "value", "share"])
