"""The term track's fast paths give what the slow, obvious ones give, on real text.

Units are read from spaCy's token arrays with per-word caching, and the tagger runs without
the attribute rules that test a dependency label and applies the others and the lemmatiser once
per word type; all were made for speed only, so real texts must tag and unit exactly as
spaCy's own Token view and the stock pipeline do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank.extract import read_documents, tagger, terms
from termbank.extract.lists import descriptors
from termbank.lang import en

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXTS = Path(__file__).resolve().parents[1] / "data" / "extract"
#: hyphenated compounds, a participle after a verb and before a noun, a comparative, a
#: subject pronoun before a verb, a capitalised geographic adjective, "of", a line break
EDGES = ("People-to-people ties and state-of-the-art, well-known cross-border routes were "
         "signed; we co-finance enhanced links; forged passports, larger quotas, the Eurasian "
         "continent, the Strategic "
         "Partnership Roadmap on Raw Materials.\n\nBRUSSELS – x-ray e-mail COVID-19 5G-based. "
         "They raised women's representation, farmers' incomes and the country's schools.")


def seed_texts() -> list[str]:
    return [d.text for d in read_documents([SEEDS])] + [EDGES]


def units_from_tokens(doc, offset: int = 0) -> list[tuple]:
    """The units as read one Token attribute at a time (the reference)."""
    units, tokens, source, i = [], list(doc), doc.text, 0
    while i < len(tokens):
        j = i
        while (j + 2 < len(tokens) and tokens[j + 1].text == "-" and not tokens[j].whitespace_
               and not tokens[j + 1].whitespace_ and tokens[j + 2].is_alpha):
            j += 2
        possessive = (j == i and first_is_plural_owner(tokens, i))
        if possessive:
            j = i + 1
        first, last = tokens[i], tokens[j]
        text = source[first.idx:last.idx + len(last.text)]
        if possessive:  # "women's representation": the owner classifies, as a noun would
            lemma, pos = first.lemma_.lower(), "NOUN"
        elif j > i:
            lemma = (text[:len(text) - len(last.text)] + last.lemma_).lower()
            pos = "NOUN" if last.pos_ == "NOUN" else "ADJ"
            if not all(t.is_alpha or t.text == "-" for t in tokens[i:j + 1]):
                pos = ""
        else:
            lemma = first.lemma_.lower()
            pos = {"NOUN": "NOUN", "ADJ": "ADJ"}.get(first.pos_, "")
            if first.tag_ == "VBN":
                previous = tokens[i - 1] if i else None
                verbal = previous is not None and previous.pos_ in ("AUX", "NOUN",
                                                                    "PROPN", "PRON")
                pos = "" if verbal else "ADJ"
                lemma = first.lower_
            if first.tag_ in ("JJR", "JJS") or not first.is_alpha or first.is_stop \
                    or lemma in en.NUMBER_WORDS or lemma in terms.TIME_DEICTICS:
                pos = ""
            if pos == "ADJ" and (lemma in descriptors() or first.text.lower() in descriptors()):
                pos = ""
            if first.text.lower() in terms.LINKS:
                pos = "OF"
            if first.tag_ == "RB" and first.is_alpha and terms._relational_adverb(first.lower_):
                pos = "ADV"
        tag = last.tag_
        if j == i and en.is_abbreviation(first.text):  # "HF", "cAMP": a noun of a term
            lemma, pos, tag = terms.abbreviation_key(first.text), "NOUN", terms.ABBREVIATION
        if i and tokens[i - 1].lower_ in terms.SUBJECT_PRONOUNS:
            pos = ""
        units.append((text, lemma, pos, offset + first.idx, offset + last.idx + len(last.text),
                      tag))
        i = j + 1
    return units


def first_is_plural_owner(tokens, i: int) -> bool:
    return (tokens[i].tag_ in ("NNS", "NNPS") and i + 1 < len(tokens)
            and tokens[i + 1].tag_ == "POS" and tokens[i + 1].text in ("'s", "’s")
            and not tokens[i].whitespace_ and tokens[i].is_alpha)


def as_tuples(units) -> list[tuple]:
    return [(u.text, u.lemma, u.pos, u.start, u.end, u.tag) for u in units]


def test_units_from_arrays_equal_units_from_tokens():
    nlp = tagger.pipeline()
    texts = seed_texts()
    for text, doc in zip(texts, nlp.pipe(texts)):
        reference = units_from_tokens(doc, 7)
        assert as_tuples(terms._units(doc, 7, text)) == reference
        # a second pass answers from the word cache
        assert as_tuples(terms._units(doc, 7)) == reference
    compounds = [u for u in terms.units_of(EDGES) if "-" in u.text]
    assert [u.text for u in compounds][:3] == ["People-to-people", "state-of-the-art",
                                               "well-known"]
    # an irregular plural owner is one unit with its possessive ending; a singular or a
    # regular plural one is not
    owners = [(u.text, u.lemma, u.pos) for u in terms.units_of(EDGES)
              if u.tag == "POS" and len(u.text) > 2]
    assert owners == [("women's", "woman", "NOUN")]


#: the model's two-word attribute rules ("gon na", "let 's", "ai n't", "y' all"), contractions
#: the one-word rules rewrite ("'d", "ca", "wo"), spaces and line breaks
CONTRACTIONS = ("Let's go, y'all ain't gonna stop.\n\n  Gotta run. I'd say we'd had it; "
                "they can't, won't, didn't. C'mon!\t\n")


def test_the_fast_pipeline_tags_as_the_stock_one():
    import spacy

    ours = tagger.pipeline()
    stock = spacy.load(tagger.model_path(), exclude=tagger.UNUSED_COMPONENTS)
    # termbank's one addition to what the model does: acronyms spelt like function words
    # keep their capitals ("WHO air quality guidelines"); the stock run gets it too
    stock.add_pipe(tagger.CAPITAL_NORMS, first=True)
    dropped = len(stock.get_pipe("attribute_ruler").patterns) - \
        len(ours.get_pipe("attribute_ruler").patterns)
    assert dropped > 0
    assert not any("DEP" in token for p in ours.get_pipe("attribute_ruler").patterns
                   for pattern in p["patterns"] for token in pattern)
    assert ours.pipe_names[-1] == tagger.WORD_TYPES
    assert not set(tagger.PER_TOKEN) & set(ours.pipe_names)

    def view(doc):
        return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.is_stop) for t in doc]

    texts = seed_texts() + [CONTRACTIONS, "", " "]
    texts += [d.text for d in read_documents(sorted(p for p in TEXTS.glob("*/*.txt")
                                                    if p.parent.name != "hostile"))]
    word_types = ours.get_pipe(tagger.WORD_TYPES)
    for a, b in zip(ours.pipe(texts), stock.pipe(texts)):
        assert view(a) == view(b)
    assert len(word_types.types) > 1000  # the fast path did run and remember word types
    # a second pass answers from the remembered word types, and still the same
    for a, b in zip(ours.pipe(texts), stock.pipe(texts)):
        assert view(a) == view(b)
    assert view(ours(CONTRACTIONS)) == view(stock(CONTRACTIONS))


@pytest.mark.parametrize("text, start, expected", [
    ("Trade grew. Green hydrogen", 12, True),
    ("Trade grew.  “(Green hydrogen", 15, True),
    ("the Green Deal", 4, False),
    ("Green hydrogen", 0, True),
    ("Trade:\tGreen", 7, True),
])
def test_a_capital_opens_a_sentence_after_a_stop_and_opening_marks(text, start, expected):
    assert terms._opens_sentence(text, start) is expected
