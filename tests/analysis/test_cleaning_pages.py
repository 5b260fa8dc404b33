"""The cleaner on whole web pages and on the traps around them: the article kept whole, the
page around it set aside, whatever the site."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from analysis.cleaning import clean_text
from tests import resources as R


def _body(cleaned):
    return [b.text for b in cleaned.blocks if b.zone == "body"]


def test_a_whole_page_keeps_the_article_and_nothing_around_it():
    c = clean_text(R.WHOLE_PAGE)
    assert c.headline == R.WHOLE_PAGE_HEADLINE
    body = _body(c)
    assert [next((b for b in body if b.startswith(s)), None) for s in R.WHOLE_PAGE_BODY_STARTS] \
        == [b for b in body]
    counted = c.text
    for furniture in R.WHOLE_PAGE_NOT_COUNTED:
        assert furniture not in counted, furniture
    reason = {prefix: next(b.reason for b in c.blocks if b.text.startswith(prefix))
              for prefix in ("Advertisement", "Share on Facebook", "Home > World", "Sign up for",
                             "Cranes stand idle", "12 Comments", "Flood warnings")}
    assert reason == {"Advertisement": "advertisement label", "Share on Facebook": "page controls",
                      "Home > World": "breadcrumb or link row", "Sign up for": "sign-up prompt",
                      "Cranes stand idle": "photo caption",
                      "12 Comments": "page controls",
                      "Flood warnings": "page around the article"}
    assert c.authors == ["Ines Carvalho"]


@pytest.mark.parametrize("raw,kept", [
    (R.TRAP_AD_IN_PROSE, ["Advertisement revenue fell", "Subscription income rose"]),
    (R.TRAP_SHORT_HEADLINE, ["The central bank left", "Economists had expected"]),
    (R.TRAP_LEFT_IN_PROSE, ["She packed, left, and"]),  # the caption below it is not body
    (R.TRAP_DATELINE_IN_QUOTE, ["Negotiators returned", "\"March 3, 2025 is a date",
                                "Both delegations said"]),
    (R.TRAP_LEDE_GLUED_TO_STAMP, ["LISBON, March 4 (Reuters) - Portugal's president",
                                  "The vote followed"]),
    (R.TRAP_LIST_AFTER_BODY, ["The band will play", "Tickets go on sale", "Tour dates",
                              "June 3 – Porto", "June 5 – Madrid", "June 8 – Lyon",
                              "June 10 – Milan"]),
    (R.TRAP_LAST_SENTENCE_AFTER_AD, ["The mayor of a coastal town", "She denied any",
                                     "She did not take questions."]),
])
def test_traps_keep_every_body_line(raw, kept):
    body = _body(clean_text(raw))
    assert [next((b for b in body if b.startswith(k)), None) for k in kept] == body


@pytest.mark.parametrize("raw,headline", [
    (R.TRAP_AD_IN_PROSE, "Broadcasters Report Weaker Quarter"),
    (R.TRAP_SHORT_HEADLINE, "Rates Hold"),
    (R.TRAP_DATELINE_IN_QUOTE, "Ceasefire Talks Resume in Geneva"),
    (R.TRAP_HARD_WRAPPED, "Glacier Loss Speeds Up, Survey Finds"),
    (R.TRAP_LEDE_GLUED_TO_STAMP, ""),
])
def test_the_headline_is_the_title_or_nothing(raw, headline):
    assert clean_text(raw).headline == headline


def test_a_lede_glued_to_a_stamp_is_read_and_dated():
    c = clean_text(R.TRAP_LEDE_GLUED_TO_STAMP)
    assert str(c.published) == "2025-03-04"
    assert c.blocks[0].reason == "scraped date stamp"


def test_hard_wrapped_paragraphs_are_rejoined_whole():
    body = _body(clean_text(R.TRAP_HARD_WRAPPED))
    assert len(body) == 2
    assert body[0].startswith("Alpine glaciers") and body[0].endswith("the loss is accelerating.")
    assert body[1].endswith("within a decade.")


def test_a_page_without_any_sentence_is_read_as_it_stands():
    c = clean_text("Results\nTeam A 3\nTeam B 1\n")
    assert c.text  # nothing to locate an article by: nothing is set aside as the page


# ------------------------------------------------------------------ never loses a sentence
_WORDS = ("harbour council minister talks river budget vote union court police report "
          "week officials plan schools election grain tariff border inquiry").split()
_FURNITURE = ["Advertisement", "Share on Facebook", "Sign up for our newsletter to get the "
              "news in your inbox", "Home > News > World", "Click to print (Opens in new window)",
              "0:45", "Follow our live updates", "© 2025 Daily Example. All rights reserved.",
              "Photo: Ana Reis/Example Press", "Copy link", "Menu"]


@st.composite
def _page(draw):
    rng = draw(st.randoms(use_true_random=False))
    paragraphs = []
    for _ in range(draw(st.integers(1, 8))):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 18))]
            sentences.append(" ".join(words).capitalize() + rng.choice([".", ".", "?", "!"]))
        paragraphs.append(" ".join(sentences))
    lines = list(paragraphs)
    for _ in range(draw(st.integers(0, 10))):
        lines.insert(rng.randint(0, len(lines)), rng.choice(_FURNITURE))
    return paragraphs, lines


@settings(max_examples=300, deadline=None)
@given(_page())
def test_cleaning_never_loses_a_sentence_that_is_not_furniture(page):
    """Article paragraphs of any length, with furniture lines anywhere among them: every
    paragraph is counted text (the first may be taken as the headline only when it is shaped
    like one, which a sentence-ended line is not), and no furniture line is counted."""
    paragraphs, lines = page
    c = clean_text("\n\n".join(lines))
    counted = c.text.split("\n\n")
    joined = " ".join(counted)
    for p in paragraphs:
        assert p in joined, (p, counted)
    for line in set(lines) - set(paragraphs):
        assert line not in counted, (line, counted)


def test_stamps_credits_teasers_and_notices_around_a_wire_story_are_set_aside():
    c = clean_text(R.STAMPED_PAGE)
    assert c.headline == R.STAMPED_PAGE_HEADLINE  # a headline that asks is still the headline
    body = _body(c)
    assert [next((b for b in body if b.startswith(s)), None) for s in R.STAMPED_PAGE_BODY_STARTS] \
        == body
    reason = {prefix: next(b.reason for b in c.blocks if b.text.startswith(prefix))
              for prefix in R.STAMPED_PAGE_REASONS}
    assert reason == R.STAMPED_PAGE_REASONS
    assert str(c.published) == "2025-02-11"


def test_dates_credits_and_by_in_body_sentences_are_kept():
    c = clean_text(R.TRAP_STAMPS_IN_PROSE)
    assert len(_body(c)) == 4, [(b.zone, b.reason, b.text[:30]) for b in c.blocks]


def test_notice_and_label_words_in_body_sentences_are_kept():
    c = clean_text(R.TRAP_NOTICE_WORDS_IN_PROSE)
    assert len(_body(c)) == 5, [(b.zone, b.reason, b.text[:30]) for b in c.blocks]


def test_a_list_of_other_stories_after_the_article_is_not_counted():
    c = clean_text(R.TEASER_LIST_PAGE)
    body = _body(c)
    assert [next((b for b in body if b.startswith(s)), None) for s in R.TEASER_LIST_BODY_STARTS] \
        == body


def test_a_listicles_numbered_items_are_the_article():
    c = clean_text(R.LISTICLE)
    kept = c.text
    for line in R.LISTICLE.strip().split("\n")[2:]:
        assert line in kept, line
