"""The message catalog: every fixed phrase the commands print, in Chinese and in English.

A phrase is written once here, by key, in both languages; code asks for it with
:func:`say` in the language the user chose (``--lang``, else the locale's). Nothing is
assembled from fragments of one language inside the other. Findings of the checks and
problems of validation carry their own pair of messages, made where they are found.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

__all__ = [
    "LANGS",
    "MESSAGES",
    "Both",
    "Lang",
    "ModelRuleError",
    "model_error",
    "os_reason",
    "pair",
    "reader_error",
    "say",
    "shape_of",
]

Lang = Literal["zh", "en"]
#: The languages villagecat speaks, as a ``lang`` argument names them; the library refuses another.
LANGS: tuple[Lang, ...] = get_args(Lang)


class Both(NamedTuple):
    """A value that reads differently in each language (a list joined with 、 or with commas, a label or a code)."""

    zh: object
    en: object


#: key -> (Chinese, English); ``{name}`` fields are filled by :func:`say`.
MESSAGES: dict[str, tuple[str, str]] = {
    # the command line itself: argparse's headings and usage errors (see villagecat.cli._argparse)
    "help-usage": ("用法", "usage"),
    "help-positionals": ("位置参数", "positional arguments"),
    "help-options": ("选项", "options"),
    "help-help": ("显示帮助并退出", "show this help message and exit"),
    "usage-error": ("用法错误：{detail}；请运行 {prog} --help 查看用法", "error: {detail}; try '{prog} --help'"),
    "usage-required": ("缺少必需的参数：{names}", "the following arguments are required: {names}"),
    "usage-jurisdiction-twice": (
        "辖区给了两次：{first} 与 -j {second}，只能给一个",
        "the jurisdiction is given twice, {first} and -j {second}: give one",
    ),
    "usage-unrecognized": ("无法识别的参数：{names}", "unrecognized arguments: {names}"),
    "usage-argument": ("参数 {argument}：{detail}", "argument {argument}: {detail}"),
    "usage-invalid-choice": (
        "无效的取值“{value}”（可选：{choices}）",
        "invalid choice: {value!r} (choose from {choices})",
    ),
    "usage-invalid-int": ("应为整数，而不是 {value}", "invalid int value: {value}"),
    "usage-invalid-float": ("应为数字，而不是 {value}", "invalid float value: {value}"),
    "usage-invalid-value": ("无效的值 {value}", "invalid value: {value}"),
    "usage-expected-one": ("后面需要给出一个值", "expected one argument"),
    "usage-expected-some": ("后面至少需要给出一个值", "expected at least one argument"),
    "usage-not-allowed-with": ("不能与 {other} 同时使用", "not allowed with argument {other}"),
    "usage-one-required": ("{names} 中至少需要给出一个", "one of the arguments {names} is required"),
    "usage-ambiguous": ("选项 {option} 有歧义，可能是 {matches}", "ambiguous option: {option} could match {matches}"),
    "interrupted": ("已中断", "interrupted"),
    "terminated": ("已终止（收到 SIGTERM）", "terminated (SIGTERM)"),
    "cannot-read-or-write": ("{where}: 无法读写该文件：{reason}", "{where}: cannot read or write it: {reason}"),
    "too-large": ("输入过大或嵌套过深，无法处理", "the input is too large or too deeply nested to handle"),
    "internal-error": (
        "内部错误（villagecat 的缺陷）：{kind}: {detail}。请加 --debug 重新运行，并附上输出报告问题",
        "internal error (a bug in villagecat): {kind}: {detail}. Run again with --debug and report it with the output",
    ),
    "conflict": ("冲突：{detail}", "conflict: {detail}"),
    "refused": ("拒绝出具：{detail}", "refused: {detail}"),
    "notice": ("注意：{what}", "note: {what}"),
    # citations and notes, wherever an item is shown
    "basis": ("依据：{citation}", "basis: {citation}"),
    "source": ("出处：{citation}", "source: {citation}"),
    "note": ("说明：{text}", "note: {text}"),
    "none": ("无", "none"),
    "all": ("全部", "all"),
    # the checks' names in their reports
    "check-admission": ("准入查询", "admission"),
    "check-audit": ("台账核查", "audit"),
    "check-facility": ("综合服务设施检查", "facility"),
    "check-lint": ("数据检查", "lint"),
    "check-signage": ("标牌检查", "signage"),
    "report-table-summary": ("| 对象 | 不符合 | 提示 | 符合 |", "| subject | fail | note | pass |"),
    "report-table-summary-places": (
        "| 对象 | 适用 | 不符合 | 提示 | 符合 |",
        "| subject | for | fail | note | pass |",
    ),
    "report-table-head": ("| 对象 | 结论 | 说明 | 依据 |", "| subject | verdict | code | finding | basis |"),
    "level-fail": ("不符合", "fail"),
    "level-warn": ("提示", "note"),
    "level-pass": ("符合", "pass"),
    # errors of the library and the commands
    "patch-unplaced": (
        "补丁在 /items/{resource} 中加入了 {ids}，却没有放进 /order/{resource}：这些条目会被丢弃，请一并加入顺序",
        "the patch adds {ids} to /items/{resource} but not to /order/{resource}: they would be dropped",
    ),
    "patch-order-unknown": (
        "/order/{resource} 中的 {ids} 在 /items/{resource} 中没有对应条目",
        "{ids} in /order/{resource} has no item in /items/{resource}",
    ),
    "patch-order-twice": (
        "/order/{resource} 中 {ids} 出现了不止一次",
        "{ids} appears more than once in /order/{resource}",
    ),
    "patch-missing-part": ("缺少 {part}", "{part} is missing"),
    "patch-part-shape": (
        "{part} 应为{expected}，补丁后却是{got}",
        "{part} should be {expected}; the patch made it {got}",
    ),
    "patch-invalid-result": (
        "打补丁后的文档不是有效的数据包：{detail}",
        "the patched document is not a valid package: {detail}",
    ),
    "patch-pointer": ("JSON 指针应以“/”开头：“{path}”", "a JSON pointer starts with '/': {path!r}"),
    "patch-root": (
        "JSON 指针“”指整个文档；补丁只能修改其中的部分，如 /layer/version",
        'the pointer "" is the whole document: a patch changes its parts, such as /layer/version',
    ),
    "patch-op-incomplete": ("第 {index} 项操作缺少 op 或 path", "operation {index} needs 'op' and 'path'"),
    "patch-op-no-path": ("第 {index} 项操作：路径 {path} 不存在", "operation {index}: path {path} does not exist"),
    "patch-op-unsupported": (
        "第 {index} 项操作：不支持的操作“{kind}”（可用：{known}）",
        "operation {index}: unsupported op {kind!r} (known: {known})",
    ),
    "patch-op-no-from": (
        "第 {index} 项操作（{kind} {path}）缺少 from",
        "operation {index} ({kind} {path}) needs 'from'",
    ),
    "patch-op-into-itself": (
        "第 {index} 项操作：不能把 {source} 移到它自己的下级 {path}",
        "operation {index}: {source} cannot move into its own child {path}",
    ),
    "patch-op-no-value": (
        "第 {index} 项操作（{kind} {path}）缺少 value",
        "operation {index} ({kind} {path}) needs a value",
    ),
    "patch-op-range": (
        "第 {index} 项操作：{path} 处的序号 {key} 超出范围",
        "operation {index}: index {key} out of range at {path}",
    ),
    "patch-op-test": ("第 {index} 项操作：{path} 处的 test 不成立", "operation {index}: test failed at {path}"),
    "patch-op-test-value": (
        "第 {index} 项操作：{path} 应为“{wanted}”，实际为“{got}”（test 不成立）{why}",
        "operation {index}: {path} should be {wanted!r}, it is {got!r} (test failed){why}",
    ),
    "patch-for-another-layer": ("：补丁不是对这个层写的", ": the patch is for another layer"),
    "patch-for-another-version": ("：补丁不是对这个版本写的", ": the patch is for another version"),
    "patch-for-other-data": ("：补丁不是对这份数据写的", ": the patch is for other data"),
    "patch-not-array": ("JSON Patch 应为操作的数组", "a JSON Patch is an array of operations"),
    "layer-ambiguous": (
        "“{key}”对应多个目录层：{layers}；请给出行政区划代码",
        "{key!r} matches several layers ({layers}); give the division code",
    ),
    "no-layer": ("没有与“{key}”对应的目录层，已知的层：{known}", "no layer matches {key!r}; known: {known}"),
    "hint-layer-option": (
        "；不是内置层的，请用 --layer 路径 给出它的数据包（非内置的上级层也一并给出）",
        "; for a layer that is not shipped, give its package with --layer PATH (and its parents that are not shipped)",
    ),
    "chain-cycle": (
        "层 {layer} 的上级层经 {parent} 形成循环",
        "the parents of layer {layer} form a cycle through {parent}",
    ),
    "chain-missing-parent": (
        "层 {layer} 的上级层 {parent} 不存在",
        "layer {layer} names parent {parent}, which is not known",
    ),
    "no-item": ("{layer}的有效目录中没有条目 {item}", "no item {item} in the catalog of {layer}"),
    "no-item-alike": (
        "{layer}的有效目录中没有条目 {item}；是否指 {meant}？",
        "no item {item} in the catalog of {layer}; did you mean {meant}?",
    ),
    "no-item-alike-more": ("等，共 {count} 个条目的名称含有此词", ", of {count} items whose names hold it"),
    "item-cancelled": (
        (
            "{layer}的有效目录中没有条目 {item}：{by} 以“取消”表（cancellations.csv）{cancellation}"
            " 取消了 {id}（{name}），理由：{reason}"
        ),
        (
            "no item {item} in the catalog of {layer}: {by} cancelled {id} ({name}) by {cancellation}"
            " (cancellations.csv), because: {reason}"
        ),
    ),
    "item-ambiguous": (
        "{layer}的有效目录中有多个条目名为 {item}：{candidates}；请改用其标识",
        "several items of the catalog of {layer} are called {item}: {candidates}; give its id",
    ),
    "no-field-misspelt": (
        "条目 {item} 没有字段 {field}；是否指 {meant}？已有字段：{known}",
        "{item} has no field {field}; did you mean {meant}? fields: {known}",
    ),
    "no-field": ("条目 {item} 没有字段 {field}；已有字段：{known}", "{item} has no field {field}; fields: {known}"),
    "jurisdiction-not-text": (
        '辖区应写作文字，而不是 {kind} {value}：请写作 "{value}"',
        "a jurisdiction is named by text, not {kind} {value}: pass '{value}'",
    ),
    "jurisdiction-is-package": (
        (
            '辖区应写作行政区划代码、中文名称或简称（如 "{code}"），而不是 LayerPackage（{code} 层）：'
            '层包请放在 layers 中，如 villagecat.resolve("{code}", layers=[package])'
        ),
        (
            "a jurisdiction is a division code, Chinese name or slug (such as '{code}'), not a LayerPackage "
            "(layer {code}): give the package in layers, as villagecat.resolve('{code}', layers=[package])"
        ),
    ),
    "jurisdiction-not-name": (
        '辖区应写作行政区划代码、中文名称或简称（如 "120117"），而不是 {kind}',
        "a jurisdiction is a division code, Chinese name or slug (such as '120117'), not {kind}",
    ),
    "argument-not-path": (
        "{what}的路径应为文字（str）或 os.PathLike（如 pathlib.Path），而不是 {kind}",
        "{what}'s path must be text (str) or an os.PathLike (a pathlib.Path), not {kind}",
    ),
    "argument-not-paths": (
        "数据包的路径应为一个路径或路径的列表，而不是 {kind}",
        "packages are given as one path or a list of paths, not {kind}",
    ),
    "argument-not-joining-layer": (
        "加入的层应为数据包的路径（str 或 pathlib.Path）或 LayerPackage，而不是 {kind}",
        "a layer that joins the chain is a package's path (str or pathlib.Path) or a LayerPackage, not {kind}",
    ),
    "argument-not-joining-layers": (
        "加入的层应为一个数据包的路径或 LayerPackage，或它们的列表，而不是 {kind}",
        "the layers that join the chain are one package's path or a LayerPackage, or a list of them, not {kind}",
    ),
    "argument-not-package": (
        "{what}应为 LayerPackage（villagecat.load_layer 读出的数据包），而不是 {kind}",
        "{what} must be a LayerPackage (as villagecat.load_layer returns), not {kind}",
    ),
    "argument-not-figures": (
        "设施数据应为 FacilityFigures 的列表（一个村也写作 [figures]），而不是 {kind}",
        "facility figures are a list of FacilityFigures ([figures] for one village), not {kind}",
    ),
    "argument-not-signs": (
        "标牌应为 ActualSign 的列表（一块也写作 [sign]），而不是 {kind}",
        "signs are a list of ActualSign ([sign] for one), not {kind}",
    ),
    "argument-not-tasks": (
        "事项应为事项名称（str）或其列表，而不是 {kind}",
        "tasks are a task's name (str) or a list of them, not {kind}",
    ),
    "argument-not-sign-text": (
        "标牌文字应为文字（str），而不是 {kind}",
        "a sign's text must be text (str), not {kind}",
    ),
    "argument-not-layer": (
        '目录层的代码或名称应为文字（str），而不是 {kind} {value}：请写作 "{value}"',
        "a layer is named by text (str), not {kind} {value}: pass '{value}'",
    ),
    "argument-not-item": (
        "条目的标识或名称应为文字（str），而不是 {kind} {value}",
        "an item is named by text (str), not {kind} {value}",
    ),
    "argument-not-entry": (
        "应为目录中的条目（EffectiveItem，如 catalog.get(标识) 所得），而不是 {kind}",
        "an item of the catalog is wanted (an EffectiveItem, as catalog.get(id) returns), not {kind}",
    ),
    "argument-not-field": (
        "字段名应为文字（str），而不是 {kind} {value}",
        "a field is named by text (str), not {kind} {value}",
    ),
    "argument-not-task": (
        "事项的名称应为文字（str），而不是 {kind} {value}",
        "a task is named by text (str), not {kind} {value}",
    ),
    "argument-not-member": (
        "{title}应为 {vocab}（如 {vocab}.{example}）、其代码或中文，而不是 {kind}",
        "{title} is a {vocab} ({vocab}.{example}), its code or its Chinese word, not {kind}",
    ),
    "argument-unknown-member": (
        "{title}应为 {allowed} 之一，而不是“{text}”",
        "{title} is one of {allowed}, not {text!r}",
    ),
    "argument-not-text": ("{name} 应为文字（str），而不是 {kind}", "{name} must be text (str), not {kind}"),
    "argument-not-lang": ("语言应为 {known} 之一，而不是 {kind}", "a language is one of {known}, not {kind}"),
    "argument-unknown-lang": ("语言应为 {known} 之一，而不是“{text}”", "a language is one of {known}, not {text!r}"),
    "argument-not-catalog": (
        "目录应为 EffectiveCatalog（villagecat.resolve 得出的有效目录），而不是 {kind}",
        "the catalog must be an EffectiveCatalog (as villagecat.resolve returns), not {kind}",
    ),
    "argument-not-registry": (
        "层的登记表应为 LayerRegistry（villagecat.registry.shipped_registry() 的结果），而不是 {kind}",
        "the registry must be a LayerRegistry (as villagecat.registry.shipped_registry() returns), not {kind}",
    ),
    "argument-not-ledger": (
        "台账应为 Ledger（villagecat.checks.read_ledger(路径) 读出的台账），而不是 {kind}",
        "the ledger must be a Ledger (as villagecat.checks.read_ledger(path) returns), not {kind}",
    ),
    "argument-not-function-areas": (
        '功能区域应为名称的列表（一个也写作 ["党员活动室"]），而不是 {kind}',
        'function areas are a list of names (["党员活动室"] for one), not {kind}',
    ),
    "argument-not-parents": (
        "{what}应为数据包的路径（str 或 pathlib.Path）或 LayerPackage 的列表（一层也写作 [path]），而不是 {kind}",
        "{what} must be a list of packages' paths (str or pathlib.Path) or LayerPackages ([path] for one), not {kind}",
    ),
    "argument-not-packages": (
        "{what}应为 LayerPackage 的列表（一层也写作 [package]），而不是 {kind}",
        "{what} must be a list of LayerPackage ([package] for one), not {kind}",
    ),
    "argument-not-levels": (
        "变更级别应为“变更代码: 级别”的映射（dict），而不是 {kind}",
        "levels must map change codes to levels (a dict), not {kind}",
    ),
    "argument-not-level-list": (
        '变更级别应为级别的列表（如 ["breaking", "info"]），而不是 {kind}',
        'levels are a list of levels (["breaking", "info"]), not {kind}',
    ),
    "argument-unknown-level": (
        "变更级别应为 {known} 之一，而不是“{text}”",
        "a change level is one of {known}, not {text!r}",
    ),
    "argument-not-gate": (
        "审查门槛应为 {known} 之一或 None，而不是“{text}”",
        "a gate is one of {known} or None, not {text!r}",
    ),
    "argument-not-accepted": (
        "接受的变更应为 Accepted 的列表（villagecat.diff.load_accepted(路径) 读出），而不是 {kind}",
        "accepted changes are a list of Accepted (as villagecat.diff.load_accepted(path) returns), not {kind}",
    ),
    "argument-not-values": (
        '填写内容应为“占位名: 文字”的 dict（如 {{"姓名": "张三"}}），而不是 {kind}',
        'the values are a dict of placeholder to text ({{"姓名": "张三"}}), not {kind}',
    ),
    "argument-not-diff-report": (
        "差异报告应为 DiffReport（villagecat.diff.diff_packages 的结果），而不是 {kind}",
        "the report must be a DiffReport (as villagecat.diff.diff_packages returns), not {kind}",
    ),
    "argument-not-resources": (
        '资源名应为资源名的列表（如 ["duties", "signs"]），而不是 {kind}',
        'resources are a list of names (["duties", "signs"]), not {kind}',
    ),
    "argument-not-resource": (
        '资源名应为文字（如 "duties"），而不是 {kind}',
        'a resource is named by text ("duties"), not {kind}',
    ),
    "argument-not-resource-items": (
        "{resource}（{title}）应为若干 {model}（列表、元组或其他可迭代对象；一项也写作 [item]），而不是 {kind}",
        "{resource} ({title}) must be an iterable of {model} (a list, a tuple …; [item] for one), not {kind}",
    ),
    "argument-not-layer-model": (
        "layer 应为 Layer（层的元数据，villagecat.models.Layer），而不是 {kind}",
        "layer must be a Layer (the layer's metadata, villagecat.models.Layer), not {kind}",
    ),
    "argument-model-own-fields": (
        (
            "{resource} 的一项是 {kind}（{model} 的子类），多了字段 {fields}：数据包不保存、不合并这些字段；"
            "请传 {model} 本身"
        ),
        (
            "an item of {resource} is a {kind} (a subclass of {model}) with fields of its own, {fields}: a package"
            " neither saves nor merges them; pass a {model}"
        ),
    ),
    "argument-not-resources-mapping": (
        'resources 应为资源名到条目的映射（如 {{"duties": [...]}}），而不是 {kind}',
        'resources must be a mapping of resource names to items (as {{"duties": [...]}}), not {kind}',
    ),
    "argument-not-package-field": (
        "LayerPackage 的 {name} 应为 {expected}，而不是 {kind}",
        "LayerPackage's {name} must be {expected}, not {kind}",
    ),
    "argument-not-item-kind": (
        "所取条目的类型应为条目的类型（{known} 之一），而不是 {value}",
        "the kind of item to get must be an item's model (one of {known}), not {value}",
    ),
    "argument-not-validation-error": (
        "应为模型抛出的 pydantic.ValidationError，而不是 {kind}",
        "expected the pydantic.ValidationError a model raised, not {kind}",
    ),
    "item-of-another-kind": (
        (
            "{item} 是{actual}（{actual_model}），不是{wanted}（{wanted_model}）："
            '请写作 catalog.get("{item}", {actual_model})，或不给出种类'
        ),
        (
            "{item} is among the {actual} items, not the {wanted} ones: "
            "write catalog.get('{item}', {actual_model}), not {wanted_model}, or give no kind"
        ),
    ),
    "measure-not-number": (
        "{village}{name} 应为数字，而不是 {kind}“{value}”",
        "{village}{name} must be a number, not {kind} {value!r}",
    ),
    "merge-no-layers": ("合并至少需要一层（从全国层开始）", "merge needs at least one layer, national first"),
    "no-certificate": (
        "{name}（{layer}）的目录中没有证明事项“{key}”",
        "no certificate {key!r} in the catalog of {name} ({layer})",
    ),
    "impact-two-layers": (
        "impact 比较同一层的两个版本，这里是 {old} 与 {new} 两个不同的层",
        "impact compares two versions of one layer; got {old} and {new}",
    ),
    "facility-file-and-figures": (
        "--file 给出多个村的数据，不能同时给出一个村的 {flags}；请二选一",
        "--file gives many villages' figures: it cannot be used with one village's {flags}",
    ),
    "facility-figures-needed": (
        "请给出 --floor-area（及 --households），或用 --file 给出多个村的数据",
        "give --floor-area (with --households), or --file with many villages' figures",
    ),
    "set-form": ("应写作 名称=取值，名称不能为空（不是“{item}”）", "takes NAME=VALUE, with a name, not {item!r}"),
    "init-parent-unknown": (
        "上级层 {parent} 不存在；请用 --layer 路径 给出它",
        "parent layer {parent} is not known; pass --layer PATH for it",
    ),
    "release-nothing-changed": (
        "与上一版本（{version}）相比没有变化，未发布，文件未作改动",
        "nothing changed since the previous release ({version}): not released, no file changed",
    ),
    # validation reports
    "where-line": ("第 {line} 行", "line {line}"),
    "where-row": ("第 {row} 条", "row {row}"),
    "where-field": ("字段 {field}", "field {field}"),
    "where-what": ("{where}：{what}", "{where}: {what}"),
    "changed-no-package": (
        "所改动的文件都不属于数据包，无需检查",
        "no changed file belongs to a package: nothing to check",
    ),
    "report-valid": ("{target}：有效", "{target}: valid"),
    "report-problems": ("{target}：发现 {count} 个问题", "{target}: {count} problems"),
    "report-problem": ("{target}：发现 {count} 个问题", "{target}: {count} problem"),
    # self-inspection ledgers
    "where-ledger-row": ("第 {row} 行", "row {row}"),
    "where-ledger-entry": ("第 {row} 项", "entry {row}"),
    "ledger-other-categories": (
        "{count} 行的类别不是{kind}（{categories}），本检查不核查这些行；整本台账请用 villagecat audit 核查",
        "{count} rows are not of the {kind} category ({categories}) and are not checked here; audit checks them all",
    ),
    "ledger-hidden-sheet": (
        "这张工作表是隐藏的，其中各行照样核查；请在表名处右键选“取消隐藏”核对，不属于本台账的工作表（如往年的台账）请移出本文件",
        (
            "the sheet is hidden and its rows are audited all the same; unhide it and check it, and move a sheet"
            " that is no part of this ledger (last year's) out of the file"
        ),
    ),
    "ledger-very-hidden-sheet": (
        (
            "这张工作表设为“深度隐藏”，Excel 的“取消隐藏”列表里看不到它，其中各行照样核查；请用 LibreOffice"
            "打开后取消隐藏核对，或在 Excel 中按 Alt+F11，在属性里把 Visible 改为 -1（xlSheetVisible）；"
            "不属于本台账的工作表（如往年的台账）请移出本文件"
        ),
        (
            "the sheet is very hidden (Excel's Unhide list does not show it) and its rows are audited all the same;"
            " open it in LibreOffice and unhide it, or in Excel's VBA editor (Alt+F11) set its Visible"
            " property to -1, then check it, and move a sheet that is no part of this ledger out of the file"
        ),
    ),
    "ledger-hidden-columns": (
        "{columns}是隐藏列，其中的内容照样读入；请取消隐藏，核对后再核查",
        "these hidden columns are read all the same: {columns}; unhide them and check them",
    ),
    "where-ledger-sheet": ("{file}，工作表“{sheet}”", "{file}, sheet {sheet}"),
    "where-ledger-village": ("第 {number} 个村{name}", "village {number}{name}"),
    "where-ledger-village-name": ("（{name}）", " ({name})"),
    "where-ledger-village-entry": (
        "第 {number} 个村{name}的{kind}第 {row} 项",
        "village {number}{name}, {kind} entry {row}",
    ),
    "where-ledger-village-facility": ("第 {number} 个村{name}的设施", "village {number}{name}, facility"),
    "ledger-problems": ("发现 {count} 个问题，未作核查：", "{count} problems; nothing was checked:"),
    "ledger-required": ("必填", "required"),
    "ledger-not-a-number": ("“{value}”不是数字", "{value!r} is not a number"),
    "ledger-not-a-number-meant": (
        "“{value}”不是数字：若指 {meant}，请填写 {meant}",
        "{value!r} is not a number: if it means {meant}, write {meant}",
    ),
    "ledger-unit": (
        "“{value}”的单位“{unit}”不是此列的单位：此列是{quantity}",
        "{value!r} is in {unit!r}, which is not this column's unit: the column is {quantity}",
    ),
    "ledger-column-unit": (
        "列名中的单位“{unit}”与此列不符：此列是{quantity}",
        "the unit {unit!r} in the column's title does not fit it: the column is {quantity}",
    ),
    "ledger-percent-not-here": (
        "“{value}”是百分比，而此列是{quantity}；百分比只能填在{shares}",
        "{value!r} is a percentage, but this column is {quantity}; a percentage goes only in {shares}",
    ),
    "ledger-percent-fraction": (
        (
            "此列的列名带“%”，“{value}”可能是 {value}%，也可能是 {meant}%（把比例写成了小数）；"
            "若是 {meant}%，请填 {meant}；若确是 {value}%，请填“{value}%”（带百分号）"
        ),
        (
            "the column's title says %, so {value!r} may be {value}% or {meant}% (a share written as a fraction):"
            " write {meant} for {meant}%, or {value}% with the sign if {value}% is meant"
        ),
    ),
    "ledger-share-column": ("“{column}”一列（读作占{of}的比例）", "the {column} column (read as a share of {of})"),
    "ledger-share-over": (
        "“{value}”读作占{of}的比例，不能超过 100%",
        "{value!r} reads as a share of {of}, which cannot be over 100%",
    ),
    "unit-m2": ("面积，以平方米计", "an area in square metres"),
    "unit-cm": ("长度，以厘米计", "a length in centimetres"),
    "unit-households": ("户数", "a count of households"),
    "unit-none": ("文字，不带单位", "text, without a unit"),
    "ledger-not-finite": ("“{value}”应为有限的非负数", "{value!r} is not a finite number that is not negative"),
    "ledger-not-one-of": ("“{value}”应为 {allowed} 之一", "{value!r} is not one of {allowed}"),
    "ledger-not-a-flag": ("“{value}”应为 是 或 否（也可写 √ 或 ×）", "{value!r} is not true/false (nor √ or ×)"),
    "ledger-placement-required": ("必填（外部 或 内部）", "required (outside or inside)"),
    "ledger-duplicate-column": ("表头中列名重复", "the column appears twice in the header"),
    # the columns under a merged title that hold values: one, or each of several (C 列、D 列)
    "ledger-merged-column": ("{letter} 列", "{letter}"),
    "ledger-merged-column-hidden": ("{letter} 列（已隐藏）", "{letter} (hidden)"),
    "ledger-merged-unhide": ("隐藏和", "unhide and "),
    "ledger-note-row": ("第 {row} 行（“{value}”）", "row {row} ({value!r})"),
    "ledger-footer-rows": (
        "{rows}是表格的说明或落款，不是一项记录，未读",
        "{rows}: a note or sign-off of the table, not an entry, not read",
    ),
    "ledger-note-rows": (
        "{rows}只有一个合并单元格，是表格的说明或落款，不是一项记录，未读",
        "{rows} holds one merged cell alone: a note or sign-off, not an entry, not read",
    ),
    "ledger-merged-filled-one": ("{columns}", "column {columns}"),
    "ledger-merged-filled-each": ("{columns}", "each of columns {columns}"),
    "ledger-merged-own-one": ("它自己的", "its own"),
    "ledger-merged-own-each": ("各自的", "its own"),
    "ledger-merged-title": (
        (
            "列名“{heading}”合并了 {first} 列至 {last} 列，而 {filled}也填有内容（第 {row} 行：“{value}”）："
            "每一列只能有一个列名；请取消{unhide}合并，给 {filled}写上{own}列名，若其中的内容不需要，删除该列"
        ),
        (
            "the title {heading!r} is merged across columns {first} to {last}, and {filled} holds values too"
            " (row {row}: {value!r}): each column needs a title of its own; {unhide}unmerge the cells and give {filled}"
            " a title of {own}, or delete it if its contents are not wanted"
        ),
    ),
    "ledger-villages-list": ("应为村的列表", "must be a list of villages"),
    "ledger-village-mapping": ("每个村应为一组字段", "each village must be a mapping"),
    "ledger-list": ("应为列表（每项一行），而不是{shape}", "must be a list, not {shape}"),
    # what a YAML value is, in words (a ledger entry of the wrong shape)
    "shape-dict": ("键值表", "a mapping"),
    "shape-str": ("一段文字", "a text"),
    "shape-int": ("一个数字", "a number"),
    "shape-float": ("一个数字", "a number"),
    "shape-bool": ("真假值", "true or false"),
    "shape-other": ("其他值", "another value"),
    "shape-list": ("一个列表", "a list"),
    "shape-tuple": ("一个列表", "a list"),
    "ledger-facility-mapping": ("应为一组数字字段", "must be a mapping of figures"),
    "ledger-signs-list": ("应为标牌的列表", "must be a list of signs"),
    "ledger-too-large": (
        "“{value}”超出合理范围（不超过 {limit}）；请检查是否多打了数字",
        "{value!r} is past any real figure (at most {limit}): a typing mistake?",
    ),
    "ledger-unknown-column": (
        "不认识这一列（可能是列名写错了，这一列的内容将无法核查）；可用的列名：{known}",
        "unknown column (misspelt? nothing in it would be checked); the columns are: {known}",
    ),
    "json-kind": ("应为{expected}，而不是{shape} {value}", "must be {expected}, not {shape} {value}"),
    "json-number": ("数字（JSON 中不加引号，如 300）", "a number (unquoted in JSON, such as 300)"),
    "json-integer": ("整数（JSON 中不加引号，如 3）", "a whole number (unquoted in JSON, such as 3)"),
    "json-bool": ("真假值 true 或 false（不加引号）", "true or false (unquoted)"),
    "signage-mixed-scope": (
        "{village} 的标牌有的写“村”，有的写“社区”；一处只能按村或按社区核查",
        "the signs of {village} say both village and community: one place is checked as one or the other",
    ),
    "ledger-unknown-column-meant": (
        "不认识这一列（这一列的内容将无法核查）；是否应为“{meant}”？",
        "unknown column (nothing in it would be checked); did you mean {meant}?",
    ),
    "ledger-unknown-key-meant": (
        "不认识这个键（其中的内容将无法核查）；是否应为“{meant}”？",
        "unknown key (nothing under it would be checked); did you mean {meant}?",
    ),
    "ledger-unknown-column-split": (
        "不认识这一列（这一列的内容将无法核查）；应分为“{first}”“{second}”两列分别填写{example}",
        "unknown column (nothing in it would be checked); split it into two columns, {first} and {second}{example}",
    ),
    "ledger-unknown-key-split": (
        "不认识这个键（其中的内容将无法核查）；应分为“{first}”“{second}”两个键分别填写{example}",
        "unknown key (nothing under it would be checked); split it into two keys, {first} and {second}{example}",
    ),
    "ledger-split-colours": ("（如“白底红字”：底色写 白，字色写 红）", " (white with red characters: 白 and 红)"),
    "ledger-split-size": (
        "（以厘米计，如“240×35”：宽度写 240，高度写 35）",
        " (in centimetres; 240×35: 240 and 35)",
    ),
    "ledger-unknown-key": (
        "不认识这个键（可能写错了，其中的内容将无法核查）；可用的键：{known}",
        "unknown key (misspelt? nothing under it would be checked); the keys are: {known}",
    ),
    "ledger-not-one-value": ("应为一个值，而不是{shape}", "must be one value, not {shape}"),
    "ledger-place-scopes": (
        "{village}的事项、机制、证明行有的写村、有的写社区；一个村（社区）只能是其一",
        "the duty, mechanism and certificate rows of {village} say village on some, community on others",
    ),
    "ledger-facility-twice": (
        "{village} 的设施已在前面一行记过；一个村只能有一行设施数据",
        "the facility of {village} is already on an earlier row: one row per village",
    ),
    "ledger-not-whole": ("“{value}”应为整数", "{value!r} is not a whole number"),
    "ledger-village-missing": (
        "未填写村名：本台账记有多个村，每一行都应写明是哪个村",
        "the village is not named: this ledger records several villages, and each row names its own",
    ),
    "ledger-empty": (
        "台账中没有任何可核查的记录（标牌、事项、机制、证明或设施）；请检查是否选错了文件，或表格只有表头",
        (
            "the ledger records nothing to check (no sign, duty, mechanism, certificate or facility);"
            " is it the right file, or a table with only its header?"
        ),
    ),
    "ledger-suffix": (
        (
            "不支持的台账文件类型“{suffix}”；台账应为 YAML（.yaml、.yml）、JSON（.json）、CSV（.csv）"
            "或 Excel 工作簿（.xlsx）。Excel 97-2003 的 .xls 请另存为 .xlsx"
        ),
        (
            "a ledger of type {suffix!r} cannot be read: give YAML (.yaml, .yml), JSON (.json), CSV (.csv)"
            " or an Excel workbook (.xlsx); save an Excel 97-2003 .xls as .xlsx"
        ),
    ),
    # certificate render
    "refusal": (
        "{place}不应出具“{certificate}”（{status}：{why}）。{guidance}；{how}。",
        "{certificate} must not be issued by {place} ({status}: {why}); {guidance}; {how}.",
    ),
    "refusal-why-listed": ("列入不应出具证明事项清单", "listed as not to be issued"),
    "refusal-why-cancelled": ("已取消", "cancelled"),
    "refusal-explain": ("{place}要向群众做好解释说明{reference}", "{place} explains this to the resident{reference}"),
    "refusal-say-why": ("{place}向群众说明不出具的理由", "{place} tells the resident why it does not issue it"),
    # who issues a certificate, by whom it applies to (villagecat.checks.certificate)
    "certificate-place-village": ("村", "the village"),
    "certificate-place-community": ("社区", "the community"),
    "certificate-place-both": ("村（社区）", "the village or community"),
    "render-unlisted": (
        (
            "{name}（{layer}）的目录中没有证明事项“{key}”，无从生成；它不在已收录的不应出具证明事项之列："
            "属于{place}职责范围内的事项，原则上应及时出具证明；目录未列、仍需出具的，可对能够核实的事项据实出具"
            "{reference}"
        ),
        (
            "no certificate {key!r} in the catalog of {name} ({layer}), so none can be generated; it is on no list"
            " recorded not to issue: a matter within the duties of {place} is to be certified promptly, as a rule;"
            " one the catalog does not list may be certified where it can be verified{reference}"
        ),
    ),
    "render-unlisted-alike": (
        "{name}（{layer}）的目录中没有证明事项“{key}”，无从生成；名称与{similar}相近，须核实是否即该项，如是，{org}不应出具",
        (
            "no certificate {key!r} in the catalog of {name} ({layer}), so none can be generated; the name is like"
            " {similar}, which {org} does not issue: check whether it is that one"
        ),
    ),
    "no-certificate-for-scope": (
        "“{certificate}”只适用于{only}，不是{place}的证明事项",
        "{certificate} applies to {only} only: it is no certificate of {place}",
    ),
    "refusal-encouraged": (
        "来源鼓励有关部门通过{ways}等方式办理该事项",
        "the source encourages the departments to handle the matter instead ({ways})",
    ),
    "refusal-handled-by": ("该事项改由有关部门通过{ways}等方式办理", "the department handles the matter ({ways})"),
    "refusal-handled": ("该事项由有关部门办理", "the department handles the matter"),
    # certificate render: what cannot be generated, though the village may issue it (not a refusal)
    "render-catch-all": (
        "“{certificate}”是兜底条目，代表未列名的证明事项，不是一个具体的证明，无法按范本生成；请查找具体的证明事项",
        "{certificate} is a catch-all entry standing for unnamed certificates, not one certificate to generate",
    ),
    "render-no-template": (
        "目录中没有“{certificate}”的证明内容范本，无法生成；该事项是目录保留的证明事项，{place}可按目录据实出具",
        (
            "the catalog holds no template of {certificate}, so none can be generated; it is retained in the catalog:"
            " {place} may issue it as the catalog says"
        ),
    ),
    "render-values": (
        "“{certificate}”的填写项有误（{problems}）。应填写：{declared}",
        "{certificate}: {problems}; the template asks for {declared}",
    ),
    "render-values-missing": ("缺少：{names}", "missing: {names}"),
    "render-values-unknown": ("范本中没有：{names}", "not in the template: {names}"),
    # more errors of the library and the commands
    "invalid": ("无效", "invalid"),
    "report-more-in-file": (
        "……另有 {count} 个问题未列出；多半是同一个错误反复出现，请先改正上面列出的，或用 --format json 查看全部",
        (
            "… and {count} more not listed: most likely the same mistake again; fix those above first, or see"
            " them all with --format json"
        ),
    ),
    "more-problems": ("（另有 {count} 个问题）", " (and {count} more)"),
    "task-too-short": (
        "事项“{task}”过短，无法查找；请写出事项的完整名称，如 代办社会保险登记",
        "the task {task!r} is too short to look up; write the task's whole name, such as 代办社会保险登记",
    ),
    "admit-scope-one": (
        "准入查询针对村或社区之一，不能同时针对两者；请分别查询",
        "admission is asked of a village or of a community, not both at once; ask each",
    ),
    "measure-not-finite": (
        "{village}{name} 应为有限的非负数，实际为“{value}”",
        "{village}{name} must be a finite number that is not negative, not {value!r}",
    ),
    "measure-activity-over-floor": (
        "{village}活动区域面积 {activity} 大于建筑面积 {floor}；请检查两个数是否填反",
        "{village}the activity area {activity} is larger than the floor area {floor}: swapped?",
    ),
    "facility-households-needed": (
        (
            "未给出户数，未核查“每百户不少于 {per100} 平方米”的要求；"
            "请给出户数（台账的“户数”一列，或 check facility 的 --households）"
        ),
        (
            "no household count: the rule of {per100} m² per 100 households was not checked (give a 户数 column "
            "in the ledger, or --households to check facility)"
        ),
    ),
    "facility-households-needed-advised": (
        (
            "未给出户数，未核查来源建议（非硬性要求）的“每百户不少于 {per100} 平方米”；"
            "请给出户数（台账的“户数”一列，或 check facility 的 --households）"
        ),
        (
            "no household count: the advised (not binding) {per100} m² per 100 households was not checked"
            " (give a 户数 column in the ledger, or --households to check facility)"
        ),
    ),
    "facility-households-needed-unstated": (
        (
            "未给出户数，未核查来源所载的“每百户不少于 {per100} 平方米”（来源未写明约束力）；"
            "请给出户数（台账的“户数”一列，或 check facility 的 --households）"
        ),
        (
            "no household count: the source's {per100} m² per 100 households (the source does not say how strongly"
            " it binds) was not checked (give a 户数 column in the ledger, or --households to check facility)"
        ),
    ),
    "measure-too-large": (
        "{village}{name}为 {value}，超出合理范围（不超过 {limit}）；请检查是否多打了数字",
        "{village}{name} is {value}, past any real figure (at most {limit}): a typing mistake?",
    ),
    "sheet-control-character": (
        "工作表“{sheet}”第 {row} 行第 {col} 列的文字含有控制字符 {code}，Excel 工作簿无法保存；请先删去它",
        (
            "sheet {sheet}, row {row}, column {col}: the text holds control "
            "character {code}, which a workbook cannot store"
        ),
    ),
    "sheet-cell-too-long": (
        (
            "工作表“{sheet}”第 {row} 行第 {col} 列（{title}）的文字有 {length} 个字，"
            "超过 Excel 单元格所能容纳的 {limit} 个字"
            "（Excel、WPS 打开时会截去多出的部分，导入后内容就不全了）；请缩短它，或直接发布 CSV 或 JSON 数据包"
        ),
        (
            "sheet {sheet}, row {row}, column {col} ({title}): the text has {length} characters,"
            " more than the {limit} an Excel cell holds (Excel cuts the rest off, and the import would lose it);"
            " shorten it, or publish the CSV or JSON package as it is"
        ),
    ),
    "patch-result-invalid": (
        "补丁应用后的数据包无效，未写入任何文件",
        "the patched package is not valid; nothing written",
    ),
    "upgraded": ("{path}：格式 {old} → {new}", "{path}: format {old} -> {new}"),
    "upgraded-current": ("{path}：已是当前格式（格式 {new}）", "{path}: already in the current format ({new})"),
    "upgraded-current-nothing": (
        "{path}：已是当前格式（格式 {new}），没有需要修复的内容，数据未改动",
        "{path}: already in the current format ({new}); nothing to repair, no data changed",
    ),
    "upgraded-repaired": ("，重新写出时修复了：", "; rewriting it repaired:"),
    "upgraded-nothing-else": ("其余数据未改动", "no other data changed"),
    "repaired-file": ("  {file}：{kinds}", "  {file}: {kinds}"),
    # what upgrade mends, one per code of villagecat.package.REWRITTEN, counted as validate lists them
    "repaired-blank-row": ("空行 {count} 处", "{count} blank rows or runs of them dropped"),
    "repaired-unnamed-column": ("无列名的空列 {count} 处", "{count} columns without a name dropped"),
    "repaired-spreadsheet-date": ("表格软件改写的日期 {count} 处", "{count} dates a spreadsheet rewrote"),
    "repaired-older-format-boolean": ("旧格式的是/否写法 {count} 处", "{count} yes/no cells of an older format"),
    "repaired-descriptor-version": (
        "数据包版本改为本层版本（手改的版本号）{count} 处",
        "{count} package versions set back to the layer's (raised by hand)",
    ),
    "repaired-resource-schema": ("表结构说明 {count} 处", "{count} table schemas of the descriptor"),
    "release-notes": ("{summary}。{changes}", "{summary}. {changes}"),
    "release-notes-children": ("{summary}。{children}。{changes}", "{summary}. {children}. {changes}"),
    "upgrade-zip-needs-output": (
        "{path} 是压缩包，不能就地改写；请用 -o 给出要写入的文件夹",
        "{path} is a zip, which is not rewritten in place: give -o, the folder to write",
    ),
    "import-history": (
        (
            "工作簿“层信息”表中的发布记录与 {folder} 中已发布的不同：{changed}；"
            "已发布的记录不能在工作簿中修改或删除，请在“层信息”表中改回，或重新导出后再修改（确要如此请加 --force）"
        ),
        (
            "the workbook's release records differ from those published in {folder}: {changed}. A published"
            " record is not edited or deleted in the workbook: put it back, or export again (or pass --force)"
        ),
    ),
    "import-history-layer": (
        (
            "工作簿“层信息”表中的发布记录与层 {layer} 已发布的不同：{changed}；"
            "已发布的记录不能在工作簿中修改或删除，请在“层信息”表中改回，或重新导出后再修改（确要如此请加 --force）"
        ),
        (
            "the workbook's release records differ from those layer {layer} published: {changed}. A published"
            " record is not edited or deleted in the workbook: put it back, or export again (or pass --force)"
        ),
    ),
    "import-older": (
        (
            "工作簿中的版本 {new} 比 {folder} 中已有的 {old} 旧，导入会改回旧版本并删去发布记录 {lost}；"
            "工作簿可能是在发布前导出的，请重新导出最新版本再修改（确要如此请加 --force）"
        ),
        (
            "the workbook is version {new}, older than {old} in {folder}: importing it would go back and drop"
            " the release {lost}. Was it exported before the release? Export again and edit that (or pass --force)"
        ),
    ),
    "release-two-layers": (
        "上一版本是 {old} 层，要发布的是 {new} 层，不是同一层的两个版本；--against 应给出本层的上一版本",
        (
            "the previous version is layer {old} and the package is layer {new}:"
            " give --against an earlier version of {new}"
        ),
    ),
    "change-part": ("{field}：{value}", "{field}: {value}"),
    "diff-two-layers-api": (
        (
            "{old}与{new}是两个不同的层，不是同一层的两个版本；"
            "如要比较两者对村的有效目录，请用 diff_catalogs 比较两者合并所得的有效目录（villagecat.resolve 或 merge）"
        ),
        (
            "{old} and {new} are two different layers, not two versions of one; to compare what they mean for "
            "villages, compare their effective catalogs (villagecat.resolve or merge) with diff_catalogs"
        ),
    ),
    "package-of-layer": ("{name}（{layer} 层）", "{name} (layer {layer})"),
    "diff-two-layers": (
        (
            "{old} 是 {old_layer} 层，{new} 是 {new_layer} 层，不是同一层的两个版本；"
            "如要比较两者对村的有效目录，请加 --effective"
        ),
        (
            "{old} is layer {old_layer} and {new} is layer {new_layer}: two different "
            "layers; to compare what they mean for villages, pass --effective"
        ),
    ),
    "release-uncited": (
        "未发布：{count} 个条目没有出处（{items}）；每个发布的条目都须写明来源文件和条款，可用 villagecat lint 查看",
        "not released: {count} item(s) cite nothing ({items}); every released item names its source and section",
    ),
    "release-violations": (
        "未发布：{count} 处变更违反合并规则，须先改正：{lines}",
        "not released: {count} change(s) break a merge rule; fix them first: {lines}",
    ),
    "date-impossible": ("日历上没有 {text} 这一天", "{text} is not a day of the calendar"),
    "date-form": ("日期写作 2023-09-01（不是“{text}”）", "a date is written 2023-09-01, not {text!r}"),
    "argument-empty": ("不能为空", "must not be empty"),
    "empty-layer": (
        "目录层的行政区划代码、中文名称或英文简称不能为空",
        "a layer's division code, Chinese name or slug must not be empty",
    ),
    "empty-item": ("条目的标识、名称或别名不能为空", "an item's id, name or alias must not be empty"),
    "empty-field": ("字段名不能为空", "a field's name must not be empty"),
    "empty-task": ("事项的名称不能为空", "a task's name must not be empty"),
    "argument-scope": ("应为 {allowed} 之一（不是“{text}”）", "must be one of {allowed}, not {text!r}"),
    "argument-number": ("应为不小于 0 的数字（不是“{text}”）", "must be a number not below 0, not {text!r}"),
    "argument-integer": ("应为不小于 0 的整数（不是“{text}”）", "must be a whole number not below 0, not {text!r}"),
    "yaml-at-line": ("（第 {line} 行第 {column} 列）", " at line {line}, column {column}"),
    "yaml-duplicate-key": ("键“{key}”重复", "the key {key!r} appears twice"),
    # check reports, effects, values
    "report-head": (
        "{name}· {check}：不符合 {fails} 项，提示 {warns} 项",
        "{name} · {check}: {fails} failed, {warns} notes",
    ),
    "report-summary-head": ("对象\t不符合\t提示\t符合", "subject\tfail\tnote\tpass"),
    # whom a report's verdicts judged, where not villages alone (a finding's scope)
    "report-for": ("{check}（适用：{place}）", "{check} (for: {place})"),
    "report-places-both": ("村和社区", "village and community"),
    "report-summary-head-places": ("对象\t适用\t不符合\t提示\t符合", "subject\tfor\tfail\tnote\tpass"),
    "report-finding": ("[{level}] {subject}{message}", "[{level}] {subject}{message} ({code})"),
    "effect-word-tightens": ("收紧", "tightens"),
    "effect-word-loosens": ("放宽", "loosens"),
    "effect-word-neutral": ("中性", "neutral"),
    "empty-value": ("空", "empty"),
    # reading and writing files
    "format-not-integer": (
        "{key}.format 应为不小于 0 的整数（实际为 {version}）",
        "{key}.format must be a whole number not below 0, not {version}",
    ),
    "format-key-missing": (
        '{key} 中缺少 format，应写明数据包的格式版本，如 "{key}": {{"format": {newest}}}',
        '{key}.format is missing: declare the package\'s format, such as "{key}": {{"format": {newest}}}',
    ),
    "format-undeclared-later": (
        (
            'datapackage.json 未声明格式（缺少 "{key}": {{"format": …}}），但{seen}，应为格式 {least} 或以上；'
            'villagecat 不猜格式，请写明所用的格式，如 "{key}": {{"format": {newest}}}'
        ),
        (
            'datapackage.json declares no format (no "{key}": {{"format": …}}), but {seen}, so it is format {least} '
            'or later; villagecat does not guess a format: declare it, such as "{key}": {{"format": {newest}}}'
        ),
    ),
    "format-undetermined": (
        (
            'datapackage.json 未声明格式（缺少 "{key}": {{"format": …}}），也无法判断其格式（不像格式 0 那样声明 '
            '"profile": "tabular-data-package"）；请写明所用的格式，如 "{key}": {{"format": {newest}}}'
        ),
        (
            'the format could not be determined: datapackage.json declares none (no "{key}": {{"format": …}}) and '
            'does not look like format 0 (which declared "profile": "tabular-data-package"); declare it, such as '
            '"{key}": {{"format": {newest}}}'
        ),
    ),
    "format-too-new": (
        "数据包的格式版本为 {version}，高于本版 villagecat 所能读取的（最高 {newest}），请升级 villagecat",
        "the package is in format {version}; this villagecat reads formats 0 to {newest}: upgrade villagecat",
    ),
    "budget-exceeded": (
        "{budget}为 {got}{unit}，超过上限 {limit}{unit}；如确属正常，可设置环境变量 {env} 调高上限",
        "{budget} is {got}{unit}, over the limit of {limit}{unit}; raise it with {env} if the input is genuine",
    ),
    "budget-exceeded-at-least": (
        "{budget}至少为 {got}{unit}，超过上限 {limit}{unit}；如确属正常，可设置环境变量 {env} 调高上限",
        (
            "{budget} is at least {got}{unit}, over the limit of {limit}{unit};"
            " raise it with {env} if the input is genuine"
        ),
    ),
    "os-EACCES": ("权限不足", "permission denied"),
    "os-EPERM": ("不允许该操作", "operation not permitted"),
    "os-ELOOP": ("符号链接过多或形成循环", "too many levels of symbolic links"),
    "os-EIO": ("输入输出错误", "input/output error"),
    "os-EROFS": ("文件系统只读", "read-only file system"),
    "os-ENOSPC": ("磁盘空间不足", "no space left on the device"),
    "os-ENAMETOOLONG": ("文件名过长", "file name too long"),
    "os-ENOENT": ("路径不存在", "no such file or folder"),
    "os-ENOTDIR": ("路径中有一段不是文件夹", "a part of the path is not a folder"),
    "os-EISDIR": ("目标是文件夹", "is a folder"),
    "os-EEXIST": ("目标已存在", "already exists"),
    "os-error": ("系统错误", "system error"),
    "init-invalid": (
        "新层的 {field} 无效：{detail}",
        "the new layer's {field} is not valid: {detail}",
    ),
    "init-code": (
        "--code “{code}”：行政区划代码应为 6 位数字（乡镇街道为 9 位），例如 330106",
        "--code {code!r}: a division code has 6 digits (9 for a township), e.g. 330106",
    ),
    "init-code-province-part": (
        "--code “{code}”：不是行政区划代码：前 2 位是省级代码，不能为 00",
        "--code {code!r} is no division code: its first 2 digits, the province's, cannot be 00",
    ),
    "init-code-level": (
        "--code “{code}” 与 --level {level}不符：{rule}",
        "--code {code!r} does not fit --level {level}: {rule}",
    ),
    "init-code-province-length": (
        "省级代码为 6 位，后 4 位为 0，如 330000",
        "a province's code has 6 digits, the last 4 zeros (330000)",
    ),
    "init-code-prefecture-length": (
        "市级代码为 6 位，后 2 位为 0，如 330100",
        "a prefecture's code has 6 digits, the last 2 zeros (330100)",
    ),
    "init-code-county-length": ("县级代码为 6 位，如 330106", "a county's code has 6 digits (330106)"),
    "init-code-township-length": (
        "乡镇级代码为 9 位：所属县级代码加 3 位，如 120117001",
        "a township's code has 9 digits: its county's code and 3 more (120117001)",
    ),
    "init-code-province": ("省级代码后 4 位为 0，如 330000", "a province's code ends in 0000 (330000)"),
    "init-code-prefecture": (
        "市级代码后 2 位为 0，第 3、4 位不全为 0，如 330100",
        "a prefecture's code ends in 00, its 3rd and 4th digits not both 0 (330100)",
    ),
    "init-code-county": ("县级代码后 2 位不全为 0，如 330106", "a county's code does not end in 00 (330106)"),
    "init-code-township": (
        "乡镇级代码的前 6 位应为县级代码（第 5、6 位不全为 0），如 120117001",
        "a township's code begins with its county's (the 5th and 6th digits not both 0), e.g. 120117001",
    ),
    "init-parent-not-above": (
        "上级层 {parent} 不是 {code} 的上级行政区划；上级层应为 {above}",
        "parent layer {parent} is not above {code}: the parent is {above}",
    ),
    "init-parent-skips": (
        (
            "上级层写的是 {parent}，而 {between} 是 villagecat 已有的层，在 {parent} 之下、{code} 之上："
            "本层的有效目录不含它的条目和规则；若要建在 {nearest} 之上，请删去刚建的文件夹 {path}，"
            "改用 --parent {nearest}（或不写 --parent）重新运行 init"
        ),
        (
            "the parent given is {parent}, but {between} is a known layer below it and above {code}: this layer's"
            " effective catalog leaves out its items and rules; to build on {nearest}, remove the folder just made,"
            " {path}, and run init again with --parent {nearest} (or without --parent)"
        ),
    ),
    "schema-not-ours": (
        "不是 villagecat 写出的 schema 文件，不会覆盖；未写入任何文件，请换一个文件夹",
        "not a schema villagecat wrote: not replaced; nothing written, choose another folder",
    ),
    "init-not-empty": (
        "文件夹不是空的；init 只在新的或空的文件夹中新建数据包",
        "the folder is not empty; init starts a new package in a new or empty folder",
    ),
    "mkdir-failed": ("无法创建文件夹（{reason}）", "cannot create the folder: {reason}"),
    "read-folder": ("这是文件夹，不是文件", "is a folder, not a file"),
    "read-link-outside": (
        "是指向数据包之外的链接，拒绝读取（请把文件本身放进数据包）",
        "is a link that leads out of the package; refusing to read it (put the file itself in the package)",
    ),
    "read-missing": ("文件不存在", "no such file"),
    "read-link-target": ("是指向 {target} 的链接：{reason}", "is a link to {target}: {reason}"),
    "read-os": ("读取时系统报错（{reason}）", "cannot be read ({reason})"),
    "read-not-regular": (
        "不是普通文件（管道、套接字或设备），拒绝读取",
        "is not a regular file (a pipe, a socket or a device); refusing to read it",
    ),
    "json-malformed": (
        "JSON 格式错误，第 {line} 行第 {column} 列：{detail}",
        "malformed JSON at line {line}, column {column}: {detail}",
    ),
    "json-duplicate-key": ("同一对象中键“{key}”出现两次", "the key {key!r} appears twice in one object"),
    "json-duplicate-key-at": (
        "JSON 格式错误，第 {line} 行：此行开始的对象中键“{key}”出现两次",
        "malformed JSON at line {line}: the key {key!r} appears twice in the object that begins there",
    ),
    "json-number-too-long": (
        "数字过长：有整数超过 {digits} 位",
        "a number is too long: an integer of more than {digits} digits",
    ),
    # What Python's JSON decoder says, by the start of its message (see villagecat._budget.load_json).
    "json-expecting-value": ("此处缺少一个值（或多了一个逗号）", "a value is expected here (or a comma is too many)"),
    "json-expecting-name": ("此处应为用双引号括起的键名", "a key in double quotes is expected here"),
    "json-expecting-colon": ("此处应为冒号 :", "a colon (:) is expected here"),
    "json-expecting-comma": ("此处应为逗号 ,", "a comma (,) is expected here"),
    "json-unterminated-string": ("字符串没有结束（缺少右双引号）", "a string is not closed (no closing double quote)"),
    "json-control-character": (
        "字符串中有未转义的控制字符（如换行、制表符）",
        "a string holds an unescaped control character (a line break, a tab)",
    ),
    "json-bad-unicode-escape": ("\\u 之后应为四位十六进制数字", "\\u must be followed by four hex digits"),
    "json-bad-escape": ("反斜杠之后的转义无效", "an invalid escape after a backslash"),
    "json-extra-data": ("数据结束之后还有内容", "there is more after the end of the data"),
    "json-trailing-comma": ("结尾多了一个逗号", "a comma before the end is too many"),
    # What Python's CSV reader says, by the start of its message (see reader_error).
    "csv-unexpected-end": (
        "此行的一个引号直到文件末尾都没有闭合（缺少右引号），其后各行都被当作同一个单元格",
        "a quote opened on this line is never closed (the file ends inside it): every line after it reads as one cell",
    ),
    "csv-text-after-quote": (
        "右引号之后应为逗号（单元格内的引号应写成两个）",
        'a comma is expected after a closing quote (a quote inside a cell is written twice, "")',
    ),
    "csv-field-too-large": ("有单元格过长，超过读取上限", "a cell is longer than the reader allows"),
    "csv-line-break-unquoted": (
        "未加引号的单元格中有单独的回车符",
        "a cell without quotes holds a lone carriage return",
    ),
    "csv-nul": ("文件中有空字符（NUL）", "the file holds a NUL character"),
    "write-failed": ("无法写入：{reason}", "cannot write: {reason}"),
    "write-exists": (
        "文件已存在，villagecat 不会覆盖它（它可能是您编辑过的文件）；请换一个文件名，或确认后加 --force 覆盖",
        (
            "the file exists and villagecat will not overwrite it (it may hold your edits):"
            " choose another name, or pass --force to replace it"
        ),
    ),
    "write-not-xlsx": (
        "工作簿的文件名应以 .xlsx 结尾",
        "a workbook's name ends in .xlsx",
    ),
    "write-unowned-file": (
        (
            "文件夹中已有同名文件，但数据包没有列出它，也没有哪次中断的 villagecat 写入记下它，它不是 villagecat 写的；"
            "villagecat 不会覆盖它，请先移走或改名"
        ),
        (
            "a file of this name is there, but neither the package nor an interrupted villagecat write names it"
            " (villagecat did not write it): move or rename it first"
        ),
    ),
    "write-journal-changed": (
        (
            "villagecat 的一次写入在这里中断了，这个文件此后又被改过（内容不是 villagecat 写的）；"
            "villagecat 不会动它，也不会完成那次写入：请先移走它，再重新运行"
        ),
        (
            "a villagecat write was interrupted here, and this file has changed since (villagecat did not write"
            " these bytes): it is left as it is and the write is not finished; move it away, then run again"
        ),
    ),
    "write-journal-lost": (
        (
            "villagecat 的一次写入在这里中断了，而这个文件原来的版本已不在（其备份被删除）；"
            "villagecat 无法还原它：请从备份或版本库中恢复这个文件，再重新运行"
        ),
        (
            "a villagecat write was interrupted here, and the earlier version of this file (kept aside) is gone:"
            " villagecat cannot put it back; restore the file from a backup or version control, then run again"
        ),
    ),
    "write-journal-linked": (
        (
            "villagecat 的一次写入在这里中断了，这个文件此后被换成了指向 {link} 的链接；villagecat 不会把链接换成文件，"
            "也就无法撤销那次写入（其余文件都没有动）：请把链接换成文件本身，或把它移走，再重新运行"
        ),
        (
            "a villagecat write was interrupted here, and this file has since been made a link to {link}: villagecat"
            " never replaces a link with a file, so it cannot roll that write back (no other file was touched);"
            " put the file itself in its place, or move the link away, then run again"
        ),
    ),
    "interrupted-save-old": (
        (
            "上次保存在完成前被中断（留有 .villagecat-journal.json），现按保存前的版本读取；"
            "再运行一次写入该数据包的命令（如 villagecat upgrade {folder}）即可撤销那次保存"
        ),
        (
            "an earlier save was interrupted before it finished (.villagecat-journal.json is there): read as it was"
            " before that save; run any command that writes the package (villagecat upgrade {folder}) to roll it back"
        ),
    ),
    "interrupted-save-new": (
        (
            "上次保存在收尾时被中断（留有 .villagecat-journal.json），新版本已保存，现按新版本读取；"
            "再运行一次写入该数据包的命令（如 villagecat upgrade {folder}）即可完成收尾"
        ),
        (
            "an earlier save was interrupted while tidying up (.villagecat-journal.json is there): the new version"
            " is saved and read; run any command that writes the package (villagecat upgrade {folder}) to finish it"
        ),
    ),
    "stray-files": (
        (
            "文件夹中还有 {names}：数据包没有列出，也没有记录证明是 villagecat 写的，所以没有删除；"
            "如果是早先中断的写入留下的，请自行删除"
        ),
        (
            "the folder also holds {names}, which the package does not list and nothing proves villagecat wrote:"
            " left as they are; if an earlier interrupted write left them, delete them yourself"
        ),
    ),
    "write-package-file": (
        "这是数据包自己的文件（datapackage.json 或其中列出的资源），不能用单个文件覆盖；请换一个文件名",
        "this is a package's own file (its datapackage.json or a resource it lists): choose another name",
    ),
    "write-folder-in-the-way": ("目标是文件夹，不能写成文件", "a folder is in the way"),
    "write-linked-file": (
        (
            "这是指向 {link} 的链接，本次写入要改动它的内容；villagecat 不会把链接换成文件，也不会改写链接所指的文件。"
            "请把链接换成文件本身后再运行，或直接修改 {link}"
        ),
        (
            "a link to {link}, whose bytes this write would change: villagecat neither replaces a link with a file"
            " nor writes through it; put the file itself in its place and run again, or edit {link}"
        ),
    ),
    "write-not-regular": (
        "目标不是普通文件（管道、套接字或设备，或指向它们的链接），villagecat 不会读取或替换它；请先移走或改名",
        (
            "not a regular file (a pipe, socket or device, or a link to one): villagecat neither reads nor "
            "replaces it; move or rename it first"
        ),
    ),
    "write-not-a-folder": (
        "这是一个文件而不是文件夹；数据包只能写入文件夹（zip 只读取，不改写）",
        "is a file, not a folder; write the package to a folder (a zip is read, never rewritten)",
    ),
    "render-values-hidden": (
        (
            "不能开具“{certificate}”：“{name}”的取值含有看不见的控制字符（{code}），"
            "证明上的文字会与所填的不同；请重新输入"
        ),
        (
            "cannot issue {certificate}: the value of {name} holds an invisible control character ({code}) "
            "that would make the certificate read otherwise than typed"
        ),
    ),
    "unknown-package-format": (
        "数据包格式“{fmt}”无法写出：只能是 csv 或 json",
        "cannot write a package in '{fmt}': the forms are csv and json",
    ),
    "unknown-report-format": (
        "报告格式“{fmt}”无法写出：可选 {known}",
        "cannot write a report in '{fmt}': the forms are {known}",
    ),
    "unknown-resources": (
        "格式中没有资源 {unknown}；格式的资源为 {known}",
        "unknown resources {unknown}; the format has {known}",
    ),
    "max-bytes-positive": (
        "读取上限应为正整数（不是 {value}）",
        "the read limit must be a positive number, not {value}",
    ),
    "measure-digits": ("一个 {digits} 位数", "a {digits}-digit number"),
    "write-foreign-descriptor": (
        (
            "文件夹中已有一个不是 villagecat 数据包的 datapackage.json；"
            "villagecat 不会覆盖它（加 --force 也不会）：请换一个文件夹"
        ),
        (
            "the folder holds a datapackage.json that is no villagecat package; it is never replaced, "
            "not even with --force: choose another folder"
        ),
    ),
    "write-other-layer": (
        "文件夹中是另一层（{held}）的数据包，不是 {layer}；villagecat 不会用一层替换另一层：请换一个文件夹",
        (
            "the folder holds the package of another layer ({held}), not {layer}; "
            "villagecat never writes one layer over another: choose another folder"
        ),
    ),
    "write-foreign-folder": (
        (
            "文件夹不是空的，也不是 villagecat 数据包（其中有 {shown}）；请换一个空文件夹，"
            "或加 --force 写在这些文件旁边（不会删除任何文件）"
        ),
        (
            "the folder is not empty and holds no villagecat package ({shown}); "
            "choose an empty folder, or pass --force to write beside these files (nothing is removed)"
        ),
    ),
    "git-missing": ("读取 REV:path 需要安装 git", "reading REV:path needs git, which is not installed"),
    "git-not-repository": (
        "{folder} 不在 git 仓库中，读不到它在 git 版本 {rev} 中的内容",
        "{folder} is not in a git repository, so its git revision {rev} cannot be read",
    ),
    "git-no-path": (
        "git 版本 {rev} 中没有 {path}（“版本:路径”中的路径按当前文件夹计）",
        "git revision {rev} holds no {path} (the path after REV: is read from the current folder)",
    ),
    "git-no-revision": ("git 版本 {rev} 不存在", "the git revision {rev!r} does not exist"),
    "zip-compression": (
        "zip 中文件的压缩方式不受支持；请用常用的压缩软件重新打包（选 zip 格式）",
        "unsupported compression: {detail}",
    ),
    "zip-encrypted": ("zip 中的文件设了密码，无法读取；请不设密码重新打包", "the member cannot be read: {detail}"),
    "zip-damaged": ("zip 文件已损坏，无法读取；请重新取得或重新打包这个文件", "the zip is damaged: {detail}"),
    "zip-descriptors": (
        "zip 中须有且仅有一个 datapackage.json（位于顶层或一个文件夹内）",
        "the zip must hold exactly one datapackage.json, at its top or in one folder",
    ),
    "no-descriptor-in-folder": ("该文件夹中没有 datapackage.json", "no datapackage.json in this folder"),
    "no-descriptor": ("缺少 datapackage.json", "no datapackage.json"),
    "no-such-path": ("文件或文件夹不存在", "no such file or folder"),
    "no-such-path-layer-id": (
        "文件或文件夹不存在；“{id}”是内置层{name}的代码，此处要给出数据包文件夹：内置层的文件夹是 {folder}",
        "no such file or folder; {id} is the code of shipped layer {name}: give a package folder ({folder})",
    ),
    "workbook-not-package": (
        "是 Excel 工作簿，不是数据包；请先导入（villagecat import {name} -o 数据包文件夹），再对数据包文件夹运行本命令",
        "an Excel workbook, not a package: import it first (villagecat import {name} -o FOLDER), then give the folder",
    ),
    "not-a-package": ("不是数据包文件夹、datapackage.json 或 zip", "not a package folder, a datapackage.json or a zip"),
    "not-utf8": ("不是 UTF-8 编码的文本", "not UTF-8 text"),
    "descriptor-not-object": ("内容应为 JSON 对象", "must hold a JSON object"),
    "unreadable": ("无法读取：{detail}", "cannot read: {detail}"),
    "openpyxl-missing": (
        "读写 Excel 工作簿需要 openpyxl：pip install openpyxl",
        "workbooks need openpyxl: pip install openpyxl",
    ),
    "not-a-workbook": (
        "不是 Excel 工作簿（.xlsx）；请在 Excel、WPS 或 LibreOffice 中打开，另存为“Excel 工作簿（.xlsx）”后再读取",
        "not an Excel workbook (.xlsx); open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx)",
    ),
    "workbook-lock-file": (
        (
            "这是表格软件打开工作簿 {workbook} 时在旁边建的锁定文件，不是工作簿（有它表示 {workbook} 正在编辑）；"
            "请在表格软件中保存 {workbook} 后导入 {workbook}，而不是这个文件"
        ),
        (
            "this is the lock file a spreadsheet keeps beside the workbook {workbook} while it has it open, not a"
            " workbook; save {workbook} in the spreadsheet and import {workbook}, not this file"
        ),
    ),
    "workbook-csv": (
        (
            "是 CSV 文件，不是工作簿：另存为 CSV 只保存了当时所在的一张表，其他各表都不在其中；"
            "请打开原来的工作簿，选“文件 → 另存为”，文件类型选“Excel 2007-365 (.xlsx)”后再导入"
        ),
        (
            "a CSV file, not a workbook: saved as CSV, it holds the one sheet that was open, none of the others;"
            " open the workbook itself and save it as an Excel workbook (.xlsx)"
        ),
    ),
    "workbook-renumbered-unsaid": (
        (
            "第 {row} 行的标识改成了 {id}，原来同名的条目 {old} 已不在工作簿中：如是同一条目改用新标识，"
            "请在这一行的 {column}填写 {old}（下级层按旧标识填写的覆盖、取消仍归这一条）；"
            "不填时，发布会把 {old} 记为删除、{id} 记为新增"
        ),
        (
            "row {row}'s id is now {id}, and the item of that name, {old}, is no longer in the workbook: if it is the"
            " same item renumbered, write {old} in this row's {column} (the layers below's rows on the old id then"
            " follow it); else release records {old} removed and {id} added"
        ),
    ),
    "workbook-open": (
        (
            "工作簿似乎仍在表格软件中打开（{who}旁边有锁定文件 {lock}）：读入的是最后一次保存的内容；"
            "如还有未保存的修改，请先保存，再重新导入"
        ),
        (
            "the workbook seems open in a spreadsheet still ({who}the lock file {lock} is beside it): what was read"
            " is what was last saved; if there are changes not saved, save them and import again"
        ),
    ),
    "workbook-xls": (
        "是 Excel 97-2003 格式（.xls）的工作簿，不能读取；请在 Excel 或 WPS 中另存为“Excel 工作簿（.xlsx）”后再读取",
        "an Excel 97-2003 workbook (.xls), which cannot be read; save it as an Excel workbook (.xlsx) and try again",
    ),
    "workbook-is-folder": (
        (
            "是文件夹，不是工作簿：导入读取 Excel 工作簿（villagecat import 工作簿.xlsx -o {folder}）；"
            "把数据包写成工作簿请用 villagecat export {folder} -o 工作簿.xlsx"
        ),
        (
            "a folder, not a workbook: import reads a workbook (villagecat import BOOK.xlsx -o {folder});"
            " to write the package as a workbook, villagecat export {folder} -o BOOK.xlsx"
        ),
    ),
    "workbook-encrypted": (
        "工作簿设置了打开密码（已加密），不能读取；请在 Excel 或 WPS 中取消打开密码后保存，再读取",
        "the workbook has a password to open it (encrypted) and cannot be read; remove the password and save it again",
    ),
    "workbook-ods": (
        (
            "是 LibreOffice 的 ODF 电子表格（.ods），不能读取；请在 LibreOffice 中选“文件 → 另存为”，"
            "文件类型选“Excel 2007-365 (.xlsx)”后再读取"
        ),
        (
            "a LibreOffice spreadsheet (.ods), which cannot be read; in LibreOffice choose File → Save As,"
            " type Excel 2007-365 (.xlsx), and try again"
        ),
    ),
    "nothing": ("无", "none"),
    "certificate-no-template": ("声明了占位符，却没有模板", "placeholders are declared but there is no template"),
    "certificate-placeholders-mismatch": (
        "模板中的占位符与声明的不一致：模板用到但未声明的 {undeclared}；声明了但模板未用的 {unused}",
        "template placeholders do not match: undeclared {undeclared}; unused {unused}",
    ),
    "workbook-uncomputed-formula": (
        (
            "单元格 {cell} 是公式，但工作簿里没有它的计算结果（会被当作空单元格）；"
            "请在 Excel、WPS 或 LibreOffice 中打开并保存后再导入"
        ),
        (
            "cell {cell} holds a formula whose value was never computed (it would read as empty); "
            "open and save the workbook in Excel, WPS or LibreOffice, then import it"
        ),
    ),
    "ledger-uncomputed-formula": (
        (
            "单元格 {cell} 是公式，但工作簿里没有它的计算结果（会被当作空单元格）；"
            "请在 Excel、WPS 或 LibreOffice 中打开并保存后再核查"
        ),
        (
            "cell {cell} holds a formula whose value was never computed (it would read as empty); "
            "open and save the workbook in Excel, WPS or LibreOffice, then check it again"
        ),
    ),
    "workbook-merged-overlap": (
        "合并单元格 {cell} 与另一个合并区域重叠，工作簿已损坏；请在 Excel、WPS 或 LibreOffice 中打开并保存后再读取",
        (
            "the merged cells {cell} overlap another merged range (a damaged workbook); open and save it in Excel,"
            " WPS or LibreOffice, then read it again"
        ),
    ),
    "workbook-empty-sheet": (
        "不是目录的工作表，且没有内容，导入时已略过",
        "none of the catalog's sheets, and empty: left out of the import",
    ),
    "workbook-date-form": (
        "日期写作 2023-09-01、2023-09 或 2023，也可以用表格的日期格式",
        "a date is written 2023-09-01, 2023-09 or 2023, or typed as a date cell",
    ),
    "cell-date-form": ("日期写作 2023-09-01、2023-09 或 2023", "a date is written 2023-09-01, 2023-09 or 2023"),
    "date-with-words": (
        "日期只写年月日，应写作 {date}；“{words}”等字不能写在日期中",
        "a date holds the date alone: {date}; words such as {words} do not belong in it",
    ),
    "date-without-year": (
        "日期须写明年份，写作 年-月 或 年-月-日，如 {date}；“{words}”等字不能写在日期中",
        (
            "a date needs its year, written year-month or year-month-day, such as {date};"
            " words such as {words} do not belong in it"
        ),
    ),
    "workbook-date-words-to-text": (
        "，请照来源原文写在“{column}”一列",
        ": write the source's words in the {column} column",
    ),
    "workbook-hidden-rows": (
        (
            "第 {rows} 行是隐藏行，照样读入；如要删除，请取消隐藏后删除整行（右键点行号，选“删除行”）；"
            "要保留的，请取消隐藏以便核对"
        ),
        "these hidden rows are read all the same: {rows}; to delete a row, unhide it and delete the whole row",
    ),
    "workbook-rows-more": ("{shown} 等 {count}", "{shown}, … ({count} rows in all)"),
    "workbook-ranges-more": ("{shown} 等 {count} 处", "{shown}, … ({count} in all)"),
    "workbook-hidden-columns": (
        "{columns}是隐藏列，其中的内容照样读入；请取消隐藏，核对后再导入",
        "these hidden columns are read all the same: {columns}; unhide them and check them",
    ),
    "workbook-hidden-column": ("{letter} 列（{heading}）", "{letter} ({heading})"),
    "workbook-very-hidden-sheet": (
        (
            "这张工作表设为“深度隐藏”，Excel 的“取消隐藏”列表里看不到它，其中各行照样读入；请用 LibreOffice"
            "打开后取消隐藏核对，或在 Excel 中按 Alt+F11，在属性里把 Visible 改为 -1（xlSheetVisible）；"
            "不要的行请删除整行（不要删除工作表）"
        ),
        (
            "the sheet is very hidden (Excel's Unhide list does not show it) and its rows are read all the same;"
            " open it in LibreOffice and unhide it, or in Excel's VBA editor (Alt+F11) set its Visible"
            " property to -1, then check it (delete the rows you do not want, not the sheet)"
        ),
    ),
    "workbook-hidden-sheet": (
        "这张工作表是隐藏的，其中各行照样读入；请在表名处右键选“取消隐藏”核对，不要的行请删除整行（不要删除工作表）",
        (
            "the sheet is hidden and its rows are read all the same; unhide it and check it"
            " (delete the rows you do not want, not the sheet)"
        ),
    ),
    "workbook-merged-read": (
        ("合并单元格 {ranges} 已按所见读取：左上角的值填入了合并区域的每一格；若其中某格本应留空，请取消合并后再导入"),
        (
            "the merged cells {ranges} were read as they show: their top-left value fills every cell they cover;"
            " if a cell should be empty, unmerge them and import again"
        ),
    ),
    "workbook-row-numbers": (
        "{column} 列“{heading}”是行的编号，不属于目录数据，未导入（导出的工作簿不含此列）",
        "column {column} ({heading}) numbers the rows: it is no catalog data and was not imported",
    ),
    "workbook-override-target-name": (
        "目标条目填上级条目的标识，不是名称；运行 villagecat explain {code} {name} 可查到它的标识",
        "the target is the parent item's id, not its name; villagecat explain {code} {name} shows its id",
    ),
    "workbook-layer-version": (
        (
            "最近一次发布记录是 {last}，但本层版本为 {version}；"
            "版本号由 villagecat release 在发布时按变更确定，请改回 {last}"
        ),
        (
            "the last release is {last}, but the layer is at {version}; villagecat release sets the version"
            " by what changed, so put {last} back"
        ),
    ),
    "workbook-release-order": (
        (
            "发布记录 {number} 的版本 {version} 不比前一条 {previous} 新；"
            "发布记录按版本从旧到新排列，每个版本一条，请改回导出时的样子"
        ),
        (
            "release record {number}'s version {version} is not newer than the one before, {previous}: the records"
            " run from oldest to newest, one a version; put them back as exported"
        ),
    ),
    "workbook-release-after": (
        (
            "发布记录 {number}（{version}）排在本层版本 {layer} 的发布记录之后；"
            "发布记录由 villagecat release 在发布时写入：这一条若是手填的，请删去它的各行，否则请把版本改回 {last}"
        ),
        (
            "release record {number} ({version}) comes after that of the layer's version {layer}; villagecat"
            " release writes release records: delete this one's rows if it was typed by hand, else put the"
            " version back to {last}"
        ),
    ),
    "workbook-release-typed": (
        (
            "发布记录 {number}（{version}）是导出后填上的：本工作簿导出时最近的发布记录是 {exported}，"
            "而发布记录只由 villagecat release 在发布时写入，手填的记录并没有发布；请删去这条记录的各行，"
            "把“版本”改回导出时的版本，导入后运行 villagecat release 数据包文件夹 --notes “发布说明” 发布"
        ),
        (
            "release record {number} ({version}) was typed after the export: the workbook's last release record was"
            " {exported}, and only villagecat release writes release records, when it publishes; delete this"
            " record's rows, put 版本 back as exported, import, then run villagecat release FOLDER --notes NOTES"
        ),
    ),
    "workbook-no-release": ("（无）", "(none)"),
    "workbook-full-width-bar": (
        "第 {row} 行 字段 {column}中的全角竖线“｜”不分隔多项，已作为文字读入；若要填多项，请改用半角竖线 |",
        "row {row}, column {column}: the full-width ｜ separates nothing and was read as text; separate entries with |",
    ),
    "workbook-list-comma": (
        (
            "第 {row} 行 字段 {column}中的{mark}不分隔多项，“{cell}”已作为一项读入；"
            "若是几项，请用半角竖线 | 分隔，如 {example}"
        ),
        (
            "row {row}, column {column}: the {mark} separates nothing: {cell!r} was read as one entry;"
            " separate entries with |, like {example}"
        ),
    ),
    # the marks a clerk may separate entries with, where only | does
    "mark-，": ("逗号“，”", "，"),
    "mark-、": ("顿号“、”", "、"),
    "mark-,": ("逗号“,”", ","),
    "workbook-citation-lines": (
        (
            "几个出处分在了几行（可能是从 Word 粘贴的）；一格中的几个出处请用半角竖线 | 连在一行，"
            "如 文件标识#二(一)1|文件标识#二(一)2"
        ),
        "the citations are on separate lines (pasted from Word?); join them with | on one line, like DOC#1|DOC#2",
    ),
    "workbook-list-lines": (
        "几项分在了几行（可能是从 Word 粘贴的），会被读成带换行的一项；一格中的几项请用半角竖线 | 连在一行，如 甲|乙",
        "the entries are on separate lines (pasted from Word?) and would read as one; join them with | on one line",
    ),
    "workbook-duplicate-id": (
        "标识 {id} 重复：{first}已用了这个标识；每行的标识不能相同，新加的条目可以把标识留空（导入时自动生成）",
        "id {id} is used twice: {first} has it already; each row's id must differ (leave a new row's id blank)",
    ),
    "workbook-id-character": (
        (
            "标识中有 {character}（实际为“{value}”）：标识只能由半角的英文字母、数字、点和连字符组成，"
            "这个字符不会被自动删去或改写；请删去它，或把标识留空，由系统按名称生成"
        ),
        (
            "the id holds {character} (it reads “{value}”): an id is ASCII letters, digits, dots and hyphens, and"
            " this character is neither dropped nor changed for you; delete it, or leave the id blank to have one made"
        ),
    ),
    "workbook-row": ("第 {row} 行", "row {row}"),
    "workbook-sheet-row": ("“{sheet}”表第 {row} 行", "sheet {sheet}, row {row}"),
    "workbook-citation-unquoted": (
        (
            "第 {row} 行 字段 {column}的出处 {citation} 没有原文，“条款”表中也没有这一条款的原文："
            "已作为没有原文的条款读入；请照来源逐字补上原文，写成 {example}，或在“条款”表中填写这一条款的原文"
        ),
        (
            "row {row}, column {column}: citation {citation} has no quote and the 条款 sheet quotes no such section:"
            " it was read without one; add the source's words, like {example}, or on the 条款 sheet"
        ),
    ),
    "workbook-citation-quoted-often": (
        (
            "第 {row} 行 字段 {column}的出处 {citation} 没有原文，而“条款”表中这一条款有 {count} 段原文，"
            "无法判断引用的是哪一段：已作为没有原文的条款读入；请写明所引的原文，如 {example}"
        ),
        (
            "row {row}, column {column}: citation {citation} has no quote and the 条款 sheet quotes that section"
            " {count} times, so which one is meant is unknown: it was read without one; say which, like {example}"
        ),
    ),
    "workbook-clause-of-deleted": (
        (
            "第 {row} 行的条款 {clause} 只有已删去的条目 {items} 引用，已随之删去"
            "（工作簿中这一行仍在）；如要保留，请在某个条目的出处中引用它"
        ),
        (
            "row {row}: clause {clause} was cited only by the deleted {items}, and was dropped with it"
            " (the workbook still holds its row); to keep it, cite it in an item's 出处"
        ),
    ),
    "workbook-list-no-entry": (
        (
            "“{cell}”中没有任何一项，只有分隔多项的竖线 |，这一格没有读入；"
            "要清空这一格请删去其中的内容，否则请在 | 之间填写各项，如 甲|乙"
        ),
        (
            "{cell!r} holds no entry, only the bars that separate entries, and was not read: to empty the cell"
            " delete its content, else write the entries between the bars, like A|B"
        ),
    ),
    "workbook-bool": ("应填“是”或“否”（实际为“{got}”）", "must be 是 (yes) or 否 (no) (got {got!r})"),
    "workbook-header-row": (
        "应为列名，而本表的列名在第 {row} 行；请删去列名上方的 {above} 行（如表格标题）",
        "row 1 must hold the column titles, which are on row {row}: delete the {above} row(s) above them (a title?)",
    ),
    "ledger-header-unknown": (
        (
            "应为列名（如 村名、类别、名称），而这一行没有一个可用的列名，其下 {rows} 行中也没有；请把列名写在第 1 行。"
            "可用的列名：{known}"
        ),
        (
            "row 1 must hold the column titles (village, category, name …); none of its cells is one, nor is any"
            " row of the {rows} below it: write the titles on row 1. The columns are: {known}"
        ),
    ),
    "ledger-header-unknown-sheet": (
        "{said}；不是台账的工作表（如填表说明）请移出本文件",
        "{said}; move a sheet that is no ledger (instructions for filling it in) out of the file",
    ),
    "ledger-sheet-no-ledger": (
        "按工作表的名称，这是{kind}，不是台账，无法核查；请把这张工作表移出本文件（另存为一个文件），本文件只留逐项记录的工作表",
        (
            "by its name the sheet is {kind}, not a ledger, and cannot be checked: move it out of this file (save it "
            "as a file of its own), leaving only the sheets that record entries one by one"
        ),
    ),
    "ledger-summary-repeated": (
        (
            "按工作表的名称，这是{kind}，其 {count} 行与其他工作表中的记录相同，"
            "不重复核查（每项按其所在的工作表核查一次）{totals}"
        ),
        (
            "by its name the sheet is {kind}; its {count} rows are the same as the other sheets' rows and are not"
            " checked twice (each entry is checked once, from its own sheet){totals}"
        ),
    ),
    "ledger-summary-totals": ("；第 {rows} 行是合计行，未读", "; row {rows} is a totals row, not read"),
    "ledger-summary-alone": (
        (
            "按工作表的名称，这是{kind}，而其中第 {rows} 行在其他工作表中没有相同的记录：汇总表与台账不一致，"
            "无法确定以哪张为准；请把这些记录补进相应的工作表（或从汇总表中删去），或把汇总表移出本文件"
        ),
        (
            "by its name the sheet is {kind}, yet its rows {rows} are in no other sheet: the summary and the ledger"
            " differ and which is right cannot be told; add those entries to their sheets (or delete them from the"
            " summary), or move the summary out of this file"
        ),
    ),
    "ledger-kind-summary": ("汇总表", "a summary"),
    "ledger-kind-notes": ("填表说明", "instructions"),
    "ledger-kind-cover": ("封面", "a cover"),
    "ledger-garbled-header": (
        (
            "{place}第 1 行的列名是乱码（“{written}”原是“{meant}”）："
            "这是 UTF-8 编码的 CSV 文件被当作其他编码打开后保存的；请直接核查原来的 CSV 文件，"
            "或在 Excel 中用“数据 → 从文本/CSV”导入、“文件原始格式”选“65001: Unicode (UTF-8)”后另存"
        ),
        (
            "{place}the column titles on row 1 are garbled ({written!r} was {meant!r}): a UTF-8 CSV file was opened "
            "in another encoding and saved; check the original CSV file, or import it in Excel with Data → From "
            "Text/CSV, file origin 65001: Unicode (UTF-8), and save it again"
        ),
    ),
    "ledger-totals-row": (
        "这一行是合计行（“{value}”），会被当作一项读入；台账每行只记一项，请删去这一行",
        "this is a totals row ({value}) and would be read as an entry: a ledger holds one entry a row, delete it",
    ),
    "ledger-untitled-column": (
        (
            "{letter} 列没有列名，而第 {row} 行在这一列写了“{value}”（这一列的内容将无法核查）；"
            "请在第 1 行写上列名（自己的说明可写在“备注”一列），或删去这一列"
        ),
        (
            "column {letter} has no title, yet row {row} holds {value} in it (nothing in it would be checked):"
            " give it a title on row 1 (notes of your own go in 备注), or delete the column"
        ),
    ),
    "ledger-header-empty": (
        "应为列名（如 村名、类别、名称），而这一行是空的，其下几行也没有列名；请把列名写在第 1 行",
        (
            "row 1 must hold the column titles (village, category, name …); it is empty, and so are the rows"
            " below it: write the titles on row 1"
        ),
    ),
    "workbook-duplicate-column": (
        "列“{heading}”与 {first} 列重复：同一列只能出现一次；请删去其中一列，或把内容合到一列中",
        "the column {heading!r} repeats column {first}: keep one of them, with the contents of both",
    ),
    "workbook-merged-heading": (
        (
            "列名 {cell} 在合并单元格 {range} 中（合并后显示为“{heading}”）：每个列名要单独占一格；"
            "请选中 {range}，取消合并，再在 {cell} 填回原来的列名"
        ),
        (
            "the column title {cell} is inside the merged cells {range} (showing {heading!r}): each column title"
            " needs a cell of its own; select {range}, unmerge it, and type the column's title in {cell} again"
        ),
    ),
    "workbook-merged-heading-meant": (
        (
            "列名 {cell} 在合并单元格 {range} 中，被合并盖住了：每个列名要单独占一格；"
            "请选中 {range}，取消合并，再在 {cell} 填写列名“{column}”"
        ),
        (
            "the column title {cell} is inside the merged cells {range}, covered by the merge: each column title"
            " needs a cell of its own; select {range}, unmerge it, and type {column!r} in {cell}"
        ),
    ),
    "workbook-error-cell": (
        "单元格显示的是错误值 {value}（公式出错），不是取值；请改正公式，或删去公式直接填写",
        "the cell shows the error {value} (a formula gone wrong), not a value; correct the formula or type the value",
    ),
    "workbook-unreadable": (
        (
            "无法读取该工作簿：文件已损坏，或不是 Excel 工作簿；请在 Excel、WPS 或 LibreOffice 中打开，"
            "另存为“Excel 工作簿（.xlsx）”后再读取"
        ),
        (
            "not a readable workbook ({detail}); open it in Excel, WPS or LibreOffice"
            " and save it as an Excel workbook (.xlsx)"
        ),
    ),
    "workbook-sheet-damaged": (
        "该工作表的内容已损坏（不是有效的 XML），无法读取；请用 Excel 或 WPS 打开工作簿，另存一次后再导入",
        "the sheet is damaged (not valid XML: {detail}); open the workbook in Excel and save it again",
    ),
    "ledger-not-utf8": (
        "不是 UTF-8 编码，按 GBK 读出的前几行也没有可识别的列名（可能是其他编码）；请另存为“CSV UTF-8（逗号分隔）”",
        'not UTF-8, and read as GBK its first lines name no known column (another encoding?); save it as "CSV UTF-8"',
    ),
    "ledger-utf8-damaged": (
        (
            "第 {line} 行不是 UTF-8 编码，而文件其余部分是（可能粘贴了用 GBK 保存的内容，或文件已损坏）；"
            "请改正该行后另存为“CSV UTF-8（逗号分隔）”"
        ),
        (
            "line {line} is not UTF-8 while the rest of the file is (text pasted from a GBK file, or damaged?);"
            ' correct it and save the file as "CSV UTF-8"'
        ),
    ),
    "ledger-not-gbk": (
        (
            "不是 UTF-8 编码，按 GBK 读出的文字多为生僻字或假名（可能是繁体 Big5 或日文 Shift-JIS 等其他编码）；"
            "请另存为“CSV UTF-8（逗号分隔）”"
        ),
        (
            "not UTF-8, and read as GBK most of its characters are rare or kana (Big5, Shift-JIS, another encoding?);"
            ' save it as "CSV UTF-8"'
        ),
    ),
    "ledger-not-text": (
        "既不是 UTF-8 也不是 GBK 编码的文本（不是 CSV 文件或已损坏）；请另存为“CSV UTF-8（逗号分隔）”或 .xlsx",
        "neither UTF-8 nor GBK text (not a CSV file, or damaged?): save it as CSV UTF-8 or .xlsx",
    ),
    "ledger-not-text-at": (
        (
            "既不是 UTF-8 也不是 GBK 编码的文本：第 {line} 行起不是 UTF-8，而此前各行是（可能粘贴了用其他编码保存的"
            "内容，或文件已损坏）；请改正这一行，或另存为“CSV UTF-8（逗号分隔）”或 .xlsx"
        ),
        (
            "neither UTF-8 nor GBK text: UTF-8 up to line {line}, which is not (pasted from a file in another "
            "encoding, or damaged?); correct that line, or save it as CSV UTF-8 or .xlsx"
        ),
    ),
    "ledger-nul": (
        "第 {line} 行含有空字符（NUL），不是文本表格（“Unicode 文本”或已损坏）；请另存为“CSV UTF-8”或 .xlsx",
        "line {line} holds a NUL byte: not a text table (Unicode Text, or damaged?); save it as CSV UTF-8 or .xlsx",
    ),
    "ledger-text-not-utf8": (
        "不是 UTF-8 编码（可能用 GBK 保存）；请在编辑器中以 UTF-8 编码另存",
        "not UTF-8 (saved as GBK?); save it as UTF-8 in your editor",
    ),
    # what PyYAML found, said in words: the Chinese alone (a clerk never reads the parser's English),
    # the English with the parser's own words after it
    "yaml-parse-problem": ("{advice}", "{advice} (the parser: {problem})"),
    "yaml-problem-other": ("请检查该处的括号、引号和缩进", "check the brackets, quotes and indentation there"),
    "yaml-problem-ends-early": (
        "文件在此处结束，但前面还缺少内容：可能少了右括号 ] 或 }}，或冒号后的值",
        "the file ends where more is needed: a closing ] or }}, or a value after a colon",
    ),
    "yaml-problem-quote-open": (
        "引号没有闭合：文件结束前找不到与之对应的引号",
        "a quotation mark is not closed before the end of the file",
    ),
    "yaml-problem-list-open": (
        "方括号 [ 没有闭合：列表各项之间用逗号分隔，最后以 ] 结束",
        "a [ is not closed: separate the entries with commas and end the list with ]",
    ),
    "yaml-problem-mapping-open": (
        "花括号 {{ 没有闭合：各项之间用逗号分隔，最后以 }} 结束",
        "a {{ is not closed: separate the entries with commas and end it with }}",
    ),
    "yaml-problem-colon-here": (
        "此处不能再有冒号：一行只写一个“键: 值”，下一层要另起一行并缩进；值本身含冒号时请给它加上引号",
        "no colon may stand here: one key: value a line, the next level indented below; quote a value with a colon",
    ),
    "yaml-problem-colon-missing": (
        "缺少冒号：键后应写冒号和空格，再写值（如 名称: 健在证明）",
        "a colon is missing: write the key, a colon and a space, then the value",
    ),
    "yaml-problem-indent": (
        "缩进没有对齐：同一层的键或列表项（-）应从同一列开始，只用空格缩进",
        "the indentation does not line up: keys or entries (-) of one level start in the same column",
    ),
    "yaml-problem-tab": ("含有制表符（Tab）：YAML 只能用空格缩进", "a tab: YAML is indented with spaces only"),
    "yaml-problem-start": (
        "“{character}”不能作为值的开头：请给这个值加上引号",
        "{character!r} cannot start a value: quote the value",
    ),
    "yaml-problem-escape": (
        "双引号中的反斜杠写法无效：请改用单引号，或把 \\ 写成两个",
        "a backslash in double quotes is not a valid escape: use single quotes, or write it twice",
    ),
    "yaml-problem-alias": (
        "引用了未定义的锚点（*{name}）",
        "the alias *{name} refers to no anchor",
    ),
    "yaml-problem-anchor-twice": ("锚点（&{name}）重复定义", "the anchor &{name} is defined twice"),
    "yaml-problem-tag": (
        "含有不允许的标签（!!…）：只能写普通的文字、数字、列表和键值",
        "a tag (!!…) that is not allowed: only plain text, numbers, lists and mappings",
    ),
    "yaml-problem-key-shape": ("键不能是列表或键值对", "a key cannot be a list or a mapping"),
    "yaml-problem-alias-loop": (
        "别名（*）引用了包含它自身的内容，展开后没有尽头：请把该处内容直接写出，不用锚点（&）和别名",
        "an alias (*) stands inside what its anchor (&) names: it would never end; write the content out instead",
    ),
    "yaml-problem-too-large": (
        "别名（*）展开后内容过多，拒绝读取",
        "expands to too many nodes through its aliases: refused",
    ),
    "yaml-malformed": ("YAML 格式错误或不安全{line}：{detail}", "malformed or unsafe YAML{line}: {detail}"),
    # reading a package: problems of files, tables and the descriptor
    "encoding": ("不是 UTF-8 编码的文本（第 {byte} 个字节无法解码）", "not UTF-8 text (byte {byte} cannot be decoded)"),
    "encoding-utf16": (
        "文件是 UTF-16 编码（Excel 另存为“Unicode 文本”的格式）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
        'the file is UTF-16 encoded (Excel\'s "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)"',
    ),
    "encoding-gbk": (
        "文件是 GBK/GB18030 编码（Excel 默认另存为的格式）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
        'the file is GBK/GB18030 encoded (as Excel saves CSV by default); save it as "CSV UTF-8 (Comma delimited)"',
    ),
    "empty-file": ("文件为空，缺少表头", "the file is empty; a header row is needed"),
    "unknown-column": ("未知的列，不允许出现", "unknown column, not allowed"),
    "csv-delimiter": (
        (
            "各列之间用的是{separator}，应为逗号；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，"
            "或在 LibreOffice 中另存为 CSV 时把字段分隔符选为逗号"
        ),
        (
            "the columns are separated by {separator}, not commas; save it as CSV UTF-8 (Comma delimited) in Excel,"
            " or with the comma as field delimiter in LibreOffice"
        ),
    ),
    "cell-spaces": (
        "单元格两端有空格（实际为“{value}”）；请删去空格",
        (
            "spaces around the cell ({value!r}): the package's Table Schema reads a cell as written, and frictionless"
            " refuses it; remove the spaces"
        ),
    ),
    "cell-only-spaces": (
        "单元格只有空格；不填请删去空格，留空（什么也不写）",
        (
            "the cell holds only spaces: the package's Table Schema reads a cell as written, and frictionless refuses"
            " it; leave it empty instead"
        ),
    ),
    "cell-whole-number-point": (
        "整数不写小数点（实际为“{value}”）；请写作 {whole}",
        (
            "a whole number is written without a point ({value!r}): the package's Table Schema reads an integer, and"
            " frictionless refuses it; write {whole}"
        ),
    ),
    "older-format-boolean": (
        (
            "“{value}”不是本数据包的格式所写的是否值（只有 {values}），应写作 {fix}；"
            "请改回，或运行 villagecat upgrade 加数据包文件夹，升级到当前格式并自动改写"
        ),
        (
            "{value!r} is none of the true/false values this package's format declares ({values}), by which"
            " frictionless refuses it; write {fix}, or run villagecat upgrade on the package folder to bring it to"
            " the current format, which takes it"
        ),
    ),
    "spreadsheet-date": (
        (
            "日期“{value}”多半是表格软件（如 Excel）另存时改写的，应写作 {date}；"
            "请改回，或运行 villagecat upgrade 加数据包文件夹，自动改写全部这样的日期"
        ),
        (
            "the date {value!r} is as a spreadsheet writes dates when it saves the file (the package's Table Schema"
            " reads a date as 2023-09-01, and frictionless refuses it): write {date}, or run villagecat upgrade on"
            " the package, which rewrites every such date"
        ),
    ),
    "duplicate-column": ("列名重复", "duplicate column"),
    "missing-column": ("缺少必填列", "required column is missing"),
    "blank-row": (
        (
            "空行；请删去这一行（右键点行号，选“删除”整行；只按 Delete 键清除内容，另存后仍会留下空行），"
            "或运行 villagecat upgrade 加数据包文件夹，自动删去全部空行"
        ),
        (
            "a blank row, which the package's Table Schema allows nowhere (frictionless refuses it): delete the row"
            " (clearing its cells leaves it blank when a spreadsheet saves the file), or run villagecat upgrade on"
            " the package, which drops every blank row"
        ),
    ),
    "blank-rows": (
        (
            "从这一行到第 {last} 行共 {count} 行是空行；请删去这些行（选中这些行号，右键选“删除”整行；"
            "只按 Delete 键清除内容，另存后仍会留下空行），或运行 villagecat upgrade 加数据包文件夹，自动删去全部空行"
        ),
        (
            "{count} blank rows, from this line to line {last}, which the package's Table Schema allows nowhere"
            " (frictionless refuses them): delete the rows (clearing their cells leaves them blank when a spreadsheet"
            " saves the file), or run villagecat upgrade on the package, which drops every blank row"
        ),
    ),
    "unnamed-column": (
        (
            "{columns}没有列名，整列是空的（多半是表格软件另存时带出的）；请删去这一列（右键点列标，"
            "选“删除”整列），或运行 villagecat upgrade 加数据包文件夹，自动删去"
        ),
        (
            "{columns} has no name and holds nothing (a spreadsheet saved it): delete the column, or run"
            " villagecat upgrade on the package, which drops it"
        ),
    ),
    "unnamed-column-filled": (
        "{columns}没有列名，却填有内容；请在第 1 行写上列名（各列见“表结构参考”页），或删去这一列",
        "{columns} has no name but holds cells: name it in the header, or delete the column",
    ),
    "row-width": ("本行有 {cells} 列，表头有 {header} 列", "the row has {cells} cells, the header {header}"),
    "csv-syntax": ("CSV 格式错误：{detail}", "malformed CSV: {detail}"),
    "csv-syntax-at": ("第 {line} 行 CSV 格式错误：{detail}", "malformed CSV at line {line}: {detail}"),
    "json-syntax": ("JSON 格式错误：{detail}", "malformed JSON: {detail}"),
    "json-not-array": (
        "应为数组：第一项是字段名的数组，其后每行一个数组（或每条一个对象）",
        "must be an array: an array of field names, then one array per row (or one object per row)",
    ),
    "json-not-object": ("每一条应为对象", "each entry must be an object"),
    "json-header": ("首行应为各不相同的字段名", "the first array must name distinct fields"),
    "json-row-width": (
        "每一行应为与首行等长（{width} 项）的数组",
        "each row must be an array as long as the header ({width})",
    ),
    "unknown-resource": (
        "未知的资源名“{name}”，应为 {known} 之一",
        "unknown resource name {name!r}; expected one of {known}",
    ),
    "resource-no-path": ("资源缺少 path", "the resource has no path"),
    "resource-path-not-one": (
        "path 应是一个文件名（如 duties.csv），这里是{shape}；villagecat 不读取分成多个文件的资源",
        "path must be one file name (as duties.csv), not {shape}; villagecat reads no resource split into files",
    ),
    "resource-unsafe-path": ("不安全的资源路径 {path}：{reason}", "unsafe resource path {path}: {reason}"),
    "resource-missing": ("资源文件 {path} 不存在", "resource file {path} does not exist"),
    "resource-format": ("不支持的格式“{format}”，应为 csv 或 json", "unsupported format {format!r}; use csv or json"),
    "resource-property": (
        "villagecat 不读取资源的 {property} 属性（{value}）；frictionless 会按它读取或核对，两者的结论便不同，请删去",
        (
            "villagecat does not read a resource's {property} ({value}); frictionless would read or check the data by"
            " it, reaching another verdict: remove it"
        ),
    ),
    "resource-encoding": (
        (
            "资源声明的编码为 {value}；villagecat 只读 UTF-8，frictionless 却会按所声明的编码读取；"
            "请把文件另存为 UTF-8，并把 encoding 写作 utf-8"
        ),
        (
            "the resource declares the encoding {value}; villagecat reads UTF-8 only, and frictionless would decode by"
            " the declared one: save the file as UTF-8 and declare utf-8"
        ),
    ),
    "resource-mediatype": (
        "媒体类型 {value} 与资源的格式不符，应为 {expected}",
        "the media type {value} does not match the resource's format; use {expected}",
    ),
    "resource-dialect": (
        (
            "villagecat 不支持 CSV 方言的 {property}（{value}）：它读取首行为表头、用所声明的分隔符、引号和转义符的"
            " CSV，frictionless 却会按此读取；请删去"
        ),
        (
            "villagecat does not read the CSV dialect's {property} ({value}): it reads a header row and the declared"
            " delimiter, quote and escape character, and frictionless would read the file otherwise; remove it"
        ),
    ),
    "resource-schema": (
        (
            "数据包描述文件中各列的定义与本版 villagecat 所写的不同（多半由旧版 villagecat 写成），"
            "别的软件会按它核对数据；请运行 villagecat upgrade 加数据包文件夹，重写描述文件"
        ),
        (
            "the embedded Table Schema is not the one villagecat publishes for this format, and frictionless would"
            " check the data by it: rewrite the descriptor with villagecat upgrade"
        ),
    ),
    "path-remote": ("不读取网络上的数据", "remote data is not fetched"),
    "path-absolute": ("不允许使用绝对路径", "absolute paths are not allowed"),
    "path-outside": (
        "路径中有“..”（上一级文件夹）；资源须是数据包文件夹内的文件，请写如 duties.csv 的路径",
        "the path holds “..” (a folder above): a resource is a file inside the package folder, such as duties.csv",
    ),
    "path-control": ("路径中有控制字符（如 NUL）", "the path holds a control character (such as NUL)"),
    # a value a model refuses (pydantic's error types, and the models' own rules)
    "wrong-format": ("格式不正确", "wrong format"),
    "value-got": ("（实际为“{value}”）", " (got {value!r})"),
    "value-not-allowed": (
        "取值不在允许范围内，应为 {expected}{got}",
        "not an allowed value; expected one of {expected}{got}",
    ),
    "value-label-not-code": (
        "“{got}”是中文名称，数据包中应写代码 {code}",
        "{got!r} is a Chinese label: a package holds its code, {code}",
    ),
    "value-code-written-otherwise": (
        "“{got}”应写作代码 {code}：代码全用小写半角字母",
        "{got!r} is written {code}: a code is in lower-case ASCII letters",
    ),
    "value-invalid": ("取值无效：{detail}", "invalid value: {detail}"),
    "value-invalid-other": ("取值无效（{detail}）", "{detail}"),
    "value-hidden-character": ("{rule}：含有 {character}，请删去", "{rule}: it contains {character}"),
    "value-leading-mark": (
        "{rule}：开头是 {character}，它附在前一个字上，放在开头无所依附，显示为空白或错位的符号；请删去",
        (
            "{rule}: it begins with {character}, a mark that attaches to the character before it and shows as nothing"
            " or a stray accent at the start"
        ),
    ),
    "pydantic-missing": ("缺少必填字段", "required field is missing"),
    "pydantic-extra_forbidden": ("未知字段，不允许出现", "unknown field, not allowed"),
    "pydantic-string_too_short": ("不能为空", "must not be empty"),
    "pydantic-too_short": ("至少需要 {min_length} 项", "needs at least {min_length} entries"),
    "pydantic-string_type": ("应为文字", "must be text"),
    "pydantic-float_parsing": ("应为数字", "must be a number"),
    "pydantic-float_type": ("应为数字", "must be a number"),
    "pydantic-finite_number": ("应为有限的数字（不能是 inf、nan）", "must be a finite number (not inf or nan)"),
    "pydantic-int_parsing": ("应为整数", "must be a whole number"),
    "pydantic-int_type": ("应为整数", "must be a whole number"),
    "pydantic-int_from_float": ("应为整数", "must be a whole number"),
    "pydantic-int_parsing_size": ("应为不大于 {le} 的整数", "must be a whole number not above {le}"),
    "pydantic-too_long": (
        "至多 {max_length} 项（实际为 {actual_length} 项）",
        "has at most {max_length} entries, not {actual_length}",
    ),
    "pydantic-bool_parsing": ("应为 true 或 false（是/否）", "must be true or false"),
    "pydantic-bool_type": ("应为 true 或 false（是/否）", "must be true or false"),
    "pydantic-greater_than": ("应大于 {gt}", "must be greater than {gt}"),
    "pydantic-greater_than_equal": ("应不小于 {ge}", "must be at least {ge}"),
    "pydantic-less_than_equal": ("应不大于 {le}", "must be at most {le}"),
    "pydantic-list_type": ("应为列表", "must be a list"),
    "pydantic-tuple_type": ("应为列表", "must be a list"),
    "pydantic-dict_type": ("应为对象", "must be an object"),
    "pydantic-model_type": ("应为对象", "must be an object"),
    "pydantic-model_attributes_type": ("应为对象", "must be an object"),
    "citation-text-in-json": (
        (
            '在 JSON 形式中，出处应为条款标识（如 cn.clause.opinion-2-1）或出处对象 {{"document": …, "section": …, '
            '"quote": …}}，不能写作出处文字（实际为“{value}”）；“文件标识#条款「原文」”只用于 CSV 单元格'
        ),
        (
            "in the JSON form a citation is a clause id (such as cn.clause.opinion-2-1) or a citation object "
            '{{"document": …, "section": …, "quote": …}}, not citation text ({value!r}); DOCUMENT#SECTION「quote」 '
            "is for CSV cells"
        ),
    ),
    "citation-form": (
        "出处写作“文件标识#条款”或“文件标识#条款「原文」”，如 cn.document.tingzi-2022-28#二(一)1（实际为“{value}”）",
        "citation must be written DOCUMENT#SECTION or DOCUMENT#SECTION「quote」, not {value!r}",
    ),
    "citation-joined": (
        (
            "“{value}”中有不止一个“#”，是几个出处连在了一起：几个出处之间请用半角竖线 | 分隔"
            "（逗号、顿号、全角竖线“｜”都不能分隔）"
        ),
        "{value!r} holds more than one '#': citations run together; separate citations with |",
    ),
    "template-nested": ("第 {at} 个字处的花括号嵌套了", "nested '{{' at character {at}"),
    "template-unmatched": ("第 {at} 个字处的右花括号没有配对", "unmatched '}}' at character {at}"),
    "template-unclosed": ("第 {at} 个字处的左花括号没有闭合", "unclosed '{{' at character {at}"),
    "template-empty": ("第 {at} 个字处的占位符为空，应写作 {{姓名}} 这样", "empty placeholder at character {at}"),
    "date-impossible-day": ("日历上没有 {value} 这一天", "{value} is not a day on the calendar"),
    "date-impossible-month": ("没有 {value} 这个月（月份应为 01 至 12）", "{value} is not a month (01 to 12)"),
    "layer-last-release": (
        "最近一次发布记录是 {last}，但本层版本为 {version}",
        "the last release is {last}, but the layer is at {version}",
    ),
    "layer-national": (
        "国家层的标识为 cn，没有区划代码和上级层",
        "the national layer has id 'cn', no division code and no parent",
    ),
    "layer-id-code": ("层的标识应与其行政区划代码相同", "a layer's id is its division code"),
    "layer-parent": ("国家层以外的每一层都须写明上级层", "every layer but the national one declares its parent"),
    "override-value": ("不是 {field} 的有效取值：{detail}", "not a valid value for {field}: {detail}"),
    # merge rules: what a lower layer may not do, and the conflicts when it does
    # {layer} is the layer and its version: conflict-layer-version, or named as a clerk knows it conflict-layer-placed
    "merge-conflict": (
        "层 {layer}的条目 {target} 不符合合并规则：{rule}{values}",
        "layer {layer}, item {target}: breaks rule {rule}: {detail}{values}",
    ),
    # a field named by its title: 条目 X 的“最小建筑面积（平方米）”不符合 (no space inside the quotes' reach)
    "merge-conflict-field": (
        "层 {layer}的条目 {target} 的“{field}”不符合合并规则：{rule}{values}",
        "layer {layer}, item {target}, field {field}: breaks rule {rule}: {detail}{values}",
    ),
    "conflict-layer-version": ("{layer}（{version}）", "{layer} ({version})"),
    # 南关区（220102）0.1.0 版: the version after the name and code, never a second bracket (南关区（220102）（0.1.0）)
    "conflict-layer-placed": ("{place}{version} 版", "{place}, version {version}"),
    # an item by its id and name, in a conflict and in a change alike: English brackets as English does (the name is
    # data, written as it is)
    "item-named": ("{item}（{name}）", "{item} ({name})"),
    # an item the row names by the id the layer above renumbered (replaces): the row's id, beside the item's
    "conflict-renamed-from": ("本行所填旧标识 {old}", "named in the row by its former id {old}"),
    # a conflict of a layer as a whole (its place in the chain, its parent's version): no item is at fault
    "merge-conflict-layer": (
        "层 {layer}不符合合并规则：{rule}",
        "layer {layer}: breaks rule {rule}",
    ),
    "layer-named": ("{id} {name}", "{id} {name}"),
    # what to do about a conflict, after it: the value to write, or the row to delete
    "conflict-remedy-overrides": ("删去这条覆盖（整行删除）", "delete this override (its row)"),
    "conflict-remedy-cancellations": ("删去这条取消（整行删除）", "delete this cancellation (its row)"),
    "conflict-remedy-restated": ("清空这一格（沿用上级层的取值）", "empty this cell (the inherited value stands)"),
    "conflict-fix-raise": ("；请改为不低于 {inherited}，或{remedy}", "; raise it to at least {inherited}, or {remedy}"),
    "conflict-fix-lower": ("；请改为不高于 {inherited}，或{remedy}", "; lower it to at most {inherited}, or {remedy}"),
    "conflict-fix-earlier": (
        "；请改为不晚于 {inherited}，或{remedy}",
        "; make it no later than {inherited}, or {remedy}",
    ),
    "conflict-fix-graded": (
        "；请改为不弱于 {inherited} 的约束力，或{remedy}",
        "; make it bind at least as hard as {inherited}, or {remedy}",
    ),
    "conflict-fix-drop": ("；请{remedy}", "; {remedy}"),
    "conflict-fix-own-item": (
        "；本层自己的条目请在它所在的表中直接修改或删除，并{remedy}",
        "; change or delete the layer's own item where it is, and {remedy}",
    ),
    "conflict-fix-unknown-target": (
        "；请核对所填的标识（上级层的条目可用 villagecat catalog 查看），或{remedy}",
        "; check the id given (villagecat catalog lists the inherited items), or {remedy}",
    ),
    "conflict-fix-list-replace": (
        "；请把操作改为 增加条目（add）或 删除条目（remove），取值只写增减的项",
        "; make the op add or remove, the value holding only the entries added or removed",
    ),
    "conflict-values": (
        "（上级值 {inherited}，本层值 {attempted}）",
        " (inherited {inherited}, attempted {attempted})",
    ),
    "conflict-order": (
        "只能沿 {chain} 的方向改变（上级值 {inherited}，本层值 {attempted}）",
        "may only move along {chain} (inherited {inherited}, attempted {attempted})",
    ),
    "conflict-inherited-item": ("（上级条目 {inherited}）", " (inherited item {inherited})"),
    "rule-increase_only": ("该字段只能提高，不能降低", "the field may only rise"),
    "rule-decrease_only": ("该字段只能降低，不能提高", "the field may only fall"),
    "rule-sticky": ("该取值一经设定，下级层不得改变", "once set, a lower layer may not change the value"),
    "rule-grow_only": ("该列表只增不减，不得删除条目", "the list only grows; no entry may be removed"),
    "rule-graded": (
        "约束力只能加强（可以 → 一般应当/为主 → 必须），下级层不得放松",
        "the modality may only bind harder (may → should/mainly → must)",
    ),
    "rule-fixed": (
        "该取值一经上级层规定，下级层不得更改或删去",
        "once set above, a lower layer may not change or empty it",
    ),
    "rule-cancel_forbidden": ("该条目不得由下级层取消", "a lower layer may not cancel this item"),
    "rule-list_replace": ("该列表不允许整体替换，请用 add/remove", "the list may not be replaced; use add or remove"),
    "rule-unknown_target": ("目标条目在上级层中不存在或已被取消", "no such inherited item (or it was cancelled)"),
    "rule-unknown_field": ("目标条目没有该字段，或该字段不可覆盖", "the item has no such overridable field"),
    "rule-invalid_value": ("取值不符合字段要求", "the value does not fit the field"),
    "rule-own_item": ("覆盖和取消只能作用于上级层的条目", "overrides and cancellations apply to inherited items only"),
    "rule-parent_version": ("上级层版本不在声明的范围内", "the parent's version is outside the declared range"),
    "rule-chain_order": ("层的上下级顺序有误", "the layers are in the wrong order"),
    "rule-duplicate_id": ("标识与上级层条目重复", "the id is an inherited item's"),
    "rule-red_line_scope": (
        "刚性条目（履职负面事项、不应出具的证明、列入悬挂的标牌）和约束力为必须的规则，适用范围不得缩小",
        (
            "a red line (a prohibited duty, a certificate not to be issued, a sign listed to hang) or a binding rule "
            "may not reach fewer places"
        ),
    ),
    "rule-same_name": (
        (
            "与上级层同类条目同名：重申上级条目请在“重申条目”一列（restates）填它的名称或标识（措辞略有不同也可），"
            "修改它请用覆盖（overrides），而不是另立同名条目"
        ),
        (
            "an inherited item of the same kind has this name; to restate it, name it in the restates column"
            " (its name or id, even reworded), or change it with overrides"
        ),
    ),
    "rule-keep_entries": ("上级层的别名不得删除", "inherited aliases may not be removed"),
    "rule-explain-order": ("只能沿 {chain} 的方向改变", "may only move along {chain}"),
    "rule-explain-increase": ("只能提高，不能降低", "may only rise"),
    "rule-explain-decrease": ("只能降低，不能提高", "may only fall"),
    "rule-explain-earlier": ("时限只能提前，不能推迟", "may only come earlier, never later"),
    "rule-earlier_only": (
        "时限只能提前，下级层不得推迟",
        "a deadline may only come earlier; a lower layer may not put it off",
    ),
    "rule-explain-sticky": (
        "取值为 {values} 时，下级层不得改变",
        "once {values}, a lower layer may not change it",
    ),
    "rule-explain-graded": (
        "约束力只能加强（{chain}），下级层不得放松",
        "binds only harder ({chain}); a lower layer may not soften it",
    ),
    "graded-empty": ("留空（来源未写明）", "empty (the source does not say)"),
    "rule-explain-frozen": (
        "规定了规则所管的对象，下级层不得更改",
        "says what the rule is about; a lower layer may not change it",
    ),
    "rule-frozen": (
        "该字段规定了规则所管的对象（如标牌数量数的是哪类标牌），下级层不得更改",
        "the field says what the rule is about (which signs a quota counts); a lower layer may not change it",
    ),
    "rule-explain-qualifier": (
        "上级层规定为要求且未设此项的，下级层不得增设（为许可（{permits}）时不得删去）",
        "where a requirement has none, a lower layer may not add one (nor drop one from a permission: {permits})",
    ),
    "rule-qualifier": (
        (
            "条件、例外限定规则成立的范围：上级层的要求未设条件或例外的，下级层不得增设；上级层的许可（可以）"
            "附有条件或例外的，下级层不得删去"
        ),
        (
            "a condition or exception limits where a rule holds: a lower layer may not add one to a requirement "
            "that had none, nor drop one from a permission (may)"
        ),
    ),
    "rule-explain-fixed": ("一经规定，下级层不得更改或删去", "once set, a lower layer may not change or empty it"),
    "rule-explain-keep": ("该列表中上级层的条目不得删除", "inherited entries may not be removed"),
    "rule-explain-replaceable": ("下级层可整体替换该列表", "a lower layer may replace the whole list"),
    "detail-first-has-parent": (
        "层的上下级顺序有误：第一层写有上级层 {parent}，合并应从全国层开始，逐级向下",
        "the first layer names parent {parent}: start from the national layer and go down",
    ),
    # its parent left out of the layers merged: which one, and where it goes
    "detail-missing-parent": (
        (
            "层的上下级顺序有误：它的上级层 {parent} 不在合并的层中，合并时直接放在了 {previous} 之下；"
            "请把 {parent} 加在 {previous} 与本层之间"
        ),
        (
            "its parent {parent} is not among the layers merged; it was merged straight onto {previous}: "
            "put {parent} between {previous} and this layer"
        ),
    ),
    "detail-wrong-parent": (
        (
            "层的上下级顺序有误：它的上级层是 {parent}，合并时却放在了 {previous} 之下；"
            "请按上下级顺序排列，全国层在前，逐级向下"
        ),
        "its parent is {parent}, but it was merged onto {previous}: order the layers from the national one down",
    ),
    "detail-no-parent-below": (
        "层的上下级顺序有误：它没有上级层（全国层），合并时却放在了 {previous} 之下；合并应从全国层开始，逐级向下",
        "it has no parent (the national layer), but it was merged onto {previous}: start from it and go down",
    ),
    # said once, after the chain's conflict, of the operations on items of layers left out
    "detail-unchecked-operations": (
        "。本层另有 {count} 条覆盖、取消或重申指向未合并的层中的条目，未予核对",
        ". {count} more of its operations name items of layers not merged, and were not checked",
    ),
    "detail-parent-version": (
        "上级层版本不在声明的范围内：本层按 {parent} {range} 编写，合并在其 {version} 版之下",
        "written against {parent} {range}, merged onto {version}",
    ),
    "detail-duplicate-id": ("上级层已有此标识的条目", "an item with this id is inherited"),
    "detail-restates-unknown": (
        "重申的“{key}”不是上级层的同类条目",
        "restates {key!r}, which names no inherited item of this kind",
    ),
    "detail-unknown-field": (
        "{kind}没有可覆盖的字段“{field}”（本层给出的值 {value}）；可覆盖的字段：{fields}",
        "a {kind} has no overridable field '{field}' (given {value}); its overridable fields: {fields}",
    ),
    "detail-op-list-only": (
        "“{field}”是单一{what}，不能用 {op}，请用 {set}写出完整的新值（上级值 {inherited}，本层给出的值 {value}）",
        (
            "{field} holds a single {what}, not a list: {op} does not apply; use {set} with the whole new value "
            "(inherited {inherited}, given {value})"
        ),
    ),
    "detail-required-empty": (
        "“{field}”是必填字段，不能为空（上级值 {inherited}）；要修改，请在取值（value）中写出新值",
        "{field} is required and may not be empty (inherited {inherited}); give the new value",
    ),
    "field-shape-text": ("文本", "text"),
    "field-shape-number": ("数值", "number"),
    "field-shape-integer": ("数值", "number"),
    "field-shape-bool": ("真假值", "true or false"),
    "field-shape-other": ("取值", "value"),
    "detail-list-replace": ("该列表按条目合并，请用 add 或 remove", "this list merges by entry; use add or remove"),
    "detail-red-line-scope": ("刚性条目的适用范围不得缩小", "a red line may not be narrowed to fewer places"),
    "detail-same-name-here": (
        "本层已有同名的同类条目 {other}；同一层中一个名称只指一个条目，请合并或改名",
        "{other} of this layer has the same name; within a layer a name names one item",
    ),
    "detail-set-twice": (
        (
            "同一层对同一字段设定了两次，取值不明：本层的{first}已设为 {earlier}，此处又设为 {attempted}"
            "（上级值 {inherited}）；同一层对同一字段只能设定一次，请删去其中一处"
        ),
        (
            "this layer already sets this field to {earlier} ({first}), and this sets it to {attempted}"
            " (inherited {inherited}); a layer sets a field once: drop one of them"
        ),
    ),
    "set-twice-by-override": ("覆盖 {id}", "override {id}"),
    "set-twice-by-restating-row": (
        "“{sheet}”表中重申该条目的行（标识 {id}）",
        "the row {id} of {sheet} that restates the item",
    ),
    "rule-set_twice": (
        "同一层对同一字段设定了两次，取值不明",
        "a layer sets one field twice; which value holds is unclear",
    ),
    "detail-same-name": (
        "上级层已有同名的同类条目：{inherited}；重申它请在“重申条目”一列写它的名称或标识，修改它请用覆盖，而不是另立同名条目",
        (
            "an inherited item of the same kind has this name: {inherited}; to restate it, name it in the restates"
            " column (its name or id, even reworded), or change it with overrides, instead of adding an item of the"
            " same name"
        ),
    ),
    # diff and release reports
    "effect-tightens": ("对{whom}收紧：新增或加严义务", "tightens the obligations of {whom}"),
    "effect-loosens": ("对{whom}放宽：义务减少或放松", "relaxes the obligations of {whom}"),
    "effect-tightens-advised": (
        "对{whom}收紧：加严建议，未达到只作提示",
        "tightens what is advised to {whom} (not binding: a shortfall is a note)",
    ),
    "effect-loosens-advised": (
        "对{whom}放宽：建议放松，不具强制力",
        "relaxes what is advised to {whom} (not binding)",
    ),
    "effect-tightens-unstated": (
        "对{whom}收紧：加严要求，来源未写明约束力，未达到只作提示",
        "tightens a requirement on {whom} whose binding force the source does not state (a shortfall is a note)",
    ),
    "effect-loosens-unstated": (
        "对{whom}放宽：要求放松，来源未写明约束力",
        "relaxes a requirement on {whom} whose binding force the source does not state",
    ),
    # a rule on those it names (减负措施: a department, a county government): no check measures them against it
    "effect-tightens-advised-bound": (
        "对{whom}收紧：加严建议，不具强制力，不判不符合",
        "tightens what is advised to {whom} (not binding: no check fails on it)",
    ),
    "effect-tightens-unstated-bound": (
        "对{whom}收紧：加严要求，来源未写明约束力，不判不符合",
        "tightens a requirement on {whom} whose binding force the source does not state (no check fails on it)",
    ),
    "change-effect": ("（{effect}）", " ({effect})"),
    "change-level-violation": ("违反规则", "violation"),
    "change-level-breaking": ("破坏性", "breaking"),
    "change-level-warning": ("需关注", "warning"),
    "change-level-info": ("一般", "info"),
    "gate-unannounced": ("版本号未反映变更", "unannounced"),
    "change-values": ("：{old} → {new}", ": {old} -> {new}"),
    "change-value-empty": ("（空）", "(empty)"),
    "change-scope-empty": ("（空：同所在层的适用范围）", "(empty: the scope of its layer)"),
    "change-modality-empty": ("（空：来源未写明约束力）", "(empty: the source states no binding word)"),
    "change-values-inline": ("：{diff}", ": {diff}"),
    "change-by-layer": ("（{layer} 层）", " (layer {layer})"),
    "change-accepted": ("（已接受：{reason}）", " (accepted: {reason})"),
    "inline-deleted": ("〔删：{text}〕", "[-{text}-]"),
    "inline-inserted": ("〔增：{text}〕", "{{+{text}+}}"),
    "suggested-bump": (" · 建议版本升级：{bump}", " · suggested bump: {bump}"),
    # a version bump's level, in words (semantic versioning's major.minor.patch)
    "bump-major": ("主版本号", "major"),
    "bump-minor": ("次版本号", "minor"),
    "bump-patch": ("修订号", "patch"),
    "bump-none": ("无需升级", "none"),
    # a change in words alone (release notes and release's output): who reads them reads no code
    "change-field-of": (" 的“{field}”", ", {field}"),
    "released-summary": ("{counts} · 版本升级：{bump}", "{counts} · version bump: {bump}"),
    "release-notes-change": ("{meaning}（{items}）", "{meaning} ({items})"),
    "gate-failed": ("未通过审查（--fail-on {gate}）：{reason}", "the review gate failed (--fail-on {gate}): {reason}"),
    "gate-violations": (
        "{count} 处变更违反合并规则，须改正（不能接受）",
        "{count} change(s) break a merge rule and must be fixed (they cannot be accepted)",
    ),
    "gate-version": (
        "版本号不足以反映这些变更，须升级{needed}",
        "the version does not announce these changes: {needed} needed",
    ),
    "gate-version-raised": (
        "新版本的数据包版本与本层版本不一致，validate 不予通过，版本号无从核对",
        "the new version's package version is not its layer's, which validate refuses: its version cannot be judged",
    ),
    "side-version-raised": (
        "注意：新版本 {path} 的 datapackage.json 字段 version：{detail}；本次比较按本层版本 {version}",
        "note: the new version {path}, datapackage.json field version: {detail}; compared as version {version}",
    ),
    "child-range-outgrown": (
        (
            "{place}声明的上级层版本范围 {range} 不含新版本 {version}：该层须在 datapackage.json 中"
            "更新 layer.parent.version_range（上级层版本范围），再用 villagecat release 发布（仍可合并，不计为冲突）"
        ),
        (
            "{place} declares the parent range {range}, which does not admit the new version {version}: it must"
            " update layer.parent.version_range in its datapackage.json and release with villagecat release"
            " (it still merges: not a conflict)"
        ),
    ),
    "gate-operations-unrated": (
        "{count} 项覆盖、取消或重申的影响未核对（上级层不在手边）",
        "{count} override(s), cancellation(s) or restating row(s) not rated (the parents were not at hand)",
    ),
    "operations-unrated": (
        "{count} 项覆盖、取消或重申的影响未核对，只按字段变化列出：{reason}；请用 --layer 给出上级层的数据包",
        (
            "{count} override(s), cancellation(s) or restating row(s) not rated, listed as field changes only:"
            " {reason}; give the parents' packages with --layer"
        ),
    ),
    "gate-children-conflicts": (
        "下级层新冲突 {count} 项（{layers}）：下级层的目录将无法合并，请下级层先改正，或不作这项修订",
        (
            "{count} new conflict(s) in child layers ({layers}): their catalogs would no longer merge; have them"
            " corrected first, or drop this change"
        ),
    ),
    "gate-children-unchecked": (
        "{count} 个下级层未核对（{layers}），无从判断新版本是否与之冲突",
        "{count} child layer(s) not checked ({layers}): whether the new version conflicts with them is not known",
    ),
    "gate-unaccepted": (
        "{count} 项{level}或更高级别的变更未被接受（在 --accept 文件中写明接受理由）",
        "{count} change(s) at {level} or above are not accepted (give a reason in an --accept file)",
    ),
    "version-lowered": (
        "版本号降低了：{old} → {new}，这些变更需要在 {old} 上升级{needed}",
        "the version went down ({old} -> {new}): these changes need a {needed} bump over {old}",
    ),
    "version-not-raised": (
        "版本号未升级：{old} → {new}，这些变更需要升级{needed}",
        "the version was not raised ({old} -> {new}): these changes need a {needed} bump",
    ),
    "version-unannounced": (
        "版本号未反映变更：{old} → {new} 只升级了{declared}，这些变更需要升级{needed}",
        "the declared version does not announce these changes: {old} -> {new} is a {declared} bump, they need {needed}",
    ),
    "audience-scope": (
        "对{whom}：收紧 {tightened} 项，放宽 {relaxed} 项",
        "{whom}: {tightened} tightened, {relaxed} relaxed",
    ),
    "audience-others": (
        "对其他承办者（部门、乡镇等）：收紧 {tightened} 项，放宽 {relaxed} 项",
        "others bound (departments, townships): {tightened} tightened, {relaxed} relaxed",
    ),
    "audience-unnamed": (
        "对未写明的承办者：收紧 {tightened} 项，放宽 {relaxed} 项",
        "those the source does not name: {tightened} tightened, {relaxed} relaxed",
    ),
    "audience-integrators": (
        "对系统集成方：标识或结构变化 {integrators} 项",
        "integrators: {integrators} id-level changes",
    ),
    "whom-village": ("村", "villages"),
    "whom-community": ("社区", "communities"),
    "whom-both": ("村和社区", "villages and communities"),
    "whom-unnamed": ("未写明的承办者", "those the source does not name"),
    "children-unchecked": (" · 下级层：未核对（未提供下级层）", " · child layers: not checked"),
    "children-conflicts": (" · 下级层：新冲突 {count} 项", " · child layers: {count} new conflicts"),
    "children-none-known": (
        " · 下级层：没有已知的下级层，未核对",
        " · child layers: none known, none checked",
    ),
    "change-clause-cited-by": ("（引用它的条目 {count} 项：{items}）", " (cited by {count} items: {items})"),
    "renumbering-suspected-own": (
        (
            "疑似重新编号：新条目 {added} 与被删的 {removed} 同名；若是同一条目，请在本层 {added} 的“{field}”中填写"
            " {removed}（下级层的覆盖随之归 {added}）"
        ),
        (
            "possibly renumbered: the new item {added} has the name of the removed {removed}; if they are one item,"
            " list {removed} in {added}'s {field} in this layer (the overrides below then apply to {added})"
        ),
    ),
    "renumbering-suspected": (
        (
            "疑似重新编号：新条目 {added} 与被删的 {removed} 同名；若是同一条目，请在上级层 {added} 的“{field}”中填写"
            " {removed}（下级层的覆盖随之归 {added}）"
        ),
        (
            "possibly renumbered: the new item {added} has the name of the removed {removed}; if they are one item,"
            " list {removed} in {added}'s {field} in the layer above (the overrides below then apply to {added})"
        ),
    ),
    "child-conflict": ("下级层冲突：{detail}", "child layer conflict: {detail}"),
    "child-conflict-row": ("下级层冲突（{operation}）：{detail}", "child layer conflict ({operation}): {detail}"),
    "children-conflicts-named": (
        "下级层新冲突 {count} 项（{layers}）",
        "{count} new conflicts in child layers ({layers})",
    ),
    "children-unchecked-named": ("下级层未核对 {count} 个（{layers}）", "{count} child layers not checked ({layers})"),
    "children-some-unchecked": ("，另有 {count} 个未核对", "; {count} not checked"),
    "child-unchecked": (
        "下级层未核对：{name}（{layer}）：{reason}；请用 --layer 一并给出其上级层",
        "child layer not checked: {layer} {name}: {reason}; give its parents with --layer too",
    ),
    "no-changes": ("无变化", "no changes"),
    "diff-heading": ("## {name} {version}（{id}）", "## {name} {version} ({id})"),
    "diff-bump": ("建议版本升级：**{bump}**（相对于 {old}）", "Suggested bump: **{bump}** (from {old})"),
    "diff-level-heading": ("{word}（{level}）", "{word}{level}"),
    "diff-bump-words": ("版本升级：**{bump}**（相对于 {old}）", "Version bump: **{bump}** (from {old})"),
    "diff-accepted-heading": ("已接受的变更（accepted）", "Accepted changes"),
    "accepted-not-a-list": (
        "应为列表，每项写明 code（变更代码）、item（条目标识）和 reason（接受理由）",
        "must be a list of entries with code, item and reason",
    ),
    "accepted-unused": (
        (
            "注意：{path} 第 {number} 项（{code} {item}）未对应本次的任何变更，未被使用；请核对变更代码和条目标识"
            "（违反合并规则的变更不能被接受）"
        ),
        (
            "note: {path} entry {number} ({code} {item}) matches no change of this revision and was not used;"
            " check its code and item (a violation cannot be accepted)"
        ),
    ),
    "accepted-entry": (
        "第 {number} 项：须写明已知的变更代码（code）、条目标识（item）和接受理由（reason）",
        "entry {number}: needs a known change code, an item id and a reason",
    ),
    # diff --format csv: the columns' titles and the kinds of change, one row per change
    "diff-csv-action": ("变更", "action"),
    "diff-csv-level": ("级别", "level"),
    "diff-csv-code": ("变更代码", "code"),
    "diff-csv-resource": ("表", "resource"),
    "diff-csv-id": ("标识", "id"),
    "diff-csv-name": ("名称", "name"),
    "diff-csv-field": ("字段", "field"),
    "diff-csv-old": ("原值", "old"),
    "diff-csv-new": ("新值", "new"),
    "diff-csv-layer": ("变更层", "layer"),
    "diff-csv-accepted": ("接受理由", "accepted"),
    "diff-csv-meaning": ("说明", "meaning"),
    "diff-csv-added": ("新增", "added"),
    "diff-csv-removed": ("删除", "removed"),
    "diff-csv-changed": ("修改", "changed"),
    "levels-not-a-mapping": ("应为“变更代码: 级别”的映射", "must map change codes to levels"),
    "levels-entry-meant": (
        "{code}: {level} 不是已知的变更代码或级别（{levels}）；是否指 {meant}？",
        "{code}: {level} is not a known code with a level ({levels}); did you mean {meant}?",
    ),
    "levels-entry": (
        "{code}: {level} 不是已知的变更代码或级别（{levels}）",
        "{code}: {level} is not a known code with a level ({levels})",
    ),
    # diff: what each change code means
    "change-added": ("新增条目", "item added"),
    "change-added-advised": (
        "新增条目，约束力为建议（一般、原则上、为宜等）：不具强制力，原来符合的不会因此不符合",
        "item added as advice (一般、原则上、为宜): not binding, nothing that complied fails",
    ),
    "change-added-unstated": (
        "新增条目，来源未写明约束力：不判不符合，原来符合的不会因此不符合",
        "item added, its binding force not stated by the source: nothing that complied fails",
    ),
    "change-reworded": (
        "{field}换了写法，所指相同（如 2023-05 与 2023-05-31）",
        "{field} written otherwise, saying the same (2023-05 and 2023-05-31)",
    ),
    "change-restated": (
        "新增重申上级条目的一行（有上级层在手时，按其对上级条目的改动定级）",
        "a row restating an inherited item added (rated, with the parents at hand, by what it does to that item)",
    ),
    "change-binding-added": (
        "新增有约束力的条目（必须、不得），原来符合的可能不再符合",
        "a binding item added (must, must not); what complied may no longer",
    ),
    "change-rule-violated": (
        "新版本的操作或条目违反合并规则（不生效，不能发布）",
        "an operation breaks a merge rule",
    ),
    "change-clause-force-words-changed": (
        (
            "条款原文中的约束力或列举用语（必须、不得、原则上、一般、可以、等……）有增删或改动：引用它的条目的约束力和列举"
            "是否开放按原文而定，引文须是原文原话；请用 villagecat quotes 核对原文"
        ),
        (
            "a clause's quote changed its binding, advising or permitting words or its 等 (an open list): the items"
            " citing it are graded by them, and a quote must be the source's own words; check it with villagecat quotes"
        ),
    ),
    "change-clause-changed": (
        "条款的文件、条款号或原文变化，引用它的条目的出处随之变化；不改变任何条目的要求",
        (
            "a clause's document, section or quote changed, and with it the citations of the items citing it; no"
            " item's requirement changes"
        ),
    ),
    "change-rule-violation-withdrawn": (
        "撤回旧版本中合并未予执行的操作（原违反规则）：该操作从未生效，目录不变，对村和社区均无影响",
        (
            "an operation merge refused in the old version (a violation) is withdrawn: it never applied, the catalog"
            " is as it was"
        ),
    ),
    "change-removed": ("删除条目，引用其标识的系统将失效", "item removed; references to its id break"),
    "change-changed": ("字段变化，影响无法由数据判断", "a field changed; its effect cannot be told from the data"),
    "change-words-changed": (
        "{field}随{of}改写：与{of}的变更是同一项变更，见该项",
        "{field} changed with {of}: the same change, rated there",
    ),
    "change-words-rewritten": (
        "{field}改写而{of}未变：原文可能说的是另一时限（如“8月10日前”改为“8月10日起”），请核对{of}是否仍与原文相符",
        (
            "{field} rewritten while {of} stayed: the words may state another deadline (8月10日前 → 8月10日起);"
            " check that {of} still matches them"
        ),
    ),
    "change-citation-changed": ("出处、名称、别名或备注变化", "citations, name, aliases or notes edited"),
    "change-name-changed": (
        "名称变化，按旧名称查找（如开具证明、准入查询）将找不到它；旧名仍有人用时，请把旧名写入别名",
        "the name changed and the old one no longer finds it; keep the old name as an alias if it is still used",
    ),
    "change-renamed": ("条目改用新标识（旧标识写在“替代条目”中）", "item renumbered (declared with replaces)"),
    # a lower layer's row that now writes the new id its parent gave an item: merge applies it as before
    "change-target-renumbered": (
        "改写为上级层重新编号（替代条目）后的新标识，仍指同一条目，效果不变",
        "now names its item by the new id its layer gave it (replaces): the same item, to the same effect",
    ),
    "change-cancelled": ("下级层取消所继承的条目", "an inherited item is cancelled"),
    "change-restored": ("撤回对所继承条目的取消", "a cancellation is withdrawn"),
    "change-field-changed": (
        "{field}变化，影响无法由数据判断",
        "{field} changed; its effect cannot be told from the data",
    ),
    "change-scope-widened": (
        "适用范围扩大，新适用的村或社区可能不再符合",
        "applies to more places; those newly covered may not comply",
    ),
    "change-scope-widened-bound": (
        "适用范围扩大：受约束者对新适用的村或社区也须照此办理，原来符合的可能不再符合",
        (
            "applies to more places: those bound must keep it for the places newly covered too; what complied may"
            " no longer"
        ),
    ),
    "change-scope-widened-advised-bound": (
        "适用范围扩大，但所扩及的是建议（一般、原则上、为宜等）：受约束者对新适用的村或社区也宜照此办理，不具强制力，不判不符合",
        (
            "applies to more places, as advice (一般、原则上、为宜): those bound are advised so for the places newly"
            " covered too; not binding, no check fails on it"
        ),
    ),
    "change-scope-widened-unstated-bound": (
        "适用范围扩大，但来源未写明约束力：受约束者对新适用的村或社区也照此办理，不判不符合",
        (
            "applies to more places, its binding force not stated by the source: those bound are asked so for the"
            " places newly covered too; no check fails on it"
        ),
    ),
    "change-scope-narrowed": ("适用范围缩小", "applies to fewer places"),
    "change-scope-widened-advised": (
        "适用范围扩大，但所扩及的是建议（一般、原则上、为宜等）：新适用的村或社区未达到只作提示",
        "applies to more places, as advice (一般、原则上、为宜): those newly covered get a note, never a failure",
    ),
    "change-scope-widened-unstated": (
        "适用范围扩大，但来源未写明约束力：新适用的村或社区未达到只作提示",
        (
            "applies to more places, its binding force not stated by the source: those newly covered get a note,"
            " never a failure"
        ),
    ),
    "change-scope-reworded": (
        "适用范围换了写法，所及之处相同（留空表示与条目所在层的适用范围相同：如留空与写明本层所适用的村和社区）",
        (
            "the scope (applies_to) is written otherwise, reaching the same places (left empty, it is the coverage"
            " of the item's own layer: left empty, or that layer's coverage written out)"
        ),
    ),
    "change-tightened": ("{field}收紧，原来符合的可能不再符合", "{field}: tightened"),
    "change-loosened": ("{field}放宽", "{field}: loosened"),
    "change-tightened-advised": (
        "{field}收紧，但约束力前后均为建议（一般、原则上、为宜等）：未达到只作提示，原来符合的不会因此不符合",
        (
            "{field}: tightened, advice on both sides (一般、原则上、为宜): a shortfall is a note, nothing that"
            " complied fails"
        ),
    ),
    "change-tightened-unstated": (
        "{field}收紧，但来源未写明约束力（前后均不具强制力）：未达到只作提示，原来符合的不会因此不符合",
        (
            "{field}: tightened, its binding force not stated by the source (binding on neither side): a shortfall"
            " is a note, nothing that complied fails"
        ),
    ),
    "change-tightened-advised-bound": (
        "{field}收紧，但约束力前后均为建议（一般、原则上、为宜等）：对受约束者加严建议，不具强制力，不判不符合",
        (
            "{field}: tightened, advice on both sides (一般、原则上、为宜): more is advised to those bound;"
            " not binding, no check fails on it"
        ),
    ),
    "change-tightened-unstated-bound": (
        "{field}收紧，但来源未写明约束力（前后均不具强制力）：对受约束者加严要求，不判不符合",
        (
            "{field}: tightened, its binding force not stated by the source (binding on neither side): more is asked"
            " of those bound; no check fails on it"
        ),
    ),
    "change-modality-unstated": (
        "{field}由建议（一般、可等）改为来源未写明：检查仍只作提示，不判不符合；下级层不得改为一般或可以（可改为必须）",
        (
            "{field}: advice before, now not stated by the source; a miss is still a note, never a failure;"
            " a lower layer may no longer make it should or may (it may make it must)"
        ),
    ),
    "change-modality-stated": (
        "{field}由来源未写明改为建议（一般、可等）：检查仍只作提示，不判不符合；下级层可改为一般",
        (
            "{field}: not stated by the source before, now advice; a miss is still a note, never a failure;"
            " a lower layer may now make it should"
        ),
    ),
    "change-duty-prohibited-added": ("新增履职负面事项", "a new prohibited duty"),
    "change-duty-kind-changed": ("事项类别变化", "the kind of a duty changed"),
    "change-certificate-not-to-issue-added": ("新增不应出具的证明", "a new certificate not to be issued"),
    "change-certificate-cancelled": ("证明事项被取消或列为不应出具", "a certificate is cancelled or not to be issued"),
    "change-certificate-reinstated": ("证明事项恢复保留", "a certificate is retained again"),
    "change-certificate-template-changed": ("证明内容范本或占位符变化", "the template or placeholders changed"),
    "change-sign-mandatory-added": (
        "新增列入悬挂的标牌，悬挂约束力为必须：缺少时不符合",
        "a new sign listed to hang, and it must hang: a village without it fails",
    ),
    "change-sign-text-changed": ("标牌文字变化，须重新制作", "a sign's text changed; plaques must be remade"),
    "change-sign-colour-changed": ("标牌颜色变化", "a sign's colours changed"),
    "change-sign-orientation-changed": ("标牌版式变化", "a sign's orientation changed"),
    "change-sign-made-mandatory": (
        "标牌改为列入悬挂，悬挂约束力为必须：缺少时不符合",
        "a sign is now listed to hang, and it must hang: a village without it fails",
    ),
    "change-sign-made-optional": ("标牌不再列入悬挂", "a sign is no longer listed to hang"),
    "change-sign-made-mandatory-advised": (
        "标牌改为列入悬挂，悬挂约束力为建议（一般在……悬挂）：缺少时只作提示",
        "a sign is now listed to hang, as advice (一般在……悬挂): a village without it gets a note, never a failure",
    ),
    "change-sign-made-mandatory-unstated": (
        "标牌改为列入悬挂，来源未写明悬挂约束力：缺少时只作提示",
        "a sign is now listed to hang, its binding force not stated by the source: a village without it gets a note",
    ),
    "change-sign-mandatory-added-advised": (
        "新增列入悬挂的标牌，悬挂约束力为建议（一般在……悬挂）：缺少时只作提示",
        "a new sign listed to hang, as advice (一般在……悬挂): a village without it gets a note, never a failure",
    ),
    "change-sign-mandatory-added-unstated": (
        "新增列入悬挂的标牌，来源未写明悬挂约束力：缺少时只作提示",
        "a new sign listed to hang, its binding force not stated by the source: a village without it gets a note",
    ),
    "change-layer-changed": ("层的标识、层级、区划代码或覆盖范围变化", "the layer's identity or coverage changed"),
    "change-layer-metadata-changed": ("层的名称、发布机关或日期变化", "names, publisher or dates changed"),
    "change-layer-parent-changed": ("上级层或其版本范围变化", "the parent or its version range changed"),
    "change-layer-admission-changed": ("准入审批程序变化", "the admission route changed"),
    # workbooks
    "sheet-json": ("“{name}”应为 JSON", "{name} must be JSON"),
    "sheet-unknown-column": (
        "未知的列“{heading}”：请改正列名或删去该列；本表的列名：{known}",
        "unknown column {heading!r}: correct its title or delete it; the sheet's columns are: {known}",
    ),
    "sheet-unknown-column-meant": (
        "未知的列“{heading}”：是否应为“{meant}”？请改正列名或删去该列",
        "unknown column {heading!r}: did you mean {meant}? Correct its title or delete it",
    ),
    "workbook-date-number": (
        (
            "单元格是数字 {value}，不是日期：表格把 2023.10 存作数字 2023.1，看不出是几月；"
            "请写成“年-月”的文字，如 {year}-10，或用表格的日期格式"
        ),
        (
            "the cell is the number {value}, not a date: a spreadsheet stores 2023.10 as the number 2023.1, so the"
            " month is unknown; write it as text year-month, like {year}-10, or use the spreadsheet's date format"
        ),
    ),
    "workbook-number-words": (
        "应为数字：请只填数字 {number}，“{words}”不写在这一格（列名已写明单位和含义）",
        "must be a number: write {number} alone, without {words!r} (the column's title gives the unit and meaning)",
    ),
    "workbook-no-header": (
        (
            "工作表“{sheet}”的第 1 行应为列名，而这一行没有一个本表的列名："
            "像是删去了列名所在的行，或从第 1 行起粘贴了内容；"
            "请在第 1 行插入一行，依次填入本表的列名：{known}（可从 villagecat export 导出的工作簿中复制）"
        ),
        (
            "row 1 of sheet {sheet} must hold the column titles, and names none of the sheet's columns: the title row"
            " deleted, or content pasted from row 1? Insert a row 1 holding the sheet's titles, in order: {known}"
            " (copy them from a workbook villagecat export wrote)"
        ),
    ),
    "unknown-sheet": (
        (
            "未知的工作表“{title}”：工作表应为 {known} 之一；是目录的内容请改正表名，"
            "是备注等其他内容请删去该表或移到别的文件，再导入"
        ),
        (
            "unknown sheet {title!r}: sheets are {known}; rename it if it holds catalog rows, else delete it"
            " or move it to another file, then import again"
        ),
    ),
    "unknown-hidden-sheet": (
        (
            "未知的工作表“{title}”（隐藏的工作表：在表名处右键选“取消隐藏”可以看到）：工作表应为 {known} 之一；"
            "是目录的内容请改正表名，是备注等其他内容请删去该表或移到别的文件，再导入"
        ),
        (
            "unknown sheet {title!r} (hidden: right-click a sheet tab and choose Unhide to see it): sheets are"
            " {known}; rename it if it holds catalog rows, else delete it or move it to another file, then import again"
        ),
    ),
    "workbook-override-field": (
        "“字段”填目标条目所在工作表第一行的列名；目标条目未填写或不是条目的标识，无法列出可填的列名（实际为“{field}”）",
        (
            "write the column title of the target's sheet (its first row); the target is missing or not"
            " an item id, so its fields cannot be listed (got {field!r})"
        ),
    ),
    "missing-sheet": ("缺少工作表“{sheet}”", "no sheet {sheet}"),
    "workbook-renamed-column": (
        "列名“{heading}”不是本表的列名，而本表缺少列“{column}”：像是改了列名；请把列名改回“{column}”（列名不能修改）",
        (
            "column {heading!r} is none of the sheet's and the sheet has no column {column}: renamed?"
            " Name it {column} again"
        ),
    ),
    "workbook-renamed-sheet": (
        "工作表“{title}”的列名与“{sheet}”表相同，像是改了表名；请把表名改回“{sheet}”（表名不能修改）",
        "sheet {title!r} has the columns of sheet {sheet}, as if renamed: name it {sheet} again",
    ),
    "workbook-missing-column": (
        "缺少列“{column}”；该列没有内容时，请保留列名、内容留空（缺少该列会被当作清空每一行的这一项）",
        "no column {column}: keep it, empty, if it has nothing (a missing column would read as emptied in every row)",
    ),
    "missing-resource-sheet": (
        "缺少工作表“{sheet}”；如本类没有条目，请保留该表、只留表头（缺少该表会被当作删除全部条目）",
        (
            "no sheet {sheet}: keep it with only its header if the kind has no items"
            " (a missing sheet would read as deleting all of them)"
        ),
    ),
    # validation: what the schemas cannot check
    "duplicate-id": ("标识 {id} 重复（已在 {first} 中出现）", "id {id} is used twice (already in {first})"),
    "id-kind": ("标识 {id} 的类别段应为 {kind}", "id {id} should have the kind segment {kind!r}"),
    "id-namespace": ("标识 {id} 应以本层标识 {layer} 开头", "id {id} should start with this layer's id {layer!r}"),
    "replaces-twice": (
        (
            "旧标识 {replaces} 已由 {first} 接替，{id} 不能再接替它：一个旧标识只能由一个条目接替，"
            "否则下级层对旧标识的覆盖、取消不知该归哪一条；请从其中一条的“替代条目”中删去 {replaces}"
        ),
        (
            "the old id {replaces} is replaced by {first} already, so {id} cannot replace it too: the layers below"
            " could not tell which item their operations on the old id follow; remove {replaces} from one of the"
            " two replaces"
        ),
    ),
    "replaces-present": (
        (
            "{id} 接替的旧标识 {replaces} 仍是本层一个条目的标识：下级层对 {replaces} 的覆盖、取消不知该归哪一条；"
            "重新编号后旧标识不能再用，请从这一行的“替代条目”中删去 {replaces}，或给另一条目换一个标识"
        ),
        (
            "{id} replaces {replaces}, which is still the id of an item of the layer: the layers below could not tell"
            " which their operations on it follow; remove {replaces} from this replaces, or give the other item"
            " another id"
        ),
    ),
    "replaces-other-kind": (
        (
            "{id} 接替的 {replaces} 不是同一种条目（应为 {kind} 条目）：重新编号只能在同一种条目之间，"
            "下级层对 {replaces} 的覆盖、取消不会随之改到 {id}"
        ),
        (
            "{id} replaces {replaces}, an item of another kind (it must be a {kind}): the layers below's operations"
            " on {replaces} do not follow a renumbering into another kind"
        ),
    ),
    "replaces-carried": (
        "已把 {via} 原有的替代条目 {earlier} 一并写入 {id} 的“替代条目”：下级层按 {earlier} 填写的行仍归 {id}",
        (
            "{id}'s replaces now lists {earlier} too, which {via} listed: the rows of the layers below that hold"
            " {earlier} still apply to {id}"
        ),
    ),
    "replaces-other-layer": (
        (
            "“替代条目”只能列本层原有的标识（{layer}.…），不能列 {replaces}；"
            "修改上级层的条目请用覆盖（overrides）或取消（cancellations）"
        ),
        (
            "replaces may only list earlier ids of this layer ({layer}.…), not {replaces}; "
            "change an inherited item with overrides or cancellations"
        ),
    ),
    "unknown-parent": (
        "上级层 {parent} 不存在（既非内置层，也未随同给出）；请把上级层的数据包一并给出",
        "parent layer {parent} is not known (neither shipped nor given): give its package too",
    ),
    # how the command that printed it takes the parent's package: its own words, never another's options
    "hint-unknown-parent-validate": (
        (
            "提示：用 --layer 给出上级层的数据包：villagecat validate {path} --layer {folder}；"
            "也可以把上级层的数据包写在 {path} 之前，一并校验"
        ),
        (
            "hint: give the parent's package with --layer: villagecat validate {path} --layer {folder};"
            " or list it before {path}, to validate it too"
        ),
    ),
    # which parent validate checked against, when a clerk may have meant another: the shipped one was used
    "note-parent-given-more": (
        (
            "注意：上级层 {parent} 给出了 {count} 份，{path} 按最后给出的 {used} 校验，未用 {unused}"
            "（与所用的一份内容不同）；要按另一份校验，请只给出那一份"
        ),
        (
            "note: parent {parent} is given {count} times; {path} was checked against the last given, {used},"
            " not {unused} (which differ from it); to check against another, give that one alone"
        ),
    ),
    "note-parent-shipped-not-around": (
        (
            "注意：上级层 {parent}（{name} {version}）取自 villagecat 内置数据，不是所在文件夹 {folder} 中的数据包"
            "（两者内容不同）；要按 {folder} 校验，请输入：villagecat validate {folder} {path}（两者一并校验），"
            "或 villagecat validate {path} --layer {folder}"
        ),
        (
            "note: parent {parent} ({name} {version}) was taken from villagecat's shipped data, not from the package"
            " in the folder above, {folder} (their contents differ); to check against {folder}, type: villagecat"
            " validate {folder} {path} (checks both), or villagecat validate {path} --layer {folder}"
        ),
    ),
    "hint-parent-shipped": (
        (
            "提示：上级层 {parent}（{name} {version}）取自 villagecat 内置数据；要按另一份上级层数据包校验，"
            "请输入：villagecat validate {path} --layer {folder}"
        ),
        (
            "hint: parent {parent} ({name} {version}) was taken from villagecat's shipped data; to check against"
            " another package of it, type: villagecat validate {path} --layer {folder}"
        ),
    ),
    "hint-unknown-parent-import": (
        "提示：用 --layer 给出上级层的数据包：villagecat import {workbook} -o {output} --layer {folder}",
        "hint: give the parent's package with --layer: villagecat import {workbook} -o {output} --layer {folder}",
    ),
    "hint-unknown-parent-release": (
        "提示：用 --layer 给出上级层的数据包：villagecat release {path} --layer {folder}",
        "hint: give the parent's package with --layer: villagecat release {path} --layer {folder}",
    ),
    "release-invalid": (
        "未发布：数据包有问题，请先改正再发布（villagecat validate 可逐条查看）",
        "not released: the package has problems; fix them first (villagecat validate lists them)",
    ),
    "parent-folder": ("上级层数据包的文件夹", "PARENT_FOLDER"),
    "parent-version": (
        "上级层 {parent} 的版本 {version} 不在声明的范围 {range} 内",
        "parent {parent} is at version {version}, outside the declared range {range}",
    ),
    "parent-version-merges": (
        (
            "{detail}；本层仍可合并到该版本，不判为问题；"
            "下次发布前请在 datapackage.json 中更新 layer.parent.version_range（上级层版本范围）"
        ),
        (
            "{detail}; the layer still merges onto it, which is no problem; bring layer.parent.version_range in"
            " datapackage.json in line before the next release"
        ),
    ),
    "parent-chain": ("上级层链有误：{detail}", "{detail}"),
    "unknown-document": (
        (
            "{item} 引用的文件 {document} 不存在（本包及上级层均无此文件）；"
            "请先在来源文件（documents）中登记这份文件，或把出处改为已登记的文件标识"
        ),
        (
            "{item} cites document {document}, which is in neither this package nor its parents;"
            " register it in the documents first, or cite a registered document"
        ),
    ),
    "unknown-document-misspelt": ("{said}；是否应为已登记的 {meant}？", "{said}; did you mean {meant}, registered?"),
    "admission-unknown-document": (
        "准入审批程序引用的文件 {document} 不存在",
        "the admission route cites document {document}, which does not exist",
    ),
    "unknown-clause": (
        "引用的条款 {clause} 不在本数据包的 clauses 中",
        "cites clause {clause}, which is not in the package's clauses",
    ),
    "resource-words": ("{title}（{name}）", "{name} ({title})"),
    "resource-of-parent": ("上级层 {layer} 的{title}（{name}）", "{name} ({title}) of the parent layer {layer}"),
    "unchecked-documents": (
        "因{resource}无法读取，未检查各条目引用的文件是否存在",
        "{resource} could not be read, so whether the documents cited exist was not checked",
    ),
    "unchecked-clauses": (
        "因{resource}无法读取，未检查各条目引用的条款是否存在",
        "{resource} could not be read, so whether the clauses cited exist was not checked",
    ),
    "unchecked-targets": (
        "因{resource}无法读取，未检查以其中条目为目标的覆盖、取消和重申",
        (
            "{resource} could not be read, so the overrides, cancellations and restating rows aimed at its items"
            " were not checked"
        ),
    ),
    "descriptor-no-resources": ("缺少 resources 数组", "resources must be an array"),
    "descriptor-version": (
        (
            "数据包版本为“{declared}”，但本层版本（layer.version）为“{version}”：两者是同一个版本号，不要手改；"
            "发布新版本请用 villagecat release（它按改动定出版本号，同时写入两处和发布记录）；"
            "不发布则把数据包版本改回 {version}（villagecat upgrade 会改回）"
        ),
        (
            'the package\'s version is "{declared}" but its layer\'s (layer.version) is "{version}": they are one'
            " number, not to be changed by hand; release a new version with villagecat release (it sets the number"
            " by the changes and writes both and the release record), or set the package's back to {version}"
            " (villagecat upgrade does)"
        ),
    ),
    "descriptor-resource-object": ("资源应为对象", "a resource must be an object"),
    "duplicate-resource": ("资源 {name} 重复", "resource {name} appears twice"),
    "finding-scope-one": (
        "核查结果针对一个村或一个社区，不能同时针对两者",
        "a finding judges one village or one community, not both",
    ),
    "finding-code-undeclared": (
        "结果代码 {code} 未在 villagecat.checks._codes 中登记",
        "finding code {code} is not declared in villagecat.checks._codes",
    ),
    # check facility
    "facility-floor-area-met": (
        "建筑面积 {area} m²，达到 {required} m²（{formula}）",
        "floor area {area} m² meets the required {required} m² ({formula})",
    ),
    "facility-floor-area-short": (
        "建筑面积 {area} m²，应不少于 {required} m²（{formula}），差 {shortfall} m²",
        "floor area {area} m² is below the required {required} m² ({formula}) by {shortfall} m²",
    ),
    "facility-floor-area-advised": (
        (
            "建筑面积 {area} m²，未达到建议的 {required} m²（{formula}），差 {shortfall} m²；"
            "非硬性要求：来源用语为“一般”“原则上”等建议性用语"
        ),
        "floor area {area} m² is below the advised (not binding) {required} m² ({formula}) by {shortfall} m²",
    ),
    "facility-floor-area-unstated": (
        (
            "建筑面积 {area} m²，未达到来源所载的 {required} m²（{formula}），差 {shortfall} m²"
            "（来源未写明约束力，只作提示）"
        ),
        (
            "floor area {area} m² is below the source's {required} m² ({formula}) by {shortfall} m² (the source"
            " does not say how strongly it binds: a note, not a failure)"
        ),
    ),
    "facility-activity-share-required": (
        "村民活动区域占 {share}%，应不低于 {pct}%",
        "activity area is {share}% of the floor area; at least {pct}% is required",
    ),
    "facility-activity-share-advised": (
        "村民活动区域占 {share}%，来源建议不低于 {pct}%",
        "activity area is {share}% of the floor area; at least {pct}% is advised",
    ),
    "facility-activity-share-required-community": (
        "居民活动区域占 {share}%，应不低于 {pct}%",
        "residents' activity area is {share}% of the floor area; at least {pct}% is required",
    ),
    "facility-activity-share-advised-community": (
        "居民活动区域占 {share}%，来源建议不低于 {pct}%",
        "residents' activity area is {share}% of the floor area; at least {pct}% is advised",
    ),
    "facility-activity-share-unstated": (
        "村民活动区域占 {share}%，未达到来源所载的 {pct}%（来源未写明约束力）",
        (
            "activity area is {share}% of the floor area, below the source's {pct}% (the source does not say how"
            " strongly it binds)"
        ),
    ),
    "facility-activity-share-unstated-community": (
        "居民活动区域占 {share}%，未达到来源所载的 {pct}%（来源未写明约束力）",
        (
            "residents' activity area is {share}% of the floor area, below the source's {pct}% (the source does not say"
            " how strongly it binds)"
        ),
    ),
    "facility-activity-share-unstated-met": (
        "村民活动区域占 {share}%，达到来源所载的 {pct}%",
        "activity area is {share}% of the floor area, at least the source's {pct}%",
    ),
    "facility-activity-share-unstated-met-community": (
        "居民活动区域占 {share}%，达到来源所载的 {pct}%",
        "residents' activity area is {share}% of the floor area, at least the source's {pct}%",
    ),
    "facility-function-areas-missing": ("缺少功能区域：{missing}", "missing function areas: {missing}"),
    "facility-function-areas-missing-advised": (
        "缺少来源建议设置的功能区域：{missing}（非硬性要求）",
        "missing function areas the source advises: {missing} (advice, not binding)",
    ),
    "facility-function-areas-missing-unstated": (
        "缺少来源所列的功能区域：{missing}（来源未写明约束力）",
        "missing function areas the source names: {missing} (the source does not say how strongly it binds)",
    ),
    "facility-function-areas-present": ("功能区域齐全", "all function areas present"),
    "facility-no-standard": (
        "本辖区各层未规定适用的设施面积标准",
        "no layer of this jurisdiction sets an applicable facility standard",
    ),
    # check signage
    "side-width": ("宽", "width"),
    "side-height": ("高", "height"),
    "side-long-side": ("长边", "long side"),
    "side-short-side": ("短边", "short side"),
    "colour-background": ("底色应为{want}，实为{have}", "background {have}, {want} required"),
    "colour-text": ("字色应为{want}，实为{have}", "text {have}, {want} required"),
    "colour-background-given": ("底色为{have}，来源所载为{want}", "background {have}, the source gives {want}"),
    "colour-text-given": ("字色为{have}，来源所载为{want}", "text {have}, the source gives {want}"),
    "signage-oversize": (
        "{sign}超出规定尺寸（{measured} 厘米）",
        "{sign}: larger than the required size ({measured} cm)",
    ),
    "signage-oversize-advised": (
        "{sign}超出来源建议（“一般应”，非硬性要求）的尺寸（{measured} 厘米）",
        "{sign}: larger than the advised (not binding) size ({measured} cm)",
    ),
    "signage-oversize-unstated": (
        "{sign}超出来源所载的尺寸（{measured} 厘米）（来源未写明约束力）",
        "{sign}: larger than the source's size ({measured} cm; the source does not say how strongly it binds)",
    ),
    "signage-colour": ("{sign}颜色不符：{details}", "{sign}: wrong colours ({details})"),
    "signage-colour-advised": (
        "{sign}颜色与来源建议（非硬性要求）的不同：{details}",
        "{sign}: not the advised (not binding) colours ({details})",
    ),
    "signage-colour-unstated": (
        "{sign}颜色与来源所载的不同：{details}（来源未写明约束力）",
        "{sign}: not the source's colours ({details}; the source does not say how strongly it binds)",
    ),
    "signage-orientation": ("{sign}版式应为{orientation}", "{sign}: must be {orientation}"),
    "signage-orientation-advised": ("{sign}版式宜为{orientation}", "{sign}: advised to be {orientation}"),
    "signage-orientation-unstated": (
        "{sign}版式不是来源所载的{orientation}（来源未写明约束力）",
        "{sign}: not {orientation} as the source gives (the source does not say how strongly it binds)",
    ),
    "signage-characters": (
        "{sign}使用了非通用规范汉字（繁体字）：{characters}",
        "{sign}: traditional characters {characters} instead of standard simplified ones",
    ),
    "character-traditional": ("繁体字", "traditional form"),
    "character-variant": ("异体字", "variant"),
    "signage-characters-noted": (
        (
            "{sign}中的“{character}”是《通用规范汉字表》所收规范字（{number}），但表的附件1 又将它列为“{standard}”的"
            "{kind}：它只在特定用法（如姓氏人名、地名）或读音中作规范字，请核实此处用法"
        ),
        (
            "{sign}: {character} is a standard character of the 通用规范汉字表 (no. {number}), which its 附件1 also"
            " lists as the {kind} of {standard}: it is standard only in some uses (names of people or places) or one"
            " reading; check its use here"
        ),
    ),
    "signage-not-allowed": (
        "{sign}不在规定的标牌之列，不得悬挂；如这是所列组织的标牌，请在“所属组织”一列写明",
        (
            "{sign}: not among the signs allowed here; nothing else may hang (if it is a listed organisation's"
            " plaque, name the organisation)"
        ),
    ),
    "signage-not-allowed-advised": (
        (
            "{sign}不在规定的标牌之列，原则上不得悬挂（来源用语为“原则上”，非硬性要求）；"
            "如这是所列组织的标牌，请在“所属组织”一列写明"
        ),
        (
            "{sign}: not among the signs listed here, which as a rule is all that hangs (the source says 原则上:"
            " advisory)"
        ),
    ),
    "signage-not-allowed-unstated": (
        ("{sign}不在来源所列的标牌之列（来源未写明约束力）；如这是所列组织的标牌，请在“所属组织”一列写明"),
        (
            "{sign}: not among the signs the source lists here (the source does not say how strongly this binds; if"
            " it is a listed organisation's plaque, name the organisation)"
        ),
    ),
    "signage-unlisted": (
        "{sign}不在指导目录所列外部标牌之中，请核实是否属于对口挂牌",
        "{sign}: not among the outside signs of the catalog; check it is not a departmental plaque",
    ),
    "signage-none-listed": (
        "本辖区指导目录未列出{scope}的标牌标识，{count} 块外部标牌标识无从核对，不据此认定为对口挂牌",
        (
            "this jurisdiction's catalog lists no signs for {scope}: {count} outside signs could not be checked,"
            " which is no evidence of departmental plaques"
        ),
    ),
    "signage-missing": ("缺少必须悬挂的{sign}", "the mandatory sign {sign} is missing"),
    "signage-present": ("已悬挂目录所列的{sign}", "the listed sign {sign} is hung"),
    "signage-missing-advised": (
        "未悬挂目录所列的{sign}（来源用语为“一般”，非硬性要求）",
        "the listed sign {sign} is not hung (the source says it is hung as a rule: advised)",
    ),
    "signage-missing-unstated": (
        "未悬挂目录所列的{sign}（来源未写明约束力）",
        "the listed sign {sign} is not hung (the source does not say how strongly this binds)",
    ),
    "signage-count": (
        "{quota}共 {count} 个，超过规定的 {allowed} 个",
        "{count} signs where {allowed} are allowed ({quota})",
    ),
    "signage-count-advised": (
        ("{quota}共 {count} 个，超过来源所载的 {allowed} 个（非硬性要求：来源用语为“原则上”等）"),
        "{count} signs where the source gives {allowed} ({quota}; advisory: the source says 原则上 or the like)",
    ),
    "signage-count-unstated": (
        "{quota}共 {count} 个，超过来源所载的 {allowed} 个（来源未写明约束力）",
        "{count} signs where the source gives {allowed} ({quota}; the source does not say how strongly this binds)",
    ),
    "signage-count-unknown-type": (
        (
            "{quota}已计 {count} 个（规定 {allowed} 个），另有 {unknown} 个未填写标牌类型（标牌或标识）：{signs}；"
            "类型不明，数量核对未能完成，请补填“标牌类型”"
        ),
        (
            "{quota}: {count} counted ({allowed} allowed), and {unknown} whose type (plaque or mark) is not given:"
            " {signs}; the count could not be completed: give their sign type"
        ),
    ),
    # audit
    # {consent}: the words of the clause the rule cites (未经省级党委和政府同意; Ninghe's 未经市委市政府同意)
    "audit-mechanism-dedicated-post": (
        "工作机制“{mechanism}”要求专人专岗，但无党中央、国务院明确要求或法律法规明确规定{consent}，不得要求",
        "mechanism {mechanism} requires a dedicated post without a central or legal basis{consent}",
    ),
    "mechanism-consent": ("，也{condition}", " or the consent its rule names ({condition})"),
    "audit-mechanism-without-basis": (
        "工作机制“{mechanism}”不在目录中且无设立依据，应予清理",
        "mechanism {mechanism} is not in the catalog and has no basis",
    ),
    "audit-mechanism-post-unstated": (
        "工作机制“{mechanism}”要求专人专岗，台账未写明设立依据，未核查是否允许；请在“设立依据”一列填写：{choices}",
        (
            "mechanism {mechanism} requires a dedicated post and the ledger gives no basis: not checked; give its basis"
            " ({choices})"
        ),
    ),
    "audit-mechanism-basis-unstated": (
        "工作机制“{mechanism}”不在目录中，台账未写明设立依据，未核查；请在“设立依据”一列填写：{choices}",
        (
            "mechanism {mechanism} is not in the catalog and the ledger gives no basis: not checked; give its basis"
            " ({choices})"
        ),
    ),
    "audit-mechanism-unlisted": (
        "工作机制“{mechanism}”不在目录中（依据：{basis}），请核实",
        "mechanism {mechanism} is not in the catalog (basis: {basis}); check it",
    ),
    "audit-village-empty": (
        "台账未记录该{place}的任何标牌、事项、机制、证明或设施，未作核查",
        "the ledger records no sign, duty, mechanism, certificate or facility of this {place}: nothing was checked",
    ),
    "audit-certificate-unlisted": (
        "出具的“{certificate}”不在证明事项目录中；仅限职责范围内且能够核实的事项据实出具",
        "{certificate} is not in the certificate catalog; issue it only where the facts can be verified",
    ),
    "audit-certificate-alike": (
        "出具的“{certificate}”不在证明事项目录中，名称与{similar}相近：请核实是否即该项，如是应停止出具",
        (
            "{certificate} is not in the certificate catalog, but its name is like {similar}: check whether it is"
            " that one, and stop issuing it if so"
        ),
    ),
    "audit-certificate-retained": ("“{certificate}”为保留的证明事项", "{certificate} is retained"),
    "audit-certificate-must-not-issue": (
        "“{certificate}”{status}，应停止出具{explain}",
        "{certificate} is {status}: stop issuing it{explain}",
    ),
    # a community's, whose explaining rule is the village's (national 二(三)8): the by-reference note follows it
    "audit-certificate-explain": ("；{org}要做好解释说明", "; {org} explains this to the resident"),
    # admit
    "admission-prohibited": (
        "“{task}”属于履职负面事项（{duty}{reference}），不得交由{org}承担",
        "'{task}' is a prohibited duty ({duty}{reference}); it may not be given to {org}",
    ),
    "admission-listed": (
        "“{task}”在目录中：{kind}（{duty}{reference}）{conditions}",
        "'{task}' is listed as {kind} ({duty}{reference}){conditions}",
    ),
    "admission-by-reference": ("，城市社区参照执行", ", for an urban community by reference"),
    # a finding a community gets from a rule worded for villages (villagecat.checks._rules.by_reference)
    "by-reference": (
        "（城市社区参照执行）",
        " (worded for villages: an urban community follows it by reference)",
    ),
    # the same, where the village's rule binds: national 三 states no binding force for a community (提示)
    "by-reference-advisory": (
        "（此条写的是村级组织；城市社区参照执行，来源未写明对社区的约束力，只作提示，不判不符合）",
        (
            " (worded for villages: an urban community follows it by reference, in its spirit, and the source"
            " states no binding force for communities: a note, not a failure)"
        ),
    ),
    # who a task is asked of: 村级组织, or 城市社区组织 (national 三: 规范城市社区组织工作事务……参照本意见精神执行)
    "admission-org-village": ("村级组织", "a village"),
    "admission-org-community": ("社区组织", "a community"),
    "admission-conditions": ("；条件：{conditions}", "; on these terms: {conditions}"),
    "admission-condition-only": (
        "来源列出的村级组织协助工作：{activities}（是否仅限于此，以出处原文为准）",
        "what the source lists the village as doing: {activities} (whether only these, see the cited words)",
    ),
    "admission-condition-consent": ("须征得{org}同意", "with the consent of {org}"),
    "admission-certificate-retained": (
        "“{task}”是{org}可以出具的证明事项（{certificate}）",
        "'{task}' is a certificate {org} may issue ({certificate})",
    ),
    "admission-certificate-not-issued": (
        "“{task}”是{org}{status}的证明事项（{certificate}）{instead}；{org}要做好解释说明",
        "'{task}' is a certificate {org} does not issue ({status}: {certificate}){instead}",
    ),
    "admission-certificate-instead": ("；改由{instead}等方式办理", "; handled instead by {instead}"),
    "admission-note-prohibited": (
        "；另请注意：{duty}属于履职负面事项，须核实本事项不致使{org}成为责任主体",
        "; note: {duty} is a prohibited duty, check the task does not make {org} answerable for it",
    ),
    "admission-note-certificate": (
        "；另请注意：名称与{similar}相近，须核实是否即该项，如是，{org}不应出具",
        "; note: the name is like {similar}, which {org} does not issue: check whether it is that one",
    ),
    "admission-needs-route": (
        "“{task}”不在目录中，须经{layer}规定的准入程序：{steps}{notes}",
        "'{task}' is not in the catalog; it needs the approval route of {layer}: {steps}{notes}",
    ),
    "admission-needs-route-lists-not-included": (
        (
            "“{task}”不在已收录的目录中，而{lists}未随文公布、未收录全文，无从判断它是否在其中（提示，不判不符合）；"
            "如不在其中，须经{layer}规定的准入程序：{steps}{notes}"
        ),
        (
            "'{task}' is not in the catalog as recorded, and {lists} are not recorded, so whether it is listed there"
            " cannot be told (a note); if it is not, it needs the approval route of {layer}: {steps}{notes}"
        ),
    ),
    "admission-no-route-lists-not-included": (
        (
            "“{task}”不在已收录的目录中，而{lists}未随文公布、未收录全文，无从判断它是否在其中（提示，不判不符合）；"
            "如不在其中，本辖区各层未规定准入程序{rule}{notes}"
        ),
        (
            "'{task}' is not in the catalog as recorded, and {lists} are not recorded, so whether it is listed there"
            " cannot be told (a note); if it is not, no layer sets an approval route{rule}{notes}"
        ),
    ),
    "admission-no-route": (
        "“{task}”不在目录中；本辖区各层未规定准入程序{rule}{notes}",
        "'{task}' is not in the catalog; no layer sets an approval route{rule}{notes}",
    ),
    "admission-lead-rule": (
        "“{task}”受减负措施约束：{rule}{then}",
        "'{task}' is governed by a rule on departments: {rule}{then}",
    ),
    "admission-lead-rule-unstated": (
        "“{task}”受减负措施约束（来源未写明约束力，只作提示）：{rule}{then}",
        (
            "'{task}' is governed by a rule on departments (the source does not say how strongly it binds: a note):"
            " {rule}{then}"
        ),
    ),
    "admission-lead-requirement": (
        "“{task}”涉及对部门的要求：{rule}{then}",
        "'{task}' is governed by a rule on departments: {rule}{then}",
    ),
    "admission-lead-requirement-unstated": (
        "“{task}”涉及对部门的要求（来源未写明约束力）：{rule}{then}",
        "'{task}' is governed by a rule on departments (the source does not say how strongly it binds): {rule}{then}",
    ),
    "admission-then-route": (
        "；确需{org}承担的，须经{layer}规定的程序：{steps}",
        "; where {org} is truly needed, it takes the route of {layer}: {steps}",
    ),
    "admission-then-condition": ("；须先满足上述条件", "; the condition must be met first"),
    "bound-unstated": ("（来源未写明受约束者）", " (the source does not say who)"),
    # lint
    "lint-partial-list": (
        "《{title}》的清单共 {size} 项，本层完整记录 {full} 项{cut}，其余 {unknown} 项来源未见，未记录",
        "{title}: the list has {size} entries; {full} are recorded in full{cut}, {unknown} are not known",
    ),
    "lint-partial-cut": ("、原文不全 {cut} 项", ", {cut} in part"),
    "lint-missing-citation": ("条目没有出处", "the item cites nothing"),
    "lint-certificate-basis-unknown": (
        "保留的证明事项“{certificate}”未记录依据（来源未写明），无法核对是否有法律法规或国务院决定依据",
        "retained certificate {certificate} records no basis (the source gives none)",
    ),
    "lint-certificate-basis": (
        (
            "保留的证明事项“{certificate}”的依据为{have}，不是法律法规或国务院决定；"
            "来源所说“法律法规或国务院决定等依据”未列尽，请核实该依据"
        ),
        (
            "retained certificate {certificate} rests on {have}, not a law, regulation or State Council decision;"
            " the source's list of bases ends in 等 (it is open): check the basis"
        ),
    ),
    "lint-authority-unknown": ("效力层级不明的文件（不在本层及上级层的来源文件中）", "a document of unknown authority"),
    "lint-mechanism-dedicated-post": (
        "工作机制“{mechanism}”要求专人专岗，但无党中央、国务院明确要求或法律法规明确规定{consent}",
        "mechanism {mechanism} requires a dedicated post without a central or legal basis{consent}",
    ),
    "lint-mechanism-post-unstated": (
        "工作机制“{mechanism}”要求专人专岗，但未记录设立依据，无法核对是否允许",
        "mechanism {mechanism} requires a dedicated post and records no basis: whether it may is not known",
    ),
    "lint-assist-funding": ("协助事项“{duty}”未写明{lacking}", "assisted duty {duty} names no {lacking}"),
    "lint-lacks-departments": ("责任部门", "department"),
    "lint-lacks-funding": ("经费保障", "funding"),
    "lint-report-frequency": (
        "“{duty}”的填报频次{odd}不在{main}之列（来源说以这些为主，其他频次并未禁止）",
        "{duty} asks for {odd} reports; the source names {main} as the main ones (others are not forbidden)",
    ),
    # villagecat quotes: every quote verbatim in its document's own text (villagecat.quotes)
    "quote-not-found": (
        "引文不见于 {document} 的原文：「{quote}」（{subject}）；{parted}",
        "the quote is not in the text of {document}: 「{quote}」 ({subject}); {parted}",
    ),
    "quote-spacing": (
        (
            "引文与 {document} 原文的空格不同（原文换行处可连写，同一行内的空格不可省去或增添）："
            "「{quote}」（{subject}）；{parted}"
        ),
        (
            "the quote does not keep the spaces of {document}'s text"
            " (a wrapped line may be joined, a space within a line is kept): 「{quote}」 ({subject}); {parted}"
        ),
    ),
    "quote-wrong-section": (
        "引文见于 {document} 原文的 {there}，不在所引的 {section}：「{quote}」（{subject}）",
        "the quote is in {there} of {document}'s text, not in {section} it is cited to: 「{quote}」 ({subject})",
    ),
    "quote-no-section": (
        "{document} 的原文没有 {section} 这一节，引文见于其 {there}：「{quote}」（{subject}）",
        "{document}'s text has no section {section}; the quote is in its {there}: 「{quote}」 ({subject})",
    ),
    "quote-differs": (
        "从“{differs}”起与原文不同，原文此处为“{there}”",
        "it parts from the text at “{differs}”, where the text has “{there}”",
    ),
    "quote-differs-end": (
        "从“{differs}”起与原文不同，原文至此已结束",
        "it parts from the text at “{differs}”, where the text ends",
    ),
    "quote-differs-spacing": (
        "从“{differs}”起与原文的空格不同，原文此处为“{there}”",
        "its spaces part from the text's at “{differs}”, where the text has “{there}”",
    ),
    "quote-differs-spacing-end": (
        "从“{differs}”起与原文的空格不同，原文至此已结束",
        "its spaces part from the text's at “{differs}”, where the text ends",
    ),
    "quote-differs-start": (
        "开头“{differs}”即不见于原文",
        "its very beginning, “{differs}”, is nowhere in the text",
    ),
    "quote-no-text": (
        "没有 {document} 的原文，其 {count} 处引文未核对（用 --texts 或 --text 给出原文）",
        "no text of {document} at hand: {count} quotes not checked (give it with --texts or --text)",
    ),
    "quote-no-text-misspelt": (
        "{unchecked}；清单中有 {given} 的原文，但没有数据包引用 {given}：是否即此文件、文件标识写错了？",
        "{unchecked}; the list gives a text for {given}, which no package cites: is it this document, its id mistyped?",
    ),
    "text-not-cited": (
        (
            "给出了 {documents} 的原文，但所查的数据包均未引用或收录该文件，请核对文件标识；"
            "数据包引用的文件有（最接近的在前）：{cited}"
        ),
        (
            "a text is given for {documents}, which none of the packages checked cites or holds: check the id;"
            " they cite (closest first): {cited}"
        ),
    ),
    "text-cited-more": ("{ids} 等 {count} 份", "{ids} ({count} in all)"),
    "due-text-not-quoted": (
        "时限原文不见于{source}：「{due_text}」（{subject}）；{parted}",
        "the due_text is not in {source}: 「{due_text}」 ({subject}); {parted}",
    ),
    "due-text-spacing": (
        (
            "时限原文与{source}的空格不同（原文换行处可连写，同一行内的空格不可省去或增添）："
            "「{due_text}」（{subject}）；{parted}"
        ),
        (
            "the due_text does not keep the spaces of {source}"
            " (a wrapped line may be joined, a space within a line is kept): 「{due_text}」 ({subject}); {parted}"
        ),
    ),
    "due-source-clause": ("所引条款 {clause} 的引文", "the quote of clause {clause} it cites"),
    "due-source-quote": ("所引 {document} 的引文", "the quote of {document} it cites"),
    "due-source-text": ("所引文件 {document} 的原文", "the text of {document} it cites"),
    "due-disagrees": (
        "截止日期 {due} 与时限原文「{due_text}」不符：原文写的{written}（{subject}）",
        "due {due} does not agree with the due_text 「{due_text}」, which writes {written} ({subject})",
    ),
    "modality-not-worded": (
        (
            "约束力记为必须，但所引原文没有不受限定的约束力用语（{binding}）{worded}：「{quote}」（{subject}）；"
            "请照原文的用语填写：“一般”“原则上”“为宜”填一般应当，没有约束力用语的留空"
        ),
        (
            "recorded as must, but what it quotes has no binding word ({binding}) that a hedge does not govern"
            "{worded}: 「{quote}」 ({subject}); write the source's force: a hedge (一般, 原则上, 为宜) is should,"
            " no binding word leaves it empty"
        ),
    ),
    "modality-hedges": ("，原文用语为{hedges}", "; the source says {hedges}"),
    "modality-no-words": ("，原文没有约束力用语", "; the source uses no binding word"),
    "due-written-year": ("年为 {values}", "year {values}"),
    "due-written-month": ("月为 {values}", "month {values}"),
    "due-written-day": ("日为 {values}", "day {values}"),
    "quote-subject-clause": ("条款 {clause}，引用它的条目：{items}", "clause {clause}, cited by {items}"),
    "quote-subject-clause-uncited": ("条款 {clause}，没有条目引用", "clause {clause}, cited by no item"),
    "quote-subject-item": ("条目 {item}", "item {item}"),
    "quote-subject-admission": ("本层的准入审批程序", "the layer's approval route"),
    "quote-items-more": ("{items} 等 {count} 项", "{items} ({count} in all)"),
    "quotes-none": ("{target}：没有需要核对的引文", "{target}: no quotes to check"),
    "quotes-all-found": (
        "{target}：{count} 处引文均逐字见于所引文件的原文",
        "{target}: all {count} quotes are verbatim in the cited documents' text",
    ),
    "quotes-summary": (
        "{target}：{count} 处引文，{failed} 处与原文不符，{unchecked} 处因缺少原文未核对",
        "{target}: {count} quotes, {failed} not as the text has them, {unchecked} not checked (no text at hand)",
    ),
    "sources-not-a-list": (
        "应为条目列表，每条写明 document（文件标识）和 source（原文文本文件）",
        "must be a list of entries, each giving document (an id) and source (its text file)",
    ),
    "sources-entry": (
        "第 {number} 条应写明 document（文件标识）和 source（原文文本文件），keep 为成对的起止行",
        "entry {number} must give document (an id) and source (its text file), keep as pairs of first and last lines",
    ),
    "sources-keep": (
        "第 {number} 条：{source} 中没有从“{first}”到“{last}”的行",
        "entry {number}: no lines from {first!r} to {last!r} in {source}",
    ),
    "text-option-form": (
        "应写作 文件标识=原文文件，如 120117.document.work-plan=工作方案.txt，而不是 {text}",
        "write DOCUMENT_ID=FILE, such as 120117.document.work-plan=plan.txt, not {text}",
    ),
    # villagecat catalog
    "catalog-heading": ("{name}（{id}）有效目录", "{name} ({id}) effective catalog"),
    "catalog-title": ("{heading} · 适用：{scope}", "{heading} · applies to: {scope}"),
    "catalog-chain": ("层级链：{chain}", "chain: {chain}"),
    "catalog-by-reference": ("（参照执行）", " (by reference)"),
    "catalog-by-reference-note": (
        (
            "城市社区参照执行（{clauses}）：标（参照执行）的 {count} 项写的是村级组织，"
            "来源未写明其对社区的约束力，核查时只作提示"
        ),
        (
            "urban communities follow by reference ({clauses}): the {count} items marked (by"
            " reference) are worded for villages; their sources do not say how strongly they bind a community, so"
            " the checks only advise on them"
        ),
    ),
    "catalog-scope-chain": ("适用：{scope}；层级链：{chain}", "applies to: {scope}; chain: {chain}"),
    "catalog-table-head": ("| 条目 | 标识 | 出处 | 设定层 |", "| item | id | source | set by |"),
    "conflicts-heading": ("冲突", "Conflicts"),
    "catalog-kind": ("{title}（{count}）", "{title} ({count})"),
    "catalog-admission": ("准入审批程序（{layer}）：", "approval route ({layer}):"),
    "catalog-no-admission": ("准入审批程序：各层均未规定", "approval route: no layer sets one"),
    "catalog-cancelled": ("已取消：", "cancelled:"),
    "catalog-cancelled-item": (
        "{id}（{name}）：{by} 以“取消”表（cancellations.csv）{cancellation} 取消，理由：{reason}",
        "{id} ({name}): cancelled by {by} with {cancellation} (cancellations.csv), because: {reason}",
    ),
    "catalog-conflicts": ("冲突：{count}", "conflicts: {count}"),
    "hedge-should": ("（一般）", " (as a rule)"),
    "hedge-mainly": ("（为主）", " (mainly)"),
    "hedge-may": ("（可）", " (may)"),
    "rule-unstated": ("（约束力未写明）", " (how strongly: unstated)"),
    "sides": ("长边≤{long}cm、短边≤{short}cm", "long side ≤{long} cm, short side ≤{short} cm"),
    "colours": ("{background}底{text}字", "{text} on {background}"),
    "hang-must": ("必须悬挂", "must be hung"),
    "hang-should": ("一般应悬挂", "hung as a rule"),
    "hang-mainly": ("列入悬挂（为主）", "listed to hang (mainly)"),
    "hang-may": ("可悬挂", "may be hung"),
    "hang-unstated": ("列入悬挂（约束力未写明）", "listed to hang (how strongly: unstated)"),
    "area-unit": ("㎡", " m²"),
    "area-per-100-unit": ("㎡/百户", " m² per 100 households"),
    "activity-share": ("活动区域≥{pct}%", "activity area ≥{pct}%"),
    "quota-exact": ("限{count}个", "exactly {count}"),
    "quota-max": ("至多{count}个", "at most {count}"),
    "applies-to": ("（适用：{scope}）", "(applies to: {scope})"),
    # villagecat explain
    "explain-inherited": ("继承", "inherited"),
    "explain-absent": ("（尚无此条目）", "(no such item yet)"),
    # a layer's operation a merge rule refused: the value stays the parent's; the conflict's own words say why
    "explain-inherited-refused": (
        "继承（本层的改动被拒，取值仍为上级的）",
        "inherited (this layer's change was refused: the value stays the parent's)",
    ),
    "explain-refused-item": ("本层对整个条目的操作被拒", "this layer's operation on the whole item was refused"),
    "explain-refused-also": ("本层另有改动被拒：", "this layer's further change was refused:"),
    "explain-refused": ("被拒：{conflict}", "refused: {conflict}"),
    "explain-refused-source": ("该行出处：{citation}", "the row cites: {citation}"),
    "action-introduced": ("设立", "introduced"),
    "action-default": ("未设定", "not set"),
    "action-set": ("改为", "set to"),
    "action-set-first": ("设定", "set"),
    "action-restated": ("重申（取值不变）", "restated (value unchanged)"),
    "action-added": ("增加", "added"),
    "action-removed": ("删除", "removed"),
    # the row that made a step, which a clerk edits to change the value: sheet (file), id, and whose row it is
    "explain-found-by-former-id": (
        "（按旧标识 {old} 查到：该条目已重新编号）",
        "(found by its former id {old}: renumbered)",
    ),
    "explain-found-by-overrides": (
        "（按 {row} 查到：该行覆盖本条目的字段 {field}）",
        "(found by {row}: the row overrides this item's field {field})",
    ),
    "explain-found-by-cancellations": (
        "（按 {row} 查到：该行取消本条目，被合并规则拒绝）",
        "(found by {row}: the row cancels this item, refused by a merge rule)",
    ),
    "explain-found-by-restating": ("（按 {row} 查到：该行重申本条目）", "(found by {row}: the row restates this item)"),
    "explain-row-own": (
        "所在行：“{sheet}”表（{file}）{id}，本条目自身的行",
        "row: {id} in {sheet} ({file}), the item's own row",
    ),
    "explain-row-override": ("所在行：“{sheet}”表（{file}）{id}", "row: {id} in {sheet} ({file})"),
    "explain-row-restating": (
        "所在行：“{sheet}”表（{file}）{id}，重申本条目的行",
        "row: {id} in {sheet} ({file}), which restates the item",
    ),
    # villagecat layers
    "layers-header": ("层标识\t层级\t名称\t版本\t上级层\t条目数", "id\tlevel\tname\tversion\tparent\titems"),
    # villagecat timeline
    "timeline-title": ("{name}（{id}）· 时间节点 {count} 个", "{name} ({id}) · {count} deadlines"),
    "timeline-none": ("本辖区各层文件均未规定时间节点", "no layer of this jurisdiction sets a deadline"),
    "timeline-entry": ("{due}（原文：{due_text}）：{what}{who}", "{due} (as written: {due_text}): {what}{who}"),
    # villagecat impact
    "impact-none-below": (
        "没有已知的下级层，未核对任何下级层的目录（要核对，请用 --layer 给出下级层）",
        "no layer below is known; no layer below was checked (give them with --layer to check them)",
    ),
    "impact-title": (
        "{layer} {old} → {new}：影响 {count} 个辖区的有效目录",
        "{layer} {old} → {new}: affects the effective catalogs of {count} jurisdictions",
    ),
    "impact-entry": (
        "{place}：破坏性 {breaking} · 需关注 {warning} · 一般 {info} · 新冲突 {conflicts}",
        "{place}: breaking {breaking} · warning {warning} · info {info} · new conflicts {conflicts}",
    ),
    # villagecat release
    "release-no-previous": (
        (
            "{path} 已记有发布 {version}，但没有可比较的上一版本（不在 git 仓库中，或未在 git 中提交过），"
            "无从得知改了什么；请用 --against 给出上一版的数据包（文件夹或 zip）"
        ),
        (
            "{path} already records release {version} but has no committed previous version (not in git, "
            "or never committed); give the previous release with --against (a folder or a zip)"
        ),
    ),
    "release-already": ("{id} 已发布 {version}，未作改动", "{id} {version} is already released; nothing changed"),
    "release-first": ("{id} 首次发布 {version}", "{id}: first release {version}"),
}


#: The start of each message of Python's JSON decoder and CSV reader, and the catalog's words for it.
_READER_MESSAGES = (
    ("Expecting value", "json-expecting-value"),
    ("Expecting property name", "json-expecting-name"),
    ("Expecting ':'", "json-expecting-colon"),
    ("Expecting ','", "json-expecting-comma"),
    ("Unterminated string", "json-unterminated-string"),
    ("Invalid control character", "json-control-character"),
    ("Invalid \\uXXXX escape", "json-bad-unicode-escape"),
    ("Invalid \\escape", "json-bad-escape"),
    ("Extra data", "json-extra-data"),
    ("Illegal trailing comma", "json-trailing-comma"),
    ("unexpected end of data", "csv-unexpected-end"),
    ("',' expected after", "csv-text-after-quote"),
    ("field larger than field limit", "csv-field-too-large"),
    ("new-line character seen in unquoted field", "csv-line-break-unquoted"),
    ("line contains NUL", "csv-nul"),
)


def os_reason(exc: OSError) -> Both:
    """Why the system refused to read or write, in both languages (the catalog's words, else the error's code)."""
    import errno  # noqa: PLC0415 - only when something failed

    name = errno.errorcode.get(exc.errno or 0, "")
    if f"os-{name}" in MESSAGES:
        return Both(*pair(f"os-{name}"))
    code = name or type(exc).__name__
    return Both(f"{say('os-error', 'zh')}（{code}）", exc.strerror or code)


def reader_error(message: object) -> Both | str:
    """What Python's JSON or CSV reader found, in both languages (its own English if the catalog has no words)."""
    text = str(message)
    for start, key in _READER_MESSAGES:
        if text.startswith(start):
            return Both(*pair(key))
    return text


