"""Reading the files of a package safely, from a folder or a zip.

Resource paths are package-relative. Absolute paths, ``..`` segments, URLs and
symlinks that lead outside the package are refused; only regular files are read, none
larger than the byte budget; a zip is checked before anything is inflated (members,
inflated size, ratio) and a git blob is measured before it is read. See
:mod:`villagecat._budget`.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import subprocess
import warnings
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from villagecat._arguments import need_path
from villagecat._budget import exceeded, limit, over, read_regular_file
from villagecat._i18n import Both, os_reason, pair
from villagecat.errors import BudgetExceededError, InterruptedSaveWarning, PackageReadError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PackageSource",
    "UnsafePathError",
    "max_bytes_default",
    "open_source",
]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://|^file:")
#: A file name with no folder, drive, scheme or leading dot: safe to join without further checks.
_PLAIN_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\Z")
#: Characters no resource path may hold: the system refuses a NUL in a file name, and the rest are never a name's.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def max_bytes_default() -> int:
    """Return the size limit: ``VILLAGECAT_MAX_BYTES`` if set, else 64 MiB."""
    return limit("bytes")


class UnsafePathError(ValueError):
    """A resource path points outside the package, at a URL, or is absolute; the reason in both languages."""

    def __init__(self, key: str) -> None:
        """Record the reason, a key of the message catalog."""
        self.message_zh, self.message_en = pair(key)
        super().__init__(self.message_en)


def check_relative(path: str) -> PurePosixPath:
    """Return ``path`` as a safe package-relative path.

    Raises:
        UnsafePathError: if the path is a URL, absolute, climbs out with ``..``, or holds a
            control character.
    """
    if _CONTROL.search(path):
        raise UnsafePathError("path-control")
    if _URL.match(path):
        raise UnsafePathError("path-remote")
    if path.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:[\\/]", path):
        raise UnsafePathError("path-absolute")
    pure = PurePosixPath(path.replace("\\", "/"))
    if ".." in pure.parts:
        raise UnsafePathError("path-outside")
    return pure


class PackageSource:
    """The files of one package: a folder, or a zip holding one package."""

    def __init__(self, label: str, max_bytes: int) -> None:
        """Name the source (for messages) and set its size limit."""
        self.label = label
        self.max_bytes = max_bytes

    def read(self, relpath: str) -> bytes:  # pragma: no cover - abstract
        """Return the bytes of a package-relative file."""
        raise NotImplementedError

    def _too_large(self, relpath: str, size: int) -> PackageReadError:
        return exceeded("bytes", f"{self.label}/{relpath}", size, self.max_bytes)


class FolderSource(PackageSource):
    """A package in a folder on disk."""

    def __init__(self, root: Path, label: str, max_bytes: int) -> None:
        """Read files below ``root``."""
        super().__init__(label, max_bytes)
        self.root = root
        self._root_text = os.fspath(root)

    @functools.cached_property
    def _interrupted(self) -> dict[str, str | None]:
        """The files to read elsewhere where a save killed outright left its journal (see ``interrupted_view``).

        Said once per folder read, as a warning: the next write finishes or rolls back that save.
        """
        from villagecat._write import interrupted_view  # noqa: PLC0415 - the writer imports the registry

        view = interrupted_view(self.root)
        if view is None:
            return {}
        warnings.warn(InterruptedSaveWarning(self.label, finished=view.landed), stacklevel=4)
        return view.kept

    @functools.cached_property
    def _real_root(self) -> Path:
        """The folder's real path, resolved only when a link inside it must be judged."""
        return self.root.resolve()

    def read(self, relpath: str) -> bytes:
        """Return a file's bytes, refusing unsafe paths, symlink escapes and oversize files."""
        if relpath in self._interrupted:  # a save was killed after moving this file: its old version is read
            kept = self._interrupted[relpath]
            if kept is None:
                raise FileNotFoundError(relpath)
            return read_regular_file(os.path.join(self._root_text, kept), self.max_bytes, follow=False)  # noqa: PTH118
        if _PLAIN_NAME.match(relpath):  # the common case, a file beside datapackage.json: opened once
            name = os.path.join(self._root_text, relpath)  # noqa: PTH118 - string paths, many files
            try:
                return read_regular_file(name, self.max_bytes, follow=False)
            except FileNotFoundError:
                raise FileNotFoundError(relpath) from None
            except IsADirectoryError:
                raise PackageReadError.at(name, "read-folder") from None
            except OSError:  # a link (or unreadable): judged below, by where it leads
                pass
        pure = check_relative(relpath)
        real = link = self.root.joinpath(*pure.parts)
        try:
            info = os.lstat(real)  # one system call for the common case: a plain file in the folder
        except FileNotFoundError:
            raise FileNotFoundError(relpath) from None
        except OSError:
            info = None
        # A relative path without '..' stays inside unless one of its own components is a
        # link; only then is the real path resolved and checked.
        linked = info is not None and stat.S_ISLNK(info.st_mode)
        if linked or len(pure.parts) > 1:
            steps = [self.root.joinpath(*pure.parts[: n + 1]) for n in range(len(pure.parts))]
            if linked or any(step.is_symlink() for step in steps):
                try:
                    real = real.resolve()
                except RuntimeError:  # a loop of links (Python before 3.13 raises this for ELOOP)
                    raise PackageReadError.at(str(real), "read-os", reason=Both(*pair("os-ELOOP"))) from None
                if not real.is_relative_to(self._real_root):  # a file villagecat will not read: unreadable input
                    raise PackageReadError.at(str(link), "read-link-outside")
                info = None
        return self._read_at(real, link)

    def _read_at(self, real: Path, link: Path) -> bytes:
        """Read ``real``, where the package's ``link`` leads: what is wrong is said of the file the package lists."""
        try:
            return read_regular_file(real, self.max_bytes)
        except BudgetExceededError:
            raise
        except PackageReadError as exc:  # a link to a folder, to nothing
            if real == link:
                raise
            reason = Both(exc.message_zh, exc.message_en)
            raise PackageReadError.at(str(link), "read-link-target", target=str(real), reason=reason) from None


