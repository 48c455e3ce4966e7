"""Digests: each agency's week on Monday morning (overdue, due this week, due within 30 days), and
each supervising agency's overdue tasks by agency, oldest first, on working days.

When a digest falls due, one row per place is written (several processes write it once); its
content is read from the store when it is sent, so it is never stale, and a digest with nothing
in it is not sent.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from bot.channels.base import Channel, ChannelError, Message
from bot.clock import Clock
from bot.config import DigestSettings
from bot.render import AgencyItems, ItemView, PlanView, Renderer, Section, TaskView
from bot.store import DigestClaim, OccurrenceInfo, Store, StoreBusy
from bot.workdays import WorkCalendar

log = logging.getLogger("nhacviec.digests")

Places = Callable[[], Mapping[str, list[tuple[str, str]]]]  # where each agency's messages go now
SHOWN = 20  # tasks listed per section or agency; the rest are counted


@dataclass(frozen=True)
class Slot:
    """One digest round: which, for which period, when."""

    kind: str  # weekly | supervisor
    period: str
    at: dt.datetime


def slots_on(day: dt.date, settings: DigestSettings, calendar: WorkCalendar, tz: dt.tzinfo) -> list[Slot]:
    """The digest rounds that fall on a day: the weekly one on its weekday (a holiday moves it to
    the next working day of the same week), the supervisors' one on working days."""
    out = []
    if settings.weekly:
        monday = day - dt.timedelta(days=day.weekday())
        send = monday + dt.timedelta(days=settings.weekly_day - 1)
        while calendar.holiday_name(send) and send < monday + dt.timedelta(days=6):
            send += dt.timedelta(days=1)
        if send == day:
            year, week, _ = day.isocalendar()
            out.append(Slot("weekly", f"{year}-W{week:02d}", dt.datetime.combine(day, settings.weekly_at, tz)))
    if settings.daily and calendar.is_working_day(day):
        out.append(Slot("supervisor", day.isoformat(), dt.datetime.combine(day, settings.daily_at, tz)))
    return out


def item(o: OccurrenceInfo, today: dt.date, calendar: WorkCalendar) -> ItemView:
    """An open task as a digest line."""
    left = calendar.working_days_between(today, o.effective_due)
    kind = "overdue" if left < 0 else "due" if left == 0 else "before"
    return ItemView(o.id, kind, TaskView(o.task_id, o.task_title, o.lead_text, o.coordinating, o.product,
                                         o.time_text),
                    PlanView(o.plan_number, o.plan_title), o.agency_name, o.effective_due, left)


def week_sections(found: list[OccurrenceInfo], today: dt.date, calendar: WorkCalendar) -> list[Section]:
    """Overdue, due this week, due in the next 30 days (empty sections left out)."""
    week_end = today + dt.timedelta(days=6 - today.weekday())
    parts: dict[str, list[ItemView]] = {"overdue": [], "week": [], "soon": []}
    for o in found:
        key = "overdue" if o.effective_due < today else "week" if o.effective_due <= week_end else "soon"
        parts[key].append(item(o, today, calendar))
    titles = {"overdue": ("❗", "Quá hạn"), "week": ("⏰", "Đến hạn trong tuần"),
              "soon": ("📅", "Đến hạn trong 30 ngày tới")}
    return [Section(titles[k][0], titles[k][1], v[:SHOWN], len(v)) for k, v in parts.items() if v]


def by_agency(found: list[OccurrenceInfo], today: dt.date, calendar: WorkCalendar) -> list[AgencyItems]:
    """Overdue tasks by agency; the agency with the oldest first, each agency's oldest first."""
    groups: dict[str, list[ItemView]] = {}
    for o in found:  # the store gives them oldest first
        groups.setdefault(o.agency_name, []).append(item(o, today, calendar))
    return [AgencyItems(name, items[:SHOWN], len(items)) for name, items in groups.items()]


