"""The README is kept true by the code (datasette's way): every command and option of
the command line, every setting, every page with the roles that see it, the demo
accounts, the plan file's sheets and headers, and the layout map's folders are
checked against what exists."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from tracker import cli, i18n, settings
from tracker.demo import seed
from tracker.planfile import sheets
from tracker.planfile.text import header_key
from tracker.planfile.values import parse_period, parse_status, parse_yes
from tracker.vocab import Role
from ui import nav

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str, text: str = README) -> str:
    """The text of the `## title` section, up to the next `## `."""
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def table_rows(text: str) -> list[list[str]]:
    """The cells of every table row in text, header and rule rows left out."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        rows.append(cells)
    return rows


# --- the command line -------------------------------------------------------


def commands(group: click.Group, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            yield from commands(command, f"{path} ")
        else:
            yield path, command


COMMANDS = dict(commands(cli.main))
COMMAND_ROWS = {
    re.match(r"`([a-z][a-z-]*(?: [a-z][a-z-]*)?)", row[0]).group(1): row[0]  # type: ignore[union-attr]
    for row in table_rows(section("Command line"))[1:]
}


def options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option) and not p.hidden]


def test_every_command_has_a_row_and_every_row_a_command() -> None:
    assert sorted(COMMAND_ROWS) == sorted(COMMANDS)


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_option_and_choice_of_a_command_is_in_its_row(path: str) -> None:
    row = COMMAND_ROWS[path].replace("\\|", "|")
    for option in options(COMMANDS[path]):
        assert any(re.search(rf"{name}\b", row) for name in option.opts), (path, option.opts)
        if isinstance(option.type, click.Choice):
            assert all(str(choice) in row for choice in option.type.choices), option.opts


def test_the_global_options_are_in_the_usage_line() -> None:
    usage = section("Command line").split("\n\n")[1]
    for option in options(cli.main):
        assert any(name in usage for name in option.opts), option.opts
        if isinstance(option.type, click.Choice):
            assert "|".join(map(str, option.type.choices)) in usage


# --- settings ---------------------------------------------------------------


SETTING_ROWS = {
    row[0].strip("`"): row for row in table_rows(section("Settings")) if row[0].startswith("`")
}


@pytest.mark.parametrize(
    "setting", [*settings.SETTINGS, *settings.TEST_SETTINGS], ids=lambda s: s.name
)
def test_every_environment_variable_has_a_row_with_its_default(setting: settings.Setting) -> None:
    default = setting.shown_default or setting.default
    assert SETTING_ROWS[setting.name][1] == (f"`{default}`" if default else "—")
    assert setting.name in (ROOT / setting.documented).read_text(encoding="utf-8")


@pytest.mark.parametrize("secret", settings.SECRETS, ids=lambda s: s.name)
def test_every_secrets_section_has_a_row(secret: settings.SecretSection) -> None:
    assert f"[{secret.name}]" in SETTING_ROWS
    assert f"[{secret.name}]" in (ROOT / secret.documented).read_text(encoding="utf-8")


def test_the_docs_name_no_variable_that_is_not_a_setting() -> None:
    known = {s.name for s in (*settings.SETTINGS, *settings.TEST_SETTINGS)}
    known.add(settings.SMTP_PREFIX)  # «TRACKER_SMTP_*»: all of them
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    named = {
        (path.name, name)
        for path in docs
        for name in re.findall(r"\bTRACKER_[A-Z_]*[A-Z_]", path.read_text(encoding="utf-8"))
    }
    assert {(doc, name) for doc, name in named if name not in known} == set()
    assert set(SETTING_ROWS) == known - {settings.SMTP_PREFIX} | {
        f"[{s.name}]" for s in settings.SECRETS
    }


# --- pages and roles ----------------------------------------------------------

WHO = {"everyone": set(Role), "actors": {Role.ACTOR}, "leaders": {Role.LEADER}}
WHO["admin"] = {Role.ADMIN}


def roles_said(who: str) -> set[Role]:
    return set().union(*(WHO[word.strip()] for word in who.split(",")))


def test_every_page_has_a_row_with_the_roles_that_see_it() -> None:
    rows = {row[0]: row[1] for row in table_rows(section("The app"))[1:]}
    pages = {i18n.t(spec.title_key, "nb"): set(spec.roles) for spec in nav.PAGES}
    assert {title: roles_said(who) for title, who in rows.items()} == pages


def test_every_role_is_named_where_users_are_added() -> None:
    row = COMMAND_ROWS["user add"]
    assert all(role.value in row for role in Role)


# --- the demo accounts --------------------------------------------------------


def test_the_demo_accounts_are_the_ones_the_demo_makes() -> None:
    rows = table_rows(section("To kommandoer"))
    header = rows.index(["user", "password", "role"])
    shown = {(user, password, role.split(" ")[0]) for user, password, role in rows[header + 1 :]}
    made = {(user, password, role) for user, password, role, _actor in seed.demo_accounts()}
    assert shown == made


