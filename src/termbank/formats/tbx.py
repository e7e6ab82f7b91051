"""TBX-Basic in and out: ISO 30042:2019 (TBX v3, DCA style) and TBX 2008 ("martif").

Writing: every field of the model goes to its TBX-Basic element; what TBX-Basic has no place
for (a concept's kind, a term's review status and confidence, a proper noun in v3) goes to a
``note`` in a fixed wording that :func:`read` turns back into the field, so that
export → import → export gives the same bytes.

Reading: streaming (``lxml.etree.iterparse``); one concept in memory at a time. Both dialects,
``termSec``/``tig``/``ntig``, DCA and DCT style, and the spellings other tools write
(``Definition``, ``EN-US``, ``standardizedTerm-admn-sts`` …). No DTD is loaded, no entity is
resolved, the network is never touched; a file that declares entities is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import BinaryIO, Literal
from xml.sax.saxutils import escape, quoteattr

from termbank.errors import FormatError
from termbank.model import (
    AdminStatus,
    Concept,
    Context,
    Gender,
    LangSection,
    PartOfSpeech,
    Review,
    Source,
    SourceKind,
    Term,
    TermType,
    is_concept_id,
    lang_subtags,
    slug,
    sort_sections,
)

Dialect = Literal["v3", "2008"]
TBX_NS = "urn:iso:std:iso:30042:ed-2"
DCT_NAMESPACES = ("http://www.tbxinfo.net/ns/basic", "http://www.tbxinfo.net/ns/min")
GENERATOR = "termbank"

_STATUS_OUT = {
    AdminStatus.PREFERRED: "preferredTerm-admn-sts",
    AdminStatus.ADMITTED: "admittedTerm-admn-sts",
    AdminStatus.DEPRECATED: "deprecatedTerm-admn-sts",
    AdminStatus.SUPERSEDED: "supersededTerm-admn-sts",
}
_STATUS_IN = {
    "preferredterm-admn-sts": AdminStatus.PREFERRED, "preferred": AdminStatus.PREFERRED,
    "standardizedterm-admn-sts": AdminStatus.PREFERRED, "legalterm-admn-sts": AdminStatus.PREFERRED,
    "regulatedterm-admn-sts": AdminStatus.PREFERRED,
    "admittedterm-admn-sts": AdminStatus.ADMITTED, "admitted": AdminStatus.ADMITTED,
    "deprecatedterm-admn-sts": AdminStatus.DEPRECATED, "deprecated": AdminStatus.DEPRECATED,
    "forbidden": AdminStatus.DEPRECATED, "forbiddenterm-admn-sts": AdminStatus.DEPRECATED,
    "supersededterm-admn-sts": AdminStatus.SUPERSEDED, "superseded": AdminStatus.SUPERSEDED,
    "obsolete": AdminStatus.SUPERSEDED,
}
_TYPE_IN = {t.value.lower(): t for t in TermType} | {
    "full form": TermType.FULL_FORM, "short form": TermType.SHORT_FORM,
    "abbreviated form": TermType.ABBREVIATION, "abbreviatedform": TermType.ABBREVIATION,
    "initialism": TermType.ACRONYM, "synonym": TermType.VARIANT,
}
_POS_IN = {p.value.lower(): p for p in PartOfSpeech} | {
    "proper noun": PartOfSpeech.PROPER_NOUN, "n": PartOfSpeech.NOUN, "adj": PartOfSpeech.ADJECTIVE,
    "v": PartOfSpeech.VERB, "adv": PartOfSpeech.ADVERB,
}
_GENDER_IN = {g.value: g for g in Gender} | {
    "m": Gender.MASCULINE, "f": Gender.FEMININE, "n": Gender.NEUTER}

# Notes that carry model fields TBX-Basic has no element for; read() turns them back.
_KIND_NOTE = "Concept kind: "
_REVIEW_NOTE = re.compile(r"^Review: (candidate|proposed|approved)(?:; confidence: ([0-9.]+))?$")
_PROPER_NOUN_NOTE = "Part of speech: proper noun"
_SOURCE_TEXT = re.compile(r"^(" + "|".join(k.value for k in SourceKind) + r"): (.+?)(?: \| (.+))?$",
                          re.S)


# -- writing ---------------------------------------------------------------------------------

def write(stream: BinaryIO, concepts: Iterable[Concept], *, dialect: Dialect = "v3",
          source_lang: str = "en", title: str = "termbank glossary") -> None:
    """Write *concepts* as a TBX-Basic file; deterministic for the same input."""
    if dialect not in ("v3", "2008"):
        raise ValueError(f"unknown TBX dialect {dialect!r}: use 'v3' or '2008'")
    v3 = dialect == "v3"
    out = _Out(stream)
    out.line('<?xml version="1.0" encoding="UTF-8"?>')
    if v3:
        out.line('<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/'
                 'master/TBXcoreStructV03.rng" type="application/xml" '
                 'schematypens="http://relaxng.org/ns/structure/1.0"?>')
        out.line('<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/'
                 'master/DCA/TBX-Basic_DCA.sch" type="application/xml" '
                 'schematypens="http://purl.oclc.org/dsdl/schematron"?>')
        out.line(f'<tbx type="TBX-Basic" style="dca" xml:lang={quoteattr(source_lang)} '
                 f'xmlns="{TBX_NS}">')
        out.line("<tbxHeader>", 1)
    else:
        out.line('<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">')
        out.line(f'<martif type="TBX-Basic" xml:lang={quoteattr(source_lang)}>')
        out.line("<martifHeader>", 1)
    out.line("<fileDesc>", 2)
    out.line(f"<titleStmt><title>{escape(title)}</title></titleStmt>", 3)
    out.line(f"<sourceDesc><p>Written by {GENERATOR}.</p></sourceDesc>", 3)
    out.line("</fileDesc>", 2)
    if v3:
        out.line("</tbxHeader>", 1)
    else:
        out.line('<encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>', 2)
        out.line("</martifHeader>", 1)
    out.line("<text>", 1)
    out.line("<body>", 2)
    for concept in concepts:
        _write_concept(out, concept, v3=v3)
    out.line("</body>", 2)
    out.line("</text>", 1)
    out.line("</tbx>" if v3 else "</martif>")
    out.flush()


class _Out:
    """Buffered UTF-8 line writer with two-space indentation."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.parts = stream, []

    def line(self, text: str, depth: int = 0) -> None:
        self.parts.append("  " * depth + text + "\n")
        if len(self.parts) > 4096:
            self.flush()

    def flush(self) -> None:
        self.stream.write("".join(self.parts).encode("utf-8"))
        self.parts = []


