"""Every user-facing string comes from the catalogue (tracker.i18n) and exists in
both languages: checked on the catalogue itself and on the source code (ast)."""

from __future__ import annotations

import ast
import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tracker.i18n import CATALOGUE, LANGUAGES, PLURAL_FORMS, PLURALS

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = [
    ROOT / "dashboard.py",
    *sorted((ROOT / "app_pages").rglob("*.py")),
    *sorted((ROOT / "ui").rglob("*.py")),
]
CODE_FILES = [*UI_FILES, *sorted((ROOT / "tracker").rglob("*.py"))]

KEY_SHAPE = re.compile(r"[a-z][a-z_]*(?:\.[a-z0-9_]+)+")
NAMESPACES = {key.split(".")[0] for key in CATALOGUE}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


@cache
def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


# --- the catalogue ------------------------------------------------------------------


def test_every_entry_exists_in_both_languages_with_the_same_placeholders() -> None:
    wrong = []
    for key, entry in CATALOGUE.items():
        if set(entry) != set(LANGUAGES):
            wrong.append(f"{key}: languages {sorted(entry)}")
            continue
        wrong += [f"{key}: empty in {lang}" for lang in LANGUAGES if not entry[lang].strip()]
        nb, en = (placeholders(entry[lang]) for lang in LANGUAGES)
        if nb != en:
            wrong.append(f"{key}: nb has {sorted(nb)}, en has {sorted(en)}")
    assert not wrong, "\n".join(wrong)


def test_plural_keys_have_every_form_and_nothing_else() -> None:
    """A text with a count is <key>.one and <key>.other (tracker.i18n.tn): both, the
    stem is no key of its own, .other fills in {count}, and .one nothing else («the
    newest entry» may leave out its 1)."""
    wrong = []
    for key in CATALOGUE:  # (an .other alone is a key of its own: cli.os.other)
        stem, _, form = key.rpartition(".")
        if form == PLURAL_FORMS[0] and stem not in PLURALS:
            wrong.append(f"{key}: no {stem}.other beside it")
    for stem in PLURALS:
        if stem in CATALOGUE:
            wrong.append(f"{stem}: a plural key and a key of its own")
        one, other = (placeholders(CATALOGUE[f"{stem}.{form}"]["nb"]) for form in PLURAL_FORMS)
        if "count" not in other or not one <= other or other - one - {"count"}:
            wrong.append(f"{stem}: placeholders {sorted(one)} (one), {sorted(other)} (other)")
    assert PLURALS, "no plural keys found"
    assert not wrong, "\n".join(wrong)


def known(key: str) -> bool:
    """A key t() takes, or a plural key tn() takes."""
    return key in CATALOGUE or key in PLURALS


PLURAL_CALLS = {"tn", "of", "problem", "Problem"}
"""tn, and the errors' problems (tracker.errors.Problem.text picks the form)."""


def test_plural_keys_go_through_tn_and_only_they() -> None:
    wrong = [
        f"{use.where}: {use.call}({use.key!r})"
        for use in ALL_USES
        if (use.key in PLURALS and use.call not in PLURAL_CALLS)
        or (use.call == "tn" and use.key not in PLURALS)
    ]
    assert any(use.call == "tn" for use in ALL_USES)
    assert not wrong, "plural keys take tn(key, count), others t(key):\n" + "\n".join(wrong)


def wanted_placeholders(key: str) -> set[str]:
    return placeholders(CATALOGUE[f"{key}.other" if key in PLURALS else key]["nb"])


def test_keys_are_key_shaped() -> None:
    """The source scan below finds keys by their shape: namespace.name."""
    assert all(KEY_SHAPE.fullmatch(key) for key in CATALOGUE), [
        key for key in CATALOGUE if not KEY_SHAPE.fullmatch(key)
    ]


# --- keys used in the code ----------------------------------------------------------


@dataclass(frozen=True)
class Use:
    where: str
    key: str
    params: frozenset[str] | None  # None: not known statically (**kwargs, a variable)
    call: str = ""


def _kwargs(call: ast.Call) -> frozenset[str] | None:
    if any(keyword.arg is None for keyword in call.keywords):  # **params
        return None
    return frozenset(str(keyword.arg) for keyword in call.keywords)


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _dict_keys(node: ast.expr | None) -> frozenset[str] | None:
    if node is None:
        return frozenset()
    if isinstance(node, ast.Dict) and all(
        isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys
    ):
        return frozenset(str(k.value) for k in node.keys)  # type: ignore[union-attr]
    return None


