"""Today's surfaces attacked: LayerPackage's iterables, parents by path, and a ledger's encodings.

Each case was found by trying to break it: a generator of parents' paths refused as "not a
LayerPackage", a subclass of a model taken and then a ``ValueError`` from ``csv`` on saving,
``LayerPackage.of`` raising bare ``TypeError``; a UTF-8 ledger with one damaged line read whole
as GBK mojibake, a Big5 or Shift-JIS ledger read as GBK nonsense.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import villagecat
from conftest import invoke
from villagecat.errors import ArgumentTypeError
from villagecat.models import Duty
from villagecat.package import LayerPackage, load_layer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

REPO = Path(__file__).resolve().parents[2]
NATIONAL = REPO / "data" / "national"
PROVINCE = next(p for p in sorted((REPO / "data" / "provinces").iterdir()) if (p / "datapackage.json").exists())


def test_parents_given_as_a_generator_of_paths_are_read_as_a_list_of_them_is() -> None:
    """``parents=(p for p in paths)`` was refused: "must be a list of LayerPackage, not str"."""
    listed = villagecat.validate(PROVINCE, parents=[NATIONAL])
    generated = villagecat.validate(PROVINCE, parents=(p for p in [NATIONAL]))
    assert generated.valid == listed.valid
    assert generated.to_dict() == listed.to_dict()


def test_a_generator_of_parents_is_read_once_and_a_mix_of_paths_and_packages_is_taken() -> None:
    consumed: list[object] = []

    def parents() -> Iterator[object]:
        for parent in (NATIONAL, load_layer(NATIONAL)):
            consumed.append(parent)
            yield parent

    report = villagecat.validate(PROVINCE, parents=parents())  # type: ignore[arg-type]
    assert len(consumed) == 2
    assert report.valid, report.problems


def test_a_parent_of_another_kind_names_paths_too() -> None:
    """What to pass is a package or its path: the refusal named LayerPackage alone, as if paths were refused."""
    with pytest.raises(ArgumentTypeError) as caught:
        villagecat.validate(PROVINCE, parents=[5])  # type: ignore[list-item]
    assert "路径" in caught.value.message_zh
    assert "int" in caught.value.message_zh


class _NotedDuty(Duty):
    note: str = "内部备注"


class _ShownDuty(Duty):
    def shown(self) -> str:
        return self.name


def test_a_subclass_of_a_model_with_fields_of_its_own_is_refused_naming_them(tmp_path: Path) -> None:
    """Taken as is, its own field reached the CSV writer: ``ValueError: dict contains fields not in fieldnames``."""
    national = load_layer(NATIONAL)
    noted = _NotedDuty(**national.duties[0].model_dump())
    with pytest.raises(ArgumentTypeError) as caught:
        LayerPackage(layer=national.layer, duties=[noted])
    assert "note" in caught.value.message_zh
    assert "_NotedDuty" in caught.value.message_zh
    assert not (tmp_path / "out").exists()


def test_a_subclass_of_a_model_adding_no_field_is_kept_and_saved(tmp_path: Path) -> None:
    national = load_layer(NATIONAL)
    shown = tuple(_ShownDuty(**d.model_dump()) for d in national.duties)
    package = LayerPackage(layer=national.layer, documents=national.documents, clauses=national.clauses, duties=shown)
    villagecat.save_layer(package, tmp_path / "out")
    assert load_layer(tmp_path / "out").duties == national.duties


@pytest.mark.parametrize(
    "resources",
    [5, None, [("duties", [])], {"duties": 5}, {"duties": None}],
    ids=["int", "none", "pairs", "resource-int", "resource-none"],
)
def test_layer_package_of_refuses_what_is_no_mapping_of_iterables(resources: Any) -> None:
    """``TypeError: 'int' object is not iterable`` and ``unhashable type: 'list'`` from deep inside ``of``."""
    national = load_layer(NATIONAL)
    with pytest.raises(ArgumentTypeError):
        LayerPackage.of(national.layer, resources)


def test_layer_package_of_refuses_one_item_naming_its_kind_not_tuple() -> None:
    """One Duty where a list goes was said to be a ``tuple`` (``of`` had made one of its fields)."""
    national = load_layer(NATIONAL)
    with pytest.raises(ArgumentTypeError) as caught:
        LayerPackage.of(national.layer, {"duties": national.duties[0]})  # type: ignore[dict-item]
    assert "而不是 Duty" in caught.value.message_zh


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda layer: LayerPackage(layer=layer, source=5), "source"),  # type: ignore[arg-type]
        (lambda layer: LayerPackage(layer=layer, origins=[]), "origins"),  # type: ignore[arg-type]
        (lambda layer: LayerPackage(layer=layer, unread={}), "unread"),  # type: ignore[arg-type]
    ],
    ids=["source-int", "origins-list", "unread-dict"],
)
def test_layer_package_refuses_a_source_origins_or_unread_of_another_kind(
    build: Callable[[Any], LayerPackage], expected: str
) -> None:
    """Taken, each raised ``AttributeError`` later, in a report (``'list' object has no attribute 'get'``)."""
    with pytest.raises(ArgumentTypeError) as caught:
        build(load_layer(NATIONAL).layer)
    assert expected in caught.value.message_zh


# -- a ledger's encodings ----------------------------------------------------------------

ROWS = "".join(f"{v},certificate,健在证明\n" for v in ["榆树", "柳树", "杨树"] * 50)


def _audit(tmp_path: Path, data: bytes) -> Any:
    (tmp_path / "台账.csv").write_bytes(data)
    return invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000")


def test_a_utf8_ledger_with_one_damaged_line_is_refused_naming_it_never_read_as_gbk(tmp_path: Path) -> None:
    """The whole file decoded as GB18030: 榆树 became 姒嗘爲 and the forbidden 健在证明 went unseen."""
    good = ("village,category,name\n" + ROWS).encode()
    cut = good.index(b"\n", len(good) // 2) + 1
    line = good[:cut].count(b"\n") + 1
    damaged = good[:cut] + "柳树,certificate,居住证明\n".encode("gbk") + good[cut:]
    result = _audit(tmp_path, damaged)
    assert result.code == 2, result.out
    assert f"第 {line} 行" in result.err
    assert "UTF-8" in result.err
    assert "姒" not in result.out + result.err
    assert result.err.count("\n") == 1


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("big5", "village,category,name\n榆樹村,certificate,健在證明\n柳樹村,certificate,居住證明\n"),
        ("shift_jis", "village,category,name\n東京村,certificate,健在証明\n大阪村,certificate,住民票の写し\n"),
    ],
    ids=["big5", "shift-jis"],
)
def test_a_ledger_in_another_double_byte_encoding_is_refused_never_read_as_gbk_nonsense(
    tmp_path: Path, encoding: str, text: str
) -> None:
    """An English header passed the GBK guard; the names were read as 塈 and 徹柧 and checked as such."""
    result = _audit(tmp_path, text.encode(encoding))
    assert result.code == 2, result.out + result.err
    assert "台账.csv" in result.err
    assert "GBK" in result.err
    assert result.out == ""


def test_a_gbk_ledger_with_a_rare_character_in_a_name_is_still_read(tmp_path: Path) -> None:
    """The guard against other encodings does not refuse a real GBK file whose village has a rare character."""
    text = "village,category,name\n堃村,certificate,健在证明\n喆村,certificate,居住证明\n"
    result = _audit(tmp_path, text.encode("gbk"))
    same = _audit(tmp_path, text.encode())
    assert result.err == ""
    assert result.out == same.out
    assert "堃村" in result.out


def test_gb18030_four_byte_characters_are_read(tmp_path: Path) -> None:
    text = "村名,类别,名称\n𠀀村,证明,健在证明\n"
    assert _audit(tmp_path, text.encode("gb18030")).out == _audit(tmp_path, text.encode()).out


def test_a_sheet_whose_first_row_is_empty_is_not_dropped(tmp_path: Path) -> None:
    """A 证明 sheet with row 1 left empty was skipped whole: its 健在证明 went unseen, exit 0."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    signs = book.active
    signs.title = "标牌"
    signs.append(["村名", "名称", "位置", "宽度", "高度"])
    signs.append(["榆树村", "榆树村民委员会", "外部", 30, 200])
    certificates = book.create_sheet("证明")
    certificates.append([None, None, None])
    certificates.append(["村名", "类别", "名称"])
    certificates.append(["榆树村", "证明", "健在证明"])
    book.save(tmp_path / "台账.xlsx")
    result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "220000")
    assert result.code == 1, result.out
    said = "第 1 行：应为列名，而本表的列名在第 2 行；请删去列名上方的 1 行（如表格标题）"
    assert result.err == f"villagecat: {tmp_path / '台账.xlsx'}，工作表“证明”，{said}\n", result.err


