"""Email: multipart plain text and HTML over SMTP (STARTTLS or implicit TLS), one thread per task.

The SMTP conversation runs in a worker thread (smtplib is blocking); errors are sorted like
Telegram's: a refused address or a full mailbox is permanent for that target, a dropped connection
or any 4xx is tried again later, a problem of our own (login, sender refused, certificate) is
permanent for the message and reaches the admins.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import smtplib
import ssl
import uuid
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from bot.channels.base import ChannelError, Message
from bot.clock import Clock, SystemClock
from bot.config import EmailSettings

_ENHANCED = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")
_TAGS = re.compile(r"<[^>]+>")


def domain_of(address: str) -> str:
    """The domain of an address, for Message-IDs."""
    return address.rpartition("@")[2] or "localhost"


def thread_id(thread: str, sender: str) -> str:
    """A stable Message-ID every message of one occurrence refers to, so mail clients thread them."""
    digest = hashlib.sha256(f"{sender}|{thread}".encode()).hexdigest()[:24]
    return f"<nhacviec.{digest}@{domain_of(sender)}>"


def build(message: Message, *, to: str, sender: str, sender_name: str, clock: Clock) -> EmailMessage:
    """The MIME message: plain text and HTML alternatives, encoded subject, threading headers."""
    mail = EmailMessage(policy=SMTP)
    text = message.text or _TAGS.sub("", message.html or "")
    mail["Subject"] = message.subject or (text.strip().splitlines() or ["Nhắc việc"])[0][:150]
    mail["From"] = Address(display_name=sender_name, addr_spec=sender)
    mail["To"] = to
    mail["Date"] = format_datetime(clock.now())
    mail["Message-ID"] = f"<{uuid.uuid4().hex}@{domain_of(sender)}>"
    if message.thread:
        root = thread_id(message.thread, sender)
        mail["In-Reply-To"] = root
        mail["References"] = root
    mail["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to a robot
    for name, value in message.headers.items():
        mail[name] = value
    mail.set_content(text, charset="utf-8")
    if message.html:
        mail.add_alternative(message.html, subtype="html", charset="utf-8")
    return mail


def _reply_text(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def classify(error: Exception, address: str) -> ChannelError:
    """An SMTP or network error as a channel error."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(error.recipients.values()), (550, b""))
        return _by_code(code, _reply_text(reply), f"địa chỉ {address} bị từ chối", target=True)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return ChannelError(f"SMTP: đăng nhập thất bại ({error.smtp_code})", permanent=True, broken_target=False)
    if isinstance(error, smtplib.SMTPSenderRefused):
        return _by_code(error.smtp_code, _reply_text(error.smtp_error), f"máy chủ từ chối người gửi {error.sender}",
                        target=False)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return ChannelError(f"SMTP: mất kết nối: {error}")
    if isinstance(error, smtplib.SMTPResponseException):
        said = _reply_text(error.smtp_error)
        enhanced = _ENHANCED.search(said)
        mailbox = bool(enhanced and enhanced.group(2) in ("1", "2"))  # 5.1.x address, 5.2.x mailbox (full)
        return _by_code(error.smtp_code, said, "máy chủ từ chối thư", target=mailbox)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return ChannelError(f"SMTP: máy chủ không hỗ trợ: {error}", permanent=True, broken_target=False)
    if isinstance(error, ssl.SSLCertVerificationError):
        return ChannelError(f"SMTP: chứng chỉ máy chủ không hợp lệ: {error.verify_message}", permanent=True,
                            broken_target=False)
    if isinstance(error, UnicodeEncodeError):  # smtplib logs in with ASCII only
        return ChannelError("SMTP: tên đăng nhập hoặc mật khẩu có ký tự ngoài ASCII", permanent=True,
                            broken_target=False)
    if isinstance(error, (OSError, smtplib.SMTPException)):  # refused, reset, timed out, TLS broken
        return ChannelError(f"SMTP: lỗi mạng: {error}")
    return ChannelError(f"SMTP: {type(error).__name__}: {error}")


def _by_code(code: int, reply: str, what: str, *, target: bool) -> ChannelError:
    if 400 <= code < 500:
        return ChannelError(f"SMTP {code}: {reply} (thử lại sau)")
    return ChannelError(f"SMTP {code}: {what}: {reply}", permanent=True, broken_target=target)


class EmailChannel:
    """Sends each message in its own SMTP session."""

    name = "email"
    parallel = 4  # SMTP sessions at once; mail servers dislike more from one client

    def __init__(self, settings: EmailSettings, clock: Clock | None = None, timeout: float = 30.0) -> None:
        self.settings, self.clock, self.timeout = settings, clock or SystemClock(), timeout

    async def send(self, address: str, message: Message) -> str | None:
        """Deliver to one address; returns the Message-ID."""
        mail = build(message, to=address, sender=self.settings.sender, sender_name=self.settings.sender_name,
                     clock=self.clock)
        try:
            await asyncio.to_thread(self._deliver, mail, address)
        except Exception as e:  # every SMTP or socket error becomes a ChannelError
            raise classify(e, address) from e
        return str(mail["Message-ID"])

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.settings.ca_file) if self.settings.ca_file else None)

    def _deliver(self, mail: EmailMessage, address: str) -> None:
        s = self.settings
        host = s.host or "localhost"
        if s.security == "tls":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(host, s.port, timeout=self.timeout, context=self._context())
        else:
            smtp = smtplib.SMTP(host, s.port, timeout=self.timeout)
        with smtp:
            smtp.ehlo()
            if s.security == "starttls":
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if s.user:
                smtp.login(s.user, s.password or "")
            smtp.send_message(mail, from_addr=s.sender, to_addrs=[address])
