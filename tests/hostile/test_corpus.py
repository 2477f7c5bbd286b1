"""The bad-input corpus: each case asserts its exit code and its one clear message.

Exit 1 means invalid data, 2 means the input cannot be read at all. No case may print a
traceback, and no command may leave a half-written output behind.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import NATIONAL, invoke

Setup = Callable[[Path], list[str]]


@dataclass(frozen=True)
class Case:
    name: str
    setup: Setup
    code: int
    fragment: str


def pkg(tmp: Path) -> Path:
    target = tmp / "pkg"
    if not target.exists():
        shutil.copytree(NATIONAL, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def descriptor(tmp: Path, change: Callable[[dict[str, Any]], None]) -> list[str]:
    path = pkg(tmp) / "datapackage.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return ["validate", str(pkg(tmp))]


def write(tmp: Path, name: str, content: str | bytes, argv: list[str]) -> list[str]:
    path = tmp / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return [a.replace("{}", str(path)) for a in argv]


def remove(tmp: Path, name: str) -> list[str]:
    (pkg(tmp) / name).unlink()
    return ["validate", str(pkg(tmp))]


def resource(tmp: Path, name: str, content: str | bytes) -> list[str]:
    path = pkg(tmp) / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return ["validate", str(pkg(tmp))]


def replace(tmp: Path, name: str, old: str, new: str) -> list[str]:
    edit(pkg(tmp) / name, old, new)
    return ["validate", str(pkg(tmp))]


def child(tmp: Path, parent: dict[str, str]) -> list[str]:
    target = pkg(tmp)
    for file in target.glob("*.csv"):
        file.write_text(file.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    return descriptor(
        tmp,
        lambda d: d["layer"].update(
            id="220102",
            level="county",
            division_code="220102",
            name_zh="测试区",
            name_en="Test",
            slug="test",
            parent=parent,
        ),
    )


def json_resource(tmp: Path, text: str) -> list[str]:
    (pkg(tmp) / "duties.json").write_text(text, encoding="utf-8")

    def change(d: dict[str, Any]) -> None:
        next(r for r in d["resources"] if r["name"] == "duties").update(path="duties.json", format="json")

    return descriptor(tmp, change)


def cycle(tmp: Path) -> list[str]:
    a = tmp / "a"
    b = tmp / "b"
    for target, code, parent in ((a, "220102", "220103"), (b, "220103", "220102")):
        shutil.copytree(NATIONAL, target)
        for file in target.glob("*.csv"):
            file.write_text(file.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        path = target / "datapackage.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["layer"].update(
            id=code,
            level="county",
            division_code=code,
            name_zh="测",
            name_en="T",
            slug="t",
            parent={"id": parent, "version_range": ">=0.1"},
        )
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return ["validate", str(a), str(b)]


def big(tmp: Path) -> list[str]:
    path = pkg(tmp) / "duties.csv"
    with path.open("r+b") as handle:
        handle.truncate(100 * 1024 * 1024)  # a sparse 100 MB file: large to stat, cheap to make
    return ["validate", str(pkg(tmp))]


def symlink(tmp: Path) -> list[str]:
    outside = tmp / "outside.csv"
    outside.write_text("id\n", encoding="utf-8")
    (pkg(tmp) / "duties.csv").unlink()
    (pkg(tmp) / "duties.csv").symlink_to(outside)
    return ["validate", str(pkg(tmp))]


def zipped(tmp: Path, twice: bool) -> list[str]:
    archive = tmp / "p.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in NATIONAL.iterdir():
            zf.write(file, f"a/{file.name}")
            if twice:
                zf.write(file, f"b/{file.name}")
    return ["validate", str(archive)]


def placeholder(tmp: Path) -> list[str]:
    path = pkg(tmp) / "certificates.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[0].update(status="retained", template="兹证明{姓名", placeholders="姓名")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return ["validate", str(pkg(tmp))]


def bomb(levels: int = 20) -> str:
    lines = ["l0: &l0 [x, x, x]"] + [f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}]" for i in range(1, levels)]
    return "\n".join([*lines, f"villages: [*l{levels - 1}]"]) + "\n"


HEADER = "village,category,name,placement,width_cm\n"
AUDIT = ["audit", "{}", "-j", "120117"]

CASES = [
    # the descriptor
    Case(
        "descriptor-malformed-json",
        lambda t: resource(t, "datapackage.json", "{ not json"),
        2,
        "JSON 格式错误，第 1 行第 3 列",
    ),
    Case("descriptor-not-an-object", lambda t: resource(t, "datapackage.json", "[1, 2]"), 2, "内容应为 JSON 对象"),
    Case("descriptor-not-utf8", lambda t: resource(t, "datapackage.json", b"\xff\xfe{}"), 2, "不是 UTF-8 编码的文本"),
    Case(
        "descriptor-missing",
        lambda t: remove(t, "datapackage.json"),
        2,
        "该文件夹中没有 datapackage.json",
    ),
    Case("path-missing", lambda t: ["validate", str(t / "nowhere")], 2, "文件或文件夹不存在"),
    Case(
        "not-a-package",
        lambda t: write(t, "x.txt", "hello", ["validate", "{}"]),
        2,
        "不是数据包文件夹、datapackage.json 或 zip",
    ),
    Case("zip-with-two-packages", lambda t: zipped(t, twice=True), 2, "zip 中须有且仅有一个 datapackage.json"),
    Case("zip-valid", lambda t: zipped(t, twice=False), 0, "有效"),
    Case(
        "layer-missing",
        lambda t: descriptor(t, lambda d: d.pop("layer")),
        1,
        "datapackage.json\n    字段 layer：应为对象",
    ),
    Case("resources-not-array", lambda t: descriptor(t, lambda d: d.update(resources={})), 1, "缺少 resources 数组"),
    Case(
        "unknown-resource",
        lambda t: descriptor(t, lambda d: d["resources"][1].update(name="tasks")),
        1,
        "未知的资源名“tasks”",
    ),
    Case(
        "duplicate-resource",
        lambda t: descriptor(
            t, lambda d: d["resources"].append(next(r for r in d["resources"] if r["name"] == "duties"))
        ),
        1,
        "资源 duties 重复",
    ),
    Case(
        "unsupported-format",
        lambda t: descriptor(t, lambda d: d["resources"][1].update(format="xls")),
        1,
        "不支持的格式“xls”",
    ),
    Case(
        "path-traversal",
        lambda t: descriptor(t, lambda d: d["resources"][1].update(path="../../etc/passwd")),
        1,
        "不安全的资源路径 ../../etc/passwd：路径中有“..”（上一级文件夹）",
    ),
    Case(
        "path-absolute",
        lambda t: descriptor(t, lambda d: d["resources"][1].update(path="/etc/passwd")),
        1,
        "不安全的资源路径 /etc/passwd：不允许使用绝对路径",
    ),
    Case(
        "path-nul",
        lambda t: descriptor(t, lambda d: d["resources"][1].update(path="clauses.csv\x00")),
        1,
        "不安全的资源路径 clauses.csv〔U+0000〕：路径中有控制字符（如 NUL）",
    ),
    Case(
        "path-url",
        lambda t: descriptor(t, lambda d: d["resources"][1].update(path="https://example.org/d.csv")),
        1,
        "不读取网络上的数据",
    ),
    # A file villagecat will not read is input that cannot be read (exit 2), as a pipe or a folder is: one line.
    Case("path-symlink-outside", symlink, 2, "duties.csv\n    无法读取：是指向数据包之外的链接，拒绝读取"),
    Case(
        "resource-file-missing",
        lambda t: remove(t, "signs.csv"),
        1,
        "资源文件 signs.csv 不存在",
    ),
    Case("file-of-100-mb", big, 2, "超过上限"),
    # CSV
    Case(
        "csv-unterminated-quote",
        lambda t: replace(t, "duties.csv", "cn.duty.self-building,", 'cn.duty.self-building,"'),
        1,
        "CSV 格式错误",
    ),
    Case(
        "csv-row-width",
        lambda t: replace(t, "duties.csv", "cn.duty.self-building,", "cn.duty.self-building,,"),
        1,
        "duties.csv\n    第 3 行：本行有 17 列，表头有 16 列",
    ),
    Case(
        "csv-gbk",
        lambda t: resource(t, "duties.csv", (pkg(t) / "duties.csv").read_text(encoding="utf-8").encode("gb18030")),
        1,
        "文件是 GBK/GB18030 编码",
    ),
    Case(
        "csv-not-text",
        lambda t: resource(t, "duties.csv", b"\x89PNG\r\n\x1a\n\x00\xff\xfe"),
        1,
        "不是 UTF-8 编码的文本",
    ),
    Case(
        "csv-bom",
        lambda t: resource(t, "duties.csv", b"\xef\xbb\xbf" + (pkg(t) / "duties.csv").read_bytes()),
        0,
        "有效",
    ),
    Case(
        "csv-mixed-line-endings",
        lambda t: resource(
            t, "duties.csv", (pkg(t) / "duties.csv").read_text(encoding="utf-8").replace("\n", "\r\n", 5)
        ),
        0,
        "有效",
    ),
    Case("csv-empty", lambda t: resource(t, "duties.csv", ""), 1, "文件为空，缺少表头"),
    Case(
        "csv-unknown-column",
        lambda t: replace(t, "duties.csv", "id,name,", "id,label,"),
        1,
        "第 1 行 字段 label：未知的列",
    ),
    Case(
        "csv-duplicate-column",
        lambda t: replace(t, "duties.csv", "id,name,citations,", "id,name,name,"),
        1,
        "字段 name（名称）：列名重复",
    ),
    Case(
        "csv-missing-required-column",
        lambda t: replace(t, "mechanisms.csv", "mechanism_type", "type"),
        1,
        "字段 mechanism_type（机制类型）：缺少必填列",
    ),
    # JSON resources
    Case("json-resource-malformed", lambda t: json_resource(t, "[{]"), 1, "duties.json\n    第 1 行：JSON 格式错误"),
    Case("json-resource-not-array", lambda t: json_resource(t, "{}"), 1, "应为数组：第一项是字段名的数组"),
    Case("json-resource-entry-not-object", lambda t: json_resource(t, "[1]"), 1, "第 1 条：每一条应为对象"),
    # content
    Case(
        "duplicate-id",
        lambda t: replace(t, "duties.csv", "cn.duty.self-building,", "cn.duty.publicise-party-policy,"),
        1,
        "标识 cn.duty.publicise-party-policy 重复",
    ),
    Case(
        "foreign-namespace",
        lambda t: replace(t, "duties.csv", "cn.duty.self-building,", "120117.duty.self-building,"),
        1,
        "应以本层标识 cn 开头",
    ),
    Case(
        "unknown-enum",
        lambda t: replace(t, "duties.csv", ",performs,", ",perform,"),
        1,
        "字段 duty_kind（事项类别）：取值不在允许范围内",
    ),
    Case(
        "missing-required-value",
        lambda t: replace(t, "certificates.csv", ",not_to_issue,", ",,"),
        1,
        "字段 status（状态）：缺少必填字段",
    ),
    Case(
        "not-a-number",
        lambda t: replace(t, "facilities.csv", ",30,", ",thirty,"),
        1,
        "字段 min_area_per_100_households_m2（每百户最小面积（平方米））：应为数字",
    ),
    Case(
        "unknown-document",
        lambda t: replace(t, "certificates.csv", "cn.clause.minfa-2020-20-annex-1|", "cn.document.nope#一|"),
        1,
        "cn.document.nope 不存在",
    ),
    Case(
        "malformed-citation",
        lambda t: replace(t, "certificates.csv", "cn.clause.minfa-2020-20-annex-1|", "第1项|"),
        1,
        "出处写作“文件标识#条款”",
    ),
    Case(
        "unbalanced-placeholder",
        placeholder,
        1,
        "第 2 行 字段 template（证明内容范本）：取值无效：第 4 个字处的左花括号没有闭合",
    ),
    # parents
    Case("unknown-parent", lambda t: child(t, {"id": "110000", "version_range": ">=0.1"}), 1, "上级层 110000 不存在"),
    Case("parent-cycle", cycle, 1, "形成循环"),
    Case(
        "bad-version-range", lambda t: child(t, {"id": "220000", "version_range": "latest"}), 1, "版本范围写作 >=0.3.0"
    ),
    # YAML and other inputs
    Case("yaml-malformed", lambda t: write(t, "l.yaml", "villages: [\n", AUDIT), 2, "YAML 格式错误或不安全"),
    Case(
        "yaml-python-object",
        lambda t: write(t, "l.yaml", 'villages:\n  - !!python/object/apply:os.system ["echo hi"]\n', AUDIT),
        2,
        "含有不允许的标签（!!…）",
    ),
    Case("yaml-alias-bomb", lambda t: write(t, "l.yaml", bomb(), AUDIT), 2, "别名（*）展开后内容过多，拒绝读取"),
    Case(
        "ledger-neither-utf8-nor-gbk",
        lambda t: write(t, "l.csv", HEADER.encode() + b"\xff\xfe\x80\x80,certificate,,,\n", AUDIT),
        2,
        "既不是 UTF-8 也不是 GBK 编码的文本",
    ),
    Case(
        "ledger-not-a-number",
        lambda t: write(t, "l.csv", HEADER + "甲村,sign,XX村民委员会,outside,wide\n", AUDIT),
        1,
        "第 2 行，字段 width_cm：“wide”不是数字",
    ),
    Case(
        "ledger-unknown-category",
        lambda t: write(t, "l.csv", HEADER + "甲村,plaque,XX村民委员会,outside,\n", AUDIT),
        1,
        "第 2 行，字段 category：“plaque”应为",
    ),
    Case(
        "ledger-bad-vocabulary",
        lambda t: write(t, "l.csv", HEADER + "甲村,sign,XX村民委员会,upstairs,\n", AUDIT),
        1,
        "第 2 行，字段 placement：“upstairs”应为 外部、内部 之一",
    ),
    Case(
        "levels-file-bad",
        lambda t: write(
            t, "levels.yaml", "sign-text-changed: fatal\n", ["diff", str(NATIONAL), str(NATIONAL), "--levels", "{}"]
        ),
        2,
        "sign-text-changed: fatal 不是已知的变更代码或级别",
    ),
    Case(
        "patch-malformed",
        lambda t: write(t, "p.json", "[{", ["patch", str(NATIONAL), "{}", "-o", str(t / "out")]),
        2,
        "p.json：JSON 格式错误，第 1 行第 3 列",
    ),
    Case(
        "patch-bad-path",
        lambda t: write(
            t,
            "p.json",
            '[{"op": "replace", "path": "/layer/nope/x", "value": 1}]',
            ["patch", str(NATIONAL), "{}", "-o", str(t / "out")],
        ),
        1,
        "第 1 项操作：路径 /layer/nope/x 不存在",
    ),
    Case(
        "workbook-not-a-workbook",
        lambda t: write(t, "w.xlsx", b"PK\x03\x04 broken", ["import", "{}", "-o", str(t / "out")]),
        2,
        "不是 Excel 工作簿（.xlsx）",
    ),
    Case("unknown-jurisdiction", lambda _: ["catalog", "北京市"], 2, "没有与“北京市”对应的目录层"),
]


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_gets_one_clear_message_and_its_exit_code(case: Case, tmp_path: Path) -> None:
    argv = case.setup(tmp_path)
    result = invoke(*argv)
    output = result.out + result.err
    assert result.code == case.code, output
    assert case.fragment in output, output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists(), "a failed command left output behind"
    assert not list(tmp_path.glob(".*.tmp"))
    assert not list(tmp_path.glob(".out.*"))
