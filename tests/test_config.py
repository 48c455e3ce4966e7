"""Config files: defaults, the calendar section, and errors that name the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.config import ConfigError, load
from bot.workdays import DuePolicy


def test_no_file_means_defaults() -> None:
    cfg = load(None)
    assert cfg.calendar.due_policy is DuePolicy.NEXT_WORKING_DAY
    assert cfg.schedules == Path("schedules")


def test_calendar_section(tmp_path: Path) -> None:
    f = tmp_path / "config.toml"
    f.write_text('[bot]\nschedules = "plans"\n[calendar]\ndue_policy = "previous_working_day"\n'
                 "extra_holidays = [2026-11-27]\nextra_workdays = [2026-11-28]\n", encoding="utf-8")
    cfg = load(f)
    assert cfg.schedules == tmp_path / "plans"
    assert cfg.calendar.due_policy is DuePolicy.PREVIOUS_WORKING_DAY
    cal = cfg.calendar.calendar()
    assert not cal.is_working_day(dt.date(2026, 11, 27))
    assert cal.is_working_day(dt.date(2026, 11, 28))


@pytest.mark.parametrize(("body", "words"), [
    ('[calendar]\ndue_policy = "sometimes"\n', "due_policy"),
    ('[calendar]\nextra_holidays = ["27/11/2026"]\n', "extra_holidays"),
    ("[calendar\n", "TOML"),
    ('bot = "x"\n', "[bot]"),
])
def test_bad_settings_name_the_key(tmp_path: Path, body: str, words: str) -> None:
    f = tmp_path / "config.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(f)
    assert words in str(caught.value) and str(f) in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load(tmp_path / "nope.toml")
