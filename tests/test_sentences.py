"""Sentence spans: where quotes start and end inside a paragraph."""

from __future__ import annotations

import random
import time

import pytest

from briefbot.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def assert_clean_spans(text: str) -> None:
    """Spans are ordered, disjoint, non-empty slices with no outer whitespace."""
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        previous_end = end
    # Nothing but whitespace is left out between or around the spans.
    uncovered = "".join(
        text[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)])
    )
    assert uncovered.strip() == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr. Smith met Dr. Jones on Monday. They talked for an hour.",
            ["Mr. Smith met Dr. Jones on Monday.", "They talked for an hour."],
        ),
        (
            "Officials from the U.S. Navy arrived. The talks began.",
            ["Officials from the U.S. Navy arrived.", "The talks began."],
        ),
        (
            "The report by J. Smith was late. Nobody minded.",
            ["The report by J. Smith was late.", "Nobody minded."],
        ),
        (
            "The Japan-U.S. Security Consultative Committee met. It was the first meeting.",
            ["The Japan-U.S. Security Consultative Committee met.", "It was the first meeting."],
        ),
        (
            "Gen. Austin and Sen. Reed spoke. Prof. Lee listened.",
            ["Gen. Austin and Sen. Reed spoke.", "Prof. Lee listened."],
        ),
    ],
    ids=["titles", "us", "initial", "japan-us", "more-titles"],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text, expected):
    assert sentences(text) == expected


def test_question_and_exclamation_marks_end_sentences():
    assert sentences("Is it over? Yes! Then we go home.") == [
        "Is it over?",
        "Yes!",
        "Then we go home.",
    ]


def test_closing_quotes_stay_with_the_sentence_they_end():
    text = "He said \u201cThe talks are over.\u201d Then he left. She asked, \"Why?\" Nobody knew."
    assert sentences(text) == [
        "He said \u201cThe talks are over.\u201d",
        "Then he left.",
        "She asked, \"Why?\"",
        "Nobody knew.",
    ]


def test_decimal_numbers_do_not_end_a_sentence():
    assert sentences("Prices rose 3.5 percent in May. Wages did not.") == [
        "Prices rose 3.5 percent in May.",
        "Wages did not.",
    ]


def test_lowercase_after_a_period_does_not_start_a_sentence():
    assert sentences("It cost approx. ten dollars. Fine.") == ["It cost approx. ten dollars.", "Fine."]


@pytest.mark.parametrize(
    "text",
    [
        "  Leading space. Trailing space.   ",
        "One.\n\nTwo.\tThree!   Four?",
        "No end punctuation at all",
        "Ends with an abbreviation like the U.S.",
        "   ",
        "",
        "A. B. C. D.",
        "\u201cQuoted.\u201d \u201cAgain!\u201d (Bracketed.) [Square.]",
    ],
)
def test_every_span_is_a_trimmed_slice_and_only_whitespace_is_left_out(text):
    assert_clean_spans(text)


def test_whitespace_only_text_has_no_sentences():
    assert sentence_spans("   \n\t ") == []
    assert sentence_spans("") == []


def test_very_long_line_without_punctuation_is_cut_at_word_boundaries():
    rng = random.Random(7)
    words = ["otter", "river", "alliance", "deterrence", "a", "consultative", "of", "Japan"]
    text = " ".join(rng.choice(words) for _ in range(30_000))  # ~200 KB, no full stop
    assert len(text) > 150_000
    started = time.perf_counter()
    spans = sentence_spans(text)
    assert time.perf_counter() - started < 1.0
    assert len(spans) > 200
    for start, end in spans:
        assert end - start <= 600
        assert start == 0 or text[start - 1] == " "
        assert end == len(text) or text[end] == " "
    assert_clean_spans(text)