def key_uses(path: Path) -> list[Use]:
    """Calls that pass a catalogue key as a constant, with the parameters they give:
    t("k", **p) / i18n.t("k", lang, **p) / tn("k", count, **p) / Error.of("k", field, **p) /
    importer.problem("k", row, column, **p) / Problem("k", {p}, field) / ValueError("k").
    tn's count counts as the parameter count."""
    uses: list[Use] = []
    for node in ast.walk(parse(path)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        key, name = first.value, _call_name(node)
        where = f"{relative(path)}:{node.lineno}"
        if name in {"t", "t_md", "of", "problem", "page_start"} and KEY_SHAPE.fullmatch(key):
            uses.append(Use(where, key, _kwargs(node), name))
        elif name == "tn" and KEY_SHAPE.fullmatch(key):
            params = _kwargs(node)
            uses.append(Use(where, key, None if params is None else params | {"count"}, name))
        elif name == "Problem":
            params = node.args[1] if len(node.args) > 1 else None
            for keyword in node.keywords:
                if keyword.arg == "params":
                    params = keyword.value
            uses.append(Use(where, key, _dict_keys(params), name))
        elif name == "ValueError" and KEY_SHAPE.fullmatch(key):
            uses.append(Use(where, key, None))  # the importer adds the parameters
    return uses


def key_constants(path: Path) -> list[tuple[str, str]]:
    """Every string constant shaped like a key of a catalogue namespace, wherever it
    stands (PageSpec(title_key=...), a dict of keys, `key = "..." if ... else ...`)."""
    found = []
    for node in ast.walk(parse(path)):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and KEY_SHAPE.fullmatch(node.value)
            and node.value.split(".")[0] in NAMESPACES
        ):
            found.append((f"{relative(path)}:{node.lineno}", node.value))
    return found


def key_prefixes(path: Path) -> list[tuple[str, str]]:
    """The constant start of keys built at run time: t(f"adminpage.tab.{code}"),
    "status." + value."""
    found = []
    for node in ast.walk(parse(path)):
        head: object = None
        if isinstance(node, ast.JoinedStr) and node.values:
            head = node.values[0]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            head = node.left
        if (
            isinstance(head, ast.Constant)
            and isinstance(head.value, str)
            and re.fullmatch(r"[a-z][a-z_]*(?:\.[a-z0-9_]+)*\.", head.value)
            and head.value.split(".")[0] in NAMESPACES
        ):
            found.append((f"{relative(path)}:{node.lineno}", head.value))
    return found


ALL_USES = [use for path in CODE_FILES for use in key_uses(path)]


def test_the_scan_finds_the_uses() -> None:
    """Guards the scanner: if it found nothing, the tests below would pass vacuously."""
    keys = {use.key for use in ALL_USES}
    assert len(ALL_USES) > 300
    assert {"page.overview", "report.saved", "auth.invalid", "perm.not_your_measure"} <= keys
    assert "import.bad_period" in keys  # ValueError("import.bad_period")
    assert any(use.where.startswith("app_pages/") for use in ALL_USES)
    assert {path.name for path in UI_FILES} >= {"dashboard.py", "overview.py", "report_form.py"}


def test_every_key_used_in_the_code_is_in_the_catalogue() -> None:
    missing = [f"{use.where}: {use.key}" for use in ALL_USES if not known(use.key)]
    missing += [
        f"{where}: {key}"
        for path in CODE_FILES
        for where, key in key_constants(path)
        if not known(key)
    ]
    assert not missing, "keys not in tracker.i18n.CATALOGUE:\n" + "\n".join(missing)


def test_keys_built_at_run_time_have_entries() -> None:
    empty = [
        f"{where}: {prefix}…"
        for path in CODE_FILES
        for where, prefix in key_prefixes(path)
        if not any(key.startswith(prefix) for key in CATALOGUE)
    ]
    assert not empty, "no catalogue entry starts with:\n" + "\n".join(empty)


def test_calls_give_exactly_the_placeholders_of_their_key() -> None:
    """A missing parameter is a KeyError at run time, in one language or both; an
    extra one is a text that drifted from its call."""
    wrong = []
    for use in ALL_USES:
        if use.params is None or not known(use.key):
            continue
        wanted = wanted_placeholders(use.key)
        if set(use.params) != wanted:
            wrong.append(
                f"{use.where}: {use.key} wants {sorted(wanted)}, gets {sorted(use.params)}"
            )
    assert not wrong, "\n".join(wrong)


# --- no hard-coded texts in the interface ---------------------------------------------

