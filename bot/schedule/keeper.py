"""The schedule in force: a new one replaces it only when it loads without errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from bot.policy import ReminderPolicy
from bot.schedule.load import Problem, load
from bot.schedule.model import Schedule


class ScheduleKeeper:
    """Holds the last good schedule; `reload` swaps it only for one that loads cleanly."""

    def __init__(self, paths: Sequence[Path], policy: ReminderPolicy | None = None) -> None:
        self.paths = list(paths)
        self.policy = policy
        self.current: Schedule | None = None
        self.last_problems: list[Problem] = []

    def reload(self, today: dt.date | None = None) -> bool:
        """Load again; True when the new schedule is now in force. Problems stay in last_problems."""
        loaded = load(self.paths, today=today, policy=self.policy)
        self.last_problems = loaded.problems
        if loaded.schedule is None:
            return False
        self.current = loaded.schedule
        return True
