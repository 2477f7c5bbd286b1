"""The docs site: Chinese search finds parts of words, no page loads fonts from a foreign host."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("mkdocs") is None and os.environ.get("CI", "").lower() != "true":
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    target = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return target


def test_search_finds_chinese_words_inside_longer_text(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    tokens = {t for doc in index["docs"] for t in separator.split(f"{doc['title']} {doc['text']}") if t}
    # lunr matches whole tokens: the words must come out of 无犯罪记录证明 and 村党组织 as tokens of their own.
    assert "犯罪" in tokens
    assert "党组织" in tokens


def test_no_page_loads_fonts_from_an_external_host(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text, page
        assert "fonts.gstatic.com" not in text, page


def test_catalog_pages_speak_chinese_and_put_duties_before_documents(site: Path) -> None:
    page = (site / "catalog" / "jurisdictions" / "120117" / "index.html").read_text(encoding="utf-8")
    assert "<th>名称</th>" in page
    assert "<th>name</th>" not in page
    assert page.index("工作事务") < page.index("来源文件")


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    """The docs hook, loaded as mkdocs loads it."""
    if importlib.util.find_spec("mkdocs") is None and os.environ.get("CI", "").lower() != "true":
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    spec = importlib.util.spec_from_file_location("villagecat_docs_generate", REPO / "docs" / "hooks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalog_pages(generate: ModuleType) -> dict[str, str]:
    pages: dict[str, str] = generate._catalog_pages()  # noqa: SLF001 - the pages the hook builds
    return pages


def test_the_library_page_shows_a_type_alias_as_its_type_not_as_a_function(generate: ModuleType) -> None:
    """``villagecat.diff.ChangeLevel`` read *function* ``ChangeLevel(*args, **kwargs)``: a Literal is callable."""
    page: str = generate._library()  # noqa: SLF001 - the page the hook builds
    assert "*type* `ChangeLevel = Literal['violation', 'breaking', 'warning', 'info']`" in page
    assert "(*args, **kwargs)" not in page


def test_the_library_page_documents_every_module_the_guides_import_from(generate: ModuleType) -> None:
    """The integration guide imports from villagecat.merging, .render, .registry, .validation and .errors: the
    reference documented none of them, so ``Step`` (a provenance step) or ``shipped_registry`` had no entry."""
    page: str = generate._library()  # noqa: SLF001 - the page the hook builds
    guides = "\n".join(p.read_text(encoding="utf-8") for p in [REPO / "README.md", *(REPO / "docs").rglob("*.md")])
    imported = set(re.findall(r"^from (villagecat(?:\.[a-z]\w*)*) import", guides, re.MULTILINE))
    named = {f"villagecat.{m}" for m in re.findall(r"\bvillagecat\.([a-z]\w*)\.[A-Za-z_]\w*\(", guides)}
    guided = {"villagecat.render", "villagecat.registry", "villagecat.validation", "villagecat.merging"}
    assert guided <= imported | named
    for module in sorted(imported | named | {"villagecat.errors"}):
        assert f"\n## {module}\n" in page, module
    for name in ("villagecat.merging.Step", "villagecat.merging.EffectiveItem", "villagecat.registry.shipped_registry"):
        assert f"### `{name}`" in page, name


def test_the_library_page_documents_the_methods_of_a_class(generate: ModuleType) -> None:
    """``EffectiveCatalog`` was its class docstring alone: ``get``, ``duties`` and ``find`` were in no reference."""
    page: str = generate._library()  # noqa: SLF001 - the page the hook builds
    for method in ("get", "duties", "certificates", "find"):
        assert f"#### `villagecat.EffectiveCatalog.{method}`" in page, method
    assert "Return an effective item by id" in page
    assert "#### `villagecat.EffectiveCatalog._" not in page


def _row(page: str, item_id: str) -> list[str]:
    """The cells of the catalog table's row of one item."""
    line = next(line for line in page.splitlines() if line.startswith(f"| `{item_id}`"))
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]


def _column(page: str, item_id: str, title: str) -> str:
    """One cell of an item's row, by its column's title, in the table that holds the item."""
    lines = page.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"| `{item_id}`"))
    header = next(lines[i] for i in range(at, -1, -1) if lines[i].startswith("| 标识 |"))
    titles = [cell.strip() for cell in header.split("|")[1:-1]]
    return _row(page, item_id)[titles.index(title)]


