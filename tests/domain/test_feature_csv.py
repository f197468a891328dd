"""Parsing feature CSV files: our columns, Jira exports, and located errors."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.domain.feature_csv import parse_features_csv
from rte_desktop.domain.iteration_match import match_iteration
from rte_desktop.domain.model import Iteration, WorkKind

JIRA = (
    "Summary,Issue key,Issue id,Issue Type,Custom field (Team),Sprint,Sprint,"
    "Outward issue link (Blocks),Outward issue link (Blocks),Inward issue link (Blocks)\n"
    "Saved cards,AUR-1,1001,Feature,Phoenix,Sprint 1,Sprint 2,AUR-2,AUR-3,\n"
    '"Checkout, faster",AUR-2,1002,Enabler,Ωmega,Sprint 3,,,,AUR-9\n'
    "Audit logging,AUR-3,1003,Epic,,,,,,\n"
)


def test_jira_export_with_repeated_columns() -> None:
    parsed = parse_features_csv(JIRA)
    assert [r.key for r in parsed.rows] == ["AUR-1", "AUR-2", "AUR-3"]
    first, second, third = parsed.rows
    assert first.title == "Saved cards" and first.kind is WorkKind.FEATURE
    assert second.title == "Checkout, faster" and second.kind is WorkKind.ENABLER
    assert first.iteration.value == "Sprint 2"  # the last sprint it was in
    assert (first.iteration.line, first.iteration.column) == (2, 7)
    assert first.team.value == "Phoenix" and third.team is None and third.iteration is None
    pairs = [link.provider_consumer(parsed.rows[link.row].key) for link in parsed.links]
    assert pairs == [("AUR-1", "AUR-2"), ("AUR-1", "AUR-3"), ("AUR-9", "AUR-2")]


def test_own_columns_semicolons_and_several_keys_per_cell() -> None:
    text = (
        "\ufeffKey;Title;Team;Iteration;Depends on\n"
        "A-1;One;Kraken;I2;\nA-2;Two;Kraken;IP;A-1, A-3\n"
    )
    parsed = parse_features_csv(text)
    assert [r.title for r in parsed.rows] == ["One", "Two"]
    assert [link.provider_consumer("A-2") for link in parsed.links] == [
        ("A-1", "A-2"),
        ("A-3", "A-2"),
    ]


def test_blank_lines_are_skipped_and_quoted_newlines_keep_line_numbers() -> None:
    text = 'Title,Key\n"Two\nlines",K-1\n\n,\nThird,K-1\n'
    with pytest.raises(ImportFormatError) as info:
        parse_features_csv(text)
    assert "line 6, column 2 (Key): key K-1 appears again (first on line 2)" in str(info.value)


def test_every_bad_cell_is_named_and_nothing_is_returned() -> None:
    text = (
        "Summary,Issue key,Blocks\n"
        ",X-1,\n"  # empty title
        f"{'t' * 501},X-2,\n"  # too long
        "Self,X-3,X-3\n"  # depends on itself
        "No key,,X-1\n"  # link without key
    )
    with pytest.raises(ImportFormatError) as info:
        parse_features_csv(text)
    message = str(info.value)
    assert "4 problems, nothing was imported" in message
    assert "line 2, column 1 (Summary): the title is empty" in message
    assert "line 3, column 1 (Summary): the title is longer than 500" in message
    assert "line 4, column 3 (Blocks): X-3 cannot depend on itself" in message
    assert "line 5, column 3 (Blocks): this row links to X-1 but has no key" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "line 1: the file is empty"),
        ("Key,Team\nA,B\n", "line 1: no title column"),
        ("Title,Key\n", "line 2: the file has a header but no features"),
        ('Title,Key\n"unterminated,A\n', "line 2: unexpected end of data"),
    ],
)
def test_file_level_errors(text: str, expected: str) -> None:
    with pytest.raises(ImportFormatError, match=expected):
        parse_features_csv(text)


ITS = [
    Iteration(
        id=10 + n,
        pi_id=1,
        number=n,
        name=f"PI 2026.2 I{n}",
        start=dt.date(2026, 1, n),
        end=dt.date(2026, 1, n),
        is_ip=n == 5,
    )
    for n in range(1, 6)
]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("PI 2026.2 I3", 3),
        ("pi 2026.2 i3", 3),
        ("I3", 3),
        ("3", 3),
        ("Sprint 3", 3),
        ("Iteration 4", 4),
        ("IP", 5),
        ("PI 2026.2 IP", 5),
        ("", None),
        ("Sprint 14", None),
        ("later", None),
    ],
)
def test_iteration_names_numbers_and_ip(text: str, number: int | None) -> None:
    found = match_iteration(text, ITS)
    assert (found.number if found else None) == number
