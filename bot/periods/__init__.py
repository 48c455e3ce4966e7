"""Vietnamese period expressions ("Quý II/2018", "hằng năm") turned into due dates; pure."""

from bot.periods.model import Kind, Milestone, Period, PeriodError
from bot.periods.reader import find_periods, parse

__all__ = ["Kind", "Milestone", "Period", "PeriodError", "find_periods", "parse"]
