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


def test_a_compound_of_two_terms_gives_both_halves():
    text = ("The partners signed a memorandum on renewable hydrogen value chains in May. "
            "Investors met in June to discuss renewable hydrogen value chains again.\n")
    terms = terms_of(text)
    assert {"renewable hydrogen", "value chains"} <= terms
    assert "renewable hydrogen value" not in terms  # lies wholly inside the compound


def test_a_compound_bracketed_otherwise_by_the_text_keeps_its_parts_nested():
    text = ("The ministers backed integrated water resources management. Water resources are "
            "scarce, and water resources of the basin are shared. Integrated water resources "
            "management needs data.\n")
    terms = terms_of(text)
    assert not terms & {"integrated water", "resources management"}


def test_of_takes_bare_nouns_only():
    text = ("They marked the anniversary of diplomatic relations and the exchange of views. "
            "The anniversary of diplomatic relations fell in May; the exchange of views was "
            "frank.\n")
    terms = terms_of(text)
    assert "anniversary of diplomatic relations" not in terms
    assert "exchange of views" in terms


def test_time_units_and_subject_pronouns_open_no_term():
    text = ("Kazakhstan lifted last year visa requirements for EU citizens. On the uranium "
            "bank, we co-finance as well.\n")
    terms = terms_of(text)
    assert not {t for t in terms if t.startswith("year")}
    assert "co-finance" not in terms
    assert "visa requirements" in terms


def test_a_lower_case_form_of_a_name_explains_its_parts():
    text = ("The Enhanced Partnership and Cooperation Agreement entered into force in 2020. "
            "\"We could sign a new enhanced partnership cooperation agreement,\" he said. "
            "\"The enhanced partnership cooperation agreement covers 29 areas,\" she added.\n")
    terms = terms_of(text)
    assert not terms & {"enhanced partnership", "cooperation agreement",
                        "partnership cooperation agreement"}
