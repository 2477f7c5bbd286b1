"""Small inputs that would cost unbounded work, and readers that must not drop data.

Each case asserts the exit code, the message (file, place, budget or field) and that
nothing was written.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, REPO, invoke
from villagecat._budget import BUDGETS, exceeded, over

if TYPE_CHECKING:
    from collections.abc import Iterator

openpyxl = pytest.importorskip("openpyxl")


def _package(tmp: Path) -> Path:
    target = tmp / "pkg"
    shutil.copytree(NATIONAL, target)
    return target


def _zip_of(folder: Path, archive: Path) -> bytes:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(folder.iterdir()):
            zf.write(file, file.name)
    return archive.read_bytes()


def _outcome(*argv: str) -> tuple[int, str]:
    result = invoke(*argv)
    text = result.out + result.err
    assert "Traceback" not in text
    assert "内部错误" not in text
    return result.code, text


def test_a_far_away_cell_in_a_workbook_is_refused_before_reading(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "标牌"
    book.active["A1"] = "村名"
    book.active["XFD1048576"] = "x"
    book.save(tmp_path / "ledger.xlsx")
    assert (tmp_path / "ledger.xlsx").stat().st_size < 10_000
    code, text = _outcome("audit", str(tmp_path / "ledger.xlsx"), "-j", "120117")
    assert code == 2
    assert "ledger.xlsx，工作表“标牌”" in text  # as a ledger names its sheet (never ledger.xlsx:标牌)
    assert "VILLAGECAT_MAX_" in text
    assert invoke("export", str(NATIONAL), "-o", str(tmp_path / "n.xlsx")).code == 0
    exported = openpyxl.load_workbook(tmp_path / "n.xlsx")
    exported["工作事务"]["XFD1048576"] = "x"
    exported.save(tmp_path / "far.xlsx")
    code, text = _outcome("import", str(tmp_path / "far.xlsx"), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "far.xlsx，工作表“工作事务”" in text  # a catalog workbook's sheet too, never far.xlsx:工作事务
    assert not (tmp_path / "out").exists()


def test_a_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in NATIONAL.iterdir():
            zf.write(file, file.name)
        zf.writestr("padding.bin", b"\0" * (8 * 1024 * 1024))
    assert archive.stat().st_size < 200_000
    code, text = _outcome("validate", str(archive))
    assert code == 2
    assert "padding.bin" in text
    assert "压缩比" in text


def test_a_descriptor_listing_one_resource_ten_thousand_times_is_refused(tmp_path: Path) -> None:
    package = _package(tmp_path)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    # The smallest resource, so the count is over its budget before the file is over the byte budget.
    smallest = min(descriptor["resources"], key=lambda r: len(json.dumps(r)))
    descriptor["resources"] = [smallest] * 10_001
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    code, text = _outcome("validate", str(package))
    assert code == 2
    assert "数据包中的资源数为 10001" in text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("use", ["ledger", "patch", "resource"])
def test_a_fifo_is_never_opened(tmp_path: Path, use: str) -> None:
    fifo = tmp_path / ("ledger.csv" if use != "patch" else "p.json")
    os.mkfifo(fifo)
    if use == "ledger":
        code, text = _outcome("audit", str(fifo), "-j", "120117")
    elif use == "patch":
        code, text = _outcome("patch", str(NATIONAL), str(fifo), "-o", str(tmp_path / "out"))
    else:
        package = _package(tmp_path)
        (package / "duties.csv").unlink()
        os.mkfifo(package / "duties.csv")
        code, text = _outcome("validate", str(package))
    assert code == 2
    assert "不是普通文件" in text


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_as_a_ledger_is_refused() -> None:
    code, text = _outcome("audit", "/dev/zero", "-j", "120117")
    assert code == 2
    assert "/dev/zero" in text


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text("[" * 200 + "]" * 200, encoding="utf-8")
    code, out = _outcome("patch", str(NATIONAL), str(tmp_path / "p.json"), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "JSON 嵌套层数为 200 层，超过上限 64 层；" in out
    package = _package(tmp_path)
    (package / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, out = _outcome("validate", str(package))
    assert code == 2
    assert "JSON 嵌套层数至少为 900 层，超过上限 64 层；" in out  # as deep as the parser went: it was read no further
    assert not (tmp_path / "out").exists()


#: Each budget's words when it is exceeded by what was counted (150) and by what reading stopped past (at least 101).
_EXCEEDED = {
    "bytes": ("文件大小为 150 字节", "文件大小至少为 101 字节", "the file's size is 150 bytes"),
    "inflated": (
        "zip 解压后的大小为 150 字节",
        "zip 解压后的大小至少为 101 字节",
        "the zip's size once inflated is 150 bytes",
    ),
    "ratio": ("zip 成员的压缩比为 150", "zip 成员的压缩比至少为 101", "a zip member's inflation ratio is 150"),
    "members": ("zip 中的文件数为 150", "zip 中的文件数至少为 101", "the number of files in the zip is 150"),
    "resources": (
        "数据包中的资源数为 150",
        "数据包中的资源数至少为 101",
        "the number of resources in the descriptor is 150",
    ),
    "rows": ("表格行数为 150", "表格行数至少为 101", "the number of rows of one table is 150"),
    "columns": ("表格列数为 150", "表格列数至少为 101", "the number of columns of one table is 150"),
    "list": ("一个列表的条目数为 150", "一个列表的条目数至少为 101", "the number of entries of one list is 150"),
    "operations": (
        "一层对同一条目同一字段的覆盖操作数为 150",
        "一层对同一条目同一字段的覆盖操作数至少为 101",
        "the number of one layer's overrides of one field of one item is 150",
    ),
    "depth": ("JSON 嵌套层数为 150 层", "JSON 嵌套层数至少为 101 层", "the nesting depth of the JSON is 150 levels"),
}


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_every_budget_exceeded_reads_as_a_sentence(name: str) -> None:
    """It read 「JSON 嵌套层数为 不少于 900」 and 「bytes of one file is at least 101」: a phrase put in a slot."""
    budget = BUDGETS[name]
    counted, past, english = _EXCEEDED[name]
    unit_zh, unit_en = {"bytes": (" 字节", " bytes"), "inflated": (" 字节", " bytes"), "depth": (" 层", " levels")}.get(
        name, ("", "")
    )
    hint = f"；如确属正常，可设置环境变量 {budget.env} 调高上限"
    assert exceeded(name, "x", 150, 100).message_zh == f"{counted}，超过上限 100{unit_zh}{hint}"
    assert exceeded(name, "x", over(100), 100).message_zh == f"{past}，超过上限 100{unit_zh}{hint}"
    assert exceeded(name, "x", 150, 100).message_en == (
        f"{english}, over the limit of 100{unit_en}; raise it with {budget.env} if the input is genuine"
    )
    at_least = english.replace(" is 150", " is at least 101")
    assert exceeded(name, "x", over(100), 100).message_en.startswith(f"{at_least}, over the limit of 100{unit_en};")


@pytest.mark.parametrize("where", ["descriptor", "resource", "patch"])
def test_an_integer_of_five_thousand_digits_is_refused(tmp_path: Path, where: str) -> None:
    package = _package(tmp_path)
    huge = "9" * 5000
    if where == "descriptor":
        text = (package / "datapackage.json").read_text(encoding="utf-8")
        (package / "datapackage.json").write_text(text[:-2] + f', "n": {huge}}}\n', encoding="utf-8")
        code, out = _outcome("validate", str(package))
        assert code == 2
    elif where == "resource":
        descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
        spec = next(r for r in descriptor["resources"] if r["name"] == "duties")
        spec.update(path="duties.json", format="json")
        (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        (package / "duties.json").write_text(f"[{huge}]", encoding="utf-8")
        code, out = _outcome("validate", str(package))
        assert code == 1
        assert "duties.json" in out
    else:
        (tmp_path / "p.json").write_text(f"[{huge}]", encoding="utf-8")
        code, out = _outcome("patch", str(NATIONAL), str(tmp_path / "p.json"), "-o", str(tmp_path / "out"))
        assert code == 2
        assert not (tmp_path / "out").exists()
    assert "数字过长" in out


def _damaged_zip(tmp_path: Path, how: str) -> Path:
    archive = tmp_path / f"{how}.zip"
    data = bytearray(_zip_of(NATIONAL, tmp_path / "good.zip"))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("duties.csv")
    offset = info.header_offset
    name_length, extra_length = struct.unpack("<HH", data[offset + 26 : offset + 30])
    start = offset + 30 + name_length + extra_length
    if how == "crc":
        data[start + 10] ^= 0xFF
    elif how == "encrypted":
        data[offset + 6] |= 0x1
        central = data.rfind(b"PK\x01\x02" + data[offset + 4 : offset + 6])
        central = bytes(data).find(b"PK\x01\x02", 0)
        while central != -1:
            (length,) = struct.unpack("<H", data[central + 28 : central + 30])
            if bytes(data[central + 46 : central + 46 + length]) == b"duties.csv":
                data[central + 8] |= 0x1
            central = bytes(data).find(b"PK\x01\x02", central + 4)
    elif how == "method":
        data[offset + 8 : offset + 10] = struct.pack("<H", 99)
        central = bytes(data).find(b"PK\x01\x02", 0)
        while central != -1:
            (length,) = struct.unpack("<H", data[central + 28 : central + 30])
            if bytes(data[central + 46 : central + 46 + length]) == b"duties.csv":
                data[central + 10 : central + 12] = struct.pack("<H", 99)
            central = bytes(data).find(b"PK\x01\x02", central + 4)
    archive.write_bytes(bytes(data))
    return archive


@pytest.mark.parametrize(
    ("how", "fragment"), [("crc", "已损坏"), ("encrypted", "设了密码"), ("method", "压缩方式不受支持")]
)
def test_a_damaged_zip_is_one_clear_error(tmp_path: Path, how: str, fragment: str) -> None:
    code, text = _outcome("validate", str(_damaged_zip(tmp_path, how)))
    assert code == 2
    assert fragment in text
    assert "duties.csv" in text


def test_a_resource_path_that_is_a_folder(tmp_path: Path) -> None:
    package = _package(tmp_path)
    (package / "duties.csv").unlink()
    (package / "duties.csv").mkdir()
    code, text = _outcome("validate", str(package))
    assert code == 2
    assert "这是文件夹" in text


def test_without_git_a_revision_spec_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("PATH", "/nonexistent")
    code, text = _outcome("diff", "HEAD:data/national", str(NATIONAL))
    assert code == 2
    assert "需要安装 git" in text


def test_a_git_blob_is_measured_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs the repository's git history")
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("VILLAGECAT_MAX_BYTES", "1000")
    code, text = _outcome("diff", "HEAD:data/national", str(NATIONAL))
    assert code == 2
    assert "超过上限 1000" in text


def test_a_missing_revision_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs the repository's git history")
    monkeypatch.chdir(REPO)
    code, text = _outcome("diff", "no-such-rev-xyz:data/national", str(NATIONAL))
    assert code == 2
    assert "git 版本 no-such-rev-xyz 不存在" in text


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (
            "village,category,name\n甲村,certificate,无犯罪记录证明,多出的一格\n",
            "第 2 行：本行有 4 列，表头有 3 列",
        ),
        ("village,category,name,name\n甲村,certificate,无犯罪记录证明,x\n", "字段 name：表头中列名重复"),
        (
            "村名,village,category,name\n甲村,甲村,certificate,无犯罪记录证明\n",
            "字段 村名：表头中列名重复",
        ),
    ],
    ids=["extra-cell", "duplicated-header", "same-column-twice"],
)
def test_a_ledger_csv_never_drops_a_cell(tmp_path: Path, content: str, fragment: str) -> None:
    (tmp_path / "ledger.csv").write_text(content, encoding="utf-8")
    code, text = _outcome("audit", str(tmp_path / "ledger.csv"), "-j", "120117")
    assert code == 1
    assert fragment in text


def test_a_duplicated_yaml_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ledger.yaml").write_text(
        "village: 甲村\ncertificates: [无犯罪记录证明]\ncertificates: [出生证明]\n", encoding="utf-8"
    )
    code, text = _outcome("audit", str(tmp_path / "ledger.yaml"), "-j", "120117")
    assert code == 2
    assert "键“certificates”重复" in text
    assert "（第 3 行第 1 列）" in text


def test_a_yaml_ledger_of_the_wrong_shape(tmp_path: Path) -> None:
    (tmp_path / "ledger.yaml").write_text("village: 甲村\nsigns: 5\n", encoding="utf-8")
    code, text = _outcome("audit", str(tmp_path / "ledger.yaml"), "-j", "120117")
    assert code == 1
    assert "字段 标牌（signs）：应为列表" in text


def _workbook_with_sheet(tmp_path: Path, title: str) -> Path:
    assert invoke("export", str(NATIONAL), "-o", str(tmp_path / "n.xlsx")).code == 0
    book = openpyxl.load_workbook(tmp_path / "n.xlsx")
    book["证明事项"].title = title
    book.save(tmp_path / "renamed.xlsx")
    return tmp_path / "renamed.xlsx"


def test_a_sheet_name_with_a_trailing_space_still_imports(tmp_path: Path) -> None:
    workbook = _workbook_with_sheet(tmp_path, "证明事项 ")
    code, text = _outcome("import", str(workbook), "-o", str(tmp_path / "out"))
    assert code == 0, text
    assert "cn.certificate.no-criminal-record" in (tmp_path / "out" / "certificates.csv").read_text(encoding="utf-8")


def test_a_renamed_sheet_is_an_error_naming_the_name_it_had(tmp_path: Path) -> None:
    workbook = _workbook_with_sheet(tmp_path, "证明事项清单")
    code, text = _outcome("import", str(workbook), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "工作表“证明事项清单”的列名与“证明事项”表相同，像是改了表名；请把表名改回“证明事项”" in text
    assert not (tmp_path / "out").exists()


def _fresh_cli(env: dict[str, str], *argv: str) -> tuple[int, str]:
    """Run the CLI in a new process (the shipped layers and the list budget are read once per process)."""
    code = "import sys\nfrom villagecat.cli import main\nmain(sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        env={**os.environ, "LANG": "C.UTF-8", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    text = done.stdout + done.stderr
    assert "Traceback" not in text
    assert "内部错误" not in text
    return done.returncode, text


def test_lowered_budgets_bound_the_users_inputs_not_the_shipped_layers(tmp_path: Path) -> None:
    """A shipped layer is villagecat's own: it is read at the default budgets (it once failed as "内部错误")."""
    lowered = {"VILLAGECAT_MAX_ROWS": "5", "VILLAGECAT_MAX_RESOURCES": "11", "VILLAGECAT_MAX_COLUMNS": "4"}
    code, text = _fresh_cli(lowered, "catalog", "220000")
    assert code == 0, text
    assert "吉林省" in text
    code, text = _fresh_cli(lowered, "validate", str(_package(tmp_path)))
    assert code == 2, text
    assert "VILLAGECAT_MAX_RESOURCES" in text


