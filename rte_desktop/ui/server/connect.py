"""The Connect-to-server action: ask for the address, open the train there, remember where."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from rte_desktop.ui.server.connect_dialog import ConnectDialog, last_address, save_address


def connect_to_server(parent: QWidget, store: QSettings, open_url: Callable[[str], bool]) -> bool:
    """Ask for a server address and open the train there with ``open_url``; True if it opened.

    Only the address is saved in ``store``: the password never goes to the settings file.
    """
    dialog = ConnectDialog(last_address(store), parent)
    if not dialog.exec() or (url := dialog.url()) is None:
        return False
    address = dialog.checked_address()
    assert address is not None
    if not open_url(url):
        return False
    save_address(store, address)
    return True