STREAMLIT_TEXT_CALLS = {
    # elements whose first positional argument is text the user reads
    "title", "header", "subheader", "caption", "markdown", "write", "text", "info",
    "warning", "error", "success", "toast", "metric", "button", "download_button",
    "link_button", "page_link", "form_submit_button", "checkbox", "toggle", "radio",
    "selectbox", "multiselect", "select_slider", "slider", "text_input", "text_area",
    "number_input", "date_input", "time_input", "file_uploader", "segmented_control",
    "pills", "expander", "tabs", "popover", "status", "spinner", "Page",
    "TextColumn", "NumberColumn", "ProgressColumn", "CheckboxColumn", "SelectboxColumn",
    "DateColumn", "DatetimeColumn", "LinkColumn", "ListColumn", "Column",
}  # fmt: skip
TEXT_KEYWORDS = {"label", "help", "placeholder", "title", "caption", "body", "text", "value"}
"""Keyword arguments that hold text for the reader (not: key, icon, format, type …)."""

ICON = re.compile(r":material/[a-z0-9_]+:")
LETTERS = re.compile(r"[A-Za-zÆØÅæøåÄÖÜäöüß]{2,}")


def text_literals(node: ast.expr) -> list[str]:
    """The letters a reader would see in an argument: a string constant, or the
    constant parts of an f-string; Material icon codes don't count."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [
            str(value.value)
            for value in node.values
            if isinstance(value, ast.Constant) and isinstance(value.value, str)
        ]
    else:
        return []
    return [part for part in parts if LETTERS.search(ICON.sub("", part))]


def hard_coded_labels(path: Path) -> list[str]:
    """Calls x.<element>(...) with a text literal as label or other reader-facing
    argument. Any receiver counts, not only `st`: st.sidebar.x, st.column_config.X
    and containers from st (cells[0].metric, left.button, slot.error) too; a false
    alarm is cheap, a miss is not."""
    found = []
    for node in ast.walk(parse(path)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in STREAMLIT_TEXT_CALLS:
            continue
        arguments = list(node.args[:1])
        if node.func.attr == "Page":
            arguments = []  # st.Page's first argument is the page's file
        arguments += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        for argument in arguments:
            for text in text_literals(argument):
                found.append(f"{relative(path)}:{node.lineno}: {node.func.attr}({text!r})")
    return found


def test_the_label_scan_catches_literals(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import streamlit as st\n"
        "st.title('Oversikt')\n"
        "cells[0].metric(label=f'Tiltak {n}', value=3)\n"
        "st.sidebar.button(t('login.logout'), icon=':material/logout:')\n"
        "st.caption(f':material/info: {t(\"app.example_data\")}')\n"
        "st.form('login')\n",
        encoding="utf-8",
    )
    found = hard_coded_labels(sample)
    assert found == ["sample.py:2: title('Oversikt')", "sample.py:3: metric('Tiltak ')"]


def test_streamlit_calls_take_their_texts_from_the_catalogue() -> None:
    found = [text for path in UI_FILES for text in hard_coded_labels(path)]
    assert not found, "hard-coded texts (use ui.state.t):\n" + "\n".join(found)


ALLOWED_LITERALS = {
    # The language switch names each language in that language (endonyms), as
    # language pickers do, so a reader lost in the other language finds their own:
    # the same in both UIs, so not a catalogue text.
    "Norsk",
    "English",
    # Date formats shown as input hints (patterns, not words).
    "DD.MM.YYYY",
    "YYYY-MM-DD",
}
NOT_TEXT = re.compile(
    r"""
    :material/[a-z0-9_]+:\s*            # a Material icon code
    | [a-z0-9_]+ (?:\.[a-z0-9_]+)*\.?    # a key, a key prefix, an identifier
    | (?:app_)?pages/[a-z_]+\.py         # a page file
    | \.[a-z0-9]+                       # a file suffix
    | [a-z]+/[a-z0-9.+\-]+              # a MIME type
    """,
    re.VERBOSE,
)


def stray_literals(path: Path) -> list[str]:
    """String constants with words in them that are neither docstrings (any bare
    string statement) nor obviously technical (NOT_TEXT) nor allowed."""
    tree = parse(path)
    bare = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = node.value
        if id(node) in bare or text in ALLOWED_LITERALS or NOT_TEXT.fullmatch(text):
            continue
        if LETTERS.search(ICON.sub("", text)):
            found.append(f"{relative(path)}:{node.lineno}: {text!r}")
    return found


# Literals that are CSS (selectors, rules) for the frontend, not texts: the texts
# they carry come from the catalogue (tests/e2e/test_browser_words.py sees them drawn).
STYLE_FILES = {ROOT / "ui" / "browser_texts.py"}


def test_no_stray_texts_in_the_interface_code() -> None:
    """Wider than the Streamlit-call scan: texts handed over through variables,
    format_func lambdas, column names of a displayed DataFrame."""
    found = [text for path in UI_FILES if path not in STYLE_FILES for text in stray_literals(path)]
    assert not found, "texts that are not catalogue keys:\n" + "\n".join(found)
