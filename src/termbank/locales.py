"""The glossary in gettext catalogs: update them in place, take translators' edits back, check.

``locales/glossary.pot`` and ``locales/<locale>/LC_MESSAGES/glossary.po`` (+ ``.mo``) hold the
glossary for localisation teams (Poedit, Weblate, Pootle). The rules of :func:`update` are
those of ``msgmerge -N --previous`` with one more promise: nothing a translator typed is lost.

* An entry is found again by its ``msgctxt`` (the concept id) and ``msgid`` (the English term).
* A ``msgstr`` that still says what the glossary said last time (recorded in the entry's
  ``Glossary:`` note) follows the glossary; one that differs is the translator's and is kept
  and reported.
* When a concept's English term changed, its old entry becomes the new one, ``#, fuzzy``, with
  the old English kept as ``#| msgid``; an entry no concept wants any more becomes obsolete
  (``#~``), and comes back to life if its concept returns.

:func:`import_edits` turns translators' finished (non-fuzzy) edits into proposals for
:func:`termbank.merge.merge`; :func:`check` finds translations that do not use the glossary.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

import polib

from termbank.errors import FormatError
from termbank.files import StagedFiles
from termbank.formats import po
from termbank.merge import merge
from termbank.model import LANGS, AdminStatus, Concept, LangSection, Review, Source, \
    SourceKind, Term, is_lang_tag, unwritable_char

#: File name (without suffix) of the glossary catalogs.
DOMAIN = "glossary"
DEFAULT_PROJECT = "termbank glossary"
#: What ``Last-Translator`` says in a catalog nobody has edited yet.
DEFAULT_TRANSLATOR = "termbank (glossary export)"
#: Target languages every update writes, whatever the glossary holds.
BASE_TARGETS = ("kk", "kk-Latn", "ru")
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("termbank")
    except PackageNotFoundError:
        return "0"


#: ``X-Generator`` of the catalogs we write (as Poedit, Weblate and Lokalize name themselves).
GENERATOR = f"termbank {_version()}"
_PLACEHOLDERS = {"FULL NAME <EMAIL@ADDRESS>", "LANGUAGE <LL@li.org>", "PACKAGE VERSION", ""}
_ENFORCED = {"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
             "Content-Transfer-Encoding": "8bit"}
_POT_DATE = re.compile(rb'"POT-Creation-Date: ([0-9: +-]+)\\n"')
_HEADER_COMMENT = ("Glossary terms for translation into {name}.\n"
                   "Entries marked fuzzy are unapproved suggestions. Edit msgstr to propose\n"
                   "your own term: 'termbank locales import' takes it back for review.")


def catalog_path(locales_dir: Path, lang: str, suffix: str = ".po") -> Path:
    """``locales/kk@latin/LC_MESSAGES/glossary.po`` for glossary language ``kk-Latn``."""
    return Path(locales_dir) / po.gettext_locale(lang) / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def template_path(locales_dir: Path) -> Path:
    return Path(locales_dir) / f"{DOMAIN}.pot"


def target_langs(concepts: Iterable[Concept]) -> list[str]:
    """kk, kk-Latn and ru, then any other non-English language the glossary holds."""
    found = {s.lang for c in concepts for s in c.sections} - {"en", *BASE_TARGETS}
    known = [lang for lang in LANGS if lang in found]
    return [*BASE_TARGETS, *known, *sorted(found - set(known))]


# -- update ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class KeptEdit:
    """A translator's msgstr that differs from the glossary and was kept."""

    concept: str
    msgid: str
    translation: str
    glossary: str
    line: int | None


@dataclass(frozen=True)
class SourceChange:
    """An entry whose English term changed: now fuzzy, with the old English as ``#| msgid``."""

    concept: str
    msgid: str
    previous: str
    translation: str


@dataclass
class CatalogUpdate:
    """What one update did to one language's catalog."""

    lang: str
    path: str
    created: bool = False
    changed: bool = False
    entries: int = 0
    added: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    kept: list[KeptEdit] = field(default_factory=list)
    fuzzy: list[SourceChange] = field(default_factory=list)
    obsolete: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)
    header_fixed: list[str] = field(default_factory=list)
    #: True when a msgstr we write differs from the old file's (the revision date moves).
    msgstr_changed: bool = False


