"""Digests: when they fall, what they say, that an empty one is not sent, that each goes once even
with two processes; and grouping: a simulated month sends fewer messages and loses no task."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from bot.clock import VIETNAM
from bot.config import Config, DigestSettings
from bot.digests import Digester, slots_on
from bot.simulate import simulate
from tests.conftest import ROOT
from tests.engine_harness import at, make

ON = Config(digests=DigestSettings())
CAL = ON.calendar.calendar()

# one agency, several tasks on the same days: a Monday morning burst
BUSY = '''
[plan]
number = "7/KH-UBND"
title = "Kế hoạch bận rộn"
year = 2018
supervisor = "UBND tỉnh"
''' + "".join(f'''
[[task]]
id = "{i}"
title = "Việc số {i}"
lead = "Sở Nội vụ"
time = "Trước ngày {d}/10/2018"
''' for i, d in enumerate([1, 1, 1, 5, 5, 15, 31], start=1))


def test_when_digests_fall() -> None:
    monday, tuesday = dt.date(2018, 9, 24), dt.date(2018, 9, 25)
    kinds = [s.kind for s in slots_on(monday, ON.digests, CAL, VIETNAM)]
    assert kinds == ["weekly", "supervisor"]
    assert [s.kind for s in slots_on(tuesday, ON.digests, CAL, VIETNAM)] == ["supervisor"]
    assert slots_on(dt.date(2018, 9, 29), ON.digests, CAL, VIETNAM) == []  # Saturday
    # Monday 3 September 2018 is a public holiday (Quốc khánh): the weekly digest goes on Tuesday
    assert [s.kind for s in slots_on(dt.date(2018, 9, 3), ON.digests, CAL, VIETNAM)] == []
    [weekly, _] = slots_on(dt.date(2018, 9, 4), ON.digests, CAL, VIETNAM)
    assert weekly.kind == "weekly" and weekly.period == "2018-W36" and weekly.at.hour == 8
    friday = DigestSettings(weekly_day=5, weekly_at=dt.time(16, 30), daily=False)
    [late] = slots_on(dt.date(2018, 9, 28), friday, CAL, VIETNAM)
    assert late.at == dt.datetime(2018, 9, 28, 16, 30, tzinfo=VIETNAM)


async def test_the_weekly_and_the_supervisors_digest(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=at(2018, 10, 8, 7), plan=BUSY, config=ON)
    h.engine.reload()
    assert h.engine.digester.next_wakeup(h.clock.now()) == at(2018, 10, 8, 8)
    assert h.engine.next_wakeup() <= at(2018, 10, 8, 8)  # catch-up reminders may come first
    h.clock.set(at(2018, 10, 8, 8))
    stats = await h.engine.tick()
    assert stats.digests == 2  # Sở Nội vụ's week, and UBND tỉnh's overdue list
    by_address = {a: m for a, m in h.channels["telegram"].messages if "Tổng hợp" in (m.html or "")
                  or "quá hạn tính đến" in (m.html or "")}
    week, supervisor = by_address["-1001"].html or "", by_address["-1009"].html or ""
    assert "Tổng hợp nhiệm vụ tuần 08/10/2018 – 14/10/2018" in week
    overdue, soon = week.split("<b>Quá hạn (5)</b>")[1].split("<b>Đến hạn trong 30 ngày tới (2)</b>")
    assert "Đến hạn trong tuần" not in week  # Monday 15/10 is next week
    assert [int(n) for n in re.findall(r"<b>(\d)\. Việc", overdue)] == [1, 2, 3, 4, 5]
    assert [int(n) for n in re.findall(r"<b>(\d)\. Việc", soon)] == [6, 7]
    assert "Nhiệm vụ quá hạn tính đến Thứ Hai, ngày 08/10/2018" in supervisor
    assert "<b>Sở Nội vụ</b> (5)" in supervisor
    oldest_first = re.findall(r"• (\d)\. Việc", supervisor)
    assert oldest_first == ["1", "2", "3", "4", "5"]
    # the same tick again, and the next hour: nothing more
    assert (await h.engine.tick()).digests == 0
    h.clock.set(at(2018, 10, 8, 15))
    assert (await h.engine.tick()).digests == 0
    # Tuesday: the supervisor's again, not the weekly one
    h.clock.set(at(2018, 10, 9, 8))
    assert (await h.engine.tick()).digests == 1


async def test_nothing_to_say_means_no_digest(tmp_path: Path) -> None:
    h = make(tmp_path, f"sqlite:///{tmp_path / 'd.db'}", start=at(2018, 1, 8, 7), plan=BUSY, config=ON)
    h.engine.reload()
    h.clock.set(at(2018, 1, 8, 9))  # nothing due within 30 days, nothing overdue
    assert (await h.engine.tick()).digests == 0
    assert h.store.digests.sent() == []


async def test_a_late_start_sends_today_but_not_yesterday(tmp_path: Path) -> None:
    h = make(tmp_path, f"sqlite:///{tmp_path / 'd.db'}", start=at(2018, 10, 9, 10), plan=BUSY, config=ON)
    h.engine.reload()
    assert (await h.engine.tick()).digests == 1  # Tuesday's supervisor digest, not Monday's weekly one
    assert [k for _, k, _, _, _ in h.store.digests.sent()] == ["supervisor"]


async def test_two_processes_send_each_digest_once(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=at(2018, 10, 8, 8), plan=BUSY, config=ON)
    h.engine.reload()
    e = h.engine
    other = Digester(ON.digests, e.store, e.dispatcher.renderer, h.channels, h.clock, e.calendar, VIETNAM, e.routes,
                     "other", e.dispatcher.notify)
    sent = await other.tick() + (await e.tick()).digests + await other.tick()
    assert sent == 2 and len(h.store.digests.sent()) == 2


async def test_grouping_sends_fewer_messages_and_loses_no_task(tmp_path: Path) -> None:
    h = make(tmp_path, f"sqlite:///{tmp_path / 'g.db'}", start=at(2018, 9, 1, 0), plan=BUSY)
    h.engine.reload()
    await h.run_until(at(2018, 11, 30, 23))
    messages = h.channels["telegram"].messages
    rows = [r for r in h.store.sent_log() if r["channel"] == "telegram"]
    assert len(messages) < len(rows)
    texts = {}
    for address, m in messages:
        texts.setdefault(address, []).append(m.html or "")
    for r in rows:  # every reminder sent is in a message to its chat, with its code
        with h.store.session() as s:
            from bot.store.models import ReminderRow

            code = s.get(ReminderRow, r["id"]).occurrence_id  # type: ignore[union-attr]
        assert any(f"#{code}" in t for t in texts[r["address"]]), r
    grouped = [m for _, m in messages if m.html and "nhiệm vụ cần lưu ý" in m.html]
    assert grouped and all(len(m.buttons) >= 2 for m in grouped)


async def test_a_simulated_month_of_the_bundled_plans() -> None:
    cfg = replace(Config(), console=True)
    first, last = dt.date(2018, 6, 25), dt.date(2018, 7, 31)
    grouped = await simulate(replace(cfg, group=True), [ROOT / "schedules"], first, last)
    single = await simulate(replace(cfg, group=False), [ROOT / "schedules"], first, last)
    reminders = [m for m in grouped.sent if not m["kind"].startswith("digest")]

    def key(m: dict[str, str]) -> tuple[str, ...]:
        return m["at"], m["kind"], m["plan"], m["task"], m["agency"]

    assert sorted(map(key, reminders)) == sorted(key(m) for m in single.sent if not m["kind"].startswith("digest"))
    assert len(grouped.messages) < len(single.messages) <= len(single.sent)
    # every reminder's task is named in some message (a grouped one names several)
    codes_sent = sum(len(re.findall(r"mã #\d+|mã nhiệm vụ #\d+", m.text)) for _, _, m in grouped.messages)
    assert codes_sent >= len(reminders)
