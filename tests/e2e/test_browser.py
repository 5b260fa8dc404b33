import csv
import io
import zipfile

import pytest

from tests.e2e.conftest import screenshot, wait_ready

pytestmark = pytest.mark.e2e  # `pytest -m "not e2e"` runs everything but the browser tests

PAGES = {"": "Overview", "actors": "Mentions", "compare": "Compare outlets",
         "tone": "Sentiment", "edit-actors": "Actor registry", "find": "Search"}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_opens_without_error(page, app_url, path):
    page.goto(f"{app_url}/{path}")
    wait_ready(page)
    assert page.locator("[data-testid='stMain'] h1").first.inner_text() == PAGES[path]
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"page-{path or 'overview'}")


def test_filter_is_mirrored_in_the_url(page, app_url):
    page.goto(f"{app_url}/actors?outlet=NV")
    wait_ready(page)
    assert "n = 1 articles" in page.inner_text("[data-testid='stMain']")
    page.goto(f"{app_url}/actors")
    wait_ready(page)
    page.locator("[data-testid='stSidebar'] button[aria-label='Remove NV']").click()
    wait_ready(page)
    page.wait_for_function("() => location.search.includes('outlet=')", timeout=10_000)
    assert "outlet=NV" not in page.url and "outlet=The+New+York+Times" in page.url.replace("%20", "+")
    assert "n = 4 articles" in page.inner_text("[data-testid='stMain']")
    screenshot(page, "filter-changed")


def test_evidence_opens_with_highlights(page, app_url):
    page.goto(f"{app_url}/tone")
    wait_ready(page)
    page.wait_for_selector("mark", timeout=30_000)
    assert page.locator("mark").count() >= 5
    screenshot(page, "evidence")


def _download(page, label: str):
    with page.expect_download(timeout=60_000) as info:
        page.locator("[data-testid='stDownloadButton'] button", has_text=label).first.click()
    return info.value.path().read_bytes()


def test_a_typed_query_draws_its_matches_and_its_concordance_downloads(page, app_url):
    page.goto(f"{app_url}/find")
    wait_ready(page)
    box = page.locator("[data-testid='stTextArea'] textarea").first
    box.fill('China\n"trade war" OR tariff*')
    box.press("Control+Enter")  # (a text area sends its value on Ctrl+Enter or on leaving it)
    page.wait_for_function("() => location.search.includes('q=')", timeout=30_000)
    wait_ready(page)
    main = page.inner_text("[data-testid='stMain']")
    assert "matches" in main and page.locator("[data-testid='stException']").count() == 0
    page.wait_for_selector("[data-testid='stPlotlyChart']", timeout=30_000)
    assert page.locator("[data-testid='stPlotlyChart']").count() >= 2  # per outlet, over time
    text = _download(page, "Concordance (CSV)").decode()
    assert "China | \"trade war\" OR tariff*" in text  # the queries in its provenance
    rows = list(csv.DictReader(io.StringIO("".join(
        line + "\n" for line in text.splitlines() if not line.startswith("#")))))
    assert rows and {"left", "match", "right", "query", "outlet"} <= set(rows[0])
    assert all(r["match"].lower() in ("china", "trade war") or r["match"].lower().startswith("tariff")
               for r in rows)
    screenshot(page, "search")


def _click_point(page, chart: int, point: int) -> None:
    """Click one point of the page's `chart`-th chart (a heatmap's points are its cells)."""
    page.wait_for_function(f"() => document.querySelectorAll('[data-testid=stPlotlyChart]')"
                           f".length > {chart}", timeout=60_000)
    figure = page.locator("[data-testid='stPlotlyChart']").nth(chart)
    figure.scroll_into_view_if_needed()
    figure.locator(".scatterlayer .point").nth(point).click(force=True)
    page.wait_for_timeout(1000)
    wait_ready(page)


