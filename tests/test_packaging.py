"""How parley installs: the bounds in pyproject.toml match the exact pins of the lock, and an
installed package keeps its data out of site-packages."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from parley import settings
from parley.settings import REPO_ROOT

# A pin of the lock: ``name==version \`` at the start of a line.
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", re.MULTILINE)
# The build backend is pinned for the editable install; pyproject names it in build-system.
_BUILD_ONLY = {"setuptools"}


def _declared() -> list[Requirement]:
    """The runtime dependencies and every extra (dev, deploy) of pyproject.toml."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    lines = project["dependencies"] + [line for group in extras.values() for line in group]
    return [Requirement(line) for line in lines]


def _pins(text: str) -> dict[str, str]:
    """``name -> version`` of every ``name==version`` line."""
    return {canonicalize_name(name): version for name, version in _PIN.findall(text)}


def test_every_declared_dependency_is_locked_within_its_bounds() -> None:
    locked = _pins((REPO_ROOT / "requirements.lock").read_text())
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is in pyproject.toml but not in requirements.lock"
        assert requirement.specifier, f"{name} has no version bounds in pyproject.toml"
        assert requirement.specifier.contains(locked[name]), (
            f"requirements.lock pins {name}=={locked[name]}, outside {requirement.specifier}"
        )


def test_requirements_in_lists_the_declared_dependencies() -> None:
    direct = _pins((REPO_ROOT / "requirements.in").read_text())
    declared = {canonicalize_name(r.name) for r in _declared()}
    assert set(direct) - _BUILD_ONLY == declared


def test_an_installed_package_keeps_its_data_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (settings.DROPS_DIR_ENV, settings.WAREHOUSE_ENV, settings.DAGSTER_HOME_ENV):
        monkeypatch.delenv(name, raising=False)
    assert settings.data_root() == REPO_ROOT  # this checkout
    # As in site-packages after `pip install .`: the package folder holds no pyproject.toml.
    monkeypatch.setattr(settings, "REPO_ROOT", tmp_path / "site-packages")
    monkeypatch.chdir(tmp_path)
    assert settings.drops_dir() == tmp_path / "drops"
    assert settings.warehouse_path() == tmp_path / "warehouse" / "parley.duckdb"
    assert settings.dagster_home() == tmp_path / ".dagster_home"


@pytest.mark.parametrize("package", ["parley", "warehouse"])
def test_every_sql_and_data_file_ships_in_the_package(package: str) -> None:
    # The modules load these by path: a file the globs miss is missing from `pip install .`.
    globs = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ][package]
    root = REPO_ROOT / package
    shipped = {path for pattern in globs for path in root.glob(pattern)}
    needed = {path for ext in ("*.sql", "*.csv") for path in root.rglob(ext)}
    assert sorted(str(p.relative_to(root)) for p in needed - shipped) == []
