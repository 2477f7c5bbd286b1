"""The JSON Schemas of the commands' ``--format json`` outputs, besides ``diff``'s.

Each is derived from the code that writes the output: its vocabularies from the code's own
(``FindingLevel``, ``Scope``, the registry of kinds), and every value an output shares with a
published schema by ``$ref`` to it (items to their kind's schema, citations to
``citation.schema.json``, a merge conflict to ``conflict.schema.json``, a change to the diff
report's), so one schema says each thing once. :mod:`villagecat.schema` publishes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from villagecat._text import class_of
from villagecat.schema import DRAFT, LINE_BREAKS, schema_id

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["output_schemas"]

_TEXT = {"type": "string"}
_NULLABLE_TEXT = {"type": ["string", "null"]}
_COUNT = {"type": "integer", "minimum": 0}
_BOOLEAN = {"type": "boolean"}


def _ref(name: str, pointer: str = "") -> dict[str, Any]:
    """A ``$ref`` to a published schema (``name``), or to a part of it (``pointer``: ``/properties/id``)."""
    return {"$ref": schema_id(name) + (f"#{pointer}" if pointer else "")}


def _titled(schema: Mapping[str, Any], zh: str, en: str, description: str | None = None) -> dict[str, Any]:
    """``schema`` with its Chinese title, English title and, if given, its bilingual description."""
    return {**schema, "title": zh, "x-title-en": en, **({"description": description} if description else {})}


def _closed(properties: dict[str, Any], required: list[str] | None = None, **rest: Any) -> dict[str, Any]:  # noqa: ANN401
    """An object of exactly these properties (all required unless ``required`` says which)."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties) if required is None else required,
        "properties": properties,
        **rest,
    }


def _document(name: str, zh: str, en: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": schema_id(name),
        "title": zh,
        "x-title-en": en,
        "description": description,
        **body,
    }


def _citations(zh: str = "出处", en: str = "Citations") -> dict[str, Any]:
    return _titled({"type": "array", "items": _ref("citation")}, zh, en)


def _layer(field: str) -> dict[str, Any]:
    """A layer's field, as ``layer.schema.json`` describes it."""
    return _ref("layer", f"/properties/{field}")


def _layer_ref() -> dict[str, Any]:
    """A layer named in an output: id, names and version (``render._layer_ref``)."""
    return _closed({name: _layer(name) for name in ("id", "name_zh", "name_en", "version")})


def conflict_schema() -> dict[str, Any]:
    """The JSON Schema of a merge conflict (:meth:`villagecat.merging.Conflict.to_dict`).

    ``catalog``'s conflicts, ``impact``'s new conflicts and a diff's ``child_layers`` are lists of it.
    """
    return _document(
        "conflict",
        "合并冲突",
        "Merge conflict",
        "下级层的操作违反合并规则；继承的值保留。"
        "villagecat catalog、impact 和 diff（child_layers）的 JSON 输出中的冲突。"
        "\n\nA lower layer's operation that breaks a merge rule; the inherited value stays. The conflicts in the "
        "JSON of villagecat catalog, impact and diff (child_layers).",
        _closed(
            {
                "layer": _titled(_layer("id"), "冲突所在层", "Layer of the operation"),
                "version": _titled(_layer("version"), "该层版本", "Its version"),
                "item": _titled(
                    _TEXT, "条目", "Item", "继承条目的标识（或层的标识）。\n\nThe inherited item's id (or a layer's)."
                ),
                "field": _titled(
                    _NULLABLE_TEXT, "字段", "Field", "冲突的字段；整个条目时为 null。\n\nThe field, or null."
                ),
                "rule": _titled(
                    {"type": "string", "pattern": "^[a-z]+(?:_[a-z]+)*$"},
                    "违反的规则",
                    "Rule broken",
                    "如 increase_only、decrease_only、sticky、grow_only、cancel_forbidden、unknown_target。\n\n"
                    "Such as increase_only, decrease_only, sticky, grow_only, cancel_forbidden, unknown_target.",
                ),
                "inherited": _titled({}, "继承的值", "Inherited value"),
                "attempted": _titled({}, "操作要求的值", "Value asked for"),
                "citations": _citations("操作的出处", "Citations of the operation"),
                "inherited_citations": _citations("继承值的出处", "Citations of the inherited value"),
                "operation": _titled(
                    _NULLABLE_TEXT, "操作", "Operation", "覆盖或取消的标识。\n\nThe override's or cancellation's id."
                ),
                "detail": _titled(_TEXT, "说明（英文）", "Detail in English"),
                "detail_zh": _titled(_TEXT, "说明（中文）", "Detail in Chinese"),
                "message_zh": _titled(
                    _TEXT,
                    "完整说明（中文）",
                    "Message in Chinese",
                    "文本报告所写的一行：规则、上级值与本层值、怎样改正。\n\n"
                    "The line the text report gives: the rule, the values, what to do.",
                ),
                "message_en": _titled(_TEXT, "完整说明（英文）", "Message in English"),
            },
            required=[
                "layer",
                "version",
                "item",
                "field",
                "rule",
                "inherited",
                "attempted",
                "citations",
                "inherited_citations",
                "operation",
                "detail",
                "detail_zh",
            ],
        ),
    )


