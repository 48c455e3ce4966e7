"""The small HTTP server of `nhacviec run`: /healthz, and each agency's calendar at a URL holding
a secret token (a wrong token gets 404 and nothing else). Standard library only: two GET routes
need no framework; it runs in a thread of its own and reads the store through short sessions."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.clock import Clock
from bot.config import Config
from bot.reports import ics
from bot.schedule.model import Schedule
from bot.store import Store, StoreBusy
from bot.workdays import WorkCalendar

log = logging.getLogger("nhacviec.web")
_FEED = re.compile(r"^/lich/([A-Za-z0-9._-]{1,80})/([0-9a-f]{32})\.ics$")


def feed_url(cfg: Config, store: Store, agency: str) -> str:
    """The address an agency's calendar is published at."""
    return f"{cfg.web.base}/lich/{agency}/{ics.feed_token(store.secret('ics'), agency)}.ics"


class Web:
    """Serves /healthz and the calendar feeds until stopped."""

    def __init__(self, cfg: Config, store: Store, clock: Clock, calendar: WorkCalendar,
                 schedule: Callable[[], Schedule | None] | None = None) -> None:
        self.cfg, self.store, self.clock, self.calendar = cfg, store, clock, calendar
        self.schedule = schedule or (lambda: None)  # the schedule in force, for the alarm times
        self._server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        """The port it listens on (the config's, or the one the system gave for port 0)."""
        return int(self._server.server_address[1]) if self._server else self.cfg.web.port

    def start(self) -> bool:
        """Listen in a background thread; False (and a log line) if the port is taken."""
        try:
            self._server = ThreadingHTTPServer((self.cfg.web.host, self.cfg.web.port), self._handler())
        except OSError as e:
            log.warning("web server not started on %s:%s: %s", self.cfg.web.host, self.cfg.web.port, e)
            return False
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="web", daemon=True).start()
        log.info("web server on http://%s:%s", self.cfg.web.host, self.port)
        return True

    def stop(self) -> None:
        """Stop listening."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # --- the two routes -------------------------------------------------------------------

    def health(self) -> tuple[int, dict[str, Any]]:
        """200 when the database answers and ticks are recent; 503 otherwise, saying why."""
        now = self.clock.now()
        body: dict[str, Any] = {"database": self.store.ping()}
        if not body["database"]:
            return 503, {**body, "status": "down", "reason": "không kết nối được cơ sở dữ liệu"}
        try:
            body.update(self.store.health(now - dt.timedelta(days=1)))
        except StoreBusy as e:
            return 503, {**body, "database": False, "status": "down", "reason": str(e)}
        last = body.get("last_tick")
        age = (now - dt.datetime.fromisoformat(last)).total_seconds() if last else None
        body["tick_age_seconds"] = round(age, 1) if age is not None else None
        stale = age is None or age > max(120.0, 20 * self.cfg.tick_seconds)
        body["status"] = "stalled" if stale else "ok"
        return (503 if stale else 200), body

    def feed(self, agency: str, token: str) -> bytes | None:
        """The agency's calendar, or None for an unknown agency or a wrong token."""
        expected = ics.feed_token(self.store.secret("ics"), agency)
        if not hmac.compare_digest(expected, token):
            return None
        names = self.store.agency_names([agency])
        if agency not in names:
            return None
        tasks = self.store.task_statuses(agency=agency, states=("open", "done", "cancelled"))
        alarms = ics.alarm_times(self.schedule(), self.calendar, self.cfg.tz)
        return ics.build(names[agency], tasks, alarms, self.clock.now())

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        web = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "nhacviec"

            def log_message(self, format: str, *args: Any) -> None:  # the feed token stays out of logs
                log.debug("http %s", self.command)

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                if path == "/healthz":
                    status, body = web.health()
                    self._send(status, "application/json; charset=utf-8",
                               json.dumps(body, ensure_ascii=False).encode())
                    return
                m = _FEED.match(path)
                try:
                    data = web.feed(m.group(1), m.group(2)) if m else None
                except StoreBusy:
                    self._send(503, "text/plain; charset=utf-8", b"database unavailable")
                    return
                if data is None:
                    self._send(404, "text/plain; charset=utf-8", b"Not Found")
                    return
                self._send(200, "text/calendar; charset=utf-8", data)

            def _send(self, status: int, ctype: str, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(data)

        return Handler
