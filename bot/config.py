"""Settings from a TOML file, with defaults that run on a fresh machine (see config.example.toml).

Secrets never live in the file: it names the environment variables that hold them.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.policy import PolicyError, ReminderPolicy
from bot.workdays import DuePolicy, WorkCalendar


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class CalendarSettings:
    """Working days: the due-date policy and the days an admin adds or removes."""

    due_policy: DuePolicy = DuePolicy.NEXT_WORKING_DAY
    extra_holidays: tuple[dt.date, ...] = ()
    extra_workdays: tuple[dt.date, ...] = ()

    def calendar(self) -> WorkCalendar:
        """The working-day calendar these settings describe."""
        return WorkCalendar.from_lists(self.extra_holidays, self.extra_workdays)


@dataclass(frozen=True)
class TelegramSettings:
    """The Telegram bot; its token comes from the environment variable named here."""

    token_env: str = "NHACVIEC_TELEGRAM_TOKEN"
    base_url: str | None = None  # a Bot API server of one's own, e.g. "http://127.0.0.1:8081/bot"
    admins: tuple[int, ...] = ()  # Telegram user ids allowed to do everything
    admin_chat: int | None = None  # where the bot tells admins about problems

    @property
    def token(self) -> str | None:
        """The bot token, when the environment has it."""
        return os.environ.get(self.token_env) or None


@dataclass(frozen=True)
class EmailSettings:
    """SMTP for agencies that read their mailbox; the password comes from the environment."""

    host: str | None = None
    port: int = 587
    security: str = "starttls"  # starttls | tls | none
    user: str | None = None
    password_env: str = "NHACVIEC_SMTP_PASSWORD"
    sender: str = "nhacviec@localhost"
    sender_name: str = "Hệ thống Nhắc việc"
    ca_file: Path | None = None  # a CA bundle for a server with an internal certificate

    @property
    def enabled(self) -> bool:
        """Whether an SMTP server is configured."""
        return self.host is not None

    @property
    def password(self) -> str | None:
        """The SMTP password, when the environment has it."""
        return os.environ.get(self.password_env) or None


@dataclass(frozen=True)
class DigestSettings:
    """Summaries: weekly to each agency, daily on working days to each supervising agency."""

    weekly: bool = True
    weekly_day: int = 1  # ISO weekday: 1 = Thứ Hai … 7 = Chủ nhật
    weekly_at: dt.time = dt.time(8, 0)
    daily: bool = True
    daily_at: dt.time = dt.time(8, 0)


@dataclass(frozen=True)
class WebSettings:
    """The small HTTP server: /healthz and the agencies' calendar feeds."""

    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str | None = None  # how agencies reach it, e.g. "https://nhacviec.daknong.gov.vn"

    @property
    def base(self) -> str:
        """The URL feeds are published under."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")


@dataclass(frozen=True)
class Config:
    """Everything the bot reads from its config file."""

    schedules: Path = Path("schedules")
    timezone: str = "Asia/Ho_Chi_Minh"
    database: str = "sqlite:///nhacviec.db"
    tick_seconds: float = 5.0
    catch_up_days: int = 7  # after downtime, reminders later than this are dropped, not sent
    templates: Path | None = None  # an admin's templates, overriding ours file by file
    console: bool | None = None  # None: print messages when neither Telegram nor email is configured
    deliver_both: bool = False  # Telegram and email to agencies that have both
    lease_seconds: float = 120.0  # how long a claimed reminder stays this process's before others retake it
    batch: int = 100  # reminders claimed per tick
    max_attempts: int = 8
    group: bool = True  # several reminders for one chat or mailbox at once go as one message
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    digests: DigestSettings = field(default_factory=DigestSettings)
    web: WebSettings = field(default_factory=WebSettings)
    log_format: str = "json"  # json: one JSON object per line; text: for reading in a terminal
    source: Path | None = None

    @property
    def tz(self) -> ZoneInfo:
        """The time zone reminders are sent in."""
        return ZoneInfo(self.timezone)

    @property
    def console_fallback(self) -> bool:
        """Whether agencies without a chat or mailbox get their messages on the console."""
        if self.console is not None:
            return self.console
        return self.telegram.token is None and not self.email.enabled


def load(path: Path | None) -> Config:
    """Read a config file; no file means every default."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: không tìm thấy tệp cấu hình") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: lỗi cú pháp TOML: {e}") from None
    return from_dict(data, path)


