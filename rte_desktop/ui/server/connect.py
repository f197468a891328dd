"""The Connect-to-server action: ask for the address, open the train there, remember where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rte_desktop.ui.server.connect_dialog import ConnectDialog, last_address, save_address

if TYPE_CHECKING:
    from rte_desktop.ui.main_window import MainWindow


def connect_to_server(window: MainWindow) -> bool:
    """Ask for a server address and open the train there; True when it opened."""
    store = window.settings.qsettings
    dialog = ConnectDialog(last_address(store), window)
    if not dialog.exec() or (url := dialog.url()) is None:
        return False
    address = dialog.checked_address()
    assert address is not None
    if not window.open_url(url):
        return False
    save_address(store, address)  # the address only: the password never goes to settings
    return True
