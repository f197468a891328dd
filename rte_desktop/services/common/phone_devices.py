"""What every kind of phone round shares: the device key the server hands in, and the count.

The confidence vote (``services.vote.phone_rounds``) and the I&A dot voting
(``services.workshop.phone_dots``) both use these; capabilities do not import each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from rte_desktop.domain.errors import ValidationError

DEVICE_LENGTH = 64  # a device is a hex SHA-256 (the server's salted hash of its cookie)


@dataclass(frozen=True)
class DeviceCount:
    """How many devices voted in a phone round, against the round's eligible voters."""

    devices: int
    eligible: int

    @property
    def over(self) -> bool:
        """More devices than eligible voters (someone voted on two phones, or eligible is low)."""
        return self.eligible > 0 and self.devices > self.eligible

    def label(self) -> str:
        """What the panel says, for example: 37 of 42 devices voted."""
        noun = "device" if self.eligible == 1 else "devices"
        return f"{self.devices} of {self.eligible} {noun} voted"


def check_device(device: str) -> str:
    """Refuse a device key that is not a hash as the server makes them."""
    if len(device) != DEVICE_LENGTH or any(c not in "0123456789abcdef" for c in device):
        raise ValidationError("That device key is not one this app issued.")
    return device
