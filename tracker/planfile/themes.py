"""A measure row's theme, read the way municipalities write it: a theme column or a
group header row above the block («3 Nyskapende», «3. Nyskapende næringsliv»,
«Satsingsområde 2: Reiseliv», «Tema 1 – Attraktiv kommune», «1) Attraktiv»), a name
alone, or nothing, when the measure number gives it («3.2» is theme 3).

New themes are made only while the plan has none and the file no Satsingsområder
sheet; then the measures are what define them. A number names one theme: a second
name for it is refused, not guessed."""

from __future__ import annotations

import re
from typing import NamedTuple

from tracker import i18n
from tracker.cleaning import clean_text
from tracker.models import Theme
from tracker.planfile.read import normalise
from tracker.planfile.resolve import theme_names
from tracker.planfile.run import ImportRun
from tracker.planfile.sheets import LANG, MEASURES, THEMES

_PREFIX = r"(?:(?:satsingsområde|satsingsomrade|innsatsområde|satsing|tema|theme)\s*(?:nr\.?\s*)?)?"
_THEME_TEXT = re.compile(
    _PREFIX + r"(\d{1,3})(?!\d)(?![.,]\d)(?:\s*[.):–—-]\s*|\s+|$)(.*)", re.IGNORECASE | re.DOTALL
)
_MEASURE_CODE = re.compile(r"^\s*([A-Za-z]{0,3}\d{1,3})\.\d")
KNOWN_LISTED = 12  # themes named in an unknown theme's message
THEME_NEAR = 0.6  # a looser match than NEAR_MISS: it is only a suggestion, never taken


class ThemeText(NamedTuple):
    code: str | None
    name: str


def split_theme(text: str) -> ThemeText:
    """'3 Nyskapende' -> ('3', 'Nyskapende'); '3' -> ('3', ''); a name alone -> (None, name)."""
    text = clean_text(text)
    match = _THEME_TEXT.fullmatch(text)
    if match is None:
        return ThemeText(None, text)
    return ThemeText(match[1], match[2].strip())


def measure_theme_code(code: str) -> str | None:
    """The theme code a measure number starts with: '3.2' -> '3', 'T1.4' -> 'T1'."""
    match = _MEASURE_CODE.match(clean_text(code))
    return match[1] if match else None


def placeholder_name(code: str) -> str:
    """The name of a theme known only by number (from its measures' numbers)."""
    return i18n.t("import.theme_placeholder", LANG, code=code)


def find_or_new_theme(run: ImportRun, text: str, row: int, measure_code: str = "") -> Theme | None:
    """The row's theme, or None with the row's problem."""
    text = clean_text(text)
    if not text:
        return _from_measure_code(run, measure_code, row)
    found = run.themes.find(text)
    if found is not None:
        return found
    code, name = split_theme(text)
    if code is not None:
        return _by_code(run, code, name, text, row)
    if not may_add_themes(run):
        unknown_theme(run, text, row, "theme")
        return None
    if (near := run.themes.near_miss(name)) is not None:
        run.problem("import.near_miss", row, "theme", value=name, near=near)
        return None
    return new_theme(run, _code_for_name(run, name, measure_code), name, row)


def _code_for_name(run: ImportRun, name: str, measure_code: str) -> str:
    """A theme named without a number: the one its measure's number gives («Reiseliv»
    on row 2.1 is theme 2) when the file gives that number to this name, else the next
    free number."""
    code = measure_theme_code(measure_code)
    hinted = named_themes(run).get(code or "")
    if code and hinted and normalise(hinted) == normalise(name) and not run.themes.find(code):
        return code
    return next_free_code(run)


def may_add_themes(run: ImportRun) -> bool:
    return not run.rows(THEMES) and not run.plan_themes


def _from_measure_code(run: ImportRun, measure_code: str, row: int) -> Theme | None:
    code = measure_theme_code(measure_code)
    if code is None:
        run.problem("import.required", row, "theme")
        return None
    found = run.themes.find(code)
    if found is not None:
        return found
    if not may_add_themes(run):
        unknown_theme(run, code, row, "theme")
        return None
    return new_theme(run, code, named_themes(run).get(code) or placeholder_name(code), row)


def _by_code(run: ImportRun, code: str, name: str, text: str, row: int) -> Theme | None:
    found = run.themes.find(code)
    if found is not None:
        known = run.theme_values.get(id(found)) or {"code": found.code, "name": found.name}
        names = {normalise(n) for n in theme_names(known["code"], known["name"])}
        if name and normalise(name) not in names:
            run.problem("import.theme_code_taken", row, "theme", value=text, **known)
            return None
        return found
    if not may_add_themes(run):
        unknown_theme(run, text, row, "theme")
        return None
    name = name or named_themes(run).get(code) or ("" if text == code else text)
    if not name:  # a bare number names no theme
        run.problem("import.theme_is_number", row, "theme", value=text)
        return None
    return new_theme(run, code, name, row)


def named_themes(run: ImportRun) -> dict[str, str]:
    """Theme code -> the name the file first gives it («3 Nyskapende» anywhere in the
    measures; else a name alone on a row numbered 3.x), so a row known only by its
    number 3.2 takes that name."""
    if run.theme_hints is None:
        named = [split_theme(values.get("theme", "")) for _, values in run.rows(MEASURES)]
        hints = {code: name for code, name in reversed(named) if code is not None and name}
        for (code, name), (_, values) in zip(named, run.rows(MEASURES), strict=True):
            numbered = measure_theme_code(values.get("code", ""))  # «Reiseliv» on row 2.1
            if code is None and name and numbered is not None:
                hints.setdefault(numbered, name)
        run.theme_hints = hints
    return run.theme_hints


def next_free_code(run: ImportRun) -> str:
    """One more than the highest numeric theme code the plan or the file uses."""
    codes = [v["code"] for v in run.theme_values.values()]
    codes += [t.code for t in run.themes.items if t.code]
    codes += list(named_themes(run))
    return str(max((int(c) for c in codes if c.isdecimal()), default=0) + 1)


def new_theme(run: ImportRun, code: str, name: str, row: int) -> Theme | None:
    """A theme the measures define, written with the plan's other new themes."""
    if not run.fits(name, Theme.name, row, "theme") or not run.fits(code, Theme.code, row, "theme"):
        return None
    theme = Theme()
    run.theme_values[id(theme)] = {
        "code": code,
        "name": name,
        "description": "",
        "position": len(run.themes.items) + 1,
    }
    run.themes.add(theme, *theme_names(code, name))
    return theme


def unknown_theme(run: ImportRun, name: str, row: int, column: str) -> None:
    """The problem of a theme not known, with the nearest known one and the list."""
    known = [theme_label(run, theme) for theme in run.themes.items]
    listed = ", ".join(known[:KNOWN_LISTED]) + (", …" if len(known) > KNOWN_LISTED else "")
    params = {"value": name.strip(), "known": listed or "–"}
    if (near := run.themes.near_miss(name, cutoff=THEME_NEAR)) is not None:
        run.problem("import.unknown_theme_near", row, column, near=near, **params)
    else:
        run.problem("import.unknown_theme", row, column, **params)


def theme_label(run: ImportRun, theme: Theme) -> str:
    """'T1 Næringsutvikling': as the file gives it, else as stored."""
    values = run.theme_values.get(id(theme)) or {"code": theme.code, "name": theme.name}
    return f"{values['code']} {values['name']}"
