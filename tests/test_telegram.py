"""The Telegram side end to end: the bot runs against our own Bot API server on 127.0.0.1, a real
database and a clock the test moves. Officers press buttons, reply and type commands; we look
at what the server received and what the database holds."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.actions import invite
from bot.channels.ratelimit import ChatRateLimiter
from bot.clock import VIETNAM, FakeClock
from bot.config import Config, DigestSettings, EmailSettings, TelegramSettings, WebSettings
from bot.service import Service
from bot.store.models import AuditRow, CompletionRow, ExtensionRow, OccurrenceRow, ReminderRow, TargetRow
from tests.engine_harness import AGENCIES, PLAN
from tests.fake_telegram import TOKEN, FakeTelegram

SNV, STC, UBND = -1001, -1002, -1009  # the groups agencies.toml gives Sở Nội vụ, Sở Tài chính, UBND tỉnh
ADMIN = 42


@dataclass
class Bot:
    """The running service, the fake server and the clock."""

    service: Service
    fake: FakeTelegram
    clock: FakeClock

    async def tick_to_first_reminder(self, chat: int = SNV) -> None:
        """Move the clock from one due reminder to the next until one has gone to `chat`."""
        while not self.fake.sent(chat):
            wake = self.service.store.next_wakeup()
            assert wake is not None
            self.clock.set(max(wake, self.clock.now()))
            await self.service.tick()

    def occurrence(self, task: str, agency: str) -> OccurrenceRow:
        with self.service.store.session() as s:
            row = s.scalar(select(OccurrenceRow).where(OccurrenceRow.task_id == task, OccurrenceRow.agency_id == agency)
                           .order_by(OccurrenceRow.due).limit(1))
            assert row is not None
            return row

    def reminders(self, occ_id: int, state: str) -> list[ReminderRow]:
        with self.service.store.session() as s:
            return list(s.scalars(select(ReminderRow).where(ReminderRow.occurrence_id == occ_id,
                                                            ReminderRow.state == state)))

    def audit(self, action: str) -> list[AuditRow]:
        with self.service.store.session() as s:
            return list(s.scalars(select(AuditRow).where(AuditRow.action == action)))

    def last_reminder(self, chat: int) -> dict:  # type: ignore[type-arg]
        sent = [m for m in self.fake.sent(chat) if isinstance(m.get("reply_markup"), dict)]
        assert sent, f"no reminder with buttons in {chat}"
        return sent[-1]

    async def answer_to(self, chat: int, after: int) -> str:
        """The text of the bot's next message to a chat after `after` messages."""
        await self.fake.until(lambda: len(self.fake.sent(chat)) > after)
        return str(self.fake.sent(chat)[after]["text"])

    async def callback_answer(self, qid: str) -> dict:  # type: ignore[type-arg]
        def answers() -> list[dict]:  # type: ignore[type-arg]
            return [a for a in self.fake.called("answerCallbackQuery") if a["callback_query_id"] == qid]

        await self.fake.until(answers)
        return answers()[0]


def _buttons(message: dict) -> list[str]:  # type: ignore[type-arg]
    return [b["callback_data"] for row in message["reply_markup"]["inline_keyboard"] for b in row]


async def _start(tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch, *, limits: bool = False,
                 start: dt.datetime = dt.datetime(2018, 9, 17, 7, 0), email: EmailSettings | None = None,
                 plan: str = PLAN) -> AsyncIterator[Bot]:
    folder = tmp_path / "schedules"
    folder.mkdir(exist_ok=True)
    (folder / "agencies.toml").write_text(AGENCIES, encoding="utf-8")
    (folder / "kh.toml").write_text(plan, encoding="utf-8")
    fake = FakeTelegram(limits=limits).start()
    monkeypatch.setenv("NHACVIEC_TEST_BOT_TOKEN", TOKEN)
    cfg = Config(schedules=folder, database=url, tick_seconds=1, digests=DigestSettings(weekly=False, daily=False),
                 telegram=TelegramSettings(token_env="NHACVIEC_TEST_BOT_TOKEN", base_url=fake.base_url,
                                           admins=(ADMIN,), admin_chat=-5000),
                 email=email or EmailSettings(), web=WebSettings(enabled=False))
    clock = FakeClock(start.replace(tzinfo=VIETNAM))
    # Telegram's real spacing is kept where a test is about limits; elsewhere it would only slow tests down
    limiter = None if limits else ChatRateLimiter(overall=1000, chat_spacing=0.001, group_window=(1000, 0.001))
    service = Service(cfg, clock, limiter=limiter)
    await service.start()
    try:
        yield Bot(service, fake, clock)
    finally:
        await service.close()
        fake.stop()


