"""The message catalog: every phrase in both languages, with the same fields to fill."""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pytest

import villagecat
import villagecat.cli  # importing the commands registers every pattern's words
from conftest import REPO, invoke
from villagecat._budget import load_json
from villagecat._i18n import MESSAGES, Both, pair, say
from villagecat.errors import PackageReadError
from villagecat.package import read_package

NATIONAL = Path(__file__).resolve().parent.parent / "data" / "national"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(template: str) -> set[str]:
    return {name.split("!")[0].split(":")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


#: Fields one language leaves out on purpose: a merge conflict in Chinese names the rule in
#: words; in English it names the rule's code and the case's detail. So does a finding.
_ONE_LANGUAGE_ONLY = {
    "merge-conflict": {"detail"},
    "merge-conflict-field": {"detail"},
    # A finding's code (signage-missing) is a slug a clerk cannot read: shown in English and JSON only.
    "report-finding": {"code"},
    # PyYAML's own words: under --lang en only.
    "yaml-parse-problem": {"problem"},
    # The XML parser's own words: under --lang en only.
    "workbook-sheet-damaged": {"detail"},
    # openpyxl's and zipfile's own words: under --lang en only (a clerk is told what to do instead).
    "workbook-unreadable": {"detail"},
    "zip-compression": {"detail"},
    "zip-encrypted": {"detail"},
    "zip-damaged": {"detail"},
}


def test_every_message_has_both_languages_and_the_same_fields() -> None:
    assert len(MESSAGES) > 150
    for key, (zh, en) in MESSAGES.items():
        assert zh.strip(), key
        assert en.strip(), key
        assert _fields(zh) ^ _fields(en) == _ONE_LANGUAGE_ONLY.get(key, set()), key
        if not key.startswith("pattern "):
            assert _CJK.search(zh) or not _CJK.search(en), f"{key}: the Chinese is not Chinese"


def test_a_value_given_in_both_languages_is_taken_in_the_phrase_s_language() -> None:
    zh, en = pair("facility-function-areas-missing", missing=Both("党员活动室、图书室", "党员活动室, 图书室"))
    assert zh == "缺少功能区域：党员活动室、图书室"
    assert en == "missing function areas: 党员活动室, 图书室"
    assert say("timeline-none", "en") == "no layer of this jurisdiction sets a deadline"


def test_no_message_is_written_outside_the_catalog() -> None:
    """Errors, findings and problems take their words from the catalog, never from a literal at the call."""
    import ast  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    import villagecat  # noqa: PLC0415

    root = Path(villagecat.__file__).parent
    makers = ("Error", "Finding", "Problem", "_problem")
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "_i18n.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if not name.endswith(makers):
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                texts = [c.value for c in ast.walk(arg) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
                if any(_CJK.search(t) for t in texts):
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not found, found


@pytest.mark.parametrize(
    "text",
    ["[1,]", '{"a" 1}', "{a:1}", "[1 2]", '["abc', '["a\nb"]', '["\\u12"]', '["\\x"]', "[1] 2", '{"a":1,}', "1" * 5000],
)
def test_malformed_json_is_worded_in_chinese(text: str) -> None:
    """Python's JSON decoder speaks English; a clerk reads what it found in Chinese (with line and column)."""
    with pytest.raises(PackageReadError) as caught:
        load_json(text, "duties.json")
    zh, en = caught.value.message_zh, caught.value.message
    assert not re.findall(r"[A-Za-z]{3,}", zh.replace("JSON", "")), zh
    assert _CJK.search(zh)
    assert not _CJK.search(en), en


@pytest.mark.parametrize("text", ['id,name\nx,"y\n', 'id,name\nx,"y"z\n'])
def test_malformed_csv_is_worded_in_chinese(tmp_path: Path, text: str) -> None:
    """Python's CSV reader speaks English; a clerk reads what it found in Chinese."""
    folder = tmp_path / "national"
    shutil.copytree(NATIONAL, folder)
    (folder / "duties.csv").write_bytes(text.encode())
    _, report = read_package(folder)
    problem = next(p for p in report.problems if p.code == "csv-syntax")
    assert not re.findall(r"[A-Za-z]{3,}", problem.message_zh.replace("CSV", "")), problem.message_zh
    assert not _CJK.search(problem.message_en), problem.message_en


@pytest.mark.parametrize(
    ("target", "field", "value", "fragment"),
    [
        ("120117.facility.village", "min_floor_area_m2", "三百", "应为数字"),
        ("cn.duty.no-law-enforcement", "duty_kind", "履职负面事项", "数据包中应写代码 prohibited（履职负面事项）"),
    ],
)
def test_an_override_value_of_the_wrong_kind_is_worded_in_chinese(
    tmp_path: Path, target: str, field: str, value: str, fragment: str
) -> None:
    """The value is typed by the field it targets; pydantic's English (Input should be …) once came through."""
    folder = tmp_path / "ninghe"
    shutil.copytree(NATIONAL.parent / "provinces" / "120000-tianjin" / "120117-ninghe", folder)
    with (folder / "overrides.csv").open("a", encoding="utf-8") as file:
        file.write(f"120117.override.t,测试,120117.clause.work-plan-3-1-3,,,,{target},{field},set,{value}\n")
    _, report = read_package(folder)
    problem = next(p for p in report.problems if p.field == "value")
    assert fragment in problem.message_zh
    assert "Input should" not in problem.message_zh
    assert not _CJK.search(problem.message_en.replace(value, "")), problem.message_en


@pytest.mark.parametrize(
    ("text", "place", "said"),
    [
        (
            "villages:\n  - village: [x\n",
            "（第 3 行第 1 列）",
            "方括号 [ 没有闭合：列表各项之间用逗号分隔，最后以 ] 结束",
        ),
        ("villages:\n  - village: a\n    village: b\n", "（第 3 行第 5 列）", "键“village”重复"),
    ],
)
def test_a_malformed_yaml_ledger_is_worded_in_chinese(tmp_path: Path, text: str, place: str, said: str) -> None:
    """The line in Chinese (it read 「YAML 格式错误或不安全 at line 3：…」), then what is wrong, in Chinese."""
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(text, encoding="utf-8")
    result = invoke("audit", str(ledger), "-j", "120117")
    assert result.code == 2
    assert result.err == f"villagecat: {ledger}：YAML 格式错误或不安全{place}：{said}\n"


@pytest.mark.parametrize(
    ("text", "place", "said", "parser"),
    [
        (
            "villages: [\n",
            "（第 2 行第 1 列）",
            "文件在此处结束，但前面还缺少内容：可能少了右括号 ] 或 }，或冒号后的值",
            "expected the node content, but found '<stream end>'",
        ),
        ("a: b: c\n", "（第 1 行第 5 列）", "此处不能再有冒号", "mapping values are not allowed here"),
        ("a:\n  - x\n y: 1\n", "（第 3 行第 2 列）", "缩进没有对齐", "expected <block end>"),
        ("a: 'x\n", "（第 2 行第 1 列）", "引号没有闭合", "found unexpected end of stream"),
        ("\tfoo: 1\n", "（第 1 行第 1 列）", "含有制表符（Tab）", "found character '\\t'"),
        ("a: {x: 1\n", "（第 2 行第 1 列）", "花括号 { 没有闭合", "expected ',' or '}'"),
        ("a: @x\n", "（第 1 行第 4 列）", "“@”不能作为值的开头", "cannot start any token"),
        ("a: !!python/object:os.system x\n", "（第 1 行第 4 列）", "含有不允许的标签", "could not determine"),
    ],
)
def test_a_yaml_parser_problem_is_said_in_chinese_and_its_english_kept_for_lang_en(
    tmp_path: Path, text: str, place: str, said: str, parser: str
) -> None:
    """broken.yaml read 「…：请检查该处的括号、引号和缩进（expected the node content, but found '<stream end>'）」
    and the whole English again: the parser's words in a clerk's line. They are for --lang en only.
    """
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(text, encoding="utf-8")
    chinese = invoke("audit", str(ledger), "-j", "120117")
    assert chinese.code == 2
    assert chinese.err.startswith(f"villagecat: {ledger}：YAML 格式错误或不安全{place}：{said}")
    words = chinese.err.partition("YAML 格式错误或不安全")[2].replace("YAML", "").replace("（Tab）", "")
    assert not re.search(r"[A-Za-z]{3,}", words), chinese.err  # PyYAML's English is not in the clerk's line
    english = invoke("audit", str(ledger), "-j", "120117", "--lang", "en")
    assert english.code == 2
    assert "(the parser: " in english.err
    assert parser in english.err


def test_a_template_and_its_placeholders_that_disagree_are_worded_in_chinese(tmp_path: Path) -> None:
    folder = tmp_path / "county"
    shutil.copytree(NATIONAL.parent / "provinces" / "140000-shanxi" / "140404-shangdang", folder)
    row = (
        "140404.certificate.t,居住证明,140404.clause.implementation-plan-2-2-1,,,,retained,,,,,"
        "兹证明{姓名}系本村村民,姓名|身份证号,,,,,false,false,\n"
    )
    with (folder / "certificates.csv").open("a", encoding="utf-8") as file:
        file.write(row)
    _, report = read_package(folder)
    problem = next(p for p in report.problems if p.field == "placeholders")
    assert "声明了但模板未用的 身份证号" in problem.message_zh
    assert "template" not in problem.message_zh
    assert "unused 身份证号" in problem.message_en


@pytest.mark.parametrize(
    ("argv", "text", "fragment"),
    [
        (
            ["check", "signage"],
            (
                "village: 甲村\nsigns:\n  - {text: X, placement: 外部, sign_type: 标牌, orientation: 竖牌,"
                " width_cm: true}\n"
            ),
            "“true”不是数字",
        ),
        (["audit"], "villages:\n  - village: 村\n    signs: 5\n", "而不是一个数字"),
    ],
)
def test_a_yaml_value_of_the_wrong_kind_is_told_as_the_clerk_wrote_it(
    tmp_path: Path, argv: list[str], text: str, fragment: str
) -> None:
    """It read 'True' 不是数字 and 而不是int: Python's spellings, not the clerk's."""
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(text, encoding="utf-8")
    result = invoke(*argv, str(ledger), "-j", "120117")
    assert result.code == 1
    chinese = result.err  # Chinese alone: a ledger's problems carry no English detail
    assert fragment in chinese
    assert "True" not in chinese
    assert "int" not in chinese


def test_no_chinese_message_quotes_a_value_as_python_would() -> None:
    """A clerk reads “上面”, never Python's '上面' (a ``!r`` field in the Chinese phrase)."""
    quoted = [key for key, (zh, _) in MESSAGES.items() if "!r}" in zh]
    assert quoted == []
    zh, _ = pair("ledger-not-one-of", value="上面", allowed="外部、内部")
    assert zh == "“上面”应为 外部、内部 之一"


def test_every_wrong_kind_of_value_in_any_field_is_told_in_the_catalog_s_words() -> None:
    """`layer.releases: "x"` read 取值无效（Input should be a valid tuple）: pydantic's English, in a Chinese report."""
    from pydantic import BaseModel, ValidationError  # noqa: PLC0415

    from villagecat import models  # noqa: PLC0415
    from villagecat._messages import pydantic_message  # noqa: PLC0415
    from villagecat.package import RESOURCES  # noqa: PLC0415

    wrong: list[object] = ["x", "", 5, 5.5, True, None, [], ["x"], [1] * 600, {}, {"a": 1}, -1, 10**30]
    untold = set()
    every: set[type[BaseModel]] = {*RESOURCES.values(), models.Layer, models.Citation, models.ParentRef, models.Release}
    for model in every:
        for name in model.model_fields:
            for value in wrong:
                try:
                    model.model_validate({name: value})
                except ValidationError as exc:
                    for error in exc.errors(include_url=False):
                        zh, _ = pydantic_message(dict(error))
                        if "Input should" in zh or "取值无效（" in zh:
                            untold.add((error["type"], model.__name__, name))
    assert sorted(untold)[:5] == []


def test_a_value_holding_a_slash_leaves_a_rule_s_message_whole() -> None:
    """``>=0.4.0 / <0.5.0`` split the message at its own " / ": half Chinese, half English, in both."""
    from pydantic import ValidationError  # noqa: PLC0415

    from villagecat._messages import pydantic_message  # noqa: PLC0415
    from villagecat.models import ParentRef  # noqa: PLC0415

    try:
        ParentRef(id="120000", version_range=">=0.4.0 / <0.5.0")
    except ValidationError as exc:
        zh, en = pydantic_message(dict(exc.errors(include_url=False)[0]))
    assert zh == (
        "版本范围写作 >=0.3.0,<0.4.0 这样：比较符（>=、<、==、!=、~= 等）加版本号，多项用英文逗号分隔"
        "（实际为“>=0.4.0 / <0.5.0”）"
    )
    assert en == (
        "a version range is written like >=0.3.0,<0.4.0: comparisons (>=, <, ==, !=, ~=…) of version numbers, "
        "joined by commas (got '>=0.4.0 / <0.5.0')"
    )


def test_an_infinite_number_and_a_json_boolean_are_told_as_the_file_writes_them(tmp_path: Path) -> None:
    """``inf`` read 取值无效（Input should be a finite number）; a JSON true read （实际为“True”）."""
    from villagecat.package import load_layer, save_layer  # noqa: PLC0415

    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    folder = save_layer(load_layer(ninghe), tmp_path / "ninghe")
    facilities = folder / "facilities.csv"
    facilities.write_text(facilities.read_text(encoding="utf-8").replace(",300,", ",inf,", 1), encoding="utf-8")
    messages = [p.message_zh for p in villagecat.validate(folder).problems]
    assert messages == ["应为有限的数字（不能是 inf、nan）（实际为“inf”）"], messages
    json_form = save_layer(load_layer(ninghe), tmp_path / "json", fmt="json")
    signs = json_form / "signs.json"
    signs.write_text(signs.read_text(encoding="utf-8").replace('"plaque"', "true", 1), encoding="utf-8")
    messages = [p.message_zh for p in villagecat.validate(json_form).problems]
    assert any("（实际为“true”）" in m for m in messages), messages
    assert not any("True" in m for m in messages), messages


def test_a_failed_validation_reads_chinese_first_like_every_error(tmp_path: Path) -> None:
    """``str(ValidationFailedError)`` alone was English, against "Chinese with the English detail".

    ``describe("zh")``, as the CLI prints it, is the Chinese alone.
    """
    from villagecat.errors import ValidationFailedError  # noqa: PLC0415
    from villagecat.workbook import import_workbook  # noqa: PLC0415

    book = tmp_path / "empty.xlsx"
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.title = "随便"
    workbook.active["A1"] = "备忘"  # an unknown sheet with content (a blank one is left out, with a warning)
    workbook.save(book)
    with pytest.raises(ValidationFailedError) as caught:
        import_workbook(book)
    zh, en = caught.value.describe("zh"), caught.value.message_en
    assert str(caught.value) == f"{zh}（{en}）"
    assert zh.startswith(("随便", str(book)))
    assert en not in zh


def test_a_vocabulary_word_in_a_package_s_cell_names_the_code_it_stands_for(tmp_path: Path) -> None:
    """联系村民 in assist_activities read 应为 联系村民（contact_villagers）…之一（实际为“联系村民”): refused
    as not one of the values it listed. The workbook takes the word; a package holds the code, as its Table
    Schema's enum (which ``frictionless validate`` checks) says."""
    from villagecat.package import load_layer, save_layer  # noqa: PLC0415

    folder = shutil.copytree(NATIONAL, tmp_path / "csv")
    duties = folder / "duties.csv"
    rows = duties.read_text(encoding="utf-8").splitlines()
    cells = rows[1].split(",")
    cells[6], cells[10] = "assists", "联系村民|宣传教育"  # duty_kind, assist_activities
    other = rows[2].split(",")
    other[6] = "协助"  # no value's word: refused with the values listed
    duties.write_text("\n".join([rows[0], ",".join(cells), ",".join(other), *rows[3:]]) + "\n", encoding="utf-8")
    problems = villagecat.validate(folder).problems
    assert [(p.line, p.field, p.message_zh, p.message_en) for p in problems] == [
        (
            2,
            "assist_activities[0]",
            "“联系村民”是中文名称，数据包中应写代码 contact_villagers（联系村民）",
            "'联系村民' is a Chinese label: a package holds its code, 'contact_villagers'",
        ),
        (
            2,
            "assist_activities[1]",
            "“宣传教育”是中文名称，数据包中应写代码 publicise_educate（宣传教育）",
            "'宣传教育' is a Chinese label: a package holds its code, 'publicise_educate'",
        ),
        (
            3,
            "duty_kind",
            (
                "取值不在允许范围内，应为 依法履行职责事项（performs）、依法协助政府工作事项（assists）、"
                "委托事项（entrusted）、履职负面事项（prohibited）之一（实际为“协助”）"
            ),
            "not an allowed value; expected one of 'performs', 'assists', 'entrusted', 'prohibited' (got '协助')",
        ),
    ]
    json_form = save_layer(load_layer(NATIONAL), tmp_path / "json", fmt="json")
    edit = json_form / "duties.json"
    edit.write_text(edit.read_text(encoding="utf-8").replace('"performs"', '"依法履行职责事项"', 1), encoding="utf-8")
    (problem,) = villagecat.validate(json_form).problems
    assert problem.message_zh == "“依法履行职责事项”是中文名称，数据包中应写代码 performs（依法履行职责事项）"
