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
- Before the first move, a journal (``.villagecat-journal.json``) records every file about
  to be placed or removed, with the SHA-256 of its old and new bytes and the name its old
  version is kept under; it is removed once the descriptor has landed and the stale files
  are gone. A writer killed in between (SIGKILL, a power cut) leaves it behind, and the
  next writer to take the package's lock finishes the write if the new descriptor had
  landed, else rolls it back, before anything else: the journal is what proves those
  files are villagecat's. A file it names is touched only while it holds the bytes the
  journal says; one changed since (other bytes) is someone's: refused, and the journal
  kept. A journal that cannot be read proves nothing and removes nothing.
- Ctrl-C and SIGTERM before the descriptor lands roll the write back; once it has landed
  they wait for the clean-up (stale files, the journal, the old files kept aside), so the
  save ends whole with nothing left behind, then end the command.
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
import errno
import functools
import hashlib
import json
import os
import secrets
import signal
import stat
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple, TypeGuard

from villagecat._contract import descriptive
from villagecat._i18n import Both, os_reason
from villagecat.errors import StrayFileWarning, WriteRefusedError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["atomic_write", "interrupted_view", "package_folder", "package_lock", "write_package"]

_TEMP_MARK = ".villagecat-"
_JOURNAL = f"{_TEMP_MARK}journal.json"  # starts with the mark: never taken for a user's file


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


def _aside_name(target: Path) -> Path:
    """A fresh name, beside ``target``, to keep its old version under while it is replaced."""
    return target.with_name(f".{target.name}{_TEMP_MARK}{secrets.token_hex(4)}.old")


def _set_aside(target: Path, aside: Path) -> Path | None:
    """Keep the file ``target`` is now under the name ``aside`` (a hard link, else a copy); None if there is none."""
    if not target.is_file():
        return None
    try:
        os.link(target, aside)
    except OSError:  # a file system without hard links: a copy
        try:
            _commit(_stage(aside, target.read_bytes()), aside, replace=False)
        except (OSError, WriteRefusedError) as exc:
            raise _refused(target, exc if isinstance(exc, OSError) else OSError(str(exc))) from exc
    return aside


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
    resources = _keeping_resource_metadata(old.get("resources"), new.get("resources"))
    if not kept and resources is None:
        return files
    merged = {**new, **kept} if resources is None else {**new, **kept, "resources": resources}
    text = json.dumps(merged, ensure_ascii=False, indent=2) + "\n"
    return {**files, "datapackage.json": text.encode("utf-8")}


def _keeping_resource_metadata(old: object, new: object) -> list[Any] | None:
    """The new resources, each keeping the descriptive properties its namesake held; None if none held any.

    A resource's ``title`` or a publisher's ``x-…`` note is the publisher's (see
    :func:`villagecat._contract.descriptive`); a size or hash described the bytes the rewrite replaces.
    """
    if not isinstance(old, list) or not isinstance(new, list):
        return None
    before = {spec.get("name"): spec for spec in old if isinstance(spec, dict)}
    resources: list[Any] = []
    for spec in new:
        held = before.get(spec.get("name"), {}) if isinstance(spec, dict) else {}
        extra = {k: v for k, v in held.items() if k not in spec and descriptive(k)}
        resources.append({**spec, **extra} if extra else spec)
    return resources if any(a is not b for a, b in zip(resources, new, strict=True)) else None


def _descriptor(folder: Path) -> dict[str, Any] | None:
    """A folder's ``datapackage.json``, parsed, if it is a villagecat package's (it has a layer); else None."""
    try:
        handle = _open_regular(folder / "datapackage.json")
        if handle is None:
            return None
        with handle:
            data = json.loads(handle.read().decode("utf-8-sig"))
    except (OSError, ValueError):  # a FIFO there too (WriteRefusedError is an OSError): no package's
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
        if _plain_name(path):
            paths.append(path)
    return paths


