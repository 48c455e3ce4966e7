"""The console channel: prints each message as the agency would receive it (no account needed)."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from bot.channels.base import Message


class ConsoleChannel:
    """Writes messages to a stream (standard output by default), one block each."""

    name = "console"

    def __init__(self, stream: TextIO | None = None, names: dict[str, str] | None = None) -> None:
        self.stream = stream or sys.stdout
        self.names = names or {}  # agency id -> name, for the header line
        self._lock = threading.Lock()
        self._count = 0

    async def send(self, address: str, message: Message) -> str | None:
        """Print the message under a line naming the agency."""
        with self._lock:
            self._count += 1
            who = self.names.get(address, address)
            self.stream.write(f"──── gửi {who} ────\n{message.text}\n")
            for row in message.buttons:
                self.stream.write("  " + "   ".join(f"[{b.label}]" for b in row) + "\n")
            self.stream.write("\n")
            self.stream.flush()
            return f"console-{self._count}"
