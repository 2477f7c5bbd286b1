"""A village's actual plaques and marks against its effective signage spec.

Matching: an actual sign names the catalog sign it is (``sign``), or its organisation,
or its text matches a spec's text pattern (``XX`` standing for the village's name), or
its text contains the organisation's name, or the legal name such an organisation bears
(中共榆树村委员会 for the Party organisation, 榆树村股份经济合作社 for the collective
economic organisation). Findings rest only on rules the
jurisdiction's layers hold: sizes, colours and orientation where a layer sets them;
"nothing else outside" only where a layer closes the set (an ``exact`` quota); the
character test only where a layer sets a character standard.

A matched sign counts towards the quotas as the type its catalog item has in the
jurisdiction (national 二(二)6 calls the 党群服务中心 a mark; Ninghe's 一横 makes it a
plaque), whatever the ledger's type cell says; an unmatched sign whose type the ledger does
not give is counted by no quota, and where that leaves a count open the check says so.

The character test uses ``hanzidentifier`` (CC-CEDICT data, ``pip install
villagecat[signage]``): it finds traditional-only characters. It cannot tell whether a
character is on the 通用规范汉字表 itself, so variant (异体) or rare characters that are
neither traditional-only nor common simplified forms are not caught. Characters of the table
that CC-CEDICT takes for traditional are known (:mod:`villagecat.checks._characters`): 畬 is
never reported, 甯 (standard for surnames and given names) is a note, not a failure.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from villagecat._arguments import need, need_catalog, need_items, need_member, need_optional_text
from villagecat._i18n import Both, pair, say
from villagecat._names import name_forms, normalise_name
from villagecat.checks import _codes as codes
from villagecat.checks._characters import STANDARD, STANDARD_IN_NOTED_USES
from villagecat.checks._measure import check_measurement
from villagecat.checks._modality import level, reported, strength, suffix
from villagecat.checks._report import CheckReport, Finding, judged
from villagecat.checks._rules import rule
from villagecat.errors import InvalidRequestError
from villagecat.models import Colour, Orientation, Placement, Scope, SignType

if TYPE_CHECKING:
    from collections.abc import Iterable

    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Citation, Modality, Sign, SignQuota
    from villagecat.models._base import Vocab

__all__ = [
    "ActualSign",
    "check_signage",
    "noted_characters",
    "sign_modality",
    "signage_findings",
    "traditional_characters",
]


#: The fields of a sign a ledger may leave empty that hold a vocabulary's value.
_OPTIONAL_WORDS: tuple[tuple[str, type[Vocab]], ...] = (
    ("sign_type", SignType),
    ("orientation", Orientation),
    ("background_colour", Colour),
    ("text_colour", Colour),
)


@dataclass(frozen=True)
class ActualSign:
    """A plaque or mark that hangs at a village, as its ledger records it.

    ``sign_type`` is None where the ledger does not say whether it is a plaque or a mark: a
    sign that matches a catalog item is counted as that item's type, any other by no quota.
    A sign whose orientation is given (横牌, 竖牌) is a plaque.
    """

    text: str
    placement: Placement
    sign_type: SignType | None = None
    orientation: Orientation | None = None
    width_cm: float | None = None
    height_cm: float | None = None
    background_colour: Colour | None = None
    text_colour: Colour | None = None
    organisation: str | None = None
    sign: str | None = None
    village: str = ""
    #: What the sign hangs at: a village's or an urban community's service facility.
    scope: Scope = Scope.VILLAGE

    def __post_init__(self) -> None:
        """Refuse what is no sign: a word of no vocabulary, impossible centimetres; a 横牌 or 竖牌 is a plaque.

        A vocabulary's value may be given as its member, its code or its Chinese word (``"外部"``,
        ``"室外"``, ``"横牌"``, ``"红"``): each is kept as the member, which the catalog's rules are
        compared with. Any other word is refused: kept as it was, it matched no rule, and the sign
        was reported as missing though it hangs there.
        """
        need(self.text, str, "argument-not-sign-text")
        for name in ("organisation", "sign"):
            need_optional_text(getattr(self, name), name)
        need(self.village, str, "argument-not-text", name="village")
        object.__setattr__(self, "placement", need_member(self.placement, Placement))
        object.__setattr__(self, "scope", need_member(self.scope, Scope))
        for name, vocab in _OPTIONAL_WORDS:
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, need_member(value, vocab))
        for name in ("width_cm", "height_cm"):
            check_measurement(name, getattr(self, name), village=self.village)
        if self.sign_type is None and self.orientation is not None:
            object.__setattr__(self, "sign_type", SignType.PLAQUE)


def traditional_characters(text: str) -> list[str] | None:
    """Return the traditional-only characters in ``text``, or None if the library is missing.

    Characters of the 通用规范汉字表 are not among them, even where CC-CEDICT takes them for
    traditional (畬, 甯): :func:`noted_characters` returns those whose standing depends on their use.
    """
    try:
        import hanzidentifier  # noqa: PLC0415 - optional dependency
    except ImportError:
        return None
    return [
        c
        for c in dict.fromkeys(text)
        if hanzidentifier.identify(c) == hanzidentifier.TRADITIONAL
        and c not in STANDARD
        and c not in STANDARD_IN_NOTED_USES
    ]


def noted_characters(text: str) -> list[str]:
    """Return the characters of ``text`` that the 通用规范汉字表 holds as standard only in some uses (甯, 陞)."""
    return [c for c in dict.fromkeys(text) if c in STANDARD_IN_NOTED_USES]


@functools.lru_cache(maxsize=256)
def _pattern(text_pattern: str) -> tuple[re.Pattern[str], ...]:
    """A text pattern as the fixed parts between its ``XX`` (the place's name), 村（社区） as 村 or 社区.

    The sources write one pattern for both (XX村（社区）党群服务中心): a village's plaque reads
    榆树村党群服务中心, a community's 光明社区党群服务中心. The last part is anchored at the end.
    """
    written = "|".join(re.escape(re.escape(w)) for w in ("村（社区）", "村(社区)"))
    parts = [  # each part read as names are (traditional, full-width and spaces aside), as the text is
        re.sub(written, lambda _: _EITHER, re.escape(normalise_name(part))) for part in text_pattern.split("XX")
    ]
    parts[-1] = f"(?:{parts[-1]})\\Z"
    return tuple(re.compile(part) for part in parts)


def _fits(text_pattern: str, text: str) -> bool:
    """Whether ``text`` reads as ``text_pattern``, each ``XX`` standing for at least one character.

    The parts are found left to right, each as early as it can be (a wildcard match needs no
    backtracking), so the time is linear in the text whatever the pattern: a pattern of many
    ``XX`` made a regular expression of nested ``.+`` that took minutes on a 70-character text.
    """
    first, *rest = _pattern(text_pattern)
    text = normalise_name(text)
    head = first.match(text)
    if head is None:
        return False
    position = head.end()
    for part in rest:
        if position >= len(text):  # no character left for the XX before this part
            return False
        found = part.search(text, position + 1)  # XX: at least one character before the part
        if found is None:
            return False
        position = found.end()
    return True


#: 村（社区） in a pattern: either place, or the words as the source writes them.
_EITHER = r"(?:村（社区）|村\(社区\)|村|社区)"


def _match(actual: ActualSign, specs: list[Sign]) -> Sign | None:
    candidates = [s for s in specs if s.placement is actual.placement]
    if actual.sign is not None:
        return next((s for s in candidates if s.id == actual.sign), None)
    if actual.organisation:
        found = next((s for s in candidates if s.organisation == actual.organisation), None)
        if found is not None:
            return found
    text = normalise_name(actual.text)
    found = next((s for s in candidates if text in {normalise_name(n) for n in (s.name, *s.aliases)}), None)
    if found is not None:  # the item's own name: 集合式服务功能指引标识
        return found
    # its organisation's name as the sources write it, a bracketed part given or left out: 村（社区）党群服务中心
    # (Ninghe's 一横) is the 村党群服务中心's plaque
    forms = name_forms(actual.text)
    found = next((s for s in candidates if s.organisation and not forms.isdisjoint(name_forms(s.organisation))), None)
    if found is not None:
        return found
    found = next((s for s in candidates if s.text_pattern and _fits(s.text_pattern, actual.text)), None)
    if found is not None:
        return found
    found = next((s for s in candidates if s.organisation and _core(s.organisation) in actual.text), None)
    if found is not None:
        return found
    return next((s for s in candidates if _bears(s.organisation, actual.text.strip())), None)


#: How the plaque of an organisation the catalog names by its kind reads, by the legal name
#: it bears: a village's Party organisation is 中共榆树村委员会 or 榆树村党支部 (not its
#: 纪律检查委员会), its collective economic organisation 榆树村股份经济合作社 (not that
#: cooperative's 监事会). The whole text must be such a name. Used to recognise a plaque,
#: never as data.
_PLAQUE_FORMS = {
    "党组织": re.compile(
        r"^(?!.*(?:纪律检查|纪检|监察))(?:(?:中共|中国共产党).+(?:委员会|支部|总支)|.+(?:党委|党总支|党支部))$"
    ),
    "集体经济组织": re.compile(r"^.+(?:经济合作社|经济联合社|经济合作联合社)$"),
}


def _bears(organisation: str | None, text: str) -> bool:
    """Whether ``text`` is the legal name a plaque of ``organisation`` (村党组织, 社区党组织…) bears."""
    if not organisation:
        return False
    return any(form.match(text) for kind, form in _PLAQUE_FORMS.items() if organisation.endswith(kind))


def _core(organisation: str) -> str:
    """Return an organisation's name without the combined prefix 村（社区）: the part a plaque always shows."""
    for prefix in ("村（社区）", "村(社区)"):
        if organisation.startswith(prefix):
            return organisation.removeprefix(prefix)
    return organisation


def _describe(sign: ActualSign, spec: Sign | None = None) -> str:
    """外部竖牌标牌“…”, as the ledger says; a type it does not give is its catalog item's, if it matches one."""
    sign_type = sign.sign_type or (spec.sign_type if spec is not None else None)
    orientation = sign.orientation.label if sign.orientation else ""
    return f"{sign.placement.label}{orientation}{sign_type.label if sign_type else ''}“{sign.text}”"


def _counted_as(sign: ActualSign, spec: Sign | None) -> tuple[SignType | None, Orientation | None]:
    """The type and orientation a sign is counted as: its catalog item's where it matches one."""
    if spec is None:
        return sign.sign_type, sign.orientation
    return spec.sign_type, spec.orientation or sign.orientation


def _field_citations(catalog: EffectiveCatalog, spec: Sign, *names: str) -> tuple[Citation, ...]:
    """The citations of the steps that last set the fields a finding rests on (Jilin 二(七) for a colour).

    The item's own citations where no layer set them (a rule never leaves them all unset).
    """
    entry = catalog.get(spec.id)
    if entry is None:
        return ()
    found: dict[tuple[str, str | None], Citation] = {}
    for name in names:
        step = entry.set_by(name)
        for citation in step.citations if step is not None else ():
            found.setdefault((citation.document, citation.section), citation)
    return tuple(found.values()) or tuple(getattr(entry.item, "citations", ()))


def sign_modality(catalog: EffectiveCatalog, spec: Sign, scope: Scope) -> tuple[Modality | None, tuple[Citation, ...]]:
    """How strongly ``scope``'s source asks for the sign to hang, and the clauses that say so.

    The step that set the sign's modality speaks for the places the sign applied to then: the
    nation's 「一般在村级综合服务设施外部……悬挂」 is a village's word. Where a lower layer later
    extends the sign to ``scope`` (Ninghe's 「“两标识”：村（社区）新时代文明实践站、警务室」 makes the
    station a community's too) without a binding word of its own, the community's source does
    not say how strongly it binds: unstated, citing the clause that extends it.
    """
    stated = _field_citations(catalog, spec, "mandatory", "modality")
    entry = catalog.get(spec.id)
    step = entry.set_by("modality") if entry is not None else None
    if entry is None or step is None:
        return spec.modality, stated
    order = {layer.id: index for index, layer in enumerate(catalog.chain)}
    at = order.get(step.layer, 0)
    reached = [s for s in entry.provenance["applies_to"] if order.get(s.layer, 0) <= at]
    then = reached[-1].value if reached else None
    if then is None:  # empty: the places the introducing layer covers
        then = next((layer.reach for layer in catalog.chain if layer.id == entry.introduced_by), Scope.BOTH)
    if then in (Scope.BOTH, scope):
        return spec.modality, stated
    widened = entry.set_by("applies_to")
    return None, tuple(widened.citations) if widened is not None else stated


def _spec_checks(actual: ActualSign, spec: Sign, catalog: EffectiveCatalog) -> list[Finding]:
    found: list[Finding] = []
    subject, name = actual.village, _describe(actual, spec)
    over: list[tuple[str, float, float]] = []  # (which side, actual, limit)
    if spec.max_width_cm is not None and actual.width_cm is not None and actual.width_cm > spec.max_width_cm:
        over.append(("width", actual.width_cm, spec.max_width_cm))
    if spec.max_height_cm is not None and actual.height_cm is not None and actual.height_cm > spec.max_height_cm:
        over.append(("height", actual.height_cm, spec.max_height_cm))
    if actual.width_cm is not None and actual.height_cm is not None:  # sides, whichever way up it hangs
        long, short = max(actual.width_cm, actual.height_cm), min(actual.width_cm, actual.height_cm)
        if spec.max_long_side_cm is not None and long > spec.max_long_side_cm:
            over.append(("long-side", long, spec.max_long_side_cm))
        if spec.max_short_side_cm is not None and short > spec.max_short_side_cm:
            over.append(("short-side", short, spec.max_short_side_cm))
    if over and reported(strength(spec.size_modality)):
        sides = [
            (say(f"side-{side}", "zh"), say(f"side-{side}", "en"), f"{have:g} > {limit:g}")
            for side, have, limit in over
        ]
        measured = Both(
            "，".join(f"{zh} {text}" for zh, _, text in sides), "; ".join(f"{en} {text}" for _, en, text in sides)
        )
        of = strength(spec.size_modality)
        limits = [spec.max_width_cm, spec.max_height_cm, spec.max_long_side_cm, spec.max_short_side_cm]
        cites = _field_citations(catalog, spec, *(f"max_{side.replace('-', '_')}_cm" for side, _, _ in over))
        found.append(
            Finding(
                codes.OVERSIZE.missed(of),
                level(of),
                *pair(
                    f"signage-oversize{suffix(of)}",
                    sign=Both(name, actual.text),
                    measured=measured,
                ),
                subject,
                rule=limits,
                observed=[actual.width_cm, actual.height_cm],
                citations=cites,
                item=spec.id,
            )
        )
    wrong = [
        (part, want, have)
        for part, want, have in (
            ("background", spec.background_colour, actual.background_colour),
            ("text", spec.text_colour, actual.text_colour),
        )
        if want is not None and have is not None and want is not have
    ]
    if wrong and reported(strength(spec.colour_modality)):
        of = strength(spec.colour_modality)  # 村党组织标牌用白底红字 (Jilin 二(七)) names no binding word
        given = "" if of == "binds" else "-given"
        details = Both(
            "；".join(
                say(f"colour-{part}{given}", "zh", want=want.label, have=have.label) for part, want, have in wrong
            ),
            "; ".join(
                say(f"colour-{part}{given}", "en", want=want.value, have=have.value) for part, want, have in wrong
            ),
        )
        found.append(
            Finding(
                codes.COLOUR.missed(of),
                level(of),
                *pair(f"signage-colour{suffix(of)}", sign=Both(name, actual.text), details=details),
                subject,
                rule=[spec.background_colour, spec.text_colour],
                observed=[actual.background_colour, actual.text_colour],
                citations=_field_citations(catalog, spec, *(f"{part}_colour" for part, _, _ in wrong)),
                item=spec.id,
            )
        )
    if (
        spec.orientation is not None
        and actual.orientation is not None
        and spec.orientation is not actual.orientation
        and reported(strength(spec.orientation_modality))
    ):
        of = strength(spec.orientation_modality)
        found.append(
            Finding(
                codes.ORIENTATION.missed(of),
                level(of),
                *pair(
                    f"signage-orientation{suffix(of)}",
                    sign=Both(name, actual.text),
                    orientation=spec.orientation.words,
                ),
                subject,
                rule=spec.orientation,
                observed=actual.orientation,
                citations=_field_citations(catalog, spec, "orientation"),
                item=spec.id,
            )
        )
    if spec.character_standard is not None:
        found.extend(_character_checks(actual, spec, catalog, name))
    return found


def _character_checks(actual: ActualSign, spec: Sign, catalog: EffectiveCatalog, name: str) -> list[Finding]:
    """不符合 for a traditional-only character; 提示 for one the table holds as standard in some uses only."""
    found: list[Finding] = []
    cites = _field_citations(catalog, spec, "character_standard")
    bad = traditional_characters(actual.text)
    if bad:
        found.append(
            Finding(
                codes.CHARACTERS.code,
                "fail",
                *pair(
                    "signage-characters", sign=Both(name, actual.text), characters=Both("、".join(bad), "".join(bad))
                ),
                actual.village,
                rule=spec.character_standard,
                observed=bad,
                citations=cites,
                item=spec.id,
            )
        )
    for character in noted_characters(actual.text):
        number, standard, kind = STANDARD_IN_NOTED_USES[character]
        found.append(
            Finding(
                codes.CHARACTERS_NOTED.code,
                "warn",
                *pair(
                    "signage-characters-noted",
                    sign=Both(name, actual.text),
                    character=character,
                    number=number,
                    standard=standard,
                    kind=Both(say(f"character-{kind}", "zh"), say(f"character-{kind}", "en")),
                ),
                actual.village,
                rule=spec.character_standard,
                observed=character,
                citations=cites,
                item=spec.id,
            )
        )
    return found


def _quota_matches(quota: SignQuota, sign: ActualSign, spec: Sign | None = None) -> bool:
    """Whether a quota counts a sign, as the type it is counted as (its item's, where it matches one)."""
    sign_type, orientation = _counted_as(sign, spec)
    return (
        sign.placement is quota.placement
        and sign_type is quota.sign_type
        and (quota.orientation is None or orientation is quota.orientation)
    )


def _may_count(quota: SignQuota, sign: ActualSign) -> bool:
    """Whether a quota would count an unmatched sign of unknown type, were it of the quota's type."""
    return (
        sign.sign_type is None
        and sign.placement is quota.placement
        and (quota.orientation is None or sign.orientation is quota.orientation)
    )


def signage_findings(
    catalog: EffectiveCatalog, signs: list[ActualSign], village: str = "", scope: Scope | None = None
) -> list[Finding]:
    """Return the findings of one village's (or community's) signs against its effective signage spec.

    ``scope`` is whose rules apply (a community's plaques are not a village's); by default
    the signs' own, which must agree. Each finding says it (:attr:`Finding.scope`).

    Raises:
        InvalidRequestError: if the signs of one place say both village and community.
    """
    if scope is None:
        scopes = {s.scope for s in signs} or {Scope.VILLAGE}
        if len(scopes) > 1:
            raise InvalidRequestError.because("signage-mixed-scope", village=village or "—")
        (scope,) = scopes
    specs = catalog.signs(scope)
    quotas = catalog.sign_quotas(scope)
    findings: list[Finding] = []
    matched: dict[int, Sign] = {}
    unlisted: list[ActualSign] = []
    for index, sign in enumerate(signs):
        spec = _match(sign, specs)
        if spec is not None:
            matched[index] = spec
            findings.extend(_spec_checks(sign, spec, catalog))
            continue
        closing = [q for q in quotas if q.exact and _quota_matches(q, sign) and reported(strength(q.modality))]
        if closing:
            of = strength(closing[0].modality)  # 原则上不得悬挂其他标牌 advises: a 提示, never 不符合
            findings.append(
                Finding(
                    codes.NOT_ALLOWED.missed(of),
                    level(of),
                    *pair(f"signage-not-allowed{suffix(of)}", sign=Both(_describe(sign), sign.text)),
                    village,
                    rule=closing[0].max_count,
                    observed=sign.text,
                    citations=tuple(closing[0].citations),
                    item=closing[0].id,
                )
            )
        elif sign.placement is Placement.OUTSIDE and rule(catalog, "no-matching-plaques"):
            unlisted.append(sign)
    findings.extend(_unlisted(catalog, unlisted, village, scope, listed=bool(specs)))
    present = {spec.id for spec in matched.values()}
    for spec in specs:
        if not spec.mandatory:
            continue
        modality, cited = sign_modality(catalog, spec, scope)
        if spec.id in present and reported(strength(modality)):  # what --all records
            findings.append(
                Finding(
                    codes.PRESENT.code,
                    "pass",
                    *pair("signage-present", sign=spec.name),
                    village,
                    rule=spec.name,
                    citations=cited,
                    item=spec.id,
                )
            )
        if spec.id not in present and reported(strength(modality)):
            of = strength(modality)
            findings.append(
                Finding(
                    codes.MISSING.missed(of),
                    level(of),
                    *pair(f"signage-missing{suffix(of)}", sign=spec.name),
                    village,
                    rule=spec.name,
                    citations=cited,
                    item=spec.id,
                )
            )
    for quota in quotas:
        findings.extend(_count(quota, signs, matched, village))
    return judged(findings, scope)


def _unlisted(
    catalog: EffectiveCatalog, signs: list[ActualSign], village: str, scope: Scope, *, listed: bool
) -> list[Finding]:
    """对口挂牌? for each outside sign the catalog does not list; one note where it lists none for ``scope``.

    A sign is evidence of a departmental plaque only against a list: where the jurisdiction's
    catalog names no sign of communities, a community's own plaques are not.
    """
    if not signs:
        return []
    if not listed:
        return [
            Finding(
                codes.NONE_LISTED.code,
                "warn",
                *pair("signage-none-listed", scope=scope.words, count=len(signs)),
                village,
                observed=[s.text for s in signs],
            )
        ]
    return [
        Finding(
            codes.UNLISTED.code,
            "warn",
            *pair("signage-unlisted", sign=Both(_describe(sign), sign.text)),
            village,
            observed=sign.text,
            citations=rule(catalog, "no-matching-plaques"),
        )
        for sign in signs
    ]


def _count(quota: SignQuota, signs: list[ActualSign], matched: dict[int, Sign], village: str) -> list[Finding]:
    """The count of one quota: over it, 不符合 (or 提示); left open by signs of unknown type, 提示."""
    counted = [i for i, s in enumerate(signs) if _quota_matches(quota, s, matched.get(i))]
    unknown = [s for i, s in enumerate(signs) if i not in matched and _may_count(quota, s)]
    # A closed set's signs that match no listed one are reported as not allowed, each; a
    # ceiling (至多9个, names not given) counts every sign of its kind.
    if (
        len(counted) > quota.max_count
        and (not quota.exact or all(i in matched for i in counted))
        and reported(strength(quota.modality))
    ):
        of = strength(quota.modality)
        return [
            Finding(
                codes.COUNT.missed(of),
                level(of),
                *pair(f"signage-count{suffix(of)}", quota=quota.name, count=len(counted), allowed=quota.max_count),
                village,
                rule=quota.max_count,
                observed=len(counted),
                citations=tuple(quota.citations),
                item=quota.id,
            )
        ]
    if unknown and len(counted) + len(unknown) > quota.max_count:  # over or not, as their types are
        texts = [s.text for s in unknown]
        return [
            Finding(
                codes.COUNT_UNKNOWN_TYPE.code,
                "warn",
                *pair(
                    "signage-count-unknown-type",
                    quota=quota.name,
                    count=len(counted),
                    allowed=quota.max_count,
                    unknown=len(unknown),
                    signs=Both("、".join(f"“{t}”" for t in texts), ", ".join(texts)),
                ),
                village,
                rule=quota.max_count,
                observed=len(counted),
                citations=tuple(quota.citations),
                item=quota.id,
            )
        ]
    return []


def check_signage(catalog: EffectiveCatalog, signs: Iterable[ActualSign]) -> CheckReport:
    """Check the signs of one or many villages (grouped by ``ActualSign.village``).

    ``signs`` is read once (a generator is fine), then grouped by village.

    Raises:
        ArgumentTypeError: if ``signs`` is not an iterable of :class:`ActualSign` (one alone included).
    """
    need_catalog(catalog)
    signs = need_items(signs, ActualSign, "argument-not-signs")
    report = CheckReport.against("signage", catalog)
    for village in dict.fromkeys(s.village for s in signs):
        report.findings.extend(signage_findings(catalog, [s for s in signs if s.village == village], village))
    return report