def _plain_name(name: object) -> TypeGuard[str]:
    """Whether ``name`` is a file's name within the folder (no path, nothing above)."""
    return isinstance(name, str) and "/" not in name and "\\" not in name and name not in ("", ".", "..")


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


class _Placed(NamedTuple):
    """A file a write puts in place: its name, the SHA-256 of its old bytes (None: none) and its new ones."""

    name: str
    old: str | None
    new: str
    aside: str | None  # the name the old file is kept under until the write is done


class _Journal(NamedTuple):
    """What a write is about to do: the files it places (the descriptor last) and the stale ones it removes."""

    placed: tuple[_Placed, ...]
    removed: tuple[tuple[str, str], ...]  # (name, SHA-256 of the bytes villagecat wrote there)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _open_regular(path: Path) -> BinaryIO | None:
    """Open the file at ``path`` to read it, or None if there is none (a folder is none).

    It is opened without blocking and checked once open, as :func:`villagecat._budget.read_regular_file`
    checks what it reads: a FIFO in a package file's place (or a link to one, or to ``/dev/zero``) would
    otherwise hang the write, or never let it end.

    Raises:
        WriteRefusedError: a FIFO, socket or device is there, or the file cannot be opened.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    except OSError as exc:
        raise _refused(path, exc) from exc
    handle = os.fdopen(fd, "rb")
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        handle.close()
        raise _refused(path, exc) from exc
    if stat.S_ISREG(mode):
        return handle
    handle.close()
    if stat.S_ISDIR(mode):
        return None
    raise WriteRefusedError.at(str(path), "write-not-regular")


def _digest(path: Path) -> str | None:
    """The SHA-256 of the file at ``path``, or None if there is none (a folder is none).

    Raises:
        WriteRefusedError: a FIFO, socket or device is there, or the file cannot be read.
    """
    handle = _open_regular(path)
    if handle is None:
        return None
    digest = hashlib.sha256()
    with handle:
        try:
            for chunk in iter(functools.partial(handle.read, 1 << 20), b""):
                digest.update(chunk)
        except OSError as exc:
            raise _refused(path, exc) from exc
    return digest.hexdigest()


def _refuse_link(path: Path, key: str) -> None:
    """Refuse to replace ``path`` if it is a link: a link is a user's (villagecat never makes one).

    Raises:
        WriteRefusedError: ``path`` is a link; the message (``key``) names where it leads.
    """
    try:
        path.readlink()
    except OSError:  # none there, or no link: a file villagecat may replace
        return
    # Where it leads, as the user finds it: from the package's folder (data/d.csv), else in full.
    target = Path(os.path.realpath(path))
    folder = Path(os.path.realpath(path.parent))
    shown = target.relative_to(folder) if target.is_relative_to(folder) else target
    raise WriteRefusedError.at(str(path), key, link=shown)


def _journaled(name: object) -> TypeGuard[str]:
    """Whether a journal may name ``name``: only a file villagecat writes.

    A journal inside a package someone sent proves nothing about a README or a PDF.
    """
    return isinstance(name, str) and (name == "datapackage.json" or name in _own_names())


def _is_sha256(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _parse_journal(data: object) -> _Journal | None:
    """The journal ``data`` holds, or None if it is not one villagecat wrote (it then proves nothing)."""
    if not isinstance(data, dict) or data.get("journal") != "villagecat" or data.get("version") != 1:
        return None
    placed, removed = data.get("placed"), data.get("removed")
    if not isinstance(placed, list) or not isinstance(removed, list):
        return None
    entries: list[_Placed] = []
    for item in placed:
        if not isinstance(item, dict):
            return None
        name, old, new, aside = item.get("name"), item.get("old"), item.get("new"), item.get("aside")
        if not _journaled(name) or not _is_sha256(new) or not (old is None or _is_sha256(old)):
            return None
        if aside is not None and not (  # only a name villagecat gives an old file it keeps aside
            _plain_name(aside) and aside.startswith(f".{name}{_TEMP_MARK}") and aside.endswith(".old")
        ):
            return None
        entries.append(_Placed(name, old, new, aside))
    gone: list[tuple[str, str]] = []
    for item in removed:
        if not isinstance(item, dict):
            return None
        name, old = item.get("name"), item.get("old")
        if not _journaled(name) or name == "datapackage.json" or not _is_sha256(old):
            return None
        gone.append((name, old))
    return _Journal(tuple(entries), tuple(gone))


def _read_journal(folder: Path) -> _Journal | None:
    """The journal a write in ``folder`` left (None: there is none, or none villagecat wrote)."""
    handle = _open_regular(folder / _JOURNAL)
    if handle is None:
        return None
    with handle:
        try:
            raw = handle.read()
        except OSError as exc:
            raise _refused(folder / _JOURNAL, exc) from exc
    try:
        return _parse_journal(json.loads(raw))
    except ValueError:
        return None


def _write_journal(folder: Path, journal: _Journal) -> None:
    """Put the journal in place, durably, before the first file is moved."""
    data = {
        "journal": "villagecat",
        "version": 1,
        "placed": [entry._asdict() for entry in journal.placed],
        "removed": [{"name": name, "old": old} for name, old in journal.removed],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    _commit(_stage(folder / _JOURNAL, text.encode("utf-8")), folder / _JOURNAL)
    _fsync_folder(folder)


def _put_back(folder: Path, entry: _Placed) -> None:
    """Put back the old file of ``entry`` (remove the new one where there was none), if the new one is there.

    Raises:
        WriteRefusedError: the file holds bytes the journal does not name (someone changed it
            since), or its old version is gone; nothing is touched.
    """
    target = folder / entry.name
    now = _digest(target)
    if now == entry.old:  # never moved, or already put back
        return
    if now is not None and now != entry.new:
        raise WriteRefusedError.at(str(target), "write-journal-changed")
    _refuse_link(target, "write-journal-linked")
    aside = folder / entry.aside if entry.aside is not None else None
    try:
        if entry.old is None:
            target.unlink(missing_ok=True)
        elif aside is not None and _digest(aside) == entry.old:
            aside.replace(target)
        elif now is not None:
            raise WriteRefusedError.at(str(target), "write-journal-lost")
    except OSError as exc:
        raise _refused(target, exc) from exc


def _remove_stale(folder: Path, removed: tuple[tuple[str, str], ...]) -> None:
    """Remove the files the new descriptor no longer lists, each only while it holds the bytes villagecat wrote."""
    for name, old in removed:
        candidate = folder / name
        if candidate.is_file() and not candidate.is_symlink() and _digest(candidate) == old:
            with contextlib.suppress(OSError):
                candidate.unlink()


def _landed(folder: Path, journal: _Journal) -> bool:
    """Whether the write ``journal`` records had put its new descriptor in place (its last move): then it is done."""
    descriptor = next((e for e in journal.placed if e.name == "datapackage.json"), None)
    return (
        descriptor is not None
        and descriptor.new != descriptor.old
        and _digest(folder / "datapackage.json") == descriptor.new
    )


class InterruptedView(NamedTuple):
    """What a reader reads where a killed write left its journal."""

    #: Whether the write's new descriptor had landed: the new package is read as it is, and the next
    #: writer finishes the write; else the old package is read, and the next writer rolls it back.
    landed: bool
    #: The files moved before the kill, each to the name its old version is kept under (None: the old
    #: package had no such file); empty where the write had landed.
    kept: dict[str, str | None]


def interrupted_view(folder: Path) -> InterruptedView | None:
    """What a reader of ``folder`` reads where a killed write left its journal; None if there is none.

    The next writer finishes that write if its descriptor had landed, else rolls it back
    (:func:`_recover`); a reader, which writes nothing, reads what that writer will leave: the
    new package as it is, or the old one, each file moved before the kill read from the old
    version kept aside (a write killed before its first move has moved none). A file changed
    since (bytes the journal does not name) is read as it is.
    """
    try:
        journal = _read_journal(folder)
        if journal is None:
            return None
        if _landed(folder, journal):
            return InterruptedView(landed=True, kept={})
        kept: dict[str, str | None] = {}
        for entry in journal.placed:
            if _digest(folder / entry.name) != entry.new or entry.new == entry.old:
                continue  # never moved, or changed since: read as it is
            if entry.old is None:
                kept[entry.name] = None
            elif entry.aside is not None and _digest(folder / entry.aside) == entry.old:
                kept[entry.name] = entry.aside
    except WriteRefusedError:  # a journal or a file that cannot be read (a FIFO): nothing to read through
        return None
    return InterruptedView(landed=False, kept=kept)


def _recover(folder: Path, *, forward: bool | None = None) -> None:
    """Finish or roll back the write a journal in ``folder`` records; then remove the journal.

    Args:
        folder: The package folder.
        forward: Finish (True) or roll back (False); None decides as after a kill: finish if
            the new descriptor has landed (the write's last move), else roll back.

    Raises:
        WriteRefusedError: a file the journal names has been changed since; the journal is
            kept and the files it names are as they were.
    """
    journal = _read_journal(folder)
    if journal is None:
        return
    if forward is None:
        forward = _landed(folder, journal)
    if forward:
        _remove_stale(folder, journal.removed)
    else:
        for entry in journal.placed:  # all or none: a changed file, or a link, stops the roll-back before it starts
            now = _digest(folder / entry.name)
            if now not in (entry.old, entry.new, None):
                raise WriteRefusedError.at(str(folder / entry.name), "write-journal-changed")
            if now != entry.old:  # to be put back: a link made since is the user's, never replaced by a file
                _refuse_link(folder / entry.name, "write-journal-linked")
        for entry in reversed(journal.placed):
            _put_back(folder, entry)
    _fsync_folder(folder)
    try:
        (folder / _JOURNAL).unlink(missing_ok=True)
    except OSError as exc:
        raise _refused(folder / _JOURNAL, exc) from exc
    _fsync_folder(folder)
    for entry in journal.placed:  # the old versions kept aside (a later sweep takes any left)
        if entry.aside is not None:
            with contextlib.suppress(OSError):
                (folder / entry.aside).unlink()


@contextlib.contextmanager
def package_lock(folder: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the writers' lock of a package folder (created if missing) for a read-modify-write.

    The lock is ``flock`` on the folder itself, so nothing is left in the folder. It is
    re-entrant within a thread. Whoever takes it first after a writer was killed finishes
    or rolls back that write (by its journal) before going on. Where ``fcntl`` is missing (Windows) writers are not
    serialised, but every file is still replaced atomically.
    """
    try:
        target = Path(folder).resolve()
    except RuntimeError:  # a loop of links (Python before 3.13 raises this for ELOOP)
        raise _refused(Path(folder), OSError(errno.ELOOP, os.strerror(errno.ELOOP))) from None
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
            _recover(target)  # what a killed writer left is finished or rolled back before anyone reads or writes
            yield
        finally:
            held.discard(target)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done, then deliver them as they came.

    Once the new descriptor has landed, the save is done and cannot be rolled back (a stale
    file may be gone): a signal there would stop the clean-up and leave the journal and the old
    files kept aside (``.duties.csv.villagecat-….old``) in the user's folder. It is held
    instead, and raised once the save is finished. Only the main thread can hold signals;
    elsewhere the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    names = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.getsignal(signum) for signum in names}
    for signum in names:
        signal.signal(signum, lambda received, _frame: held.append(received))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)  # None: not set from Python
        for received in dict.fromkeys(held):
            signal.raise_signal(received)  # to the handler that was there: the command ends as it would have


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