@pytest.fixture
async def bot(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Bot]:
    """The bot on SQLite and PostgreSQL."""
    async for b in _start(tmp_path, db_url, monkeypatch):
        yield b


@pytest.fixture
async def lite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Bot]:
    """The bot on SQLite only (for the finer points)."""
    async for b in _start(tmp_path, f"sqlite:///{tmp_path / 'bot.db'}", monkeypatch):
        yield b


# --- the main path -------------------------------------------------------------------------


async def test_reminder_arrives_with_buttons_and_a_press_marks_it_done(bot: Bot) -> None:
    assert bot.fake.called("setMyCommands")[0]["commands"][0]["command"] == "nhiemvu"
    await bot.tick_to_first_reminder()
    reminder = bot.last_reminder(SNV)
    occ = bot.occurrence("1", "snv")
    assert reminder["parse_mode"] == "HTML"
    assert "Rà soát tổ chức bộ máy" in reminder["text"] and "Kế hoạch 1/KH-UBND" in reminder["text"]
    assert "Thứ Hai, ngày 01/10/2018" in reminder["text"] and "còn 7 ngày làm việc" in reminder["text"]
    assert _buttons(reminder) == [f"d:{occ.id}", f"s:{occ.id}:1", f"s:{occ.id}:3", f"x:{occ.id}"]
    assert bot.reminders(occ.id, "pending")

    officer = bot.fake.user(7, "Nguyễn Văn An")
    qid = bot.fake.press(SNV, officer, reminder["message_id"], f"d:{occ.id}")
    answer = await bot.callback_answer(qid)
    assert not answer.get("show_alert") and "Đã hoàn thành" in answer["text"]
    assert bot.occurrence("1", "snv").state == "done"
    assert not bot.reminders(occ.id, "pending") and bot.reminders(occ.id, "cancelled")
    [row] = bot.audit("done")
    assert row.chat_id == SNV and row.actor == "7 Nguyễn Văn An" and json.loads(row.detail)["via"] == "button"
    edit = bot.fake.called("editMessageText")[-1]
    assert edit["message_id"] == reminder["message_id"] and "Nguyễn Văn An đánh dấu lúc" in edit["text"]
    assert "reply_markup" not in edit  # the buttons are gone


async def test_a_press_from_another_agencys_chat_is_refused(bot: Bot) -> None:
    await bot.tick_to_first_reminder(STC)
    occ = bot.occurrence("1", "snv")
    stc_reminder = bot.last_reminder(STC)  # Sở Tài chính's own reminder, with snv's code forged in
    qid = bot.fake.press(STC, bot.fake.user(8), stc_reminder["message_id"], f"d:{occ.id}")
    answer = await bot.callback_answer(qid)
    assert answer["show_alert"] is True and "không phụ trách" in answer["text"]
    assert bot.occurrence("1", "snv").state == "open" and bot.reminders(occ.id, "pending")
    [refused] = bot.audit("done_refused")
    assert refused.chat_id == STC


async def test_a_reply_saying_done_marks_it(bot: Bot) -> None:
    await bot.tick_to_first_reminder()
    reminder = bot.last_reminder(SNV)
    before = len(bot.fake.sent(SNV))
    bot.fake.send_text(SNV, bot.fake.user(7), "Da xong a", reply_to=reminder["message_id"])
    assert "Đã hoàn thành" in await bot.answer_to(SNV, before)
    assert bot.occurrence("1", "snv").state == "done"
    assert json.loads(bot.audit("done")[0].detail)["via"] == "reply"


