"""Telegram: messages with buttons to an agency's group, errors sorted into what to retry."""

from __future__ import annotations

import html
import re

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.channels.base import ChannelError, Message
from bot.channels.ratelimit import retry_seconds

# a 400 that means the chat itself is unusable (not just this message)
_GONE = ("chat not found", "bot was kicked", "have no rights", "not enough rights", "user is deactivated",
         "bot is not a member", "group chat was deactivated", "chat_write_forbidden", "need administrator rights")
MAX_TEXT = 4096
_TAGS = re.compile(r"<[^>]+>")


def keyboard(message: Message) -> InlineKeyboardMarkup | None:
    """The message's buttons as Telegram's inline keyboard."""
    if not message.buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
                                 for row in message.buttons])


def classify(error: TelegramError) -> ChannelError:
    """A Telegram error as a channel error: permanent, retry later, or moved."""
    text = str(error)
    if isinstance(error, RetryAfter):
        return ChannelError(f"Telegram: quá nhiều tin, chờ {retry_seconds(error):.0f} giây",
                            retry_after=retry_seconds(error))
    if isinstance(error, ChatMigrated):
        return ChannelError("Telegram: nhóm đã chuyển thành siêu nhóm", migrate_to=str(error.new_chat_id))
    if isinstance(error, Forbidden):
        return ChannelError(f"Telegram: {text}", permanent=True)
    if isinstance(error, BadRequest):
        if any(words in text.lower() for words in _GONE):
            return ChannelError(f"Telegram: {text}", permanent=True)
        return ChannelError(f"Telegram từ chối tin nhắn: {text}", permanent=True, broken_target=False)
    if isinstance(error, NetworkError):  # includes TimedOut and server errors
        return ChannelError(f"Telegram: lỗi mạng: {text}")
    return ChannelError(f"Telegram: {text}")


class TelegramChannel:
    """Sends through a python-telegram-bot Bot (which carries the rate limiter)."""

    name = "telegram"
    parallel = 100  # sends in flight at once; the rate limiter keeps Telegram's pace

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, address: str, message: Message) -> str | None:
        """Send the message's HTML with its buttons; returns Telegram's message id."""
        text, mode = message.html or message.text, ParseMode.HTML if message.html else None
        if len(text) > MAX_TEXT:  # cutting HTML could break a tag: send it as plain text instead
            text = html.unescape(_TAGS.sub("", text))
            text, mode = (text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"), None
        try:
            sent = await self.bot.send_message(chat_id=int(address), text=text, parse_mode=mode,
                                               reply_markup=keyboard(message), disable_web_page_preview=True)
        except TelegramError as e:
            raise classify(e) from e
        return str(sent.message_id)
