"""Schedules: TOML files of agencies and plans, loaded into an immutable model with located errors."""

from bot.schedule.keeper import ScheduleKeeper
from bot.schedule.load import AGENCIES, Loaded, Problem, files_of, load
from bot.schedule.model import Agency, Deadline, Group, Plan, Schedule, Task

__all__ = ["AGENCIES", "Agency", "Deadline", "Group", "Loaded", "Plan", "Problem", "Schedule",
           "ScheduleKeeper", "Task", "files_of", "load"]
