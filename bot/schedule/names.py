"""Agency names as admins write them: exact names and aliases, and a suggestion when one is off."""

from __future__ import annotations

import difflib
import re
import unicodedata

from bot.periods.text import fold


def key(name: str) -> str:
    """A name compared as written: NFC, any case, single spaces (diacritics still count)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


def loose(name: str) -> str:
    """A name without diacritics or punctuation, for suggestions and fuzzy matching."""
    return re.sub(r"[^a-z0-9]+", " ", fold(name).text).strip()


class Names:
    """Resolves names, aliases and ids to agency or group ids."""

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._display: dict[str, str] = {}  # id -> the official name

    def add(self, ident: str, name: str, aliases: tuple[str, ...]) -> list[str]:
        """Register an agency or group; returns the names already taken by another id."""
        clashes = []
        self._display[ident] = name
        for written in (ident, name, *aliases):
            k = key(written)
            owner = self._by_key.get(k)
            if owner is not None and owner != ident:
                clashes.append(written)
                continue
            self._by_key[k] = ident
        return clashes

    def resolve(self, written: str) -> str | None:
        """The id a name, alias or id stands for, or None."""
        return self._by_key.get(key(written))

    def name(self, ident: str) -> str:
        """The official name of an id."""
        return self._display.get(ident, ident)

    def suggest(self, written: str) -> str | None:
        """The official name most like a name that resolved to nothing."""
        target = loose(written)
        candidates = {loose(k): ident for k, ident in self._by_key.items()}
        close = difflib.get_close_matches(target, list(candidates), n=1, cutoff=0.8)
        return self._display[candidates[close[0]]] if close else None