def _el(name: str, text: str, **attrs: str) -> str:
    at = "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
    return f"<{name}{at}>{escape(_one_line(text))}</{name}>"


def _one_line(text: str) -> str:
    """OmegaT shows element text verbatim: keep line breaks out of it, but reversibly."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _write_concept(out: _Out, c: Concept, *, v3: bool) -> None:
    entry, sec, term_el = ("conceptEntry", "langSec", "termSec") if v3 else ("termEntry", "langSet", "tig")
    out.line(f"<{entry} id={quoteattr(c.id)}>", 3)
    if c.subject_field:
        out.line(_el("descrip", c.subject_field, type="subjectField"), 4)
    if c.definition:
        out.line(_el("descrip", c.definition, type="definition"), 4)
    for source in c.sources:
        out.line(_el("admin", source, type="source"), 4)
    if c.kind:
        out.line(_el("note", _KIND_NOTE + c.kind), 4)
    if c.note:
        out.line(_el("note", c.note), 4)
    for target in c.related:
        out.line(_el("ref", target, type="crossReference", target=target), 4)
    for section in c.sections:
        out.line(f"<{sec} xml:lang={quoteattr(section.lang)}>", 4)
        if section.definition:
            out.line(_el("descrip", section.definition, type="definition"), 5)
        if section.note:
            out.line(_el("note", section.note), 5)
        for term in section.terms:
            out.line(f"<{term_el}>", 5)
            _write_term(out, term, v3=v3)
            out.line(f"</{term_el}>", 5)
        out.line(f"</{sec}>", 4)
    out.line(f"</{entry}>", 3)


def _write_term(out: _Out, t: Term, *, v3: bool) -> None:
    d = 6
    out.line(_el("term", t.text), d)
    out.line(_el("termNote", t.type.value, type="termType"), d)
    if t.pos is not None:
        pos = "noun" if (v3 and t.pos is PartOfSpeech.PROPER_NOUN) else t.pos.value
        out.line(_el("termNote", pos, type="partOfSpeech"), d)
    out.line(_el("termNote", _STATUS_OUT[t.status], type="administrativeStatus"), d)
    if t.gender is not None:
        out.line(_el("termNote", t.gender.value, type="grammaticalGender"), d)
    for ctx in t.contexts:
        if ctx.source:
            out.line("<descripGrp>", d)
            out.line(_el("descrip", ctx.text, type="context"), d + 1)
            out.line(_el("admin", ctx.source, type="source"), d + 1)
            out.line("</descripGrp>", d)
        else:
            out.line(_el("descrip", ctx.text, type="context"), d)
    for s in t.sources:
        text = f"{s.kind.value}: {s.ref}" + (f" | {s.detail}" if s.detail else "")
        out.line(_el("admin", text, type="source"), d)
    review = f"Review: {t.review.value}"
    if t.confidence is not None:
        review += f"; confidence: {t.confidence:g}"
    out.line(_el("note", review), d)
    if v3 and t.pos is PartOfSpeech.PROPER_NOUN:
        out.line(_el("note", _PROPER_NOUN_NOTE), d)
    if t.note:
        out.line(_el("note", t.note), d)


# -- reading ---------------------------------------------------------------------------------

_ENTRY = {"conceptEntry", "termEntry"}
_LINKS = {"externalcrossreference", "xgraphic"}
_SECTION = {"langSec", "langSet"}
_TERM_HOLDERS = {"termSec", "tig", "ntig"}


def read(stream: BinaryIO, *, source: str = "<stream>",
         on_error: Callable[[FormatError], None] | None = None,
         lang_check: Callable[[str], bool] | None = None) -> Iterator[Concept]:
    """Yield the concepts of a TBX v3 or TBX 2008 file, one at a time.

    :param lang_check: called with each language tag; return False to reject it as unknown.
    :raises FormatError: with the line of the problem; with *on_error*, bad entries are passed
        to it and skipped, but a file that is not well-formed XML always raises.
    """
    from lxml import etree

    head = stream.read(65536)
    if not head.strip():
        raise FormatError("empty file", source=source, line=1)
    reader = _Rejoined(head, stream)
    # Only the elements we act on produce events: lxml's C loop skips the rest (2x faster).
    events = etree.iterparse(reader, events=("end",), tag=("{*}conceptEntry", "{*}termEntry",
                                                           "{*}sourceDesc"),
                             resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    ours = False
    seq = 0
    try:
        for _event, el in events:
            if seq == 0 and not ours:
                refuse_declarations(el.getroottree(), source, head)
                _check_root(el.getroottree().getroot(), source)
            name = _local(el)
            if name == "sourceDesc":
                ours = f"Written by {GENERATOR}." in "".join(el.itertext())
                continue
            seq += 1
            try:
                yield _concept(el, source=source, seq=seq, ours=ours, lang_check=lang_check)
            except FormatError as exc:
                if on_error is None:
                    raise
                on_error(exc)
            el.clear(keep_tail=False)
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        line = max(1, (exc.position[0] if getattr(exc, "position", None) else exc.lineno) or 1)
        msg = exc.msg if hasattr(exc, "msg") and exc.msg else str(exc)
        raise FormatError(f"not well-formed XML: {_clean(msg)}", source=source, line=line) from None
    if events.root is None:
        raise FormatError("no XML element found", source=source, line=1)
    refuse_declarations(events.root.getroottree(), source, head)
    _check_root(events.root, source)


def _check_root(root, source: str) -> None:
    from lxml import etree

    name = etree.QName(root)
    if name.localname == "tbx" and name.namespace != TBX_NS:
        raise FormatError(f"<tbx> must be in namespace {TBX_NS}, found {name.namespace!r}",
                          source=source, line=root.sourceline)
    if name.localname not in ("tbx", "martif"):
        raise FormatError(f"not a TBX file: root element is <{name.localname}>, expected "
                          "<tbx> (TBX v3) or <martif> (TBX 2008)", source=source,
                          line=root.sourceline)


def _clean(msg: str) -> str:
    return re.sub(r",? line \d+, column \d+.*$", "", msg).strip()


class _Rejoined:
    """A file object that gives back the bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if self.head:
            if size is None or size < 0:
                data, self.head = self.head + self.rest.read(), b""
                return data
            data, self.head = self.head[:size], self.head[size:]
            return data
        return self.rest.read(size)


