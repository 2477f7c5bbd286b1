"""``--changed``: a pre-commit hook's changed files, in a repository that keeps more than packages.

The hooks pass every changed ``.csv`` and ``.json``. A package kept in its own repository beside a
README's JSON, a ledger or notes (or notes inside the package folder) blocked every commit that
touched them: 无法读取：不是数据包文件夹、datapackage.json 或 zip, exit 2.
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest
import yaml

from conftest import NINGHE, REPO, edit, invoke

if TYPE_CHECKING:
    from pathlib import Path

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _repository(tmp_path: Path) -> Path:
    """A county's repository: its package, notes inside it, a ledger and a config file beside it."""
    repo = tmp_path / "宁河 仓库"
    package = repo / "宁河目录"
    shutil.copytree(NINGHE, package)
    (package / "notes").mkdir()
    (package / "notes" / "会议.csv").write_text("日期,事项\n2024-01-01,讨论\n", encoding="utf-8")
    (repo / "台账.csv").write_text("村名,名称\n东村,居住证明\n", encoding="utf-8")
    (repo / "settings.json").write_text('{"editor": "x"}\n', encoding="utf-8")
    return repo


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_a_hook_passes_over_files_of_no_package(tmp_path: Path, hook: dict[str, str]) -> None:
    repo = _repository(tmp_path)
    _, *command = hook["entry"].split()
    others = [str(repo / "台账.csv"), str(repo / "settings.json"), str(repo / "宁河目录" / "notes" / "会议.csv")]
    alone = invoke(*command, *others)
    assert (alone.code, alone.out) == (0, "所改动的文件都不属于数据包，无需检查\n")
    with_package = invoke(*command, *others, str(repo / "宁河目录" / "signs.csv"))
    assert with_package.code == 0, with_package.out
    assert str(repo / "台账.csv") not in with_package.out + with_package.err


def test_a_hook_still_fails_a_broken_package_beside_other_files(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    signs = repo / "宁河目录" / "signs.csv"
    signs.write_text(signs.read_text(encoding="utf-8").replace(",plaque,", ",plaq,", 1), encoding="utf-8")
    result = invoke("validate", "--changed", str(repo / "settings.json"), str(signs))
    assert result.code == 1
    assert "signs.csv" in result.out


def test_without_changed_a_file_of_no_package_is_still_refused(tmp_path: Path) -> None:
    """Typed by hand, a ledger is no package: never passed over in silence (nor called valid)."""
    repo = _repository(tmp_path)
    result = invoke("validate", str(repo / "台账.csv"))
    assert result.code == 2


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_a_resource_renamed_without_its_descriptor_still_checks_the_package(
    tmp_path: Path, hook: dict[str, str]
) -> None:
    """git mv signs.csv 标牌.csv: the hook gets 标牌.csv alone, which the descriptor does not list; the package lost
    signs.csv and must be checked, never passed over as notes (所改动的文件都不属于数据包, exit 0)."""
    repo = _repository(tmp_path)
    package = repo / "宁河目录"
    (package / "signs.csv").rename(package / "标牌.csv")
    _, *command = hook["entry"].split()
    result = invoke(*command, str(package / "标牌.csv"))
    assert result.code != 0, result.out
    assert "signs.csv" in result.out + result.err


def test_a_deleted_file_checks_its_package_and_a_deleted_package_is_passed_over(tmp_path: Path) -> None:
    """git diff --name-only names deleted files too: a package's deleted resource is a change to the package (it
    was 无法读取：文件或文件夹不存在 of the file alone, exit 2); a whole package deleted leaves nothing to check."""
    repo = _repository(tmp_path)
    package = repo / "宁河目录"
    (package / "signs.csv").unlink()
    result = invoke("validate", "--changed", str(package / "signs.csv"))
    assert result.code == 1, result.out
    assert "资源文件 signs.csv 不存在" in result.out
    shutil.rmtree(package)
    gone = invoke("validate", "--changed", str(package / "signs.csv"), str(package / "datapackage.json"))
    assert (gone.code, gone.out) == (0, "所改动的文件都不属于数据包，无需检查\n")
    assert invoke("validate", str(package / "signs.csv")).code == 2  # typed by hand, a missing file is still refused


def test_a_resource_the_descriptor_lists_as_dot_slash_is_the_packages(tmp_path: Path) -> None:
    """A descriptor may write ./signs.csv (validate reads it): a broken signs.csv was passed over as no package's."""
    repo = _repository(tmp_path)
    package = repo / "宁河目录"
    edit(package / "datapackage.json", '"path": "signs.csv"', '"path": "./signs.csv"')
    assert invoke("validate", str(package)).code == 0
    signs = package / "signs.csv"
    signs.write_text(signs.read_text(encoding="utf-8").replace(",plaque,", ",plaq,", 1), encoding="utf-8")
    result = invoke("validate", "--changed", str(signs))
    assert result.code == 1, result.out


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_another_tools_data_package_beside_the_catalog_is_passed_over(tmp_path: Path, hook: dict[str, str]) -> None:
    """A ledger kept as a standard data package (其他/datapackage.json, no villagecat format, no layer) blocked every
    commit that touched it: 无法读取：datapackage.json 未声明格式…, exit 2. It is another tool's: passed over. A
    villagecat package that lost its format declaration still names its resources (duties, signs…): still checked."""
    repo = _repository(tmp_path)
    other = repo / "其他 数据"
    other.mkdir()
    (other / "台账.csv").write_text("村名,名称\n东村,居住证明\n", encoding="utf-8")
    (other / "datapackage.json").write_text(
        '{"name": "ledger", "resources": [{"name": "ledger", "path": "台账.csv", "format": "csv"}]}\n', encoding="utf-8"
    )
    _, *command = hook["entry"].split()
    alone = invoke(*command, str(other / "台账.csv"), str(other / "datapackage.json"))
    assert (alone.code, alone.out) == (0, "所改动的文件都不属于数据包，无需检查\n"), alone.err
    (other / "台账.csv").unlink()
    assert invoke(*command, str(other / "台账.csv")).code == 0  # a file of it deleted: still not villagecat's
    assert invoke("validate", str(other)).code == 2  # typed by hand, it is still refused, saying why
    ninghe = repo / "宁河目录"
    descriptor = ninghe / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    del data["villagecat"], data["layer"]
    descriptor.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lost = invoke(*command, str(ninghe / "signs.csv"))
    assert lost.code == 2, lost.out  # a catalog that lost its declaration is not passed over


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_a_packages_file_that_is_a_link_out_of_it_checks_the_package(tmp_path: Path, hook: dict[str, str]) -> None:
    """signs.csv made a link to a file outside every package was judged by where the link led and passed over
    (所改动的文件都不属于数据包, exit 0), though validate refuses the package for it. It is the package's file;
    a dangling link too."""
    repo = _repository(tmp_path)
    outside = tmp_path / "外面"
    outside.mkdir()
    signs = repo / "宁河目录" / "signs.csv"
    shutil.move(signs, outside / "signs.csv")
    signs.symlink_to(outside / "signs.csv")
    _, *command = hook["entry"].split()
    linked = invoke(*command, str(signs))
    assert linked.code != 0, linked.out
    assert "宁河目录" in linked.out + linked.err
    (outside / "signs.csv").unlink()
    dangling = invoke(*command, str(signs))
    assert dangling.code != 0, dangling.out
    assert "宁河目录" in dangling.out + dangling.err