def from_dict(data: dict[str, Any], source: Path | None = None) -> Config:
    """Build a Config from parsed TOML, checking every value it uses."""
    where = str(source) if source else "cấu hình"
    r = _Reader(data, where)
    base = source.parent if source else Path(".")
    schedules = Path(r.get("bot", "schedules", str, "schedules"))
    templates = r.get("bot", "templates", str, None)
    timezone = r.get("bot", "timezone", str, "Asia/Ho_Chi_Minh")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{where}: [bot] timezone = {timezone!r} không phải múi giờ, ví dụ \"Asia/Ho_Chi_Minh\"") \
            from None
    try:
        reminders = ReminderPolicy().merged(r.table("reminders"))
    except PolicyError as e:
        raise ConfigError(f"{where}: [reminders] {e}") from None
    console = r.get("console", "enabled", (bool, str), "auto")
    if console not in (True, False, "auto"):
        raise ConfigError(f"{where}: [console] enabled phải là true, false hoặc \"auto\"")
    return Config(
        schedules=schedules if schedules.is_absolute() else base / schedules,
        timezone=timezone,
        database=_database(r.get("bot", "database", str, "sqlite:///nhacviec.db"), base),
        tick_seconds=float(r.get("bot", "tick_seconds", (int, float), 5)),
        catch_up_days=r.get("bot", "catch_up_days", int, 7),
        templates=(base / templates) if templates else None,
        console=None if console == "auto" else bool(console),
        deliver_both=r.get("delivery", "both", bool, False),
        lease_seconds=float(r.get("dispatch", "lease_seconds", (int, float), 120)),
        batch=r.get("dispatch", "batch", int, 100),
        max_attempts=r.get("dispatch", "max_attempts", int, 8),
        group=r.get("dispatch", "group", bool, True),
        calendar=_calendar(r),
        reminders=reminders,
        telegram=TelegramSettings(
            token_env=r.get("telegram", "token_env", str, "NHACVIEC_TELEGRAM_TOKEN"),
            base_url=r.get("telegram", "base_url", str, None),
            admins=tuple(r.get("telegram", "admins", list, [])),
            admin_chat=r.get("telegram", "admin_chat", int, None)),
        email=EmailSettings(
            host=r.get("email", "host", str, None), port=r.get("email", "port", int, 587),
            security=r.choice("email", "security", ("starttls", "tls", "none"), "starttls"),
            user=r.get("email", "user", str, None),
            password_env=r.get("email", "password_env", str, "NHACVIEC_SMTP_PASSWORD"),
            sender=r.get("email", "sender", str, "nhacviec@localhost"),
            sender_name=r.get("email", "sender_name", str, "Hệ thống Nhắc việc"),
            ca_file=(base / ca_file) if (ca_file := r.get("email", "ca_file", str, None)) else None),
        digests=DigestSettings(
            weekly=r.get("digests", "weekly", bool, True), weekly_day=r.choice("digests", "weekly_day", range(1, 8), 1),
            weekly_at=r.time("digests", "weekly_at", "08:00"), daily=r.get("digests", "daily", bool, True),
            daily_at=r.time("digests", "daily_at", "08:00")),
        web=WebSettings(enabled=r.get("web", "enabled", bool, True), host=r.get("web", "host", str, "127.0.0.1"),
                        port=r.get("web", "port", int, 8080), public_url=r.get("web", "public_url", str, None)),
        log_format=r.choice("log", "format", ("json", "text"), "json"),
        source=source,
    )


def _database(url: str, base: Path) -> str:
    """A SQLite path relative to the config file; other URLs as written."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and url != "sqlite:///:memory:":
        return prefix + str((base / url[len(prefix):]).resolve())
    return url


def _calendar(r: _Reader) -> CalendarSettings:
    policy_text = r.get("calendar", "due_policy", str, DuePolicy.NEXT_WORKING_DAY.value)
    try:
        policy = DuePolicy(policy_text)
    except ValueError:
        choices = ", ".join(p.value for p in DuePolicy)
        raise ConfigError(
            f"{r.where}: [calendar] due_policy = {policy_text!r} không hợp lệ; chọn một trong: {choices}"
        ) from None
    return CalendarSettings(policy, r.dates("calendar", "extra_holidays"), r.dates("calendar", "extra_workdays"))


class _Reader:
    """Typed access to the parsed TOML, with errors naming file, table and key."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data, self.where = data, where

    def table(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{self.where}: [{name}] phải là một bảng")
        return value

    def get(self, table: str, key: str, kind: type | tuple[type, ...], default: Any) -> Any:
        value = self.table(table).get(key, default)
        if value is not None and not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " hoặc ".join(k.__name__ for k in kind)
            raise ConfigError(f"{self.where}: [{table}] {key} phải là {names}, không phải {value!r}")
        return value

    def choice(self, table: str, key: str, allowed: Any, default: Any) -> Any:
        value = self.table(table).get(key, default)
        if value not in allowed or isinstance(value, bool):
            shown = ", ".join(repr(a) for a in allowed)
            raise ConfigError(f"{self.where}: [{table}] {key} = {value!r} không dùng được; chọn một trong: {shown}")
        return value

    def time(self, table: str, key: str, default: str) -> dt.time:
        value = self.table(table).get(key, default)
        if isinstance(value, dt.time):
            return value
        try:
            return dt.time.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"{self.where}: [{table}] {key} = {value!r} phải là giờ, ví dụ \"08:00\"") from None

    def dates(self, table: str, key: str) -> tuple[dt.date, ...]:
        values = self.table(table).get(key, [])
        if not isinstance(values, list) or not all(
            isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values
        ):
            raise ConfigError(f"{self.where}: [{table}] {key} phải là danh sách ngày, ví dụ [2026-09-01]")
        return tuple(values)