def test_a_heatmap_cell_opens_the_sentences_of_its_actor_in_its_outlet(page, app_url):
    page.goto(f"{app_url}/actors")
    wait_ready(page)
    _click_point(page, 1, 7)  # the heatmap, below the ranked bars
    page.wait_for_function("() => location.search.includes('m_outlet=')", timeout=30_000)
    query = page.url.split("?", 1)[1]
    assert "m_actor=" in query and "m_outlet=" in query
    caption = page.locator("[data-testid='stCaptionContainer']", has_text="mention(s) of").first
    assert caption.inner_text().split("mention(s) of ")[1].split(" in ")[0].replace(" ", "+") \
        in query.replace("%20", "+")
    screenshot(page, "heatmap-click")


def test_a_tone_dot_opens_the_sentences_of_its_actor_in_its_outlet(page, app_url):
    page.goto(f"{app_url}/tone")
    wait_ready(page)
    _click_point(page, 0, 3)
    page.wait_for_function("() => location.search.includes('s_actor=') || "
                           "location.search.includes('s_outlet=')", timeout=30_000)
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "tone-dot-click")


def test_chart_downloads_are_real_files(page, app_url):
    page.goto(f"{app_url}/actors")
    wait_ready(page)
    png = _download(page, "PNG")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 30_000
    svg = _download(page, "SVG").decode()
    assert svg.lstrip().startswith("<svg") and "Most-named actors" in svg and "corpus: seeds" in svg
    text = _download(page, "CSV").decode()
    assert text.startswith("# corpus: seeds")
    rows = list(csv.DictReader(io.StringIO("".join(
        line + "\n" for line in text.splitlines() if not line.startswith("#")))))
    assert {"actor", "mentions", "per_1k_words", "outlet_articles"} <= set(rows[0])
    html = _download(page, "HTML").decode()
    assert "plotly" in html.lower() and "PressLens" in html


def test_report_zip_has_every_chart(page, app_url):
    page.goto(f"{app_url}/")
    wait_ready(page)
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Download report (ZIP)").first.click()
    names = zipfile.ZipFile(info.value.path()).namelist()
    assert "presslens-report/index.html" in names
    for ext in ("png", "svg", "html", "csv"):
        assert any(n.endswith(f"mentions-ranked.{ext}") for n in names)
    assert sum(n.endswith(".png") for n in names) >= 10


HOSTILE_HTML = (b"<html><head><title>Talks | News</title><script>alert('xss')</script></head>"
                b"<body><article><h1>Talks Resume <img src=x onerror=alert(1)></h1>"
                b"<p>Negotiators resumed talks on Friday in Brussels after a pause, officials "
                b"said, and described the mood as &lt;script&gt;tense&lt;/script&gt;.</p>"
                b"<p>Both sides agreed to meet again next week in Geneva.</p></article></body></html>")