class Digester:
    """Writes digest rows when their time comes and sends what is due."""

    def __init__(self, settings: DigestSettings, store: Store, renderer: Renderer, channels: Mapping[str, Channel],
                 clock: Clock, calendar: WorkCalendar, tz: dt.tzinfo, places: Places, owner: str,
                 notify: Callable[[str], Awaitable[None]], lease: dt.timedelta = dt.timedelta(minutes=2)) -> None:
        self.settings, self.store, self.renderer, self.channels = settings, store, renderer, channels
        self.clock, self.calendar, self.tz, self.places = clock, calendar, tz, places
        self.owner, self.notify, self.lease = owner, notify, lease

    def _marked(self, slot: Slot) -> bool:
        return self.store.get_meta(f"digest:{slot.kind}:{slot.period}") is not None

    def plan(self, now: dt.datetime) -> int:
        """Write the rows of today's rounds whose time has come (the same day only: no stale digests)."""
        today = now.astimezone(self.tz).date()
        added = 0
        for slot in slots_on(today, self.settings, self.calendar, self.tz):
            if slot.at > now or self._marked(slot):
                continue
            if slot.kind == "weekly":
                agencies = self.store.digests.agencies_with_open(today + dt.timedelta(days=30))
            else:
                agencies = self.store.digests.supervisors_with_overdue(today)
            routes = self.places()
            places = [(a, channel, address) for a in agencies for channel, address in routes.get(a, [])]
            added += self.store.digests.add(slot.kind, slot.period, places, slot.at)
            self.store.set_meta(f"digest:{slot.kind}:{slot.period}", now.isoformat())
        return added

    def next_wakeup(self, now: dt.datetime) -> dt.datetime | None:
        """When a digest is next due: a pending row, or the next round not yet written."""
        pending = self.store.digests.next_due()
        candidates = [pending] if pending is not None else []
        day = now.astimezone(self.tz).date()
        for offset in range(8):
            rounds = [s for s in slots_on(day + dt.timedelta(days=offset), self.settings, self.calendar, self.tz)
                      if offset > 0 or not self._marked(s)]
            if rounds:
                candidates.append(max(min(s.at for s in rounds), now))
                break
        return min(candidates) if candidates else None

    async def tick(self) -> int:
        """Plan, claim, fill, send; returns the digests sent."""
        now = self.clock.now()
        try:
            self.plan(now)
            claimed = self.store.digests.claim(now, self.owner, self.lease)
        except StoreBusy as e:
            log.warning("digests postponed, database busy: %s", e)
            return 0
        sent = 0
        for c in claimed:
            sent += await self._send(c, now)
        return sent

    def _message(self, c: DigestClaim, today: dt.date) -> Message | None:
        if c.kind == "weekly":
            found = self.store.digests.open_of(c.recipient, today + dt.timedelta(days=30))
            sections = week_sections(found, today, self.calendar)
            if not sections:
                return None
            monday = today - dt.timedelta(days=today.weekday())
            return self.renderer.message("digest_weekly", c.channel, recipient=c.recipient_name, week_start=monday,
                                         week_end=monday + dt.timedelta(days=6), sections=sections)
        found = self.store.digests.overdue_supervised(c.recipient, today)
        if not found:
            return None
        return self.renderer.message("digest_supervisor", c.channel, recipient=c.recipient_name, day=today,
                                     total=len(found), agencies=by_agency(found, today, self.calendar))

    async def _send(self, c: DigestClaim, now: dt.datetime) -> int:
        digests = self.store.digests
        message = self._message(c, now.astimezone(self.tz).date())
        channel = self.channels.get(c.channel)
        if message is None or channel is None:
            digests.finish(c, self.owner, "skipped", now, error=None if message is None else "kênh chưa cấu hình")
            return 0
        try:
            message_id = await channel.send(c.address, message)
        except ChannelError as e:
            if e.permanent or c.attempts >= 5:
                digests.finish(c, self.owner, "failed", now, error=e.reason)
                await self.notify(f"Không gửi được bản tổng hợp cho {c.recipient_name} ({c.channel} {c.address}): "
                                  f"{e.reason}")
            else:
                wait = e.retry_after or 60.0 * 2 ** c.attempts
                digests.finish(c, self.owner, "pending", now, error=e.reason,
                               retry_at=now + dt.timedelta(seconds=wait))
            return 0
        digests.finish(c, self.owner, "sent", self.clock.now(), message_id=message_id)
        return 1
