"""Settings from a TOML file, with defaults that run on a fresh machine."""

from __future__ import annotations

import datetime as dt
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
class Config:
    """Everything the bot reads from its config file."""

    schedules: Path = Path("schedules")
    timezone: str = "Asia/Ho_Chi_Minh"
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    source: Path | None = None

    @property
    def tz(self) -> ZoneInfo:
        """The time zone reminders are sent in."""
        return ZoneInfo(self.timezone)


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
    bot = _table(data, "bot", where)
    cal = _table(data, "calendar", where)
    try:
        reminders = ReminderPolicy().merged(_table(data, "reminders", where))
    except PolicyError as e:
        raise ConfigError(f"{where}: [reminders] {e}") from None
    timezone = _get(bot, "timezone", str, "Asia/Ho_Chi_Minh", where)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{where}: [bot] timezone = {timezone!r} không phải múi giờ, ví dụ \"Asia/Ho_Chi_Minh\"") from None
    base = source.parent if source else Path(".")
    schedules = Path(_get(bot, "schedules", str, "schedules", where))
    policy_text = _get(cal, "due_policy", str, DuePolicy.NEXT_WORKING_DAY.value, where)
    try:
        policy = DuePolicy(policy_text)
    except ValueError:
        choices = ", ".join(p.value for p in DuePolicy)
        raise ConfigError(
            f"{where}: [calendar] due_policy = {policy_text!r} không hợp lệ; chọn một trong: {choices}"
        ) from None
    return Config(
        schedules=schedules if schedules.is_absolute() else base / schedules,
        timezone=timezone,
        calendar=CalendarSettings(
            due_policy=policy,
            extra_holidays=_dates(cal, "extra_holidays", where),
            extra_workdays=_dates(cal, "extra_workdays", where),
        ),
        reminders=reminders,
        source=source,
    )


def _table(data: dict[str, Any], name: str, where: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{name}] phải là một bảng")
    return value


def _get(table: dict[str, Any], key: str, kind: type, default: Any, where: str) -> Any:
    value = table.get(key, default)
    if not isinstance(value, kind):
        raise ConfigError(f"{where}: {key} phải là {kind.__name__}, không phải {value!r}")
    return value


def _dates(table: dict[str, Any], key: str, where: str) -> tuple[dt.date, ...]:
    values = table.get(key, [])
    if not isinstance(values, list) or not all(
        isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values
    ):
        raise ConfigError(f"{where}: {key} phải là danh sách ngày, ví dụ [2026-09-01, 2026-12-31]")
    return tuple(values)