#: A finding's rule or observed value: a number, a text (a vocabulary's value), a list of them, or null.
_SCALAR = [{"type": "string"}, {"type": "number"}, {"type": "null"}]


def check_report_schema() -> dict[str, Any]:
    """The JSON Schema of a check's report (:meth:`villagecat.checks.CheckReport.to_dict`).

    ``check facility``, ``check signage``, ``audit``, ``admit`` and ``lint`` (one package) print it.
    """
    from villagecat.checks._codes import FINDING_CODES  # noqa: PLC0415
    from villagecat.checks._report import CheckName, FindingLevel  # noqa: PLC0415
    from villagecat.models import Scope  # noqa: PLC0415

    levels = list(get_args(FindingLevel))
    places = [s.value for s in Scope if s is not Scope.BOTH]  # a finding judges one place
    value = {"anyOf": [*_SCALAR, {"type": "array", "items": {"anyOf": _SCALAR}}]}
    subject = {"type": "string", "minLength": 1}
    finding = _closed(
        {
            "code": _titled(
                {"type": "string", "enum": sorted(FINDING_CODES)},
                "结果代码",
                "Finding code",
                "稳定的代码，如 facility-floor-area、signage-missing、admission-prohibited；各代码的含义见"
                " docs/finding-codes.md。\n\n"
                "A stable code, such as facility-floor-area, signage-missing, admission-prohibited; each is"
                " described in docs/finding-codes.md.",
            ),
            "level": _titled(
                {"enum": levels},
                "结果",
                "Level",
                "fail：不符合（退出码 1）；warn：提示；pass：符合。\n\nfail (exit 1), warn or pass.",
            ),
            "subject": _titled(
                subject,
                "对象",
                "Subject",
                "所核查的村（社区）、工作事项或条目；未写名称的一处为 village。\n\n"
                "The village, task or item checked; one place given without a name is village.",
            ),
            "scope": _titled(
                {"enum": [*places, None]},
                "村或社区",
                "Village or community",
                "village：村；community：城市社区；null：不针对某一村或社区（如 lint 对数据包的检查）。\n\n"
                "village, or community (an urban community); null where the finding judges no place (lint's of a "
                "package).",
            ),
            "message_zh": _titled(_TEXT, "说明（中文）", "Message in Chinese"),
            "message_en": _titled(_TEXT, "说明（英文）", "Message in English"),
            "rule": _titled(value, "规则的值", "Rule's value", "如要求的面积。\n\nSuch as the area required."),
            "observed": _titled(value, "实际的值", "Observed value"),
            "item": _titled(
                _NULLABLE_TEXT, "条目", "Item", "规定该规则的条目的标识。\n\nThe item that holds the rule."
            ),
            "citations": _citations("依据", "Citations"),
        },
    )
    finding = _titled(finding, "核查结果", "Finding")
    counts = _closed(dict.fromkeys(levels, _COUNT))
    return _document(
        "check-report",
        "核查报告",
        "Check report",
        "villagecat check facility、check signage、audit、admit 和 lint（一个数据包）--format json 的输出。\n\n"
        "The output of villagecat check facility, check signage, audit, admit and lint (one package) "
        "with --format json.",
        _closed(
            {
                "check": _titled({"enum": list(get_args(CheckName))}, "核查", "Check"),
                "jurisdiction": _titled(_layer("id"), "辖区", "Jurisdiction"),
                "jurisdiction_name": _titled(_layer("name_zh"), "辖区名称", "Jurisdiction's name"),
                "failed": _titled(_BOOLEAN, "有不符合", "Failed"),
                "summary": _titled(
                    {"type": "object", "propertyNames": subject, "additionalProperties": counts},
                    "各对象的结果数",
                    "Findings per subject and level",
                ),
                "findings": _titled({"type": "array", "items": finding}, "核查结果", "Findings"),
            }
        ),
    )


