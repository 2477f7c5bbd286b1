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


def test_the_library_page_shows_a_type_alias_as_its_type_not_as_a_function() -> None:
    """``villagecat.diff.ChangeLevel`` read *function* ``ChangeLevel(*args, **kwargs)``: a Literal is callable."""
    if importlib.util.find_spec("mkdocs") is None and os.environ.get("CI", "").lower() != "true":
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    spec = importlib.util.spec_from_file_location("villagecat_docs_generate", REPO / "docs" / "hooks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    page: str = generate._library()  # noqa: SLF001 - the page the hook builds
    assert "*type* `ChangeLevel = Literal['violation', 'breaking', 'warning', 'info']`" in page
    assert "(*args, **kwargs)" not in page