def refuse_declarations(tree, source: str, head: bytes = b"") -> None:
    """Entity and element declarations are how XML bombs and external-entity attacks start.

    Checked on what the parser read (the document's internal DTD), not on the file's first
    bytes, so a declaration after a comment, after a long prolog or in UTF-16 is refused too.
    A plain ``<!DOCTYPE martif SYSTEM "…dtd">`` declares nothing and is accepted. *head*, the
    file's first bytes, only helps to name the DOCTYPE's line.
    """
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    if any(True for _ in dtd.iterentities()):
        what = "entities; termbank never expands entities"
    elif any(True for _ in dtd.iterelements()):
        what = "elements; termbank reads no declarations"
    else:
        return
    root = tree.getroot()
    found = re.search(rb"<!(ENTITY|ELEMENT)", head) or re.search(rb"<!DOCTYPE", head)
    at = found.start() if found else -1
    line = head.count(b"\n", 0, at) + 1 if at >= 0 else (root.sourceline if root is not None
                                                         else 1)
    raise FormatError(f"the DOCTYPE declares {what} (external entities and entity-expansion "
                      "bombs are refused)", source=source, line=line)


def refuse_entity_references(el, source: str) -> None:
    """An entity reference the parser left unexpanded would end up as text like ``&xxe;``."""
    from lxml import etree

    for ref in el.iter(etree.Entity):
        raise FormatError(f"entity reference {ref.text} is not allowed: write the character "
                          "itself or a character reference such as &#233;", source=source,
                          line=ref.sourceline or el.sourceline)


