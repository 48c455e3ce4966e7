"""`nhacviec run`: migrate, load and sync the schedules, then tick, watch the files and re-sync daily."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
from pathlib import Path
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.actions import Actions
from bot.channels.base import Channel, ChannelError
from bot.channels.console import ConsoleChannel
from bot.channels.email import EmailChannel
from bot.channels.ratelimit import ChatRateLimiter
from bot.clock import Clock
from bot.config import Config
from bot.engine import Engine
from bot.schedule import files_of
from bot.store import Store, StoreBusy
from bot.telegram_app import TelegramRuntime
from bot.web import Web

log = logging.getLogger("nhacviec.run")


def channels_for(cfg: Config, clock: Clock) -> dict[str, Channel]:
    """The channels the config enables (Telegram is added once its Application exists); the console
    when nothing else is configured."""
    out: dict[str, Channel] = {}
    if cfg.email.enabled:
        out["email"] = EmailChannel(cfg.email, clock)
    if cfg.console_fallback:
        out["console"] = ConsoleChannel()
    return out


def fingerprint(paths: list[Path]) -> tuple[tuple[str, float, int], ...]:
    """What changes when an admin edits, adds or removes a schedule file."""
    agencies, plans = files_of(paths)
    files = [f for f in [agencies, *plans] if f is not None]
    out = []
    for f in files:
        try:
            st = f.stat()
            out.append((str(f), st.st_mtime, st.st_size))
        except OSError:
            out.append((str(f), 0.0, -1))
    return tuple(sorted(out))


class Service:
    """The running bot: one engine, its jobs, and the signals it answers."""

    def __init__(self, cfg: Config, clock: Clock, paths: list[Path] | None = None,
                 channels: dict[str, Channel] | None = None, limiter: ChatRateLimiter | None = None) -> None:
        self.cfg, self.clock = cfg, clock
        self.paths = paths or [cfg.schedules]
        self.store = Store(cfg.database)
        self.channels = channels if channels is not None else channels_for(cfg, clock)
        self.engine = Engine(cfg, self.store, clock, self.channels, self.paths, notify=self.notify_admins)
        self.actions = Actions(self.store, self.engine, clock, set(cfg.telegram.admins))
        self.telegram: TelegramRuntime | None = None
        token = cfg.telegram.token
        if token and "telegram" not in self.channels:
            self.telegram = TelegramRuntime(cfg, token, self.actions, self.store, limiter)
            self.telegram.app.bot_data["deliver"] = self.tell
            self.channels["telegram"] = self.telegram.channel  # the dispatcher holds this same dict
        self.web = Web(cfg, self.store, clock, self.engine.calendar, lambda: self.engine.schedule) \
            if cfg.web.enabled else None
        self._seen = fingerprint(self.paths)
        self._stop = asyncio.Event()

    async def notify_admins(self, text: str) -> None:
        """Tell the admins about a problem: the log, the audit trail and the console if it is on."""
        log.warning("admin notice: %s", text)
        with contextlib.suppress(StoreBusy):
            self.store.audit(self.clock.now(), "bot", "admin_notice", text)
        console = self.channels.get("console")
        if isinstance(console, ConsoleChannel):
            console.stream.write(f"[quản trị] {text}\n")
            console.stream.flush()
        if self.telegram is not None:
            await self.telegram.notify(text)

    async def tell(self, agency: str, name: str, context: dict[str, Any], exclude: str | None = None) -> int:
        """A message that is not a reminder (a completion confirmation, an extension request) to
        wherever an agency reads, except the chat it came from; returns how many went out."""
        sent = 0
        for channel_name, address in self.engine.routes().get(agency, []):
            channel = self.channels.get(channel_name)
            if channel is None or (channel_name == "telegram" and address == exclude):
                continue
            try:
                await channel.send(address, self.engine.dispatcher.renderer.message(name, channel_name, **context))
                sent += 1
            except ChannelError as e:
                log.warning("could not send %s to %s (%s %s): %s", name, agency, channel_name, address, e.reason)
        return sent

    async def reload(self) -> None:
        """Check the schedules and sync them; a bad edit keeps the last good schedule in force."""
        try:
            result = self.engine.reload()
        except StoreBusy as e:
            log.warning("sync postponed, database busy: %s", e)
            return
        errors = [p for p in result.problems if p.severity == "error"]
        if result.applied:
            log.info("schedules in force: %s", vars(result.stats) if result.stats else {})
        else:
            lines = "\n".join(str(p) for p in errors[:20])
            kept = "giữ lịch cũ" if self.engine.schedule is not None else "chưa có lịch nào dùng được"
            await self.notify_admins(f"Lịch mới có {len(errors)} lỗi, {kept}:\n{lines}")

    async def watch(self) -> None:
        """Reload when a schedule file changed since the last look."""
        now = fingerprint(self.paths)
        if now != self._seen:
            self._seen = now
            await self.reload()

    async def tick(self) -> None:
        """One dispatch tick; never lets an error stop the jobs."""
        try:
            await self.engine.tick()
        except Exception:
            log.exception("tick failed")

    async def daily(self) -> None:
        """Extend the rolling horizon of recurring duties."""
        try:
            self.engine.sync()
        except StoreBusy as e:
            log.warning("daily sync postponed: %s", e)

    async def lead(self) -> None:
        """Start Telegram (again) if it was away, and poll only while this process holds the lead."""
        if self.telegram is not None:
            try:
                await self.telegram.lead()
            except Exception:
                log.exception("Telegram start or polling failed")

    async def start(self) -> None:
        """Migrate, load and sync the schedules, start Telegram when a token is configured."""
        self.store.migrate()
        await self.reload()
        if self.web is not None:
            self.web.start()
        await self.lead()

    async def close(self) -> None:
        """Stop Telegram and let the database go."""
        if self.telegram is not None:
            await self.telegram.stop()
        if self.web is not None:
            self.web.stop()
        self.store.engine.dispose()

    async def run(self) -> None:
        """Start, then run the jobs until SIGTERM or SIGINT; SIGHUP reloads at once."""
        # the handlers come first: a SIGHUP while the first sync runs must reload, not kill the
        # bot (SIGHUP's default action), and the first rows in the database say the bot is up
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._stop.set)
        loop.add_signal_handler(signal.SIGHUP, lambda: asyncio.ensure_future(self.reload()))
        await self.start()
        scheduler = AsyncIOScheduler(timezone=self.cfg.tz)
        scheduler.add_job(self.tick, "interval", seconds=self.cfg.tick_seconds, max_instances=1, coalesce=True,
                          next_run_time=dt.datetime.now(self.cfg.tz))
        scheduler.add_job(self.watch, "interval", seconds=30, max_instances=1, coalesce=True)
        scheduler.add_job(self.daily, "cron", hour=0, minute=5, max_instances=1, coalesce=True)
        if self.telegram is not None:
            scheduler.add_job(self.lead, "interval", seconds=15, max_instances=1, coalesce=True)
        scheduler.start()
        log.info("running; channels: %s", ", ".join(self.channels) or "none")
        try:
            await self._stop.wait()
        finally:
            scheduler.shutdown(wait=False)
            await self.close()

    def stop(self) -> None:
        """Ask the service to stop (tests)."""
        self._stop.set()
