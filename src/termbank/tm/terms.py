"""Term equivalents mined from aligned parallel text (English → Kazakh, Russian).

For each concept whose English terms occur in the English side of aligned segments, the
Kazakh or Russian word sequence that translates it is found in the target side of the same
segments. Two corpora of a couple of press releases are far too small for co-occurrence
counts alone (most terms occur once or twice), so a span of the target segment is scored
by how well its words are *explained* by the term's words and by nothing else in the
English segment:

* a word association: the Dice coefficient of an English word (lower case, singular) and a
  target lemma (Russian: ``lang.ru.lemmas``; Kazakh: ``lang.kk.stems``) over all aligned
  segments, so that case forms pool together;
* a spelling association for names and loanwords: the similarity of the folding keys
  (``lang.kk.folding_key``), which also meets the rule transliterations of
  ``lang.translit`` (Majilis / Мажилиса, Charles Michel / Шарля Мишеля);
* competitive linking: a target word whose best partner is another word of the English
  segment ("deputies" for депутатов) does not belong to the term;
* a span covering every content word of the term, and only those, scores best (F-measure),
  with a mild prior on its length.

Spans that are the same up to inflection pool across segments; the span's segment-level Dice
with the English term and its average F give the confidence. The winner is given in its
citation form: Russian by ``lang.ru.lemmatize_phrase``, Kazakh with the case ending of the
last word peeled by ``lang.kk.stems`` (keeping the possessive of a multiword term:
«Сыртқы істер министрінің орынбасары», «Парламент Мәжілісі»).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from termbank.model import (
    AdminStatus, Concept, Context, LangSection, PartOfSpeech, Review, Source, SourceKind, Term,
    TermType,
)

#: Target languages mined from ``seeds/<lang>/``.
TARGET_LANGS = ("kk", "ru")
#: Longest target span considered, in words.
MAX_SPAN = 8
#: A disagreement with the glossary becomes a proposed variant only from this confidence.
HIGH_CONFIDENCE = 0.75
#: Proposals below this confidence are not made at all.
MIN_CONFIDENCE = 0.45
#: Folding-key similarity from which two words count as spelled alike.
SPELLING_FLOOR = 0.72
#: How much a word left out of competitive linking counts for or against a span.
UNLINKED = 0.3

_EN_STOP = frozenset("""a an the of for and on to in at by with from as its their his her
    this that between into over under about or""".split())
_RU_STOP = frozenset("""и в во на по о об с со к ко для при между из от до за у а также
    или как что который которые""".split())
_KK_STOP = frozenset("""және мен пен бен туралы жөніндегі бойынша арасындағы үшін сондай-ақ
    әрі немесе оның олардың""".split())
_COMPLEMENT = frozenset({"of", "the", "for", "on", "to", "in", "with"})
_STOP = {"en": _EN_STOP, "ru": _RU_STOP, "kk": _KK_STOP}
#: Function words that may stand inside a term but not at its edge.
_INNER_OK = {"ru": frozenset("и о об по в для".split()),
             "kk": frozenset("және мен пен бен туралы жөніндегі".split())}

_TOKEN = re.compile(r"[^\W_]+(?:[-‐'’][^\W_]+)*")
_ACRONYM_SUFFIX = re.compile(r"^([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,})[-‐][a-zа-яёәғқңөұүһі]+$")


# -- results ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Evidence:
    """One aligned segment pair in which the English term and the mined span occur."""

    document: str
    segment: int  # 1-based number of the pair within the document
    source: str
    target: str
    surface: str  # the span as it stands in the target text


@dataclass(frozen=True, slots=True)
class Proposal:
    """A mined equivalent of one English term of a concept in one target language.

    ``known`` is the glossary's term in that language the mined one was compared with (the
    matching term when it agrees, else the preferred one); ``agrees`` is None when the
    glossary had no term of that kind in that language.
    """

    concept: str
    lang: str
    english: str
    text: str
    type: TermType
    confidence: float
    evidence: tuple[Evidence, ...]
    known: str | None = None
    agrees: bool | None = None

    def to_dict(self) -> dict:
        return {"concept": self.concept, "lang": self.lang, "english": self.english,
                "term": self.text, "type": self.type.value, "review": "proposed",
                "score": round(self.confidence * 100, 1),
                "agrees": self.agrees, "glossary": self.known,
                "evidence": [{"document": e.document, "segment": e.segment, "text": e.surface}
                             for e in self.evidence]}


@dataclass
class MiningReport:
    """What mining the parallel seeds gave: new terms to propose, and the glossary checked."""

    proposals: list[Proposal] = field(default_factory=list)
    agreements: list[Proposal] = field(default_factory=list)
    disagreements: list[Proposal] = field(default_factory=list)
    #: spans the precision gate (:mod:`termbank.tm.gate`) refused, with the reason
    rejected: list[tuple[Proposal, str]] = field(default_factory=list)

    @property
    def all(self) -> list[Proposal]:
        return sorted([*self.proposals, *self.agreements,
                       *(d for d in self.disagreements if d not in self.proposals)],
                      key=lambda p: (p.concept, p.lang, p.english))


# -- tokens -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int
    keys: frozenset[str]  # lemmas / stems (target) or the singular (English), lower case
    fold: tuple[str, ...]  # folding keys used for spelling similarity
    stop: bool
    acronym: bool
    break_before: bool  # punctuation between this token and the previous one


@dataclass(frozen=True, slots=True)
class _Segment:
    document: str
    number: int
    source: str
    target: str
    en: tuple[_Token, ...]
    tgt: tuple[_Token, ...]


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and len(word) <= 8


def _tokens(text: str, lang: str) -> tuple[_Token, ...]:
    from termbank.lang import en, kk, ru

    out = []
    last_end = 0
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        suffixed = _ACRONYM_SUFFIX.match(word)
        if suffixed:  # КӘЫК-ті, СІМ-ге: the acronym with a case ending after a hyphen
            word, end = suffixed.group(1), start + len(suffixed.group(1))
        gap = text[last_end:start]
        break_before = bool(out) and bool(gap.strip())
        last_end = m.end()
        low = word.lower()
        if lang == "en":
            keys = frozenset({en.singular(en.strip_possessive(word)).lower()})
        elif lang == "ru":
            keys = frozenset(ru.lemmas(word)) if not _is_acronym(word) else frozenset({low})
        else:
            keys = frozenset({low, *(s.lower() for s in kk.stems(word)[:2])}) \
                if not _is_acronym(word) else frozenset({low})
        fold = tuple(dict.fromkeys(kk.folding_key(k) for k in keys | {low} if k))
        out.append(_Token(word, start, end, keys, fold, low in _STOP[lang], _is_acronym(word),
                          break_before))
    return tuple(out)


# -- associations -------------------------------------------------------------------------

class _Associations:
    """Word-level Dice over segments, and spelling similarity of folding keys."""

    def __init__(self, segments: Sequence[_Segment]):
        self.en_count: dict[str, int] = defaultdict(int)
        self.tgt_count: dict[str, int] = defaultdict(int)
        self.pair_count: dict[tuple[str, str], int] = defaultdict(int)
        for seg in segments:
            en_keys = {k for t in seg.en if not t.stop for k in t.keys}
            tgt_keys = {k for t in seg.tgt if not t.stop for k in t.keys}
            for e in en_keys:
                self.en_count[e] += 1
            for k in tgt_keys:
                self.tgt_count[k] += 1
            for e in en_keys:
                for k in tgt_keys:
                    self.pair_count[e, k] += 1
        self._spelling: dict[tuple[str, str], float] = {}

    def dice(self, e: _Token, t: _Token) -> float:
        best = 0.0
        for ek in e.keys:
            for tk in t.keys:
                both = self.pair_count.get((ek, tk), 0)
                if both:
                    best = max(best, 2 * both / (self.en_count[ek] + self.tgt_count[tk]))
        return best

    def spelling(self, e: _Token, t: _Token) -> float:
        best = 0.0
        for a in e.fold:
            for b in t.fold:
                key = (a, b)
                if key not in self._spelling:
                    self._spelling[key] = _similarity(a, b)
                best = max(best, self._spelling[key])
        return best if best >= SPELLING_FLOOR else 0.0

    def score(self, e: _Token, t: _Token) -> tuple[float, float]:
        """(association, spelling) of an English and a target word; ties go to spelling."""
        if e.acronym != t.acronym:
            return 0.0, 0.0
        spelling = self.spelling(e, t)
        # A word seen once goes with everything in its segment: its Dice says little.
        rare = min(self.en_count.get(next(iter(e.keys)), 1), 2)
        dice = self.dice(e, t) * (0.6 if rare < 2 else 1.0)
        return max(dice, spelling), spelling


def _similarity(a: str, b: str) -> float:
    """Similarity of two folding keys, weighted to their beginnings (endings inflect)."""
    if not a or not b:
        return 0.0
    from rapidfuzz.distance import Indel

    n = min(len(a), len(b))
    prefix = 0
    while prefix < n and a[prefix] == b[prefix]:
        prefix += 1
    ratio = Indel.normalized_similarity(a, b)
    cut = max(len(a), len(b))
    trimmed = Indel.normalized_similarity(a[:cut], b[:len(a) + 2]) if len(b) > len(a) else ratio
    return max(ratio, trimmed) if prefix >= min(3, n) else ratio * 0.8


# -- English occurrences ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _EnglishTerm:
    concept: str
    text: str
    type: TermType
    keys: tuple[frozenset[str], ...]
    acronym: bool
    name: bool  # a person or place: rule transliterations join the spelling keys
    adjective: bool = False  # "bilateral": a Kazakh adjective before its noun is uninflected


def _english_terms(concepts: Iterable[Concept]) -> list[_EnglishTerm]:
    out = []
    for concept in concepts:
        section = concept.section("en")
        if section is None:
            continue
        for term in section.terms:
            toks = _tokens(term.text, "en")
            if not toks:
                continue
            acronym = len(toks) == 1 and toks[0].acronym
            kind = concept.kind or ""
            out.append(_EnglishTerm(concept.id, term.text,
                                    TermType.ACRONYM if acronym else term.type,
                                    tuple(t.keys for t in toks), acronym,
                                    kind.startswith(("person", "place")),
                                    term.pos == PartOfSpeech.ADJECTIVE))
    return out


def _find(term: _EnglishTerm, tokens: Sequence[_Token]) -> list[tuple[int, int]]:
    n = len(term.keys)
    hits = []
    for i in range(len(tokens) - n + 1):
        window = tokens[i:i + n]
        if term.acronym:
            if window[0].text == term.text.strip():
                hits.append((i, i + 1))
        elif all(w.keys & k for w, k in zip(window, term.keys)) and \
                not any(w.break_before for w in window[1:]) and \
                (n > 1 or window[0].text[:1].isupper() == term.text[:1].isupper()
                 or not term.text[:1].isupper()):
            hits.append((i, i + n))
    return hits


def _occurrences(terms: list[_EnglishTerm], segments: Sequence[_Segment]):
    """Per concept and English term, its matches, longest first over all concepts.

    A term inside a longer one counts only as its complement after a function word
    (the European Parliament in "Member of the European Parliament"), not as its head or
    with modifiers (Parliament in "European Parliament", the Partnership and Cooperation
    Agreement in "Enhanced Partnership and Cooperation Agreement").
    """
    found: dict[tuple[str, str], list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    ordered = sorted(terms, key=lambda t: (-len(t.keys), t.concept, t.text))
    for s, seg in enumerate(segments):
        outer: list[tuple[int, int, str]] = []
        inner: set[int] = set()
        for term in ordered:
            for a, b in _find(term, seg.en):
                if inner & set(range(a, b)):
                    continue
                around = [(x, y, c) for x, y, c in outer if x < b and a < y]
                if around:
                    x, y, owner = around[0]
                    if len(around) > 1 or owner == term.concept or not (
                            x < a and b <= y and seg.en[a - 1].text.lower() in _COMPLEMENT):
                        continue
                    inner.update(range(a, b))
                else:
                    outer.append((a, b, term.concept))
                found[term.concept, term.text].append((s, (a, b)))
    return found


# -- spans --------------------------------------------------------------------------------

@dataclass
class _Candidate:
    keys: tuple[frozenset[str], ...]
    hits: list[tuple[int, int, int, float]] = field(default_factory=list)  # seg, a, b, F

    def matches(self, tokens: Sequence[_Token]) -> bool:
        return len(tokens) == len(self.keys) and all(t.keys & k for t, k in zip(tokens, self.keys))


def _spans(tokens: Sequence[_Token], lang: str, acronym: bool):
    inner_ok = _INNER_OK[lang]
    for a in range(len(tokens)):
        if tokens[a].stop or tokens[a].acronym != acronym:
            continue
        if acronym:
            yield a, a + 1
            continue
        for b in range(a + 1, min(len(tokens), a + MAX_SPAN) + 1):
            if b > a + 1 and tokens[b - 1].break_before:
                break
            inner = tokens[b - 1]
            if inner.stop and inner.text.lower() not in inner_ok:
                break
            if not inner.stop and not inner.acronym:
                yield a, b


def _span_score(seg: _Segment, term_span: tuple[int, int], span: tuple[int, int],
                links: dict[int, tuple[int, float]]) -> float:
    """F-measure of how the target span covers the term's words and only them.

    *links* maps target word → (English word, score) after competitive linking; a word
    left unlinked counts a little either way (rare words, function words we do not list).
    """
    a, b = term_span
    term_words = [i for i in range(a, b) if not seg.en[i].stop]
    content = [j for j in range(*span) if not seg.tgt[j].stop]
    if not term_words or not content:
        return 0.0
    linked_to = {e: (j, score) for j, (e, score) in links.items()}
    kept = 0.0
    for j in content:
        if j in links:
            kept += links[j][1] if a <= links[j][0] < b else 0.0
        else:
            kept += UNLINKED
    covered = 0.0
    for i in term_words:
        if i in linked_to:
            covered += linked_to[i][1] if span[0] <= linked_to[i][0] < span[1] else 0.0
        else:
            covered += UNLINKED
    precision, recall = kept / len(content), covered / len(term_words)
    if precision <= 0 or recall <= 0:
        return 0.0
    f = 2 * precision * recall / (precision + recall)
    ratio = len(content) / len(term_words)
    return f * math.exp(-0.2 * abs(math.log(ratio)))


def _links(assoc: _Associations, seg: _Segment) -> dict[int, tuple[int, float]]:
    """Competitive linking: target word → (English word, score), one to one, best first.

    The score is the word association plus a bonus for spelling and a penalty for distant
    relative positions, which only break ties between words that always occur together
    (Roman / Роман beside Affairs / істер).
    """
    en = [i for i, t in enumerate(seg.en) if not t.stop]
    tgt = [j for j, t in enumerate(seg.tgt) if not t.stop]
    if not en or not tgt:
        return {}
    pairs = []
    for i in en:
        for j in tgt:
            score, spelling = assoc.score(seg.en[i], seg.tgt[j])
            if score <= 0:
                continue
            distance = abs(i / len(seg.en) - j / len(seg.tgt))
            pairs.append((score + 0.3 * spelling - 0.3 * distance, score, i, j))
    pairs.sort(key=lambda p: -p[0])
    used_en: set[int] = set()
    out: dict[int, tuple[int, float]] = {}
    for _, score, i, j in pairs:
        if i in used_en or j in out:
            continue
        used_en.add(i)
        out[j] = (i, score)
    return out


# -- citation forms -----------------------------------------------------------------------

def _citation(surface_tokens: Sequence[_Token], text: str, lang: str) -> str:
    from termbank.lang import kk, ru

    words = text.split()
    if lang == "ru":
        if len(words) == 1:
            if surface_tokens[0].acronym:
                return text
            return ru._restore_case(ru.lemma(text), text)
        return ru.lemmatize_phrase(text)
    last = surface_tokens[-1]
    if last.acronym:
        return text
    readings = kk.stems(last.text)
    head = text[: len(text) - len(last.text)] if text.endswith(last.text) else ""
    if len(surface_tokens) == 1:
        # A lone word: drop case, plural and a possessive (Мәжілісі → Мәжіліс).
        pick = _shortest_plausible(last.text, readings)
        return head + pick
    pick = readings[0]
    if pick != last.text and _possessed_case(last.text, pick):
        pick = _possessed_case(last.text, pick)
    return head + pick


def _common_lemma(candidate: _Candidate, segments, lang: str, fallback: str) -> str:
    """The dictionary form shared by most occurrences of a one-word span: Қазақстан, not
    Қазақс (ablative -тан), when Қазақстанның and Қазақстанда are seen too."""
    from termbank.lang import kk, ru

    counts: dict[str, int] = defaultdict(int)
    order: dict[str, int] = {}
    for s, a, _b, _f in candidate.hits:
        word = segments[s].tgt[a].text
        readings = sorted(ru.lemmas(word)) if lang == "ru" else kk.stems(word)[:3]
        for rank, reading in enumerate(readings):
            counts[reading.lower()] += 1
            order.setdefault(reading.lower(), rank)
    best = max(counts, key=lambda r: (counts[r], -order[r], len(r)))
    if counts[best] <= 1 or best == fallback.lower():
        return fallback
    return fallback[:1] + best[1:] if fallback[:1].isupper() else best


def _shortest_plausible(word: str, readings: list[str]) -> str:
    """The stem of a lone word: the peeler's first reading, or under a bare possessive
    (Мәжілісі) the reading without it."""
    if not readings:
        return word
    if readings[0] == word and len(readings) > 1 and word[-1:].lower() in "ыі" and \
            word.lower().startswith(readings[1].lower()):
        return readings[1]
    return readings[0]


def _possessed_case(word: str, stem: str) -> str | None:
    """When *word* is possessive + case (министрінің орынбасарының), its possessed
    nominative (орынбасары); multiword Kazakh terms keep the possessive."""
    from termbank.lang import kk

    for case in kk.CASES[1:]:
        try:
            if kk.inflect(stem, possessive="3", case=case).lower() == word.lower():
                possessed = kk.inflect(stem, possessive="3")
                return word[:1] + possessed[1:] if word[:1].isupper() else possessed
        except ValueError:
            continue
    return None


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


# -- mining -------------------------------------------------------------------------------

def _segments(pairs, document: str, target_lang: str) -> list[_Segment]:
    out = []
    for n, pair in enumerate(pairs, 1):
        source, target = (pair.source, pair.target) if hasattr(pair, "source") else pair[:2]
        out.append(_Segment(document, n, source, target, _tokens(source, "en"),
                            _tokens(target, target_lang)))
    return out


def mine_equivalents(concepts: Iterable[Concept], pairs: Iterable, *, target_lang: str,
                     document: str = "parallel text") -> list[Proposal]:
    """Mine the *target_lang* equivalents of the concepts' English terms from aligned pairs.

    *pairs* are :class:`termbank.tm.align.SegmentPair` objects or (source, target) tuples
    of one *document*. Returns one proposal per concept and English term found, best
    first by concept; ``agrees`` compares it with the glossary's terms in *target_lang*.
    """
    if target_lang not in TARGET_LANGS:
        raise ValueError(f"can mine only {', '.join(TARGET_LANGS)}, not {target_lang!r}")
    concepts = list(concepts)
    return _mine(concepts, _segments(list(pairs), document, target_lang), target_lang)


def _mine(concepts: list[Concept], segments: list[_Segment], lang: str,
          rejected: list | None = None) -> list[Proposal]:
    """Proposals that pass the precision gate; the others go to *rejected* with the reason."""
    from termbank.tm.gate import rejection

    if lang not in TARGET_LANGS:
        raise ValueError(f"can mine only {', '.join(TARGET_LANGS)}, not {lang!r}")
    assoc = _Associations(segments)
    terms = {(t.concept, t.text): t for t in _english_terms(concepts)}
    by_id = {c.id: c for c in concepts}
    proposals = []
    for (cid, english), occurrences in sorted(_occurrences(list(terms.values()), segments).items()):
        term = terms[cid, english]
        if term.name:
            _add_transliterations(term, occurrences, segments)
        best = _best_candidate(assoc, term, occurrences, segments, lang)
        if best is None:
            continue
        candidate, confidence = best
        if confidence < MIN_CONFIDENCE:
            continue
        seg_index, a, b, _ = max(candidate.hits, key=lambda h: (h[3], -h[0]))
        seg = segments[seg_index]
        tokens = _prefer_mid_sentence(candidate, segments)
        surface_text = seg.target[seg.tgt[a].start:seg.tgt[b - 1].end]
        mid = tokens or (seg, a, b)
        s2, a2, b2 = mid
        surface = s2.target[s2.tgt[a2].start:s2.tgt[b2 - 1].end]
        if term.adjective and lang == "kk":
            citation = surface  # екіжақты: its "-ты" makes the adjective, it is no case ending
        else:
            citation = _citation(s2.tgt[a2:b2], surface, lang)
            if len(candidate.keys) == 1 and len(candidate.hits) > 1 and not s2.tgt[a2].acronym:
                citation = _common_lemma(candidate, segments, lang, citation)
        if not tokens and a == 0 and len(seg.tgt) > 1 and not seg.tgt[0].acronym:
            citation = _sentence_initial(citation, lang)
        evidence = tuple(
            Evidence(segments[s].document, segments[s].number, segments[s].source,
                     segments[s].target,
                     segments[s].target[segments[s].tgt[x].start:segments[s].tgt[y - 1].end])
            for s, x, y, _ in sorted(candidate.hits))
        del surface_text
        proposal = _compare(Proposal(cid, lang, english, citation, term.type,
                                     round(confidence, 3), evidence), by_id[cid])
        reason = None if term.acronym else rejection(citation, lang, english, name=term.name)
        if reason is not None:
            if rejected is not None:
                rejected.append((proposal, reason))
            continue
        proposals.append(proposal)
    return proposals


def _add_transliterations(term: _EnglishTerm, occurrences, segments) -> None:
    """Give the English words of a name the folding keys of its rule transliterations."""
    from termbank.lang import kk, translit

    words = term.text.split()
    guesses = [translit.to_russian(term.text).text, translit.to_kazakh(term.text).text]
    extra: dict[str, set[str]] = defaultdict(set)
    for guess in guesses:
        parts = guess.split()
        if len(parts) == len(words):
            for w, p in zip(words, parts):
                extra[w.lower()].add(kk.folding_key(p))
    for s, (a, b) in occurrences:
        seg = segments[s]
        en = list(seg.en)
        for i in range(a, b):
            more = extra.get(en[i].text.lower())
            if more:
                en[i] = replace(en[i], fold=tuple(dict.fromkeys((*en[i].fold, *more))))
        segments[s] = replace(seg, en=tuple(en))


def _best_candidate(assoc, term, occurrences, segments, lang):
    pooled: list[_Candidate] = []
    term_segments = {s for s, _ in occurrences}
    for s, term_span in occurrences:
        seg = segments[s]
        links = _links(assoc, seg)
        best_here: dict[int, tuple[int, int, float]] = {}
        for a, b in _spans(seg.tgt, lang, term.acronym):
            f = _span_score(seg, term_span, (a, b), links)
            if f <= 0:
                continue
            toks = seg.tgt[a:b]
            cand = next((c for c in pooled if c.matches(toks)), None)
            if cand is None:
                cand = _Candidate(tuple(t.keys for t in toks))
                pooled.append(cand)
            idx = pooled.index(cand)
            if idx not in best_here or f > best_here[idx][2]:
                best_here[idx] = (a, b, f)
        for idx, (a, b, f) in best_here.items():
            pooled[idx].hits.append((s, a, b, f))
    if not pooled:
        return None
    scored = []
    for cand in pooled:
        target_segments = {s for s, seg in enumerate(segments)
                           if any(cand.matches(seg.tgt[i:i + len(cand.keys)])
                                  for i in range(len(seg.tgt) - len(cand.keys) + 1))}
        dice = 2 * len(term_segments & target_segments) / (len(term_segments) + len(target_segments))
        mean_f = sum(f for *_, f in cand.hits) / len(term_segments)
        support = 1 - 0.5 ** len(cand.hits)  # one segment is weaker evidence than three
        confidence = mean_f * (0.55 + 0.25 * dice + 0.2 * support)
        scored.append((confidence, len(cand.keys), cand))
    scored.sort(key=lambda x: (-x[0], -x[1]))
    return scored[0][2], min(1.0, scored[0][0])


def _prefer_mid_sentence(candidate: _Candidate, segments):
    """An occurrence not at the start of a sentence shows the span's real capitals."""
    for s, a, b, _ in sorted(candidate.hits, key=lambda h: -h[3]):
        seg = segments[s]
        if a > 0 and not _sentence_start(seg.target, seg.tgt[a].start):
            return seg, a, b
    return None


