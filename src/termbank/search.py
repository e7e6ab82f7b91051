"""Term lookup: normalise the query → candidates from the store's keys → rank.

Every term is indexed under a few keys (see :func:`index_keys`), and a query is turned into
the same kinds of keys, so matching is an index probe rather than a scan:

* ``key``: case and spacing folded (exact);
* ``fold``: the Kazakh folding key of :mod:`termbank.lang.kk`: case, punctuation, dashes,
  quotes, diacritics, Cyrillic/Latin script and common romanisations (Мәжіліс = Mazhilis);
* ``morph``: the folded citation form word by word: Russian lemmas (pymorphy3), English
  singulars without possessives; a Kazakh term is already a citation form, and a Kazakh query
  is reduced by :func:`termbank.lang.kk.stems`;
* ``initials``: first letters of the content words, so an acronym finds its expansion.

Substrings ("Middle Corridor" inside "Coordination Platform for the Middle Corridor") come
from the store's trigram index, and typos from the store's vocabulary of folded words: each
unknown query word is looked up in its deletion neighbourhood index (:func:`word_deletes`,
:func:`query_deletes`), the few words found are ranked with rapidfuzz, and the best are then
looked up like substrings. Scores are 0–100 and tiered
by how a term matched, so an exact match always ranks first. pymorphy3 is loaded only for a
Cyrillic query that no term matches as typed; rapidfuzz only when fuzzy matching runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product
from typing import Literal

from termbank.lang import en, kk
from termbank.model import Concept

Mode = Literal["auto", "exact", "fuzzy"]
MODES = ("auto", "exact", "fuzzy")

#: How a term matched, best first, and the score each kind of match starts from.
TIER = {"exact": 100.0, "folded": 98.0, "lemma": 96.0, "stem": 96.0, "acronym": 94.0,
        "partial": 90.0, "fuzzy": 90.0}

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SMALL_WORDS = en.CONNECTORS | {"и", "о", "об", "по", "в", "во", "на", "с", "со", "для", "к",
                                "және", "мен", "пен", "бен", "туралы", "жөніндегі"}
_MAX_LEMMA_KEYS = 64
_FUZZY_CUTOFF = 70.0
_PARTIAL_ROWS = 2000
# Beside whole-term hits, longer terms holding the query are looked for only for short queries
# (a long query that names a term is rarely part of another), and fewer of them.
_PARTIAL_WORDS_BESIDE_HITS = 3
_PARTIAL_ROWS_BESIDE_HITS = 200


@dataclass(frozen=True, slots=True)
class TermRow:
    """One indexed term as the store gives it back for ranking."""

    concept_id: str
    lang: str
    text: str
    type: str
    status: str
    review: str
    fold: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One concept found for a query: the best term that matched, how, and its score (0–100)."""

    concept_id: str
    score: float
    lang: str
    term: str
    how: str
    concept: Concept | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A term close to a query that found nothing."""

    concept_id: str
    lang: str
    term: str
    score: float


# -- keys ------------------------------------------------------------------------------------

def term_key(text: str) -> str:
    """The exact key: case and spacing folded, nothing else.

    >>> term_key("  Middle   CORRIDOR ")
    'middle corridor'
    """
    return " ".join(text.casefold().split())


# Per-word caches: a termbase repeats its words, so keys are computed per distinct word. They
# are bounded (an LRU keeps the frequent words) so that memory stays flat however big the load.
_WORD_CACHE = 16384


@lru_cache(maxsize=_WORD_CACHE)
def _fold_word(word: str) -> str:
    return kk.folding_key(word)


def fold(text: str) -> str:
    """The folding key of *text*, word by word (cached: a termbase repeats its words).

    >>> fold("Мәжіліс"), fold("MAZHILIS"), fold("Májilis"), fold("Foreign Ministry’s")
    ('majilis', 'majilis', 'majilis', 'foreign ministry')
    >>> fold("«Middle  Corridor»") == fold("middle corridor")
    True
    """
    return " ".join(f for f in map(_fold_word, text.split()) if f)


def _words(text: str) -> list[str]:
    return [w for w in (t.strip(".,;:!?\"'«»“”„()[]") for t in text.split()) if w]


def _en_stem(word: str) -> str:
    return en.singular(en.strip_possessive(word))


def morph_key(text: str, lang: str) -> str:
    """The folded citation form of a term, word by word, as the index stores it.

    Russian words get their most likely lemma, English words their singular without a
    possessive; other languages (Kazakh citation forms) just fold.

    >>> morph_key("Maslikhats", "en"), morph_key("Foreign Ministry's", "en")
    ('maslihat', 'foreign ministry')
    """
    base = lang.split("-")[0]
    if (base == "ru" and _CYRILLIC.search(text)) or base == "en":
        return " ".join(k for k in (_morph_word(w, base) for w in _words(text)) if k)
    return fold(text)


@lru_cache(maxsize=2 * _WORD_CACHE)  # a miss costs a pymorphy3 parse: worth more room
def _morph_word(word: str, base: str) -> str:
    """The folded citation form of one word of a ``ru`` or ``en`` term."""
    if base == "ru":
        from termbank.lang import ru

        return fold(_citation_lemma(ru, word))
    return fold(_en_stem(word))


def _citation_lemma(ru, word: str) -> str:
    """A word of a citation form is its own lemma when it can be (маслихат is not маслихата)."""
    low = word.lower()
    return low if low in ru.lemmas(word) else ru.lemma(word)


def initials(text: str) -> str | None:
    """Folded first letters of the content words of a multiword term, for acronym queries.

    >>> initials("Enhanced Partnership and Cooperation Agreement")
    'epca'
    >>> initials("Соглашение о расширенном партнерстве и сотрудничестве")
    'srps'
    >>> initials("Majilis") is None
    True
    """
    words = [w for w in _words(text) if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    if len(words) < 2:
        return None
    return fold("".join(w[0] for w in words)) or None


def index_keys(text: str, lang: str) -> tuple[str, str, str, str | None]:
    """(key, fold, morph, initials) of one term: what the store indexes it under."""
    return term_key(text), fold(text), morph_key(text, lang), initials(text)


#: Query words this long are also reduced by two letters when looking for corrections.
_TWO_DELETES_FROM = 6


def word_deletes(word: str) -> list[str]:
    """What the store indexes a vocabulary word under for typo correction: the word and every
    variant with one letter left out (a SymSpell deletion neighbourhood).

    >>> word_deletes("abc")
    ['abc', 'bc', 'ac', 'ab']
    """
    return list(dict.fromkeys([word] + [word[:i] + word[i + 1:] for i in range(len(word))]))


def query_deletes(word: str) -> list[str]:
    """The variants a (possibly misspelt) query word is looked up under: its own deletion
    neighbourhood, and for long words the two-letter deletions too. A vocabulary word shares
    one of them when the two differ by a substitution, an insertion, a deletion or a swap of
    neighbours, or (long query words) by two extra letters or an extra and a wrong one.

    >>> set(word_deletes("majilis")) & set(query_deletes("majilsi")) != set()
    True
    """
    ones = word_deletes(word)
    if len(word) < _TWO_DELETES_FROM:
        return ones
    return list(dict.fromkeys(ones + [v for one in ones[1:] for v in word_deletes(one)[1:]]))


def looks_like_acronym(text: str) -> bool:
    """EPCA, RFE/RL, СРПС, ЕҚЫҰ: capitals, short, one word.

    >>> looks_like_acronym("EPCA"), looks_like_acronym("ЕҚЫҰ"), looks_like_acronym("Majilis")
    (True, True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return (" " not in text.strip() and 2 <= len(letters) <= 10
            and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1))


