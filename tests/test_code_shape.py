"""The shape issue 12 set for the logic package: modules a reader can hold in mind (at most
400 lines), functions of at most 80 lines, and the layers' imports pointing one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOGIC_MODULES = sorted((ROOT / "parley").rglob("*.py"))
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
# parley is the logic package: it knows nothing of the warehouse and orchestration layers
# built on it.
LAYERS_ABOVE_LOGIC = ("warehouse", "assets", "pipelines")


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("module", LOGIC_MODULES, ids=_relative)
def test_a_logic_module_is_short_and_its_functions_too(module: Path) -> None:
    source = module.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    long_functions = [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long_functions == []


@pytest.mark.parametrize("module", LOGIC_MODULES, ids=_relative)
def test_the_logic_package_imports_no_layer_above_it(module: Path) -> None:
    imported = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert not imported & set(LAYERS_ABOVE_LOGIC)