def lint_report_schema() -> dict[str, Any]:
    """The JSON Schema of ``lint --format json``: one check report, or for several packages one object of them."""
    lint = {"$ref": schema_id("check-report"), "type": "object", "properties": {"check": {"const": "lint"}}}
    several = _closed(
        {
            "failed": _titled(_BOOLEAN, "有不符合", "Failed"),
            "reports": _titled({"type": "array", "items": lint, "minItems": 2}, "各数据包的报告", "Reports"),
        }
    )
    return _document(
        "lint-report",
        "政策规则检查报告",
        "Lint report",
        "villagecat lint --format json 的输出：一个数据包时为一份核查报告（check-report），"
        "多个数据包时为一个对象：failed 与 reports（各数据包的核查报告）。\n\n"
        "The output of villagecat lint --format json: for one package its check report (check-report); for "
        "several, one object: failed, and reports (each package's check report).",
        {"oneOf": [lint, several]},
    )


def quotes_report_schema() -> dict[str, Any]:
    """The JSON Schema of ``quotes --format json`` (:meth:`villagecat.quotes.QuoteReport.to_dict`)."""
    from villagecat.quotes import CODES, QuoteLevel  # noqa: PLC0415

    codes = "\n".join(f"- {code}：{zh}" for code, (zh, _) in CODES.items())
    codes_en = "\n".join(f"- {code}: {en}" for code, (_, en) in CODES.items())
    problem = _closed(
        {
            **problem_properties(),
            "code": _titled({"enum": list(CODES)}, "问题代码", "Problem code", f"{codes}\n\n{codes_en}"),
            "level": _titled(
                {"enum": list(get_args(QuoteLevel))},
                "结果",
                "Level",
                "fail：引文不见于原文，或时间节点的时限与原文不符；warn：被引文件没有原文，未核对。\n\n"
                "fail: a quote, or a milestone's deadline, not as the text has it; warn: no text given, so unchecked.",
            ),
            "document": _titled(_TEXT, "被引文件", "Document quoted"),
            "clause": _titled(_NULLABLE_TEXT, "条款", "Clause", "引文写在条款上时，条款的标识。\n\nThe clause's id."),
            "items": _titled({"type": "array", "items": _TEXT}, "引用它的条目", "Items citing it"),
            "quote": _titled(
                _NULLABLE_TEXT,
                "引文",
                "Quote",
                "时间节点的问题为其时限原文（due_text）；未核对的文件为 null。\n\n"
                "A milestone's due_text for its problems; null for an unchecked document.",
            ),
            "differs_at": _titled(
                {"type": ["integer", "null"], "minimum": 0},
                "相符的字数",
                "Characters that match",
                "引文开头与原文相符的字数；其后与原文不同。\n\nHow many characters of the quote match first.",
            ),
            "differs": _titled(_NULLABLE_TEXT, "不符处的引文", "Quote from there"),
            "text_there": _titled(
                _NULLABLE_TEXT,
                "原文此处",
                "Text there",
                "原文在该处的文字；原文不含引文的任何开头时为 null。\n\n"
                "What the text has there; null when no beginning of the quote is in it.",
            ),
            "misspelt": _titled(
                _NULLABLE_TEXT,
                "疑似拼错的原文标识",
                "Text id that looks misspelt",
                "所给原文中与该文件标识相近、而没有数据包引用的标识。\n\nA given text's id like the document's.",
            ),
        }
    )
    report = _closed(
        {
            "target": _titled(_TEXT, "数据包", "Package"),
            "quotes": _titled(_COUNT, "引文数", "Quotes"),
            "not_found": _titled(
                _COUNT,
                "与原文不符的引文数",
                "Quotes not as the source has them",
                "不见于所引文件原文、或不在所引条款中的引文数，以及时限与原文不符的时间节点问题数（均为 fail）。\n\n"
                "Quotes not in the cited document's text, or not in the section cited, and milestones' deadlines"
                " not as the source writes them (every fail).",
            ),
            "unchecked": _titled(_COUNT, "未核对的引文数", "Quotes unchecked"),
            "problems": _titled({"type": "array", "items": problem}, "问题", "Problems"),
        }
    )
    return _document(
        "quotes-report",
        "引文核对报告",
        "Quotes report",
        "villagecat quotes --format json 的输出：每个所给数据包一份报告。\n\n"
        "The output of villagecat quotes --format json: one report per package given.",
        _closed(
            {
                "passed": _titled(
                    _BOOLEAN, "通过", "Passed", "与退出码 0 一致（--strict 时提示也不通过）。\n\nAs exit 0."
                ),
                "reports": _titled({"type": "array", "items": report, "minItems": 1}, "各数据包的报告", "Reports"),
            }
        ),
    )


