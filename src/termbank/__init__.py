"""termbank: an English / Kazakh / Russian terminology glossary and translation memory."""

from termbank.errors import FormatError, MergeConflict, NotFound, StoreError, TermbankError
from termbank.model import (
    LANGS,
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
)

__all__ = [
    "LANGS", "AdminStatus", "Concept", "Context", "FormatError", "Gender", "LangSection",
    "MergeConflict", "NotFound", "PartOfSpeech", "Review", "Source", "SourceKind", "StoreError",
    "Term", "TermType", "TermbankError",
]
__version__ = "0.1.0"