def test_catalog_pages_cite_documents_by_their_number_or_title_not_their_id(catalog_pages: dict[str, str]) -> None:
    """A clerk reads 厅字〔2022〕28号 二(一)1, not cn.document.tingzi-2022-28 二(一)1; the quote is the link's title."""
    page = catalog_pages["catalog/jurisdictions/120117.md"]
    cell = _column(page, "cn.duty.no-law-enforcement", "出处")
    assert "[厅字〔2022〕28号 二(一)1](../layers/cn.md#cn-document-tingzi-2022-28" in cell
    assert "cn.document.tingzi-2022-28 二(一)1]" not in page
    assert "不得将村级组织作为行政执法、拆迁拆违、招商引资、安全生产等事务的责任主体。" in cell  # the quote, on hover
    assert "[天津市宁河区规范村（社区）组织工作事务、机制牌子和证明事项的工作方案 三(一)3]" in cell
    # two clauses of one section are one link, not the same link twice
    quota = _column(page, "120117.quota.outside-marks", "出处")
    assert quota.count("](../layers/120117.md#120117-document-work-plan") == 1


def test_catalog_pages_say_where_the_source_is_silent(catalog_pages: dict[str, str]) -> None:
    """An empty modality is the source's silence, not a blank a reader takes for 'no rule' (nor ∅ or None)."""
    ninghe = catalog_pages["catalog/jurisdictions/120117.md"]
    assert _column(ninghe, "120117.sign.police-office", "悬挂约束力") == "来源未写明"
    assert _column(ninghe, "120117.sign.police-office", "适用范围") == "同所在层（村和社区）"
    national = catalog_pages["catalog/layers/cn.md"]
    assert _column(national, "cn.obligation.consolidate-work-groups", "受约束者") == "来源未写明"
    assert _column(national, "cn.obligation.consolidate-work-groups", "约束力") == "来源未写明"
    # a column every item leaves empty is still shown where its emptiness is the source's silence
    tianjiaan = catalog_pages["catalog/layers/340403.md"]
    assert _column(tianjiaan, "340403.quota.outside-plaques", "约束力") == "来源未写明"
    for name, page in catalog_pages.items():
        assert "∅" not in page, name
        assert "None" not in page, name


def test_catalog_pages_write_numbers_and_layers_as_a_reader_does(catalog_pages: dict[str, str]) -> None:
    national = catalog_pages["catalog/layers/cn.md"]
    assert _column(national, "cn.facility.community-service-facility", "每百户最小面积（平方米）") == "30"
    ninghe = catalog_pages["catalog/jurisdictions/120117.md"]
    assert _column(ninghe, "cn.duty.no-law-enforcement", "设定层") == "全国、宁河区"
    # an override names the field it changes as the workbook does (事项类别), not by its code (duty_kind)
    layer = catalog_pages["catalog/layers/120117.md"]
    assert _column(layer, "120117.override.no-law-enforcement-restated", "字段") == "事项类别"


def test_each_reader_finds_their_page_from_the_home_page(site: Path) -> None:
    """A clerk, a reviewer and a developer each reach their pages from the home page in one click, in Chinese."""
    home = (site / "index.html").read_text(encoding="utf-8")
    content = home[home.index('<article class="md-content__inner') :]
    for target, words in {
        "guides/zh-publish/": "民政工作人员",
        "guides/zh-audit/": "台账自查",
        "guides/review-revision/": "审核人员",
        "change-codes/": "变更代码",
        "format/": "数据包格式",
        "concepts/#format-versions": "格式版本",
        "reference/schemas/": "JSON Schema",
    }.items():
        assert f'href="{target}"' in content, target
        assert words in content, words
    assert content.index("民政工作人员") < content.index("In English")  # Chinese first


def test_the_navigation_names_each_page_in_chinese(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    for label in ("快速上手", "概念", "审核修订", "接入系统", "变更代码", "数据包格式", "命令行", "更新记录"):
        assert f"{label} " in home, label


def test_a_page_the_guides_name_in_words_is_a_page_of_the_site() -> None:
    """The clerk's guide sent readers to the “表结构参考” page: the site has none by that name."""
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    for page in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        named = re.findall(r"(?:“([^”]+)”|\[([^\]]+)\]\([^)]*\))页", page.read_text(encoding="utf-8"))
        for quoted, linked in named:
            assert (quoted or linked) in nav, f"{page.name}: no page “{quoted or linked}” in the navigation"