def impact_report_schema() -> dict[str, Any]:
    """The JSON Schema of ``impact --format json`` (:meth:`villagecat.impact.Impact.to_dict`)."""
    diff = schema_id("diff-report")
    jurisdiction = _closed(
        {
            "jurisdiction": _titled(_layer("id"), "辖区", "Jurisdiction"),
            "name_zh": _titled(_layer("name_zh"), "辖区名称", "Jurisdiction's name"),
            "summary": _titled({"$ref": f"{diff}#/$defs/counts"}, "各级别变更数", "Changes per level"),
            "changes": _titled(
                {"type": "array", "items": {"$ref": f"{diff}#/$defs/change"}},
                "有效目录的变更",
                "Changes to the effective catalog",
            ),
            "new_conflicts": _titled({"type": "array", "items": _ref("conflict")}, "新冲突", "New conflicts"),
            "audiences": _titled({"$ref": f"{diff}#/$defs/affected"}, "受影响的对象", "Who is affected"),
        }
    )
    return _document(
        "impact-report",
        "修订影响报告",
        "Impact report",
        "villagecat impact --format json 的输出：修订层以下每个辖区的有效目录用旧版本和新版本合并时的变化与新冲突。"
        "\n\nThe output of villagecat impact --format json: for every jurisdiction below the revised layer, what "
        "changes in its effective catalog and which conflicts the new version causes.",
        _closed(
            {
                "layer": _titled(_layer("id"), "修订的层", "Layer revised"),
                "old_version": _titled(_layer("version"), "原版本", "Old version"),
                "new_version": _titled(_layer("version"), "新版本", "New version"),
                "jurisdictions": _titled({"type": "array", "items": jurisdiction}, "各辖区", "Jurisdictions"),
                "unchecked": _titled(
                    {"type": "array", "items": {"$ref": f"{diff}#/$defs/unchecked-layer"}},
                    "未核对的下级层",
                    "Layers below not checked",
                    "可能位于其下、但因缺少上级层而未能合并的层（退出码 1）。\n\n"
                    "Layers that may lie below but could not be merged (exit 1).",
                ),
                "checked": _titled(
                    {"type": "array", "items": _layer("id")},
                    "核对过的下级层",
                    "Layers below checked",
                    "与新旧两版合并核对过的下级层，有无变化都列出；为空时没有已知的下级层。\n\n"
                    "The layers below merged with both versions, changed or not; empty: no layer below is known.",
                ),
            },
            required=["layer", "old_version", "new_version", "jurisdictions", "unchecked"],
        ),
    )


def _embedded(slug: str, schema: Mapping[str, Any], pointer: str, extra: dict[str, Any]) -> dict[str, Any]:
    """An object of a published schema's properties (each by ``$ref``) and ``extra`` ones, all it requires too.

    An output that writes an item (or part of one) with keys of its own beside it cannot
    ``$ref`` the whole closed schema; it refers to each of its fields instead.
    """
    return _closed(
        {name: _ref(slug, f"{pointer}/properties/{name}") for name in schema["properties"]} | extra,
        [*extra, *schema["required"]],
    )