async def test_registration_with_used_or_expired_code_fails(bot: Bot) -> None:
    store, now = bot.service.store, bot.clock.now()
    code = invite(store, "stp", now)  # Sở Tư pháp has only a mailbox until now
    short = invite(store, "stp", now, dt.timedelta(hours=1))
    officer = bot.fake.user(9, "Trần Thị Bình")
    bot.fake.send_text(-2001, officer, f"/dangky {code}")
    assert "nhận nhắc việc của Sở Tư pháp" in await bot.answer_to(-2001, 0)
    assert store.chat_agencies(-2001) == ["stp"]
    bot.fake.send_text(-2002, officer, f"/dangky {code.lower()}")
    assert "đã được dùng" in await bot.answer_to(-2002, 0)
    bot.clock.advance(dt.timedelta(hours=2))
    bot.fake.send_text(-2002, officer, f"/dangky {short}")
    assert "hết hạn" in await bot.answer_to(-2002, 1)
    bot.fake.send_text(-2002, officer, "/dangky 0000-0000")
    assert "không đúng" in await bot.answer_to(-2002, 2)
    assert store.chat_agencies(-2002) == []
    assert len(bot.audit("register")) == 1 and len(bot.audit("register_refused")) == 3
    # Sở Tư pháp's reminders now go to its new group rather than its mailbox
    occ = bot.occurrence("2", "stp")
    assert {(r.channel, r.address) for r in bot.reminders(occ.id, "pending") if r.recipient == "stp"} == {
        ("telegram", "-2001")}


# --- the finer points ----------------------------------------------------------------------


async def test_an_unbound_chat_learns_nothing(lite: Bot) -> None:
    stranger = lite.fake.user(11)
    for i, command in enumerate(["/nhiemvu", "/quahan", "/baocao", "/xong 1", "/hoantac"]):
        lite.fake.send_text(-3000, stranger, command)
        text = await lite.answer_to(-3000, i)
        assert "chưa đăng ký" in text or "không phụ trách" in text
        assert "Sở" not in text and "UBND" not in text
    assert lite.occurrence("1", "snv").state == "open"


async def test_an_admin_may_act_anywhere(lite: Bot) -> None:
    occ = lite.occurrence("1", "snv")
    lite.fake.send_text(-3000, lite.fake.user(ADMIN, "Quản trị"), f"/xong {occ.id}")
    assert "Đã hoàn thành" in await lite.answer_to(-3000, 0)
    assert lite.occurrence("1", "snv").state == "done"


async def test_undo_brings_the_reminders_back_for_a_while(lite: Bot) -> None:
    occ = lite.occurrence("1", "snv")
    pending = len(lite.reminders(occ.id, "pending"))
    lite.fake.send_text(SNV, lite.fake.user(7), f"/xong #{occ.id}")
    await lite.answer_to(SNV, 0)
    assert not lite.reminders(occ.id, "pending")
    lite.fake.send_text(SNV, lite.fake.user(7), "/hoantac")
    assert "Đã hoàn tác" in await lite.answer_to(SNV, 1)
    assert lite.occurrence("1", "snv").state == "open" and len(lite.reminders(occ.id, "pending")) == pending
    with lite.service.store.session() as s:
        assert s.scalar(select(CompletionRow.undone_at)) is not None
    lite.fake.send_text(SNV, lite.fake.user(7), f"/xong {occ.id}")
    await lite.answer_to(SNV, 2)
    lite.clock.advance(dt.timedelta(minutes=20))
    lite.fake.send_text(SNV, lite.fake.user(7), "/hoantac")
    assert "Không có việc nào" in await lite.answer_to(SNV, 3)
    assert lite.occurrence("1", "snv").state == "done"


async def test_a_file_or_a_link_in_reply_is_kept_as_evidence(lite: Bot) -> None:
    await lite.tick_to_first_reminder(STC)
    reminder = lite.last_reminder(SNV)
    before = len(lite.fake.sent(SNV)), len(lite.fake.sent(STC))
    lite.fake.send_document(SNV, lite.fake.user(7), reply_to=reminder["message_id"], name="bao-cao.pdf")
    await lite.answer_to(SNV, before[0])
    with lite.service.store.session() as s:
        evidence = s.scalar(select(CompletionRow.evidence))
    assert evidence is not None and "bao-cao.pdf" in evidence and "FILE-bao-cao.pdf" in evidence
    stc = lite.last_reminder(STC)
    lite.fake.send_text(STC, lite.fake.user(8), "Báo cáo ở https://stc.daknong.gov.vn/bc-2018",
                        reply_to=stc["message_id"])
    await lite.answer_to(STC, before[1])
    with lite.service.store.session() as s:
        links = list(s.scalars(select(CompletionRow.evidence).where(CompletionRow.chat_id == STC)))
    assert links == ["https://stc.daknong.gov.vn/bc-2018"]


