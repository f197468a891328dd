import datetime as dt

import pytest
from hypothesis import given, strategies as st

from rte_desktop.domain.cadence import plan_pis
from rte_desktop.domain.errors import ValidationError


@given(
    start=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 1, 1)),
    weeks=st.integers(1, 4),
    dev=st.integers(1, 12),
    ip=st.booleans(),
    count=st.integers(1, 8),
)
def test_pis_and_iterations_are_contiguous_and_nested(
    start: dt.date, weeks: int, dev: int, ip: bool, count: int
) -> None:
    plans = plan_pis(start, weeks, dev, ip, count)
    assert len(plans) == count
    assert plans[0].start == start
    for before, after in zip(plans, plans[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)
    for plan in plans:
        assert len(plan.iterations) == dev + (1 if ip else 0)
        assert plan.iterations[0].start == plan.start
        assert plan.iterations[-1].end == plan.end
        assert plan.iterations[-1].is_ip == ip
        for it in plan.iterations:
            assert (it.end - it.start).days + 1 == 7 * weeks
        for a, b in zip(plan.iterations, plan.iterations[1:], strict=False):
            assert b.start == a.end + dt.timedelta(days=1)


@pytest.mark.parametrize(("weeks", "dev"), [(0, 4), (5, 4), (2, 0), (2, 40)])
def test_impossible_cadence_is_refused(weeks: int, dev: int) -> None:
    with pytest.raises(ValidationError):
        plan_pis(dt.date(2026, 1, 5), weeks, dev)
