"""Positions of keys and values in TOML text."""

from __future__ import annotations

from bot.tomlpos import Position, index

TEXT = '''# comment
[plan]
number = "1/KH"
title = """nhiều
dòng"""

[[task]]
id = "1"
lead = ["Sở A", "Sở Nội Vu"]

[[task]]
id = "2"
milestones = [
    "a",
    "b",
]
time = "Quý II"
'''


def test_keys_tables_and_array_items() -> None:
    idx = index(TEXT)
    assert idx.at(("plan", "number")) == Position(3, 10)
    assert idx.at(("task", 0)) == Position(7, 1)
    assert idx.at(("task", 1, "id")) == Position(12, 6)
    assert idx.item(("task", 0, "lead"), 1) == Position(9, 17)
    assert idx.at(("task", 1, "time")) == Position(17, 8)  # after a multi-line array


def test_unknown_path_falls_back_to_its_table() -> None:
    idx = index(TEXT)
    assert idx.at(("task", 1, "nope")) == Position(11, 1)
    assert idx.at(("nothing",)) == Position(1, 1)