class ZipSource(PackageSource):
    """A package inside a zip: ``datapackage.json`` at the top or in one folder."""

    def __init__(self, archive: zipfile.ZipFile, prefix: str, label: str, max_bytes: int) -> None:
        """Read the member files below ``prefix``, once the archive has passed the budgets."""
        super().__init__(label, max_bytes)
        self.archive = archive
        self.prefix = prefix
        check_archive(archive, label)

    def read(self, relpath: str) -> bytes:
        """Return a member's bytes, refusing unsafe paths and oversize members."""
        pure = check_relative(relpath)
        name = self.prefix + pure.as_posix()
        try:
            info = self.archive.getinfo(name)
        except KeyError as exc:
            raise FileNotFoundError(relpath) from exc
        if info.file_size > self.max_bytes:
            raise self._too_large(relpath, info.file_size)
        return read_member(self.archive, info, f"{self.label}/{relpath}", self.max_bytes)


class GitSource(PackageSource):
    """A package as it is at a git revision, read with ``git show`` (no checkout)."""

    def __init__(self, repo: Path, rev: str, folder: str, label: str, max_bytes: int) -> None:
        """Read ``folder`` of ``repo`` at ``rev``."""
        super().__init__(label, max_bytes)
        self.repo = repo
        self.rev = rev
        self.folder = folder.strip("/")

    def read(self, relpath: str) -> bytes:
        """Return a file's bytes at the revision; its size is asked first and checked against the budget."""
        pure = check_relative(relpath)
        spec = f"{self.rev}:{self.folder + '/' if self.folder else ''}{pure.as_posix()}"
        kind = _git(self.repo, "cat-file", "-t", spec)
        if kind.returncode != 0 or kind.stdout.strip() != b"blob":
            raise FileNotFoundError(relpath)
        size = _git(self.repo, "cat-file", "-s", spec)
        blob_size = int(size.stdout.strip() or b"0") if size.returncode == 0 else 0
        if blob_size > self.max_bytes:
            raise self._too_large(relpath, blob_size)
        done = _git(self.repo, "cat-file", "blob", spec)
        if done.returncode != 0:
            raise FileNotFoundError(relpath)
        return done.stdout


