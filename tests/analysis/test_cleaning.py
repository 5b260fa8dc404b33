import pytest
from hypothesis import given, settings, strategies as st

from analysis.cleaning import clean_text, count_words, find_date
from tests import resources as R

CASES = {
    "wsj style": (R.WSJ_STYLE, R.WSJ_STYLE_ZONES),
    "nyt style": (R.NYT_STYLE, R.NYT_STYLE_ZONES),
    "scraped stamp": (R.SCRAPED_STAMP, R.SCRAPED_STAMP_ZONES),
    "related list": (R.RELATED_LIST, R.RELATED_LIST_ZONES),
    "credit then caption": (R.CREDIT_THEN_CAPTION, R.CREDIT_THEN_CAPTION_ZONES),
}


def _zone_of(cleaned, prefix):
    hits = [b.zone for b in cleaned.blocks if b.text.startswith(prefix)]
    assert hits, f"no block starts with {prefix!r}: {[b.text[:30] for b in cleaned.blocks]}"
    return hits[0]


@pytest.mark.parametrize("name", CASES)
def test_every_block_gets_its_zone(name):
    raw, expected = CASES[name]
    cleaned = clean_text(raw)
    got = {prefix: _zone_of(cleaned, prefix) for prefix in expected}
    assert got == expected


def test_metadata_detected_from_text():
    c = clean_text(R.WSJ_STYLE)
    assert c.url == "https://www.wsj.com/economy/trade/tariffs-rise-again-1a2b3c"
    assert str(c.published) == "2024-03-03"
    assert c.authors == ["Jane Roe", "Rahul Gupta"]
    assert c.headline == "Tariff Talks Stall as Deadline Nears"
    assert str(clean_text(R.SCRAPED_STAMP).published) == "2024-06-01"


def test_broken_paragraph_is_rejoined_across_blank_lines_and_caption():
    c = clean_text(R.NYT_STYLE)
    assert R.NYT_STYLE_REJOINED in c.text.split("\n\n")


def test_article_text_is_headline_dek_body_only():
    c = clean_text(R.WSJ_STYLE)
    assert c.text.split("\n\n") == [
        "Tariff Talks Stall as Deadline Nears",
        "Officials on both sides say a deal is unlikely before the summer",
        "Negotiators from Washington and Brussels ended three days of talks on Friday without a deal.",
        "The sides will meet again next month, officials said.",
    ]


@pytest.mark.parametrize("raw", [R.KEEP_BY_SENTENCE, R.KEEP_PHOTO_SENTENCE,
                                 R.KEEP_BODY_CAPITALISED_SHORT])
def test_body_sentences_that_look_like_furniture_are_kept(raw):
    c = clean_text(raw)
    body_lines = [ln for ln in raw.strip().split("\n\n")[1:]]
    assert [b.zone for b in c.blocks[1:]] == ["body"] * len(body_lines)


def test_count_words():
    assert count_words("U.S.-China talks resumed — slowly.") == 4
    assert count_words("Hong Kong—who knows") == 4
    assert count_words("") == 0


@pytest.mark.parametrize("text,expected", [
    ("Updated Sept. 28, 2023 11:32 am ET", "2023-09-28"),
    ("date 2023-11-15", "2023-11-15"),
    ("July 10, 2023 Updated 8:06 p.m. ET", "2023-07-10"),
    ("on Feb. 30, 2023", None),
])
def test_find_date(text, expected):
    got = find_date(text)
    assert (got.isoformat() if got else None) == expected


_CUES = ("_NOTICE", "_PRINT", "_CONTRIBUTED", "_EMAIL", "_CAPTION_CUE", "_SIGNUP", "_APPEAL")
_PIECES = ["For Your Personal, Non-Commercial use", "SUBSCRIBER AGREEMENT", "All rights reserved",
           "Copyright", "© 2023", "Reprints at", "To order multiple copies", "This story was "
           "originally published", "print edition", "Appeared in Print", "A version of this "
           "article", "contributed reporting", "Additional reporting by", "x.y@news.com", "@",
           "PHOTO:", "Photo:", "(pictured)", "Photographs by Ann Lee.", "Getty Images",
           "Associated Press)", "REUTERS.", "AFP", "(Ann Lee/Pool)", "Credit:", "Xi met Biden",
           "the talks", ",", "  ", "ſubscriber agreement", "COPYRİGHT", "Reuters",
           ", left,", "Ann Lee, right, and", ", second from left,", "If you enjoyed this",
           "for as little as", "members get", "Support our journalism"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=6).map(" ".join))
def test_cues_find_what_their_patterns_find(line):
    """A cue only skips lines without its words; where it runs, it is the pattern itself."""
    import analysis.cleaning as cleaning

    for name in _CUES:
        cue = getattr(cleaning, name)
        found, plain = cue.search(line), cue.pattern.search(line)
        assert (found and found.span()) == (plain and plain.span()), (name, line)


def test_fold_case_knows_every_letter_re_equates_with_an_ascii_one():
    import re

    from analysis.cleaning import fold_case

    letter = re.compile("[a-z]", re.I)
    for code in range(0x80, 0x110000):
        ch = chr(code)
        if letter.match(ch):
            assert fold_case(ch).isascii() and re.fullmatch(fold_case(ch), ch, re.I), hex(code)


def test_cues_on_every_seed_and_sample_line():
    import analysis.cleaning as cleaning
    from analysis.corpus import SEEDS_DIR

    lines = [line for path in SEEDS_DIR.glob("*.txt") for line in path.read_text().splitlines()]
    lines += [line for text in (R.WSJ_STYLE, R.NYT_STYLE, R.SCRAPED_STAMP, R.RELATED_LIST,
                                R.CREDIT_THEN_CAPTION) for line in text.splitlines()]
    assert len(lines) > 100
    for name in _CUES:
        cue = getattr(cleaning, name)
        assert [bool(cue.search(x)) for x in lines] == [bool(cue.pattern.search(x)) for x in lines]
