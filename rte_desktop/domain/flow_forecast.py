"""Monte Carlo forecasts from past daily throughput (DOMAIN.md decision "Flow: statistics").

Each trial samples days, with replacement, from the daily throughput of a chosen past window
(zero days included, so quiet days count). Trials are seeded, so a report prints the same
forecast every time it is made from the same data. At least 10,000 trials.

* "When will these N items be done?": per trial, the number of days until the sampled
  throughput adds up to N. The 85% answer is the day by which 85% of trials had finished
  (a high percentile of days: later is safer).
* "How many by this date?": per trial, the sum of throughput over the days left. The 85%
  answer is the count that 85% of trials reached or beat (a low percentile of counts).

Pure Python (``random.Random``) so the domain stays stdlib-only; sampling draws all days of all
trials in one ``choices`` call, which keeps 10,000 trials well under a tenth of a second.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from math import ceil

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.flow_metrics import percentile

MIN_TRIALS = 10_000
CONFIDENCES = (50, 85, 95)
MAX_DAYS = 3650  # a forecast that needs more than ten years is answered "not within ten years"


@dataclass(frozen=True)
class Forecast:
    """Answers at 50/85/95% confidence; ``None`` values mean "not within MAX_DAYS"."""

    trials: int
    seed: int
    by_confidence: dict[int, int | None]


def _check(throughput: Sequence[int], trials: int) -> None:
    if not throughput:
        raise ValidationError("No past throughput to sample: choose a window with finished items.")
    if trials < MIN_TRIALS:
        raise ValidationError(f"A forecast runs at least {MIN_TRIALS} trials, not {trials}.")
    if any(value < 0 for value in throughput):
        raise ValidationError("Throughput cannot be negative.")


def when_done(
    throughput: Sequence[int], items: int, *, seed: int, trials: int = MIN_TRIALS
) -> Forecast:
    """Days from today until ``items`` are finished, at 50/85/95% confidence.

    Raises:
        ValidationError: no throughput, fewer than MIN_TRIALS trials, or items < 1.
    """
    _check(throughput, trials)
    if items < 1:
        raise ValidationError("Forecast at least one item.")
    if not any(throughput):
        return Forecast(trials, seed, {c: None for c in CONFIDENCES})
    rng = random.Random(seed)
    mean = sum(throughput) / len(throughput)
    block = int(items / mean * 1.25) + 4  # days drawn per trial up front; rare trials need more
    draws = rng.choices(throughput, k=trials * block)
    results: list[float] = []
    for trial in range(trials):
        running = list(accumulate(draws[trial * block : (trial + 1) * block]))
        if running[-1] >= items:
            results.append(float(bisect_left(running, items) + 1))
            continue
        total, days = running[-1], block
        while total < items and days <= MAX_DAYS:
            total += rng.choice(throughput)
            days += 1
        results.append(float(days))
    results.sort()
    answers: dict[int, int | None] = {}
    for confidence in CONFIDENCES:
        value = ceil(round(percentile(results, confidence / 100), 9))  # a whole day later
        answers[confidence] = None if value > MAX_DAYS else value
    return Forecast(trials, seed, answers)


def how_many(
    throughput: Sequence[int], days: int, *, seed: int, trials: int = MIN_TRIALS
) -> Forecast:
    """Items finished in the next ``days`` days, at 50/85/95% confidence.

    Raises:
        ValidationError: no throughput, fewer than MIN_TRIALS trials, or days outside 1..MAX_DAYS.
    """
    _check(throughput, trials)
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(f"Forecast between 1 and {MAX_DAYS} days ahead, not {days}.")
    rng = random.Random(seed)
    draws = rng.choices(throughput, k=trials * days)
    totals = [float(sum(draws[i : i + days])) for i in range(0, trials * days, days)]
    answers: dict[int, int | None] = {}
    for confidence in CONFIDENCES:
        # "85% of trials finished at least this many": the 15th percentile, rounded down
        answers[confidence] = int(percentile(totals, 1 - confidence / 100))
    return Forecast(trials, seed, answers)
