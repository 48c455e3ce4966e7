"""The engine on a simulated clock, on SQLite and PostgreSQL: every rule of sync and dispatch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot import planner
from bot.channels.base import ChannelError
from bot.clock import VIETNAM
from bot.dispatcher import DispatchPolicy
from tests.engine_harness import PLAN, FlakyChannel, make

START = dt.datetime(2018, 8, 20, 0, 0)


def at(y: int, m: int, d: int, h: int = 8, minute: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, minute, tzinfo=VIETNAM)


async def test_every_reminder_once_in_order_as_the_planner_says(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    h.engine.reload()
    await h.run_until(at(2018, 12, 31, 23))
    schedule = h.engine.schedule
    assert schedule is not None
    expected = planner.preview(schedule, h.engine.calendar, "next_working_day", VIETNAM,
                               dt.date(2018, 8, 20), dt.date(2018, 12, 31))
    assert len(h.sent()) == len(expected)
    got = sorted((r[0], r[1], r[2], r[3]) for r in h.sent())
    assert got == sorted((r.target, r.occurrence.task, r.kind, r.days) for r in expected)
    # the first messages: 7, 3, 1 working days before Sunday 30/9, due on Monday 1/10
    firsts = [r for r in h.store.sent_log() if r["task_id"] == "1"][:4]
    assert [r["sent_at"].astimezone(VIETNAM) for r in firsts] == [at(2018, 9, 20), at(2018, 9, 26),
                                                                  at(2018, 9, 28), at(2018, 10, 1)]
    # Sở Tư pháp has only a mailbox, Sở Tài chính only a chat; the supervisor hears after 5 working days
    channels = {(r[0], r[4]) for r in h.sent()}
    assert ("stp", "email") in channels and ("stc", "telegram") in channels
    assert any(r[0] == "ubnd" and r[2] == "escalation" for r in h.sent())
    assert (h.channels["telegram"].messages[0][1].html or "").count("\n") > 3


async def test_resync_is_idempotent(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    first = h.engine.reload().stats
    assert first is not None and first.occurrences_added == 3 and first.reminders_added > 0
    again = h.engine.sync()
    assert (again.occurrences_added, again.reminders_added, again.reminders_rescheduled,
            again.reminders_cancelled) == (0, 0, 0, 0)


async def test_a_moved_date_reschedules_and_never_rewrites_history(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    h.engine.reload()
    await h.run_until(at(2018, 9, 21))  # the 7-days-before reminder of task 1 went out
    sent_before = h.sent()
    assert ("snv", "1", "before", 7, "telegram") in sent_before
    h.write(PLAN.replace('time = "Tháng 9/2018"', 'time = "Tháng 11/2018"'))
    stats = h.engine.reload().stats
    assert stats is not None and stats.occurrences_cancelled == 1 and stats.occurrences_added == 1
    await h.run_until(at(2018, 11, 30, 23))
    assert h.sent()[:len(sent_before)] == sent_before  # history kept
    task1 = [r for r in h.store.sent_log() if r["task_id"] == "1"]
    assert {r["due"] for r in task1[len([s for s in sent_before if s[1] == "1"]):]} == {dt.date(2018, 11, 30)}


async def test_a_removed_task_and_a_removed_plan_stop(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    h.engine.reload()
    h.write(PLAN.split("[[task]]\nid = \"2\"")[0])
    stats = h.engine.reload().stats
    assert stats is not None and stats.occurrences_cancelled == 2
    await h.run_until(at(2018, 12, 31))
    assert {r[1] for r in h.sent()} == {"1"}
    (tmp_path / "kh.toml").unlink()
    h.write(PLAN.replace('number = "1/KH-UBND"', 'number = "2/KH-UBND"'), "other.toml")
    assert h.engine.reload().applied


async def test_a_done_occurrence_gets_nothing_more(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    h.engine.reload()
    await h.run_until(at(2018, 9, 21))
    occ = h.store.sent_log()[0]
    from sqlalchemy import select

    from bot.store.models import OccurrenceRow

    with h.store.session() as s:
        occ_id = s.scalar(select(OccurrenceRow.id).where(OccurrenceRow.task_id == occ["task_id"],
                                                         OccurrenceRow.agency_id == occ["agency_id"]))
    assert occ_id is not None
    assert h.store.complete(occ_id, h.clock.now(), via="admin", user_name="test")
    assert not h.store.complete(occ_id, h.clock.now(), via="admin")  # only once
    h.engine.sync()  # a re-sync does not bring it back
    await h.run_until(at(2018, 12, 31))
    after = [r for r in h.store.sent_log() if r["task_id"] == occ["task_id"] and r["agency_id"] == occ["agency_id"]]
    assert len(after) == 1


async def test_policy_change_reschedules_pending(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    h.engine.reload()
    h.write(PLAN.replace('time = "Tháng 9/2018"', 'time = "Tháng 9/2018"\nreminders = { before = [5] }'))
    stats = h.engine.reload().stats
    assert stats is not None and stats.reminders_added >= 1 and stats.reminders_cancelled >= 3
    await h.run_until(at(2018, 10, 1, 23))
    kinds = [(r[2], r[3]) for r in h.sent() if r[1] == "1" and r[0] == "snv"]
    assert kinds == [("before", 5), ("due", 0)]


async def test_after_downtime_only_the_latest_reminder_goes(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    h.engine.reload()
    h.clock.set(at(2018, 9, 28, 9))  # down since 20/8: the 7- and 3- and 1-day reminders were missed
    await h.engine.tick()
    sent = [r for r in h.sent() if r[1] == "1"]
    assert sent == [("snv", "1", "before", 1, "telegram")]
    counts = h.store.reminder_counts()
    assert counts.get("skipped", 0) >= 2


async def test_the_clock_jumping_a_week_sends_one_collapsed_message(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=at(2018, 9, 27, 0))
    h.engine.reload()
    await h.run_until(at(2018, 9, 27, 23))
    h.clock.advance(dt.timedelta(days=7))  # now 4/10: the day-before, due and overdue ones were missed
    await h.engine.tick()
    await h.engine.tick()
    task1 = [r for r in h.sent() if r[1] == "1"]
    assert task1[-1] == ("snv", "1", "overdue", 3, "telegram") and len(task1) == 1 + 1


async def test_too_late_is_never_sent(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    h.engine.reload()
    h.clock.set(at(2019, 6, 1))
    await h.engine.tick()
    assert h.sent() == []


async def test_transient_failures_retry_with_backoff(tmp_path: Path, db_url: str) -> None:
    flaky = FlakyChannel("telegram", failures=3)
    h = make(tmp_path, db_url, start=at(2018, 9, 20, 7), channels={"telegram": flaky, "email": FlakyChannel("email"),
                                                                     "console": FlakyChannel("console")})
    h.engine.reload()
    await h.run_until(at(2018, 9, 20, 23))
    assert flaky.attempts >= 4
    assert [r[1:4] for r in h.sent() if r[0] == "snv"] == [("1", "before", 7)]
    assert len(flaky.messages) == len([r for r in h.sent() if r[4] == "telegram"])


async def test_retry_after_is_honoured(tmp_path: Path, db_url: str) -> None:
    flaky = FlakyChannel("telegram", failures=1, error=ChannelError("quá nhiều tin", retry_after=42))
    h = make(tmp_path, db_url, start=at(2018, 9, 20, 8),
             channels={"telegram": flaky, "email": FlakyChannel("email"), "console": FlakyChannel("console")})
    h.engine.reload()
    await h.engine.tick()
    wake = h.store.next_wakeup()
    assert wake is not None and wake >= at(2018, 9, 20, 8) + dt.timedelta(seconds=42)


async def test_permanent_failure_falls_back_to_email_and_tells_admins(tmp_path: Path, db_url: str) -> None:
    blocked = FlakyChannel("telegram", failures=1000, error=ChannelError("bot was blocked", permanent=True))
    email = FlakyChannel("email")
    h = make(tmp_path, db_url, start=at(2018, 9, 20, 7),
             channels={"telegram": blocked, "email": email, "console": FlakyChannel("console")})
    h.engine.reload()
    await h.run_until(at(2018, 9, 20, 23))
    assert ("snv", "1", "before", 7, "email") in h.sent()
    assert email.messages and email.messages[0][0] == "snv@example.vn"
    assert any("Sở Nội vụ" in n and "email" in n for n in h.notices)
    assert h.store.targets().get("snv") == [("email", "snv@example.vn"), ("console", "snv")]
    h.engine.sync()  # later reminders go to the mailbox directly
    await h.run_until(at(2018, 9, 26, 23))
    assert ("snv", "1", "before", 3, "email") in h.sent()


async def test_a_migrated_chat_gets_the_message_at_its_new_id(tmp_path: Path, db_url: str) -> None:
    moved = FlakyChannel("telegram", failures=1, error=ChannelError("migrated", migrate_to="-100777"))
    h = make(tmp_path, db_url, start=at(2018, 9, 20, 7),
             channels={"telegram": moved, "email": FlakyChannel("email"), "console": FlakyChannel("console")})
    h.engine.reload()
    await h.run_until(at(2018, 9, 20, 23))
    assert [a for a, _ in moved.messages if a == "-100777"]
    assert ("telegram", "-100777") in h.store.targets()["snv"]


async def test_an_expired_lease_is_taken_again_and_the_first_owner_cannot_record(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=at(2018, 9, 20, 8))
    h.engine.reload()
    claimed = h.store.claim(h.clock.now(), "dead-process", dt.timedelta(minutes=2), 100)
    assert claimed
    assert h.store.claim(h.clock.now(), "other", dt.timedelta(minutes=2), 100) == []  # held
    h.clock.advance(dt.timedelta(minutes=3))
    await h.engine.tick()
    assert len(h.sent()) == len(claimed)
    assert h.store.sent(claimed[0], "dead-process", h.clock.now(), None) is False


async def test_edit_while_in_flight(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=at(2018, 9, 20, 8))
    h.engine.reload()
    claimed = h.store.claim(h.clock.now(), "test", dt.timedelta(minutes=2), 100)
    h.write(PLAN.replace('time = "Tháng 9/2018"', 'time = "Tháng 12/2018"'))
    assert h.engine.reload().applied
    for c in claimed:  # the messages already on their way are recorded as sent
        assert h.store.sent(c, "test", h.clock.now(), "m")
    await h.run_until(at(2018, 12, 31, 23))
    task1 = [r for r in h.store.sent_log() if r["task_id"] == "1"]
    assert {r["due"] for r in task1[1:]} == {dt.date(2018, 12, 31)}
    assert len({(r["task_id"], r["agency_id"], r["due"], r["kind"], r["days"]) for r in h.store.sent_log()}) == len(
        h.store.sent_log())


async def test_a_bad_edit_keeps_the_last_good_schedule(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=START)
    assert h.engine.reload().applied
    h.write(PLAN.replace('lead = "Sở Nội vụ"', 'lead = "Sở Nội Vu"'))
    result = h.engine.reload()
    assert not result.applied and any("Sở Nội Vu" in p.message for p in result.problems)
    await h.run_until(at(2018, 10, 1, 23))
    assert ("snv", "1", "due", 0, "telegram") in h.sent()


async def test_recurring_duties_roll_a_year_ahead(tmp_path: Path, db_url: str) -> None:
    monthly = PLAN.split("[[task]]")[0] + '[[task]]\nid = "9"\ntitle = "Báo cáo tháng"\nlead = "Sở Nội vụ"\n' \
        'time = "ngày 20 hằng tháng"\n'
    h = make(tmp_path, db_url, start=START, plan=monthly)
    stats = h.engine.reload().stats
    assert stats is not None and stats.occurrences_added == 12 + 8  # Jan 2018 .. Aug 2019
    h.clock.set(at(2019, 3, 1))
    assert h.engine.sync().occurrences_added == 6  # the horizon moved with the clock


async def test_busy_database_postpones_the_tick(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    h = make(tmp_path, url, start=at(2018, 9, 20, 8))
    h.engine.reload()
    from bot.store import Store

    h.engine.dispatcher.store = Store(url, busy_timeout=0.05)
    import sqlite3

    lock = sqlite3.connect(tmp_path / "busy.db")
    lock.execute("BEGIN EXCLUSIVE")
    stats = await h.engine.dispatcher.tick()
    assert stats.busy and h.sent() == []
    lock.rollback()
    lock.close()
    stats = await h.engine.dispatcher.tick()
    assert stats.sent > 0


async def test_dispatch_policy_lease_is_used(tmp_path: Path, db_url: str) -> None:
    policy = DispatchPolicy(lease=dt.timedelta(seconds=30), batch=1)
    h = make(tmp_path, db_url, start=at(2018, 9, 20, 8), dispatch=policy)
    h.engine.reload()
    stats = await h.engine.tick()
    assert stats.claimed == 1


async def test_the_engine_tick_goes_on_batch_after_batch(tmp_path: Path, db_url: str) -> None:
    h = make(tmp_path, db_url, start=at(2018, 10, 4, 8), dispatch=DispatchPolicy(batch=1))
    h.engine.reload()
    first = await h.engine.dispatcher.tick()
    assert first.claimed == 1
    rest = await h.engine.tick()
    assert rest.sent >= 2
    assert (await h.engine.dispatcher.tick()).claimed == 0  # nothing due was left for the next tick


@pytest.mark.parametrize("days", [0, 3])
async def test_nothing_on_non_working_days(tmp_path: Path, db_url: str, days: int) -> None:
    h = make(tmp_path, db_url, start=START)
    h.engine.reload()
    await h.run_until(at(2018, 12, 31, 23) + dt.timedelta(days=days))
    cal = h.engine.calendar
    assert all(cal.is_working_day(r["sent_at"].astimezone(VIETNAM).date()) for r in h.store.sent_log())
