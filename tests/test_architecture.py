"""The layering rules (the README's «Layout»), checked on the source: tracker/ never imports
streamlit; dashboard.py and app_pages/ never import sqlalchemy."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def python_files(*parts: str) -> list[Path]:
    found: list[Path] = []
    for part in parts:
        target = ROOT / part
        found += [target] if target.is_file() else sorted(target.rglob("*.py"))
    return found


def file_id(path: Path) -> str:
    """A test id that tells ui/admin/measures.py from app_pages/measures.py."""
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", python_files("tracker"), ids=file_id)
def test_tracker_never_imports_streamlit(path: Path) -> None:
    assert "streamlit" not in imported_modules(path)


UI_FILES = python_files("dashboard.py", "app_pages", "ui")


@pytest.mark.parametrize("path", UI_FILES, ids=file_id)
def test_pages_never_import_sqlalchemy(path: Path) -> None:
    assert not imported_modules(path) & {"sqlalchemy", "psycopg", "sqlite3"}


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import streamlit as st\nfrom sqlalchemy.orm import Session\n")
    assert imported_modules(sample) == {"streamlit", "sqlalchemy"}


def test_ui_files_exist() -> None:
    assert (ROOT / "dashboard.py") in UI_FILES
    assert (ROOT / "ui" / "admin" / "measures.py") in UI_FILES


INPUT_WIDGETS = {
    "button",
    "checkbox",
    "data_editor",
    "date_input",
    "download_button",
    "file_uploader",
    "form_submit_button",
    "multiselect",
    "number_input",
    "pills",
    "radio",
    "segmented_control",
    "select_slider",
    "selectbox",
    "slider",
    "text_area",
    "text_input",
    "toggle",
}


def widgets_without_key(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{path.name}:{node.lineno} {node.func.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in INPUT_WIDGETS
        and not any(keyword.arg in ("key", None) for keyword in node.keywords)
    ]


@pytest.mark.parametrize("path", UI_FILES, ids=file_id)
def test_every_input_widget_has_a_key(path: Path) -> None:
    """Explicit keys, so AppTest can find every input."""
    assert widgets_without_key(path) == []


def test_the_key_checker_sees_a_missing_key(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import streamlit as st\nst.button('x')\nst.button('y', key='y')\n")
    assert widgets_without_key(sample) == ["sample.py:2 button"]


CHOICE_WIDGETS = {"selectbox", "multiselect", "dataframe", "data_editor"}


def choices_without_placeholder(path: Path) -> list[str]:
    """selectbox / multiselect calls without placeholder=: Streamlit's own English
    («Choose an option») shows when the choice is cleared or while typing to filter;
    dataframes without it show a missing value as «None» (ours: ui.text.MISSING).
    A call that hands the widget on (`field(st.selectbox, ...)`) counts too; one
    that passes **options is checked where those are built."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))

    def widget(node: ast.Call) -> str | None:
        called = [node.func, *node.args]
        names = [n.attr for n in called if isinstance(n, ast.Attribute)]
        return next((name for name in names if name in CHOICE_WIDGETS), None)

    return [
        f"{path.name}:{node.lineno} {widget(node)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and widget(node)
        and not any(keyword.arg in ("placeholder", None) for keyword in node.keywords)
    ]


@pytest.mark.parametrize("path", UI_FILES, ids=file_id)
def test_every_choice_and_table_has_a_placeholder(path: Path) -> None:
    assert choices_without_placeholder(path) == []


def test_the_placeholder_checker_sees_a_missing_placeholder(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import streamlit as st\nst.selectbox('x', [1], key='x')\n"
        "st.sidebar.multiselect('y', [1], key='y', placeholder='z')\n"
        "field(st.multiselect, 'z', options=[1])\n"
    )
    assert choices_without_placeholder(sample) == [
        "sample.py:2 selectbox",
        "sample.py:4 multiselect",
    ]


SERVICE = ROOT / "tracker" / "service"
SERVICE_MODULES = {path.stem for path in SERVICE.glob("*.py")} - {"__init__"}


def service_names_imported(path: Path) -> set[str]:
    """What `from tracker.service import …` takes from the package itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "tracker.service"
        for alias in node.names
    }


BY_NAME = ("service", "planfile", "matching", "adapters", "demo")
"""tracker's packages whose modules are imported by name: the package loads none."""


@pytest.mark.parametrize("package", BY_NAME)
def test_these_packages_re_export_nothing(package: str) -> None:
    """Callers import the modules by name; the package's __init__ is a docstring."""
    tree = ast.parse((ROOT / "tracker" / package / "__init__.py").read_text(encoding="utf-8"))
    assert not [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]


def test_tracker_has_no_loose_module_that_belongs_in_a_package() -> None:
    """A module named after a package (i18n_x, demo_x, planfile_x …) goes inside it."""
    packages = {path.parent.name for path in (ROOT / "tracker").glob("*/__init__.py")}
    loose = [path.name for path in (ROOT / "tracker").glob("*.py")]
    assert [name for name in loose if name.split("_")[0] in packages] == []


@pytest.mark.parametrize(
    "path",
    python_files(
        "dashboard.py", "app.py", "app_pages", "ui", "web", "tracker", "tests", "benchmarks"
    ),
    ids=file_id,
)
def test_only_modules_are_imported_from_the_service_package(path: Path) -> None:
    assert service_names_imported(path) <= SERVICE_MODULES


def test_the_service_import_checker_sees_a_name(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from tracker.service import SYSTEM, status\n")
    assert service_names_imported(sample) == {"SYSTEM", "status"}
    assert service_names_imported(sample) - SERVICE_MODULES == {"SYSTEM"}


def test_the_admin_tabs_are_in_their_own_package() -> None:
    """ui/admin/ holds the Admin page's tabs; ui/ itself has no admin_* modules."""
    assert (ROOT / "ui" / "admin" / "tabs.py").is_file()
    assert sorted(path.name for path in (ROOT / "ui").glob("admin_*.py")) == []


MAX_FUNCTION_LINES = 60
"""The longest function in tracker/, from `def` to its last line, docstring included:
one a reader holds in their head. A longer one splits along a seam it has."""


def long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


@pytest.mark.parametrize("path", python_files("tracker"), ids=file_id)
def test_no_function_in_tracker_is_too_long_to_hold_in_ones_head(path: Path) -> None:
    assert long_functions(path) == []


def test_the_length_checker_counts_lines(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    sample.write_text(f"def short():\n    pass\n\n\ndef long():\n{body}\n", encoding="utf-8")
    assert long_functions(sample) == [f"long ({MAX_FUNCTION_LINES + 1} lines)"]


@pytest.mark.parametrize(
    "path", python_files("dashboard.py", "app.py", "app_pages", "ui", "web", "tracker"), ids=file_id
)
def test_ruff_format_decides_the_layout_of_product_code(path: Path) -> None:
    """No `# fmt: skip` / `# fmt: off`: a table that reads better by hand is written as
    data that formats well (one entry a line), not kept from the formatter."""
    text = path.read_text(encoding="utf-8")
    assert "fmt: skip" not in text and "fmt: off" not in text
