"""The command line's parser: argparse speaking Chinese first, with English, from the message catalog.

argparse writes its own words in English (``usage:``, ``positional arguments:``,
``the following arguments are required``); a clerk reads Chinese. :class:`Parser` and
:class:`Formatter` give every ``villagecat`` (sub)command its headings and usage errors
from :mod:`villagecat._i18n`, declared here once. They are subclasses used by the command
only: nothing in the standard library's ``argparse`` module is changed, so a program that
imports villagecat keeps argparse as it was.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from typing import TYPE_CHECKING, Any, NoReturn

from villagecat._i18n import Both, pair, say
from villagecat.models._base import Vocab

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from typing_extensions import Self

__all__ = ["Choice", "Formatter", "Parser", "UsageError", "bilingual", "labelled", "listed", "vocabulary"]


def bilingual(key: str, /, **values: object) -> str:
    """A catalog phrase as help text shows it: 中文 / English."""
    return " / ".join(pair(key, **values))


class UsageError(Exception):
    """A command line that does not parse: the (sub)command it was for and what is wrong, in both languages."""

    def __init__(self, prog: str, detail: Both) -> None:
        """Keep the command (``villagecat diff``) and the problem."""
        super().__init__(str(detail.en))
        self.prog = prog
        self.detail = detail

    def describe(self, lang: str) -> str:
        """The one line a user reads: the command, the problem, and where its help is."""
        return f"{self.prog}: {say('usage-error', lang, detail=self.detail, prog=self.prog)}"


#: argparse's own messages (Python 3.10 to 3.13) and the catalog's entry for each; its fields are the pattern's groups.
_ARGPARSE = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "usage-required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "usage-unrecognized"),
    (re.compile(r"one of the arguments (?P<names>.+) is required"), "usage-one-required"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"), "usage-ambiguous"),
    (re.compile(r"invalid int value: (?P<value>.+)"), "usage-invalid-int"),
    (re.compile(r"invalid float value: (?P<value>.+)"), "usage-invalid-float"),
    (re.compile(r"invalid \S+ value: (?P<value>.+)"), "usage-invalid-value"),
    (re.compile(r"expected one argument"), "usage-expected-one"),
    (re.compile(r"expected at least one argument"), "usage-expected-some"),
    (re.compile(r"not allowed with argument (?P<other>.+)"), "usage-not-allowed-with"),
)
_ARGUMENT = re.compile(r"argument (?P<argument>[^:]+): (?P<detail>.+)", re.DOTALL)


def usage_detail(message: str) -> Both:
    """An argparse message in both languages: its known forms from the catalog, villagecat's own as they were given."""
    found = _ARGUMENT.fullmatch(message)
    if found is not None:
        detail = usage_detail(found["detail"])
        return Both(*pair("usage-argument", argument=found["argument"], detail=detail))
    for pattern, key in _ARGPARSE:
        match = pattern.fullmatch(message)
        if match is not None:
            fields: dict[str, object] = dict(match.groupdict())
            names = match.groupdict().get("names")
            if names is not None:  # a list of arguments reads 甲、乙 in Chinese
                fields["names"] = Both(names.replace(", ", "、"), names)
            return Both(*pair(key, **fields))
    zh, _, en = message.partition(" / ")  # villagecat's own type errors carry both: 中文 / English
    return Both(zh, en or zh)


def listed(choices: Iterable[object]) -> Both:
    """Choices as a user reads them: a vocabulary's values with their labels (省级（province）、市级（prefecture）)."""
    shown = list(choices)
    return Both(
        "、".join(c.shown("zh") if isinstance(c, Vocab | Choice) else str(c) for c in shown),
        ", ".join(str(c) for c in shown),
    )


class Choice(str):  # noqa: SLOT000 - a str subclass cannot have non-empty slots, and it carries its words
    """A choice of an option that has words of its own: listed as 破坏性（breaking）, taken as either."""

    words: tuple[str, str]

    def __new__(cls, value: str, words: tuple[str, str]) -> Self:
        """The choice ``value`` (what code compares) and its words in Chinese and English."""
        obj = str.__new__(cls, value)
        obj.words = words
        return obj

    def shown(self, lang: str) -> str:
        """The choice as a reader is shown it: 破坏性（breaking） in Chinese, its code in English."""
        return f"{self.words[0]}（{self}）" if lang == "zh" else str(self)


def labelled(words: Mapping[str, tuple[str, str]]) -> dict[str, Any]:
    """An option's ``choices`` and ``type`` where each choice has words: given as its code or its Chinese word.

    Anything else is passed on unchanged, for the choices to refuse it with the list of what is allowed.
    """
    choices = tuple(Choice(value, pair) for value, pair in words.items())

    def code(text: str) -> str:
        key = unicodedata.normalize("NFKC", text).strip()
        return next((str(c) for c in choices if key in (str(c), c.words[0])), text)

    return {"choices": choices, "type": code}


def vocabulary(vocab: type[Vocab]) -> Callable[[str], str]:
    """An argparse type: a vocabulary's value given as its code or as its Chinese label (省级), kept as the code.

    Anything else is passed on unchanged, for the choices to refuse it with the list of what is allowed.
    """

    def code(text: str) -> str:
        try:
            return str(vocab.from_text(text).value)
        except ValueError:
            return text

    return code


