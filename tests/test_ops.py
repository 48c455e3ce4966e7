"""Running it: /healthz over HTTP (healthy, stalled, database stopped), logs that are one line per
event and never carry a secret, and the systemd unit."""

from __future__ import annotations

import configparser
import datetime as dt
import io
import json
import logging
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from bot.config import Config, WebSettings
from bot.logs import Redacting, setup
from bot.store import Store
from bot.web import Web
from tests.conftest import ROOT
from tests.engine_harness import at, make
from tests.tcp_proxy import Proxy


def _web(store: Store, clock: object) -> Web:
    web = Web(Config(web=WebSettings(port=0), tick_seconds=5), store, clock,  # type: ignore[arg-type]
              Config().calendar.calendar())
    assert web.start()
    return web


async def test_healthz_says_ok_then_stalled(tmp_path: Path) -> None:
    h = make(tmp_path, f"sqlite:///{tmp_path / 'h.db'}", start=at(2018, 9, 20, 8))
    h.engine.reload()
    web = _web(h.store, h.clock)
    try:
        url = f"http://127.0.0.1:{web.port}/healthz"
        never = httpx.get(url)
        assert never.status_code == 503 and never.json()["status"] == "stalled"  # no tick yet
        await h.engine.tick()
        ok = httpx.get(url)
        body = ok.json()
        assert ok.status_code == 200 and body["status"] == "ok" and body["database"] is True
        assert body["tick_age_seconds"] == 0 and body["pending"] > 0 and body["failed_recently"] == 0
        h.clock.advance(dt.timedelta(minutes=10))  # the loop stopped ticking
        stalled = httpx.get(url)
        assert stalled.status_code == 503 and stalled.json()["status"] == "stalled"
    finally:
        web.stop()


async def test_healthz_while_the_database_is_stopped(pg_url: str, tmp_path: Path) -> None:
    server = make_url(pg_url)
    proxy = Proxy(server.host or "127.0.0.1", server.port or 5432)
    h = make(tmp_path, server.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False),
             start=at(2018, 9, 20, 8))
    h.engine.reload()
    await h.engine.tick()
    web = _web(h.store, h.clock)
    try:
        url = f"http://127.0.0.1:{web.port}/healthz"
        assert httpx.get(url).status_code == 200
        proxy.stop()  # the database server goes away
        down = httpx.get(url, timeout=30)
        assert down.status_code == 503
        assert down.json()["database"] is False and down.json()["status"] == "down"
    finally:
        web.stop()
        h.store.engine.dispose()


def test_healthz_when_the_database_never_answers(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'nowhere' / 'x.db'}")  # a folder that does not exist
    from bot.clock import SystemClock

    web = _web(store, SystemClock())
    try:
        r = httpx.get(f"http://127.0.0.1:{web.port}/healthz")
        assert r.status_code == 503 and r.json()["database"] is False
        assert httpx.get(f"http://127.0.0.1:{web.port}/").status_code == 404
    finally:
        web.stop()


def test_logs_are_one_json_line_per_event_without_secrets() -> None:
    stream = io.StringIO()
    handler = setup(as_json=True, secrets=["mat-khau-rat-bi-mat"], stream=stream)
    try:
        log = logging.getLogger("nhacviec.test")
        log.info("gửi tới %s", "https://api.telegram.org/bot987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage",
                 extra={"chat": -1001})
        log.warning("SMTP login mat-khau-rat-bi-mat refused")
        try:
            raise RuntimeError("GET /lich/snv/0123456789abcdef0123456789abcdef.ics\nline two")
        except RuntimeError:
            log.exception("feed failed")
    finally:
        logging.getLogger().removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    events = [json.loads(line) for line in lines]
    assert events[0]["level"] == "info" and events[0]["logger"] == "nhacviec.test" and events[0]["chat"] == -1001
    text = stream.getvalue()
    for secret in ("987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "mat-khau-rat-bi-mat",
                   "0123456789abcdef0123456789abcdef"):
        assert secret not in text
    assert "/lich/snv/***" in events[2]["exc"]


def test_text_logs_stay_on_one_line() -> None:
    record = logging.makeLogRecord({"msg": "một\nhai", "levelname": "INFO", "name": "x"})
    assert "\n" not in Redacting(as_json=False).format(record)


def test_the_systemd_unit() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(ROOT / "deploy" / "nhacviec.service", encoding="utf-8")
    service = unit["Service"]
    assert service["ExecStart"].endswith("nhacviec --config /etc/nhacviec/config.toml run")
    assert service["ExecReload"] == "/bin/kill -HUP $MAINPID" and service["Restart"] == "on-failure"
    assert service["EnvironmentFile"] == "/etc/nhacviec/env" and "ExecStartPre" not in service
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    from bot.config import load

    cfg = load(ROOT / "deploy" / "config.toml")  # the sample server config loads
    assert cfg.web.port == 8080 and cfg.log_format == "json"


async def test_a_running_bot_never_logs_its_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.fake_telegram import TOKEN
    from tests.test_telegram import SNV, STC, _start

    stream = io.StringIO()
    handler = setup(as_json=True, secrets=[TOKEN], stream=stream, level=logging.DEBUG)
    logging.getLogger("httpx").setLevel(logging.DEBUG)  # httpx logs every URL, token included
    try:
        async for bot in _start(tmp_path, f"sqlite:///{tmp_path / 'bot.db'}", monkeypatch):
            bot.fake.fail("sendMessage", "server_error", chat_id=SNV)
            await bot.tick_to_first_reminder(STC)
            bot.fake.send_text(-3000, bot.fake.user(5), "/nhiemvu")
            await bot.answer_to(-3000, 0)
    finally:
        logging.getLogger().removeHandler(handler)
    text = stream.getvalue()
    assert "getUpdates" in text and "sendMessage" in text  # the URLs were logged…
    assert TOKEN not in text and TOKEN.split(":")[1] not in text  # …without the token
    assert all(json.loads(line) for line in text.splitlines())

