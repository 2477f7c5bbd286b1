"""Every Python example in the README and the documentation runs as written, and shows what it says.

A block runs in one namespace per page, from a folder holding the shipped ``data`` and the
packages its placeholders name (``my-county-package``, ``/srv/catalogs/…``: copies of shipped
layers). A line whose comment is a Python literal (``[f.x for f in …]   # [None, 300.0]``)
must evaluate to it; a ``print`` whose comment is text must print that text.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import shutil
import tokenize
from typing import TYPE_CHECKING

import pytest

from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

PAGES = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)

#: A placeholder an example names → the shipped package standing in for it.
PLACEHOLDERS = {
    "my-county-package": "data/provinces/120000-tianjin/120117-ninghe",
    "my-package": "data/provinces/120000-tianjin/120117-ninghe",
    "/srv/catalogs/120000-2024": "data/provinces/120000-tianjin",
}


def _pages_with_python() -> list[Path]:
    return [page for page in PAGES if BLOCK.search(page.read_text(encoding="utf-8"))]


def _claim(line: str) -> tuple[str, str] | None:
    """A line's code and the comment stating what it shows, when the comment states a value."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(line).readline))
    except (SyntaxError, tokenize.TokenError):
        return None
    comments = [token for token in tokens if token.type == tokenize.COMMENT]
    if not comments:
        return None
    code = line[: comments[0].start[1]].rstrip()
    return (code, comments[0].string[1:].strip()) if code else None


def _literal(text: str) -> object:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None


def test_the_docs_have_python_examples() -> None:
    pages = {page.name for page in _pages_with_python()}
    assert {"README.md", "integrate.md", "getting-started.md"} <= pages


@pytest.mark.parametrize("page", _pages_with_python(), ids=lambda page: str(page.relative_to(REPO)))
def test_the_python_examples_run_and_show_what_they_say(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / "data", tmp_path / "data")
    for placeholder, shipped in PLACEHOLDERS.items():
        target = tmp_path / placeholder.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(REPO / shipped, target)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    checked = 0
    for number, written in enumerate(BLOCK.findall(page.read_text(encoding="utf-8"))):
        block = written
        for placeholder in PLACEHOLDERS:
            if placeholder.startswith("/"):  # an absolute path stands for the copy in the scratch folder
                block = block.replace(f'"{placeholder}"', repr(str(tmp_path / placeholder.lstrip("/"))))
        where = f"{page.name}, Python example {number + 1}"
        statements = ast.parse(block).body
        lines = block.splitlines()
        for statement in statements:
            claim = _claim(lines[statement.end_lineno - 1]) if statement.lineno == statement.end_lineno else None
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                if isinstance(statement, ast.Expr) and not _is_print(statement):
                    value = eval(compile(ast.Expression(statement.value), where, "eval"), namespace)  # noqa: S307
                else:
                    value = None
                    exec(compile(ast.Module([statement], []), where, "exec"), namespace)  # noqa: S102
            if claim is None:
                continue
            code, shown = claim
            expected = _literal(shown)
            if _is_print(statement):
                assert out.getvalue().strip() == shown, f"{where}: {code} printed {out.getvalue()!r}"
                checked += 1
            elif isinstance(statement, ast.Expr) and expected is not None:
                assert value == expected, f"{where}: {code} is {value!r}, the page says {shown}"
                checked += 1
    if page.name == "README.md":
        assert checked >= 2, "the README's stated results were checked"


def _is_print(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Call)
        and isinstance(statement.value.func, ast.Name)
        and statement.value.func.id == "print"
    )


def test_the_integration_guide_calls_every_check_in_python() -> None:
    """A system that imports villagecat finds each check's call in the guide, run as written (audit a ledger too).

    The guide's "Every command, in Python" showed admit, check_facility and check_signage, but not how to
    read and audit a ledger, lint a layer or render a certificate: a developer had only the CLI's pages.
    """
    import inspect  # noqa: PLC0415

    import villagecat.checks  # noqa: PLC0415

    page = (REPO / "docs" / "guides" / "integrate.md").read_text(encoding="utf-8")
    tree = ast.parse("\n".join(BLOCK.findall(page)))
    called = {
        node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    functions = {name for name in villagecat.checks.__all__ if inspect.isfunction(getattr(villagecat.checks, name))}
    assert functions - called == set()


def _installed_with_villagecat() -> set[str]:
    """The distributions ``pip install villagecat`` (no extras) brings: its own requirements, their names normalised."""
    from importlib.metadata import requires  # noqa: PLC0415

    from packaging.requirements import Requirement  # noqa: PLC0415

    wanted = [Requirement(line) for line in requires("villagecat") or []]
    return {re.sub(r"[-_.]+", "-", r.name).lower() for r in wanted if r.marker is None or "extra" not in str(r.marker)}


@pytest.mark.parametrize("page", _pages_with_python(), ids=lambda page: str(page.relative_to(REPO)))
def test_a_python_example_names_the_install_of_every_module_villagecat_does_not_bring(page: Path) -> None:
    """The guide's output-schema check imports jsonschema, which ``pip install villagecat`` does not install.

    A developer who followed the README's ``pip install .`` got ``ModuleNotFoundError: No module named
    'jsonschema'`` (the tests run with the test extra, which has it). A page whose examples import a
    distribution outside villagecat's own requirements says how to install it (``pip install jsonschema``).
    """
    import sys  # noqa: PLC0415
    from importlib.metadata import packages_distributions  # noqa: PLC0415

    text = page.read_text(encoding="utf-8")
    imported: set[str] = set()
    for block in BLOCK.findall(text):
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    brought = _installed_with_villagecat() | {"villagecat"}
    distributions = packages_distributions()
    for module in sorted(imported - set(sys.stdlib_module_names) - {"villagecat"}):
        names = {re.sub(r"[-_.]+", "-", d).lower() for d in distributions.get(module, [module])}
        if names & brought:
            continue
        assert re.search(rf"pip install [^`\n]*\b{re.escape(next(iter(names)))}\b", text), (
            f"{page.name} imports {module}, which villagecat does not install: say `pip install {next(iter(names))}`"
        )
