"""Importing features from CSV: Jira exports, re-imports, and all-or-nothing on bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from rte_desktop.domain.dependency_health import Reason
from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.workspace import Workspace

JIRA = (
    "Summary,Issue key,Issue Type,Custom field (Team),Sprint,Sprint,"
    "Outward issue link (Blocks),Inward issue link (Blocks)\n"
    "Payments API,PAY-1,Feature,Phoenix,Sprint 1,Sprint 2,PAY-2,\n"
    "Wallet UI,PAY-2,Feature,Ωmega,I2,,,STORY-77\n"
    "Fraud rules,PAY-3,Enabler,kraken,IP,,,PAY-1\n"
    "Later maybe,PAY-4,Epic,,,,,\n"
)


def setup(ws: Workspace, tmp_path: Path, text: str, encoding: str = "utf-8"):
    art = ws.train.arts()[0]
    pi = ws.train.current_pi(art.id)
    path = tmp_path / "features.csv"
    path.write_bytes(text.encode(encoding))
    return pi, path


def test_jira_export_imports_features_and_dependencies(demo_ws: Workspace, tmp_path) -> None:
    pi, path = setup(demo_ws, tmp_path, "\ufeff" + JIRA)
    before = len(demo_ws.board.board(pi.id).features)
    summary = demo_ws.board.import_features(path, pi.id).value
    assert (summary.added, summary.updated, summary.dependencies) == (4, 0, 2)
    assert summary.skipped_links == [
        "line 3, column 8 (Inward issue link (Blocks)): STORY-77 is not a feature here."
    ]
    board = demo_ws.board.board(pi.id)
    assert len(board.features) == before + 4
    by_key = {f.key: f for f in board.features}
    assert board.iteration_name(by_key["PAY-1"].iteration_id) == "I2"
    assert board.iteration_name(by_key["PAY-3"].iteration_id) == "IP"
    assert board.team_name(by_key["PAY-3"].team_id) == "Kraken"
    assert by_key["PAY-4"].iteration_id is None and by_key["PAY-4"].team_id is None
    assert by_key["PAY-3"].kind.value == "enabler"
    reasons = {
        (
            board.feature(h.dependency.provider_id).key,
            board.feature(h.dependency.consumer_feature_id).key,
        ): h.reason
        for h in board.healths.values()
        if h.dependency.consumer_feature_id
        in {f.id for f in board.features if f.key.startswith("PAY")}
    }
    assert reasons == {("PAY-1", "PAY-2"): Reason.SAME, ("PAY-1", "PAY-3"): Reason.EARLIER}


def test_importing_again_updates_instead_of_duplicating(demo_ws: Workspace, tmp_path) -> None:
    pi, path = setup(demo_ws, tmp_path, JIRA)
    demo_ws.board.import_features(path, pi.id)
    path.write_text(JIRA.replace("Sprint 2", "Sprint 4"), encoding="utf-8")
    summary = demo_ws.board.import_features(path, pi.id).value
    assert (summary.added, summary.updated, summary.dependencies) == (0, 4, 0)
    board = demo_ws.board.board(pi.id)
    pay1 = next(f for f in board.features if f.key == "PAY-1")
    assert board.iteration_name(pay1.iteration_id) == "I4"


def test_bad_rows_are_located_and_nothing_is_imported(demo_ws: Workspace, tmp_path) -> None:
    bad = (
        JIRA
        + "Unknown team,PAY-5,Feature,Nobody,I1,,,\nBad sprint,PAY-6,Feature,Atlas,Sprint 99,,,\n"
    )
    pi, path = setup(demo_ws, tmp_path, bad)
    before = demo_ws.board.board(pi.id)
    with pytest.raises(ImportFormatError) as info:
        demo_ws.board.import_features(path, pi.id)
    message = str(info.value)
    assert "2 problems, nothing was imported" in message
    assert "line 6, column 4 (Custom field (Team)): no team is named 'Nobody'" in message
    assert "line 7, column 5 (Sprint): 'Sprint 99' is not an iteration of PI 2026.2" in message
    after = demo_ws.board.board(pi.id)
    assert after.features == before.features and after.dependencies == before.dependencies


def test_not_utf8_is_refused_with_its_line(demo_ws: Workspace, tmp_path) -> None:
    pi, path = setup(demo_ws, tmp_path, "Title\nCafé crème\n", encoding="latin-1")
    with pytest.raises(ImportFormatError, match="line 2: not UTF-8"):
        demo_ws.board.import_features(path, pi.id)
