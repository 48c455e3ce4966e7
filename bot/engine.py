"""The engine: the schedule in force, synced into the store, and the dispatcher that sends."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot import planner
from bot.channels.base import Channel
from bot.clock import Clock
from bot.config import Config
from bot.digests import Digester
from bot.dispatcher import Dispatcher, DispatchPolicy, Notify, TickStats
from bot.render import Renderer
from bot.schedule import Problem, Schedule, ScheduleKeeper
from bot.store import Store, SyncStats

log = logging.getLogger("nhacviec.engine")
EARLIEST = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did: whether a new schedule is in force, its problems, what sync changed."""

    applied: bool
    problems: list[Problem]
    stats: SyncStats | None = None


def owner_id() -> str:
    """This process, as written in the leases it takes."""
    return f"{socket.gethostname()}:{os.getpid()}"


class Engine:
    """Loads schedules, keeps the store in line with them, and dispatches."""

    def __init__(self, cfg: Config, store: Store, clock: Clock, channels: Mapping[str, Channel],
                 paths: list[Path] | None = None, notify: Notify | None = None,
                 dispatch: DispatchPolicy | None = None, owner: str | None = None) -> None:
        self.cfg, self.store, self.clock = cfg, store, clock
        self.calendar = cfg.calendar.calendar()
        self.keeper = ScheduleKeeper(paths or [cfg.schedules], cfg.reminders)
        self.console = "console" in channels and cfg.console_fallback
        self.both = cfg.deliver_both
        policy = dispatch or DispatchPolicy(lease=dt.timedelta(seconds=cfg.lease_seconds), batch=cfg.batch,
                                            stale_after=dt.timedelta(days=cfg.catch_up_days),
                                            max_attempts=cfg.max_attempts, group=cfg.group)
        owner = owner or owner_id()
        renderer = Renderer(cfg.templates)
        self.dispatcher = Dispatcher(store, channels, renderer, clock, self.calendar, cfg.tz, owner, policy, notify)
        self.digester = Digester(cfg.digests, store, renderer, channels, clock, self.calendar, cfg.tz, self.routes,
                                 owner, self.dispatcher.notify, policy.lease)

    def routes(self) -> dict[str, list[tuple[str, str]]]:
        """Where each agency's messages go now: its chats, else its mailboxes (or both), else the console."""
        return {agency: planner.route(t, both=self.both, console=self.console)
                for agency, t in self.store.targets().items()}

    def next_wakeup(self) -> dt.datetime | None:
        """When something is next due: a reminder or a digest."""
        times = [t for t in (self.store.next_wakeup(), self.digester.next_wakeup(self.clock.now())) if t is not None]
        return min(times) if times else None

    @property
    def schedule(self) -> Schedule | None:
        """The schedule in force."""
        return self.keeper.current

    def reload(self, *, stale_before: dt.datetime | None = None, horizon_days: int = 365,
               window_days: int = 45) -> ReloadResult:
        """Load the schedules again; sync them if they load, else keep the last good ones."""
        applied = self.keeper.reload(self.clock.today())
        problems = self.keeper.last_problems
        if not applied:
            return ReloadResult(False, problems)
        return ReloadResult(True, problems, self.sync(stale_before=stale_before, horizon_days=horizon_days,
                                                      window_days=window_days))

    def sync(self, *, stale_before: dt.datetime | None = None, horizon_days: int = 365,
             window_days: int = 45, plans: set[str] | None = None) -> SyncStats:
        """Write the schedule in force into the store: occurrences a year ahead, reminders
        `window_days` ahead (the daily sync moves both on)."""
        schedule = self.keeper.current
        stats = SyncStats()
        if schedule is None:
            return stats
        now = self.clock.now()
        stale = stale_before or now - dt.timedelta(days=self.cfg.catch_up_days)
        self.store.sync_agencies(schedule.agencies.values(), now)
        targets = self.store.targets()

        def route(t: list[tuple[str, str]]) -> list[tuple[str, str]]:
            return planner.route(t, both=self.both, console=self.console)

        last = now.astimezone(self.cfg.tz).date() + dt.timedelta(days=horizon_days)
        until = now + dt.timedelta(days=window_days)
        extended = self.store.extensions_by_key()
        for plan in schedule.plans:
            if plans is not None and plan.id not in plans:
                continue
            found = planner.planned(schedule, plan, self.calendar, self.cfg.calendar.due_policy, self.cfg.tz,
                                    EARLIEST, last, extended)
            stats += self.store.sync_plan(plan, found, route, targets, stale, now, until)
        if plans is None:
            stats += self.store.deactivate_plans({p.id for p in schedule.plans}, now)
        self.store.set_meta("last_sync", now.isoformat())
        log.info("sync: %s", vars(stats))
        return stats

    async def tick(self) -> TickStats:
        """Send what is due now (batch after batch); the time of the last tick is kept for /healthz."""
        stats = await self.dispatcher.drain()
        try:
            stats.digests = await self.digester.tick()
        except Exception:  # a digest must never stop the reminders
            log.exception("digests failed")
        if not stats.busy:
            try:
                self.store.set_meta("last_tick", self.clock.now().isoformat())
            except Exception:  # a busy database only delays this fact
                log.debug("could not record the tick time", exc_info=True)
        return stats
