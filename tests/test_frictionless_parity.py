"""What villagecat calls valid, ``frictionless validate`` calls valid: the published descriptor is the contract.

One cell of the national package is written in many spellings (numbers, true/false, dates,
vocabulary values, texts, lists, cells of spaces), in CSV and in JSON, and one property of a
resource's description at a time is changed (encoding, dialect, media type, format, hash…).
frictionless reads each package by its descriptor, villagecat by its full reader and by the
fast path of ``validate_many``; the verdicts must be the same, but where villagecat is
declared stricter (:data:`STRICTER`, each with its reason). The fast path never vouches for a
package the full reader refuses.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import frictionless
import pytest

from conftest import REPO, invoke
from villagecat import _fast
from villagecat.package import load_layer, read_package, save_layer
from villagecat.validation import check_package

if TYPE_CHECKING:
    from collections.abc import Callable

NATIONAL = Path(__file__).resolve().parent.parent / "data" / "national"

#: Cells to try in each column, by the column's kind; the first row of the resource takes each.
CSV_CELLS: dict[tuple[str, str], tuple[str, ...]] = {
    ("signs", "precedence"): (
        *("3", "3.0", "3.00", "-3.0", "3.", " 3", "3 ", "\t3", "\u30003", "+3", "03", "3e0", "1_000", "1__0"),
        *("３", "٣", "0x3", "", " ", "\u3000", "3.5", "1,000", "-1", "0", "10001"),
    ),
    ("signs", "max_width_cm"): (
        *("3", "3.0", " 3", "+3", "03", "3e0", "3E2", "1_000", ".5", "5.", "１", "nan", "inf", "-inf", "Infinity"),
        *("1e400", "1,000", " ", "0x3", "-0", "0"),
    ),
    ("signs", "mandatory"): (
        *("true", "false", "TRUE", "True", "FALSE", "False", "是", "否", "tRuE", "T", "t", "1", "0", "yes", "no"),
        *("y", "n", "on", "off", "", " ", " true", "true ", "是 ", "\u3000否", "対"),
    ),
    ("documents", "issued"): ("2022-08", "2022-08-01", "2022", " 2022-08", "2022-08 ", "2022-8", "２０２２-08", " "),
    ("signs", "sign_type"): ("plaque", " plaque", "plaque ", "Plaque", "牌子", " ", ""),
    ("signs", "name"): ("村党组织标牌", " 村党组织标牌", "村党组织标牌 ", "\u3000村党组织标牌", " ", ""),
    ("signs", "notes"): ("", " ", "\u3000", "x ", " x", "\n"),
    ("signs", "aliases"): ("a|b", "a||b", " a | b", "|", " ", "a\\|b"),
    ("signs", "organisation"): ("", " ", "村委会 "),
    ("duties", "truncated"): ("true", "True", "FALSE", "否", " false"),
}
JSON_CELLS: dict[tuple[str, str], tuple[Any, ...]] = {
    ("signs", "precedence"): (3, 3.0, "3", True, None, 3.5, -1),
    ("signs", "max_width_cm"): (3, 3.0, "3", True, None, 0),
    ("signs", "mandatory"): (True, False, "true", "TRUE", "是", 1, 0, None),
    ("signs", "sign_type"): ("plaque", " plaque", None),
    ("documents", "issued"): ("2022-08", " 2022-08", None),
}
#: Where villagecat refuses what the published Table Schema takes, and why that is kept.
STRICTER: dict[tuple[str, str, Any], str] = {
    **{("csv", "precedence", cell): "a whole number in ASCII digits (int() takes others)" for cell in ("３", "٣")},
    **{
        ("csv", "max_width_cm", cell): "a finite number in ASCII digits (Decimal takes others)"
        for cell in ("１", "inf", "Infinity", "1e400")
    },
    # JSON numbers and true/false are JSON values, as the JSON Schemas say; frictionless also casts text.
    **{("json", "precedence", cell): "a JSON number" for cell in ("3",)},
    **{("json", "max_width_cm", cell): "a JSON number" for cell in ("3",)},
    **{("json", "mandatory", cell): "a JSON true or false" for cell in ("true", "TRUE")},
}


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("forms")
    return {"csv": NATIONAL, "json": save_layer(load_layer(NATIONAL), root / "json", fmt="json")}


def _copy(base: Path, into: Path) -> Path:
    return Path(shutil.copytree(base, into / "package"))


def _set_cell(package: Path, fmt: str, resource: str, field: str, value: object) -> None:
    path = package / f"{resource}.{fmt}"
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
        rows[1][rows[0].index(field)] = str(value)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), "utf-8")
    else:
        data = json.loads(path.read_text("utf-8"))
        data[1][data[0].index(field)] = value
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def _verdicts(package: Path, resource: str | None) -> tuple[bool, bool, bool]:
    """villagecat's full reader, villagecat's fast path (vouches or not), frictionless (on one resource, if named)."""
    found, report = read_package(package)
    if found is not None:
        check_package(found, report)
    vouched = _fast.read_fast(package) is not None
    descriptor = str(package / "datapackage.json")
    if resource is None:
        theirs = frictionless.validate(descriptor).valid
    else:  # the other resources are as shipped: a tenth of the time
        theirs = frictionless.Package(descriptor).get_resource(resource).validate().valid
    return report.valid, vouched, theirs


def _judge(package: Path, stricter: str | None, label: str, resource: str | None = None) -> None:
    ours, vouched, theirs = _verdicts(package, resource)
    assert ours or not vouched, f"{label}: the fast path vouches for what the full reader refuses"
    if stricter is not None:
        assert theirs, f"{label}: declared stricter ({stricter}), but frictionless refuses it too"
        assert not ours, f"{label}: declared stricter ({stricter}), but villagecat takes it"
        return
    assert ours == theirs, f"{label}: villagecat {ours}, frictionless {theirs}"


CASES = [
    (fmt, resource, field, cell)
    for fmt, table in (("csv", CSV_CELLS), ("json", JSON_CELLS))
    for (resource, field), cells in table.items()
    for cell in cells
]


@pytest.mark.parametrize(("fmt", "resource", "field", "cell"), CASES, ids=repr)
def test_villagecat_and_frictionless_agree_on_a_cell(  # noqa: PLR0917 - the fixtures, then the case
    forms: dict[str, Path], tmp_path: Path, fmt: str, resource: str, field: str, cell: object
) -> None:
    """One cell, one spelling: villagecat calls the package valid if and only if frictionless does (or is stricter)."""
    package = _copy(forms[fmt], tmp_path)
    _set_cell(package, fmt, resource, field, cell)
    _judge(package, STRICTER.get((fmt, field, cell)), f"{fmt} {resource}.{field} = {cell!r}", resource)


def _resource(name: str, change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    def apply(package: Path) -> None:
        path = package / "datapackage.json"
        descriptor = json.loads(path.read_text("utf-8"))
        change(next(r for r in descriptor["resources"] if r["name"] == name))
        path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), "utf-8")

    return apply


def _file(name: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(package: Path) -> None:
        path = package / name
        path.write_text(change(path.read_text("utf-8")), "utf-8")

    return apply


def _gbk(package: Path) -> None:
    path = package / "signs.csv"
    path.write_bytes(path.read_text("utf-8").encode("gbk"))


def _both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(package: Path) -> None:
        for change in changes:
            change(package)

    return apply


def _insert_line(text: str, line: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join([*lines[:2], line, *lines[2:]])


def _first_boolean(spec: dict[str, Any]) -> dict[str, Any]:
    return next(f for f in spec["schema"]["fields"] if f["type"] == "boolean")


DESCRIPTORS: dict[str, tuple[Callable[[Path], None], str | None]] = {
    "as written": (lambda _: None, None),
    "encoding UTF-8": (_resource("signs", lambda r: r.update(encoding="UTF-8")), None),
    "encoding utf-8-sig": (_resource("signs", lambda r: r.update(encoding="utf-8-sig")), None),
    "encoding gbk, a UTF-8 file": (_resource("signs", lambda r: r.update(encoding="gbk")), None),
    "encoding gbk, a GBK file": (
        _both(_resource("signs", lambda r: r.update(encoding="gbk")), _gbk),
        "UTF-8 only: clerks are told to save as CSV UTF-8",
    ),
    "header false": (_resource("signs", lambda r: r["dialect"].update(header=False)), None),
    "headerRows 2": (_resource("signs", lambda r: r["dialect"].update(headerRows=[2])), None),
    "delimiter ; with commas": (_resource("signs", lambda r: r["dialect"].update(delimiter=";")), None),
    "delimiter ; with semicolons": (
        _both(
            _resource("signs", lambda r: r["dialect"].update(delimiter=";")),
            _file("signs.csv", lambda t: t.replace(",", ";")),
        ),
        None,
    ),
    "commentChar": (_resource("signs", lambda r: r["dialect"].update(commentChar="#")), "a dialect it does not read"),
    "nullSequence": (
        _resource("signs", lambda r: r["dialect"].update(nullSequence="NA")),
        "a dialect it does not read",
    ),
    "mediatype json for CSV": (
        _resource("signs", lambda r: r.update(mediatype="application/json")),
        "a media type that contradicts the format",
    ),
    "format CSV": (_resource("signs", lambda r: r.update(format="CSV")), None),
    "format json for a CSV file": (_resource("signs", lambda r: r.update(format="json")), None),
    "bytes": (_resource("signs", lambda r: r.update(bytes=1)), None),
    "compression": (_resource("signs", lambda r: r.update(compression="gz")), None),
    "hash": (_resource("signs", lambda r: r.update(hash="md5:0123")), None),
    "rows": (_resource("signs", lambda r: r.update(rows=1)), None),
    "a publisher's own property": (_resource("signs", lambda r: r.update({"x-province-note": "本省自行补充"})), None),
    "a title and a licence": (
        _resource("signs", lambda r: r.update(title="标牌", licenses=[{"name": "CC-BY-4.0"}])),
        None,
    ),
    "trueValues narrowed, a TRUE cell": (
        _both(
            _resource("signs", lambda r: _first_boolean(r).update(trueValues=["true"])),
            lambda p: _set_cell(p, "csv", "signs", "mandatory", "TRUE"),
        ),
        None,
    ),
    "schema left out": (_resource("signs", lambda r: r.pop("schema")), "the published Table Schema is the contract"),
    "a blank line": (_file("signs.csv", lambda t: _insert_line(t, "\n")), None),
    "a row of commas": (
        _file("signs.csv", lambda t: _insert_line(t, "," * t.split("\n", 1)[0].count(",") + "\n")),
        None,
    ),
    "blank lines at the end": (_file("signs.csv", lambda t: t + "\n\n"), None),
}


@pytest.mark.parametrize("case", DESCRIPTORS, ids=str)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # frictionless leaves a file open
def test_villagecat_and_frictionless_agree_on_a_description(tmp_path: Path, case: str) -> None:
    """One property of a resource's description changed: villagecat refuses what frictionless would read otherwise."""
    change, stricter = DESCRIPTORS[case]
    package = _copy(NATIONAL, tmp_path)
    change(package)
    _judge(package, stricter, case)


