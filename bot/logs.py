"""Structured logs: one line per event (JSON by default), and never a token or a password in them.

Secrets are masked in the finished line, after any exception text is added, because a library's
error message may carry a URL with the bot token in it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
from collections.abc import Iterable
from typing import TextIO

MASK = "***"
# a Telegram bot token anywhere ("123456789:AA…"), and the secret part of a calendar feed URL
_PATTERNS = (re.compile(r"(?<!\d)\d{5,12}:[A-Za-z0-9_-]{8,}"), re.compile(r"(/lich/[^/\s\"]+/)[0-9a-fA-F]{16,}"))
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class Redacting(logging.Formatter):
    """Formats a record as one line and masks every secret it knows or recognises."""

    def __init__(self, secrets: Iterable[str] = (), as_json: bool = True) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")
        self.secrets = sorted((s for s in secrets if s and len(s) >= 4), key=len, reverse=True)
        self.as_json = as_json

    def redact(self, text: str) -> str:
        """The text with secrets masked."""
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        text = _PATTERNS[0].sub(MASK, text)
        return _PATTERNS[1].sub(lambda m: m.group(1) + MASK, text)

    def format(self, record: logging.LogRecord) -> str:
        """One line: JSON with time, level, logger, message, extra fields and any exception."""
        if not self.as_json:
            return self.redact(super().format(record).replace("\n", " ⏎ "))
        event: dict[str, object] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage()}
        event.update({k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            event["exc"] = self.formatException(record.exc_info)
        return self.redact(json.dumps(event, ensure_ascii=False, default=str))


def setup(as_json: bool = True, secrets: Iterable[str] = (), stream: TextIO | None = None,
          level: int = logging.INFO) -> logging.Handler:
    """Send every log line to `stream` (standard error) through the redacting formatter."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(Redacting(secrets, as_json))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for chatty in ("httpx", "apscheduler"):  # a line per poll and per tick would drown what matters
        logging.getLogger(chatty).setLevel(logging.WARNING)
    return handler