def test_upload_with_partial_failure_keeps_the_rest(page, app_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{app_url}/library")
    wait_ready(page)
    page.get_by_label("Name").fill("e2e-corpus")
    page.get_by_role("button", name="Create").click()
    wait_ready(page)
    page.wait_for_selector("text=Upload to", timeout=30_000)
    page.locator("input[type='file']").set_input_files([
        {"name": "good.txt", "mimeType": "text/plain",
         "buffer": b"Leaders Meet\n\nThe two leaders met on Monday in Geneva, officials said.\n"},
        {"name": "hostile.html", "mimeType": "text/html", "buffer": HOSTILE_HTML},
        {"name": "garbage.txt", "mimeType": "text/plain", "buffer": bytes(range(256)) * 20},
    ])
    page.get_by_role("button", name="Add to corpus").click()
    wait_ready(page)
    page.wait_for_selector("text=Added 2 article(s)", timeout=30_000)
    body = page.inner_text("[data-testid='stMain']")
    assert "1 file or row was not added" in body
    assert page.locator("[data-testid='stFileChip']").count() == 0  # not offered again
    screenshot(page, "corpus-upload-partly-failed")
    page.goto(f"{app_url}/?corpus=e2e-corpus")
    wait_ready(page)
    page.get_by_role("combobox", name="Article").click()
    page.get_by_role("option", name="Talks Resume").click()
    wait_ready(page)
    assert "<script>tense</script>" in page.inner_text("[data-testid='stMain']")
    assert dialogs == []  # nothing the user uploaded ever ran
    screenshot(page, "uploaded-article-as-text")


def test_a_deep_link_opened_first_after_a_restart_shows_no_page_not_found(browser, tmp_path):
    """A shared link is often the first thing a freshly started server is asked for."""
    from tests.e2e.conftest import start_dashboard

    url, proc = start_dashboard(tmp_path / "library")
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1200})
        pg = context.new_page()
        pg.goto(f"{url}/compare?o_tab=Topics")
        wait_ready(pg)
        assert pg.locator("[data-testid='stMain'] h1").first.inner_text() == "Compare outlets"
        assert "Page not found" not in pg.content()
        # and a link made there opens the same tab in a fresh browser
        assert pg.locator("[role='tab'][aria-selected='true']").inner_text() == "Topics"
        screenshot(pg, "deep-link-after-restart")
        context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_co_mention_cell_opens_the_sentences_naming_both(page, app_url):
    page.goto(f"{app_url}/compare?o_tab=Co-mentions")
    wait_ready(page)
    _click_point(page, 0, 1)  # first row, second column: two different actors
    page.wait_for_selector("text=Sentences naming both", timeout=30_000)
    assert page.locator("mark").count() >= 2
    first = page.locator(".pl-ev").first.inner_text()
    # the next page of its sentences: a rerun that the click is not reported on again
    page.locator("[data-testid='stNumberInput'] button[data-testid='stNumberInputStepUp']").last.click()
    page.wait_for_timeout(1000)
    wait_ready(page)
    assert page.locator("[data-testid='stMarkdownContainer'] strong",
                        has_text="Sentences naming both").count() == 1
    assert page.locator(".pl-ev").first.inner_text() != first
    screenshot(page, "co-mention-click")


def test_sidebar_outlet_names_are_whole_not_cut(page, app_url):
    page.goto(f"{app_url}/actors")
    wait_ready(page)
    name = page.locator("[data-testid='stSidebar'] [data-tag] span[title='The Wall Street Journal']")
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth")  # wrapped, no ellipsis


def test_a_time_point_opens_that_periods_sentences_and_the_click_does_not_stick(page, app_url):
    page.goto(f"{app_url}/actors")
    wait_ready(page)
    _click_point(page, 2, 5)  # the timeline, below the bars and the heatmap
    caption = page.locator("[data-testid='stCaptionContainer']", has_text="mention(s) of")
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
                           ".some(e => e.innerText.includes('published in the'))", timeout=30_000)
    assert "published in the" in caption.first.inner_text()
    page.locator("button", has_text="Every date").click()
    page.wait_for_timeout(1000)
    wait_ready(page)
    assert "published in the" not in caption.first.inner_text()  # (the point, still selected,
    # is not acted on again)
    screenshot(page, "time-point-click")


LINKED = {  # a page, a widget set through the browser, and how it reads when drawn
    "actors": ("Measure", "Mentions per 1,000 words", "m_measure=per_1k_words"),
    "tone": ("Engine", "VADER on the clause around the mention", "s_engine=vader-clause"),
    "find?q=China": ("Measure", "Matches per 1,000 words", "q_measure=per_1k_words"),
}


@pytest.mark.parametrize("path", LINKED)
def test_a_widget_set_in_the_browser_is_in_the_link_and_a_fresh_browser_draws_it(browser,
                                                                                 app_url, path):
    label, choice, param = LINKED[path]
    first = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = first.new_page()
    page.goto(f"{app_url}/{path}")
    wait_ready(page)
    group = page.locator("[data-testid='stRadio']", has_text=label).first
    group.locator("label", has_text=choice).click()
    page.wait_for_function(f"() => location.search.includes({param.split('=')[0]!r})",
                           timeout=30_000)
    wait_ready(page)
    link = page.url
    assert param in link
    first.close()
    fresh = browser.new_context(viewport={"width": 1400, "height": 1800})  # nothing shared
    other = fresh.new_page()
    other.goto(link)
    wait_ready(other)
    radio = other.locator("[data-testid='stRadio']", has_text=label).first
    assert radio.locator("input:checked + div, label:has(input:checked)").first.inner_text() \
        .strip().startswith(choice)
    assert param in other.url
    fresh.close()