_LOCAL_NAMES: dict[str, str] = {}


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = _LOCAL_NAMES[tag] = tag.rsplit("}", 1)[-1]
    return name


def _text(el) -> str:
    """Element text; line breaks of pretty-printed foreign files folded, ours unescaped."""
    text = el.text or "" if len(el) == 0 else "".join(el.itertext())
    if "\n" in text:
        text = " ".join(text.split())
    else:
        text = text.strip()
    return _unescape_line(text) if "\\" in text else text


def _unescape_line(text: str) -> str:
    return re.sub(r"\\(\\|n)", lambda m: "\n" if m.group(1) == "n" else "\\", text)


def _category(el, name: str) -> tuple[str, str] | None:
    """(data category, value) of a DCA element (``termNote type=…``) or a DCT element."""
    if name in ("termNote", "descrip", "admin"):
        kind = (el.get("type") or "").replace(" ", "").lower()
        return kind, _text(el)
    ns = el.tag[1:].split("}")[0] if isinstance(el.tag, str) and el.tag.startswith("{") else None
    if ns in DCT_NAMESPACES:
        return name.lower(), _text(el)
    return None


def _lang_of(el, source: str, lang_check) -> str:
    raw = el.get("{http://www.w3.org/XML/1998/namespace}lang") or el.get("lang")
    if not raw:
        raise FormatError(f"<{_local(el)}> has no xml:lang", source=source, line=el.sourceline)
    tag = normalise_lang(raw)
    if tag is None or (lang_check is not None and not lang_check(tag)):
        raise FormatError(f"unknown language code {raw!r} in xml:lang", source=source,
                          line=el.sourceline)
    return tag


@lru_cache(maxsize=1024)
def normalise_lang(raw: str) -> str | None:
    """``EN-US`` → ``en``, ``kk-Cyrl-KZ`` → ``kk``, ``kk_Latn`` → ``kk-Latn``; None if malformed.

    The region is dropped for our languages (one Kazakh section, not kk and kk-KZ side by side);
    the script is kept where it changes what the terms look like (Latin Kazakh).

    >>> [normalise_lang(t) for t in ("EN-US", "kk-KZ", "kk-Latn", "ru_RU", "de-AT", "x!")]
    ['en', 'kk', 'kk-Latn', 'ru', 'de-AT', None]
    """
    subtags = lang_subtags(raw)
    if subtags is None:
        return None
    lang, script, region = subtags
    lang = {"eng": "en", "kaz": "kk", "rus": "ru"}.get(lang, lang)
    if lang in ("en", "ru", "kk"):
        return "kk-Latn" if (lang, script) == ("kk", "Latn") else lang
    return "-".join(p for p in (lang, script, region) if p)


