"""Usernames that cannot pass for another.

A name is normalised (NFKC, invisible format characters such as zero-width spaces
and bidi controls removed, trimmed, lower case), then must be 2–80 plain ASCII
characters: letters, digits and . - _ @ (e-mail-like names are allowed, as before).
No æøå: «kåre» and «kare» would be two accounts a person cannot tell apart on a
phone keyboard, and plain ASCII keeps the look-alike check small. A new name whose
skeleton (confusable letters folded: Cyrillic/Greek look-alikes, 0→o, 1→l) equals
an existing name's skeleton is refused; names made before this rule may hold other
characters, which is why the skeleton folds Cyrillic and Greek at all.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import Problem
from tracker.models import User

USERNAME = re.compile(r"^[a-z0-9._@-]{2,80}$")
# Cyrillic and Greek letters, and digits, each above the Latin letter it looks like.
CONFUSABLES = str.maketrans(
    "аеорсхуіјѕԁһԛԝкмтвнοαικνρτυχε01",
    "aeopcxyijsdhqwkmtbhoaikvptuxeol",
)


def normalise_username(raw: str) -> str:
    """The name as stored and looked up: NFKC, no format characters, trimmed, lower case."""
    text = unicodedata.normalize("NFKC", raw)
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return visible.strip().lower()


def skeleton(name: str) -> str:
    return normalise_username(name).translate(CONFUSABLES)


def username_problems(session: Session, username: str) -> list[Problem]:
    """For a new account (username already normalised): form, taken, look-alike."""
    if not USERNAME.match(username):
        return [Problem("user.username_invalid", field="username")]
    own = skeleton(username)
    names = session.scalars(select(User.username))
    twin = next((name for name in names if skeleton(name) == own), None)
    if twin is None:
        return []
    if normalise_username(twin) == username:
        return [Problem("user.exists", {"name": username}, "username")]
    return [Problem("user.username_lookalike", {"name": username, "existing": twin}, "username")]