async def test_a_reply_saying_not_done_changes_nothing(lite: Bot) -> None:
    await lite.tick_to_first_reminder()
    reminder = lite.last_reminder(SNV)
    lite.fake.send_text(SNV, lite.fake.user(7), "chưa xong, đang làm", reply_to=reminder["message_id"])
    lite.fake.send_text(SNV, lite.fake.user(7), "/nhiemvu")
    await lite.answer_to(SNV, 1)  # the bot answered the command, so it has seen the reply before it
    assert lite.occurrence("1", "snv").state == "open"
    assert not lite.audit("done")


async def test_snooze_reminds_again_in_working_days(lite: Bot) -> None:
    await lite.tick_to_first_reminder()  # Thursday 20/09/2018 08:00, 7 working days before Monday 1/10
    assert lite.clock.now().date() == dt.date(2018, 9, 20)
    occ = lite.occurrence("1", "snv")
    reminder = lite.last_reminder(SNV)
    qid = lite.fake.press(SNV, lite.fake.user(7), reminder["message_id"], f"s:{occ.id}:3")
    assert "Thứ Ba, ngày 25/09/2018" in (await lite.callback_answer(qid))["text"]
    [snooze] = [r for r in lite.reminders(occ.id, "pending") if r.kind == "snooze"]
    assert snooze.address == str(SNV)
    lite.clock.set(dt.datetime(2018, 9, 25, 8, 0, tzinfo=VIETNAM))
    await lite.service.tick()
    assert "Nhắc lại" in lite.last_reminder(SNV)["text"]


async def test_extension_request_goes_to_the_supervisor_and_approval_moves_the_due_date(lite: Bot) -> None:
    await lite.tick_to_first_reminder()
    occ = lite.occurrence("1", "snv")
    reminder = lite.last_reminder(SNV)
    officer = lite.fake.user(7, "Nguyễn Văn An")
    lite.fake.press(SNV, officer, reminder["message_id"], f"x:{occ.id}")
    await lite.fake.until(lambda: len(lite.fake.sent(SNV)) == 2)
    prompt = lite.fake.sent(SNV)[1]
    assert prompt["reply_markup"]["force_reply"] is True
    lite.fake.send_text(SNV, officer, "30/11/2018", reply_to=prompt["message_id"])
    assert "Đã gửi đề nghị gia hạn đến Thứ Sáu, ngày 30/11/2018" in await lite.answer_to(SNV, 2)
    await lite.fake.until(lambda: lite.fake.sent(UBND))
    request = lite.fake.sent(UBND)[-1]
    assert "Sở Nội vụ xin gia hạn" in request["text"]
    approve, refuse = _buttons(request)
    assert approve.startswith("a:") and refuse.startswith("r:")

    qid = lite.fake.press(SNV, officer, reminder["message_id"], approve)  # the agency cannot approve itself
    assert (await lite.callback_answer(qid))["show_alert"] is True
    qid = lite.fake.press(UBND, lite.fake.user(20, "Lãnh đạo UBND"), request["message_id"], approve)
    assert "Đồng ý gia hạn" in (await lite.callback_answer(qid))["text"]
    moved = lite.occurrence("1", "snv")
    assert moved.effective_due == dt.date(2018, 11, 30) and moved.due == dt.date(2018, 9, 30)
    assert all(r.send_at.date() >= dt.date(2018, 11, 20) for r in lite.reminders(occ.id, "pending"))
    lite.clock.set(dt.datetime(2018, 10, 10, 9, 0, tzinfo=VIETNAM))  # once overdue, now on time
    lite.fake.send_text(SNV, officer, "/quahan")
    assert "Không có nhiệm vụ nào quá hạn" in await lite.answer_to(SNV, 4)
    assert "Đồng ý gia hạn" in await lite.answer_to(SNV, 3)
    assert [a.action for a in lite.audit("extension_approved")] == ["extension_approved"]
    with lite.service.store.session() as s:
        assert s.scalar(select(ExtensionRow.state)) == "approved"
    qid = lite.fake.press(UBND, lite.fake.user(20), request["message_id"], refuse)
    assert "đã được quyết định" in (await lite.callback_answer(qid))["text"]


async def test_an_extension_needs_a_real_date(lite: Bot) -> None:
    occ = lite.occurrence("1", "snv")
    lite.fake.send_text(SNV, lite.fake.user(7), f"/giahan {occ.id} sau khi có hướng dẫn")
    assert "chưa" in (await lite.answer_to(SNV, 0)).lower()
    lite.fake.send_text(SNV, lite.fake.user(7), f"/giahan {occ.id} tháng 12/2018")
    assert "31/12/2018" in await lite.answer_to(SNV, 1)


