"""The phone voting web server: one URL per round, hardened for a room's Wi-Fi.

The standard library's ``ThreadingHTTPServer`` on a daemon thread (one short-lived thread per
connection). It knows nothing of confidence votes or dots: a ``BallotKind`` renders the page and
records what a device submits; the server does everything else the same way for every kind:

- only ``/v/<token>`` exists (``secrets`` token); any other path answers 404 with a bare body;
- a device gets a random cookie (HttpOnly, SameSite=Strict, signed with the round's salt); the
  kind sees only ``device``, the salted SHA-256 of it; the cookie is never stored or logged;
- bodies over 4 KiB get 413, more than 20 requests per second from one address 429, more than
  64 open connections 503, a client silent for 5 s is dropped;
- nothing is logged (no IP address, cookie or user agent), and no traceback ever reaches a page.

A new kind of ballot (I&A dot voting) implements ``BallotKind`` and is served with
``PhoneServer(kind, host, port).start()``.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import hashlib
import hmac
import html
import secrets
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

COOKIE = "rte_device"
FORM_TYPE = "application/x-www-form-urlencoded"


class BallotRejectedError(Exception):
    """What the device sent is not a ballot (answered 400 with this message, escaped)."""


class BallotClosedError(Exception):
    """The round stopped taking ballots (answered 410)."""


class BallotKind(Protocol):
    """What one kind of phone ballot (confidence vote, dot voting) plugs into the server.

    Every method is called on a server thread, possibly several at once: use a fresh unit of
    work per call (services do) and keep no mutable state of your own.
    """

    @property
    def salt(self) -> str:
        """The round's random salt (hex); the same for the whole round, across restarts."""
        ...

    def is_open(self) -> bool:
        """True while the round takes ballots (checked on every request)."""
        ...

    def page(self, device: str | None, path: str) -> str:
        """The whole HTML page for this device (None: a device seen for the first time).

        ``path`` is the form's action (the join path). Escape every text with ``html.escape``.
        """
        ...

    def submit(self, device: str, form: Mapping[str, Sequence[str]]) -> None:
        """Record (or replace) this device's ballot from the posted form fields.

        Raises:
            BallotRejectedError: the form is not a valid ballot (nothing changed).
            BallotClosedError: the round closed meanwhile (nothing changed).
        """
        ...


@dataclass(frozen=True)
class Limits:
    """The server's hardening numbers (tests and the bench may change them)."""

    max_body: int = 4096  # bytes; larger gets 413
    per_second: int = 20  # requests from one address in any second; more gets 429
    max_connections: int = 64  # open at once; more gets 503
    timeout_s: float = 5.0  # a client silent this long is dropped
    max_fields: int = 20  # form fields in one body; more gets 400 (dot voting: one per cause)


