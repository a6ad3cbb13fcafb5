"""The apps form layers: no two apps import each other, and `access` imports no app at all.

Every import counts, also one inside a function: a lazy import hides a cycle from Python, not
from the reader. Tests are left out, since a test may build a world from any app.
"""

import ast
import itertools
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # src/omzien
BOTTOM = "access"


def source_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) > 1 and "tests" not in parts and "migrations" not in parts:
            yield path


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path):
    """The absolute names of the modules `path` imports, each with its line."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    yield from imports_in(ast.parse(path.read_text(), str(path)), package)


def imports_in(tree: ast.AST, package: list[str]):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            yield ".".join([*base, node.module] if node.module else base), node.lineno


def app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "omzien" and len(parts) > 1 and (PACKAGE / parts[1]).is_dir():
        return parts[1]
    return None


def app_imports() -> dict[str, dict[str, list[str]]]:
    """For each app, the other apps it imports, each with where it does."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in source_files():
        app = app_of(module_name(path))
        for module, line in imported_modules(path):
            other = app_of(module)
            if other and other != app:
                graph[app][other].append(f"{path.relative_to(PACKAGE)}:{line}")
    return graph


def test_no_two_apps_import_each_other():
    graph = app_imports()
    cycles = [
        f"{a} <-> {b}: {graph[a][b][0]} and {graph[b][a][0]}"
        for a, b in itertools.combinations(sorted(graph), 2)
        if b in graph[a] and a in graph[b]
    ]
    assert not cycles, "Apps that import each other:\n" + "\n".join(cycles)


def test_the_bottom_layer_imports_no_app():
    assert not dict(app_imports()[BOTTOM])


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    tree = ast.parse(
        "def later():\n    from omzien.matches.models import Match\nfrom ..models import X"
    )
    found = {module for module, _ in imports_in(tree, ["omzien", "intake", "signup"])}
    assert found == {"omzien.matches.models", "omzien.intake.models"}