def _concept(el, *, source: str, seq: int, ours: bool, lang_check) -> Concept:
    refuse_entity_references(el, source)
    cid = el.get("id")
    notes: list[str] = []
    kind = subject = definition = concept_pos = None
    sources: list[str] = []
    related: list[str] = []
    sections: dict[str, LangSection] = {}
    for child in el:
        name = _local(child)
        if name in _SECTION:
            lang = _lang_of(child, source, lang_check)
            section, found = _section(child, lang, source=source, ours=ours)
            sources.extend(found)
            if lang in sections:  # two langSets of one language: one section
                old = sections[lang]
                extra: list[str] = []
                section = LangSection(lang, old.terms + section.terms,
                                      _first_definition(old.definition, section.definition, extra),
                                      _join(old.note, section.note, *extra))
            sections[lang] = section
            continue
        cat = _category(child, name)
        if cat is not None:
            key, value = cat
            if key in ("subjectfield", "subject") and value:
                subject = value
            elif key in ("definition", "") and name == "descrip" and value or key == "definition":
                definition = _first_definition(definition, value, notes)
            elif key in ("partofspeech", "") and name == "termNote" and value.lower() in _POS_IN:
                concept_pos = _POS_IN[value.lower()]
            else:
                _keep_category(child, key, value, notes, sources)
        elif name == "descripGrp":
            d, extra = _descrip_group(child)
            if d and d[0] == "definition":
                definition = _first_definition(definition, d[1], notes)
                sources.extend(extra)
            elif d:
                notes.append(f"{d[0]}: {d[1]}")
        elif name == "note":
            text = _text(child)
            if text.startswith(_KIND_NOTE):
                kind = text[len(_KIND_NOTE):]
            elif text:
                notes.append(_note_text(child, text))
        elif name == "transacGrp":
            notes.append(_transaction(child))
        elif name == "xref" and child.get("target"):
            sources.append(child.get("target"))
        elif (name == "ref" and child.get("type") == "crossReference"
              and is_concept_id(child.get("target") or "")):
            related.append(child.get("target"))
        elif name == "ref":
            notes.append(f"see also: {_text(child) or child.get('target')}")
    if not sections:
        raise FormatError(f"<{_local(el)}> has no language section", source=source,
                          line=el.sourceline)
    if not cid or not is_concept_id(cid):
        cid = _safe_id(_first_term(sections), seq)
    if concept_pos is not None:  # a part of speech given for the whole entry (translate-toolkit)
        sections = {lang: replace(sec, terms=tuple(t if t.pos else replace(t, pos=concept_pos)
                                                   for t in sec.terms))
                    for lang, sec in sections.items()}
    return Concept(id=cid, sections=sort_sections(sections.values()), kind=kind,
                   subject_field=subject, definition=definition, note=_join(*notes),
                   sources=tuple(dict.fromkeys(sources)), related=tuple(dict.fromkeys(related)))


def _first_definition(first: str | None, another: str | None, notes: list[str]) -> str | None:
    """One definition per entry: the first is kept, a different later one becomes a note."""
    if not first:
        return another or first
    if another and another != first:
        notes.append(f"definition: {another}")
    return first


def _safe_id(base: str, seq: int) -> str:
    """Ids other tools write (``1``, ``_1``) are not NCNames: name the concept by its first term.

    Numbering would merge unrelated concepts of two files that both start at ``1``.
    """
    made = slug(base)
    return made if made != "c-concept" else f"c-{seq}"


def _first_term(sections: dict[str, LangSection]) -> str:
    for lang in ("en", *sections):
        sec = sections.get(lang)
        if sec and sec.terms:
            return sec.terms[0].text
    return ""


def _section(el, lang: str, *, source: str, ours: bool) -> tuple[LangSection, list[str]]:
    """The section, and the sources given at its level (they belong to the concept)."""
    terms, notes, sources = [], [], []
    definition = None
    for child in el:
        name = _local(child)
        if name in _TERM_HOLDERS:
            terms.append(_term(child, source=source, ours=ours))
            continue
        cat = _category(child, name)
        if cat is not None:
            key, value = cat
            if key == "definition" and value:
                definition = _first_definition(definition, value, notes)
            else:
                _keep_category(child, key, value, notes, sources)
        elif name == "descripGrp":
            d, extra = _descrip_group(child)
            sources.extend(extra)
            if d and d[0] == "definition":
                definition = _first_definition(definition, d[1], notes)
            elif d:
                notes.append(f"{d[0]}: {d[1]}")
        elif name == "note" and _text(child):
            notes.append(_note_text(child, _text(child)))
        elif name == "transacGrp":
            notes.append(_transaction(child))
    if not terms:
        raise FormatError(f"<{_local(el)} xml:lang={lang!r}> holds no term", source=source,
                          line=el.sourceline)
    return LangSection(lang, tuple(terms), definition, _join(*notes)), sources


