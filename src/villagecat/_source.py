"""Reading the files of a package safely, from a folder or a zip.

Resource paths are package-relative. Absolute paths, ``..`` segments, URLs and
symlinks that lead outside the package are refused, and no file larger than the
size limit is read (``VILLAGECAT_MAX_BYTES``, default 64 MiB).
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path, PurePosixPath

from villagecat.errors import PackageReadError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PackageSource",
    "UnsafePathError",
    "max_bytes_default",
    "open_source",
]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://|^file:")


def max_bytes_default() -> int:
    """Return the size limit: ``VILLAGECAT_MAX_BYTES`` if set, else 64 MiB."""
    raw = os.environ.get("VILLAGECAT_MAX_BYTES", "")
    return int(raw) if raw.isdigit() else DEFAULT_MAX_BYTES


class UnsafePathError(ValueError):
    """A resource path points outside the package, at a URL, or is absolute."""


def check_relative(path: str) -> PurePosixPath:
    """Return ``path`` as a safe package-relative path.

    Raises:
        UnsafePathError: if the path is a URL, absolute, or climbs out with ``..``.
    """
    if _URL.match(path):
        raise UnsafePathError("remote data is not fetched")
    if path.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:[\\/]", path):
        raise UnsafePathError("absolute paths are not allowed")
    pure = PurePosixPath(path.replace("\\", "/"))
    if ".." in pure.parts:
        raise UnsafePathError("the path leads out of the package")
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
        return PackageReadError(
            f"{self.label}/{relpath}",
            f"file is {size} bytes, over the limit of {self.max_bytes} "
            "(raise it with --max-bytes or VILLAGECAT_MAX_BYTES)",
            f"文件大小 {size} 字节，超过上限 {self.max_bytes} 字节（可用 --max-bytes 或 VILLAGECAT_MAX_BYTES 调整）",
        )


class FolderSource(PackageSource):
    """A package in a folder on disk."""

    def __init__(self, root: Path, label: str, max_bytes: int) -> None:
        """Read files below ``root``."""
        super().__init__(label, max_bytes)
        self.root = root
        self._real_root = root.resolve()

    def read(self, relpath: str) -> bytes:
        """Return a file's bytes, refusing unsafe paths, symlink escapes and oversize files."""
        pure = check_relative(relpath)
        real = self.root.joinpath(*pure.parts)
        # A relative path without '..' stays inside unless one of its own components is a
        # link; only then is the real path resolved and checked (a few lstat calls, not a
        # realpath of the whole absolute path for every file).
        steps = [self.root.joinpath(*pure.parts[: n + 1]) for n in range(len(pure.parts))]
        if any(step.is_symlink() for step in steps):
            real = real.resolve()
            if not real.is_relative_to(self._real_root):
                raise UnsafePathError("the path is a link that leads out of the package")
        try:
            size = real.stat().st_size
        except OSError as exc:
            raise FileNotFoundError(relpath) from exc
        if size > self.max_bytes:
            raise self._too_large(relpath, size)
        return real.read_bytes()


class ZipSource(PackageSource):
    """A package inside a zip: ``datapackage.json`` at the top or in one folder."""

    def __init__(self, archive: zipfile.ZipFile, prefix: str, label: str, max_bytes: int) -> None:
        """Read the member files below ``prefix``."""
        super().__init__(label, max_bytes)
        self.archive = archive
        self.prefix = prefix

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
        return self.archive.read(info)


class GitSource(PackageSource):
    """A package as it is at a git revision, read with ``git show`` (no checkout)."""

    def __init__(self, repo: Path, rev: str, folder: str, label: str, max_bytes: int) -> None:
        """Read ``folder`` of ``repo`` at ``rev``."""
        super().__init__(label, max_bytes)
        self.repo = repo
        self.rev = rev
        self.folder = folder.strip("/")

    def read(self, relpath: str) -> bytes:
        """Return a file's bytes at the revision."""
        import subprocess  # noqa: PLC0415 - only git specs need it

        pure = check_relative(relpath)
        spec = f"{self.rev}:{self.folder + '/' if self.folder else ''}{pure.as_posix()}"
        done = subprocess.run(  # noqa: S603 - fixed git command, revision and path as arguments
            ["git", "-C", str(self.repo), "show", spec],  # noqa: S607 - git from PATH, as the user runs it
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise FileNotFoundError(relpath)
        if len(done.stdout) > self.max_bytes:
            raise self._too_large(relpath, len(done.stdout))
        return done.stdout


def split_git_spec(spec: str) -> tuple[Path, str, str] | None:
    """Return ``(repo, revision, folder)`` if ``spec`` is ``REV:path`` inside a git repository.

    The folder is taken relative to the current directory, as ``git show REV:./path``
    would, and returned relative to the repository's top.
    """
    import subprocess  # noqa: PLC0415

    if ":" not in spec or Path(spec).exists() or re.match(r"^[a-zA-Z]:[\\/]", spec):
        return None
    rev, _, folder = spec.partition(":")
    if not rev:
        return None
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    if top.returncode != 0:
        return None
    repo = Path(top.stdout.strip())
    verify = subprocess.run(  # noqa: S603
        ["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if verify.returncode != 0:
        return None
    relative = (Path.cwd() / folder).resolve()
    try:
        inside = relative.relative_to(repo.resolve()).as_posix()
    except ValueError:
        inside = folder
    return repo, rev, "" if inside == "." else inside


def open_source(path: str | os.PathLike[str], max_bytes: int | None = None) -> PackageSource:
    """Open a package given as a folder, a ``datapackage.json`` or a zip.

    Raises:
        PackageReadError: if the path does not exist or holds no package.
    """
    limit = max_bytes_default() if max_bytes is None else max_bytes
    target = Path(path)
    label = str(path)
    git = split_git_spec(str(path)) if not target.exists() else None
    if git is not None:
        repo, rev, folder = git
        return GitSource(repo, rev, folder, label, limit)
    if target.is_dir():
        if not (target / "datapackage.json").is_file():
            raise PackageReadError(label, "no datapackage.json in this folder", "该文件夹中没有 datapackage.json")
        return FolderSource(target, label, limit)
    if not target.is_file():
        raise PackageReadError(label, "no such file or folder", "文件或文件夹不存在")
    if target.name == "datapackage.json" or target.suffix == ".json":
        return FolderSource(target.parent, str(target.parent) or ".", limit)
    if zipfile.is_zipfile(target):
        archive = zipfile.ZipFile(target)
        names = [n for n in archive.namelist() if PurePosixPath(n).name == "datapackage.json"]
        top = [n for n in names if n.count("/") <= 1]
        if len(top) != 1:
            raise PackageReadError(
                label,
                "the zip must hold exactly one datapackage.json, at its top or in one folder",
                "zip 中须有且仅有一个 datapackage.json（位于顶层或一个文件夹内）",
            )
        return ZipSource(archive, top[0].removesuffix("datapackage.json"), label, limit)
    raise PackageReadError(
        label,
        "not a package folder, a datapackage.json or a zip",
        "不是数据包文件夹、datapackage.json 或 zip",
    )
