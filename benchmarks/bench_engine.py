"""The engine at national scale: 34 provinces × about 3,000 tasks, generated, synced into SQLite.

Prints: the time to load and sync 100,000 tasks and materialize their reminders (and the same row
count written by bare sqlite3 in the same run, as a floor); the time of one dispatch tick with a
million reminder rows in the table; peak memory. Targets: sync under 60 s, a tick under 50 ms,
under 300 MB. Run with `make bench` or `python benchmarks/bench_engine.py [--provinces N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from bot.clock import VIETNAM, FakeClock
from bot.config import Config
from bot.dispatcher import Dispatcher, DispatchPolicy
from bot.engine import Engine
from bot.render import Renderer
from bot.simulate import RecordingChannel
from bot.store import Store

TIMES = ["Tháng {m}/{y}", "Quý {q}/{y}", "Trước ngày {d}/{m}/{y}", "Trong tháng {m}/{y}", "Năm {y}",
         "Tháng {m} - Tháng {m2}/{y}", "chậm nhất ngày {d}/{m}/{y}", "6 tháng đầu năm {y}"]
RECURRING = ["hằng quý", "định kỳ 6 tháng", "Trước ngày 30/6 và 30/11 hàng năm", "ngày 20 hằng tháng"]


def generate(folder: Path, provinces: int, tasks: int, year: int, rng: random.Random) -> None:
    """Agencies and one plan per province, written as the admins would write them."""
    agencies = []
    for p in range(provinces):
        for a in range(30):
            agencies.append(f'[[agency]]\nid = "p{p}-a{a}"\nname = "Cơ quan {a} tỉnh {p}"\n'
                            f'telegram = [{-1000000 - p * 100 - a}]\n')
    (folder / "agencies.toml").write_text("\n".join(agencies), encoding="utf-8")
    for p in range(provinces):
        lines = [f'[plan]\nnumber = "{p}/KH-UBND"\ntitle = "Kế hoạch tỉnh {p}"\nyear = {year}\n'
                 f'supervisor = "p{p}-a0"\n']
        for t in range(tasks):
            if rng.random() < 0.08:
                time_text = rng.choice(RECURRING)
            else:
                m = rng.randint(1, 11)
                time_text = rng.choice(TIMES).format(m=m, m2=m + 1, q=rng.choice(["I", "II", "III", "IV"]),
                                                     d=rng.randint(1, 28), y=year)
            lines.append(f'[[task]]\nid = "{t}"\ntitle = "Nhiệm vụ số {t} của tỉnh {p}"\n'
                         f'lead = "p{p}-a{rng.randint(1, 29)}"\ntime = "{time_text}"\n')
        (folder / f"tinh-{p}.toml").write_text("\n".join(lines), encoding="utf-8")


def floor_insert(rows: int) -> float:
    """Seconds for bare sqlite3 to write as many rows of the same shape (the floor)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(Path(tmp) / "floor.db")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, o INT, kind TEXT, days INT, recipient TEXT, "
                   "channel TEXT, address TEXT, send_at TEXT, next_at TEXT, state TEXT, attempts INT)")
        db.execute("CREATE INDEX ix ON r (state, next_at)")
        start = time.perf_counter()
        batch = [(i, "before", 7, "p1-a1", "telegram", "-1", "2019-01-01 01:00:00", "2019-01-01 01:00:00",
                  "pending", 0) for i in range(10000)]
        for _ in range(max(1, rows // len(batch))):
            db.executemany("INSERT INTO r (o, kind, days, recipient, channel, address, send_at, next_at, state, "
                           "attempts) VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
        db.commit()
        return time.perf_counter() - start


def peak_mb() -> float:
    """Peak resident memory of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Generate, sync, fill, tick, and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--tasks", type=int, default=3000)
    args = parser.parse_args()
    rng = random.Random(7)
    year = 2019
    with tempfile.TemporaryDirectory(prefix="nhacviec-bench-") as tmp:
        folder = Path(tmp) / "schedules"
        folder.mkdir()
        generate(folder, args.provinces, args.tasks, year, rng)
        store = Store(f"sqlite:///{tmp}/bench.db")
        store.migrate()
        # the bot starts in the middle of the year: a year of occurrences, reminders a window ahead
        clock = FakeClock(dt.datetime(year, 6, 14, 7, 0, tzinfo=VIETNAM))
        engine = Engine(Config(schedules=folder, console=False), store, clock,
                        {"telegram": RecordingChannel("telegram")}, [folder])
        start = time.perf_counter()
        assert engine.keeper.reload(clock.today()), engine.keeper.last_problems[:5]
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        stats = engine.sync()
        synced = time.perf_counter() - start
        rows = sum(store.reminder_counts().values())
        floor = floor_insert(rows)
        tasks = args.provinces * args.tasks
        print(f"tasks: {tasks:,}; occurrences: {stats.occurrences_added:,}; reminder rows written: {rows:,} "
              f"(the 45-day window; the daily sync writes the rest as the window moves)")
        print(f"load schedules: {loaded:.1f} s")
        print(f"sync and materialize: {synced:.1f} s ({rows / synced:,.0f} rows/s); bare sqlite3 writes the "
              f"same rows in {floor:.1f} s: {synced / floor:.1f}x the floor  [target < 60 s: "
              f"{'met' if synced < 60 else 'MISSED'}]")
        start = time.perf_counter()
        engine.sync(window_days=400)  # a whole year of reminders, to test the tick on a big table
        full = time.perf_counter() - start
        rows = sum(store.reminder_counts().values())
        print(f"writing a whole year of reminders instead: {full:.1f} s; the table now holds {rows:,} rows")
        busy, idle = asyncio.run(_ticks(store))
        print(f"one dispatch tick with {rows:,} rows in the table: {busy:.1f} ms claiming and sending a batch "
              f"of 100, {idle:.1f} ms when nothing is due  [target < 50 ms: {'met' if busy < 50 else 'MISSED'}]")
        print(f"peak memory: {peak_mb():.0f} MB [target < 300 MB: {'met' if peak_mb() < 300 else 'MISSED'}]")


async def _ticks(store: Store) -> tuple[float, float]:
    """Median busy tick (a batch of 100 due) and median idle tick (nothing due)."""
    clock = FakeClock(dt.datetime(2019, 6, 14, 8, 0, 1, tzinfo=VIETNAM))
    dispatcher = Dispatcher(store, {"telegram": RecordingChannel("telegram")}, Renderer(), clock,
                            Config().calendar.calendar(), VIETNAM, "bench", DispatchPolicy(batch=100))
    busy, idle = [], []
    while True:  # the catch-up of the week before start, then today's 08:00 reminders
        start = time.perf_counter()
        stats = await dispatcher.tick()
        took = (time.perf_counter() - start) * 1000
        if stats.claimed == 0:
            break
        if stats.claimed == 100:
            busy.append(took)
    for _ in range(5):
        start = time.perf_counter()
        await dispatcher.tick()
        idle.append((time.perf_counter() - start) * 1000)
    return sorted(busy)[len(busy) // 2] if busy else 0.0, sorted(idle)[len(idle) // 2]


if __name__ == "__main__":
    main()
