"""What a time takes from the times around it: the month a bare day is of, the year a sentence
opens with, the line a dated time heads."""

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
            and _NOTE_OR_COMMA.match(folded, before.end) and folded.find(")", before.end, c.start) < 0):
        for a in c.atoms:
            a.unit, a.m, a.y, a.explicit_year = DAY, month.n, month.y, month.explicit_year


_YEAR_FIRST = re.compile(r"nam\s*(?:19|20)\d\d\b")
_SENTENCE_END = re.compile(r"\.(?=\s|$)|[\n\t]")  # (a tab ends a cell of a table row)


class SentenceYear:
    """The year a sentence opens with ("Năm 2026, tổ chức tập huấn trong tháng 6"), given to the
    times with no year after it in that sentence (read once from left to right: linear)."""

    def __init__(self, folded: str) -> None:
        self.folded, self.year, self.checked = folded, 0, 0

    def saw(self, c: Chain) -> None:
        """Remember a chain that opens with one whole year ("Năm 2026", "Trong năm 2026: tháng 3"),
        outside any parenthesis."""
        first = c.atoms[0]
        opens = first.unit == YEAR or _YEAR_FIRST.match(self.folded, first.start) is not None  # (nested in it)
        if (opens and not c.in_parens and not c.cited and first.explicit_year and first.y
                and all(a.y == first.y for a in c.atoms if a.unit == YEAR)):
            self.year, self.checked = first.y, c.end

    def year_for(self, c: Chain, default: int) -> int:
        """The year a chain with none of its own reads in."""
        if self.year and self.checked < c.start and _SENTENCE_END.search(self.folded, self.checked, c.start):
            self.year = 0  # (the sentence ended)
        self.checked = max(self.checked, c.start)
        return self.year if self.year and c.yearless() and not c.in_parens else default


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
