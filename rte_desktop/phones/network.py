"""Which address to listen on: the interface with the default route, or loopback."""

from __future__ import annotations

import contextlib
import socket

LOOPBACK = "127.0.0.1"


def default_route_address() -> str:
    """The local address of the interface with the default route (loopback if there is none).

    Connecting a UDP socket sends no packet; it only makes the system pick the route (and so the
    local address) it would use to reach that non-routable documentation address.
    """
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1 (RFC 5737): never routed on the internet
        address = str(probe.getsockname()[0])
        if address and not address.startswith("0."):
            return address
    return LOOPBACK