@dataclass
class UpdateReport:
    template: str
    template_changed: bool
    catalogs: list[CatalogUpdate]
    written: list[str]


def update(concepts: Sequence[Concept], locales_dir: Path, *, now: datetime | None = None,
           langs: Sequence[str] | None = None, project: str = DEFAULT_PROJECT,
           staged: StagedFiles | None = None,
           progress: Callable[[str], None] | None = None) -> UpdateReport:
    """Write the template, the PO and the MO file of every target language, in place.

    Every existing catalog is read (strictly) before anything is written, and all files are
    written in one step: when any of them is malformed, nothing changes. A file whose text
    would not change is not written (no new dates); the MO file is rewritten whenever it
    differs from its PO file. The template is ours alone and is compared as text.

    With *staged* (an open transaction, e.g. :meth:`termbank.glossary.Glossary.writing`) the
    files join it and are switched in when it commits.

    :raises FormatError: for a malformed existing catalog, or one whose ``Language`` header
        names another language than its folder.
    """
    now = now or datetime.now(timezone.utc).replace(second=0, microsecond=0)
    locales_dir = Path(locales_dir)
    langs = list(langs) if langs is not None else target_langs(concepts)
    # every input is read and checked before the first file is staged
    olds: dict[str, po.Catalog | None] = {}
    for lang in langs:
        old = olds[lang] = _read_existing(catalog_path(locales_dir, lang))
        if old is not None:
            _check_language(old, lang)

    own = staged is None
    with contextlib.ExitStack() as stack:
        if own:
            staged = stack.enter_context(StagedFiles())
        pot_path = template_path(locales_dir)
        pot = po.new_catalog(po.header(None, project=project, now=now, translator=""),
                             comment=f"Template of the {project}: the English terms, one per "
                                     "concept term.")
        for entry in po.glossary_entries(concepts):
            pot.append(entry)
        # the template is ours alone: compare it as text, with the date it already carries
        old_date = None
        if pot_path.is_file():
            with pot_path.open("rb") as f:
                old_date = _POT_DATE.search(f.read(4096))
        if old_date is not None:
            pot.metadata["POT-Creation-Date"] = old_date.group(1).decode("ascii")
        template_changed = _stage_if_changed(staged, pot_path, pot, "POT-Creation-Date",
                                             po.format_date(now))
        pot_date = pot.metadata["POT-Creation-Date"]
        del pot

        reports = []
        for lang in langs:
            if progress is not None:
                progress(lang)
            path = catalog_path(locales_dir, lang)
            # the old catalog's entries are let go as soon as they are merged
            catalog, report = update_catalog(concepts, lang, olds.pop(lang), pot_date=pot_date,
                                             now=now, project=project)
            report.path = str(path)
            if report.msgstr_changed:
                # like a PO editor: the revision date and the tool name move with a msgstr
                catalog.metadata["X-Generator"] = GENERATOR
            report.changed = _stage_if_changed(
                staged, path, catalog, "PO-Revision-Date" if report.msgstr_changed else None,
                po.format_date(now))
            # the MO file also after a translator's edit left the PO as we write it
            _stage_if_changed(staged, catalog_path(locales_dir, lang, ".mo"),
                              po.mo_chunks(catalog))
            del catalog
            reports.append(report)
        written = [str(p) for p in staged.paths if Path(p).is_relative_to(locales_dir)]
        if own:
            staged.commit()
    return UpdateReport(template=str(pot_path), template_changed=template_changed,
                        catalogs=reports, written=written)