# --- the plan file ------------------------------------------------------------

PLAN_FILE = section("The plan file (import and export, one format)")


def headers_named(cell: str) -> list[tuple[str, bool]]:
    """(header, required) for each `header` in a table cell; **`header`** is required."""
    return [(m[2], bool(m[1])) for m in re.finditer(r"(\*\*)?`([^`]+)`", cell)]


def test_every_sheet_has_a_row_with_its_columns_in_order_the_required_in_bold() -> None:
    rows = {row[0].strip("`"): row[1] for row in table_rows(PLAN_FILE)[1:]}
    assert list(rows) == [sheet.title for sheet in sheets.SHEETS]
    for sheet in sheets.SHEETS:
        expected = [(column.header, column.required) for column in sheet.columns]
        assert headers_named(rows[sheet.title]) == expected, sheet.title


def is_cell_value(word: str) -> bool:
    """A status, a period or a yes, as the importer reads a cell: not a header."""
    for parse in (parse_status, lambda text: parse_period(text, 2024, 2028)):
        try:
            parse(word)
        except ValueError:
            continue
        return True
    return parse_yes(word)


def test_every_header_the_plan_file_section_names_is_one_the_importer_knows() -> None:
    known = {
        header_key(name)
        for sheet in sheets.SHEETS
        for name in (
            sheet.title,
            *sheet.aliases,
            *(n for c in sheet.columns for n in (c.header, *c.aliases)),
        )
    }
    code = re.findall(r"`([^`]+)`", PLAN_FILE)
    words = {w for w in code if w[0].isupper() and not re.search(r"\d", w)}
    assert words, "the section names headers in `code`"
    assert sorted(w for w in words if header_key(w) not in known and not is_cell_value(w)) == []


# --- the layout map -----------------------------------------------------------


def layout_map() -> tuple[set[str], set[str]]:
    """(folders, .py files) the README's layout map names, as paths from the root.

    A line's first word ending in / names a folder: at the left margin a top folder,
    indented one inside the top folder above; .py words belong to the line's folder
    (an indented line that names no folder continues the one above)."""
    block = section("Layout").split("```")[1]
    folders: set[str] = set()
    files: set[str] = set()
    top = current = ""
    for line in block.splitlines()[1:]:
        words = line.split()
        if not words:
            continue
        indent = len(line) - len(line.lstrip())
        if words[0].endswith("/") and indent <= 2:
            current = words[0] if indent == 0 else top + words[0]
            top = current if indent == 0 else top
            folders.add(current.rstrip("/"))
        elif indent == 0:
            top = current = ""
        elif indent == 2:
            current = top
        named = (word.strip(",;:()") for word in words)
        files |= {current + word for word in named if re.fullmatch(r"\w+\.py", word)}
    return folders, files


INNER = ("tracker", "ui", "web")  # whose folders the map names one by one


def existing_folders() -> set[str]:
    """The project's top folders and the folders in INNER: what git holds, hidden
    folders left out."""
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    found: set[str] = set()
    for parts in {Path(path).parent.parts for path in listed}:
        if not parts or parts[0].startswith("."):
            continue
        found.add(parts[0])
        if parts[0] in INNER and len(parts) > 1:
            found.add("/".join(parts[:2]))
    return found


def test_the_layout_map_names_every_folder_and_no_other() -> None:
    named, _files = layout_map()
    covered = {"/".join(folder.split("/")[:i]) for folder in named for i in (1, 2)}
    existing = existing_folders()
    assert existing - covered == set(), "folders the map leaves out"
    assert {folder for folder in named if not (ROOT / folder).is_dir()} == set()


LISTED = (
    "tracker",
    "tracker/service",
    "tracker/planfile",
    "tracker/matching",
    "tracker/adapters",
    "tracker/demo",
    "tracker/charts",
    "tracker/reports",
    "ui",
    "ui/admin",
    "web",
)
"""Folders whose every module the map names (app_pages/: the page table names them)."""


@pytest.mark.parametrize("folder", LISTED)
def test_the_layout_map_names_every_module_of_these_folders(folder: str) -> None:
    _folders, files = layout_map()
    modules = {
        f"{folder}/{path.name}"
        for path in (ROOT / folder).glob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    }
    assert modules - files == set(), "modules the README's layout map does not name"


def test_the_layout_map_names_no_file_that_does_not_exist() -> None:
    _folders, files = layout_map()
    assert files, "the map names files"
    assert {path for path in files if not (ROOT / path).is_file()} == set()


# --- the task runner ------------------------------------------------------------


def test_every_phony_target_has_a_rule_and_ci_checks_before_it_tests() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split()  # type: ignore[union-attr]
    rules = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    assert set(phony) - rules == set()
    assert "$(BIN)/mypy" in makefile.split("\ncheck:")[1].split("\n\n")[0]
    ci = [line.split("#")[0].strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert ci.index("make check") < ci.index("make test")
