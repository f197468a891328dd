"""Phones vote over the room's network: an adapter beside ``ui/`` and ``cli/`` (no Qt here).

``server`` is the hardened web server every kind of phone ballot shares; ``confidence`` is the
confidence vote's kind; ``session.ConfidenceSession`` wires the two to a workspace for the
command line (``rte-desktop vote serve``) and the Confidence Vote panel.
"""