def _stage_if_changed(staged: StagedFiles, path: Path, text: polib.POFile | Iterable[bytes],
                      date_field: str | None = None, date: str | None = None) -> bool:
    """Stage the new text of *path* unless the file holds it already; True when staged.

    *text* is a catalog (its PO text) or the bytes of the file in pieces. A catalog whose text
    changes gets *date* in *date_field* first. The text is written to disk as it is made and
    compared with the old file as it goes, so neither is held in memory.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        old = stack.enter_context(path.open("rb")) if path.is_file() else None
        if not isinstance(text, polib.POFile):
            def write(f: BinaryIO) -> bool:
                return _copy_comparing(text, f, old)

            if staged.write(path, write):
                staged.drop(path)
                return False
            return True
        body = stack.enter_context(tempfile.TemporaryFile(dir=path.parent))
        chunks = po.render_chunks(text)
        head = next(chunks)
        same = old is not None and old.read(len(head)) == head
        if _copy_comparing(chunks, body, old if same else None):
            return False
        if date_field is not None:
            text.metadata[date_field] = date
        head = next(po.render_chunks(text))

        def write_with_header(f: BinaryIO) -> None:
            f.write(head)
            body.seek(0)
            shutil.copyfileobj(body, f, 1 << 20)

        staged.write(path, write_with_header)
        return True


def _copy_comparing(chunks: Iterable[bytes], out: BinaryIO, old: BinaryIO | None) -> bool:
    """Write *chunks* to *out*; True when they are exactly the rest of *old*."""
    same = old is not None
    for chunk in chunks:
        if same:
            same = old.read(len(chunk)) == chunk
        out.write(chunk)
    return same and old.read(1) == b""


def _read_existing(path: Path) -> po.Catalog | None:
    if not path.is_file():
        return None
    return po.parse_file(path)


def _check_language(catalog: po.Catalog, lang: str) -> None:
    declared = catalog.language
    if declared and po.glossary_lang(declared) != lang:
        raise FormatError(f"Language is {declared!r} but this is the catalog of "
                          f"{po.gettext_locale(lang)!r}", source=catalog.source,
                          line=catalog.line_of("Language"))


def update_catalog(concepts: Sequence[Concept], lang: str, old: po.Catalog | None, *,
                   pot_date: str, now: datetime, project: str = DEFAULT_PROJECT,
                   ) -> tuple[polib.POFile, CatalogUpdate]:
    """The new catalog of *lang* from the glossary and the translators' *old* one.

    Dates are left as *old* had them (a caller sets ``PO-Revision-Date`` when the text
    changed); ``POT-Creation-Date`` is *pot_date*.
    """
    report = CatalogUpdate(lang=lang, path="", created=old is None)
    catalog = _merged_header(lang, old, pot_date=pot_date, now=now, project=project,
                             report=report)
    new_entries = list(po.glossary_entries(concepts, lang))
    old_entries = list(old.po) if old is not None else []
    active = {e.key: e for e in old_entries if not e.obsolete}
    obsolete = {e.key: e for e in old_entries if e.obsolete}
    used: set[int] = set()
    paired: dict[int, int] = {}  # id of a merged entry → id of the old entry it continues
    merged: list[po.Entry | None] = []
    for new in new_entries:
        previous = active.get(new.key)
        revived = previous is None and new.key in obsolete
        previous = previous or obsolete.get(new.key)
        if previous is None:
            merged.append(None)
            continue
        used.add(id(previous))
        merged.append(_merge_entry(new, previous, report))
        paired[id(new)] = id(previous)
        if revived:
            report.revived.append(_label(new))
    # entries whose English changed: pair them with an unused old entry of the same concept
    unused_by_concept: dict[str | None, list[po.Entry]] = {}
    for entry in old_entries:
        if not entry.obsolete and id(entry) not in used and not entry.msgid_plural:
            unused_by_concept.setdefault(entry.msgctxt, []).append(entry)
    for i, new in enumerate(new_entries):
        if merged[i] is not None:
            continue
        candidates = unused_by_concept.get(new.msgctxt) or []
        if candidates:
            previous = candidates.pop(0)
            used.add(id(previous))
            merged[i] = _source_changed(new, previous, report)
            paired[id(new)] = id(previous)
        else:
            merged[i] = new
            report.added.append(_label(new))
    old_msgstr = {id(e): e.msgstr for e in old_entries}
    report.msgstr_changed = old is None or any(
        entry.msgstr != old_msgstr.get(paired.get(id(entry)), "") for entry in merged)
    for entry in merged:
        catalog.append(entry)
    for entry in old_entries:
        if id(entry) in used:
            continue
        if not entry.obsolete:
            report.obsolete.append(_label(entry))
            entry.obsolete = True
            entry.occurrences = []
        catalog.append(entry)
    report.entries = len(new_entries)
    return catalog, report


def _label(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}: {entry.msgid}" if entry.msgctxt else entry.msgid


def _merged_header(lang: str, old: po.Catalog | None, *, pot_date: str, now: datetime,
                   project: str, report: CatalogUpdate) -> polib.POFile:
    fresh = po.header(lang, project=project, now=now, translator=DEFAULT_TRANSLATOR)
    fresh["POT-Creation-Date"] = pot_date
    fresh["X-Generator"] = GENERATOR
    if old is None:
        return po.new_catalog(fresh, comment=_HEADER_COMMENT.format(name=po.language_name(lang)))
    metadata = dict(old.po.metadata)
    metadata["POT-Creation-Date"] = pot_date
    required = {**_ENFORCED, "Language": po.gettext_locale(lang)}
    if not po.same_plural_rule(metadata.get("Plural-Forms", ""), lang):
        required["Plural-Forms"] = po.plural_forms(lang)  # another tool's equal rule is kept
    for key, value in required.items():
        if metadata.get(key) != value:
            was = repr(metadata[key]) if key in metadata else "missing"
            report.header_fixed.append(f"{key}: {was} → {value!r}")
            metadata[key] = value
    for key, value in fresh.items():
        if metadata.get(key, "") in _PLACEHOLDERS and value and metadata.get(key) != value:
            if key in metadata:
                report.header_fixed.append(f"{key}: {metadata[key]!r} → {value!r}")
            metadata[key] = value
    catalog = po.new_catalog(metadata, comment=old.po.header)
    if old.po.metadata_is_fuzzy:
        report.header_fixed.append("header was marked fuzzy (msgfmt would ignore it)")
    return catalog


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _merge_entry(new: po.Entry, old: po.Entry, report: CatalogUpdate) -> po.Entry:
    """*new* (from the glossary) with what the translator did to *old* carried over."""
    msgstr, fuzzy, kept = _decide(new, old)
    glossary = new.msgstr
    if old.fuzzy and old.previous_msgid is not None and msgstr:
        fuzzy = True  # an English change waits for a translator to clear the flag
    result = _carry(new, old, msgstr, fuzzy)
    if fuzzy and old.fuzzy:
        result.previous_msgctxt = old.previous_msgctxt
        result.previous_msgid = old.previous_msgid
        result.previous_msgid_plural = old.previous_msgid_plural
    if kept:
        report.kept.append(KeptEdit(new.msgctxt or "", new.msgid, old.msgstr, glossary,
                                    old.msgstr_line))
    elif (msgstr, fuzzy) != (old.msgstr, old.fuzzy) and not old.obsolete:
        report.refreshed.append(_label(new))
    return result


def _source_changed(new: po.Entry, old: po.Entry, report: CatalogUpdate) -> po.Entry:
    msgstr, _, kept = _decide(new, old)
    glossary = new.msgstr
    fuzzy = bool(msgstr)
    result = _carry(new, old, msgstr, fuzzy)
    if fuzzy:
        # as msgmerge --previous: the old context and English, both as #| lines
        result.previous_msgctxt = old.msgctxt
        result.previous_msgid = old.msgid
        report.fuzzy.append(SourceChange(new.msgctxt or "", new.msgid, old.msgid, msgstr))
    if kept:
        report.kept.append(KeptEdit(new.msgctxt or "", new.msgid, old.msgstr, glossary,
                                    old.msgstr_line))
    return result


def _decide(new: po.Entry, old: po.Entry) -> tuple[str, bool, bool]:
    """(msgstr, fuzzy, kept-a-translator's-edit) for an entry found again."""
    glossary, glossary_fuzzy = new.msgstr, new.fuzzy
    typed = old.msgstr
    note = po.glossary_note(old)
    if not typed or (note is not None and _same(typed, note[0])):
        confirmed = (note is not None and not old.fuzzy and note[1] != Review.APPROVED.value
                     and glossary and _same(glossary, note[0]))
        return glossary, glossary_fuzzy and not confirmed, False
    if _same(typed, glossary):
        return typed, old.fuzzy and glossary_fuzzy, False
    return typed, old.fuzzy, True


def _carry(new: po.Entry, old: po.Entry, msgstr: str, fuzzy: bool) -> po.Entry:
    """*new* itself, changed in place (it is ours, fresh from the glossary): one entry object
    per catalog entry instead of a third copy of the catalog."""
    new.msgstr = msgstr
    new.tcomment = old.tcomment
    new.flags = [f for f in old.flags if f != "fuzzy"]
    new.occurrences = list(new.occurrences)
    new.msgid_line, new.msgstr_line = old.msgid_line, old.msgstr_line
    new.fuzzy = fuzzy
    return new


# -- import ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Proposal:
    """A translator's term offered to the glossary."""

    concept: str
    lang: str
    msgid: str
    term: str
    translator: str
    where: str
    glossary: str | None  # the glossary's term for the entry, if any


@dataclass
class ImportReport:
    proposals: list[Proposal] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)


