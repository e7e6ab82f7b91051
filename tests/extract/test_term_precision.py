"""The term track's precision pass: descriptors open no term, nested terms keep their own."""

from __future__ import annotations

from termbank.extract import Document, extract

TEXT = (
    "The ministers praised the close cooperation and the new impetus given to the political "
    "dialogue. They noted the significant increase in trade turnover and a wide range of "
    "relevant issues. The political dialogue covered nuclear weapons and strong partnership. "
    "Close cooperation on nuclear weapons and trade turnover will continue.\n"
)


def terms_of(text: str) -> set[str]:
    found = extract([Document("news.txt", text)])
    return {c.preferred.lower() for c in found if c.kind == "term"}


def test_a_descriptor_adjective_opens_no_term_but_a_classifier_does():
    terms = terms_of(TEXT)
    assert {"political dialogue", "nuclear weapons", "trade turnover"} <= terms
    junk = {"close cooperation", "new impetus", "significant increase", "wide range",
            "relevant issues", "strong partnership"}
    assert not terms & junk
    # what is left once the descriptor goes is judged on its own: "cooperation" is too common
    assert not terms & {"cooperation", "impetus", "increase", "range", "issues"}


def test_descriptors_are_a_data_file_of_lemmas():
    from termbank.extract.lists import descriptors

    words = descriptors()
    assert {"new", "close", "significant", "outgoing"} <= words
    # relational adjectives classify: they are not descriptors
    assert not words & {"political", "economic", "nuclear", "parliamentary", "green", "critical"}
