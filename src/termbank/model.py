"""The concept model every room of termbank speaks.

A :class:`Concept` holds one :class:`LangSection` per language tag; a section holds
:class:`Term` objects. Every term says where it came from (:class:`Source`), how far it
has been reviewed (:class:`Review`) and how sure we are of it (``confidence``). The
administrative status (preferred, admitted, …) is a separate axis: it is what the
terminologist decided about the term's use, not how much we trust it.

Objects are frozen; change them with :func:`dataclasses.replace`. This module imports
nothing of termbank's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum

#: Language tags termbank knows, in the order sections are written.
LANGS: tuple[str, ...] = ("en", "kk", "kk-Latn", "ru")


class TermType(StrEnum):
    """TBX-Basic ``termType`` values."""

    FULL_FORM = "fullForm"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"
    SHORT_FORM = "shortForm"
    VARIANT = "variant"
    PHRASE = "phrase"


class PartOfSpeech(StrEnum):
    """TBX-Basic ``partOfSpeech`` values; ``properNoun`` exists only in TBX 2008."""

    NOUN = "noun"
    PROPER_NOUN = "properNoun"
    ADJECTIVE = "adjective"
    VERB = "verb"
    ADVERB = "adverb"
    OTHER = "other"


class AdminStatus(StrEnum):
    """Whether translators should use a term (TBX ``administrativeStatus``)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"


class Gender(StrEnum):
    """TBX-Basic ``grammaticalGender`` values."""

    MASCULINE = "masculine"
    FEMININE = "feminine"
    NEUTER = "neuter"
    OTHER = "other"


class Review(StrEnum):
    """How far a term has been checked by people.

    candidate: found by a machine, nobody looked; proposed: backed by a rule or a source,
    waiting for a reviewer; approved: a person accepted it.
    """

    CANDIDATE = "candidate"
    PROPOSED = "proposed"
    APPROVED = "approved"


class SourceKind(StrEnum):
    """What kind of thing a :class:`Source` points at."""

    DOCUMENT = "document"  # a text the term was found in; ``detail`` = character span
    REFERENCE = "reference"  # a published source that attests the term; ``ref`` = URL or title
    RULE = "rule"  # a rule of ours that produced the term; ``ref`` = rule name
    IMPORT = "import"  # a file imported into the glossary
    TRANSLATOR = "translator"  # a person's edit, e.g. from a PO file
    PARALLEL = "parallel"  # aligned parallel text


@dataclass(frozen=True, slots=True)
class Source:
    """Where a term came from: a document and position, a reference, a rule, an import."""

    kind: SourceKind
    ref: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """A sentence that shows the term in use, and the document it comes from."""

    text: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """One designation of a concept in one language."""

    text: str
    type: TermType = TermType.FULL_FORM
    status: AdminStatus = AdminStatus.ADMITTED
    pos: PartOfSpeech | None = None
    gender: Gender | None = None
    review: Review = Review.CANDIDATE
    confidence: float | None = None
    sources: tuple[Source, ...] = ()
    contexts: tuple[Context, ...] = ()
    note: str | None = None

    def __post_init__(self) -> None:
        if not self.text or self.text != self.text.strip():
            raise ValueError(f"term text must be non-empty and trimmed: {self.text!r}")
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be within 0..1: {self.confidence}")


@dataclass(frozen=True, slots=True)
class LangSection:
    """The terms of one concept in one language, preferred first."""

    lang: str
    terms: tuple[Term, ...] = ()
    definition: str | None = None
    note: str | None = None

    @property
    def preferred(self) -> Term | None:
        """The term translators should use, or the first one when none is marked."""
        for term in self.terms:
            if term.status is AdminStatus.PREFERRED:
                return term
        return self.terms[0] if self.terms else None


