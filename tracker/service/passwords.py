"""Passwords: the one policy (every way a password is set checks it here), and the
argon2id hashing, with a dummy hash so that a login for no password costs the same."""

from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from tracker.cleaning import clean_text
from tracker.errors import Problem

MIN_PASSWORD_LENGTH = 12
# A username this long or longer may not appear inside the password; a shorter one
# («ola») is too often part of an ordinary word to refuse.
MIN_NAME_IN_PASSWORD = 4
COMMON_PASSWORDS = Path(__file__).resolve().parent.parent / "data" / "common_passwords.txt"

hasher = PasswordHasher()  # argon2id with the library's recommended parameters (64 MiB each)
# At most this many hashes at once per process: 80 simultaneous logins would
# otherwise ask for 5 GiB; the rest wait here, holding no database lock.
_hashing = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))


def password_problems(password: str, username: str) -> list[Problem]:
    """What is wrong with password for the account username (empty: it may be used)."""
    problems = []
    # Counted as seen: invisible and control characters and the spaces around do not
    # count (12 zero-width spaces, or 11 spaces and an «x», are not a password).
    visible = clean_text(password)
    if password and not visible:
        return [Problem("user.password_blank", field="password")]
    if len(visible) < MIN_PASSWORD_LENGTH:
        problems.append(Problem("user.password_short", {"length": MIN_PASSWORD_LENGTH}, "password"))
    folded, name = visible.casefold(), username.strip().casefold()
    if name and (folded == name or (len(name) >= MIN_NAME_IN_PASSWORD and name in folded)):
        problems.append(Problem("user.password_username", field="password"))
    elif folded in common_passwords():
        problems.append(Problem("user.password_common", field="password"))
    return problems


@cache
def common_passwords() -> frozenset[str]:
    """The list shipped in tracker/data (lower case; only entries long enough to matter)."""
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def hash_password(password: str) -> str:
    with _hashing:
        return hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether password matches stored; a None (no such user, no local password) is
    checked against a dummy hash, so that it takes as long and is never true."""
    with _hashing:
        try:
            return hasher.verify(stored or _dummy_hash(id(hasher)), password) and bool(stored)
        except (VerificationError, InvalidHashError):
            return False


def needs_rehash(stored: str) -> bool:
    return hasher.check_needs_rehash(stored)


@cache
def _dummy_hash(hasher_id: int) -> str:
    return hasher.hash("no such user")
