"""Email through a real SMTP server on 127.0.0.1 (aiosmtpd), read back with the `email` package:
headers, threading, encodings, both parts, escaping; failures sorted; TLS and login."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from bot.channels.base import ChannelError, Message
from bot.channels.email import EmailChannel
from bot.clock import VIETNAM
from bot.config import EmailSettings
from tests.engine_harness import PLAN, at, make
from tests.fake_smtp import PASSWORD, USER, SmtpServer, free_port

SENDER = "nhacviec@snv.daknong.gov.vn"
TRICKY = 'Rà soát <bộ máy> & "biên chế" của Sở'


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


def settings(server: SmtpServer, **kw: object) -> EmailSettings:
    base: dict[str, object] = {"host": "127.0.0.1", "port": server.port, "security": "none", "sender": SENDER}
    return EmailSettings(**{**base, **kw})  # type: ignore[arg-type]


def _parts(m: EmailMessage) -> tuple[str, str]:
    plain, html = m.get_body(("plain",)), m.get_body(("html",))
    assert plain is not None and html is not None
    return plain.get_content(), html.get_content()


async def test_reminders_arrive_threaded_with_both_parts(tmp_path: Path, db_url: str, smtp: SmtpServer) -> None:
    channel = EmailChannel(settings(smtp))
    h = make(tmp_path, db_url, start=at(2018, 9, 20, 7), channels={"email": channel},
             plan=PLAN.replace("Báo cáo kết quả", TRICKY.replace('"', '\\"')))  # as TOML writes it
    assert h.engine.reload().applied
    await h.run_until(at(2018, 10, 31, 23))
    mine = [m for m in smtp.inbox.messages if m["To"] == "stp@example.vn"]
    assert len(mine) >= 3  # before, due, overdue…
    first = mine[0]
    assert first["Subject"].startswith("[Nhắc việc] Nhiệm vụ 2 – Kế hoạch 1/KH-UBND: còn")
    sender = first["From"].addresses[0]
    assert sender.display_name == "Hệ thống Nhắc việc" and sender.addr_spec == SENDER
    assert first["Auto-Submitted"] == "auto-generated" and first["Date"] is not None
    assert first.get_content_type() == "multipart/alternative"
    plain, html = _parts(first)
    assert plain.startswith("Kính gửi: Sở Tư pháp") and TRICKY in plain
    assert "Rà soát &lt;bộ máy&gt; &amp; &#34;biên chế&#34; của Sở" in html and TRICKY not in html
    for part in first.iter_parts():
        assert part.get_content_charset() == "utf-8"
    # one thread per occurrence: every message refers to the same root, each has its own id
    assert len({m["Message-ID"] for m in mine}) == len(mine)
    assert len({m["References"] for m in mine}) == 1 and all(m["In-Reply-To"] == m["References"] for m in mine)
    kinds = [m["Subject"].split("]")[0] + "]" for m in mine]
    assert kinds[:3] == ["[Nhắc việc]", "[Nhắc việc]", "[Nhắc việc]"] and "[Quá hạn]" in kinds
    raw = first.as_bytes()
    assert b"=?utf-8?" in raw.split(b"\n\n")[0].lower()  # the Vietnamese subject is encoded, not raw bytes


async def _error(channel: EmailChannel) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        await channel.send("stp@example.vn", Message(text="Xin chào", subject="Thử"))
    return caught.value


@pytest.mark.parametrize(("how", "permanent", "broken"), [
    ({"refuse": "550 5.1.1 Không có hộp thư này"}, True, True),
    ({"refuse": "552 5.2.2 Hộp thư đầy"}, True, True),
    ({"refuse": "451 4.3.0 Thử lại sau"}, False, True),
    ({"data_reply": "552 5.2.2 Mailbox full"}, True, True),
    ({"data_reply": "554 5.7.1 Nội dung bị từ chối"}, True, False),
    ({"data_reply": "421 4.3.2 Đang bận"}, False, True),
    ({"drops": 1}, False, True),
])
async def test_failures_are_sorted(smtp: SmtpServer, how: dict[str, object], permanent: bool, broken: bool) -> None:
    if "refuse" in how:
        smtp.inbox.refuse["stp@example.vn"] = str(how["refuse"])
    if "data_reply" in how:
        smtp.inbox.data_reply = str(how["data_reply"])
    if "drops" in how:
        smtp.inbox.drops = int(how["drops"])  # type: ignore[call-overload]
    error = await _error(EmailChannel(settings(smtp)))
    assert error.permanent is permanent
    if permanent:
        assert error.broken_target is broken


async def test_a_server_that_is_not_there_is_tried_again() -> None:
    error = await _error(EmailChannel(EmailSettings(host="127.0.0.1", port=free_port(), security="none")))
    assert not error.permanent


@pytest.mark.parametrize("security", ["starttls", "tls"])
async def test_tls_and_login(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, security: str) -> None:
    server = SmtpServer(security, auth=True).start()
    try:
        monkeypatch.setenv("NHACVIEC_SMTP_PASSWORD", PASSWORD)
        ca = Path(server.ca_file(tmp_path))
        good = EmailChannel(settings(server, security=security, user=USER, ca_file=ca))
        assert (await good.send("stp@example.vn", Message(text="Xin chào", subject="Thử"))).startswith("<")
        assert server.inbox.envelopes == [(SENDER, ["stp@example.vn"])]
        monkeypatch.setenv("NHACVIEC_SMTP_PASSWORD", "sai-mat-khau")
        wrong = await _error(EmailChannel(settings(server, security=security, user=USER, ca_file=ca)))
        assert wrong.permanent and not wrong.broken_target and "đăng nhập" in wrong.reason
        untrusted = await _error(EmailChannel(settings(server, security=security, user=USER)))
        assert untrusted.permanent and not untrusted.broken_target and "chứng chỉ" in untrusted.reason
    finally:
        server.stop()


async def test_a_refused_mailbox_is_marked_broken_and_the_admins_hear(tmp_path: Path, smtp: SmtpServer) -> None:
    smtp.inbox.refuse["stp@example.vn"] = "550 5.1.1 Không có hộp thư này"
    h = make(tmp_path, f"sqlite:///{tmp_path / 'bot.db'}", start=at(2018, 10, 4, 7),
             channels={"email": EmailChannel(settings(smtp))})
    h.engine.reload()
    await h.run_until(at(2018, 10, 4, 9))
    assert any("stp@example.vn" in n and "550" in n for n in h.notices)
    assert "stp" not in h.store.targets() or ("email", "stp@example.vn") not in h.store.targets()["stp"]


async def test_sends_run_side_by_side(smtp: SmtpServer) -> None:
    channel = EmailChannel(settings(smtp))
    await asyncio.gather(*(channel.send(f"a{i}@example.vn", Message(text=f"thư {i}", subject=f"Thư {i}"))
                           for i in range(8)))
    assert sorted(m["To"] for m in smtp.inbox.messages) == sorted(f"a{i}@example.vn" for i in range(8))


def test_the_date_header_comes_from_the_clock(smtp: SmtpServer) -> None:
    from bot.clock import FakeClock

    clock = FakeClock(dt.datetime(2018, 9, 20, 8, 0, tzinfo=VIETNAM))
    asyncio.run(EmailChannel(settings(smtp), clock).send("x@example.vn", Message(text="a", subject="b")))
    assert smtp.inbox.messages[0]["Date"].datetime == clock.now()


async def test_agencies_without_a_group_hear_by_mail(tmp_path: Path, smtp: SmtpServer,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_telegram import ADMIN, SNV, _start

    # the supervising agency (Sở Tư pháp here) has a mailbox and no Telegram group
    plan = PLAN.replace('supervisor = "UBND tỉnh"', 'supervisor = "Sở Tư pháp"')
    async for bot in _start(tmp_path, f"sqlite:///{tmp_path / 'bot.db'}", monkeypatch, email=settings(smtp),
                            plan=plan):
        occ = bot.occurrence("2", "stp")
        bot.fake.send_text(-3000, bot.fake.user(ADMIN, "Quản trị"), f"/xong {occ.id}")  # on the agency's behalf
        await bot.answer_to(-3000, 0)
        await bot.fake.until(lambda: smtp.inbox.messages)
        done = smtp.inbox.messages[-1]
        assert done["To"] == "stp@example.vn" and done["Subject"].startswith("[Đã hoàn thành] Nhiệm vụ 2")
        assert "Quản trị" in _parts(done)[0]
        snv = bot.occurrence("1", "snv")
        bot.fake.send_text(SNV, bot.fake.user(7, "Nguyễn Văn An"), f"/giahan {snv.id} 30/11/2018")
        await bot.fake.until(lambda: len(smtp.inbox.messages) == 2)
        request = smtp.inbox.messages[-1]
        assert request["Subject"] == "[Đề nghị gia hạn] Sở Nội vụ – nhiệm vụ 1, Kế hoạch 1/KH-UBND"
        assert _parts(request)[0].startswith("Kính gửi: Sở Tư pháp")
        assert any("xin gia hạn" in m["text"] for m in bot.fake.sent(-5000))  # the admins decide in their chat


async def test_a_blocked_group_gets_its_reminder_by_mail(tmp_path: Path, smtp: SmtpServer,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_telegram import SNV, _start

    async for bot in _start(tmp_path, f"sqlite:///{tmp_path / 'bot.db'}", monkeypatch, email=settings(smtp)):
        bot.fake.fail("sendMessage", "blocked", chat_id=SNV)
        await bot.tick_to_first_reminder(-5000)  # the admins hear that the group blocked the bot
        await bot.service.tick()  # the fallback reminder goes out by mail
        [mail] = [m for m in smtp.inbox.messages if m["To"] == "snv@example.vn"]
        assert mail["Subject"].startswith("[Nhắc việc] Nhiệm vụ 1 – Kế hoạch 1/KH-UBND")
        assert "Đã chuyển sang email snv@example.vn" in bot.fake.sent(-5000)[0]["text"]
