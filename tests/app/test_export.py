"""Exports carry their provenance; the report has every chart; no browser means HTML/CSV only."""
import pandas as pd
import plotly.graph_objects as go

from analysis.corpus import load_corpus
from analysis.selection import Filters, Selection
from analysis.pipeline import analyse
from figures import export
from figures.report import report_files, report_zip
from figures.views import report_charts

PROV = export.Provenance("seeds", "abc123", "outlets: NV", "raw mention counts", "target")


def test_csv_starts_with_provenance_comments():
    text = export.table_csv(pd.DataFrame({"actor": ["Xi"], "mentions": [3]}), PROV).decode()
    lines = text.splitlines()
    assert lines[0] == ("# corpus: seeds (identity abc123: its articles, sources.csv, actors.toml "
                        "and topics.toml, tone engine target)")
    assert lines[1] == "# filters: outlets: NV" and lines[2] == "# method: raw mention counts"
    assert lines[4] == "actor,mentions"


def test_html_is_standalone_with_a_note():
    charts, _ = report_charts(Selection(analyse(load_corpus()), Filters()))
    page = export.figure_html(charts[0].fig, PROV).decode()
    assert 'src="https://cdn.plot.ly' not in page and len(page) > 1_000_000  # plotly.js inlined
    assert "corpus: seeds (identity abc123: its articles" in page


def test_footer_is_added_to_a_copy():
    charts, _ = report_charts(Selection(analyse(load_corpus()), Filters()))
    fig = charts[0].fig
    framed = export.with_footer(fig, PROV)
    assert len(framed.layout.annotations) == len(fig.layout.annotations) + 1
    assert "identity abc123" in framed.layout.annotations[-1].text


def test_a_long_footer_is_wrapped_whole_into_a_band_that_holds_it():
    """A footer is one annotation: plotly does not wrap it, and a long method ran off the
    image's right edge (cut after "95% bootstrap i")."""
    outlets = ", ".join(f"<Outlet {i:02d}>" for i in range(1, 21))  # user text, with markup
    prov = export.Provenance("seeds", "abc123", f"outlets: {outlets}", "tone " * 80)
    lines = export.footer_lines(prov)
    assert all(len(line) <= export.FOOTER_CHARS for line in lines) and len(lines) > 6
    assert " ".join(lines).split() == " ".join(prov.lines()).split()  # nothing left out
    framed = export.with_footer(go.Figure(go.Bar(x=[1], y=["a"])), prov)
    note = framed.layout.annotations[-1].text
    assert note.count("<br>") == len(lines) - 1 and "&lt;Outlet 20&gt;" in note
    assert framed.layout.margin.b == export.AXIS_BAND + export.FOOTER_LINE * len(lines)


def test_report_without_browser_has_every_chart_as_html_and_csv():
    charts, tables = report_charts(Selection(analyse(load_corpus()), Filters()))
    names = {c.name for c in charts}
    assert {"mentions-ranked", "mentions-heatmap", "tone-by-actor-and-outlet", "outlets-attention",
            "outlets-who-speaks", "outlets-topics", "outlets-co-mentions"} <= names
    files = report_files(charts, tables, PROV, images=False)
    for c in charts:
        assert f"{c.name}.html" in files and f"{c.name}.csv" in files
    # One copy of plotly.js for every chart (it was inlined in each, 4.8 MB a copy).
    assert files[export.PLOTLY_JS] == export.plotly_js() and len(files[export.PLOTLY_JS]) > 10**6
    for c in charts:
        page = files[f"{c.name}.html"].decode()
        assert f'src="{export.PLOTLY_JS}"' in page and len(page) < 200_000
    index = files["index.html"].decode()
    assert "PNG and SVG were not made" in index and all(c.name in index for c in charts)
    assert report_zip(files)[:2] == b"PK"


def test_empty_selection_gives_an_empty_report():
    assert report_charts(Selection(analyse(load_corpus()), Filters(outlets=()))) == ([], [])


def test_hygiene_chart_sums_per_outlet_for_large_corpora(tmp_path):
    from presslens.bench import synthetic_corpus
    from figures.views import words_per_article

    result = analyse(load_corpus(synthetic_corpus(45, tmp_path / "c")))
    chart = words_per_article(Selection(result))
    assert chart.fig.layout.title.text.startswith("Words per outlet")
    assert set(chart.data["label"]) == set(result.corpus.articles["outlet"])
    assert chart.data["words"].sum() == result.corpus.articles["words"].sum()
