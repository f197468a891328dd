"""Import features and dependencies from CSV into a PI, all or nothing.

The file is parsed by ``domain.feature_csv`` (shape, required values, duplicates); here team and
iteration names are resolved against the train, and everything is written in one transaction.
A key already on the PI's board updates that feature (so a fresh Jira export can be imported
again); a dependency already recorded is not added twice. Links to keys that are neither in the
file nor on the board (a Jira export links to stories and bugs too) are skipped and listed in the
summary, never guessed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.domain.feature_csv import ErrorList, parse_features_csv
from rte_desktop.domain.iteration_match import match_iteration
from rte_desktop.domain.model import Dependency, Feature, Iteration, PlanningInterval, Team

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    dependencies: int
    skipped_links: list[str] = field(default_factory=list)

    def text(self) -> str:
        parts = [
            f"{self.added} feature{'s' if self.added != 1 else ''} added",
            f"{self.updated} updated",
            f"{self.dependencies} dependenc{'ies' if self.dependencies != 1 else 'y'} added",
        ]
        line = ", ".join(parts) + "."
        if self.skipped_links:
            line += f" {len(self.skipped_links)} link(s) to unknown keys skipped:\n"
            line += "\n".join(self.skipped_links[:10])
        return line


def read_text(path: Path) -> str:
    """The file as text: UTF-8 (with or without BOM); otherwise a located error."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFormatError(
            f"{path.name}, line {line}: not UTF-8 text (byte {exc.start + 1}). "
            "Export the CSV as UTF-8 (Jira does by default)."
        ) from None


def import_features(ctx: ServiceContext, path: Path, pi_id: int) -> ImportSummary:
    """Resolve and store a parsed CSV in one unit of work.

    Raises:
        ImportFormatError: every located problem (unknown team or iteration, bad row), with
            nothing stored.
    """
    parsed = parse_features_csv(read_text(path))
    errors = ErrorList()
    with ctx.uow() as uow:
        pi = uow.get(PlanningInterval, pi_id)
        teams = uow.find(Team, art_id=pi.art_id)
        iterations = uow.find(Iteration, pi_id=pi_id, order_by=["number"])
        existing = {f.key.casefold(): f for f in uow.find(Feature, pi_id=pi_id) if f.key}
        team_by_name = {t.name.casefold(): t for t in teams}
        resolved: list[Feature] = []
        for row in parsed.rows:
            team_id = None
            if row.team is not None:
                team = team_by_name.get(" ".join(row.team.value.split()).casefold())
                if team is None:
                    known = ", ".join(t.name for t in teams)
                    errors.add(
                        f"{row.team.where()}: no team is named '{row.team.value}' (teams: {known})."
                    )
                else:
                    team_id = team.id
            iteration_id = None
            if row.iteration is not None:
                iteration = match_iteration(row.iteration.value, iterations)
                if iteration is None:
                    known = ", ".join(it.name for it in iterations)
                    errors.add(
                        f"{row.iteration.where()}: '{row.iteration.value}' is not an iteration "
                        f"of {pi.name} (use a name, a number or IP: {known})."
                    )
                else:
                    iteration_id = iteration.id
            resolved.append(
                Feature(
                    pi_id=pi_id,
                    team_id=team_id,
                    iteration_id=iteration_id,
                    key=row.key,
                    title=row.title,
                    kind=row.kind,
                )
            )
        errors.raise_if_any(path.name)

        position = max((f.position for f in uow.find(Feature, pi_id=pi_id)), default=-1) + 1
        by_key: dict[str, Feature] = dict(existing)
        stored: list[Feature] = []
        added = updated = 0
        for feature in resolved:
            old = existing.get(feature.key.casefold()) if feature.key else None
            if old is not None:
                saved = uow.update(dataclasses.replace(feature, id=old.id, position=old.position))
                updated += 1
            else:
                saved = uow.add(dataclasses.replace(feature, position=position))
                position += 1
                added += 1
            stored.append(saved)
            if saved.key:
                by_key[saved.key.casefold()] = saved

        skipped: list[str] = []
        count = 0
        seen: set[tuple[int, int]] = set()
        for link in parsed.links:
            this = stored[link.row]
            other = by_key.get(link.other.value.casefold())
            if other is None:
                skipped.append(f"{link.other.where()}: {link.other.value} is not a feature here.")
                continue
            provider, consumer = (this, other) if link.this_provides else (other, this)
            assert provider.id is not None
            assert consumer.id is not None
            pair = (provider.id, consumer.id)
            if pair in seen or uow.count(
                Dependency, provider_id=provider.id, consumer_feature_id=consumer.id
            ):
                continue
            seen.add(pair)
            uow.add(Dependency(provider_id=provider.id, consumer_feature_id=consumer.id))
            count += 1
    return ImportSummary(added, updated, count, skipped)
