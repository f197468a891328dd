"""The phone pages: small, self-contained HTML (inline CSS, no script, nothing from the internet).

``document`` is the shell every ballot kind uses (viewport, light/dark from the phone's
setting, large touch targets); ``confidence_page`` is the confidence vote's body. Every text
that came from the train (team, ART, PI names) goes through ``html.escape``.
"""

from __future__ import annotations

from html import escape

from rte_desktop.domain.confidence import LABELS, SCALE

STYLE = """
:root{color-scheme:light dark;--bg:#f6f7f9;--fg:#15181d;--muted:#5a6270;--card:#fff;
--line:#c9ced6;--accent:#1f5fbf;--mine:#e3edfb}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--fg:#eef1f5;--muted:#a9b1bd;
--card:#1c2128;--line:#3a424d;--accent:#7fb0ff;--mine:#1d2f4a}}
*{box-sizing:border-box}
body{margin:0;padding:1rem;background:var(--bg);color:var(--fg);
font:1.05rem/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:30rem;margin:0 auto}
h1{font-size:1.35rem;margin:.2rem 0 .1rem}
.scope{color:var(--muted);margin:0 0 1rem}
.status{background:var(--mine);border:2px solid var(--accent);border-radius:.6rem;
padding:.7rem .9rem;margin:0 0 1rem;font-weight:600}
form{margin:0}
.choices{display:flex;flex-direction:column;gap:.6rem}
button{display:flex;align-items:center;gap:1rem;width:100%;min-height:4rem;padding:.6rem 1rem;
border:2px solid var(--line);border-radius:.8rem;background:var(--card);color:var(--fg);
font:inherit;text-align:left;cursor:pointer}
button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
button .n{font-size:2rem;font-weight:700;min-width:2.2rem;text-align:center}
button.mine{border-color:var(--accent);background:var(--mine)}
details{margin:0 0 1rem}
summary{cursor:pointer;padding:.4rem 0;color:var(--accent)}
textarea{width:100%;min-height:5rem;margin-top:.4rem;padding:.6rem;border-radius:.6rem;
border:2px solid var(--line);background:var(--card);color:var(--fg);font:inherit}
.note{color:var(--muted);font-size:.9rem;margin-top:1rem}
"""


def document(title: str, body: str) -> str:
    """A whole page around ``body`` (already escaped HTML); ``title`` is escaped here."""
    return (
        "<!doctype html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        '<meta name=viewport content="width=device-width, initial-scale=1">\n'
        '<meta name=color-scheme content="light dark">\n'
        '<meta name=referrer content="no-referrer">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def confidence_page(scope: str, pi: str, action: str, mine: int | None) -> str:
    """The confidence vote: five large buttons, the device's own vote, an optional concern.

    Args:
        scope: the team's name or "Whole ART (...)" (escaped here).
        pi: the PI's name (escaped here).
        action: the form's action, the join path.
        mine: this device's vote so far, or None.
    """
    status = (
        f"<p class=status role=status>Your vote: {mine}. You can change it until the round "
        "closes.</p>"
        if mine is not None
        else ""
    )
    buttons = "\n".join(
        f"<button type=submit name=value value={value}{' class=mine' if value == mine else ''}"
        f" aria-pressed={'true' if value == mine else 'false'}>"
        f"<span class=n>{value}</span><span>{escape(LABELS[value])}</span></button>"
        for value in reversed(SCALE)
    )
    concern_open = " open" if mine in (1, 2) else ""
    body = (
        f"<h1>How confident are you in this plan?</h1>\n"
        f"<p class=scope>{escape(scope)} · {escape(pi)}</p>\n"
        f"{status}\n"
        f'<form method=post action="{escape(action)}">\n'
        f"<details{concern_open}><summary>Voting 1 or 2? Say what worries you "
        "(optional)</summary>\n"
        "<label for=concern class=note>Type it, then tap your number below. It goes to the "
        "concerns list without your name.</label>\n"
        "<textarea id=concern name=concern maxlength=1000 rows=3></textarea>\n</details>\n"
        f"<div class=choices>\n{buttons}\n</div>\n"
        "</form>\n"
        "<p class=note>Anonymous: this phone is remembered only so a second tap replaces "
        "the first.</p>"
    )
    return document(f"Confidence vote · {scope}", body)