def shape_of(value: object) -> Both:
    """What a value read from YAML or JSON is, in words (一个列表, 一段文字, 真假值)."""
    key = f"shape-{type(value).__name__}"
    return Both(*pair(key if key in MESSAGES else "shape-other"))


def say(key: str, lang: str, /, **values: object) -> str:
    """Return the phrase ``key`` in ``lang`` (``zh`` or ``en``), its fields filled from ``values``.

    A value given as :class:`Both` is taken in the same language as the phrase.
    """
    zh, en = MESSAGES[key]
    english = lang == "en"
    filled = {k: ((v.en if english else v.zh) if isinstance(v, Both) else v) for k, v in values.items()}
    return (en if english else zh).format(**filled)


class ModelRuleError(ValueError):
    """A model's own rule, broken: its message in both languages, carried whole to the report.

    A ``ValueError``, as pydantic wants of a validator: a model built in code raises
    ``pydantic.ValidationError`` for it, whose line reads ``Value error, 中文（English）``, as every
    villagecat error reads (:meth:`villagecat.errors.VillagecatError.describe`). Reports never parse
    this line (they read :attr:`zh` and :attr:`en`), so it is worded for the developer who reads
    it, Chinese first as for everyone who uses villagecat.
    """

    def __init__(self, zh: str, en: str) -> None:
        """Keep both messages; ``str()`` is the Chinese with the English detail, as pydantic shows it."""
        super().__init__(f"{zh}（{en}）")
        self.zh = zh
        self.en = en


def model_error(key: str, /, **values: object) -> ModelRuleError:
    """The error a model's own rule raises, with its message in both languages."""
    return ModelRuleError(*pair(key, **values))


def pair(key: str, /, **values: object) -> tuple[str, str]:
    """Return the phrase ``key`` in Chinese and in English: what a finding, problem or error carries."""
    return say(key, "zh", **values), say(key, "en", **values)