# -- query keys --------------------------------------------------------------------------------

def russian_keys(query: str) -> list[str]:
    """Folded lemma keys of a Russian query: every combination of the words' lemmas.

    >>> "majilis" in russian_keys("Мажилиса")
    True
    """
    from termbank.lang import ru

    options = [sorted({fold(lemma) for lemma in ru.lemmas(w)} - {""}) or [fold(w)]
               for w in _words(query)]
    keys = [" ".join(parts) for parts in islice(product(*options), _MAX_LEMMA_KEYS)]
    return list(dict.fromkeys(keys))


def kazakh_keys(query: str) -> list[str]:
    """Folded stems of a Kazakh query (Cyrillic or Latin), most likely first.

    >>> kazakh_keys("Мәжілісінің")[:1], "maslihat" in kazakh_keys("мәслихаттарының")
    (['majilis'], True)
    """
    return list(dict.fromkeys(k for k in map(fold, kk.stems(query.strip())) if k))


def english_key(query: str) -> str:
    """The folded singular of an English query, possessives dropped.

    >>> english_key("Foreign Ministry's"), english_key("Maslikhats")
    ('foreign ministry', 'maslihat')
    """
    return morph_key(query, "en")


# -- lookup ----------------------------------------------------------------------------------

def lookup(store, query: str, *, lang: str | None = None, mode: Mode = "auto",
           limit: int = 10) -> list[Hit]:
    """The concepts that *query* names, best first, each with its best matching term.

    mode ``exact`` matches whole terms only (as typed or folded); ``auto`` adds inflected
    forms, acronyms, partial terms, and typos when nothing else matched; ``fuzzy`` always adds
    typo matches. *lang* restricts the matched terms to one language (``kk`` also takes
    ``kk-Latn``).
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
    if limit < 1:
        raise ValueError("limit must be at least 1")
    query = " ".join(query.split())
    best: dict[str, tuple[float, int, Hit]] = {}
    q_key, q_fold = term_key(query), fold(query)
    if not q_fold and not q_key:
        return []

    def take(rows: Iterable[TermRow], how: str, score_of=None) -> None:
        for row in rows:
            score = TIER[how] if score_of is None else score_of(row)
            if score is None:
                continue
            if how == "folded" and row.text.casefold() == query.casefold():
                score, row_how = TIER["exact"], "exact"
            else:
                row_how = how
            rank = _script_rank(query, row) * 10 + _status_rank(row)
            hit = Hit(row.concept_id, round(score, 1), row.lang, row.text, row_how)
            old = best.get(row.concept_id)
            if old is None or (score, -rank) > (old[0], -old[1]):
                best[row.concept_id] = (score, rank, hit)

    take(store.candidates([q_key], field="key", lang=lang), "exact")
    take(store.candidates([q_fold], field="fold", lang=lang), "folded")
    if mode != "exact":
        lemmatized = _morphology(store, query, q_fold, lang, take, found=bool(best))
        if looks_like_acronym(query):
            take(store.candidates([q_fold], field="initials", lang=lang), "acronym")
        if not best or len(q_fold.split()) <= _PARTIAL_WORDS_BESIDE_HITS:
            _partial(store, query, q_fold, lang, take, extra=lemmatized,
                     limit=_PARTIAL_ROWS if not best else _PARTIAL_ROWS_BESIDE_HITS)
        if mode == "fuzzy" or not best:
            _fuzzy(store, q_fold, lang, take)
    ranked = sorted(best.values(), key=lambda v: (-v[0], v[1], v[2].concept_id))[:limit]
    return [_with_concept(store, hit) for _, _, hit in ranked]


def _morphology(store, query: str, q_fold: str, lang, take, *, found: bool) -> str | None:
    """Match citation forms; return the folded Russian nominative of the query if one was made."""
    english = english_key(query)
    if english and english != q_fold:
        take(store.candidates([english], field="morph", lang=lang), "stem")
    lemmatized = None
    if _CYRILLIC.search(query) and not found and not kk.is_kazakh(query):  # load pymorphy3 late
        from termbank.lang import ru

        lemmatized = fold(ru.lemmatize_phrase(query))
        take(store.candidates([lemmatized], field="fold", lang=lang), "lemma")
        take(store.candidates(russian_keys(query), field="morph", lang=lang), "lemma")
    stems = [k for k in kazakh_keys(query) if k != q_fold]
    if stems:
        take(store.candidates(stems, field="morph", lang=lang), "stem")
    return lemmatized


def _partial(store, query: str, q_fold: str, lang, take, *, extra: str | None = None,
             limit: int = _PARTIAL_ROWS) -> None:
    """Terms that contain every word of the query (folded or reduced), in any order."""
    phrases = {q_fold} | ({extra} if extra else set())
    english = english_key(query)
    if english:
        phrases.add(english)
    stems = kazakh_keys(query)
    if stems:
        phrases.add(stems[0])
    # a term scores only when every word of the phrase starts one of its words (see
    # _partial_score): a phrase with a word that starts no vocabulary word cannot match
    prefixes = store.known_prefixes(w for p in phrases for w in p.split())
    for phrase in phrases:
        words = [w for w in phrase.split() if len(w) >= 3]
        if not words or not all(w in prefixes for w in phrase.split()):
            continue
        # the words in order first (selective, so cheap), then in any order
        rows = store.containing([[phrase]], lang=lang, limit=limit)
        if not rows and len(words) > 1:
            rows = store.containing([[w] for w in words], lang=lang, limit=limit)
        take(rows, "partial", lambda row, p=phrase: _partial_score(p, row.fold))


def _partial_score(phrase: str, term_fold: str) -> float | None:
    """Longer coverage scores higher; every query word must start a word of the term."""
    if not term_fold or len(phrase) > len(term_fold):
        return None
    starts = term_fold.split()
    if not all(any(t.startswith(w) for t in starts) for w in phrase.split()):
        return None
    coverage = len(phrase) / len(term_fold)
    bonus = 5.0 if phrase in term_fold else 0.0
    return min(TIER["partial"] - 0.5, 55.0 + 30.0 * coverage + bonus)


def _fuzzy(store, q_fold: str, lang, take) -> None:
    """Typos: correct each query word against the vocabulary, fetch terms holding the
    corrections, and score them against the whole query with ``fuzz.ratio``."""
    from rapidfuzz import fuzz

    alternatives = _word_alternatives(store, q_fold)
    if not alternatives:
        return
    rows = store.containing(alternatives, lang=lang, limit=_PARTIAL_ROWS)
    if not rows and len(alternatives) > 1:
        rows = [r for alts in alternatives for r in store.containing([alts], lang=lang, limit=500)]

    def score(row: TermRow) -> float | None:
        whole = fuzz.ratio(q_fold, row.fold)
        words = fuzz.token_set_ratio(q_fold, row.fold) * (0.55 + 0.35 * min(
            1.0, len(q_fold) / max(1, len(row.fold))))
        value = max(whole, words)
        return TIER["fuzzy"] * value / 100 if value >= 40 else None

    take(rows, "fuzzy", score)


def _word_alternatives(store, q_fold: str) -> list[list[str]]:
    """For each query word of 3+ letters: itself if known, and the closest vocabulary words."""
    from rapidfuzz import fuzz, process

    words = [w for w in q_fold.split() if len(w) >= 3 and w not in _SMALL_WORDS]
    known = store.known_words(words) if len(words) > 1 else set()
    out = []
    for word in words:
        if word in known:
            out.append([word])  # a known word of a longer query: the typo is elsewhere
            continue
        close = process.extract(word, store.similar_words(word), scorer=fuzz.ratio,
                                score_cutoff=_FUZZY_CUTOFF, limit=6)
        if not close:  # further off than the deletion index reaches (two wrong letters)
            spread = 1 if len(word) <= 5 else 2
            by_length = store.vocabulary_by_length()
            pool = [w for n in range(len(word) - spread, len(word) + spread + 1)
                    for w in by_length.get(n, ())]
            close = process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF,
                                    limit=6)
        words = [w for w, _, _ in close]
        if words:
            out.append(words)
    return out


def _script_rank(query: str, row: TermRow) -> int:
    """Among equal matches, show the term in the query's own language and script."""
    if kk.is_kazakh(query):
        return 0 if row.lang == "kk" else 1
    row_cyrillic = bool(_CYRILLIC.search(row.text))
    if _CYRILLIC.search(query):
        return 0 if row.lang == "ru" else 1 if row_cyrillic else 2
    return 1 if row_cyrillic else 0


