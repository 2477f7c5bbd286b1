"""Options shared by the subcommands that resolve a jurisdiction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagecat.models import Scope

if TYPE_CHECKING:
    import argparse

__all__ = ["add_layer_options", "add_scope_option", "scope_of"]


def add_layer_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--layer PATH`` (repeatable)."""
    parser.add_argument(
        "--layer",
        action="append",
        default=[],
        metavar="PATH",
        help="a package outside the shipped data that joins the chain (repeatable)",
    )


def add_scope_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--scope village|community|all``."""
    parser.add_argument(
        "--scope",
        choices=("village", "community", "all"),
        default="village",
        help="items that apply to villages (default), to communities, or all",
    )


def scope_of(value: str) -> Scope | None:
    """Return the Scope for a ``--scope`` value (None for ``all``)."""
    return None if value == "all" else Scope(value)
