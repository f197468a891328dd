"""The vote panel's projector and report: the presenter window with the vote, the PDF report."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rte_desktop.ui.vote.panel import VotePanel


def toggle_projector(panel: VotePanel) -> None:
    """Open the presenter window with the vote (F5 there: full screen), or close it.

    The window and its projector view are made on first use and kept on the panel
    (``panel.presenter``, ``panel.projector_view``).

    Args:
        panel: The vote panel whose vote is projected.
    """
    from rte_desktop.ui.presenter.window import PresenterWindow
    from rte_desktop.ui.vote.projector import VoteProjectorView

    if panel.presenter is not None and panel.presenter.isVisible():
        panel.presenter.close()
        return
    if panel.presenter is None or panel.projector_view is None:
        panel.presenter = PresenterWindow(panel)
        panel.projector_view = VoteProjectorView()
        panel.projector_view.value_chosen.connect(panel.add_value)
        panel.projector_view.remove_last.connect(panel.remove_last)
        panel.projector_view.reveal.connect(panel.reveal)
        panel.presenter.closed.connect(lambda: panel.view.projector.setChecked(False))
        panel.presenter.show_content(panel.projector_view)
    panel.projector_view.set_state(panel.view.display.state())
    panel.presenter.show()
    panel.presenter.raise_()
    panel.view.projector.setChecked(True)


def save_report(panel: VotePanel) -> None:
    """Save the PI's confidence-vote report as a PDF (asks where).

    Args:
        panel: The vote panel; nothing happens without a PI in scope.
    """
    from rte_desktop.ui.widgets.report_actions import save_report as save_pdf

    if panel.pi_id is None:
        return
    pi_id, votes = panel.pi_id, panel.ctx.ws.votes
    name = panel.ctx.ws.train.pi(pi_id).name.replace(" ", "-")
    save_pdf(
        panel,
        panel.tr("Save the vote report"),
        f"confidence-vote-{name}.pdf",
        lambda path: votes.render_report(pi_id, path),
    )
