"""Vietnamese period expressions ("Quý II/2018", "hằng năm") turned into due dates; pure."""

from bot.periods.milestones import find_periods
from bot.periods.model import Kind, Milestone, Period, PeriodError
from bot.periods.reader import parse

__all__ = ["Kind", "Milestone", "Period", "PeriodError", "find_periods", "parse"]
