"""Outlet and date read from an article's own text (analysis.metadata). The sample texts are
written for these tests, in the shape of the pages named, never copied from one."""
from datetime import date

import pytest

from analysis import metadata
from analysis.metadata import outlet_from_url, read_date, read_metadata

BODY = ("Officials from the two governments met for a third day on Tuesday and agreed to keep "
        "talking about the shipping rules that have held up trade for most of the year.")
BODY2 = ("Neither side gave details of the proposals, but a spokesperson said both teams had "
         "asked for more time to consult the businesses that would be affected by any change.")

URL_LINE_STORY = f"""https://www.harbourtimes-example.co.uk/news/2023/11/14/shipping-talks

Shipping Talks Resume in Port City

{BODY}

{BODY2}
"""

KNOWN_OUTLET_URL = f"""<https://www.theguardian.com/world/2023/nov/14/shipping>

Shipping Talks Resume

{BODY}
"""

WIRE_STORY = f"""Shipping Talks Resume

LISBON (Reuters) - {BODY}

{BODY2}
"""

WIRE_WITH_DATELINE = f"""Shipping Talks Resume

LISBON, Nov. 14 (Xinhua) -- {BODY}

{BODY2}

© 2023 Example Wire Partners
"""

WIRE_DATELINE_NO_YEAR = f"""LISBON, Nov. 14 (Xinhua) -- {BODY}

{BODY2}
"""

AP_STORY = f"""(AP) — {BODY}

{BODY2}
"""

EDITORIAL = f"""{BODY}

{BODY2}

This is an editorial from The Lakeside Courier.
"""

EDITORIAL_FIRST_APPEARED = f"""{BODY}

This editorial first appeared in The Valley Ledger.
"""

WIRE_ON_A_SITE = f"""https://www.riverside-gazette.com/world/shipping-talks

LISBON (AP) — {BODY}
"""

DATELINE_IN_QUOTE = f"""Shipping Talks Resume

{BODY}

"LISBON, Nov. 14 (Reuters) - that is how the story began," she said of the report she wrote on November 3, 2021, in her first week.

{BODY2}
"""

BODY_SENTENCE_WITH_DATE = f"""Shipping Talks Resume

{BODY}

On March 3, 2021 the minister had said the rules would be dropped within a year, which never happened.

{BODY2}
"""


@pytest.mark.parametrize("text, outlet, source", [
    (URL_LINE_STORY, "harbourtimes-example.co.uk", "url line"),
    (KNOWN_OUTLET_URL, "The Guardian", "url line"),
    (WIRE_STORY, "Reuters", "wire credit"),
    (WIRE_WITH_DATELINE, "Xinhua", "wire credit"),
    (AP_STORY, "Associated Press", "wire credit"),
    (EDITORIAL, "The Lakeside Courier", "editorial note"),
    (EDITORIAL_FIRST_APPEARED, "The Valley Ledger", "editorial note"),
    # A wire story on a site's page is that site's coverage.
    (WIRE_ON_A_SITE, "riverside-gazette.com", "url line"),
    (f"Source: www.northfield-post.com\n\n{BODY}", "northfield-post.com", "address"),
    (f"{BODY}\n\n{BODY2}", "", ""),
])
def test_outlet(text, outlet, source):
    meta = read_metadata(text)
    assert (meta.outlet, meta.outlet_from) == (outlet, source)


def test_given_url_wins_and_known_hosts_are_named():
    assert read_metadata(WIRE_STORY, url="https://apnews.com/article/x").outlet == "Associated Press"
    assert outlet_from_url("https://english.nv.ua/nation/x.html") == "NV"
    assert outlet_from_url("https://edition.cnn.com/2023/11/14/x") == "CNN"
    assert outlet_from_url("https://news.example-news.co.uk/a") == "example-news.co.uk"
    assert outlet_from_url("not a url") == ""


def test_corpus_still_imports_the_outlet_table():
    from analysis import corpus

    assert corpus.OUTLET_DOMAINS is metadata.OUTLET_DOMAINS