class RateLimiter:
    """At most ``per_second`` requests from one address in any sliding second (thread-safe).

    Addresses live only in memory, only for the last second, and only to count.
    """

    def __init__(self, per_second: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_second = per_second
        self._clock = clock
        self._seen: dict[str, collections.deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        now = self._clock()
        with self._lock:
            if len(self._seen) > 10_000:  # forget addresses quiet for a second
                self._seen = {a: q for a, q in self._seen.items() if q and now - q[-1] < 1.0}
            times = self._seen.setdefault(address, collections.deque())
            while times and now - times[0] >= 1.0:
                times.popleft()
            if len(times) >= self.per_second:
                return False
            times.append(now)
            return True


class DeviceKeys:
    """Device cookies signed with the round's salt, and the salted hash the kinds see."""

    def __init__(self, salt: str) -> None:
        self._salt = salt.encode()
        self._sign_key = hashlib.sha256(b"rte-desktop cookie signature " + self._salt).digest()

    def _signature(self, nonce: str) -> str:
        mac = hmac.new(self._sign_key, nonce.encode(), hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    def new_cookie(self) -> str:
        nonce = secrets.token_urlsafe(18)
        return f"{nonce}.{self._signature(nonce)}"

    def device(self, cookie: str | None) -> str | None:
        """The device hash of a cookie this round issued; None for anything else."""
        if not cookie or len(cookie) > 100 or cookie.count(".") != 1:
            return None
        nonce, signature = cookie.split(".")
        if not hmac.compare_digest(signature.encode(), self._signature(nonce).encode()):
            return None
        return hmac.new(self._salt, nonce.encode(), hashlib.sha256).hexdigest()


def cookie_from(header: str | None) -> str | None:
    """The device cookie's value in a Cookie header (None if absent or malformed)."""
    if not header or len(header) > 4096:
        return None
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value.strip()
    return None


_SECURITY_HEADERS = (
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'",
    ),
)

_PLAIN = {
    HTTPStatus.NOT_FOUND: "Not found.",
    HTTPStatus.GONE: "This vote is closed. Thank you.",
    HTTPStatus.TOO_MANY_REQUESTS: "Too many requests; wait a moment and try again.",
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: "That is too much text.",
    HTTPStatus.SERVICE_UNAVAILABLE: "Busy; try again in a moment.",
}


class _Handler(BaseHTTPRequestHandler):
    """One request (HTTP/1.0: one request per connection, so idle phones hold no thread)."""

    server: _Server
    server_version = "RTE-Desktop"
    sys_version = ""
    protocol_version = "HTTP/1.0"

    timeout = Limits.timeout_s  # StreamRequestHandler sets it on the socket; see _Server

    # Nothing is logged: no address, cookie or user agent ever leaves this process.
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed requests the standard library refuses: a bare answer, nothing echoed."""
        if code == HTTPStatus.NOT_IMPLEMENTED:  # an unknown method
            code = HTTPStatus.METHOD_NOT_ALLOWED if self._ours() else HTTPStatus.NOT_FOUND
        with contextlib.suppress(Exception):
            self._plain(code)

    # -- methods --------------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self._guarded(self._get)

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        self._guarded(self._post)

    def do_HEAD(self) -> None:  # noqa: N802 - the stdlib's name
        self._guarded(lambda: self._plain(HTTPStatus.METHOD_NOT_ALLOWED, ours_only=True))

    def _guarded(self, answer: Callable[[], None]) -> None:
        try:
            if not self.server.limiter.allow(self.client_address[0]):
                self._plain(HTTPStatus.TOO_MANY_REQUESTS)
                return
            if not self._ours():
                self._plain(HTTPStatus.NOT_FOUND)
                return
            if not self.server.kind.is_open():
                self._plain(HTTPStatus.GONE)
                return
            answer()
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except BallotClosedError:
            self._plain(HTTPStatus.GONE)
        except Exception:  # noqa: BLE001 - a bare 500, never a traceback on a phone
            with contextlib.suppress(Exception):
                self._plain(HTTPStatus.INTERNAL_SERVER_ERROR)

    def _ours(self) -> bool:
        path = getattr(self, "path", "") or ""
        return hmac.compare_digest(path.split("?", 1)[0].encode(), self.server.join_path.encode())

    def _get(self) -> None:
        device = self.server.keys.device(cookie_from(self.headers.get("Cookie")))
        cookie = None
        if device is None:
            cookie = self.server.keys.new_cookie()
            device = None
        page = self.server.kind.page(device, self.server.join_path)
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8", cookie)

    def _post(self) -> None:
        length_text = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") or length_text is None:
            self._plain(HTTPStatus.LENGTH_REQUIRED)
            return
        try:
            length = int(length_text.strip())
        except ValueError:
            self._plain(HTTPStatus.BAD_REQUEST)
            return
        if length < 0:
            self._plain(HTTPStatus.BAD_REQUEST)
            return
        if length > self.server.limits.max_body:
            self.close_connection = True
            self._plain(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return
        body = self.rfile.read(length)
        if len(body) != length:
            self.close_connection = True
            return  # the client went away mid-body
        content_type = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        if content_type != FORM_TYPE:
            self._plain(HTTPStatus.BAD_REQUEST, "Send the vote from the page.")
            return
        device = self.server.keys.device(cookie_from(self.headers.get("Cookie")))
        if device is None:
            self._plain(HTTPStatus.BAD_REQUEST, "Open the vote's page first, then vote there.")
            return
        try:
            form = urllib.parse.parse_qs(
                body.decode("utf-8"),
                keep_blank_values=True,
                max_num_fields=self.server.limits.max_fields,
            )
        except ValueError:  # not UTF-8, or too many fields
            self._plain(HTTPStatus.BAD_REQUEST, "That is not a vote.")
            return
        try:
            self.server.kind.submit(device, form)
        except BallotRejectedError as exc:
            self._plain(HTTPStatus.BAD_REQUEST, str(exc))
            return
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", self.server.join_path)
        self.send_header("Content-Length", "0")
        for name, value in _SECURITY_HEADERS:
            self.send_header(name, value)
        self.end_headers()

    # -- answers --------------------------------------------------------------------------------

    def _plain(self, code: int, text: str | None = None, ours_only: bool = False) -> None:
        if ours_only and not self._ours():
            code = HTTPStatus.NOT_FOUND
        status = HTTPStatus(code)
        words = text or _PLAIN.get(status, status.phrase)
        body = (
            "<!doctype html><html lang=en><meta charset=utf-8>"
            '<meta name=viewport content="width=device-width, initial-scale=1">'
            f"<title>{status.value}</title>"
            "<style>body{font:1.2rem system-ui,sans-serif;margin:2rem}"
            "@media (prefers-color-scheme:dark){body{background:#111;color:#eee}}</style>"
            f"<p>{html.escape(words)}</p></html>"
        ).encode()
        self._send(code, body, "text/html; charset=utf-8")

    def _send(self, code: int, body: bytes, content_type: str, cookie: str | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if cookie is not None:
            self.send_header(
                "Set-Cookie",
                f"{COOKIE}={cookie}; Path={self.server.join_path}; HttpOnly; SameSite=Strict; "
                "Max-Age=86400",
            )
        if code == HTTPStatus.TOO_MANY_REQUESTS or code == HTTPStatus.SERVICE_UNAVAILABLE:
            self.send_header("Retry-After", "1")
        for name, value in _SECURITY_HEADERS:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = False  # a second server never shares a port with a live one
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        kind: BallotKind,
        join_path: str,
        limits: Limits,
        clock: Callable[[], float],
    ) -> None:
        self.kind = kind
        self.join_path = join_path
        self.limits = limits
        self.limiter = RateLimiter(limits.per_second, clock)
        self.keys = DeviceKeys(kind.salt)
        self._slots = threading.BoundedSemaphore(limits.max_connections)
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        handler = type("_RoundHandler", (_Handler,), {"timeout": limits.timeout_s})
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):  # too many open connections: say so, close
            with contextlib.suppress(OSError):
                request.settimeout(0.5)
                request.sendall(
                    b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 1\r\n"
                    b"Content-Length: 0\r\nConnection: close\r\n\r\n"
                )
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Say nothing (the default prints the client's address and a traceback)."""
        return None


# Lower-case letters and digits that cannot be misread (no 0/o, 1/l/i): a token typed from the
# projector works first time; 12 of them are 58 bits.
TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 12


def new_token() -> str:
    """A random join token (``secrets``), easy to read aloud and to type on a phone."""
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


class PhoneServer:
    """Serves one round's page on ``http://HOST:PORT/v/TOKEN`` from a daemon thread.

    Args:
        kind: renders the page and records ballots (see ``BallotKind``).
        host: the address to listen on (the chosen interface's; "127.0.0.1" in tests).
        port: 0 picks a free port.
        limits: the hardening numbers.
        clock: monotonic seconds for the rate limit (tests pass a fake one).
    """

    def __init__(
        self,
        kind: BallotKind,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.kind = kind
        self.host = host
        self._port_wanted = port
        self.token = new_token()
        self.join_path = f"/v/{self.token}"
        self._limits = limits or Limits()
        self._clock = clock
        self._server: _Server | None = None
        self._port = 0
        self._thread: threading.Thread | None = None

    def start(self) -> str:
        """Listen and serve; returns the join URL.

        Raises:
            OSError: the address cannot be bound (wrong interface, port taken).
        """
        if self._server is not None:
            return self.url
        self._server = _Server(
            (self.host, self._port_wanted), self.kind, self.join_path, self._limits, self._clock
        )
        self._port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="phone-vote-server",
            daemon=True,
        )
        self._thread.start()
        return self.url

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        """The port listened on (still known after ``stop``; 0 before ``start``)."""
        return self._port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.join_path}"

    def stop(self) -> None:
        """Stop listening (the port is closed when this returns); safe to call twice."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> PhoneServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(
    kind: BallotKind,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    limits: Limits | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> PhoneServer:
    """A started ``PhoneServer`` (see there)."""
    server = PhoneServer(kind, host, port, limits=limits, clock=clock)
    server.start()
    return server
