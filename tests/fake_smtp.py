"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives and fails on request:
a refused or full mailbox, a 4xx, a connection dropped in the middle; with STARTTLS, implicit
TLS and AUTH when asked (certificates from trustme)."""

from __future__ import annotations

import email
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "nhacviec@snv.example.vn", "mat-khau-thu-2026"


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Inbox:
    """The aiosmtpd handler: what arrived, and how to answer next."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # address -> the RCPT reply
    data_reply: str | None = None  # e.g. "451 4.3.0 thử lại sau"
    drops: int = 0  # DATA commands to answer by closing the connection

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.drops > 0:
            self.drops -= 1
            server.transport.close()
            return "421 4.3.2 đóng kết nối"
        if self.data_reply is not None:
            return self.data_reply
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))  # type: ignore[arg-type]
        return "250 2.0.0 Message accepted for delivery"


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login.decode(), auth_data.password.decode()) == (
        USER, PASSWORD)
    return AuthResult(success=ok, handled=False)


class SmtpServer:
    """The server: plain, STARTTLS ('starttls') or implicit TLS ('tls'), optionally with AUTH."""

    def __init__(self, security: str = "none", auth: bool = False) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.ca: trustme.CA | None = None
        smtp: dict[str, Any] = {}  # for aiosmtpd's SMTP
        listen: dict[str, Any] = {}  # for its Controller
        if security != "none":
            self.ca = trustme.CA()
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self.ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
            if security == "starttls":
                smtp.update(tls_context=context, require_starttls=True)
            else:
                listen.update(ssl_context=context, server_hostname="localhost")
        if auth:
            smtp.update(authenticator=_authenticate, auth_require_tls=security == "starttls")
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **listen, **smtp)

    def ca_file(self, folder: Any) -> str:
        """The CA that signed the server's certificate, as a PEM file the client can trust."""
        assert self.ca is not None
        path = folder / "ca.pem"
        self.ca.cert_pem.write_to_path(str(path))
        return str(path)

    def start(self) -> SmtpServer:
        """Listen."""
        self.controller.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        self.controller.stop()