def import_edits(concepts: Sequence[Concept], catalogs: Iterable[po.Catalog]) -> ImportReport:
    """Translators' finished edits as proposals, merged into *concepts* (not saved).

    An edit is a non-fuzzy ``msgstr`` that differs from the glossary's term, or that confirms
    (unfuzzies) a term the glossary has not approved: the confirmation adds the translator as
    a source of that term, for the reviewer to see. Each becomes a term under review
    ``proposed``, never approved, sourced to the translator (``Last-Translator`` or the file)
    with file and line. Entries of unknown concepts or of English terms the concept no longer
    has are skipped and listed; disagreements with the glossary are listed as conflicts.
    """
    by_id = {c.id: c for c in concepts}
    report = ImportReport()
    incoming: list[Concept] = []
    for catalog in catalogs:
        if not catalog.language:
            raise FormatError("the header has no Language: cannot tell which glossary "
                              "language the translations are in", source=catalog.source, line=1)
        lang = po.glossary_lang(catalog.language)
        if not is_lang_tag(lang):
            raise FormatError(f"Language {catalog.language!r} is not a language such as kk, "
                              "kk@latin or ru", source=catalog.source,
                              line=catalog.line_of("Language") or 1)
        translator = catalog.po.metadata.get("Last-Translator", "")
        if unwritable_char(translator):
            raise FormatError(f"Last-Translator holds the control character "
                              f"{unwritable_char(translator)}, which the glossary cannot keep",
                              source=catalog.source,
                              line=catalog.line_of("Last-Translator") or 1)
        if translator in _PLACEHOLDERS or translator == DEFAULT_TRANSLATOR:
            translator = catalog.source
        for entry in catalog.po:
            if entry.obsolete or entry.fuzzy or not entry.msgstr or entry.msgid_plural:
                continue
            where = f"{catalog.source}:{entry.msgstr_line}"
            concept = by_id.get(entry.msgctxt or "")
            english = concept.section("en") if concept else None
            if concept is None or english is None:
                report.skipped.append(f"{where}: no concept {entry.msgctxt!r} in the glossary")
                continue
            term_en = next((t for t in english.terms if t.text == entry.msgid), None)
            if term_en is None:
                report.skipped.append(f"{where}: concept {concept.id} has no English term "
                                      f"{entry.msgid!r} any more (run 'locales update')")
                continue
            section = concept.section(lang)
            glossary = po.equivalent_for(term_en, section.terms if section else ())
            typed = " ".join(entry.msgstr.split())
            if not typed:
                report.skipped.append(f"{where}: the translation is only blanks")
                continue
            if unwritable_char(typed):
                report.skipped.append(f"{where}: the translation holds the control character "
                                      f"{unwritable_char(typed)}, which the glossary cannot keep")
                continue
            same = next((t for t in section.terms if t.text == typed), None) if section else None
            if same is not None and (same.review is Review.APPROVED or any(
                    s.kind is SourceKind.TRANSLATOR and s.ref == translator
                    for s in same.sources)):
                continue  # nothing new: approved already, or this translator said so before
            proposal = Proposal(concept.id, lang, entry.msgid, typed, translator, where,
                                glossary.text if glossary else None)
            report.proposals.append(proposal)
            if glossary is not None and glossary.text != typed:
                report.conflicts.append(
                    f"{where}: {concept.id} [{lang}] translator proposes {typed!r}, the "
                    f"glossary has {glossary.text!r} ({glossary.review.value}, "
                    f"{glossary.status.value})")
            incoming.append(_proposal_concept(proposal))
    result = merge(concepts, incoming)
    report.conflicts += [str(c) for c in result.conflicts]
    report.added, report.updated, report.concepts = result.added, result.updated, result.concepts
    return report