def _longest_shipped_list() -> int:
    """The most entries of any list in the shipped layers (their items and layer descriptions)."""
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    longest = 0
    for package in shipped_registry():
        for value in (package.layer, *(i for name in package.counts() for i in package.resource(name))):
            lengths = [len(v) for v in value.__dict__.values() if isinstance(v, tuple)]
            longest = max(longest, *lengths, 0)
    return longest


def test_a_list_budget_the_shipped_lists_exceed_is_named() -> None:
    code, text = _fresh_cli({"VILLAGECAT_MAX_LIST": "1"}, "layers")
    assert code == 2, text
    assert "VILLAGECAT_MAX_LIST" in text
    assert "national" in text


def test_an_override_growing_a_list_past_the_list_budget_is_a_conflict(tmp_path: Path) -> None:
    """Adding entries past the budget is the merge's invalid_value conflict (it once raised ValueError)."""
    budget = _longest_shipped_list()
    county = Path(shutil.copytree(REPO / "data/provinces/140000-shanxi/140404-shangdang", tmp_path / "county"))
    aliases = "|".join(f"别名{i}" for i in range(budget + 1))
    row = (
        "140404.override.many-aliases,cn.sign.party-organisation aliases,140404.clause.implementation-plan-2-2-1,"
        f",,,cn.sign.party-organisation,aliases,add,{aliases}\n"
    )  # a sign without aliases of its own (Shangdang renames the service guide and the function-area plaque)
    with (county / "overrides.csv").open("a", encoding="utf-8") as file:
        file.write(row)
    code, text = _fresh_cli({"VILLAGECAT_MAX_LIST": str(budget)}, "validate", str(county))
    assert code == 1, text
    assert "cn.sign.party-organisation" in text
    assert "overrides.csv" in text
    code, _ = _fresh_cli({"VILLAGECAT_MAX_LIST": str(budget + 1)}, "validate", str(county))
    assert code == 0