def _git(repo: Path | None, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run git; a missing git is a clear error, not a traceback."""
    command = ["git", *(["-C", str(repo)] if repo is not None else []), *args]
    try:
        return subprocess.run(command, capture_output=True, check=False)  # noqa: S603 - fixed git commands
    except FileNotFoundError:
        raise PackageReadError.at(" ".join(args[-1:]), "git-missing") from None


def check_archive(archive: zipfile.ZipFile, label: str) -> None:
    """Refuse a zip that would cost more than the budgets once inflated (checked before inflating).

    Raises:
        BudgetExceededError: too many members, too much inflated data, or a member inflating too far.
    """
    members = archive.infolist()
    if len(members) > limit("members"):
        raise exceeded("members", label, len(members))
    total = sum(info.file_size for info in members)
    if total > limit("inflated"):
        raise exceeded("inflated", label, total)
    ratio = limit("ratio")
    for info in members:
        if info.file_size > 1024 * 1024 and info.file_size > ratio * max(info.compress_size, 1):
            raise exceeded("ratio", f"{label}/{info.filename}", info.file_size // max(info.compress_size, 1))


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, max_bytes: int) -> bytes:
    """Return a zip member's bytes, reading no more than ``max_bytes``.

    Raises:
        PackageReadError: a corrupt member (bad CRC), an encrypted one, or an unsupported compression.
    """
    try:
        with archive.open(info) as handle:
            data = handle.read(max_bytes + 1)
    except NotImplementedError as exc:  # before RuntimeError, of which it is a kind
        raise PackageReadError.at(where, "zip-compression", detail=exc) from None
    except RuntimeError as exc:  # encrypted
        raise PackageReadError.at(where, "zip-encrypted", detail=exc) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise PackageReadError.at(where, "zip-damaged", detail=exc) from None
    if len(data) > max_bytes:
        raise exceeded("bytes", where, over(max_bytes), max_bytes)
    return data


def split_git_spec(spec: str) -> tuple[Path, str, str] | None:
    """Return ``(repo, revision, folder)`` if ``spec`` is ``REV:path``; None if it is not of that form.

    The folder is taken relative to the current directory, as ``git show REV:./path``
    would (or as given, if absolute), and returned relative to the top of the repository
    that holds it, wherever the command runs.

    Raises:
        PackageReadError: naming ``spec``, if git is not installed, the folder is in no git
            repository, or the revision does not exist.
    """
    if ":" not in spec or Path(spec).exists() or re.match(r"^[a-zA-Z]:[\\/]", spec):
        return None
    rev, _, folder = spec.partition(":")
    if not rev:
        return None
    where = Path.cwd() / folder  # an absolute folder stays itself
    probe = next((p for p in (where, *where.parents) if p.is_dir()), None)  # the path may be gone from the tree
    try:
        top = _git(probe, "rev-parse", "--show-toplevel")
    except PackageReadError:  # git is not installed: said of the argument, not of git's own options
        raise PackageReadError.at(spec, "git-missing") from None
    if top.returncode != 0:  # REV:path outside any repository: not a layer's name either
        raise PackageReadError.at(spec, "git-not-repository", folder=folder or ".", rev=rev)
    repo = Path(top.stdout.decode("utf-8", "replace").strip())
    verify = _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if verify.returncode != 0:
        raise PackageReadError.at(spec, "git-no-revision", rev=rev)
    relative = where.resolve()
    try:
        inside = relative.relative_to(repo.resolve()).as_posix()
    except ValueError:
        inside = folder
    return repo, rev, "" if inside == "." else inside


def _no_such_path(label: str) -> PackageReadError:
    """The error for a path that is not there; a shipped layer's code typed for it (lint 120117) is told its folder."""
    from villagecat.registry import shipped_registry  # noqa: PLC0415 - the shipped data, read only on this error

    shipped = shipped_registry().get(label) if "/" not in label and os.sep not in label else None
    if shipped is None or shipped.source is None:
        return PackageReadError.at(label, "no-such-path")
    name = Both(shipped.layer.name_zh, shipped.layer.name_en)
    return PackageReadError.at(label, "no-such-path-layer-id", id=label, name=name, folder=shipped.source)


def open_source(path: str | os.PathLike[str], max_bytes: int | None = None) -> PackageSource:
    """Open a package given as a folder, a ``datapackage.json`` or a zip.

    Raises:
        PackageReadError: if the path does not exist or holds no package.
        ArgumentTypeError: if ``path`` is no path (None, a number).
    """
    need_path(path)
    try:
        return _open_source(path, max_bytes)
    except OSError as exc:
        if isinstance(exc, PackageReadError):
            raise
        raise PackageReadError.at(str(path), "read-os", reason=os_reason(exc)) from None
    except zipfile.BadZipFile as exc:
        raise PackageReadError.at(str(path), "zip-damaged", detail=exc) from None


def _open_source(path: str | os.PathLike[str], max_bytes: int | None) -> PackageSource:
    budget = max_bytes_default() if max_bytes is None else max_bytes
    target = Path(path)
    label = str(path)
    git = split_git_spec(str(path)) if not target.exists() else None
    if git is not None:
        repo, rev, folder = git
        if _git(repo, "cat-file", "-e", f"{rev}:{folder}" if folder else f"{rev}^{{tree}}").returncode != 0:
            # not in that revision: said so, not as a folder there without its datapackage.json
            raise PackageReadError.at(label, "git-no-path", rev=rev, path=folder)
        return GitSource(repo, rev, folder, label, budget)
    if target.is_dir():
        descriptor = target / "datapackage.json"
        if not descriptor.is_file():
            if descriptor.is_dir():  # there, but not a file: said as what it is, never as missing
                raise PackageReadError.at(str(descriptor), "read-folder")
            if descriptor.exists():  # a FIFO, a socket, a device
                raise PackageReadError.at(str(descriptor), "read-not-regular")
            raise PackageReadError.at(label, "no-descriptor-in-folder")
        return FolderSource(target, label, budget)
    if not target.is_file():
        try:
            target.stat()  # a loop of links is an OSError (ELOOP), said as such by open_source, not "no such path"
        except FileNotFoundError:
            raise _no_such_path(label) from None
        raise PackageReadError.at(label, "not-a-package")  # there, but neither folder nor file: a FIFO, a device
    if target.name == "datapackage.json":
        return FolderSource(target.parent, str(target.parent) or ".", budget)
    if target.suffix.lower() == ".json":  # a JSON Patch, a resource: never the datapackage.json beside it
        raise PackageReadError.at(label, "not-a-package")
    if zipfile.is_zipfile(target):
        archive = zipfile.ZipFile(target)
        names = [n for n in archive.namelist() if PurePosixPath(n).name == "datapackage.json"]
        top = [n for n in names if n.count("/") <= 1]
        if len(top) != 1 and "xl/workbook.xml" in archive.namelist():  # a workbook is a zip too
            raise PackageReadError.at(label, "workbook-not-package", name=label)
        if len(top) != 1:
            raise PackageReadError.at(label, "zip-descriptors")
        return ZipSource(archive, top[0].removesuffix("datapackage.json"), label, budget)
    raise PackageReadError.at(label, "not-a-package")