def _proposal_concept(proposal: Proposal) -> Concept:
    term = Term(text=proposal.term, status=AdminStatus.ADMITTED, review=Review.PROPOSED,
                sources=(Source(SourceKind.TRANSLATOR, proposal.translator, proposal.where),))
    return Concept(id=proposal.concept,
                   sections=(LangSection(lang=proposal.lang, terms=(term,)),))


def read_catalogs(locales_dir: Path, langs: Sequence[str]) -> list[po.Catalog]:
    """The existing catalogs of *langs* under *locales_dir*, read strictly, all before use."""
    catalogs = []
    for lang in langs:
        catalog = _read_existing(catalog_path(locales_dir, lang))
        if catalog is not None:
            _check_language(catalog, lang)
            catalogs.append(catalog)
    return catalogs


# -- check -----------------------------------------------------------------------------------

_SOURCE_WORD = re.compile(r"[^\W_]+")  # English: hyphens split (Kazakhstan-EU → Kazakhstan, EU)
_TARGET_WORD = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*")  # ru/kk: hyphenated words stay whole
_USABLE = (AdminStatus.PREFERRED, AdminStatus.ADMITTED)
_AVOIDED = (AdminStatus.DEPRECATED, AdminStatus.SUPERSEDED)
_ENFORCED_REVIEW = (Review.APPROVED, Review.PROPOSED)


