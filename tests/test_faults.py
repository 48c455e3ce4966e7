"""Faults: two dispatchers on one database, and `nhacviec run` killed with SIGKILL while sending."""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

from bot.clock import VIETNAM, FakeClock
from bot.config import Config
from bot.dispatcher import Dispatcher, DispatchPolicy
from bot.render import Renderer
from bot.simulate import RecordingChannel
from bot.store import Store
from tests.conftest import wait_until
from tests.engine_harness import make

MANY = 1000


def _many_tasks(n: int, day: dt.date) -> str:
    head = (f'[plan]\nnumber = "99/KH"\ntitle = "Nhiều việc"\nyear = {day.year}\nsupervisor = "UBND tỉnh"\n'
            'reminders = { before = [], overdue_max = 0, escalate_after = 0, send_at = "00:00" }\n')
    tasks = "".join(f'\n[[task]]\nid = "T{i}"\ntitle = "Việc số {i}"\nlead = "Sở Nội vụ"\n'
                    f'due = {day.isoformat()}\ntime = "ngày {day.day}/{day.month}/{day.year}"\n' for i in range(n))
    return head + tasks


def _run_dispatcher(url: str, name: str, clock: FakeClock, channel: RecordingChannel) -> None:
    store = Store(url)
    cal = Config().calendar.calendar()
    dispatcher = Dispatcher(store, {"telegram": channel}, Renderer(), clock, cal, VIETNAM, name,
                            DispatchPolicy(batch=25))

    async def loop() -> None:
        while True:
            stats = await dispatcher.tick()
            if stats.claimed == 0 and not stats.busy:
                return

    asyncio.run(loop())
    store.engine.dispose()


def test_two_dispatchers_deliver_each_reminder_once(tmp_path: Path, db_url: str) -> None:
    day = dt.date(2018, 10, 1)
    h = make(tmp_path, db_url, start=dt.datetime(2018, 10, 1, 9, 0), plan=_many_tasks(MANY, day))
    h.engine.reload()
    channels = [RecordingChannel("telegram"), RecordingChannel("telegram")]
    threads = [threading.Thread(target=_run_dispatcher, args=(db_url, f"p{i}", h.clock, channels[i]))
               for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    tasks = [t for c in channels for _, m in c.messages for t in re.findall(r"(T\d+)\. Việc", m.html or "")]
    counts = collections.Counter(tasks)
    assert len(counts) == MANY and max(counts.values()) == 1
    if h.store.dialect == "postgresql":  # SKIP LOCKED lets both work at once (SQLite takes turns)
        assert all(c.messages for c in channels)
    assert h.store.reminder_counts() == {"sent": MANY}


def _sent(store: Store) -> int:
    try:
        return store.reminder_counts().get("sent", 0)
    except Exception:  # the first run has not created the tables yet
        return 0


def test_killed_while_dispatching_loses_nothing(tmp_path: Path) -> None:
    today = dt.datetime.now(VIETNAM).date()
    folder = tmp_path / "schedules"
    folder.mkdir()
    (folder / "agencies.toml").write_text('[[agency]]\nid = "snv"\nname = "Sở Nội vụ"\n\n[[agency]]\n'
                                          'id = "ubnd"\nname = "UBND tỉnh"\n', encoding="utf-8")
    n = 1500
    (folder / "kh.toml").write_text(_many_tasks(n, today), encoding="utf-8")
    db = tmp_path / "bot.db"
    config = tmp_path / "config.toml"
    config.write_text(f'[bot]\nschedules = "{folder}"\ndatabase = "sqlite:///{db}"\ntick_seconds = 0.05\n'
                      f'[console]\nenabled = true\n[web]\nenabled = false\n'
                      f'[dispatch]\nlease_seconds = 2\nbatch = 50\ngroup = false\n'
                      f'[calendar]\ndue_policy = "none"\nextra_workdays = [{today.isoformat()}]\n', encoding="utf-8")
    out = tmp_path / "out.txt"
    exe = [sys.executable, "-m", "bot", "--config", str(config), "run"]
    kills = 0
    store = Store(f"sqlite:///{db}")
    with out.open("w") as sink:
        for _ in range(3):  # each run is killed once it has sent something more: mid-dispatch
            before = _sent(store)
            proc = subprocess.Popen(exe, stdout=sink, stderr=subprocess.DEVNULL, env={**os.environ})
            wait_until(lambda before=before: _sent(store) > before, 120)  # type: ignore[misc]
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
        assert _sent(store) < n  # there is still work for the last run
        proc = subprocess.Popen(exe, stdout=sink, stderr=subprocess.DEVNULL)
        try:
            wait_until(lambda: _sent(store) == n, 120)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    text = out.read_text(encoding="utf-8")
    counts = collections.Counter(re.findall(r"^Nhiệm vụ (T\d+): Việc", text, re.M))
    assert len(counts) == n  # nothing lost
    assert sum(c - 1 for c in counts.values()) <= kills  # at most one duplicate per kill
    assert Store(f"sqlite:///{db}").reminder_counts() == {"sent": n}