def test_a_pattern_of_many_placeholders_is_matched_without_backtracking() -> None:
    """``XXXXXXXXXXXXXXXX村民委员会`` became nested ``.+``: 23 s for a 70-character plaque text, more beyond.

    The old matcher would not finish this test; the new one reads each part once.
    """
    from villagecat.checks.signage import _fits  # noqa: PLC0415

    pattern = "XX" * 40 + "村民委员会"
    assert not _fits(pattern, "甲" * 5000 + "村民委员")
    assert _fits(pattern, "甲" * 5000 + "村民委员会")
    assert not _fits(pattern, "甲" * 39 + "村民委员会")  # forty names need forty characters
    assert _fits("XX村（社区）党群服务中心", "光明社区党群服务中心")
    assert not _fits("XX村XX", "甲村")


def test_a_deeply_nested_review_file_or_ledger_is_refused_by_name(tmp_path: Path) -> None:
    """A RecursionError reached the CLI as 输入过大或嵌套过深, naming no file."""
    from conftest import invoke  # noqa: PLC0415

    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    for args in (("diff", "120117", "120117", "--levels", str(deep)), ("audit", str(deep), "-j", "120117")):
        result = invoke(*args)
        assert result.code == 2
        assert f"{deep}：" in result.err
        assert "VILLAGECAT_MAX_DEPTH" in result.err


