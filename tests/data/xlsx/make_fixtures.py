"""Writes the three term-base workbooks in this folder, laid out as each tool documents them.

Run with the project's Python (openpyxl) from this folder: ``python make_fixtures.py``.
See README.md for the documentation each layout follows.
"""

from datetime import datetime

from openpyxl import Workbook


def save(name, rows):
    book = Workbook()
    book.properties.created = book.properties.modified = datetime(2020, 1, 1)
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(name)


def main():
    # Phrase TMS: concept columns, then per language TID, the language code, then that term's
    # attributes; booleans TRUE/FALSE; one term per row, rows sharing a CID form one concept.
    save("phrase.xlsx", [
        ["CID", "concept_domain", "concept_definition", "concept_note",
         "TID", "en", "Status", "Forbidden", "Preferred", "Note",
         "TID", "ru", "Status", "Forbidden", "Preferred", "Note"],
        [101, "Politics", "Lower chamber of the Parliament of Kazakhstan.", None,
         1001, "Mazhilis", "Approved", False, True, None,
         1002, "Мажилис", "Approved", False, True, "Official Russian name."],
        [101, None, None, None,
         1003, "Majilis", "New", False, False, None,
         1004, "Меджлис", "New", True, False, "Names other bodies, not Kazakhstan's."],
        [102, "Politics", None, None,
         1005, "EPCA", "New", False, False, None,
         1006, "СРПС", "New", False, False, None],
    ])

    # memoQ: entry fields (Entry_ID, Entry_Subject, Entry_Note …), then per language the
    # language-level definition (<Language>_Def) and one column per term of that language.
    save("memoq.xlsx", [
        ["Entry_ID", "Entry_Subject", "Entry_Domain", "Entry_Note", "English_Def", "English",
         "English", "Kazakh_Def", "Kazakh", "Russian_Def", "Russian"],
        [1, "Parliament", None, "Checked against parlam.kz.", "Lower chamber of the Parliament.",
         "Mazhilis", "Majilis", None, "Мәжіліс", None, "Мажилис"],
        [2, None, None, None, None, "Middle Corridor", None, None, "Орта дәліз", None,
         "Средний коридор"],
    ])

    # Smartcat: a plain glossary sheet, one column per language code and a comment column.
    save("smartcat.xlsx", [
        ["en", "kk", "ru", "Comment"],
        ["Mazhilis", "Мәжіліс", "Мажилис", "Lower chamber"],
        ["Middle Corridor", "Орта дәліз", "Средний коридор", None],
    ])


if __name__ == "__main__":  # pytest imports this module (doctests): write nothing then
    main()