def _plan(folder: Path, files: Mapping[str, bytes], previous: list[str]) -> _Journal:
    """The journal of writing ``files`` over a package that listed ``previous``.

    Each file whose bytes change is placed with its old bytes' digest and a name to keep
    them under, the descriptor last (a file that keeps its bytes is left as it is); a
    resource file the old package listed and the new one does not is
    removed if it is one villagecat writes (``duties.csv``), never one a user listed.
    """
    placed = []
    for name in sorted(files, key=lambda n: n == "datapackage.json"):  # the descriptor last
        old, new = _digest(folder / name), _sha256(files[name])
        if old == new:
            continue  # the same bytes: the file stays as it is (a user's link stays a link)
        _refuse_link(folder / name, "write-linked-file")
        aside = _aside_name(folder / name).name if old is not None else None
        placed.append(_Placed(name, old, new, aside))
    removed = []
    for stale in sorted(set(previous) - set(files)):
        candidate = folder / stale
        if stale in _own_names() and candidate.is_file() and not candidate.is_symlink():
            digest = _digest(candidate)
            if digest is not None:
                removed.append((stale, digest))
    return _Journal(tuple(placed), tuple(removed))


def _say_strays(folder: Path, files: Mapping[str, bytes]) -> None:
    """Warn of resource files by villagecat's names the package does not list: left, since nothing proves them ours.

    ``documents.json`` beside a CSV package is left by an earlier villagecat killed during a
    conversion (before writes kept a journal), or put there by someone: either way not
    villagecat's to remove.
    """
    strays = sorted(n for n in _own_names() - set(files) if (folder / n).is_file())
    if strays:
        warnings.warn(StrayFileWarning(str(folder), tuple(strays)), stacklevel=3)


