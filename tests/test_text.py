"""Tokenization: documents and questions meet on the same terms whatever form they use."""

from __future__ import annotations

import re

import pytest

from briefbot.aliases import mine_aliases
from briefbot.text import Tokenizer

PLAIN = Tokenizer()


def terms(text: str, *, question: bool = False, tokenizer: Tokenizer = PLAIN) -> list[str]:
    return tokenizer.terms(text, question=question)


def meet(a: str, b: str, tokenizer: Tokenizer = PLAIN) -> bool:
    """Whether two texts share an index term."""
    return bool(set(terms(a, tokenizer=tokenizer)) & set(terms(b, tokenizer=tokenizer)))


def test_case_is_folded():
    assert terms("OTTERS Swim RIVERS") == terms("otters swim rivers")
    assert terms("otters swim rivers")


def test_accents_are_folded():
    assert terms("Caf\u00e9 M\u00fcnchen") == terms("cafe munchen")


def test_stopwords_are_removed():
    assert terms("the of and to is was were it") == []
    assert terms("the otter") == terms("otter")


@pytest.mark.parametrize(
    "contracted, plain",
    [
        ("did it say it'd coordinate", "did it say coordinate"),
        ("they\u2019ll sail tomorrow", "they sail tomorrow"),
        ("we've seen otters", "we seen otters"),
        ("they're here, I'm sure", "here, sure"),
        ("wouldn't stop", "stop"),
    ],
)
def test_a_pronouns_contracted_auxiliary_is_no_word_of_its_own(contracted, plain):
    # "it'd" is "it would": a pronoun and a stopword, not an unknown word "itd".
    assert terms(contracted, question=True) == terms(plain, question=True)


@pytest.mark.parametrize(
    "question, sense",
    [
        ("What did the council put out?", "issued"),
        ("Did the budget come up?", "discussed"),
        ("What will they look into?", "investigate"),
        ("When did the mayor take office?", "inaugurated"),
        ("Which defences were beefed up?", "strengthened"),
        ("What report came out of the inquiry?", "issued"),
        ("What did the town get out of the deal?", "gained"),
        ("What did the mayor come away with?", "gained"),
        ("Did the town walk away with a deal?", "gained"),
        ("Who did the mayor sit down with?", "meets"),
        ("Who came to the get-together?", "meeting"),
        ("Why is that such a big deal?", "important"),
    ],
)
def test_a_phrasal_verb_asks_for_its_one_word_sense(question, sense):
    assert terms(sense)[0] in terms(question, question=True)
    assert terms("The engine was put out of use.") == terms("The engine was put of use.")
    # "come up with" is another verb than "come up"; "sit down" alone is no meeting.
    assert terms("discussed")[0] not in terms("What did they come up with?", question=True)
    assert terms("meets")[0] not in terms("Where did the mayor sit down?", question=True)
    # The particle is no topic of its own: "together" is not "work together".
    assert terms("When did the board get together?", question=True) == ["board", "meet"]


def test_in_order_to_says_nothing_about_what_is_asked():
    assert terms("What do they need in order to stay?", question=True) == ["need", "stay"]
    assert "order" in terms("Who signed the executive order?", question=True)


def test_in_connection_with_says_about():
    # "in connection with", "with regard to": "about" in more words, not a rail connection.
    assert terms("Which town was named in connection with the floods?", question=True) == [
        "town", "name", "flood",
    ]
    assert terms("What did it say with regard to trade?", question=True) == ["trade"]
    assert "connect" in terms("Which rail connection was closed?", question=True)


@pytest.mark.parametrize(
    "forms",
    [
        ["otter", "otters", "Otter's"],
        ["negotiation", "negotiations"],
        ["negotiate", "negotiated", "negotiating"],
        ["policy", "policies"],
        ["strengthen", "strengthened", "strengthening"],
    ],
)
def test_plural_and_inflected_forms_meet(forms):
    results = {tuple(terms(f)) for f in forms}
    assert len(results) == 1, results
    assert results.pop()


@pytest.mark.parametrize("form", ["U.S.", "US", "United States", "U.S.A.", "USA"])
def test_united_states_forms_give_the_same_term(form):
    assert terms(form) == terms("United States of America")
    assert len(terms(form)) == 1


def test_lowercase_us_is_a_stopword_not_the_country():
    assert terms("us") == []
    assert terms("let us talk") == terms("talk")
    assert not meet("they told us", "the US")


def test_us_inside_sentence_text_meets_united_states():
    assert meet("Troops from the U.S. arrived.", "United States troops")


@pytest.mark.parametrize(
    "form", ["2+2", "2 Plus 2", "2 plus 2", "2 + 2", "two-plus-two", "Two Plus Two", "2-plus-2"]
)
def test_two_plus_two_forms_give_the_same_term(form):
    assert terms(form) == terms("2+2")
    assert len(terms(form)) == 1


def test_two_plus_two_is_not_the_same_as_other_numbers():
    assert terms("2+2") != terms("3+3")
    assert not meet("2+2", "2")
    assert terms("three-plus-three") == terms("3+3")
    # a number word that ends a longer numeral is not one of the sum's
    assert terms("twenty-two plus two") != terms("twenty 2+2")


def test_hyphenated_names_split_into_their_parts():
    assert set(terms("U.S.-Japan-Australia-India")) == set(
        terms("United States") + terms("Japan") + terms("Australia") + terms("India")
    )
    assert len(set(terms("U.S.-Japan-Australia-India"))) == 4


