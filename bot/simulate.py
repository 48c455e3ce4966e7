"""Time travel: the real planner and dispatcher on a throwaway database and a simulated clock."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.channels.base import Message
from bot.clock import FakeClock
from bot.config import Config
from bot.engine import Engine
from bot.schedule import Problem
from bot.store import Store


class RecordingChannel:
    """A channel that keeps what it is given; the simulation's officers never answer."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.messages: list[tuple[str, Message]] = []

    async def send(self, address: str, message: Message) -> str | None:
        """Keep the message."""
        self.messages.append((address, message))
        return f"{self.name}-{len(self.messages)}"


@dataclass(frozen=True)
class Simulation:
    """Every message that went out, in order, or the problems that stopped the schedule."""

    sent: list[dict[str, Any]]
    problems: list[Problem]
    messages: list[tuple[str, str, Message]] = field(default_factory=list)  # (channel, address, message)


async def simulate(cfg: Config, paths: list[Path], first: dt.date, last: dt.date) -> Simulation:
    """Run from the start of `first` to the end of `last`, jumping from one due reminder to the next."""
    tz = cfg.tz
    start = dt.datetime.combine(first, dt.time(0, 0), tzinfo=tz)
    end = dt.datetime.combine(last, dt.time(23, 59, 59), tzinfo=tz)
    with tempfile.TemporaryDirectory(prefix="nhacviec-sim-") as tmp:
        store = Store(f"sqlite:///{tmp}/simulate.db")
        store.migrate()
        clock = FakeClock(start)
        channels = {name: RecordingChannel(name) for name in ("telegram", "email", "console")}
        engine = Engine(replace(cfg, console=True), store, clock, channels, paths, owner="simulate")
        span = (last - first).days
        result = engine.reload(stale_before=start, horizon_days=span + 400, window_days=span + 2)
        if not result.applied:
            store.engine.dispose()
            return Simulation([], result.problems)
        while True:
            wake = engine.next_wakeup()
            if wake is None or wake > end:
                break
            if wake > clock.now():
                clock.set(wake)
            await engine.tick()
        schedule = engine.schedule
        assert schedule is not None
        out = []
        for row in store.sent_log():
            plan = schedule.plan(row["plan_id"])
            out.append({
                "at": row["sent_at"].astimezone(tz).isoformat(),
                "kind": row["kind"], "days": row["days"],
                "plan": plan.number, "task": row["task_id"],
                "agency": schedule.agencies[row["recipient"]].name,
                "about": schedule.agencies[row["agency_id"]].name,
                "channel": row["channel"],
                "due": row["due"].isoformat(),
            })
        for at, kind, recipient, channel, _ in store.digests.sent():
            out.append({"at": at.astimezone(tz).isoformat(), "kind": f"digest_{kind}", "days": 0, "plan": "",
                        "task": "", "agency": schedule.agencies[recipient].name, "about": "", "channel": channel,
                        "due": ""})
        out.sort(key=lambda m: m["at"])
        messages = [(name, address, m) for name, c in channels.items() for address, m in c.messages]
        store.engine.dispose()
        return Simulation(out, result.problems, messages)
