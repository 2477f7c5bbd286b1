"""The README's publishing and reviewing examples run as written, in a scratch git repository."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def _commands(section: str, verbs: tuple[str, ...]) -> list[str]:
    """The ``$ villagecat VERB …`` lines of a section's console blocks, without their comments."""
    blocks = re.findall(r"```console\n(.*?)```", section, flags=re.DOTALL)
    return [
        re.sub(r"\s+#\s.*$", "", line[2:]).strip()
        for block in blocks
        for line in block.splitlines()
        if line.startswith("$ villagecat ") and line.split()[2] in verbs
    ]


def _runs(text: str) -> list[tuple[str, list[str]]]:
    """Each ``$ villagecat …`` of a text's console blocks with the lines shown after it."""
    blocks = re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL)
    runs = []
    for block in blocks:
        for run in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, *shown = run.splitlines()
            runs.append((re.sub(r"\s+#\s.*$", "", command).strip(), shown))
    return runs


def _assert_shown(command: str, printed: list[str], shown: list[str]) -> None:
    """Each run of lines shown is the command's own, in order; ``...`` stands for lines left out."""
    parts: list[list[str]] = [[]]
    for line in shown:
        if line == "...":
            parts.append([])
        else:
            parts[-1].append(line)
    for lines in filter(None, parts):
        assert any(printed[i : i + len(lines)] == lines for i in range(len(printed))), (command, lines, printed)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],  # noqa: S607
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the shipped data committed twice: the second commit revises the national layer."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(REPO / "data", root / "data")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "data")
    national = root / "data" / "national" / "certificates.csv"
    lines = national.read_text(encoding="utf-8").splitlines(keepends=True)
    national.write_text("".join(lines[:-1]), encoding="utf-8")  # one certificate fewer
    _git(root, "commit", "-q", "-am", "revise")
    accepted = re.search(r'```yaml title="accepted.yaml"\n(.*?)```', README, flags=re.DOTALL)
    assert accepted is not None, "the README shows an accepted-changes file"
    (root / "accepted.yaml").write_text(accepted.group(1), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _run(command: str, repo: Path) -> int:
    argv = shlex.split(command)[1:]
    target = None
    if ">" in argv:
        at = argv.index(">")
        argv, target = argv[:at], argv[at + 1]
    result = invoke(*argv)
    assert result.code in (0, 1), f"{command}: exit {result.code}\n{result.err}"
    assert "Traceback" not in result.err
    if target is not None:
        (repo / target).write_text(result.out, encoding="utf-8")
    return result.code


def test_the_review_examples_run_as_written(repo: Path) -> None:
    commands = _commands(_section("Reviewing a revision"), ("diff",))
    assert len(commands) >= 4
    codes = {command: _run(command, repo) for command in commands}
    gate = "villagecat diff HEAD~1:data/national data/national"
    assert codes[gate] == 0  # removing a certificate is breaking, not a violation
    # what the README shows the gate print is what it prints for that revision (a certificate dropped, the version kept)
    shown = dict(_runs(_section("Reviewing a revision")))[gate]
    assert shown, "the README shows what the gate prints"
    _assert_shown(gate, invoke(*shlex.split(gate)[1:]).out.splitlines(), shown)
    unannounced = next(c for c in commands if "--fail-on unannounced" in c)
    assert codes[unannounced] == 1  # the revision did not raise the version
    assert (repo / "changes.csv").read_text(encoding="utf-8").startswith("\ufeff变更,级别,变更代码,")


def test_the_review_guides_first_command_runs_as_written(repo: Path) -> None:
    """The guide opened with ``diff v0.1.0:data/provinces/220000-jilin …``: no such tag, exit 2 for whoever tried it."""
    guide = (REPO / "docs" / "guides" / "review-revision.md").read_text(encoding="utf-8")
    first = _commands(guide, ("diff",))[0]
    assert "OLD" not in first
    assert _run(first, repo) == 0, first


def test_the_publishing_examples_run_as_written(repo: Path) -> None:
    commands = _commands(_section("Publishing a catalog"), ("init", "export", "import", "release"))
    assert [c.split()[1] for c in commands] == ["init", "export", "import", "release"]
    for command in commands:
        assert _run(command, repo) == 0, command
    layer = load_layer(repo / "浙江").layer
    assert [r.version for r in layer.releases] == [layer.version]  # the first release, without --against


def test_the_quote_examples_run_as_written_and_print_what_the_readme_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    """``villagecat quotes`` on the shipped data, with the real texts: each command passes and prints as shown."""
    if not (REPO.parent / "shared" / "seeds").is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the source documents (../shared) must be beside the checkout in CI")
        pytest.skip("the source documents (../shared) are not beside this checkout")
    monkeypatch.chdir(REPO)
    blocks = re.findall(r"```console\n(.*?)```", _section("Reviewing a revision"), flags=re.DOTALL)
    ran = 0
    for block in blocks:
        runs = re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]
        for run in runs:
            command, *shown = run.splitlines()
            argv = shlex.split(re.sub(r"\s+#\s.*$", "", command))
            if argv[1] != "quotes":
                continue
            result = invoke(*argv[1:])
            assert result.code == 0, f"{command}\n{result.out}{result.err}"
            if shown:
                assert result.out.splitlines() == shown
            ran += 1
    assert ran >= 2


