"""Telegram's limits, kept: 30 messages a second overall, 1 a second per chat, 20 a minute per
group; a 429 pauses only the chat it came from (PTB's AIORateLimiter pauses every chat)."""

from __future__ import annotations

import asyncio
import datetime as dt
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

# a little under Telegram's figures: its counters and ours do not tick at the same instants
OVERALL_PER_SECOND = 29.0
CHAT_SPACING = 1.05  # seconds between two messages to one chat
GROUP_WINDOW = (20, 61.0)  # at most 20 messages to one group in any window of this many seconds
_LIMITED = ("send", "edit", "copy", "forward")
Result = bool | dict[str, Any] | list[dict[str, Any]]


def retry_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after as seconds (an int or a timedelta, by PTB version and settings)."""
    with warnings.catch_warnings():  # PTB 22 warns that the type will change; we take either
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


@dataclass
class _Chat:
    """One chat's turn: its lock, when its last message left, its recent messages, its pause."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last: float = float("-inf")
    recent: deque[float] = field(default_factory=deque)  # groups only: a sliding window, not a bucket
    paused_until: float = 0.0


class ChatRateLimiter(BaseRateLimiter[None]):
    """Spaces messages per chat, per group and overall; on a 429 pauses that chat and re-raises so
    that the dispatcher reschedules just that message."""

    def __init__(self, overall: float = OVERALL_PER_SECOND, chat_spacing: float = CHAT_SPACING,
                 group_window: tuple[int, float] = GROUP_WINDOW) -> None:
        self._overall = AsyncLimiter(1, 1 / overall)
        self._chat_spacing = chat_spacing
        self._group_count, self._group_period = group_window
        self._chats: dict[str, _Chat] = {}
        self.retry_afters = 0  # 429s seen (the benchmark prints them)

    async def initialize(self) -> None:
        """Nothing to prepare."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def _ready_at(self, chat: _Chat, group: bool, now: float) -> float:
        """The earliest time this chat may get its next message."""
        ready = max(chat.paused_until, chat.last + self._chat_spacing)
        if group:
            while chat.recent and chat.recent[0] + self._group_period <= now:
                chat.recent.popleft()
            if len(chat.recent) >= self._group_count:
                ready = max(ready, chat.recent[0] + self._group_period)
        return ready

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, Result]], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: None) -> Result:
        """Wait for this chat's turn, then the overall rate, then make the request."""
        chat_id = data.get("chat_id")
        if chat_id is None or not endpoint.startswith(_LIMITED):
            return await callback(*args, **kwargs)
        key = str(chat_id)
        chat = self._chats.setdefault(key, _Chat())
        group = key.startswith("-")
        loop = asyncio.get_running_loop()
        async with chat.lock:  # one message per chat at a time, so its times are those of real sends
            while (wait := self._ready_at(chat, group, loop.time()) - loop.time()) > 0:
                await asyncio.sleep(wait)
            async with self._overall:
                chat.last = loop.time()  # stamped when it leaves, after any wait for the overall rate
                if group:
                    chat.recent.append(chat.last)
                try:
                    return await callback(*args, **kwargs)
                except RetryAfter as e:
                    self.retry_afters += 1
                    chat.paused_until = loop.time() + retry_seconds(e)
                    raise
