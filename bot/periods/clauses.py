"""The clauses of a sentence find_periods reads: where each begins and ends, and the cycle and
event words each holds before a given place, read once from left to right."""

from __future__ import annotations

import bisect
import math

from bot.periods.cycles import is_monthly, is_yearly, of_months
from bot.periods.grammar import RECUR_KINDS, Analysis, Marker
from bot.periods.reader import EVENT_KINDS


class Clauses:
    """What each clause of a sentence holds before a given place, read once from left to right
    (so that a long text costs its length, not its square): clauses end at ";", "." and lines;
    an event word also stops at the next cell of a table row."""

    def __init__(self, an: Analysis) -> None:
        markers = an.markers
        self._starts = [m.start for m in markers]
        self._breaks = [m for m in markers if m.kind == "brk"]
        self._cycles = [m for m in markers if m.kind in RECUR_KINDS]
        self._cycle_starts = [m.start for m in self._cycles]
        self._break_ends = [m.end for m in self._breaks]
        self._stop_ends = [m.end for m in self._breaks if m.token.text != ";"]  # sentences end at "." and lines
        self._cycle_upto: list[Marker | None] = []  # after each marker: the clause's last cycle word
        self._months_upto: list[Marker | None] = []  # and the sentence's last of months (past ";")
        self._event_before: dict[int, bool] = {}  # by marker id: an event word earlier in its clause
        cycle, event, last, months = None, False, None, None
        for m in markers:
            # (a cycle given as the other way ends the event's reach: "khi có yêu cầu hoặc định kỳ hằng
            # năm", "đột xuất và định kỳ 6 tháng"; as in parse)
            if (m.kind in RECUR_KINDS and last is not None and last.kind == "vaw"
                    and (last.token.text.startswith("hoac") or m.start - last.end <= 1)):
                event = False
            last = m
            self._event_before[id(m)] = event
            if m.kind == "brk":
                cycle, event = None, False
                months = months if m.token.text == ";" else None
            elif m.kind == "cell":
                event = False
            elif m.kind == "periodic" or m.kind in RECUR_KINDS:
                cycle = m
                months = m if not event and of_months(m) else months
            elif m.kind in EVENT_KINDS:
                event = True
            self._cycle_upto.append(cycle)
            self._months_upto.append(months)

    def after_event(self, m: Marker) -> bool:
        """Whether an event word stands earlier in the marker's clause (or cell)."""
        return self._event_before[id(m)]

    def cycle_before(self, at: int) -> bool:
        """Whether a cycle word stands earlier in the clause, not after an event word ("định kỳ 6
        tháng (trước ngày 15/6) và năm (trước ngày 15/12)": each day without a year recurs)."""
        k = bisect.bisect_left(self._starts, at)
        cycle = self._cycle_upto[k - 1] if k else None
        return cycle is not None and not self._event_before[id(cycle)]

    def yearly_before(self, at: int) -> bool:
        """Whether the cycle word earlier in the clause comes back each year (not after an event word)."""
        k = bisect.bisect_left(self._starts, at)
        cycle = self._cycle_upto[k - 1] if k else None
        return cycle is not None and not self._event_before[id(cycle)] and is_yearly(cycle)

    def months_cycle_in_sentence(self, at: int) -> Marker | None:
        """A cycle word of months or quarters earlier in the sentence, past a ";" ("Hằng tháng, trước
        ngày 20, xã báo cáo huyện; huyện báo cáo tỉnh trước ngày 25": the 25th of each month too)."""
        k = bisect.bisect_left(self._starts, at)
        return self._months_upto[k - 1] if k else None

    def monthly_after(self, at: int) -> Marker | None:
        """The next cycle word after a place in its clause, if it comes back each month."""
        k = bisect.bisect_left(self._cycle_starts, at)
        if k == len(self._cycles) or self._cycles[k].start >= self.end_of(at):
            return None
        return self._cycles[k] if is_monthly(self._cycles[k]) else None

    def sentence_start(self, at: int) -> int:
        """Where the sentence holding `at` begins (past any ";")."""
        k = bisect.bisect_right(self._stop_ends, at)
        return self._stop_ends[k - 1] if k else 0

    def start_of(self, at: int) -> int:
        """Where the clause holding `at` begins."""
        k = bisect.bisect_right(self._break_ends, at)
        return self._break_ends[k - 1] if k else 0

    def end_of(self, at: int) -> int | float:
        """Where the clause holding `at` ends (the next break's start), or infinity."""
        k = bisect.bisect_right(self._break_ends, at)
        return self._breaks[k].start if k < len(self._breaks) else math.inf
