"""One error boundary: every failure a user can cause is one line and an exit code, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import NATIONAL, invoke
from villagecat.cli import layers as layers_command
from villagecat.errors import InvalidRequestError, LayerChainError, UnknownLayerError

if TYPE_CHECKING:
    from pathlib import Path


def _boom(error: BaseException) -> object:
    def handle(*_: object) -> int:
        raise error

    return handle


def test_an_unexpected_exception_is_a_bug_line_and_exit_three(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layers_command, "handle", _boom(ZeroDivisionError("boom")))
    result = invoke("layers")
    assert result.code == 3
    assert "内部错误（villagecat 的缺陷）" in result.err
    assert "--debug" in result.err
    assert "Traceback" not in result.err
    debug = invoke("--debug", "layers")
    assert debug.code == 3
    assert "Traceback (most recent call last)" in debug.err
    assert "ZeroDivisionError: boom" in debug.err


def test_ctrl_c_exits_130_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layers_command, "handle", _boom(KeyboardInterrupt()))
    result = invoke("layers")
    assert result.code == 130
    assert "已中断" in result.err
    assert "Traceback" not in result.err


def test_an_os_error_names_the_file_and_exits_two(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layers_command, "handle", _boom(PermissionError(13, "Permission denied", "/srv/目录.csv")))
    result = invoke("layers")
    assert result.code == 2
    assert "/srv/目录.csv" in result.err
    assert "权限不足" in result.err  # the system's English is worded in Chinese
    assert "Permission" not in result.err
    english = invoke("--lang", "en", "layers")
    assert english.code == 2
    assert "permission denied" in english.err


def _cli(*argv: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from villagecat.cli import main; main()", *argv],
        capture_output=True,
        env={**os.environ, **env},
        check=False,
        timeout=120,
    )


def test_a_closed_pipe_ends_quietly() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from villagecat.cli import main; main()",
            "catalog",
            "120117",
            "--scope",
            "all",
            "--format",
            "json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away before villagecat (still importing) writes a byte
    _, err = process.communicate(timeout=120)
    assert process.returncode == 141
    assert b"Traceback" not in err


def test_a_gbk_console_gets_replacement_characters_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "ledger.csv").write_text("village,category,name\n😀村,certificate,无犯罪记录证明\n", encoding="utf-8")
    done = _cli("audit", str(tmp_path / "ledger.csv"), "-j", "120117", PYTHONIOENCODING="gbk")
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert "无犯罪记录证明".encode("gbk") in done.stdout


def test_terminal_escapes_from_a_ledger_are_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "ledger.csv").write_text(
        "village,category,name\n\x1b[2J\u202e村,certificate,无犯罪记录证明\n", encoding="utf-8"
    )
    result = invoke("audit", str(tmp_path / "ledger.csv"), "-j", "120117")
    assert result.code == 1
    assert "\x1b" not in result.out + result.err
    assert "\u202e" not in result.out + result.err
    assert "〔U+001B〕[2J〔U+202E〕村" in result.out  # a code point a clerk can read, no programming escape
    assert "\\u" not in result.out


def test_terminal_escapes_from_a_ledger_are_json_escapes_in_json(tmp_path: Path) -> None:
    """In JSON a character is shown as the escape that reads back as itself."""
    (tmp_path / "ledger.csv").write_text(
        "village,category,name\n\x1b[2J\u202e村,certificate,无犯罪记录证明\n", encoding="utf-8"
    )
    result = invoke("audit", str(tmp_path / "ledger.csv"), "-j", "120117", "--format", "json")
    assert result.code == 1
    assert "\u202e" not in result.out
    assert "\x1b[2J\u202e村" in json.loads(result.out)["summary"]  # the village, read back as the ledger wrote it
    assert "〔U+" not in result.out


@pytest.mark.parametrize("bad", ["\u202e", "\x1b[32m全部合规", "\u200b"])
def test_control_and_bidi_characters_in_a_layers_names_are_refused(tmp_path: Path, bad: str) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(NATIONAL, package)
    text = (package / "duties.csv").read_text(encoding="utf-8")
    (package / "duties.csv").write_text(text.replace("实行村民自治", f"实行{bad}村民自治", 1), encoding="utf-8")
    result = invoke("validate", str(package))
    assert result.code == 1
    assert "字段 name" in result.out
    assert "控制字符或不可见字符" in result.out
    assert "\x1b" not in result.out
    assert "\u202e" not in result.out


@pytest.mark.parametrize(
    "argv",
    [
        ["--floor-area", "nan", "--households", "900"],
        ["--floor-area", "inf", "--households", "900"],
        ["--floor-area", "-1", "--households", "900"],
        ["--floor-area", "300", "--households", "-5000"],
    ],
)
def test_impossible_facility_figures_are_refused(argv: list[str]) -> None:
    result = invoke("check", "facility", "-j", "220000", *argv)
    assert result.code == 2
    assert "不小于 0" in result.err


@pytest.mark.parametrize(("field", "value"), [("width_cm", "nan"), ("height_cm", "-900"), ("width_cm", ".inf")])
def test_impossible_plaque_sizes_are_refused(tmp_path: Path, field: str, value: str) -> None:
    (tmp_path / "signs.yaml").write_text(
        f"signs:\n  - village: 甲村\n    name: 村民委员会\n    placement: outside\n    {field}: {value}\n",
        encoding="utf-8",
    )
    result = invoke("check", "signage", str(tmp_path / "signs.yaml"), "-j", "220000")
    assert result.code == 1
    assert f"字段 {field}" in result.err
    assert "应为有限的非负数" in result.err


def test_the_library_never_raises_for_an_unreadable_path() -> None:
    report = villagecat.validate("a" * 5000)
    assert report.exit_code == 2
    assert not report.readable


def test_resolve_and_merge_refuse_nonsense() -> None:
    with pytest.raises(InvalidRequestError, match="不能为空"):  # no name, as an empty one: test_names
        villagecat.resolve(None)  # type: ignore[arg-type]
    with pytest.raises(LayerChainError, match="at least one layer"):
        villagecat.merge([])


def test_resolve_of_a_code_given_as_a_number_says_to_write_it_as_text() -> None:
    """A division code read from a database as an int was told it is no division code (not 120117)."""
    with pytest.raises(UnknownLayerError) as caught:
        villagecat.resolve(120117)  # type: ignore[arg-type]
    assert caught.value.describe("en") == "a jurisdiction is named by text, not int 120117: pass '120117'"
    assert caught.value.message_zh == '辖区应写作文字，而不是 int 120117：请写作 "120117"'


@pytest.mark.parametrize(
    "argv",
    [
        ["audit", "/nonexistent/ledger.yaml", "-j", "120117"],
        ["patch", str(NATIONAL), "/nonexistent/p.json", "-o", "/nonexistent/out"],
        ["diff", str(NATIONAL), str(NATIONAL), "--levels", "/nonexistent/levels.yaml"],
        ["validate", "/nonexistent/pkg"],
    ],
    ids=["audit", "patch", "levels", "validate"],
)
def test_inputs_that_cannot_be_read_exit_two(argv: list[str]) -> None:
    result = invoke(*argv)
    assert result.code == 2
    assert "/nonexistent/" in result.out + result.err
    assert "Traceback" not in result.err


def test_certificate_render_keeps_ampersands_and_angle_brackets_as_text() -> None:
    from layers import child_layer  # noqa: PLC0415
    from villagecat.checks import render_certificate  # noqa: PLC0415
    from villagecat.models import Certificate, CertificateStatus, Citation  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    certificate = Certificate(
        id="220102.certificate.report",
        name="报到情况反馈<&>",
        status=CertificateStatus.RETAINED,
        template="兹证明 {姓名<&>} 已于本村报到 <A&B>。",
        placeholders=("姓名<&>",),
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(三)8"),),
    )
    registry = shipped_registry()
    catalog = villagecat.merge(
        [*registry.chain(registry.find("220000")), child_layer("220000", certificates=(certificate,))]
    )
    rendered = render_certificate(catalog, "报到情况反馈<&>", {"姓名<&>": "张三 & <李四>"})
    assert "张三 & <李四>" in rendered.text
    assert "<strong>张三 &amp; &lt;李四&gt;</strong>" in rendered.html
    assert "&lt;A&amp;B&gt;" in rendered.html
    assert "<title>报到情况反馈&lt;&amp;&gt;</title>" in rendered.html


def test_a_new_layer_with_a_slug_it_may_not_have_is_refused_plainly(tmp_path: Path) -> None:
    """It once ended as 内部错误 with pydantic's dump; nothing is written."""
    target = tmp_path / "new"
    result = invoke(
        "init", str(target), "--level", "county", "--code", "120118", "--name", "测试区", "--parent", "120000",
        "--slug", "Ce Shi",
    )  # fmt: skip
    assert result.code == 1
    assert "新层的 slug 无效" in result.err
    assert "内部错误" not in result.err
    assert "pydantic" not in result.err
    assert not target.exists()