def catalog_schema(published: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON Schema of ``catalog --format json`` (:func:`villagecat.render.catalog_to_dict`)."""
    from villagecat.format.registry import kinds  # noqa: PLC0415
    from villagecat.merging import Action  # noqa: PLC0415
    from villagecat.models import Scope  # noqa: PLC0415
    from villagecat.package import ITEM_RESOURCES  # noqa: PLC0415

    slugs = {kind.resource: kind.slug for kind in kinds()}
    route = published["layer.schema.json"]["$defs"]["AdmissionRoute"]
    admission = _embedded("layer", route, "/$defs/AdmissionRoute", {"layer": _titled(_layer("id"), "所在层", "Layer")})
    step = _closed(
        {
            "layer": _layer("id"),
            "version": _layer("version"),
            "action": {"enum": list(get_args(Action))},
        }
    )
    cancelled = _closed(
        {
            "resource": _titled({"enum": list(ITEM_RESOURCES)}, "资源", "Resource"),
            "id": _titled(_TEXT, "条目", "Item"),
            "name": _titled(_TEXT, "名称", "Name"),
            "layer": _titled(_layer("id"), "取消它的层", "Layer that cancelled it"),
            "version": _titled(_layer("version"), "该层版本", "Its version"),
            "reason": _titled(_TEXT, "理由", "Reason"),
            "citations": _citations(),
        }
    )
    return _document(
        "catalog",
        "有效目录",
        "Effective catalog",
        "villagecat catalog --format json 的输出：各层合并后的有效目录，附每个字段的来源层。"
        "\n\nThe output of villagecat catalog --format json: the layers merged, with the layer that set each field.",
        _closed(
            {
                "jurisdiction": _titled(
                    _closed({**_layer_ref()["properties"], "level": _layer("level")}), "辖区", "Jurisdiction"
                ),
                "scope": _titled(
                    {"enum": [*(s.value for s in Scope), "all"]},
                    "适用范围",
                    "Scope",
                    "所列条目适用于村、社区或全部（all）。\n\nThe items listed: for villages, communities, or all.",
                ),
                "chain": _titled({"type": "array", "items": _layer_ref(), "minItems": 1}, "各层", "Layer chain"),
                "admission": _titled(
                    {"anyOf": [admission, {"type": "null"}]},
                    "准入审批程序",
                    "Admission route",
                    "最具体的、写明审批程序的层及其程序；都未写明时为 null。\n\n"
                    "The most specific layer's approval route, or null.",
                ),
                "counts": _titled(_closed(dict.fromkeys(ITEM_RESOURCES, _COUNT)), "各资源条目数", "Items per resource"),
                "items": _titled(
                    _closed({r: {"type": "array", "items": _ref(slugs[r])} for r in ITEM_RESOURCES}),
                    "条目",
                    "Items",
                    "各资源的条目，与其 JSON Schema 所述相同。\n\n"
                    "Each resource's items, as their schemas describe them.",
                ),
                "provenance": _titled(
                    {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": step}},
                    "来源",
                    "Provenance",
                    "条目标识 → 字段 → 最后设定它的层（标识、版本）与操作。\n\n"
                    "Item id -> field -> the layer (id, version) that last set it, and how.",
                ),
                "by_reference": _titled(
                    {"type": "array", "items": _TEXT, "uniqueItems": True},
                    "参照执行的条目",
                    "Items by reference",
                    "列出社区（scope 为 community）时，写的是村级组织、按国家层三参照执行的条目标识，"
                    "来源未写明其对社区的约束力；否则为空。\n\nFor a community's listing (scope community), the ids of"
                    " the items worded for villages that reach it by reference (national 三), at a strength their"
                    " sources do not state; otherwise empty.",
                ),
                "cancelled": _titled({"type": "array", "items": cancelled}, "已取消的条目", "Items cancelled"),
                "conflicts": _titled(
                    {"type": "array", "items": _ref("conflict")},
                    "合并冲突",
                    "Merge conflicts",
                    "有冲突时退出码为 1。\n\nAny conflict exits 1.",
                ),
            }
        ),
    )


def explain_schema(published: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON Schema of ``explain --format json`` (:func:`villagecat.render.explain_to_dict`)."""
    from villagecat.format.registry import kinds  # noqa: PLC0415
    from villagecat.merging import Action  # noqa: PLC0415

    names = {"name_zh": _layer("name_zh"), "name_en": _layer("name_en")}
    refused = _titled(
        {"type": "array", "items": _ref("conflict"), "minItems": 1},
        "被拒的改动",
        "Refused",
        "本层对该字段的改动中被合并规则拒绝的（取值仍为上级的），与 catalog 列出的合并冲突相同；没有时不列此项。\n\n"
        "The layer's operations on the field a merge rule refused (the value stays the parent's), as catalog lists "
        "its conflicts; absent where there are none.",
    )
    took_none = _closed(
        {
            "layer": _layer("id"),
            **names,
            "version": _layer("version"),
            "action": _titled(
                {"enum": ["inherited", "absent"]},
                "操作",
                "Action",
                "inherited：本层未改动，沿用上级层的值；absent：本层以上都没有该条目。\n\n"
                "inherited: the layer kept the value from above; absent: no layer so far has the item.",
            ),
            "refused": refused,
        },
        ["layer", "name_zh", "name_en", "version", "action"],  # refused only where the layer has some
    )
    step = _closed(
        {
            **names,
            "layer": _layer("id"),
            "version": _layer("version"),
            "action": _titled({"enum": list(get_args(Action))}, "操作", "Action"),
            "value": _titled({}, "此后的值", "Value after it"),
            "citations": _citations(),
            "operation": _titled(_NULLABLE_TEXT, "覆盖", "Override", "做此操作的覆盖的标识。\n\nThe override's id."),
            "refused": refused,
        },
        ["name_zh", "name_en", "layer", "version", "action", "value", "citations", "operation"],
    )
    fields = sorted({name for kind in kinds() for name in published[f"{kind.slug}.schema.json"]["properties"]})
    field = _closed(
        {
            "value": _titled({}, "有效值", "Effective value"),
            "chain": _titled(
                {"type": "array", "items": {"anyOf": [step, took_none]}, "minItems": 1},
                "各层所做",
                "What each layer did",
            ),
        }
    )
    return _document(
        "explain",
        "取值来源",
        "Explanation",
        "villagecat explain --format json 的输出：自国家层而下，每一层对某条目各字段所做的设定及其出处。\n\n"
        "The output of villagecat explain --format json: from the national layer down, what each layer did to "
        "an item's fields, with citations.",
        _closed(
            {
                "jurisdiction": _titled(_layer("id"), "辖区", "Jurisdiction"),
                "item": _titled(_TEXT, "条目", "Item"),
                "fields": _titled(
                    {
                        "type": "object",
                        "propertyNames": {"enum": fields},
                        "additionalProperties": field,
                        "minProperties": 1,
                    },
                    "字段",
                    "Fields",
                ),
                "refused": _titled(
                    {"type": "array", "items": _ref("conflict"), "minItems": 1},
                    "对整个条目被拒的操作",
                    "Refused on the whole item",
                    "各层对整个条目的操作中被合并规则拒绝的（如取消不得取消的条目），与 catalog 列出的合并冲突相同；"
                    "没有时不列此项。\n\n"
                    "The operations on the item as a whole a merge rule refused (a cancellation of an item that may "
                    "not be cancelled), as catalog lists its conflicts; absent where there are none.",
                ),
            },
            ["jurisdiction", "item", "fields"],
        ),
    )


def timeline_schema(published: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON Schema of ``timeline --format json``: each milestone as its schema has it, and its layer."""
    layer = _titled(_layer("id"), "所在层", "Layer", "规定它的层。\n\nThe layer that sets it.")
    row = _embedded("milestone", published["milestone.schema.json"], "", {"layer": layer})
    return _document(
        "timeline",
        "时间节点",
        "Timeline",
        "villagecat timeline --format json 的输出：本辖区各层规定的时间节点，按日期先后。\n\n"
        "The output of villagecat timeline --format json: the deadlines the jurisdiction's layers set, earliest "
        "first.",
        {"type": "array", "items": row},
    )


def layers_schema() -> dict[str, Any]:
    """The JSON Schema of ``layers --format json``: one row per layer."""
    from villagecat.format.registry import kinds  # noqa: PLC0415

    counted = [k.resource for k in kinds() if k.in_catalog or k.role == "operation"]  # LayerPackage.counts
    row = _closed(
        {
            **{name: _layer(name) for name in ("id", "level", "name_zh", "name_en", "slug", "version")},
            "parent": _titled(
                _NULLABLE_TEXT,
                "上级层",
                "Parent",
                "上级层的标识与版本范围，如 cn >=0.5.0,<0.6.0。\n\n"
                "The parent's id and version range, such as cn >=0.5.0,<0.6.0.",
            ),
            "counts": _titled(
                {
                    "type": "object",
                    "propertyNames": {"enum": counted},
                    "additionalProperties": {"type": "integer", "minimum": 1},
                },
                "条目数",
                "Item counts",
                "各资源的条目数（不列空的资源）。\n\nItems per resource (empty ones left out).",
            ),
        }
    )
    return _document(
        "layers",
        "目录层列表",
        "Layers",
        "villagecat layers --format json 的输出：每层一行。\n\n"
        "The output of villagecat layers --format json: one row per layer.",
        {"type": "array", "items": row},
    )


def problem_properties() -> dict[str, Any]:
    """The properties of a problem as ``Problem.to_dict`` writes it (validate's, and quotes' with more)."""
    nullable_count = {"type": ["integer", "null"], "minimum": 1}
    return {
        "file": _titled(
            _TEXT,
            "文件",
            "File",
            "数据包内的文件（或数据包本身）。\n\nThe file, relative to the package, or the package.",
        ),
        "line": _titled(
            nullable_count,
            "行",
            "Line",
            "文本文件中的行号（CSV 表头为第 1 行）。\n\nThe line in a text file (a CSV header is 1).",
        ),
        "row": _titled(
            nullable_count,
            "条",
            "Row",
            "JSON 数组中的第几条（从 1 起）。\n\nThe 1-based position of a record in a JSON array.",
        ),
        "field": _titled(
            _NULLABLE_TEXT, "字段", "Field", "列名或字段的点分路径。\n\nThe column or the dotted path of the field."
        ),
        "code": _titled(
            _TEXT, "问题代码", "Problem code", "稳定的问题代码，如 missing、unknown-document。\n\nA stable code."
        ),
        "message": _titled(_TEXT, "说明（--lang 所选语言）", "Message (in --lang's language)"),
        "message_zh": _titled(_TEXT, "说明（中文）", "Message in Chinese"),
        "message_en": _titled(_TEXT, "说明（英文）", "Message in English"),
    }


def validation_report_schema() -> dict[str, Any]:
    """The JSON Schema of ``validate --format json`` (one :meth:`ValidationReport.to_dict` per package given)."""
    listed = {"type": "array", "items": _closed(problem_properties()), "minItems": 1}
    problems = _closed({"file": _TEXT, "problems": listed})
    report = _closed(
        {
            "target": _titled(_TEXT, "所校验的路径", "Path validated"),
            "valid": _titled(_BOOLEAN, "有效", "Valid"),
            "readable": _titled(
                _BOOLEAN,
                "可读取",
                "Readable",
                "为 false 时数据包无法读取（退出码 2）。\n\nFalse: the package could not be read (exit 2).",
            ),
            "problem_count": _titled(_COUNT, "问题数", "Problems"),
            "files": _titled({"type": "array", "items": problems}, "按文件分组的问题", "Problems by file"),
            "notes": _titled(
                {"type": "array", "items": _closed(problem_properties())},
                "提示",
                "Notes",
                "不使数据包无效、但应告知的情况，如上级层版本不在声明的范围内而仍可合并。\n\n"
                "What does not make the package invalid but should be said, such as a parent outside the declared"
                " range that the layer still merges onto.",
            ),
        },
        required=["target", "valid", "readable", "problem_count", "files"],
    )
    return _document(
        "validation-report",
        "校验报告",
        "Validation report",
        "villagecat validate --format json 的输出：每个所给数据包一份报告。\n\n"
        "The output of villagecat validate --format json: one report per package given.",
        _closed(
            {
                "valid": _titled(_BOOLEAN, "全部有效", "All valid"),
                "reports": _titled({"type": "array", "items": report}, "各数据包的报告", "Reports"),
            }
        ),
    )


def error_schema() -> dict[str, Any]:
    """The JSON Schema of what ``--format json`` prints when a command fails before its report (exit 1 or 2)."""
    error = _closed(
        {
            "exit_code": _titled(
                {"type": "integer", "enum": [1, 2, 3]},
                "退出码",
                "Exit status",
                "1：数据无效；2：无法读取、用法错误或环境问题；3：villagecat 的缺陷。\n\n"
                "1: invalid data; 2: unreadable input, a usage error or an environment problem;"
                " 3: a bug in villagecat.",
            ),
            "message_zh": _titled(_TEXT, "说明（中文）", "Message in Chinese", "与标准错误输出的一行相同。"),
            "message_en": _titled(_TEXT, "说明（英文）", "Message in English"),
            "where": _titled(_NULLABLE_TEXT, "所涉文件或数据包", "File or package named"),
            "key": _titled(
                _NULLABLE_TEXT,
                "说明的代码",
                "Message code",
                "稳定的代码（如 no-layer、json-malformed），没有时为 null。\n\n"
                "A stable code (no-layer, json-malformed), null where there is none.",
            ),
            "problems": _titled(
                {"type": "array", "items": _closed(problem_properties())},
                "数据包的问题",
                "Problems of the package",
                "读取了但无效的数据包的全部问题（退出码 1），否则为空。\n\n"
                "Every problem of a package read but not valid (exit 1), else empty.",
            ),
        }
    )
    return _document(
        "error",
        "错误",
        "Error",
        "命令以 --format json 运行、未能给出报告时（退出码 1、2 或 3）在标准输出打印的文档；"
        "标准错误输出仍有同一行说明。\n\n"
        "What a command run with --format json prints on standard output when it fails before its report"
        " (exit 1, 2 or 3); standard error still has the same line.",
        _closed({"error": _titled(error, "错误", "Error")}),
    )


def patch_schema() -> dict[str, Any]:
    """The JSON Schema of ``diff --format patch`` (:func:`villagecat.patch.make_patch`): RFC 6902, as written."""
    # A pointer is empty or starts with /: the not says so to a validator whose $ matches before a final line
    # break (java.util.regex), which would take "\n" alone.
    pointer = _titled(
        {
            "type": "string",
            "pattern": "^(/([^~]|~[01])*)*$",
            "not": {"type": "string", "pattern": f"^[{class_of(LINE_BREAKS)}]"},
        },
        "JSON 指针",
        "JSON Pointer",
        "RFC 6901.",
    )
    valued = _closed({"op": {"enum": ["add", "replace", "test"]}, "path": pointer, "value": _titled({}, "值", "Value")})
    removal = _closed({"op": {"const": "remove"}, "path": pointer})

    def tested(key: str, zh: str, en: str) -> dict[str, Any]:
        return _titled(
            _closed({"op": {"const": "test"}, "path": {"const": f"/layer/{key}"}, "value": _layer(key)}), zh, en
        )

    return _document(
        "patch",
        "补丁",
        "Patch",
        "villagecat diff --format patch 的输出：RFC 6902 JSON Patch，作用于数据包的文档形式（layer、items、order）；"
        "有变更时先以两项 test 操作核对层的标识和所基于的版本，villagecat patch 应用它。"
        "\n\nThe output of villagecat diff --format patch: an RFC 6902 JSON Patch over the package's document form "
        "(layer, items, order); one that changes anything opens with two test operations, the layer's id and the "
        "version it was made on. villagecat patch applies it.",
        {
            "type": "array",
            "items": {"oneOf": [valued, removal]},
            # nothing changed: no operation; else each test once (written first: Ajv's strict mode refuses the
            # open tuple prefixItems would say that with, so the order is the description's and villagecat patch's)
            "anyOf": [
                _titled({"type": "array", "maxItems": 0}, "无变更", "No change"),
                {
                    "type": "array",
                    "allOf": [
                        {"contains": tested(key, zh, en), "minContains": 1, "maxContains": 1}
                        for key, zh, en in (
                            ("id", "核对层的标识", "Test of the layer's id"),
                            ("version", "核对所基于的版本", "Test of the version it was made on"),
                        )
                    ],
                },
            ],
        },
    )


def output_schemas(published: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Return the schemas of the outputs, keyed by their path under ``schemas/``.

    Args:
        published: The item schemas already generated, keyed by path: the outputs that embed
            items (a milestone, an admission route) list their fields from them.
    """
    schemas = {
        "validation-report": validation_report_schema(),
        "conflict": conflict_schema(),
        "check-report": check_report_schema(),
        "lint-report": lint_report_schema(),
        "quotes-report": quotes_report_schema(),
        "impact-report": impact_report_schema(),
        "catalog": catalog_schema(published),
        "explain": explain_schema(published),
        "timeline": timeline_schema(published),
        "layers": layers_schema(),
        "patch": patch_schema(),
        "error": error_schema(),
    }
    return {f"{name}.schema.json": schema for name, schema in schemas.items()}
