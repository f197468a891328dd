"""``--db`` before or after the command, and no command creating a file it was not asked for."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from rte_desktop.app import main
from rte_desktop.cli.main import build_parser


@pytest.fixture
def default_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder (where the default train file lives) moved into tmp_path."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _leaf_commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every runnable command of the parser tree, e.g. (("report", "vote"), its parser)."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _leaf_commands(sub, (*prefix, name))
    if not found and prefix:
        found.append((prefix, parser))
    return found


def _required_arguments(parser: argparse.ArgumentParser) -> list[str]:
    """Values for the command's required positionals and options, so argparse accepts it."""
    argv: list[str] = []
    for action in parser._actions:
        if not action.option_strings and action.dest not in ("help",):
            argv.append("x.file")
        elif action.required:
            argv += [action.option_strings[0], "x.file"]
    for group in parser._mutually_exclusive_groups:  # e.g. vote serve: --team NAME | --art
        if group.required:
            first = group._group_actions[0]
            argv += [first.option_strings[0]] + (["x"] if first.nargs != 0 else [])
    return argv


ALL_COMMANDS = _leaf_commands(build_parser())
# Every command that works on one train takes --db; `copy` names two (--from, --to) instead.
COMMANDS = [
    (words, parser)
    for words, parser in ALL_COMMANDS
    if any("--db" in action.option_strings for action in parser._actions)
]


def test_only_copy_names_its_databases_otherwise() -> None:
    assert {" ".join(w) for w, _p in ALL_COMMANDS} - {" ".join(w) for w, _p in COMMANDS} == {"copy"}


def test_the_command_tree_is_found() -> None:
    names = {" ".join(words) for words, _parser in COMMANDS}
    assert {"demo", "report vote", "export json", "import json", "backup"} <= names


@pytest.mark.parametrize(
    ("words", "parser"), COMMANDS, ids=[" ".join(words) for words, _p in COMMANDS]
)
@pytest.mark.parametrize("where", ["before", "after"])
def test_db_is_taken_in_either_position(
    words: tuple[str, ...], parser: argparse.ArgumentParser, where: str
) -> None:
    rest = _required_arguments(parser)
    db = ["--db", "/somewhere/chosen.sqlite"]
    argv = [*db, *words, *rest] if where == "before" else [*words, *rest, *db]
    args = build_parser().parse_args(argv)
    assert args.db == "/somewhere/chosen.sqlite"


def test_db_before_demo_writes_the_demo_there(tmp_path: Path, default_home: Path) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    assert db.stat().st_size > 0
    assert main(["--db", str(db), "report", "vote", "--out", str(tmp_path / "v.pdf")]) == 0
    assert (tmp_path / "v.pdf").read_bytes().startswith(b"%PDF")
    assert not default_home.exists(), "the default train file was created"


@pytest.mark.parametrize(
    "command",
    [
        ["report", "vote", "--out", "{out}"],
        ["export", "json", "--out", "{out}"],
        ["export", "ics", "--out", "{out}"],
        ["predictability", "--json"],
        ["import", "objectives", "{csv}"],
        ["import", "holidays", "{csv}"],
        ["backup"],
        ["backups"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_missing_train_file_is_refused_and_not_created(
    tmp_path: Path, default_home: Path, capsys, command: list[str], where: str
) -> None:
    missing = tmp_path / "nowhere.sqlite"
    csv = tmp_path / "o.csv"
    csv.write_text("team,objective\nPhoenix,Ship\n", encoding="utf-8")
    words = [w.format(out=tmp_path / "out.file", csv=csv) for w in command]
    db = ["--db", str(missing)]
    assert main([*db, *words] if where == "before" else [*words, *db]) == 1
    err = capsys.readouterr().err
    assert "nowhere.sqlite" in err and "does not exist" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.csv"]
    assert not default_home.exists()


def test_a_refused_json_import_leaves_no_new_file(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "rte-desktop"}', encoding="utf-8")
    assert main(["--db", str(tmp_path / "new.sqlite"), "import", "json", str(bad)]) == 1
    assert "version" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]
