"""The vote panel's projector and report: the presenter window with the vote, the PDF report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from rte_desktop.services.train.train import TrainService
    from rte_desktop.services.vote.votes import VoteService
    from rte_desktop.ui.presenter.window import PresenterWindow
    from rte_desktop.ui.vote.projector import VoteProjectorView
    from rte_desktop.ui.vote.state import DisplayState
    from rte_desktop.ui.widgets.phone_join import JoinState
    from rte_desktop.ui.widgets.report_actions import Report


class WallHost(Protocol):
    """What the projector asks of the panel: hands counted on the wall, and when it changes."""

    def add_value(self, value: int) -> None: ...

    def remove_last(self) -> None: ...

    def reveal(self) -> None: ...

    def projector_closed(self) -> None: ...

    def wall_changed(self) -> None: ...


class VoteWall:
    """The vote on the presenter window: the one window the main window hands in, and the view.

    The vote takes the main window's one presenter window: if the agenda timer is on the
    projector, the vote replaces it where it is (same screen, still full screen), and F5 in the
    agenda takes the wall back. The projector view is made on first use.

    Args:
        host: the panel; digits and Backspace typed on the wall count hands there.
    """

    def __init__(self, host: WallHost) -> None:
        self.host = host
        self.window: PresenterWindow | None = None  # handed in by the main window
        self.view: VoteProjectorView | None = None  # made when the vote first goes up
        self.join: JoinState | None = None  # the QR code while phones vote

    def showing(self) -> bool:
        """Whether the presenter window shows the vote now."""
        return self.window is not None and self.window.is_showing(self.view)

    def toggle(self, state: DisplayState | None) -> bool:
        """Put the vote on the presenter window (F5 there: full screen), or close it.

        Args:
            state: what the vote shows now.

        Returns:
            Whether the vote is on the wall afterwards (False without a presenter window).
        """
        from rte_desktop.ui.vote.projector import VoteProjectorView

        window, host = self.window, self.host
        if window is None:
            return False
        if self.showing():
            window.close()
            return False
        if self.view is None:
            view = self.view = VoteProjectorView()
            view.value_chosen.connect(host.add_value)
            view.remove_last.connect(host.remove_last)
            view.reveal.connect(host.reveal)
        if not window.holds(self.view):  # first time on this window: follow it
            window.closed.connect(host.projector_closed)
            window.content_changed.connect(host.wall_changed)
        self.view.set_state(state)
        self.view.set_join(self.join)
        window.show_content(self.view)
        if not window.isVisible():
            window.show()
        window.raise_()
        return True

    def show_state(self, state: DisplayState | None) -> None:
        """Keep the wall's copy of the vote in step with the panel."""
        if self.view is not None:
            self.view.set_state(state)

    def show_join(self, join: JoinState | None) -> None:
        """The QR code and URL on the wall while phones vote (None: hidden)."""
        self.join = join
        if self.view is not None:
            self.view.set_join(join)


def report(
    parent: QWidget, votes: VoteService, train: TrainService, pi_id: int | None
) -> Report | None:
    """The PI's confidence-vote report (None without a PI in scope)."""
    from rte_desktop.ui.widgets.report_actions import Report

    if pi_id is None:
        return None
    name = train.pi(pi_id).name.replace(" ", "-")
    return Report(
        parent.tr("Save the vote report"),
        f"confidence-vote-{name}.pdf",
        lambda path: votes.render_report(pi_id, path),
    )