def test_long_task_texts_are_not_kept_after_admit_returns() -> None:
    """40 calls of ``admit`` with long task texts left 332 MiB in the name cache."""
    import villagecat  # noqa: PLC0415
    from villagecat._names import _cached_normalise  # noqa: PLC0415
    from villagecat.checks import admit  # noqa: PLC0415

    catalog = villagecat.resolve("120117")
    admit(catalog, ["协助开展"])  # the catalog's own names, cached once
    before = _cached_normalise.cache_info().currsize
    for n in range(5):
        admit(catalog, [f"协助开展{n}" + "甲" * 100_000])
    assert _cached_normalise.cache_info().currsize - before < 5


def test_a_number_too_large_for_a_float_is_an_invalid_measurement() -> None:
    """``FacilityFigures(households=10**400)`` raised OverflowError, not InvalidMeasurementError."""
    from villagecat.checks import (  # noqa: PLC0415
        ActualSign,
        FacilityFigures,
        InvalidMeasurementError,
    )
    from villagecat.models import Placement  # noqa: PLC0415

    with pytest.raises(InvalidMeasurementError, match="一个 401 位数"):
        FacilityFigures(floor_area_m2=300, households=10**400)
    with pytest.raises(InvalidMeasurementError):
        ActualSign(village="甲村", text="村民委员会", placement=Placement.OUTSIDE, width_cm=10**400)