#: The last revision of the national layer in format 1, whose Table Schemas declare trueValues ["true", "是"].
FORMAT_1 = "2407718"


@pytest.fixture(scope="module")
def format_1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The national layer as format 1 wrote it, from the repository's history."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs the repository's git history")
    into = tmp_path_factory.mktemp("format-1")
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", FORMAT_1, "data/national"],  # noqa: S607
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    package = into / "data" / "national"
    assert json.loads((package / "datapackage.json").read_text("utf-8"))["villagecat"] == {"format": 1}
    return package


@pytest.mark.parametrize("cell", ["TRUE", "True", "FALSE", "False", "true", "是", "否"])
def test_an_older_format_s_boolean_cells_are_judged_by_its_own_declared_true_and_false_values(
    format_1: Path, tmp_path: Path, cell: str
) -> None:
    """Format 1 declared trueValues ["true", "是"]: frictionless refuses TRUE there, which villagecat took as valid,
    reading it with format 2's wider list. Each verdict is now the same; what it refuses, upgrade writes as true."""
    package = _copy(format_1, tmp_path / "p")
    _set_cell(package, "csv", "signs", "mandatory", cell)
    _judge(package, None, f"format 1 signs.mandatory = {cell!r}")
    if cell not in ("true", "是", "否"):
        assert invoke("upgrade", str(package)).code == 0
        assert invoke("validate", str(package)).code == 0