def write_package(path: str | os.PathLike[str], files: Mapping[str, bytes], *, force: bool = False) -> Path:
    """Write a package's files into a folder, touching nothing the package does not own.

    Args:
        path: The package folder (or its ``datapackage.json``).
        files: File name -> content; ``datapackage.json`` among them, written last.
        force: Write into a non-empty folder that holds no villagecat package (nothing is removed).

    Returns:
        The folder written.

    Raises:
        WriteRefusedError: the folder is someone else's, the path is a file, the disk
            refuses, a file whose bytes would change is a link (a user's, never replaced by
            a copy nor written through), or a file the journal of a killed write names has
            changed since; the files already in the folder are untouched or fully replaced.

    Warns:
        StrayFileWarning: resource files by villagecat's names that the package does not
            list and nothing proves villagecat's were left in the folder.
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
        journal = _plan(folder, files, previous)
        if not journal.placed and not journal.removed:  # every file holds its bytes already
            _say_strays(folder, files)
            return folder
        staged: dict[str, Path] = {}
        try:
            for entry in journal.placed:
                staged[entry.name] = _stage(folder / entry.name, files[entry.name])
            _write_journal(folder, journal)  # from here a kill leaves what the next writer needs to finish
            for entry in journal.placed:  # the descriptor last
                _refuse_link(folder / entry.name, "write-linked-file")  # made since the plan: the user's, kept
                if entry.aside is not None:
                    _set_aside(folder / entry.name, folder / entry.aside)
                _commit(staged.pop(entry.name), folder / entry.name)
        except BaseException:
            with contextlib.suppress(WriteRefusedError):  # else the journal stays, for the next writer
                _recover(folder, forward=False)  # a move that failed part-way: the files already moved go back
            raise
        finally:
            for temporary in staged.values():  # unmoved files: the old ones stay
                with contextlib.suppress(OSError):
                    temporary.unlink()
        with _signals_deferred():  # the descriptor has landed: the save is done, a signal waits for its clean-up
            _fsync_folder(folder)
            _recover(folder, forward=True)  # the stale files go, then the journal and the old files kept aside
        _say_strays(folder, files)
    return folder
