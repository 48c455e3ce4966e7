"""Telegram throughput: 5,000 reminders to 500 groups through our Bot API server, which enforces
Telegram's limits (30 messages a second overall, 1 a second per chat, 20 a minute per group) by
answering 429 with retry_after.

Prints the rate reached as a share of Telegram's 30 messages a second (the baseline is the limit
itself, measured in the same run by the server's clock) and the number of 429s the bot received.
Targets: over 90%, no 429. Takes about three minutes. `make bench` or
`python benchmarks/bench_telegram.py [--chats N --per-chat M]`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the test server lives in tests/

from bot.channels.ratelimit import ChatRateLimiter
from bot.channels.telegram import TelegramChannel
from bot.clock import VIETNAM, OffsetClock
from bot.config import Config, TelegramSettings
from bot.engine import Engine
from bot.store import Store
from bot.telegram_app import build_application
from tests.fake_telegram import TOKEN, FakeTelegram

DAY = dt.date(2019, 10, 1)
TELEGRAM_LIMIT = 30.0


def generate(folder: Path, chats: int, per_chat: int) -> None:
    """`chats` agencies with a group each, and a plan giving each of them `per_chat` tasks due on DAY."""
    agencies = [f'[[agency]]\nid = "a{i}"\nname = "Cơ quan {i}"\ntelegram = [{-1000000 - i}]\n' for i in range(chats)]
    (folder / "agencies.toml").write_text("\n".join(agencies), encoding="utf-8")
    lines = ['[plan]\nnumber = "1/KH-UBND"\ntitle = "Kế hoạch thử tải"\nyear = 2019\n'
             'reminders = { before = [], overdue_max = 0, escalate_after = 0, send_at = "08:00" }\n']
    for t in range(per_chat):
        for i in range(chats):
            lines.append(f'[[task]]\nid = "{t}-{i}"\ntitle = "Nhiệm vụ {t} của cơ quan {i}"\nlead = "a{i}"\n'
                         f'time = "ngày {DAY.day}/{DAY.month}/{DAY.year}"\n')
    (folder / "kh.toml").write_text("\n".join(lines), encoding="utf-8")


async def run(chats: int, per_chat: int) -> None:
    """Sync, then tick until every reminder is delivered; print the figures."""
    total = chats * per_chat
    server = FakeTelegram(limits=True).start()
    with tempfile.TemporaryDirectory(prefix="nhacviec-bench-tg-") as tmp:
        folder = Path(tmp) / "schedules"
        folder.mkdir()
        generate(folder, chats, per_chat)
        cfg = Config(schedules=folder, database=f"sqlite:///{tmp}/bench.db", console=False,
                     telegram=TelegramSettings(base_url=server.base_url))
        store = Store(cfg.database)
        store.migrate()
        limiter = ChatRateLimiter()
        app = build_application(cfg, TOKEN, limiter=limiter)
        await app.bot.initialize()
        clock = OffsetClock(dt.datetime.combine(DAY, dt.time(8, 0, 1), tzinfo=VIETNAM))
        engine = Engine(cfg, store, clock, {"telegram": TelegramChannel(app.bot)}, [folder], owner="bench")
        result = engine.reload()
        assert result.applied, result.problems[:5]
        start = time.perf_counter()
        sent = 0
        while sent < total and time.perf_counter() - start < 900:
            stats = await engine.tick()
            sent += stats.sent
            if stats.claimed == 0:
                await asyncio.sleep(0.2)  # only retries are left: wait for their time
        wall = time.perf_counter() - start
        await app.bot.shutdown()
        store.engine.dispose()
    server.stop()
    ok = sorted(c.at for c in server.calls if c.method == "sendMessage" and "message_id" in c.params)
    rate = (len(ok) - 1) / (ok[-1] - ok[0]) if len(ok) > 1 else 0.0
    share = rate / TELEGRAM_LIMIT
    print(f"{len(ok):,} of {total:,} reminders delivered to {chats} groups in {wall:.1f} s")
    print(f"rate: {rate:.1f} messages/s = {share:.1%} of Telegram's {TELEGRAM_LIMIT:.0f}/s  "
          f"[target > 90%: {'met' if share > 0.9 else 'MISSED'}]")
    print(f"429s received: {limiter.retry_afters} (server answered {server.too_many})  "
          f"[target 0: {'met' if limiter.retry_afters == 0 else 'MISSED'}]")


def main() -> None:
    """Parse the sizes and run."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--per-chat", type=int, default=10)
    args = parser.parse_args()
    asyncio.run(run(args.chats, args.per_chat))


if __name__ == "__main__":
    main()
