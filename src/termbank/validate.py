"""Is this file valid TBX-Basic? Problems with their lines, from the official schemas.

TBX v3 (DCA style): the TBX core RelaxNG and the TBX-Basic DCA Schematron. TBX 2008: the
TBX-Basic core DTD and the Schematron rules embedded in the TBX-Basic RelaxNG. Both from
``termbank/data/schemas`` (see SOURCES.md there), applied explicitly: the file's own DOCTYPE
and ``xml-model`` instructions are never followed, nothing touches the network.
Then our own checks for what the official rules miss (transaction types, language tags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import BinaryIO

TBX_NS = "urn:iso:std:iso:30042:ed-2"
_SCH = "http://purl.oclc.org/dsdl/schematron"
_OLD_SCH = "http://www.ascc.net/xml/schematron"
_SVRL = "http://purl.oclc.org/dsdl/svrl"
_XPATH2_TO_1 = {
    "./local-name()": "local-name()",
    "matches(@target,'https?://.+')": "(starts-with(@target,'http://') or starts-with(@target,'https://'))",
}
_TRANSACTIONS = {"origination", "modification"}


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


#: Problems with the same message listed one by one; the rest are counted in one summary line.
MAX_SAME = 10
#: Problems listed in all; a file with a million bad attributes still gives a short report.
MAX_LISTED = 200
#: Schematron failures located (each costs an XPath); the rest are reported without a line.
MAX_LOCATED = 1000
#: Attributes one element may have before the file is refused unchecked.
MAX_ATTRIBUTES = 256


@dataclass(frozen=True)
class Report:
    dialect: str | None  # "TBX v3 (TBX-Basic, DCA)" / "TBX 2008 (TBX-Basic)" / None if unreadable
    problems: tuple[Problem, ...]  # capped: repeated messages summarised
    total: int = -1  # every problem found, listed or not (-1: as many as listed)

    def __post_init__(self) -> None:
        if self.total < 0:
            object.__setattr__(self, "total", len(self.problems))

    @property
    def valid(self) -> bool:
        return self.dialect is not None and not self.problems


def _parser():
    from lxml import etree

    return etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False,
                           huge_tree=False)


def _schema_file(name: str):
    return resources.files("termbank.data").joinpath("schemas").joinpath(name)


@lru_cache(maxsize=None)
def _tbx3():
    from lxml import etree, isoschematron

    rng = etree.RelaxNG(etree.fromstring(_schema_file("TBXcoreStructV03.rng").read_bytes(), _parser()))
    sch = etree.fromstring(_schema_file("TBX-Basic_DCA.sch").read_bytes(), _parser())
    sch.set("queryBinding", "xslt")
    for el in sch.iter(f"{{{_SCH}}}rule", f"{{{_SCH}}}assert", f"{{{_SCH}}}report"):
        for attr in ("context", "test"):
            value = el.get(attr)
            if value:
                for old, new in _XPATH2_TO_1.items():
                    value = value.replace(old, new)
                el.set(attr, value)
    return rng, isoschematron.Schematron(etree.ElementTree(sch), store_report=True)


@lru_cache(maxsize=None)
def _tbx2():
    from lxml import etree, isoschematron

    with _schema_file("TBXBasiccoreStructV02.dtd").open("rb") as f:
        dtd = etree.DTD(f)
    rng = etree.fromstring(_schema_file("TBXBasicRNGV02.rng").read_bytes(), _parser())
    schema = etree.Element(f"{{{_SCH}}}schema", nsmap={"sch": _SCH})
    for pat in rng.iter(f"{{{_OLD_SCH}}}pattern"):
        new_pat = etree.SubElement(schema, f"{{{_SCH}}}pattern")
        for rule in pat.iter(f"{{{_OLD_SCH}}}rule"):
            new_rule = etree.SubElement(new_pat, f"{{{_SCH}}}rule", context=rule.get("context"))
            for a in rule.iter(f"{{{_OLD_SCH}}}assert", f"{{{_OLD_SCH}}}report"):
                kind = etree.QName(a).localname
                new_a = etree.SubElement(new_rule, f"{{{_SCH}}}{kind}", test=a.get("test"))
                new_a.text = " ".join("".join(a.itertext()).split())
    return dtd, isoschematron.Schematron(etree.ElementTree(schema), store_report=True)


def validate(stream: BinaryIO, *, source: str = "<stream>") -> Report:
    """Check one TBX file against the official schemas of its dialect."""
    from lxml import etree

    from termbank.errors import FormatError
    from termbank.formats.tbx import refuse_declarations, refuse_entity_references

    data = stream.read()
    try:
        if not data.strip():
            raise FormatError("empty file", source=source, line=1)
        doc = etree.ElementTree(etree.fromstring(data, _parser()))
        refuse_declarations(doc, source, data[:65536])
        refuse_entity_references(doc.getroot(), source)
    except FormatError as exc:
        return Report(None, (Problem(exc.line, exc.reason),))
    except etree.XMLSyntaxError as exc:
        line = max(1, (exc.position[0] if exc.position else exc.lineno) or 1)
        msg = re.sub(r",? line \d+, column \d+.*$", "", exc.msg or str(exc))
        return Report(None, (Problem(line, f"not well-formed XML: {msg}"),))
    root = doc.getroot()
    name = etree.QName(root)
    crowded = _too_many_attributes(doc)
    if crowded is not None:
        return Report(None, (crowded,))
    if name.localname == "tbx" and name.namespace == TBX_NS:
        if root.get("style") != "dca":
            return Report("TBX v3", (Problem(root.sourceline, "only DCA style (style=\"dca\") "
                                             "TBX-Basic is checked; export DCA for exchange"),))
        rng, sch = _tbx3()
        problems = [] if rng.validate(doc) else _log(rng.error_log)
        dialect = "TBX v3 (TBX-Basic, DCA)"
    elif name.localname == "martif" and name.namespace is None:
        dtd, sch = _tbx2()
        problems = [] if dtd.validate(doc) else _log(dtd.error_log)
        dialect = "TBX 2008 (TBX-Basic)"
    else:
        return Report(None, (Problem(root.sourceline, f"not TBX: root element <{name.localname}>"
                                     + (f" in namespace {name.namespace}" if name.namespace else "")
                                     + "; expected <tbx> (TBX v3) or <martif> (TBX 2008)"),))
    if not sch.validate(doc):
        problems += _svrl(sch, doc)
    problems += _own_checks(doc)
    problems = list(dict.fromkeys(problems))
    problems.sort(key=lambda p: (p.line or 0, p.message))
    return Report(dialect, _summarise(problems), len(problems))


def _summarise(problems: list[Problem]) -> tuple[Problem, ...]:
    """At most MAX_SAME problems of one kind and MAX_LISTED in all; the rest counted.

    Messages that differ only in numbers (``attribute a1``, ``attribute a2`` …) are one kind.
    """
    listed: list[Problem] = []
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    other = 0
    for p in problems:
        kind = _NUMBERS.sub("N", p.message)
        if kind in shown:
            if shown[kind] < MAX_SAME and len(listed) < MAX_LISTED:
                shown[kind] += 1
                listed.append(p)
            else:
                hidden[kind] = hidden.get(kind, 0) + 1
        elif len(listed) < MAX_LISTED:
            shown[kind] = 1
            listed.append(p)
        else:
            other += 1
    listed += [Problem(None, f"{n:,} more like: {kind}") for kind, n in hidden.items()]
    if other:
        listed.append(Problem(None, f"{other:,} more problems of other kinds"))
    return tuple(listed)


_NUMBERS = re.compile(r"\d+")


def _too_many_attributes(doc) -> Problem | None:
    """No TBX element has more than a handful of attributes; a file with thousands on one
    element is refused before the schemas, whose error log would grow with each one."""
    for el in doc.iter():
        if len(el.attrib) > MAX_ATTRIBUTES:
            return Problem(el.sourceline, f"an element with {len(el.attrib):,} attributes (TBX "
                                          f"needs a few; at most {MAX_ATTRIBUTES} are checked)")
    return None


def _log(error_log) -> list[Problem]:
    return [Problem(e.line, e.message) for e in error_log]


def _svrl(sch, doc) -> list[Problem]:
    out = []
    for fa in sch.validation_report.getroot().iter(f"{{{_SVRL}}}failed-assert",
                                                   f"{{{_SVRL}}}successful-report"):
        text = " ".join((fa.findtext(f"{{{_SVRL}}}text") or "").split())
        line = None
        if len(out) >= MAX_LOCATED:
            out.append(Problem(None, text))
            continue
        try:
            hits = doc.xpath(fa.get("location"))
            if hits and hasattr(hits[0], "sourceline"):
                line = hits[0].sourceline
        except Exception:  # an XPath lxml cannot evaluate: report without a line
            line = None
        out.append(Problem(line, text))
    return out


def _own_checks(doc) -> list[Problem]:
    """What the official rules miss (standards.md: transac values, xml:lang shape)."""
    from termbank.model import is_lang_tag

    out = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        local = el.tag.rsplit("}", 1)[-1]
        if local == "transac" and el.get("type") == "transactionType" and \
                (el.text or "").strip() not in _TRANSACTIONS:
            out.append(Problem(el.sourceline, f"transactionType must be origination or "
                                              f"modification, not {(el.text or '').strip()!r}"))
        lang = el.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang is not None and not is_lang_tag(lang):
            out.append(Problem(el.sourceline, f"xml:lang {lang!r} is not a BCP 47 tag "
                                              "(use hyphens: kk-KZ, not kk_KZ)"))
    return out
