"""A small schedule, a store, a fake clock and recording channels, wired as the bot wires them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from bot.channels.base import ChannelError, Message
from bot.clock import VIETNAM, FakeClock
from bot.config import Config, DigestSettings
from bot.dispatcher import DispatchPolicy
from bot.engine import Engine
from bot.simulate import RecordingChannel
from bot.store import Store

AGENCIES = '''
[[agency]]
id = "snv"
name = "Sở Nội vụ"
telegram = [-1001]
email = ["snv@example.vn"]

[[agency]]
id = "stc"
name = "Sở Tài chính"
telegram = [-1002]

[[agency]]
id = "stp"
name = "Sở Tư pháp"
email = ["stp@example.vn"]

[[agency]]
id = "ubnd"
name = "UBND tỉnh"
telegram = [-1009]
'''

PLAN = '''
[plan]
number = "1/KH-UBND"
title = "Kế hoạch thử"
year = 2018
supervisor = "UBND tỉnh"

[[task]]
id = "1"
title = "Rà soát tổ chức bộ máy"
lead = "Sở Nội vụ"
time = "Tháng 9/2018"

[[task]]
id = "2"
title = "Báo cáo kết quả"
lead = ["Sở Tài chính", "Sở Tư pháp"]
time = "Trước ngày 15/10/2018"
'''


def at(y: int, m: int, d: int, h: int = 8, minute: int = 0) -> dt.datetime:
    """A moment in Vietnam time."""
    return dt.datetime(y, m, d, h, minute, tzinfo=VIETNAM)


class FlakyChannel(RecordingChannel):
    """A channel that fails the next `failures` sends with a given error, then works."""

    def __init__(self, name: str, failures: int = 0, error: ChannelError | None = None) -> None:
        super().__init__(name)
        self.failures = failures
        self.error = error or ChannelError("mạng chập chờn")
        self.attempts = 0

    async def send(self, address: str, message: Message) -> str | None:
        self.attempts += 1
        if self.failures > 0:
            self.failures -= 1
            raise self.error
        return await super().send(address, message)


@dataclass
class Harness:
    """Everything a test needs to drive the engine through time."""

    folder: Path
    store: Store
    clock: FakeClock
    engine: Engine
    channels: dict[str, RecordingChannel]
    notices: list[str] = field(default_factory=list)

    def write(self, plan: str, name: str = "kh.toml") -> None:
        (self.folder / name).write_text(plan, encoding="utf-8")

    async def run_until(self, end: dt.datetime) -> None:
        """Jump from one due reminder to the next until `end`; each midnight the daily sync runs,
        as in `nhacviec run`."""
        synced = self.clock.now().date()
        while True:
            wake = self.store.next_wakeup()
            midnight = dt.datetime.combine(synced + dt.timedelta(days=1), dt.time(0, 5), tzinfo=VIETNAM)
            if midnight <= end and (wake is None or midnight < wake):
                self.clock.set(max(midnight, self.clock.now()))
                self.engine.sync()
                synced = midnight.date()
                continue
            if wake is None or wake > end:
                break
            if wake > self.clock.now():
                self.clock.set(wake)
            await self.engine.tick()
        if end > self.clock.now():
            self.clock.set(end)

    def sent(self) -> list[tuple[str, str, str, int, str]]:
        """(recipient, task, kind, days, channel) of every reminder sent, in order."""
        return [(r["recipient"], r["task_id"], r["kind"], r["days"], r["channel"]) for r in self.store.sent_log()]


def make(folder: Path, url: str, *, start: dt.datetime, plan: str = PLAN, channels: dict | None = None,
         config: Config | None = None, dispatch: DispatchPolicy | None = None) -> Harness:
    """A harness on a fresh store at `start` (Vietnam time)."""
    (folder / "agencies.toml").write_text(AGENCIES, encoding="utf-8")
    (folder / "kh.toml").write_text(plan, encoding="utf-8")
    store = Store(url)
    store.migrate()
    clock = FakeClock(start.replace(tzinfo=VIETNAM) if start.tzinfo is None else start)
    chans = channels or {n: RecordingChannel(n) for n in ("telegram", "email", "console")}
    # digests have tests of their own; here they would only add messages to count
    cfg = replace(config or Config(digests=DigestSettings(weekly=False, daily=False)), schedules=folder, console=True)
    notices: list[str] = []

    async def notify(text: str) -> None:
        notices.append(text)

    engine = Engine(cfg, store, clock, chans, [folder], notify=notify, dispatch=dispatch, owner="test")
    return Harness(folder, store, clock, engine, chans, notices)