def _width(text: str) -> int:
    """The columns ``text`` takes on a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_OPENING = "（“‘《「『【〔(["
_CLOSING = "，。；：、）”’》」』】〕！？),.;:!?\\]"
#: What a line may break between: spaces, each Chinese character, each run of other characters (a word, a path);
#: opening punctuation stays with what follows it and closing punctuation with what precedes it.
_PIECE = re.compile(rf"\s+|[{_OPENING}]*(?:[^\s{_WIDE}]+|[{_WIDE}])[{_CLOSING}]*")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between Chinese characters as between words.

    argparse wraps with :mod:`textwrap`, which breaks only at spaces and counts a Chinese
    character as one column: Chinese help ran past the terminal and broke in mid-phrase.
    """
    lines: list[str] = []
    line = ""
    for piece in _PIECE.findall(" ".join(text.split())):
        if piece == " ":
            line += piece if line else ""
        elif line and _width(line.rstrip() + piece) > width:
            lines.append(line.rstrip())
            line = piece
        else:
            line += piece
    return [*lines, line.rstrip()] if line.strip() else lines


class Formatter(argparse.HelpFormatter):
    """Help in Chinese first: ``用法 / usage:``, and a description's paragraphs kept apart."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """Start the usage with the catalog's word for it."""
        super().add_usage(usage, actions, groups, f"{bilingual('help-usage')}: " if prefix is None else prefix)

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        """The usage, fitting the terminal and aligned, though 用法 (and 村 in ``{村,社区}``) take two columns each."""
        actions = list(actions)
        wider = _width(prefix) - len(prefix) if prefix else 0
        metavars = sum(_width(str(a.metavar)) - len(str(a.metavar)) for a in actions if isinstance(a.metavar, str))
        self._width -= wider + metavars
        try:
            text = super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += wider + metavars
        first, *rest = text.split("\n")
        return "\n".join([first, *(" " * wider + line if line.strip() else line for line in rest)])

    def _format_action(self, action: argparse.Action) -> str:
        """An argument and its help, the help in its column though the argument shows Chinese (``{村,社区}``)."""
        text = super()._format_action(action)
        header = " " * self._current_indent + self._format_action_invocation(action)
        wider = _width(header) - len(header)
        first, newline, rest = text.partition("\n")
        if not wider or not first.startswith(header + "  "):
            return text
        position = min(self._action_max_length + 2, self._max_help_position)
        words = first[len(header) :].lstrip(" ")
        if _width(header) + 2 <= position:
            first = header + " " * (position - _width(header)) + words
        else:
            first = f"{header}\n{' ' * position}{words}"
        return first + newline + rest

    def _split_lines(self, text: str, width: int) -> list[str]:
        """An argument's help in lines that fit, Chinese as well as English."""
        return _wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """A description filled paragraph by paragraph (a blank line between them): Chinese, then English."""
        return "\n\n".join(
            "\n".join(indent + line for line in _wrap(part, width - len(indent))) for part in text.split("\n\n")
        )


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]  # noqa: SLF001 - argparse's subcommands
    """The subcommands: what a subcommand leaves unparsed is that subcommand's usage error, not the top's."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        super().__call__(parser, namespace, values, option_string)
        extra: list[str] = getattr(namespace, argparse._UNRECOGNIZED_ARGS_ATTR, [])  # noqa: SLF001
        chosen = self.choices.get(values[0]) if isinstance(values, list) and values else None
        if extra and isinstance(chosen, Parser):
            names = " ".join(extra)
            chosen.fail(Both(*pair("usage-unrecognized", names=names)))


class Parser(argparse.ArgumentParser):
    """villagecat's parser, and every subcommand's: headings and usage errors from the message catalog."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 - argparse's own parameters, passed on
        """An ArgumentParser whose help and errors speak Chinese first; subcommands are Parsers too."""
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = bilingual("help-positionals")
        self._optionals.title = bilingual("help-options")
        self.register("action", "parsers", _Commands)
        #: Rules between arguments that argparse cannot state, checked once they are parsed.
        self._rules: list[Callable[[argparse.Namespace], Both | None]] = []
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):  # noqa: SLF001 - argparse's -h
                action.help = bilingual("help-help")

    def add_rule(self, rule: Callable[[argparse.Namespace], Both | None]) -> None:
        """Add a rule between this command's arguments: what it returns is a usage error (exit 2), as argparse's are.

        For what argparse cannot state: ``--file`` excludes each of a village's figures, which
        do not exclude each other (a mutually exclusive group would part them too).
        """
        self._rules.append(rule)

    def parse_known_args(  # type: ignore[override]  # typeshed overloads it by namespace type
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse as argparse does, then apply this command's rules between arguments."""
        parsed, extra = super().parse_known_args(args, namespace)
        for rule in self._rules:
            detail = rule(parsed)
            if detail is not None:
                self.fail(detail)
        return parsed, extra

    def fail(self, detail: Both) -> NoReturn:
        """Stop on a usage error of this (sub)command; :func:`villagecat.cli.run` prints it and exits 2."""
        raise UsageError(self.prog, detail)

    def error(self, message: str) -> NoReturn:
        """Stop on an error argparse found, told in the catalog's words and naming this (sub)command's help."""
        self.fail(usage_detail(message))

    def _check_value(self, action: argparse.Action, value: Any) -> None:  # noqa: ANN401 - argparse's signature
        """A value outside the choices: the choices listed as a user reads them (省级（province）、…)."""
        if action.choices is None or value in action.choices:
            return
        words = bilingual("usage-invalid-choice", value=value, choices=listed(action.choices))
        raise argparse.ArgumentError(action, words)