async def test_lists_and_the_supervisors_report(lite: Bot) -> None:
    lite.fake.send_text(SNV, lite.fake.user(7), "/nhiemvu")
    await lite.fake.until(lambda: lite.fake.sent(SNV))
    listing = lite.fake.sent(SNV)[0]
    occ = lite.occurrence("1", "snv")
    assert f"#{occ.id}" in listing["text"] and "Rà soát" in listing["text"]
    assert _buttons(listing) == [f"d:{occ.id}"]
    lite.fake.send_text(SNV, lite.fake.user(7), "/quahan")
    assert "Không có nhiệm vụ nào quá hạn" in await lite.answer_to(SNV, 1)
    lite.clock.set(dt.datetime(2018, 10, 20, 9, 0, tzinfo=VIETNAM))
    lite.fake.send_text(SNV, lite.fake.user(7), "/quahan")
    assert "quá hạn" in await lite.answer_to(SNV, 2) and f"#{occ.id}" in lite.fake.sent(SNV)[2]["text"]
    lite.fake.send_text(UBND, lite.fake.user(20), "/baocao")
    report = await lite.answer_to(UBND, 0)
    assert "Sở Nội vụ: 0 / 1 / 1" in report


async def test_unregister_stops_the_reminders_to_that_chat(lite: Bot) -> None:
    code = invite(lite.service.store, "stp", lite.clock.now())
    lite.fake.send_text(-2001, lite.fake.user(9), f"/dangky {code}")
    await lite.answer_to(-2001, 0)
    lite.fake.send_text(-2001, lite.fake.user(9), "/huydangky")
    assert "hủy đăng ký" in await lite.answer_to(-2001, 1)
    with lite.service.store.session() as s:
        state = s.scalar(select(TargetRow.state).where(TargetRow.address == "-2001"))
        pending = list(s.scalars(select(ReminderRow.channel).where(ReminderRow.address == "-2001",
                                                                   ReminderRow.state == "pending")))
    assert state == "removed" and pending == []
    occ = lite.occurrence("2", "stp")
    assert {r.channel for r in lite.reminders(occ.id, "pending") if r.recipient == "stp"} == {"email"}


async def test_every_button_fits_telegrams_64_bytes(lite: Bot) -> None:
    from bot.render import reminder_buttons

    for kind in ("before", "due", "overdue", "escalation", "snooze"):
        for row in reminder_buttons(10**15, kind):
            assert all(len(b.data.encode()) <= 64 for b in row)
    await lite.tick_to_first_reminder()
    for message in lite.fake.sent():
        markup = message.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            assert all(len(b["callback_data"].encode()) <= 64 for row in markup["inline_keyboard"] for b in row)


async def test_schedule_values_are_escaped(lite: Bot) -> None:
    plan = PLAN.replace("Rà soát tổ chức bộ máy", "Rà soát <b>bộ máy</b> & biên chế")
    (lite.service.paths[0] / "kh.toml").write_text(plan, encoding="utf-8")
    await lite.service.reload()
    await lite.tick_to_first_reminder()
    text = lite.last_reminder(SNV)["text"]
    assert "Rà soát &lt;b&gt;bộ máy&lt;/b&gt; &amp; biên chế" in text


async def test_the_invite_command_gives_a_code_a_group_registers_with(lite: Bot, capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path) -> None:
    from bot.cli import main

    config = tmp_path / "config.toml"
    config.write_text(f'[bot]\nschedules = "{lite.service.paths[0]}"\ndatabase = "{lite.service.cfg.database}"\n',
                      encoding="utf-8")
    assert main(["--config", str(config), "invite", "Sở Nội Vu"]) == 1
    assert 'Có phải "Sở Nội vụ"?' in capsys.readouterr().err
    assert main(["--config", str(config), "invite", "Sở Tư pháp"], clock=lite.clock) == 0
    out = capsys.readouterr().out
    code = out.split("/dangky ")[1].split()[0]
    assert "Mã đăng ký cho Sở Tư pháp" in out and "hết hạn lúc" in out
    lite.fake.send_text(-2001, lite.fake.user(9), f"/dangky {code}")
    assert "Sở Tư pháp" in await lite.answer_to(-2001, 0)
    with lite.service.store.session() as s:
        from bot.store.models import InviteRow

        assert code.replace("-", "") not in "".join(s.scalars(select(InviteRow.code_hash)))  # only hashes kept
