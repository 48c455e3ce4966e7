"""Digests in the database: one row per summary and place, claimed with a lease like reminders,
and the queries that fill them when they are sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.store.db import aware, utc
from bot.store.models import AgencyRow, DigestRow, OccurrenceRow, PlanRow
from bot.store.officers import Info, OccurrenceInfo, _info, _info_query

SessionFactory = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True)
class DigestClaim:
    """A claimed digest: what, for whom, where."""

    id: int
    kind: str
    period: str
    recipient: str
    recipient_name: str
    channel: str
    address: str
    attempts: int


class DigestStore:
    """Digest rows and the content queries, each call in its own transaction."""

    def __init__(self, session: SessionFactory) -> None:
        self.session = session

    def add(self, kind: str, period: str, places: list[tuple[str, str, str]], at: dt.datetime) -> int:
        """One pending row per (recipient, channel, address), unless another process wrote it first."""
        added = 0
        with self.session() as s:
            for recipient, channel, address in places:
                try:
                    with s.begin_nested():  # a duplicate from another process only rolls back this row
                        s.add(DigestRow(kind=kind, period=period, recipient=recipient, channel=channel,
                                        address=address, send_at=utc(at), next_attempt_at=utc(at), state="pending",
                                        attempts=0))
                        s.flush()
                    added += 1
                except IntegrityError:
                    continue
        return added

    def claim(self, now: dt.datetime, owner: str, lease: dt.timedelta, limit: int = 50) -> list[DigestClaim]:
        """Take due digests for `owner` (a conditional UPDATE per row: only one process wins each)."""
        now_utc = utc(now)
        due = or_(and_(DigestRow.state == "pending", DigestRow.next_attempt_at <= now_utc),
                  and_(DigestRow.state == "claimed", DigestRow.lease_until < now_utc))
        out = []
        with self.session() as s:
            rows = s.execute(select(DigestRow, AgencyRow.name).join(AgencyRow, AgencyRow.id == DigestRow.recipient)
                             .where(due).order_by(DigestRow.next_attempt_at).limit(limit)).all()
            for row, name in rows:
                won = s.execute(update(DigestRow).where(and_(DigestRow.id == row.id, due)).values(
                    state="claimed", lease_owner=owner, lease_until=utc(now + lease),
                    attempts=DigestRow.attempts + 1)).rowcount  # type: ignore[attr-defined]
                if won:
                    out.append(DigestClaim(row.id, row.kind, row.period, row.recipient, name, row.channel,
                                           row.address, row.attempts + 1))
        return out

    def finish(self, claim: DigestClaim, owner: str, state: str, at: dt.datetime, *, error: str | None = None,
               message_id: str | None = None, retry_at: dt.datetime | None = None) -> None:
        """Record the outcome, if this process still holds the lease."""
        values: dict[str, object] = {"state": state, "last_error": error, "lease_owner": None, "lease_until": None}
        if state == "sent":
            values.update(sent_at=utc(at), message_id=message_id)
        if retry_at is not None:
            values.update(state="pending", next_attempt_at=utc(retry_at))
        with self.session() as s:
            s.execute(update(DigestRow).where(and_(DigestRow.id == claim.id, DigestRow.lease_owner == owner))
                      .values(**values))

    def next_due(self) -> dt.datetime | None:
        """When the next pending digest is due."""
        with self.session() as s:
            return aware(s.scalar(select(func.min(DigestRow.next_attempt_at)).where(DigestRow.state == "pending")))

    def sent(self) -> list[tuple[dt.datetime, str, str, str, str]]:
        """(sent at, kind, recipient, channel, address) of every digest sent, in order."""
        with self.session() as s:
            rows = s.execute(select(DigestRow.sent_at, DigestRow.kind, DigestRow.recipient, DigestRow.channel,
                                    DigestRow.address).where(DigestRow.state == "sent")
                             .order_by(DigestRow.sent_at, DigestRow.id))
            return [(aware(r[0]) or dt.datetime.min, r[1], r[2], r[3], r[4]) for r in rows]

    # --- what a digest says -----------------------------------------------------------------

    def agencies_with_open(self, last: dt.date) -> list[str]:
        """Agencies with an open task due by `last` (overdue ones included)."""
        with self.session() as s:
            return list(s.scalars(select(OccurrenceRow.agency_id).distinct()
                                  .join(PlanRow, PlanRow.id == OccurrenceRow.plan_id)
                                  .where(_open(), OccurrenceRow.effective_due <= last)))

    def supervisors_with_overdue(self, today: dt.date) -> list[str]:
        """Supervising agencies whose plans have an overdue task."""
        with self.session() as s:
            return [x for x in s.scalars(select(PlanRow.supervisor).distinct()
                                         .join(OccurrenceRow, OccurrenceRow.plan_id == PlanRow.id)
                                         .where(_open(), OccurrenceRow.effective_due < today)) if x]

    def open_of(self, agency: str, last: dt.date) -> list[OccurrenceInfo]:
        """An agency's own open tasks due by `last`, oldest first."""
        with self.session() as s:
            return list(self._infos(s, _info_query().where(
                _open(), OccurrenceRow.agency_id == agency, OccurrenceRow.effective_due <= last)))

    def overdue_supervised(self, supervisor: str, today: dt.date) -> list[OccurrenceInfo]:
        """Overdue tasks of the plans an agency supervises, oldest first."""
        with self.session() as s:
            return list(self._infos(s, _info_query().where(
                _open(), PlanRow.supervisor == supervisor, OccurrenceRow.effective_due < today)))

    @staticmethod
    def _infos(s: Session, query: Info) -> Iterator[OccurrenceInfo]:
        ordered = query.order_by(OccurrenceRow.effective_due, OccurrenceRow.plan_id, OccurrenceRow.task_id)
        for row in s.execute(ordered):
            yield _info(row)


def _open() -> ColumnElement[bool]:
    return and_(OccurrenceRow.state == "open", PlanRow.active.is_(True))