def _status_rank(row: TermRow) -> int:
    status = {"preferred": 0, "admitted": 1}.get(row.status, 2)
    review = {"approved": 0, "proposed": 1}.get(row.review, 2)
    return status * 3 + review


def _with_concept(store, hit: Hit) -> Hit:
    return Hit(hit.concept_id, hit.score, hit.lang, hit.term, hit.how, store.get(hit.concept_id))


def suggest(store, query: str, *, lang: str | None = None, limit: int = 5) -> list[Suggestion]:
    """The terms closest to a query that found nothing, by fuzzy similarity of folded forms."""
    from rapidfuzz import fuzz

    q_fold = fold(query)
    if not q_fold:
        return []
    found: dict[tuple[str, str], Suggestion] = {}
    for alts in _word_alternatives(store, q_fold) or []:
        for row in store.containing([alts], lang=lang, limit=200):
            score = round(float(fuzz.ratio(q_fold, row.fold)), 1)
            key = (row.concept_id, row.text)
            if key not in found or found[key].score < score:
                found[key] = Suggestion(row.concept_id, row.lang, row.text, score)
    ranked = sorted(found.values(), key=lambda s: (-s.score, s.term))
    seen, out = set(), []
    for s in ranked:
        if s.concept_id not in seen:
            seen.add(s.concept_id)
            out.append(s)
    return out[:limit]
