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

from rte_desktop.domain.backlog import check_placement, state_after_placement
from rte_desktop.domain.backlog_columns import BacklogValues
from rte_desktop.domain.errors import ImportFormatError, ValidationError
from rte_desktop.domain.feature_csv import (
    ErrorList,
    FeatureRow,
    ParsedFeatures,
    parse_feature_records,
    parse_features_csv,
)
from rte_desktop.domain.iteration_match import match_iteration
from rte_desktop.domain.kinds import BacklogState
from rte_desktop.domain.model import (
    Dependency,
    DorItem,
    Feature,
    FeatureDorTick,
    Iteration,
    PlanningInterval,
    Team,
)

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork


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


XLSX_SUFFIXES = {".xlsx", ".xlsm"}


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_records(path: Path) -> list[tuple[int, list[str]]]:
    """(row number, cell texts) of a workbook's "Features" sheet, else its first sheet."""
    import openpyxl

    # Whatever openpyxl (or zipfile, zlib, XML underneath) raises on an untrusted workbook
    # means "this file is damaged".
    unreadable: tuple[type[Exception], ...] = (Exception,)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except unreadable as exc:
        raise ImportFormatError(f"{path.name} is not a readable XLSX workbook ({exc}).") from None
    try:
        names = {name.casefold(): name for name in book.sheetnames}
        sheet = book[names.get("features", book.sheetnames[0])]
        return [
            (number, [_cell_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except unreadable as exc:
        raise ImportFormatError(f"{path.name} is damaged: {exc}") from None
    finally:
        book.close()


def read_feature_file(path: Path) -> ParsedFeatures:
    """Parse a CSV (our columns or Jira's) or an XLSX workbook of features."""
    suffix = path.suffix.casefold()
    if suffix == ".xls":
        raise ImportFormatError(
            f"{path.name} is an old Excel .xls file; save it as .xlsx or .csv and import that."
        )
    if suffix in XLSX_SUFFIXES:
        return parse_feature_records(xlsx_records(path), path.name)
    return parse_features_csv(read_text(path), path.name)


def _with_backlog(
    feature: Feature, row: FeatureRow, old: Feature | None, errors: ErrorList
) -> Feature:
    """The row's backlog fields over the old feature's (a column the file lacks keeps them)."""
    values = row.backlog or BacklogValues({}, None, None)
    base = old or Feature(pi_id=feature.pi_id, title=feature.title)
    state = values.fields.get("state")
    changed = dataclasses.replace(
        base,
        **{k: v for k, v in values.fields.items() if k != "state"},
        team_id=feature.team_id,
        iteration_id=feature.iteration_id,
        key=feature.key,
        title=feature.title,
        kind=feature.kind,
    )
    if isinstance(state, BacklogState):
        try:
            check_placement(state, feature.iteration_id, row.key or row.title)
        except ValidationError as exc:
            where = values.state_cell.where() if values.state_cell else f"line {row.line}"
            errors.add(f"{where}: {exc}")
        return dataclasses.replace(changed, state=state)
    return dataclasses.replace(
        changed, state=state_after_placement(base.state, feature.iteration_id)
    )


def _tick(
    uow: UnitOfWork,
    feature: Feature,
    row: FeatureRow,
    items: dict[str, DorItem],
    errors: ErrorList,
) -> None:
    met = row.backlog.definition_of_ready if row.backlog else None
    if met is None or feature.id is None:
        return
    unknown = [text for text in met if text.casefold() not in items]
    if unknown:
        known = "; ".join(i.text for i in items.values())
        errors.add(
            f"line {row.line}: '{unknown[0]}' is not in the ART's Definition of Ready ({known})."
        )
        return
    uow.delete_where(FeatureDorTick, feature_id=feature.id)
    for text in dict.fromkeys(t.casefold() for t in met):
        item_id = items[text].id
        assert item_id is not None
        uow.add(FeatureDorTick(feature_id=feature.id, dor_item_id=item_id))


def import_features(ctx: ServiceContext, path: Path, pi_id: int) -> ImportSummary:
    """Resolve and store a parsed CSV or XLSX file in one unit of work.

    Backlog columns (state, WSJF parts, epic, ...) update the features they name; a file without
    them (a Jira export) leaves those fields of existing features alone.

    Raises:
        ImportFormatError: every located problem (unknown team or iteration, bad row, a feature
            both planned and in the backlog), with nothing stored.
    """
    parsed = read_feature_file(path)
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
        merged = [
            _with_backlog(
                feature, row, existing.get(feature.key.casefold()) if feature.key else None, errors
            )
            for feature, row in zip(resolved, parsed.rows, strict=True)
        ]
        errors.raise_if_any(path.name)

        everything = uow.find(Feature, pi_id=pi_id)
        position = max((f.position for f in everything), default=-1) + 1
        backlog_position = max((f.backlog_position for f in everything), default=-1) + 1
        by_key: dict[str, Feature] = dict(existing)
        stored: list[Feature] = []
        added = updated = 0
        for feature in merged:
            old = existing.get(feature.key.casefold()) if feature.key else None
            if old is not None:
                saved = uow.update(dataclasses.replace(feature, id=old.id, position=old.position))
                updated += 1
            else:
                saved = uow.add(
                    dataclasses.replace(
                        feature, position=position, backlog_position=backlog_position
                    )
                )
                position += 1
                backlog_position += 1
                added += 1
            stored.append(saved)
            if saved.key:
                by_key[saved.key.casefold()] = saved
        items = {i.text.casefold(): i for i in uow.find(DorItem, art_id=pi.art_id)}
        for saved, row in zip(stored, parsed.rows, strict=True):
            _tick(uow, saved, row, items, errors)
        errors.raise_if_any(path.name)  # raising inside the unit of work rolls everything back

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