@pytest.mark.parametrize(
    "british, american",
    [("defence", "defense"), ("organise", "organize"), ("colour", "color"), ("centre", "center")],
)
def test_british_and_american_spellings_meet(british, american):
    assert terms(british) == terms(american)


@pytest.mark.parametrize(
    "short, word",
    [
        ("govt", "government"),
        ("govts", "governments"),
        ("intl", "international"),
        ("depts", "departments"),
        ("doc", "document"),
        ("econ", "economic"),
        ("tech", "technology"),
        ("info", "information"),
        ("Jan", "January"),
        ("sept", "september"),
        ("DC", "Washington"),
        # a country's initials, and its people, name the country
        ("PRC", "China"),
        ("Chinese", "China"),
    ],
)
def test_short_forms_typed_in_haste_meet_their_words(short, word):
    assert terms(short) == terms(word)


def test_admin_is_not_read_as_administration():
    assert terms("admin") != terms("administration")


def test_question_filler_is_dropped_only_for_questions():
    text = "What did the minister say and tell them about dams?"
    in_question = terms(text, question=True)
    in_document = terms(text)
    assert terms("say", question=True) == [] and terms("tell", question=True) == []
    assert set(terms("minister dams")) <= set(in_question)
    assert terms("say")[0] in in_document and terms("tell")[0] in in_document
    assert terms("say")[0] not in in_question and terms("tell")[0] not in in_question
    # "even", "anyway", "supposedly": how a question is asked, not what about ("even more
    # attention" in a text is no answer to "Did they even discuss the dams?").
    assert terms("Did they even discuss the dams anyway?", question=True) == terms("discuss dams")
    assert terms("Did they supposedly discuss dams?", question=True) == terms("discuss dams")
    # "overall", "roughly": a hedge on the answer ("How did the town feel overall?"), not
    # the "overall plan" a text may speak of.
    assert terms("How did they feel about dams overall?", question=True) == terms("feel dams")
    assert terms("By roughly how much did dams grow?", question=True) == terms("much dams grow")


# --- aliases mined from the corpus --------------------------------------------------------


def test_acronym_after_its_expansion_makes_them_meet():
    text = "Help came from the Federal Emergency Management Agency (FEMA) within a day."
    tokenizer = Tokenizer(mine_aliases([text]))
    assert meet("FEMA", "Federal Emergency Management Agency", tokenizer)
    assert meet("fema staff", "the federal emergency management agency", tokenizer)
    # Without the mined aliases they share nothing.
    assert not meet("FEMA", "Federal Emergency Management Agency")


def test_acronym_before_its_expansion_makes_them_meet():
    text = "FOO (Friends Of Otters) met at the river on Sunday."
    tokenizer = Tokenizer(mine_aliases([text]))
    assert meet("FOO", "Friends of Otters", tokenizer)
    assert not meet("FOO", "Friends of Otters")


def test_aliases_from_one_text_apply_to_another():
    tokenizer = Tokenizer(
        mine_aliases(["The Federal Emergency Management Agency (FEMA) was called.", "Rain fell."])
    )
    assert meet("What did FEMA do?", "The Federal Emergency Management Agency sent trucks.", tokenizer)


def test_partial_expansion_does_not_trigger_the_alias():
    tokenizer = Tokenizer(mine_aliases(["The Federal Emergency Management Agency (FEMA) came."]))
    assert not meet("FEMA", "a federal agency", tokenizer)


def test_also_called_name_alias_for_a_one_word_name():
    tokenizer = Tokenizer(mine_aliases(["Otterwatch, also called the Otter Panel, met on Monday."]))
    assert meet("Otterwatch", "the Otter Panel", tokenizer)
    assert not meet("Otterwatch", "the Otter Panel")


def test_more_commonly_known_as_alias_for_an_acronym():
    text = (
        "The Security Consultative Committee (SCC) met in the capital. In the past, "
        "the SCC \u2013 more commonly known as the \u201c2+2\u201d \u2013 set priorities."
    )
    tokenizer = Tokenizer(mine_aliases([text]))
    assert meet("2+2", "SCC", tokenizer)
    assert meet("2 plus 2", "Security Consultative Committee", tokenizer)
    assert not meet("2+2", "SCC")


def test_known_as_alias_is_not_glued_to_the_previous_sentence():
    text = (
        "The Security Consultative Committee (SCC) met in Tokyo. "
        "The SCC \u2013 more commonly known as the \u201c2+2\u201d \u2013 sets priorities."
    )
    tokenizer = Tokenizer(mine_aliases([text]))
    assert meet("2+2", "SCC", tokenizer)


def test_also_called_name_alias_between_two_multiword_names():
    tokenizer = Tokenizer(
        mine_aliases(["Yesterday the Working Group, also called the Otter Panel, met again."])
    )
    assert meet("Working Group", "Otter Panel", tokenizer)


def test_text_that_defines_nothing_yields_no_aliases():
    assert mine_aliases(
        [
            "The otters swam in the river (as they always do) on Monday.",
            "Beavers built a dam, and the council was called to a meeting.",
            "",
        ]
    ) == {}


def test_a_lazy_pattern_compiles_on_first_use_and_then_acts_as_the_pattern() -> None:
    from briefbot.text import LazyPattern

    lazy = LazyPattern(r"\bfair\b", re.IGNORECASE)
    assert lazy._compiled is None  # nothing compiled at import time
    assert lazy.search("The FAIR opened").group(0) == "FAIR"
    assert lazy._compiled is re.compile(r"\bfair\b", re.IGNORECASE)
    assert [m.group(0) for m in lazy.finditer("fair, fairs, fair")] == ["fair", "fair"]
