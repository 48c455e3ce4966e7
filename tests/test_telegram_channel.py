"""The Telegram channel against our Bot API server: each failure Telegram can answer with becomes
the right ChannelError, a 429 pauses only its chat, and the dispatcher acts on each."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.channels.base import ChannelError, Message
from bot.channels.ratelimit import ChatRateLimiter
from bot.channels.telegram import TelegramChannel
from bot.config import Config, TelegramSettings
from bot.store.models import AuditRow, ReminderRow, TargetRow
from bot.telegram_app import build_application
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.test_telegram import SNV, _start

A, B = -4001, -4002
HELLO = Message(text="", html="<b>Xin chào</b>")


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    server = FakeTelegram(limits=False).start()
    yield server
    server.stop()


@pytest.fixture
async def channel(fake: FakeTelegram) -> AsyncIterator[tuple[TelegramChannel, ChatRateLimiter]]:
    limiter = ChatRateLimiter(overall=1000, chat_spacing=0.001, group_window=(1000, 0.001))
    app = build_application(Config(telegram=TelegramSettings(base_url=fake.base_url)), TOKEN, limiter=limiter)
    await app.bot.initialize()
    yield TelegramChannel(app.bot), limiter
    await app.bot.shutdown()


async def _error(channel: TelegramChannel) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        await channel.send(str(A), HELLO)
    return caught.value


async def test_a_message_goes_out_as_html(fake: FakeTelegram, channel: tuple[TelegramChannel, ChatRateLimiter]) -> None:
    message_id = await channel[0].send(str(A), HELLO)
    [sent] = fake.sent(A)
    assert sent["text"] == "<b>Xin chào</b>" and sent["parse_mode"] == "HTML"
    assert message_id == str(sent["message_id"])


@pytest.mark.parametrize(("kind", "permanent", "broken"), [
    ("blocked", True, True),
    ("not_found", True, True),
    ("bad_request", True, False),  # this message is wrong, the chat is fine
    ("server_error", False, True),
    ("drop", False, True),
])
async def test_failures_are_sorted(fake: FakeTelegram, channel: tuple[TelegramChannel, ChatRateLimiter],
                                   kind: str, permanent: bool, broken: bool) -> None:
    fake.fail("sendMessage", kind)
    error = await _error(channel[0])
    assert error.permanent is permanent and error.retry_after is None and error.migrate_to is None
    if permanent:
        assert error.broken_target is broken
    assert await channel[0].send(str(A), HELLO)  # and the next one goes


async def test_a_group_that_became_a_supergroup_says_where_it_went(
        fake: FakeTelegram, channel: tuple[TelegramChannel, ChatRateLimiter]) -> None:
    fake.fail("sendMessage", "migrate", to=-1004001)
    error = await _error(channel[0])
    assert error.migrate_to == "-1004001" and not error.permanent


async def test_a_429_pauses_only_its_chat(fake: FakeTelegram, channel: tuple[TelegramChannel, ChatRateLimiter]) -> None:
    telegram, limiter = channel
    fake.fail("sendMessage", "retry_after", chat_id=A, seconds=1)
    error = await _error(telegram)
    assert error.retry_after == 1 and not error.permanent and limiter.retry_afters == 1
    await asyncio.gather(telegram.send(str(A), HELLO), telegram.send(str(B), HELLO))
    order = [c.params["chat_id"] for c in fake.calls if c.method == "sendMessage"]
    assert order == [A, B, A]  # B did not wait for A's pause


# --- what the dispatcher makes of them --------------------------------------------------------


@pytest.fixture
async def lite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    async for b in _start(tmp_path, f"sqlite:///{tmp_path / 'bot.db'}", monkeypatch):
        yield b


async def test_a_blocked_group_falls_back_to_email_and_the_admins_hear(lite) -> None:  # type: ignore[no-untyped-def]
    lite.fake.fail("sendMessage", "blocked", chat_id=SNV)
    await lite.tick_to_first_reminder(-5000)  # the admins' chat hears about it
    with lite.service.store.session() as s:
        target = s.scalar(select(TargetRow).where(TargetRow.address == str(SNV)))
        fallback = list(s.scalars(select(ReminderRow).where(ReminderRow.channel == "email",
                                                            ReminderRow.recipient == "snv")))
        notices = list(s.scalars(select(AuditRow.detail).where(AuditRow.action == "admin_notice")))
    assert target is not None and target.state == "broken" and "blocked" in (target.reason or "")
    assert fallback and fallback[0].address == "snv@example.vn"
    assert "bot was blocked" in lite.fake.sent(-5000)[0]["text"] and notices


async def test_a_migrated_group_gets_the_message_at_its_new_id(lite) -> None:  # type: ignore[no-untyped-def]
    lite.fake.fail("sendMessage", "migrate", chat_id=SNV, to=-1001777)
    wake = lite.service.store.next_wakeup()
    lite.clock.set(wake)
    await lite.service.tick()
    assert not lite.fake.sent(-1001777)
    await lite.service.tick()  # the retry goes to the new id at once
    assert lite.fake.sent(-1001777) and lite.service.store.chat_agencies(-1001777) == ["snv"]
    assert lite.service.store.chat_agencies(SNV) == []
