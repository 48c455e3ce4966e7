"""One tick: claim the due reminders, keep per occurrence only the one that still makes sense,
render it, send it through its channel, and record what happened."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from bot.channels.base import Channel, ChannelError, Message
from bot.clock import Clock
from bot.render import ItemView, PlanView, Renderer, TaskView
from bot.store import Claimed, Store, StoreBusy
from bot.workdays import WorkCalendar

log = logging.getLogger("nhacviec.dispatch")

Notify = Callable[[str], Awaitable[None]]


@dataclass
class TickStats:
    """What one tick did."""

    claimed: int = 0
    sent: int = 0
    skipped: int = 0
    retried: int = 0
    failed: int = 0
    busy: bool = False
    errors: list[str] = field(default_factory=list)
    digests: int = 0  # summaries sent (the engine's tick fills this)

    def __iadd__(self, other: TickStats) -> TickStats:
        self.claimed += other.claimed
        self.sent += other.sent
        self.skipped += other.skipped
        self.retried += other.retried
        self.failed += other.failed
        self.busy = self.busy or other.busy
        self.errors += other.errors
        self.digests += other.digests
        return self


@dataclass(frozen=True)
class DispatchPolicy:
    """How hard to try, and what is too late to send."""

    lease: dt.timedelta = dt.timedelta(minutes=2)
    batch: int = 100
    stale_after: dt.timedelta = dt.timedelta(days=7)  # a reminder later than this no longer makes sense
    max_attempts: int = 8
    backoff_base: float = 30.0  # seconds; doubles on each attempt
    backoff_cap: float = 3600.0
    parallel: int = 16  # sends in flight at once, to different chats or mailboxes
    group: bool = True  # several reminders for one place in one tick go as one message
    group_max: dict[str, int] = field(default_factory=lambda: {"telegram": 10})  # tasks per message
    group_max_default: int = 25


def kind_now(kind: str, left: int) -> str:
    """What a reminder is when it goes out: a "due" one sent late (after downtime) says overdue."""
    if kind in ("escalation", "snooze"):
        return kind
    return "overdue" if left < 0 else "due" if left == 0 else "before"


async def _no_one(_: str) -> None:
    return None


class Dispatcher:
    """Sends what is due, exactly once per reminder as long as the process stays alive."""

    def __init__(self, store: Store, channels: Mapping[str, Channel], renderer: Renderer, clock: Clock,
                 calendar: WorkCalendar, tz: dt.tzinfo, owner: str, policy: DispatchPolicy | None = None,
                 notify: Notify | None = None, rng: random.Random | None = None) -> None:
        self.store, self.channels, self.renderer = store, channels, renderer
        self.clock, self.calendar, self.tz, self.owner = clock, calendar, tz, owner
        self.policy = policy or DispatchPolicy()
        self.notify = notify or _no_one
        self.rng = rng or random.Random()

    async def tick(self) -> TickStats:
        """Claim and handle one batch of due reminders."""
        stats = TickStats()
        now = self.clock.now()
        try:
            claimed = self.store.claim(now, self.owner, self.policy.lease, self.policy.batch)
        except StoreBusy as e:
            log.warning("database busy, claim postponed: %s", e)
            stats.busy = True
            return stats
        stats.claimed = len(claimed)
        skips: list[tuple[Claimed, str]] = []
        today = now.astimezone(self.tz).date()
        keep = []
        for c in self._collapse(claimed, skips):
            reason = self._pointless(c, now, today)
            if reason:
                skips.append((c, reason))
            else:
                keep.append(c)
        stats.skipped = len(skips)
        self._safely(lambda: self.store.finish_many(skips, self.owner, "skipped"))
        deadline = now + self.policy.lease * 0.8  # leave the rest of the batch before the lease runs out
        places: dict[tuple[str, str], list[Claimed]] = {}
        for c in keep:
            places.setdefault((c.channel, c.address), []).append(c)
        # a channel may say how many sends it takes at once (Telegram: many, its limiter spaces them)
        slots = {name: asyncio.Semaphore(getattr(ch, "parallel", self.policy.parallel))
                 for name, ch in self.channels.items()}
        spare = asyncio.Semaphore(self.policy.parallel)

        async def deliver(queue: list[Claimed]) -> None:
            # one place's messages in order; different places at once
            for chunk in self._chunks(queue):
                if self.clock.now() > deadline:  # give the rest back rather than race another process
                    self._give_back(chunk)
                    continue
                async with slots.get(chunk[0].channel, spare):
                    await self._handle(chunk, stats)

        await asyncio.gather(*(deliver(q) for q in places.values()))
        return stats

    async def drain(self) -> TickStats:
        """Ticks until what is due now is handled: a full batch is followed at once by the next."""
        total = TickStats()
        start = self.clock.now()
        while True:
            stats = await self.tick()
            total += stats
            done = stats.sent + stats.skipped + stats.retried + stats.failed
            if (stats.busy or stats.claimed < self.policy.batch or done == 0
                    or self.clock.now() - start > self.policy.lease * 0.8):
                return total

    @staticmethod
    def _collapse(claimed: list[Claimed], skips: list[tuple[Claimed, str]]) -> list[Claimed]:
        """Per occurrence and place, only the latest due reminder goes; earlier ones are merged into it."""
        latest: dict[tuple[int, str, str, str], Claimed] = {}
        for c in claimed:
            key = (c.occurrence_id, c.recipient, c.channel, c.address)
            held = latest.get(key)
            if held is None or (c.send_at, c.id) > (held.send_at, held.id):
                if held is not None:
                    skips.append((held, "gộp vào lời nhắc sau"))
                latest[key] = c
            else:
                skips.append((c, "gộp vào lời nhắc sau"))
        return sorted(latest.values(), key=lambda c: (c.send_at, c.id))

    def _give_back(self, chunk: list[Claimed]) -> None:
        self._safely(lambda: self.store.retry_many(chunk, self.owner, self.clock.now(), "lease sắp hết"))

    def _safely(self, write: Callable[[], object]) -> None:
        try:
            write()
        except StoreBusy as e:  # the lease runs out and the row is taken again: nothing is lost
            log.warning("could not record an outcome: %s", e)

    def _chunks(self, queue: list[Claimed]) -> list[list[Claimed]]:
        """One place's reminders as messages: one each, or grouped a few tasks to a message."""
        if not self.policy.group or len(queue) == 1:
            return [[c] for c in queue]
        size = self.policy.group_max.get(queue[0].channel, self.policy.group_max_default)
        return [queue[i:i + size] for i in range(0, len(queue), size)]

    async def _handle(self, chunk: list[Claimed], stats: TickStats) -> None:
        first = chunk[0]
        channel = self.channels.get(first.channel)
        if channel is None:
            stats.failed += len(chunk)
            self._safely(lambda: self.store.finish_many([(c, f"kênh {c.channel} chưa được cấu hình") for c in chunk],
                                                        self.owner, "failed"))
            return
        today = self.clock.now().astimezone(self.tz).date()
        message = self._message(first, today) if len(chunk) == 1 else self._grouped(chunk, today)
        try:
            message_id = await channel.send(first.address, message)
        except ChannelError as e:
            await self._failed(chunk, e, stats)
            return
        except Exception as e:  # a channel bug must not stop the other messages
            log.exception("channel %s raised", first.channel)
            await self._failed(chunk, ChannelError(f"{type(e).__name__}: {e}"), stats)
            return
        now = self.clock.now()
        stats.sent += len(chunk)
        self._safely(lambda: self.store.sent_many(chunk, self.owner, now, message_id))

    def _pointless(self, c: Claimed, now: dt.datetime, today: dt.date) -> str | None:
        """Why this reminder no longer makes sense, if it does not."""
        if c.occurrence_state != "open":
            return "nhiệm vụ đã hoàn thành hoặc không còn áp dụng"
        if now - c.send_at > self.policy.stale_after:
            return "quá trễ để gửi"
        if c.kind == "before" and c.effective_due < today:
            return "đã quá hạn: lời nhắc trước hạn không còn ý nghĩa"
        return None

    def _item(self, c: Claimed, today: dt.date) -> ItemView:
        left = self.calendar.working_days_between(today, c.effective_due)
        return ItemView(c.occurrence_id, kind_now(c.kind, left),
                        TaskView(c.task_id, c.task_title, c.lead_text, c.coordinating, c.product, c.time_text),
                        PlanView(c.plan_number, c.plan_title), c.agency_name, c.effective_due, left)

    def _message(self, c: Claimed, today: dt.date) -> Message:
        it = self._item(c, today)
        return self.renderer.reminder(kind=it.kind, task=it.task, plan=it.plan, agency=it.agency,
                                      recipient=c.recipient_name, effective_due=it.effective_due, left=it.left,
                                      channel=c.channel, code=it.code)

    def _grouped(self, chunk: list[Claimed], today: dt.date) -> Message:
        items = sorted((self._item(c, today) for c in chunk), key=lambda i: (i.effective_due, i.plan.number, i.task.id))
        recipients = ", ".join(dict.fromkeys(c.recipient_name for c in chunk))
        return self.renderer.grouped(items, recipients, chunk[0].channel)

    async def _failed(self, chunk: list[Claimed], e: ChannelError, stats: TickStats) -> None:
        """Record a failed send for every reminder the message carried; tell the admins once."""
        now = self.clock.now()
        first = chunk[0]
        names = ", ".join(dict.fromkeys(c.recipient_name for c in chunk))
        recipients = list(dict.fromkeys(c.recipient for c in chunk))
        stats.errors.append(e.reason)
        if e.migrate_to:
            for r in recipients:
                self._safely(lambda r=r: self.store.target_moved(  # type: ignore[misc]
                    r, first.channel, first.address, e.migrate_to or "", now))
            self._safely(lambda: self.store.retry_many(chunk, self.owner, now, f"nhóm chuyển sang {e.migrate_to}"))
            stats.retried += len(chunk)
            return
        if e.permanent:
            stats.failed += len(chunk)
            self._safely(lambda: self.store.finish_many([(c, e.reason) for c in chunk], self.owner, "failed"))
            if not e.broken_target:  # this message was refused; the chat or mailbox is fine
                await self.notify(f"Tin nhắn cho {names} bị từ chối: {e.reason}")
                return
            for r in recipients:
                self._safely(lambda r=r: self.store.target_broken(  # type: ignore[misc]
                    r, first.channel, first.address, e.reason, now))
            fallbacks = [f for c in chunk if (f := await self._fallback(c, now))]
            await self.notify(f"Không gửi được cho {names} qua {first.channel} ({first.address}): {e.reason}. "
                              + (f"Đã chuyển sang {fallbacks[0]}." if fallbacks else "Cần cập nhật nơi nhận."))
            return
        spent = [c for c in chunk if c.attempts >= self.policy.max_attempts]
        if spent:
            stats.failed += len(spent)
            self._safely(lambda: self.store.finish_many([(c, f"thử {c.attempts} lần: {e.reason}") for c in spent],
                                                        self.owner, "failed"))
            await self.notify(f"Bỏ lời nhắc cho {names} sau {first.attempts} lần thử: {e.reason}")
        rest = [c for c in chunk if c.attempts < self.policy.max_attempts]
        stats.retried += len(rest)
        delay = self._backoff(first.attempts, e.retry_after)
        if rest:
            self._safely(lambda: self.store.retry_many(rest, self.owner, now + delay, e.reason))

    def _backoff(self, attempts: int, retry_after: float | None) -> dt.timedelta:
        """Exponential backoff with jitter; Telegram's retry_after when it says one."""
        if retry_after is not None:
            return dt.timedelta(seconds=retry_after + self.rng.uniform(0, 1))
        base = min(self.policy.backoff_cap, self.policy.backoff_base * 2 ** max(0, attempts - 1))
        return dt.timedelta(seconds=base * self.rng.uniform(0.8, 1.2))

    async def _fallback(self, c: Claimed, now: dt.datetime) -> str | None:
        """The agency's mailbox when its chat refuses for good (only from Telegram to email)."""
        if c.channel != "telegram":
            return None
        try:
            emails = [a for ch, a in self.store.targets().get(c.recipient, []) if ch == "email"]
        except StoreBusy:
            return None
        for address in emails:
            self.store.add_reminder(c, "email", address, now)
        return f"email {', '.join(emails)}" if emails else None