def test_thousands_of_operations_on_one_list_are_refused_before_they_cost_gigabytes(tmp_path: Path) -> None:
    """A 3 MB package of 3 × 9,990 ``add`` rows took 110 s and 2.7 GiB to validate."""
    sys.path.insert(0, str(Path(__file__).parent.parent))
    from layers import child_layer  # noqa: PLC0415
    from villagecat.errors import BudgetExceededError  # noqa: PLC0415
    from villagecat.merging import merge  # noqa: PLC0415
    from villagecat.package import save_layer  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415
    from villagecat.validation import validate  # noqa: PLC0415

    target = "220000.facility.village-function-areas"
    ops = [{"target": target, "field": "function_areas", "op": "add", "value": f"室{i}"} for i in range(1001)]
    county = child_layer("220000", "220102", overrides=ops)
    registry = shipped_registry()
    with pytest.raises(BudgetExceededError, match="VILLAGECAT_MAX_OPERATIONS"):
        merge([*registry.chain(registry.find("220000")), county])
    report = validate(save_layer(county, tmp_path / "county"))
    assert [(p.code, p.field) for p in report.problems] == [("budget-operations", f"{target}.function_areas")]


def test_restating_rows_count_toward_the_operations_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """9,000 restating rows of one item validated as 有效 after 30 s and 1.5 GB: only overrides were counted."""
    sys.path.insert(0, str(Path(__file__).parent.parent))
    from layers import child_layer  # noqa: PLC0415
    from villagecat.models import Obligation  # noqa: PLC0415
    from villagecat.package import save_layer  # noqa: PLC0415
    from villagecat.validation import validate  # noqa: PLC0415

    monkeypatch.setenv("VILLAGECAT_MAX_OPERATIONS", "10")
    rows = [
        Obligation.model_validate(
            {
                "id": f"220102.obligation.r{n}",
                "name": f"重申{n}",
                "citations": ["220000.document.measures#一"],
                "restates": "cn.obligation.no-forms-without-deployment",
                "tasks": [f"事项{n}"],
            }
        )
        for n in range(11)
    ]
    report = validate(save_layer(child_layer("220000", "220102", obligations=rows), tmp_path / "county"))
    assert [p.code for p in report.problems] == ["budget-operations"]