@pytest.mark.parametrize("stamp, expected", [
    ("Published: Tuesday, 14 November 2023, 9:05 am", date(2023, 11, 14)),
    ("Published Nov 14, 2023", date(2023, 11, 14)),
    ("Updated Nov. 14, 2023 at 6:40 p.m. ET", date(2023, 11, 14)),
    ("Posted on 14th November 2023", date(2023, 11, 14)),
    ("Published: 2023-11-14T09:05:00Z", date(2023, 11, 14)),
    ("Published: 14/11/2023", date(2023, 11, 14)),
    ("date 2023-11-15", date(2023, 11, 15)),
    ("November 14, 2023 9:05 AM EST", date(2023, 11, 14)),
    ("Tue 14 Nov 2023 09.05 GMT", date(2023, 11, 14)),
    ("By Ann Lee | Nov 14, 2023", date(2023, 11, 14)),
    ("Published: 03/04/2023", None),  # day and month could be either: never a guess
    ("Published: sometime last autumn", None),
    ("Published 4h ago", None),  # relative: no year written
    ("Published: Feb. 30, 2023", None),  # no such day
    ("By Ann Lee - 11/14/23 09:05 AM EST", date(2023, 11, 14)),
    ("On 11/14/23 at 9:05 AM EST", date(2023, 11, 14)),
    ("On 03/04/23 at 9:05 AM", None),  # either could be the month
])
def test_date_stamp_lines(stamp, expected):
    meta = read_metadata(f"Shipping Talks Resume\n\n{stamp}\n\n{BODY}\n\n{BODY2}")
    assert meta.published == expected


def test_scraper_stamp_with_text_glued_after_it():
    assert read_metadata(f"date 2023-11-15 {BODY}\n\n{BODY2}").published == date(2023, 11, 15)


def test_published_line_before_updated_line():
    text = f"Updated: Nov. 16, 2023\n\nPublished: Nov. 14, 2023\n\n{BODY}\n\n{BODY2}"
    assert read_metadata(text).published == date(2023, 11, 14)


def test_agency_dateline_takes_the_year_only_from_the_text():
    assert read_metadata(WIRE_WITH_DATELINE).published == date(2023, 11, 14)
    assert read_metadata(WIRE_DATELINE_NO_YEAR).published is None


def test_no_date_from_a_quote_or_a_body_sentence():
    assert read_metadata(DATELINE_IN_QUOTE).published is None
    assert read_metadata(DATELINE_IN_QUOTE).outlet == ""
    assert read_metadata(BODY_SENTENCE_WITH_DATE).published is None


def test_a_list_of_dated_stories_is_not_the_stamp():
    related = "\n".join(f"Story number {i}\nOctober {i}, 2023" for i in range(1, 6))
    # (A stamp within three lines of the list's last item would be taken for one of them.)
    text = (f"{related}\n\nShipping Talks Resume\n\nPorts reopen next week\n\nBy Ann Lee\n\n"
            f"November 14, 2023\n\n{BODY}\n\n{BODY2}")
    assert read_metadata(text).published == date(2023, 11, 14)
    assert read_metadata(f"{related}\n\n{BODY}\n\n{BODY2}").published is None


def test_the_date_in_a_page_header_is_not_the_article_date():
    """A whole page shows today's date above its menus; the article's own line is nearer."""
    text = (f"Wed, Nov 22, 2023\n\nHome\n\nWorld\n\nShipping Talks Resume\n\n"
            f"On 11/14/23 at 9:05 AM EST\n\n{BODY}\n\n{BODY2}")
    assert read_metadata(text).published == date(2023, 11, 14)


def test_teaser_dates_with_two_digit_years_are_not_read():
    teasers = "\n\n".join(f"Another story, number {i}\n\n11/{i + 10}/23 9:00AM" for i in range(3))
    assert read_metadata(f"{BODY}\n\n{BODY2}\n\n{teasers}").published is None


@pytest.mark.parametrize("text, expected", [
    ("Nov. 14, 2023", date(2023, 11, 14)),
    ("11/14/23", date(2023, 11, 14)),
    ("Sept 3, 2023", date(2023, 9, 3)),
    ("3rd of September 2023", date(2023, 9, 3)),
    ("2023/09/03", date(2023, 9, 3)),
    ("31.12.2023", date(2023, 12, 31)),
    ("12/31/2023", date(2023, 12, 31)),
    ("02/03/2023", None),
    ("November 2023", None),
    ("Nov. 14, 1850", None),
])
def test_read_date(text, expected):
    assert read_date(text) == expected


