"""Full names that run on in lower case after a capitalised head.

"Memorandum of Understanding on a strategic partnership on sustainable raw materials,
batteries and renewable hydrogen value chains" is one agreement: a document head written
in capitals, then "on|for|of" and a lower-case noun phrase, coordinated with commas and
"and", up to where the noun phrases stop. Where they stop is a matter of parts of speech
("… value chains is in the focus", "… cooperation that covers 29 spheres"), so the tail is
read with the term track's tagger; only text right after such a head is tagged.
"""

from __future__ import annotations

import re

from termbank.lang import en

#: a capitalised document head followed by "on|for|of" and a lower-case word
TAIL_START = re.compile(r"[ \t\xa0]+(?:on|for|of)[ \t\xa0]+[a-z]")
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\"“”\n]")
#: characters of text after the head that are tagged at most
MAX_TAIL = 240
_PREPOSITIONS = ("on", "for", "of", "in")
_DETERMINERS = ("a", "an", "the")
_CACHE: dict[str, int] = {}


def tail_end(text: str, start: int, end: int) -> int:
    """Where the full name whose capitalised part is ``text[start:end]`` ends (*end* when
    no lower-case tail follows)."""
    if not TAIL_START.match(text, end):
        return end
    stop = _CLAUSE_END.search(text, end, end + MAX_TAIL)
    snippet = text[start:stop.start() if stop else min(len(text), end + MAX_TAIL)]
    length = _CACHE.get(snippet)
    if length is None:
        length = _tail_length(snippet, end - start)
        if len(_CACHE) > 50_000:
            _CACHE.clear()
        _CACHE[snippet] = length
    return start + length if length else end


def _tail_length(snippet: str, offset: int) -> int:
    """Characters of *snippet* the name covers (0: no tail), its head being the first
    *offset* characters."""
    from termbank.extract.tagger import pipeline

    tokens = [t for t in pipeline()(snippet)]
    i = next((k for k, t in enumerate(tokens) if t.idx >= offset), len(tokens))
    end = 0
    first = True
    while i < len(tokens):
        word = tokens[i].text
        if word in ("on", "for", "of") or (not first and word in _PREPOSITIONS):
            i, phrase_end = _noun_phrase(tokens, i + 1, determiner=True)
        elif not first and word in (",", "and", "or"):
            k = i + 1
            if word == "," and k < len(tokens) and tokens[k].text in ("and", "or"):
                k += 1
            i, phrase_end = _noun_phrase(tokens, k, determiner=False)
        else:
            break
        if not phrase_end:
            break
        end, first = phrase_end, False
    return end


def _noun_phrase(tokens, k: int, *, determiner: bool) -> tuple[int, int]:
    """(index after, end offset) of the lower-case noun phrase at *k*; end 0 when none."""
    if determiner and k < len(tokens) and (tokens[k].text in _DETERMINERS
                                           or tokens[k].tag_ == "PRP$"):
        k += 1
    last_noun, j = -1, k
    while j < len(tokens):
        token = tokens[j]
        if token.text == "-" and not token.whitespace_ and j > k \
                and not tokens[j - 1].whitespace_:
            j += 1  # "low-carbon", "people-to-people": one word
            continue
        if not token.text[:1].islower() or not token.text.replace("-", "").isalpha():
            break
        if token.pos_ in ("NOUN", "PROPN"):
            last_noun = j
        elif token.pos_ == "ADJ" or (token.tag_ in ("VBN", "VBG") and j + 1 < len(tokens)
                                     and tokens[j + 1].pos_ in ("ADJ", "NOUN")):
            pass
        else:
            break
        j += 1
    if last_noun < 0 or en.is_adverbial_noun(tokens[last_noun].text):
        return k, 0
    token = tokens[last_noun]
    return last_noun + 1, token.idx + len(token.text)


__all__ = ["tail_end", "TAIL_START"]
