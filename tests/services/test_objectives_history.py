"""The across-PI history (summed in SQL) equals the per-PI figures computed from the objectives."""

from rte_desktop.workspace import Workspace


def test_history_matches_each_pis_predictability(demo_ws: Workspace) -> None:
    art = demo_ws.train.arts()[0]
    demo_ws.objectives.add(
        demo_ws.train.pis(art.id)[1].id,
        demo_ws.train.teams(art.id)[0].id,
        "Unscored stretch",
        committed=False,
        planned_bv=4,
    )
    history = demo_ws.objectives.history(art.id)
    assert [h.pi.name for h in history] == [p.name for p in demo_ws.train.pis(art.id)]
    for entry in history:
        assert entry == demo_ws.objectives.predictability(entry.pi.id)
    assert history[0].assessed and not history[1].assessed