@dataclass(frozen=True, slots=True)
class Alternative:
    """A value a merge did not take (it kept another), kept so that a person can restore it.

    *field* names what it is (``definition``, ``note``, ``status`` …); *lang* and *term* say
    whose it is when it is not the concept's own; *source* says where it came from.
    """

    field: str
    value: str
    lang: str | None = None
    term: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Concept:
    """One idea, named in several languages."""

    id: str
    sections: tuple[LangSection, ...] = ()
    kind: str | None = None
    subject_field: str | None = None
    definition: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = field(default=())
    #: ids of linked concepts (TBX crossReference): a two-hat title and each of its hats
    related: tuple[str, ...] = field(default=())
    alternatives: tuple[Alternative, ...] = ()

    def __post_init__(self) -> None:
        if not is_concept_id(self.id):
            raise ValueError(f"concept id must be an XML NCName such as 'c-epca': {self.id!r}")

    def section(self, lang: str) -> LangSection | None:
        for section in self.sections:
            if section.lang == lang:
                return section
        return None

    def preferred(self, lang: str) -> Term | None:
        section = self.section(lang)
        return section.preferred if section else None

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(s.lang for s in self.sections)

    def with_section(self, section: LangSection) -> Concept:
        """Return a copy with *section* added or replacing the one of its language."""
        others = [s for s in self.sections if s.lang != section.lang]
        return replace(self, sections=sort_sections([*others, section]))


# -- conventions shared by every room ------------------------------------------------------

_NCNAME = re.compile(r"[A-Za-z_][\w.\-]*")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_PRIMARY_SUBTAG = re.compile(r"[A-Za-z]{2,3}")
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


def is_concept_id(text: str) -> bool:
    """Concept ids become TBX ``xml:id``-like attributes, so they must be NCNames."""
    return bool(_NCNAME.fullmatch(text)) and ":" not in text


#: Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates,
#: U+FFFE/U+FFFF): text with one could not be exported to TBX, TMX or PO.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unwritable_char(text: str) -> str | None:
    """The first character of *text* no TBX, TMX or PO file could hold, as ``U+001B``; or None.

    >>> unwritable_char("EPCA"), unwritable_char("a\x1bb")
    (None, 'U+001B')
    """
    bad = _NOT_XML.search(text)
    return f"U+{ord(bad.group()):04X}" if bad else None


def is_lang_tag(text: str) -> bool:
    """A BCP 47 shaped tag with hyphens (``kk-Latn``, ``ru``); ``kk_KZ`` is not one."""
    return bool(_LANG_TAG.fullmatch(text))


def lang_subtags(tag: str) -> tuple[str, str | None, str | None] | None:
    """Language, script and region of a language tag, each in its usual case; None if malformed.

    The one parser behind every room's tag handling (TBX, TMX, PO, sentence rules), which
    then decide what to keep. ``_`` counts as ``-``, as gettext and some TMX files write it;
    variants and extensions are dropped.

    >>> lang_subtags("kk_cyrl_kz"), lang_subtags(" EN-us "), lang_subtags("de-de"), lang_subtags("x!")
    (('kk', 'Cyrl', 'KZ'), ('en', None, 'US'), ('de', None, 'DE'), None)
    """
    parts = tag.strip().replace("_", "-").split("-")
    if not _PRIMARY_SUBTAG.fullmatch(parts[0]) or not all(_SUBTAG.fullmatch(p) for p in parts[1:]):
        return None
    script = next((p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()
                   or len(p) == 3 and p.isdigit()), None)
    return parts[0].lower(), script, region


def lang_order(lang: str) -> tuple[int, str]:
    """Sort key: known languages in :data:`LANGS` order, others after, alphabetically."""
    return (LANGS.index(lang), "") if lang in LANGS else (len(LANGS), lang)


def sort_sections(sections) -> tuple[LangSection, ...]:
    return tuple(sorted(sections, key=lambda s: lang_order(s.lang)))


def slug(text: str, *, prefix: str = "c-", words_up_to: int = 0) -> str:
    """A concept id made from a term: ``Middle Corridor`` → ``c-middle-corridor``.

    The body is cut at 60 characters; with *words_up_to*, at the last whole word within
    that many characters instead, so that a long name ("High Representative … Policy –
    Vice President …") does not get the id of a shorter one it starts with.

    >>> slug("EU – Central Asia Economic Forum")
    'c-eu-central-asia-economic-forum'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    body = "-".join(words)
    if words_up_to and len(body) > words_up_to:
        cut = body.rfind("-", 0, words_up_to + 1)
        body = body[:cut] if cut > 0 else body
    body = body[:words_up_to or 60].rstrip("-") or "concept"
    return prefix + body
