"""A report: every chart of a view in PNG, SVG, HTML and CSV, plus an index.html that shows
them with their captions and provenance. Written to a folder (the CLI) or a ZIP (the app)."""
from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

import pandas as pd

from figures import export
from figures.views import Chart


def report_files(charts: list[Chart], tables: list[tuple[str, pd.DataFrame]],
                 prov: export.Provenance, *, images: bool | None = None) -> dict[str, bytes]:
    """File name -> bytes for the whole report, each chart stamped with the provenance of the
    selection it was drawn from (`prov` for the rest). `images` False skips PNG/SVG (no
    browser); None decides by whether Chromium is found."""
    images = export.chromium_available() if images is None else images
    files: dict[str, bytes] = {export.PLOTLY_JS: export.plotly_js()}
    sections = []
    for c in charts:
        own = (export.Provenance.of(c.source, c.method) if c.source is not None
               else prov.with_method(c.method))
        files[f"{c.name}.html"] = export.figure_html(c.fig, own, shared_js=True)
        files[f"{c.name}.csv"] = export.table_csv(c.data, own)
        if images:
            files[f"{c.name}.png"] = export.figure_image(c.fig, own, "png")
            files[f"{c.name}.svg"] = export.figure_image(c.fig, own, "svg")
        links = " · ".join(f'<a href="{html.escape(c.name)}.{ext}">{ext.upper()}</a>'
                           for ext in (["png", "svg"] if images else []) + ["html", "csv"])
        img = (f'<img src="{html.escape(c.name)}.png" alt="{html.escape(c.title)}">' if images
               else f'<iframe src="{html.escape(c.name)}.html" loading="lazy"></iframe>')
        sections.append(f"<section><h2>{html.escape(c.title)}</h2>{img}"
                        f"<p class=m>{html.escape(c.method)}</p><p>{links}</p></section>")
    for name, table in tables:
        files[f"{name}.csv"] = export.table_csv(table, prov)
        sections.append(f'<section><h2>{html.escape(name)}</h2><p><a href="{html.escape(name)}'
                        f'.csv">CSV</a> ({len(table)} rows)</p></section>')
    note = "" if images else ("<p><b>PNG and SVG were not made: no Chrome or Chromium was found "
                              "(install chromium, or run plotly_get_chrome).</b></p>")
    prov_html = "<br>".join(html.escape(line) for line in prov.lines())
    files["index.html"] = f"""<!doctype html><html><head><meta charset="utf-8">
<title>PressLens report · {html.escape(prov.corpus)}</title><style>
body{{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}}
img,iframe{{width:100%;border:1px solid #ddd}} iframe{{height:520px}} .m{{color:#666;font-size:.9em}}
section{{margin:2.5em 0}}</style></head><body><h1>PressLens report</h1>
<p class=m>{prov_html}</p>{note}{''.join(sections)}</body></html>""".encode("utf-8")
    return files


def write_report(files: dict[str, bytes], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)


def report_zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(f"presslens-report/{name}", data)
    return buf.getvalue()