def test_a_resource_linked_to_itself_is_unreadable_not_a_defect(tmp_path: Path) -> None:
    package = tmp_path / "national"
    shutil.copytree(NATIONAL, package)
    (package / "signs.csv").unlink()
    (package / "signs.csv").symlink_to("signs.csv")
    result = invoke("validate", str(package))
    assert result.code == 2
    assert "符号链接过多或形成循环" in result.out + result.err
    assert "内部错误" not in result.out + result.err


@pytest.mark.parametrize(
    ("argv", "code", "fragment"),
    [
        (["explain", "120117", "\udcff\udcfe"], 2, "宁河区（120117）的有效目录中没有条目 〔U+DCFF〕〔U+DCFE〕"),
        (["certificate", "render", "\udcff", "-j", "120117"], 2, "宁河区（120117）的目录中没有证明事项“〔U+DCFF〕”"),
        (["admit", "-j", "340403", "\udcff村"], 1, "“〔U+DCFF〕村”不在目录中"),
    ],
    ids=["explain", "certificate-render", "admit"],
)
def test_an_argument_that_is_not_utf8_is_looked_up_not_a_defect(argv: list[str], code: int, fragment: str) -> None:
    """Bytes that are not UTF-8 (宁河 typed in a GBK console) reach Python as lone surrogates.

    The name converter takes UTF-8 only: every lookup by name ended in UnicodeEncodeError (exit 3).
    """
    result = invoke(*argv)
    assert result.code == code, result.err
    assert fragment in result.out + result.err
    assert "内部错误" not in result.err
