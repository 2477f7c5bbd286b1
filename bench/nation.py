"""A deterministic synthetic nation: the national layer, 31 provinces and 2,850 counties.

Each county holds about 170 items (duties, mechanisms, signs, certificates, sign quotas,
facility standards, a document) and a few overrides of its province; each province about
40 items and overrides of the national layer. At scale 1.0 that is about 500,000 items.
The same seed and scale always give the same packages, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
from pathlib import Path

from villagecat.models import (
    Certificate,
    Document,
    Duty,
    FacilityStandard,
    Layer,
    Mechanism,
    Override,
    ParentRef,
    Sign,
    SignQuota,
)
from villagecat.package import LayerPackage, load_layer, save_layer
from villagecat.schema import generate_schemas

PROVINCES = [
    "11",
    "12",
    "13",
    "14",
    "15",
    "21",
    "22",
    "23",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "41",
    "42",
    "43",
    "44",
    "45",
    "46",
    "50",
    "51",
    "52",
    "53",
    "54",
    "61",
    "62",
    "63",
    "64",
    "65",
]
COUNTIES = 2850
WORDS = [
    "宣传",
    "教育",
    "组织",
    "动员",
    "服务",
    "治理",
    "调解",
    "卫生",
    "安全",
    "环境",
    "救助",
    "养老",
    "就业",
    "文化",
    "体育",
    "统计",
    "普查",
    "登记",
    "核查",
    "巡查",
]
NATIONAL = Path(__file__).resolve().parents[1] / "data" / "national"


def _layer(code: str, level: str, parent: str) -> Layer:
    return Layer(
        id=code,
        level=level,
        division_code=code,
        name_zh=f"区划{code}",
        name_en=f"Division {code}",
        slug=f"d{code}",
        version="0.1.0",
        parent=ParentRef(id=parent, version_range=">=0.1.0,<1.0.0"),
        covers=["village", "community"],
    )


def _items(rng: random.Random, code: str, duties: int, scale_items: int) -> dict[str, tuple[object, ...]]:
    doc = f"{code}.document.plan"
    cite = [f"{doc}#{rng.randint(1, 9)}"]
    kinds = ["performs", "assists", "entrusted", "prohibited"]
    return {
        "documents": (Document(id=doc, title=f"区划{code}工作方案", authority="normative_document", issued="2023"),),
        "duties": tuple(
            Duty(
                id=f"{code}.duty.d{n}",
                name=f"{rng.choice(WORDS)}{rng.choice(WORDS)}工作{code}-{n}",
                duty_kind=rng.choice(kinds),
                category=rng.choice(WORDS),
                departments=[f"区{rng.choice(WORDS)}局"],
                citations=cite,
            )
            for n in range(duties)
        ),
        "mechanisms": tuple(
            Mechanism(
                id=f"{code}.mechanism.m{n}",
                name=f"{rng.choice(WORDS)}站{code}-{n}",
                mechanism_type="station",
                dedicated_post=False,
                basis="provincial_approval",
                citations=cite,
            )
            for n in range(scale_items)
        ),
        "signs": tuple(
            Sign(
                id=f"{code}.sign.s{n}",
                name=f"{rng.choice(WORDS)}标牌{code}-{n}",
                sign_type="plaque",
                placement="inside",
                max_width_cm=float(rng.randint(40, 120)),
                max_height_cm=float(rng.randint(20, 60)),
                citations=cite,
            )
            for n in range(scale_items + 5)
        ),
        "sign_quotas": (
            SignQuota(
                id=f"{code}.quota.inside",
                name=f"内部标牌（{code}）",  # each layer its own: a same-named item must restate the inherited one
                sign_type="plaque",
                placement="inside",
                max_count=rng.randint(6, 12),
                citations=cite,
            ),
        ),
        "certificates": tuple(
            Certificate(
                id=f"{code}.certificate.c{n}",
                name=f"{rng.choice(WORDS)}证明{code}-{n}",
                status=rng.choice(["retained", "cancelled", "not_to_issue"]),
                basis=cite,
                citations=cite,
            )
            for n in range(scale_items + 10)
        ),
        "facilities": (
            FacilityStandard(
                id=f"{code}.facility.village",
                name=f"村级综合服务设施（{code}）",
                applies_to="village",
                min_floor_area_m2=float(rng.randint(200, 400)),
                min_activity_area_pct=60.0,
                citations=cite,
            ),
        ),
    }


def generate(root: Path, *, scale: float = 1.0, fmt: str = "csv", seed: int = 20221) -> list[Path]:
    """Write the nation under ``root`` (national, provinces, counties) and return the package folders."""
    rng = random.Random(seed)
    paths = [save_layer(load_layer(NATIONAL), root / "cn", fmt=fmt)]  # type: ignore[arg-type]
    counties = max(1, round(COUNTIES * scale))
    for p_index, prefix in enumerate(PROVINCES):
        code = f"{prefix}0000"
        items = _items(rng, code, duties=20, scale_items=5)
        overrides = (
            Override(
                id=f"{code}.override.floor",
                name="提高每百户面积",
                target="cn.facility.community-service-facility",
                field="min_area_per_100_households_m2",
                value=str(30 + rng.randint(0, 5)),
                citations=[f"{code}.document.plan#1"],
            ),
        )
        package = LayerPackage(layer=_layer(code, "province", "cn"), overrides=overrides, **items)  # type: ignore[arg-type]
        paths.append(save_layer(package, root / code, fmt=fmt))  # type: ignore[arg-type]
        share = counties // len(PROVINCES) + (1 if p_index < counties % len(PROVINCES) else 0)
        for n in range(share):
            county = f"{prefix}{n // 99 + 1:02d}{n % 99 + 1:02d}"
            items = _items(rng, county, duties=100, scale_items=15)
            overrides = (
                Override(
                    id=f"{county}.override.floor",
                    name="提高面积",
                    target=f"{code}.facility.village",
                    field="min_floor_area_m2",
                    value=str(400 + rng.randint(0, 100)),
                    citations=[f"{county}.document.plan#2"],
                ),
            )
            package = LayerPackage(layer=_layer(county, "county", code), overrides=overrides, **items)  # type: ignore[arg-type]
            paths.append(save_layer(package, root / code / county, fmt=fmt))  # type: ignore[arg-type]
    return paths


def _stamp() -> str:
    """What a nation is written by: this generator and the Table Schemas villagecat writes into descriptors now.

    A nation written before a format change holds descriptors villagecat no longer recognises
    by their bytes, so it would be read the slow way throughout and time the wrong path. A
    report's schema is in no descriptor: a change to one writes no nation again.
    """
    digest = hashlib.sha256(Path(__file__).read_bytes())
    tables = {name: schema for name, schema in generate_schemas().items() if name.startswith("table/")}
    digest.update(json.dumps(tables, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def fresh_nation(work: Path, scale: float) -> None:
    """Write the nation under ``work`` (``csv`` and ``json``) unless the one there was written as now."""
    stamp, marker = _stamp(), work / "stamp"
    if marker.is_file() and marker.read_text(encoding="utf-8") == stamp:
        return
    shutil.rmtree(work, ignore_errors=True)
    print("generating the nation …", file=sys.stderr)
    for fmt in ("csv", "json"):
        generate(work / fmt, scale=scale, fmt=fmt)
    marker.write_text(stamp, encoding="utf-8")