def test_a_sheet_with_no_header_among_its_first_rows_is_one_problem_not_an_empty_ledger(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "证明"
    for _ in range(10):
        sheet.append([None, None, None])
    sheet.append(["村名", "类别", "名称"])
    sheet.append(["榆树村", "证明", "健在证明"])
    book.save(tmp_path / "台账.xlsx")
    result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "220000")
    assert result.code == 1, result.out
    assert "工作表“证明”，第 1 行" in result.err
    assert "没有任何可核查的记录" not in result.err
    assert result.err.count("\n") == 1, result.err


@pytest.mark.parametrize("top", ["\n" * 10, ",,\n" * 10], ids=["blank-lines", "empty-cells"])
def test_a_csv_with_no_header_among_its_first_lines_is_one_problem_not_one_per_row(tmp_path: Path, top: str) -> None:
    """Each row was told its width differs from a header of no column: 300 lines for one mistake."""
    rows = "村名,类别,名称\n" + "榆树村,证明,健在证明\n" * 300
    result = _audit(tmp_path, (top + rows).encode())
    assert result.code == 1, result.out
    assert "台账.csv，第 1 行" in result.err
    assert result.err.count("\n") == 1, result.err[:500]


@pytest.mark.parametrize("file", [5, b"duties.csv"], ids=["int", "bytes"])
def test_problems_of_refuses_a_file_that_is_not_text_at_the_door(file: Any) -> None:
    """``TypeError: expected str, bytes or os.PathLike object, not int`` came from building the problem."""
    from pydantic import ValidationError  # noqa: PLC0415

    from villagecat.models import problems_of  # noqa: PLC0415

    with pytest.raises(ValidationError) as refused:
        Duty.model_validate({"id": "x"})
    with pytest.raises(ArgumentTypeError) as caught:
        problems_of(refused.value, file=file)
    assert "file" in caught.value.message_zh


def test_a_gbk_csv_with_a_title_above_its_header_is_told_where_the_header_is_not_that_it_is_no_gbk(
    tmp_path: Path,
) -> None:
    """A GBK CSV of a sheet with its title row was told 按 GBK 读出的第 1 行也没有可识别的列名（可能是其他编码）."""
    text = "和平村证明台账,,\n村名,类别,名称\n榆树村,证明,健在证明\n"
    gbk = _audit(tmp_path, text.encode("gbk"))
    utf8 = _audit(tmp_path, text.encode())
    assert gbk.code == utf8.code == 1
    assert gbk.err == utf8.err
    assert "列名在第 2 行" in gbk.err