@dataclass(frozen=True)
class Problem:
    """A translation that does not use the glossary's term, or uses one it rejects."""

    source: str
    line: int | None
    concept: str
    term: str  # the English term found in the source
    suggestion: str  # the glossary's term for the target language
    found: str | None = None  # a deprecated or superseded term the translation uses
    status: str | None = None  # that term's status
    review: str = Review.APPROVED.value  # how far the suggestion is reviewed

    @property
    def location(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"

    @property
    def message(self) -> str:
        unreviewed = "" if self.review == Review.APPROVED.value else f" ({self.review})"
        if self.found is not None:
            return (f"term {self.term!r}: {self.found!r} is {self.status} → use "
                    f"{self.suggestion!r}{unreviewed}")
        return f"term {self.term!r} → use {self.suggestion!r}{unreviewed}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class CheckReport:
    lang: str | None = None
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)


class TermChecker:
    """The glossary's English terms, ready to be found in source text, and their equivalents
    in one target language, ready to be found in inflected form.

    Russian words match when their pymorphy3 lemma sets meet (``lang.ru.lemmas``), Kazakh ones
    when their candidate stems meet (``lang.kk.stems``), English ones by singular. Only
    target terms that are approved or proposed are enforced: a machine candidate is no rule.
    """

    def __init__(self, concepts: Iterable[Concept], lang: str) -> None:
        from termbank.lang import en

        self.lang = lang
        self._singular = en.singular
        self._keys_cache: dict[str, frozenset[str]] = {}
        self.by_first: dict[str, list[tuple[tuple[str, ...], Concept, Term]]] = {}
        for concept in concepts:
            english = concept.section("en")
            target = concept.section(lang)
            if english is None or target is None:
                continue
            if not any(t.status in _USABLE and t.review in _ENFORCED_REVIEW for t in target.terms):
                continue
            for term in english.terms:
                words = self._source_words(term.text, exact=_is_acronym(term.text))
                if words:
                    self.by_first.setdefault(words[0], []).append((words, concept, term))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def _source_words(self, text: str, *, exact: bool = False) -> tuple[str, ...]:
        return tuple(w if exact or _is_acronym(w) else self._singular(w).casefold()
                     for w in _SOURCE_WORD.findall(text))

    def concepts_in(self, source: str) -> list[tuple[Concept, Term]]:
        """The concepts whose English terms occur in *source*, longest match first."""
        words = self._source_words(source)
        found: dict[str, tuple[Concept, Term]] = {}
        i = 0
        while i < len(words):
            step = 1
            for term_words, concept, term in self.by_first.get(words[i], ()):
                if words[i:i + len(term_words)] == term_words:
                    found.setdefault(concept.id, (concept, term))
                    step = len(term_words)
                    break
            i += step
        return list(found.values())

    def check(self, source: str, target: str) -> list[tuple[Concept, Term, Term, Term | None]]:
        """(concept, English term, suggested term, avoided term found or None) per problem."""
        problems = []
        target_words = _TARGET_WORD.findall(target)
        keys = [self._keys(w) for w in target_words]
        for concept, english in self.concepts_in(source):
            terms = concept.section(self.lang).terms
            usable = [t for t in terms
                      if t.status in _USABLE and t.review in _ENFORCED_REVIEW]
            suggestion = po.equivalent_for(english, usable) or usable[0]
            if any(self._occurs(t.text, target_words, keys) for t in usable):
                continue
            avoided = [t for t in terms if t.status in _AVOIDED
                       and self._occurs(t.text, target_words, keys)]
            problems.append((concept, english, suggestion, avoided[0] if avoided else None))
        return problems

    def _occurs(self, term: str, words: list[str], keys: list[frozenset[str]]) -> bool:
        term_words = _TARGET_WORD.findall(term)
        if not term_words:
            return False
        exact = _is_acronym(term)
        wanted = [frozenset({w}) if exact else self._keys(w) for w in term_words]
        size = len(wanted)
        for i in range(len(words) - size + 1):
            if all((words[i + j] in wanted[j]) if exact else bool(keys[i + j] & wanted[j])
                   for j in range(size)):
                return True
        return False

    def _keys(self, word: str) -> frozenset[str]:
        """Every form *word* may be a form of: lemmas for Russian, stems for Kazakh."""
        cached = self._keys_cache.get(word)
        if cached is not None:
            return cached
        base = self.lang.split("-")[0]
        if base == "ru":
            from termbank.lang import ru

            keys = {k.replace("ё", "е") for k in ru.lemmas(word)}
        elif base == "kk":
            from termbank.lang import kk

            keys = {s.casefold() for s in kk.stems(word)}
        else:
            keys = set()
        keys.add(word.casefold().replace("ё", "е"))
        result = self._keys_cache[word] = frozenset(keys)
        return result


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _problems(checker: TermChecker, source: str, target: str, *, where: str,
              line: int | None) -> list[Problem]:
    return [Problem(where, line, concept.id, english.text, suggestion.text,
                    avoided.text if avoided else None,
                    avoided.status.value if avoided else None, suggestion.review.value)
            for concept, english, suggestion, avoided in checker.check(source, target)]


