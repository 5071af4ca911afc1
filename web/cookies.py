"""The cookies web/ sets and the script reads: their names, and the short-lived
note a refused login leaves for the login page (the page runs in the next request)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

SESSION_COOKIE = "tracker_session"
"""HttpOnly, SameSite=Lax: the browser session's token (tracker.service.sessions)."""
NOTE_COOKIE = "tracker_login_note"
"""Why the last login was refused and the name typed, for the form that follows."""
NOTE_SECONDS = 20


@dataclass(frozen=True)
class LoginNote:
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    username: str = ""

    def encode(self) -> str:
        data = {"key": self.key, "params": self.params, "username": self.username}
        return base64.urlsafe_b64encode(json.dumps(data).encode("utf-8")).decode("ascii")

    @classmethod
    def decode(cls, value: str | None) -> LoginNote | None:
        """None for a missing or malformed note (it comes from the browser)."""
        if not value:
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(value.encode("ascii")))
            key, params, username = data["key"], data["params"], data["username"]
        except (ValueError, TypeError, KeyError, UnicodeError):
            return None
        if not (isinstance(key, str) and isinstance(params, dict) and isinstance(username, str)):
            return None
        return cls(key=key, params=params, username=username[:80])