def test_a_plaque_text_is_read_as_names_are() -> None:
    """东风村 党群服务中心 (a space) and 東風村黨群服務中心 (traditional) were 不得悬挂 and reported missing."""
    from villagecat.checks.signage import _fits  # noqa: PLC0415

    assert _fits("XX村（社区）党群服务中心", "东风村 党群服务中心")
    assert _fits("XX村（社区）党群服务中心", "東風村黨群服務中心")
    assert not _fits("XX村民委员会", "村民委员会")


@contextlib.contextmanager
def _at_most(seconds: int) -> Iterator[None]:
    """Stop what runs inside with a TimeoutError if it takes longer than ``seconds`` (where there is SIGALRM).

    Raised inside a command, the error is reported as a defect (exit 3), which the test rejects.
    """
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def fail(*_: object) -> None:
        raise TimeoutError(seconds)

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    ("old", "new"),
    [("长" * 20_000, "长" * 15_000), ("甲乙" * 10_000, "乙甲" * 10_000)],
    ids=["repeated", "nothing-in-common"],
)
def test_a_diff_of_long_texts_is_shown_at_a_bounded_cost(tmp_path: Path, old: str, new: str) -> None:
    """Two notes of 12,000 and 9,000 characters took `diff` 90 s (difflib matches every pair), more beyond.

    The old matcher would not finish this test; the new one matches what lies between the
    common start and end, and shows it replaced whole when that is still too long.
    """
    sides = []
    for name, text in (("old", old), ("new", new)):
        side = tmp_path / name
        assert invoke("upgrade", str(NATIONAL), "-o", str(side), "--format", "json").code == 0
        path = side / "duties.json"
        rows = json.loads(path.read_text(encoding="utf-8"))
        rows[1][rows[0].index("notes")] = text
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        sides.append(str(side))
    with _at_most(seconds=20):  # about one second here; the old matcher took minutes
        code, text = _outcome("diff", *sides)
    assert code == 0
    line = next(line for line in text.splitlines() if "的“备注”" in line)
    assert "〔删：" in line
    assert len(line) < len(old) + len(new) + 200  # each text once at most, with a little context
