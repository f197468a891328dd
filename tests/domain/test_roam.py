"""ROAM rules: owners, scales, severity bands, filters, column moves."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain import roam
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import Risk, RoamStatus

NOW = dt.datetime(2026, 11, 25, 8, 0)


def risk(**changes) -> Risk:
    values = {"pi_id": 1, "title": "Vendor late", "created_at": NOW} | changes
    return Risk(**values)


@pytest.mark.parametrize("status", [RoamStatus.OWNED, RoamStatus.MITIGATED])
def test_owned_and_mitigated_need_an_owner(status: RoamStatus) -> None:
    with pytest.raises(ValidationError, match="needs an owner"):
        roam.check_risk(risk(status=status, owner="   "))
    assert roam.check_risk(risk(status=status, owner="  Zoë  Ñúñez ")).owner == "Zoë Ñúñez"


@pytest.mark.parametrize("status", [RoamStatus.UNROAMED, RoamStatus.RESOLVED, RoamStatus.ACCEPTED])
def test_other_columns_need_no_owner(status: RoamStatus) -> None:
    assert roam.check_risk(risk(status=status)).owner == ""


@pytest.mark.parametrize(("field", "value"), [("likelihood", 0), ("impact", 6), ("impact", -1)])
def test_scale_is_one_to_five(field: str, value: int) -> None:
    with pytest.raises(ValidationError, match="1 to 5"):
        roam.check_risk(risk(**{field: value}))


def test_empty_title_is_refused() -> None:
    with pytest.raises(ValidationError, match="title"):
        roam.check_risk(risk(title="  "))


@given(st.integers(1, 5), st.integers(1, 5))
def test_severity_bands_cover_every_score_and_grow_with_it(likelihood: int, impact: int) -> None:
    score = risk(likelihood=likelihood, impact=impact).score
    assert score == likelihood * impact
    order = [roam.Severity.LOW, roam.Severity.MEDIUM, roam.Severity.HIGH]
    if likelihood < 5:
        higher = risk(likelihood=likelihood + 1, impact=impact).score
        assert order.index(roam.severity(higher)) >= order.index(roam.severity(score))


def test_severity_band_edges() -> None:
    assert [roam.severity(s) for s in (4, 5, 12, 15, 25)] == [
        roam.Severity.LOW,
        roam.Severity.MEDIUM,
        roam.Severity.MEDIUM,
        roam.Severity.HIGH,
        roam.Severity.HIGH,
    ]


def test_neighbour_stops_at_the_ends() -> None:
    assert roam.neighbour(RoamStatus.UNROAMED, -1) is RoamStatus.UNROAMED
    assert roam.neighbour(RoamStatus.UNROAMED, 1) is RoamStatus.RESOLVED
    assert roam.neighbour(RoamStatus.ACCEPTED, 1) is RoamStatus.MITIGATED
    assert roam.neighbour(RoamStatus.MITIGATED, 1) is RoamStatus.MITIGATED
    assert set(roam.STATUS_KEYS.values()) == set(roam.COLUMNS)


def test_filters_by_team_and_every_word() -> None:
    one = risk(team_id=3, title="Payment sandbox down", owner="李雷", mitigation="Mock it")
    names = {3: "Ωmega"}
    assert roam.matches(one, None, "", names)
    assert roam.matches(one, 3, "sandbox", names)
    assert not roam.matches(one, 4, "", names)
    assert roam.matches(one, None, "PAYMENT mock", names)
    assert roam.matches(one, None, "李雷", names)
    assert roam.matches(one, None, "ωmega", names)
    assert not roam.matches(one, None, "payment vendor", names)


def test_due_state_words() -> None:
    today = dt.date(2026, 11, 25)
    assert roam.due_state(risk(), today) == ""
    assert roam.due_state(risk(due=dt.date(2026, 11, 24)), today) == "overdue"
    assert roam.due_state(risk(due=dt.date(2026, 12, 1)), today) == "due soon"
    assert roam.due_state(risk(due=dt.date(2026, 12, 30)), today) == "due"
    resolved = risk(due=dt.date(2026, 11, 1), status=RoamStatus.RESOLVED)
    assert roam.due_state(resolved, today) == "due"
