"""A small, independent RFC 5545 reader for the tests (it shares no code with icalendar).

It unfolds lines (CRLF followed by a space or tab), splits each content line into name,
parameters and value, unescapes TEXT values and groups properties by component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE = re.compile(r"^(?P<name>[A-Za-z0-9-]+)(?P<params>(;[^:]*)?):(?P<value>.*)$")


@dataclass
class Component:
    name: str
    props: list[tuple[str, dict[str, str], str]] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        for key, _params, value in self.props:
            if key == name:
                return value
        return None

    def params(self, name: str) -> dict[str, str]:
        for key, params, _value in self.props:
            if key == name:
                return params
        return {}

    def walk(self, name: str) -> list[Component]:
        found = [self] if self.name == name else []
        for child in self.children:
            found += child.walk(name)
        return found


def unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert "\r\n" in text, "RFC 5545 lines end in CRLF"
    return [line for line in re.sub(r"\r\n[ \t]", "", text).split("\r\n") if line]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse(data: bytes) -> Component:
    """The VCALENDAR of ``data``; raises AssertionError on anything malformed."""
    stack: list[Component] = []
    root: Component | None = None
    for line in unfold(data):
        match = _LINE.match(line)
        assert match, f"not a content line: {line!r}"
        name, value = match["name"].upper(), match["value"]
        params = dict(part.split("=", 1) for part in (match["params"] or "").split(";")[1:] if part)
        if name == "BEGIN":
            component = Component(value.upper())
            if stack:
                stack[-1].children.append(component)
            else:
                root = component
            stack.append(component)
        elif name == "END":
            assert stack and stack[-1].name == value.upper(), f"unbalanced END:{value}"
            stack.pop()
        else:
            assert stack, f"property outside a component: {line!r}"
            stack[-1].props.append((name, params, value))
    assert root is not None and not stack, "unterminated calendar"
    return root
