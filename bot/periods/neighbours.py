"""What a time takes from the times around it: the month a bare day is of, the year a sentence
opens with or a line above it gives."""

from __future__ import annotations

import re

from bot.periods.atoms import D0, DAY, MONTH, YEAR
from bot.periods.grammar import Chain

_NOTE_OR_COMMA = re.compile(r"\s*[(,]\s*")


def in_month_before(c: Chain, before: Chain, folded: str) -> None:
    """Days with no month in the note of a month, or after it and a comma, are days of that month:
    "Tháng 6/2026 (trước ngày 20)" is due on 20/6/2026."""
    month = before.atoms[-1]
    if (month.unit == MONTH and not month.part and not month.lunar and all(a.unit == D0 for a in c.atoms)
            and _NOTE_OR_COMMA.match(folded, before.end) and folded.find(")", before.end, c.start) < 0
            and _CLAUSE_END.search(folded, before.end, c.start) is None):  # (in its clause only)
        for a in c.atoms:
            a.unit, a.m, a.y, a.explicit_year = DAY, month.n, month.y, month.explicit_year


_CLAUSE_END = re.compile(r"[;\n\t]|\.(?=\s|$)")
_YEAR_FIRST = re.compile(r"nam\s*(?:19|20)\d\d\b")
_SENTENCE_END = re.compile(r"\.(?=\s|$)|[\n\t]")  # (a tab ends a cell of a table row)


class YearAround:
    """The year a time with none of its own reads in, outside parentheses: the year its sentence
    opens with ("Năm 2026, tổ chức tập huấn trong tháng 6"), else the year of a dated time alone on
    a line above it ("Năm 2026\nQuý I: …"), else the plan's. Read once from left to right: linear."""

    def __init__(self, folded: str, plan_year: int) -> None:
        self.folded, self.plan_year, self.lines = folded, plan_year, "\n" in folded
        self.sentence = self.heading = 0  # (0: none yet)
        self.checked = 0  # how far the text was searched for the end of the sentence

    def year_for(self, c: Chain) -> int:
        """The year a chain reads in (the plan's for one with a year or in a parenthesis)."""
        if self.sentence and self.checked < c.start and _SENTENCE_END.search(self.folded, self.checked, c.start):
            self.sentence = 0  # (the sentence ended)
        self.checked = max(self.checked, c.start)
        if not c.yearless() or c.in_parens:
            return self.plan_year
        return self.sentence or self.heading or self.plan_year

    def saw(self, c: Chain) -> None:
        """Remember a chain read: one that opens with one whole year ("Năm 2026", "Trong năm 2026:
        tháng 3") leads its sentence; a dated one ending a line heads the lines under it."""
        if c.in_parens or c.cited:
            return
        first = c.atoms[0]
        opens = first.unit == YEAR or _YEAR_FIRST.match(self.folded, first.start) is not None  # (nested in it)
        if opens and first.explicit_year and first.y and all(a.y == first.y for a in c.atoms if a.unit == YEAR):
            self.sentence, self.checked = first.y, c.end
        if self.lines and any(a.explicit_year for a in c.atoms) and heads_lines(self.folded, c):
            self.heading = max(a.y or self.plan_year for a in c.atoms)


_LINE_MARKS = " \t-+*•.:;,"
_MORE = re.compile(r"\s*\S")


def heads_lines(folded: str, c: Chain) -> bool:
    """Whether a chain ends a short line, with more lines after it ("Năm 2026\nQuý I: …")."""
    # (looked for near the chain only: a long cell of many times must not cost its square)
    line_end = folded.find("\n", c.end, c.end + 8)
    line_start = folded.rfind("\n", max(0, c.start - 40), c.start) + 1
    if line_end < 0 or (line_start == 0 and c.start > 40):
        return False
    # (a few words may lead it on its line: "1. Hoàn thành năm 2026", "Thời gian: Năm 2026")
    return _MORE.match(folded, line_end) is not None and folded[c.end:line_end].strip(_LINE_MARKS) == ""