def check_catalogs(concepts: Sequence[Concept], catalogs: Iterable[po.Catalog], *,
                   lang: str | None = None) -> CheckReport:
    """Check the finished (translated, not fuzzy) entries of PO catalogs against the glossary.

    The language is the catalog's ``Language`` header unless *lang* is given.

    :raises FormatError: when a catalog has no ``Language`` header and *lang* is None.
    """
    report = CheckReport(lang=lang)
    checkers: dict[str, TermChecker] = {}
    for catalog in catalogs:
        if lang is None and not catalog.language:
            raise FormatError("the header has no Language; give the language with --lang",
                              source=catalog.source, line=1)
        target_lang = lang or po.glossary_lang(catalog.language or "")
        checker = checkers.get(target_lang) or checkers.setdefault(
            target_lang, TermChecker(concepts, target_lang))
        for entry in catalog.po:
            if entry.obsolete or entry.fuzzy:
                continue
            pairs = ([(entry.msgid if i == 0 else entry.msgid_plural, text)
                      for i, text in sorted(entry.msgstr_plural.items())]
                     if entry.msgid_plural else [(entry.msgid, entry.msgstr)])
            for source_text, target_text in pairs:
                if not target_text:
                    continue
                report.checked += 1
                report.problems += _problems(checker, source_text, target_text,
                                             where=catalog.source, line=entry.msgstr_line)
    return report


def check_text(concepts: Sequence[Concept], source: str, target: str, *, lang: str,
               source_name: str, target_name: str) -> CheckReport:
    """Check a translation line by line against its source (the files are aligned by line).

    :raises FormatError: when the two texts have different numbers of lines.
    """
    source_lines, target_lines = source.splitlines(), target.splitlines()
    if len(source_lines) != len(target_lines):
        raise FormatError(f"{len(target_lines)} lines, but {source_name} has "
                          f"{len(source_lines)}: source and translation must be aligned line "
                          "by line", source=target_name,
                          line=min(len(source_lines), len(target_lines)) + 1)
    checker = TermChecker(concepts, lang)
    report = CheckReport(lang=lang)
    for number, (src, tgt) in enumerate(zip(source_lines, target_lines), start=1):
        if src.strip() and tgt.strip():
            report.checked += 1
            report.problems += _problems(checker, src, tgt, where=target_name, line=number)
    return report
