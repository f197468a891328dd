"""No import circles between the modules of rte_desktop, type-only and in-function ones included.

A circle says two files know each other's insides: the shared part belongs with one of them or
one layer down. The circles that are still there are listed below as debt; a new one fails, and
so does a listed one that is gone (then strike it from the list).
"""

from __future__ import annotations

import grimp

KNOWN_CIRCLES: set[frozenset[str]] = set()  # none left: a new one is a bug


def _circles(graph: grimp.ImportGraph) -> set[frozenset[str]]:
    """The strongly connected groups of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                found.add(frozenset(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def _package_edges_removed(graph: grimp.ImportGraph) -> grimp.ImportGraph:
    """A package's __init__ re-exporting its own modules is not a circle between files."""
    for module in list(graph.modules):
        for other in graph.find_modules_directly_imported_by(module):
            if other.startswith(module + ".") or module.startswith(other + "."):
                graph.remove_import(importer=module, imported=other)
    return graph


def test_no_new_import_circles() -> None:
    graph = _package_edges_removed(grimp.build_graph("rte_desktop"))
    circles = {c for c in _circles(graph) if not any(".migrations." in m for m in c)}
    assert circles - KNOWN_CIRCLES == set(), "new import circle(s)"
    assert KNOWN_CIRCLES - circles == set(), "a listed circle is gone: strike it from the list"


def test_the_check_finds_a_circle() -> None:
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _circles(graph) == {frozenset({"pkg.a", "pkg.b"})}
