"""A phone as the tests see it: a real HTTP client with its own cookie and source address."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def serve(group: str, db: Path, *args: str) -> subprocess.Popen[str]:
    """``rte-desktop GROUP serve --db DB ARGS`` in a real subprocess (stdout, stderr piped)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "rte_desktop", group, "serve", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Phone:
    """One device: ``source`` is its own loopback address (127.0.0.0/8 is all loopback)."""

    url: str
    source: str = "127.0.0.1"
    cookie: str | None = None
    seen: list[Reply] = field(default_factory=list)

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.url).hostname or ""

    @property
    def port(self) -> int:
        return urllib.parse.urlsplit(self.url).port or 80

    @property
    def path(self) -> str:
        return urllib.parse.urlsplit(self.url).path

    def request(
        self,
        method: str,
        path: str | None = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        conn = http.client.HTTPConnection(
            self.host, self.port, timeout=10, source_address=(self.source, 0)
        )
        try:
            sent = dict(headers or {})
            if self.cookie and "Cookie" not in sent:
                sent["Cookie"] = self.cookie
            conn.request(method, path or self.path, body=body, headers=sent)
            response = conn.getresponse()
            reply = Reply(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read().decode("utf-8", "replace"),
            )
        finally:
            conn.close()
        set_cookie = reply.headers.get("set-cookie")
        if set_cookie:
            self.cookie = set_cookie.split(";", 1)[0]
        self.seen.append(reply)
        return reply

    def open(self) -> Reply:
        return self.request("GET")

    def vote(self, value: object, concern: str | None = None) -> Reply:
        fields = {"value": str(value)}
        if concern is not None:
            fields["concern"] = concern
        body = urllib.parse.urlencode(fields).encode()
        return self.request(
            "POST", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )


def phones(url: str, count: int, first: int = 10) -> list[Phone]:
    """``count`` devices, each from its own address 127.0.x.y."""
    return [
        Phone(url, source=f"127.0.{(first + i) // 250}.{(first + i) % 250 + 2}")
        for i in range(count)
    ]
