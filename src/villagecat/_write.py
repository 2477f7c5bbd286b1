"""The one way villagecat writes files: atomically, only its own, never removing anything else.

- Every file is replaced atomically: written to a sibling temporary file, flushed and
  fsynced, then moved over the target with :func:`os.replace`. Killed at any instant,
  a file holds either its old or its new content.
- A package folder is written file by file: the resources first, the descriptor last,
  so a reader sees a readable package throughout. villagecat touches only the files a
  package owns (its ``datapackage.json`` and the resource files it lists); it never
  removes a file or a folder it did not write: notes, PDFs, a README, ``.git`` and
  nested child packages beside the CSVs stay as they are. A resource file that the
  previous descriptor listed and the new one does not is removed only if it is one
  villagecat writes (``duties.csv``, ``signs.json``…): a file a user listed there (the
  source's PDF) is theirs. All files are staged before any is moved, so a write that fails
  part-way (a full disk) leaves the old package whole.
- A non-empty folder that is not a villagecat package is refused (``force=True`` writes
  into it anyway, still removing nothing); a path that is a file is never turned into a
  folder.
- Writers of one package are serialised by an advisory lock on the folder itself
  (``flock``), so no lock file is left behind; :func:`package_lock` holds it across a
  whole read-modify-write such as a release.
- Files and folders are created with the user's umask, as any other program's.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import secrets
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagecat._i18n import Both, os_reason
from villagecat.errors import WriteRefusedError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["atomic_write", "package_folder", "package_lock", "write_package"]

_TEMP_MARK = ".villagecat-"


@functools.cache
def _own_names() -> frozenset[str]:
    """The resource files villagecat writes: ``<resource>.csv`` or ``.json``, for each kind of item.

    Only these are removed when a new version no longer lists them: a file a user listed in
    the descriptor (the source's PDF, a report) is theirs, never villagecat's to delete.
    """
    from villagecat.format.registry import kinds  # noqa: PLC0415

    return frozenset(f"{kind.resource}.{ext}" for kind in kinds() for ext in ("csv", "json"))


_held = threading.local()


def _refused(path: Path, exc: OSError) -> WriteRefusedError:
    return WriteRefusedError.at(str(path), "write-failed", reason=os_reason(exc))


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (best effort: not every platform or file system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _stage(target: Path, data: bytes) -> Path:
    """Write ``data`` to a fsynced temporary file beside ``target``; return it (nothing is left on failure).

    Raises:
        WriteRefusedError: if the file cannot be written (permission, read-only or full disk).
    """
    temporary = target.with_name(f".{target.name}{_TEMP_MARK}{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
    except OSError as exc:
        raise _refused(target, exc) from exc
    return temporary


def _commit(temporary: Path, target: Path, *, replace: bool = True) -> None:
    """Move a staged file over ``target`` (or, with ``replace=False``, only where nothing is yet)."""
    try:
        if replace:
            temporary.replace(target)
        else:
            os.link(temporary, target)  # fails if anything is there, at the instant of the move
            temporary.unlink()
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, FileExistsError):
            raise WriteRefusedError.at(str(target), "write-exists") from None
        raise _refused(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _set_aside(target: Path) -> Path | None:
    """Keep the file ``target`` is now under a second name (a hard link, else a copy); None if there is none."""
    if not target.is_file():
        return None
    aside = target.with_name(f".{target.name}{_TEMP_MARK}{secrets.token_hex(4)}.old")
    try:
        os.link(target, aside)
    except OSError:  # a file system without hard links: a copy
        try:
            aside = _stage(aside, target.read_bytes())
        except (OSError, WriteRefusedError) as exc:
            raise _refused(target, exc if isinstance(exc, OSError) else OSError(str(exc))) from exc
    return aside


def _roll_back(folder: Path, kept: Mapping[str, Path | None]) -> None:
    """Put back the old file of every name in ``kept`` (remove the new one where there was none)."""
    for name, aside in kept.items():
        with contextlib.suppress(OSError):
            if aside is None:
                (folder / name).unlink()
            else:
                aside.replace(folder / name)


def atomic_write(path: str | os.PathLike[str], data: bytes, *, replace: bool = True) -> Path:
    """Replace ``path`` with ``data`` atomically; the folder above must exist.

    With ``replace=False`` an existing file is never overwritten: a file someone else made
    (a clerk's notes, an edited workbook) is refused, not destroyed. A file a package lists
    as its own (its ``datapackage.json`` and resources) is refused always: a package is
    written whole, by :func:`write_package`, never one file at a time from elsewhere.

    Raises:
        WriteRefusedError: if the file cannot be written (permission, read-only or full
            disk, a name too long, a folder in the way), exists and may not be replaced, or
            is a package's own file; nothing is left behind.
    """
    target = Path(path)
    if target.is_dir():
        raise WriteRefusedError.at(str(target), "write-folder-in-the-way")
    found = _descriptor(target.parent)
    if found is not None and target.name in (*_resource_paths(found), "datapackage.json"):
        raise WriteRefusedError.at(str(target), "write-package-file")
    _commit(_stage(target, data), target, replace=replace)
    _fsync_folder(target.parent)
    return target


def package_folder(path: str | os.PathLike[str]) -> Path:
    """Return the folder a package write goes to: ``path``, or the folder of its ``datapackage.json``.

    Raises:
        WriteRefusedError: if ``path`` is another file (a zip, a CSV): a file is never
            turned into a folder.
    """
    target = Path(path)
    if target.name == "datapackage.json" and not target.is_dir():
        return target.parent
    if target.exists() and not target.is_dir():
        raise WriteRefusedError.at(str(target), "write-not-a-folder")
    return target


#: The descriptor keys villagecat writes; any other a user (or another tool) added is kept on rewrite.
_DESCRIPTOR_KEYS = frozenset({"$schema", "profile", "name", "title", "version", "villagecat", "layer", "resources"})


def _keeping_metadata(
    old: dict[str, Any] | None, new: dict[str, Any] | None, files: Mapping[str, bytes]
) -> Mapping[str, bytes]:
    """The files, the new descriptor keeping what the old one holds besides villagecat's keys.

    A Data Package may carry ``licenses``, ``contributors``, ``keywords``…: a rewrite of the
    package (import, patch, release, upgrade) must not drop what villagecat did not write.
    """
    if old is None or new is None:
        return files
    kept = {k: v for k, v in old.items() if k not in _DESCRIPTOR_KEYS and k not in new}
    if not kept:
        return files
    text = json.dumps({**new, **kept}, ensure_ascii=False, indent=2) + "\n"
    return {**files, "datapackage.json": text.encode("utf-8")}


def _descriptor(folder: Path) -> dict[str, Any] | None:
    """A folder's ``datapackage.json``, parsed, if it is a villagecat package's (it has a layer); else None."""
    try:
        data = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("layer"), dict) else None


def _layer_id(descriptor: dict[str, Any] | None) -> str | None:
    """The layer id a parsed ``datapackage.json`` declares, or None."""
    found = descriptor["layer"].get("id") if descriptor is not None else None
    return found if isinstance(found, str) else None


def _resource_paths(descriptor: dict[str, Any]) -> list[str]:
    """The plain file names a villagecat descriptor lists as its resources."""
    paths = []
    for spec in descriptor.get("resources") or []:
        path = spec.get("path") if isinstance(spec, dict) else None
        if isinstance(path, str) and "/" not in path and "\\" not in path and path not in ("", ".", ".."):
            paths.append(path)
    return paths


def _guard(folder: Path, old: dict[str, Any] | None, *, force: bool, layer: str | None) -> list[str]:
    """Refuse a non-empty folder that is not a villagecat package, or holds another layer's.

    A folder that holds nothing but other layers' packages, each in a folder of its own, is
    no one else's: the package is written beside them.

    Returns:
        The files the old package (its descriptor ``old``) owned.
    """
    if old is not None:
        held = _layer_id(old)
        if layer is not None and held is not None and held != layer:  # never one layer written over another
            raise WriteRefusedError.at(str(folder), "write-other-layer", held=held, layer=layer)
        return _resource_paths(old)
    if (folder / "datapackage.json").exists():  # someone else's descriptor: --force writes beside files, never over one
        raise WriteRefusedError.at(str(folder / "datapackage.json"), "write-foreign-descriptor")
    try:
        # A lower layer's package in a folder of its own is the normal layout (a province's folder holds its
        # counties'): the package's own files go beside it, and it is never touched.
        foreign = sorted(
            p.name
            for p in folder.iterdir()
            if _TEMP_MARK not in p.name and not (p.is_dir() and not p.is_symlink() and _descriptor(p) is not None)
        )
    except OSError as exc:
        raise _refused(folder, exc) from exc
    if foreign and not force:
        shown = "、".join(foreign[:5]) + ("等" if len(foreign) > 5 else "")
        raise WriteRefusedError.at(str(folder), "write-foreign-folder", shown=Both(shown, ", ".join(foreign[:5])))
    return []


@contextlib.contextmanager
def package_lock(folder: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the writers' lock of a package folder (created if missing) for a read-modify-write.

    The lock is ``flock`` on the folder itself, so nothing is left in the folder. It is
    re-entrant within a thread. Where ``fcntl`` is missing (Windows) writers are not
    serialised, but every file is still replaced atomically.
    """
    target = Path(folder).resolve()
    held: set[Path] = getattr(_held, "paths", set())
    _held.paths = held
    if target in held:
        yield
        return
    try:
        target.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_RDONLY)
    except OSError as exc:
        raise _refused(target, exc) from exc
    try:
        try:
            import fcntl  # noqa: PLC0415 - POSIX only
        except ImportError:  # pragma: no cover - Windows
            fcntl = None  # type: ignore[assignment]
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        held.add(target)
        try:
            yield
        finally:
            held.discard(target)
    finally:
        os.close(fd)


def _sweep_temporaries(folder: Path) -> None:
    """Remove temporary files a killed villagecat writer left (only its own, by their name)."""
    with contextlib.suppress(OSError):
        for leftover in folder.iterdir():
            if (
                leftover.name.startswith(".")
                and _TEMP_MARK in leftover.name
                and leftover.name.endswith((".tmp", ".old"))
            ):
                with contextlib.suppress(OSError):
                    leftover.unlink()


def write_package(path: str | os.PathLike[str], files: Mapping[str, bytes], *, force: bool = False) -> Path:
    """Write a package's files into a folder, touching nothing the package does not own.

    Args:
        path: The package folder (or its ``datapackage.json``).
        files: File name -> content; ``datapackage.json`` among them, written last.
        force: Write into a non-empty folder that holds no villagecat package (nothing is removed).

    Returns:
        The folder written.

    Raises:
        WriteRefusedError: the folder is someone else's, the path is a file, or the disk
            refuses; the files already in the folder are untouched or fully replaced.
    """
    folder = package_folder(path)
    with package_lock(folder):
        try:
            new = json.loads(files["datapackage.json"]) if "datapackage.json" in files else None
        except ValueError:
            new = None
        new = new if isinstance(new, dict) and isinstance(new.get("layer"), dict) else None
        old = _descriptor(folder)  # read once: whose folder it is, what it owns, what it carries besides
        previous = _guard(folder, old, force=force, layer=_layer_id(new))
        files = _keeping_metadata(old, new, files)
        _sweep_temporaries(folder)
        for name in files:
            if (folder / name).is_dir():
                raise WriteRefusedError.at(str(folder / name), "write-folder-in-the-way")
            if name != "datapackage.json" and name not in previous and (folder / name).exists():
                # a file of this name the package never listed (a new resource, as an upgrade adds):
                # someone else's, never replaced
                raise WriteRefusedError.at(str(folder / name), "write-unowned-file")
        # Every file is staged before any is moved: a write that fails (a full disk) leaves
        # the old package whole, never old files beside new ones.
        staged: dict[str, Path] = {}
        kept: dict[str, Path | None] = {}  # each file moved so far: the old one, linked aside (None: there was none)
        try:
            for name, data in files.items():
                staged[name] = _stage(folder / name, data)
            for name in sorted(staged, key=lambda n: n == "datapackage.json"):  # the descriptor last
                kept[name] = _set_aside(folder / name)
                _commit(staged.pop(name), folder / name)
        except BaseException:
            _roll_back(folder, kept)  # a move that failed part-way: the files already moved go back
            raise
        finally:
            for temporary in [*staged.values(), *(a for a in kept.values() if a is not None)]:
                with contextlib.suppress(OSError):  # unmoved files (the old ones stay) and old ones set aside
                    temporary.unlink()
        _fsync_folder(folder)
        for stale in set(previous) - set(files):
            candidate = folder / stale
            if stale in _own_names() and candidate.is_file() and not candidate.is_symlink():
                with contextlib.suppress(OSError):
                    candidate.unlink()
    return folder
