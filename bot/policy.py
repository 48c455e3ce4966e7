"""When reminders go out: the policy in the config, overridable per plan and per task."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any


class PolicyError(ValueError):
    """A reminder setting that cannot be used (says which key and why, in Vietnamese)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class ReminderPolicy:
    """Reminders a number of working days before, on the due date, then overdue and escalation."""

    before: tuple[int, ...] = (7, 3, 1)  # working days before the effective due date
    on_due: bool = True
    overdue_every: int = 3  # working days between overdue reminders
    overdue_max: int = 10  # overdue reminders at most, per occurrence
    escalate_after: int = 5  # working days overdue before the supervising agency hears
    send_at: dt.time = dt.time(8, 0)  # local time of day on working days

    def merged(self, overrides: dict[str, Any]) -> ReminderPolicy:
        """This policy with the keys of a TOML table replaced (checked)."""
        return replace(self, **_checked(overrides))


_KNOWN = {f.name for f in fields(ReminderPolicy)}


def _checked(raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _KNOWN:
            raise PolicyError(key, f"không có thiết lập nhắc việc '{key}'; có: {', '.join(sorted(_KNOWN))}")
        if key == "before":
            if not isinstance(value, list) or not all(isinstance(v, int) and 0 < v <= 60 for v in value):
                raise PolicyError(key, "before phải là danh sách số ngày làm việc (1–60), ví dụ [7, 3, 1]")
            out[key] = tuple(sorted(set(value), reverse=True))
        elif key == "on_due":
            if not isinstance(value, bool):
                raise PolicyError(key, "on_due phải là true hoặc false")
            out[key] = value
        elif key == "send_at":
            out[key] = _time(value)
        else:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise PolicyError(key, f"{key} phải là một số nguyên không âm")
            if key == "overdue_every" and value == 0:
                raise PolicyError(key, "overdue_every phải lớn hơn 0")
            out[key] = value
    return out


def _time(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise PolicyError("send_at", "send_at phải là giờ dạng \"08:00\"")