def _keep_category(child, key: str, value: str, notes: list[str], sources: list[str]) -> None:
    """A concept- or section-level category without a field: sources and links go to the
    concept's sources, anything else with a value to the note, readable."""
    if key == "source" and value:
        sources.append(value)
    elif key in _LINKS and child.get("target"):
        sources.append(child.get("target"))
    elif value:
        notes.append(f"{child.get('type') or key}: {value}")


def _term(el, *, source: str, ours: bool) -> Term:
    fields: dict = {}
    notes, sources, contexts = [], [], []
    proper_noun = False
    text = None
    children = list(el)
    if _local(el) == "ntig":  # ntig: termGrp(term, termNote*) then auxInfo
        grp = [c for c in children if _local(c) == "termGrp"]
        children = (list(grp[0]) if grp else []) + [c for c in children if _local(c) != "termGrp"]
    for child in children:
        name = _local(child)
        if name == "term":
            text = _text(child)
            continue
        if name == "descripGrp":
            d, extra = _descrip_group(child)
            if d and d[0] == "context":
                if d[1].strip():  # an empty context says nothing: the model holds none
                    contexts.append(Context(d[1], extra[0] if extra else None))
            elif d:
                notes.append(f"{d[0]}: {d[1]}")
            continue
        if name == "note":
            note = _text(child)
            review = _REVIEW_NOTE.match(note)
            if review:
                fields["review"] = Review(review.group(1))
                if review.group(2):
                    fields["confidence"] = _confidence(review.group(2), source, child.sourceline)
            elif note == _PROPER_NOUN_NOTE:
                proper_noun = True
            elif note:
                notes.append(_note_text(child, note))
            continue
        if name == "transacGrp":
            notes.append(_transaction(child))
            continue
        cat = _category(child, name)
        if cat is None:
            continue
        key, value = cat
        low = value.lower()
        if key == "termtype" and low in _TYPE_IN:
            fields["type"] = _TYPE_IN[low]
        elif key == "partofspeech" and low in _POS_IN:
            fields["pos"] = _POS_IN[low]
        elif key in ("administrativestatus", "normativeauthorization") and low in _STATUS_IN:
            fields["status"] = _STATUS_IN[low]
        elif key == "grammaticalgender" and low in _GENDER_IN:
            fields["gender"] = _GENDER_IN[low]
        elif key == "context":
            if value.strip():
                contexts.append(Context(value))
        elif key == "source" and value:
            sources.append(_source(value))
        elif key in _LINKS and child.get("target"):
            sources.append(Source(SourceKind.REFERENCE, child.get("target")))
        elif value:  # a category we hold no field for: keep it, readable, in the note
            notes.append(f"{child.get('type') or key}: {value}")
    if not text:
        raise FormatError(f"<{_local(el)}> has no <term> text", source=source, line=el.sourceline)
    if proper_noun and fields.get("pos") is PartOfSpeech.NOUN:
        fields["pos"] = PartOfSpeech.PROPER_NOUN
    if not sources and not ours:
        sources.append(Source(SourceKind.IMPORT, source.rsplit("/", 1)[-1],
                              f"line {el.sourceline}"))
    return Term(text=text, sources=tuple(sources), contexts=tuple(contexts),
                note=_join(*notes), **fields)


def _confidence(text: str, source: str, line: int | None) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise FormatError(f"confidence must be a number from 0 to 1, not {text!r}",
                          source=source, line=line)
    return value


def _source(text: str) -> Source:
    m = _SOURCE_TEXT.match(text)
    if m:
        return Source(SourceKind(m.group(1)), m.group(2), m.group(3))
    return Source(SourceKind.REFERENCE, text)


def _descrip_group(el) -> tuple[tuple[str, str] | None, list[str]]:
    main, extra = None, []
    for child in el:
        name = _local(child)
        cat = _category(child, name)
        if cat is None:
            continue
        if name == "descrip" or (main is None and cat[0] in ("definition", "context")):
            main = cat
        elif cat[0] == "source" and cat[1]:
            extra.append(cat[1])
    return main, extra


def _transaction(el) -> str:
    parts = []
    for child in el:
        value = _text(child)
        if value:
            parts.append(value)
    return "transaction: " + " ".join(parts)


def _note_text(el, text: str) -> str:
    origin = el.get("from")
    return f"{origin}: {text}" if origin else text


def _join(*parts: str | None) -> str | None:
    kept = [p for p in parts if p]
    return "\n".join(kept) if kept else None
