"""The one place that reads the time, so that tests and `simulate` can move it."""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock(Protocol):
    """Something that tells the current time, aware of its time zone."""

    def now(self) -> dt.datetime:
        """The current time."""
        ...

    def today(self) -> dt.date:
        """The current local date."""
        ...


class SystemClock:
    """The real time, in a given zone (Vietnam by default)."""

    def __init__(self, tz: dt.tzinfo = VIETNAM) -> None:
        self.tz = tz

    def now(self) -> dt.datetime:
        """The current time in the clock's zone."""
        return dt.datetime.now(self.tz)

    def today(self) -> dt.date:
        """Today's date in the clock's zone."""
        return self.now().date()


class FakeClock:
    """A clock that stays where it is put; tests and simulations move it by hand."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=VIETNAM)
        self._now = start

    def now(self) -> dt.datetime:
        """The time it was set to."""
        return self._now

    def today(self) -> dt.date:
        """The date it was set to."""
        return self._now.date()

    def set(self, when: dt.datetime) -> None:
        """Jump to a given time (forwards or backwards)."""
        self._now = when if when.tzinfo else when.replace(tzinfo=VIETNAM)

    def advance(self, delta: dt.timedelta) -> None:
        """Move the clock forward."""
        self._now += delta


class OffsetClock:
    """Real time moved by a fixed offset: `nhacviec run --now` starts on another day, time flows."""

    def __init__(self, start: dt.datetime, base: Clock | None = None) -> None:
        self.base = base or SystemClock()
        if start.tzinfo is None:
            start = start.replace(tzinfo=VIETNAM)
        self.offset = start - self.base.now()

    def now(self) -> dt.datetime:
        """The real time plus the offset."""
        return self.base.now() + self.offset

    def today(self) -> dt.date:
        """The shifted date."""
        return self.now().date()