def test_domains_are_read_without_the_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("tried the network")

    metadata._extractor.cache_clear()
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    try:
        assert outlet_from_url("https://www.city-news.com.au/x") == "city-news.com.au"
        assert read_metadata(URL_LINE_STORY).outlet == "harbourtimes-example.co.uk"
    finally:
        metadata._extractor.cache_clear()


def test_detected_metadata_reaches_the_corpus(tmp_path):
    from analysis.corpus import load_corpus

    (tmp_path / "wire.txt").write_text(WIRE_WITH_DATELINE, encoding="utf-8")
    (tmp_path / "site.txt").write_text(
        f"https://www.harbourtimes-example.co.uk/news/x\n\nShipping Talks Resume\n\n"
        f"Published: Tuesday, 14 November 2023, 9:05 am\n\n{BODY}\n\n{BODY2}\n", encoding="utf-8")
    articles = load_corpus(tmp_path).articles.set_index("file")
    assert articles.loc["wire.txt", "outlet"] == "Xinhua"
    assert articles.loc["site.txt", "outlet"] == "harbourtimes-example.co.uk"
    for f in ("wire.txt", "site.txt"):
        assert articles.loc[f, "outlet_source"] == "detected"
        assert articles.loc[f, "published_source"] == "detected"
        assert str(articles.loc[f, "published"].date()) == "2023-11-14"


# A page written for this test: the meta tags a news site's template carries.
PAGE_WITH_META = f"""<html><head><title>Shipping Talks Resume | Harbour Times</title>
<link rel="canonical" href="https://www.harbourtimes-example.co.uk/news/shipping-talks">
<meta property="og:site_name" content="Harbour Times | News from the coast">
<meta property="article:published_time" content="2023-11-14T09:05:00Z">
<meta name="author" content="Ann Lee">
</head><body><nav>Home | World | Sport</nav><article><h1>Shipping Talks Resume</h1>
<p>{BODY}</p><p>{BODY2}</p><p>Read more at https://amzn.to/3abc for the book.</p></article>
</body></html>"""


def test_an_html_pages_own_metadata_names_its_outlet_date_and_address(tmp_path):
    from analysis.corpus import load_corpus
    from analysis.readers import read_html

    text, page = read_html(PAGE_WITH_META)
    assert page["url"] == "https://www.harbourtimes-example.co.uk/news/shipping-talks"
    assert page["published"] == "2023-11-14" and page["authors"] == "Ann Lee"
    (tmp_path / "page.html").write_text(PAGE_WITH_META, encoding="utf-8")
    row = load_corpus(tmp_path).articles.iloc[0]
    # the part of the site name its domain spells, not the tagline, nor the shortener's link
    assert (row["outlet"], row["outlet_source"]) == ("Harbour Times", "detected")
    assert str(row["published"].date()) == "2023-11-14" and row["published_source"] == "detected"
    assert row["url"].startswith("https://www.harbourtimes-example.co.uk/")


@pytest.mark.parametrize("site, url, name", [
    ("LinkNaija | Nigeria's popular news platform", "http://www.linknaija.com/x", "LinkNaija"),
    ("Breaking news and analysis - The Daily Example", "https://dailyexample.com/a",
     "The Daily Example"),
    ("Wday_", "https://www.wday.ru/a", "Wday"), ("Connecticut Post", "https://ctpost.com/a",
                                                 "Connecticut Post"),
    ("", "https://ctpost.com/a", ""), ("x" * 80, "https://ctpost.com/a", ""),
])
def test_a_site_name_with_a_tagline_gives_the_part_its_domain_spells(site, url, name):
    assert metadata._site_name(site, url) == name


def test_a_shortener_or_social_address_is_never_the_outlet():
    assert read_metadata(f"{BODY}\n\n{BODY2}", url="https://amzn.to/3abc").outlet == ""
    assert read_metadata(f"{BODY}\n\n{BODY2}", url="https://amzn.to/3abc",
                         page={"site": "Harbour Times"}).outlet == "Harbour Times"
