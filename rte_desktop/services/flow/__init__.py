"""Flow: work items, their history, the SAFe flow metrics and forecasts (issue 14)."""