def _sentence_start(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(" «\"“(")
    return not before or before[-1] in ".!?"


def _sentence_initial(citation: str, lang: str) -> str:
    """A title seen only at the start of a sentence: Russian titles are written in lower
    case (заместитель министра), so lower the first word when it is a common noun."""
    if lang != "ru":
        return citation
    from termbank.lang import ru

    first, _, rest = citation.partition(" ")
    if ru.surname_lemma(first) is None and ru.lemma(first) == first.lower() and rest and \
            not any(p.tag.grammemes & {"Name", "Geox", "Orgn", "Surn"} for p in ru._parses(first)):
        return first.lower() + " " + rest
    return citation


def _compare(proposal: Proposal, concept: Concept) -> Proposal:
    section = concept.section(proposal.lang)
    if section is None or not section.terms:
        return proposal
    mined = _fold(proposal.text)
    for term in section.terms:  # the glossary has it already, whatever type it gave it
        if _fold(term.text) == mined:
            return replace(proposal, known=term.text, agrees=True)
    same_kind = [t for t in section.terms
                 if (t.type is TermType.ACRONYM) == (proposal.type is TermType.ACRONYM)]
    if not same_kind:
        return proposal
    mined = _fold(proposal.text)
    for term in same_kind:
        if _fold(term.text) == mined:
            return replace(proposal, known=term.text, agrees=True)
    preferred = next((t for t in same_kind if t.status is AdminStatus.PREFERRED), same_kind[0])
    return replace(proposal, known=preferred.text, agrees=False)


# -- feeding the glossary -----------------------------------------------------------------

def to_concepts(proposals: Iterable[Proposal]) -> list[Concept]:
    """Concepts holding only the mined sections, for :func:`termbank.merge.merge`.

    Agreements add nothing; a disagreement comes in only from :data:`HIGH_CONFIDENCE`, as
    an admitted variant. Every term is ``proposed`` with a ``parallel`` source per evidence
    segment. A concept mined in a language it has no term in gets a preferred term.
    """
    by_concept: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for p in proposals:
        if p.agrees or (p.agrees is False and p.confidence < HIGH_CONFIDENCE):
            continue
        terms = by_concept[p.concept][p.lang]
        if any(t.text == p.text for t in terms):
            continue
        first = p.agrees is None and p.type is not TermType.ACRONYM and not any(
            t.status is AdminStatus.PREFERRED for t in terms)
        sources = tuple(dict.fromkeys(
            Source(SourceKind.PARALLEL, e.document, f"segment {e.segment}: {e.surface}")
            for e in p.evidence))
        contexts = tuple(dict.fromkeys(Context(e.target, e.document) for e in p.evidence[:2]))
        terms.append(Term(p.text, type=p.type,
                          status=AdminStatus.PREFERRED if first else AdminStatus.ADMITTED,
                          review=Review.PROPOSED, confidence=p.confidence, sources=sources,
                          contexts=contexts,
                          note=f"mined from aligned text as the equivalent of {p.english!r}"))
    return [Concept(cid, tuple(LangSection(lang, tuple(ts)) for lang, ts in sorted(langs.items())))
            for cid, langs in sorted(by_concept.items())]


def mine_parallel(seeds_dir: Path, concepts: Iterable[Concept]) -> MiningReport:
    """Align every ``seeds/<lang>/<name>`` with ``seeds/<name>`` (lang kk, ru) and mine.

    The glossary's English–target preferred terms anchor the alignment. Proposals are
    what :func:`to_concepts` would feed to the glossary (new terms, and disagreements of
    high confidence); agreements and all disagreements are listed for the report.
    """
    from termbank.tm.align import align_texts, glossary_pairs

    concepts = list(concepts)
    seeds_dir = Path(seeds_dir)
    report = MiningReport()
    for lang in TARGET_LANGS:
        folder = seeds_dir / lang
        if not folder.is_dir():
            continue
        anchors = glossary_pairs(concepts, "en", lang)
        segments: list[_Segment] = []
        for path in sorted(folder.glob("*.txt")):
            original = seeds_dir / path.name
            if not original.is_file():
                continue
            pairs = align_texts(original.read_text(encoding="utf-8"),
                                path.read_text(encoding="utf-8"), src_lang="en", tgt_lang=lang,
                                term_pairs=anchors)
            segments += _segments(pairs, f"{seeds_dir.name}/{lang}/{path.name}", lang)
        for p in _mine(concepts, segments, lang, report.rejected):
            if p.agrees:
                report.agreements.append(p)
                continue
            if p.agrees is False:
                report.disagreements.append(p)
                if p.confidence < HIGH_CONFIDENCE:
                    continue
            report.proposals.append(p)
    return report