def test_the_catalog_and_explain_examples_print_what_the_readme_shows() -> None:
    """The README showed Ninghe's chain at the versions of three releases before (cn 0.5.0 …): each line it
    shows of ``catalog`` and ``explain`` is the command's own, in order (``...`` stands for lines left out)."""
    blocks = re.findall(r"```console\n(.*?)```", README, flags=re.DOTALL)
    checked = 0
    for block in blocks:
        for run in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, *shown = run.splitlines()
            argv = shlex.split(re.sub(r"\s+#\s.*$", "", command))
            if argv[1] not in ("catalog", "explain") or not shown:
                continue
            printed = invoke(*argv[1:]).out.splitlines()
            parts: list[list[str]] = [[]]
            for line in shown:
                if line == "...":
                    parts.append([])
                else:
                    parts[-1].append(line)
            for lines in filter(None, parts):
                assert any(printed[i : i + len(lines)] == lines for i in range(len(printed))), (command, lines)
            checked += 1
    assert checked >= 2


def test_the_tours_validation_report_is_what_validate_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's ``validate my-county-package --lang en`` showed a wording validate no longer printed.

    The package is one with the three mistakes the report names: a misspelt duty kind on line 2 of
    duties.csv, a certificate without a name on line 3, and one citing a document no layer holds on line 6.
    """
    package = tmp_path / "my-county-package"
    shutil.copytree(REPO / "data" / "national", package)
    rows = (package / "duties.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    rows[1] = rows[1].replace(",performs,", ",performz,", 1)
    (package / "duties.csv").write_text("".join(rows), encoding="utf-8")
    rows = (package / "certificates.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    name = rows[2].split(",")[1]
    rows[2] = rows[2].replace(f",{name},", ",,", 1)
    cited = rows[5].split(",")[2]
    rows[5] = rows[5].replace(f",{cited},", ",cn.document.nonexistent#第6项,", 1)
    (package / "certificates.csv").write_text("".join(rows), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    tour = dict(_runs(_section("A one-minute tour")))
    command = "villagecat validate my-county-package --lang en"
    result = invoke(*shlex.split(command)[1:])
    assert result.code == 1
    assert result.out.splitlines() == tour[command]


def test_the_shipped_tables_counts_are_what_layers_prints() -> None:
    """The table of what is shipped said the national layer holds 23 rules (减负措施) when it held 26, and Shanxi
    cited documents only when it held duties, certificates and rules: its counts are ``villagecat layers``' own."""
    table = _section("What is shipped")
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    counted = {}
    for line in invoke("layers").out.splitlines()[1:]:
        layer_id, *_, counts = line.split("\t")
        counted[layer_id] = counts
    assert [re.match(r"\| `(\w+)`", row).group(1) for row in rows] == list(counted)  # type: ignore[union-attr]
    for row in rows:
        layer_id = re.match(r"\| `(\w+)`", row).group(1)  # type: ignore[union-attr]
        cells = [cell.strip() for cell in row.split(" | ")]
        assert cells[-1].removesuffix(" |") == counted[layer_id], layer_id


def test_the_readmes_links_lead_somewhere() -> None:
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        if not target.startswith("http"):
            assert (REPO / target).exists(), target


def test_the_readmes_accepted_change_is_the_change_its_reason_names(tmp_path: Path) -> None:
    """It accepted ``facility-changed`` for the NDRC target made unstated, which is ``facility-modality-unstated``."""
    import csv  # noqa: PLC0415

    accepted = re.search(r'```yaml title="accepted.yaml"\n(.*?)```', README, flags=re.DOTALL)
    assert accepted is not None
    (tmp_path / "accepted.yaml").write_text(accepted.group(1), encoding="utf-8")
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(REPO / "data" / "national", old)
    shutil.copytree(REPO / "data" / "national", new)
    facilities = old / "facilities.csv"
    with facilities.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    target = next(r for r in rows if r["id"] == "cn.facility.community-service-facility")
    assert target["modality"] == "", "the README's reason says the shipped target's modality is left empty"
    target["modality"] = "should"  # the version before: the target read as advice
    with facilities.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    from packaging.version import Version  # noqa: PLC0415

    descriptor = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    shipped = Version(descriptor["layer"]["version"])
    before = Version(f"{shipped.major}.{shipped.minor - 1}.0")  # a minor before, so the gate weighs the change alone
    descriptor["version"] = descriptor["layer"]["version"] = str(before)
    descriptor["layer"]["releases"] = [r for r in descriptor["layer"]["releases"] if Version(r["version"]) <= before]
    (old / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    argv = ("diff", str(old), str(new), "--fail-on", "warning", "--accept", str(tmp_path / "accepted.yaml"))
    result = invoke(*argv)
    assert result.code == 0, result.out + result.err  # the one 需关注 change is the one accepted
    assert "经审核同意" in result.out


def test_the_shipped_tables_facility_modalities_are_the_datas() -> None:
    """Jilin's row called its six function areas "advised" when the item's modality is empty (合理划分……等功能区域
    binds with no word of its own): each facility standard the row names says "advised" only where the data does."""
    table = _section("What is shipped")
    row = next(line for line in table.splitlines() if line.startswith("| `220000`"))
    layer = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    (areas,) = [f for f in layer.facilities if f.function_areas]
    start = row.index("function areas")
    said = row[start : row.index(")", start) + 1]  # function areas 「等」 (what binds them)
    assert ("advised" in said) == (areas.modality is not None and areas.modality.value in ("should", "mainly")), said
    assert ("modality empty" in said) == (areas.modality is None), said
