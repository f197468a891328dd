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
from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.flow_metrics import percentile

MIN_TRIALS = 10_000
CONFIDENCES = (50, 85, 95)
MAX_DAYS = 3650  # a forecast that needs more than ten years is answered "not within ten years"
CHUNK = 32  # days per chunk of a trial's draws
BATCH_DRAWS = 2_000_000  # daily draws held at once (bounds the memory of long forecasts)


@dataclass(frozen=True)
class Forecast:
    """Answers at 50/85/95% confidence; ``None`` values mean "not within MAX_DAYS"."""

    trials: int
    seed: int
    by_confidence: dict[int, int | None]


def _draws(rng: random.Random, sample: Sequence[int], count: int) -> Sequence[int]:
    """``count`` values drawn uniformly, with replacement, from ``sample``.

    Small samples of small values (every real daily throughput) are drawn as random bytes
    mapped through a table, rejecting the top bytes that would bias the draw: the work happens
    in C, about ten times faster than ``random.choices``.
    """
    size = len(sample)
    if size > 256 or max(sample) > 255:
        return rng.choices(sample, k=count)
    limit = 256 - 256 % size
    table = bytes(sample[b % size] if b < limit else 0 for b in range(256))
    rejected = bytes(range(limit, 256))
    parts: list[bytes] = []
    have = 0
    while have < count:
        need = count - have
        drawn = rng.randbytes(need + need // 8 + 16).translate(table, rejected)
        parts.append(drawn)
        have += len(drawn)
    return b"".join(parts)[:count]


def _days_until(
    rng: random.Random, sample: Sequence[int], items: int, trials: int, per_trial: float
) -> list[float]:
    """Days each of ``trials`` trials needs to finish ``items`` (MAX_DAYS + 1: not by then).

    Each trial owns a block of ``CHUNK``-day chunks of daily draws. Chunk sums (``sum`` over a
    bytes slice, in C) find the chunk where the trial reaches ``items``; only that chunk is
    walked day by day. A trial that needs more days than its block draws on, day by day.
    """
    chunks = int(per_trial * 1.5 / CHUNK) + 2
    block = chunks * CHUNK
    stream = _draws(rng, sample, trials * block)
    sums = [sum(stream[i : i + CHUNK]) for i in range(0, trials * block, CHUNK)]
    results: list[float] = []
    for trial in range(trials):
        first = trial * chunks
        total = 0
        chunk = 0
        while chunk < chunks and total + sums[first + chunk] < items:
            total += sums[first + chunk]
            chunk += 1
        if chunk < chunks:
            start = (first + chunk) * CHUNK
            for day, value in enumerate(stream[start : start + CHUNK], start=1):
                total += value
                if total >= items:
                    results.append(float(chunk * CHUNK + day))
                    break
            continue
        days = block  # the block was not enough: go on one draw at a time
        while total < items and days <= MAX_DAYS:
            total += rng.choice(sample)
            days += 1
        results.append(float(min(days, MAX_DAYS + 1)))
    return results


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
    per_trial = items / mean  # expected days of one trial
    batch = max(1, min(trials, int(BATCH_DRAWS / (per_trial + 1))))
    results: list[float] = []
    while len(results) < trials:
        count = min(batch, trials - len(results))
        results.extend(_days_until(rng, throughput, items, count, per_trial))
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
    totals: list[float] = []
    batch = max(1, min(trials, BATCH_DRAWS // days))
    while len(totals) < trials:
        count = min(batch, trials - len(totals))
        draws = _draws(rng, throughput, count * days)
        totals.extend(float(sum(draws[i : i + days])) for i in range(0, count * days, days))
    answers: dict[int, int | None] = {}
    for confidence in CONFIDENCES:
        # "85% of trials finished at least this many": the 15th percentile, rounded down
        answers[confidence] = int(percentile(totals, 1 - confidence / 100))
    return Forecast(trials, seed, answers)
