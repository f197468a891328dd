"""What the window can show before the workspace is open (see storage/quick_look.py)."""

from __future__ import annotations

from rte_desktop.storage.quick_look import TrainPeek, peek
from rte_desktop.storage.schema_check import file_path_of, head_revision


def peek_train(target: str) -> TrainPeek | None:
    """ARTs and PIs of the train at ``target``; None for a new, old or non-SQLite database.

    The window picks the current PI from it with the same clock as the workspace it opens next.
    """
    path = file_path_of(target)
    if path is None or not path.is_file():
        return None
    return peek(path, head_revision())


__all__ = ["TrainPeek", "peek_train"]
