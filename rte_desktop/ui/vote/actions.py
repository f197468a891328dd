"""The vote panel's projector and report: the presenter window with the vote, the PDF report."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rte_desktop.ui.vote.panel import VotePanel
    from rte_desktop.ui.widgets.report_actions import Report


def toggle_projector(panel: VotePanel) -> None:
    """Put the vote on the presenter window (F5 there: full screen), or close it.

    The vote takes the main window's one presenter window (``panel.presenter_window``): if the
    agenda timer is on the projector, the vote replaces it where it is (same screen, still full
    screen), and F5 in the agenda takes the wall back. The projector view is made on first use
    (``panel.projector_view``). Without a presenter window nothing happens.

    Args:
        panel: The vote panel whose vote is projected.
    """
    from rte_desktop.ui.vote.projector import VoteProjectorView

    window = panel.presenter_window
    if window is None:
        return
    if on_the_wall(panel):
        window.close()
        return
    if panel.projector_view is None:
        view = panel.projector_view = VoteProjectorView()
        view.value_chosen.connect(panel.add_value)
        view.remove_last.connect(panel.remove_last)
        view.reveal.connect(panel.reveal)
    if not window.holds(panel.projector_view):  # first time on this window: follow it
        window.closed.connect(panel.projector_closed)
        window.content_changed.connect(panel.wall_changed)
    panel.projector_view.set_state(panel.view.display.state())
    window.show_content(panel.projector_view)
    if not window.isVisible():
        window.show()
    window.raise_()
    panel.view.projector.setChecked(True)


def on_the_wall(panel: VotePanel) -> bool:
    """Whether the presenter window shows this panel's vote now."""
    window = panel.presenter_window
    return window is not None and window.is_showing(panel.projector_view)


def report(panel: VotePanel) -> Report | None:
    """The PI's confidence-vote report (None without a PI in scope)."""
    from rte_desktop.ui.widgets.report_actions import Report

    if panel.pi_id is None:
        return None
    pi_id, votes = panel.pi_id, panel.ctx.ws.votes
    name = panel.ctx.ws.train.pi(pi_id).name.replace(" ", "-")
    return Report(
        panel.tr("Save the vote report"),
        f"confidence-vote-{name}.pdf",
        lambda path: votes.render_report(pi_id, path),
    )


def save_report(panel: VotePanel) -> None:
    """Save the PI's confidence-vote report as a PDF (asks where).

    Args:
        panel: The vote panel; nothing happens without a PI in scope.
    """
    from rte_desktop.ui.widgets.report_actions import save_pdf

    save_pdf(panel, report(panel))


def print_report(panel: VotePanel) -> None:
    """Print the PI's confidence-vote report (preview and system print dialog)."""
    from rte_desktop.ui.widgets.report_actions import print_report as print_pdf

    print_pdf(panel, report(panel))
