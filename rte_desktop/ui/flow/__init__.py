"""The Flow panel: flow metrics, charts and forecasts (issue 14)."""
