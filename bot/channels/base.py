"""What every channel shares: the message to send, and the one error a channel may raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Button:
    """A button under a Telegram message: its label and the data it sends back (≤ 64 bytes)."""

    label: str
    data: str


@dataclass(frozen=True)
class Message:
    """A rendered message: plain text always; HTML for Telegram and email; a subject for email."""

    text: str
    html: str | None = None
    subject: str | None = None
    buttons: tuple[tuple[Button, ...], ...] = ()
    thread: str | None = None  # groups one task's messages (email In-Reply-To/References)
    headers: dict[str, str] = field(default_factory=dict)


class ChannelError(Exception):
    """A send that failed. `permanent`: retrying this target is pointless (bot blocked, chat gone,
    mailbox refused); otherwise try again later, not before `retry_after` seconds if given.
    `migrate_to`: the chat moved to a new id; resend there. `broken_target` is False when only
    this message was refused (its text), so the target stays in use."""

    def __init__(self, reason: str, *, permanent: bool = False, retry_after: float | None = None,
                 migrate_to: str | None = None, broken_target: bool | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after
        self.migrate_to = migrate_to
        self.broken_target = permanent if broken_target is None else broken_target


class Channel(Protocol):
    """A way to reach an agency. A channel may also say, as `parallel`, how many sends it takes at
    once (the dispatcher's policy decides otherwise)."""

    name: str

    async def send(self, address: str, message: Message) -> str | None:
        """Deliver a message; returns the id the other side gave it, if any."""
        ...
