"""YAML as starlint reads it (rule files, `.starlint.yaml`, front matter): `safe_load`
semantics, and aliases bounded before the document is built.

A 353-byte rule file of nested aliases ("billion laughs") names a billion values; composed,
it is a few dozen shared nodes, but every walk of it (key lines, rule checks) expanded it:
19 s and 2.2 GB before an error. The node graph is measured first, each node once, and a
document whose aliases would add more than MAX_ALIAS_EXPANSION values, or that refers to
itself, is refused with the line of the value that crosses the bound.
"""

from __future__ import annotations

from typing import Any

import yaml

#: Values aliases may add to a document beyond those written out. Real rule files and
#: configs use a few aliases for shared lists (a hundred values or so); a bomb needs millions.
MAX_ALIAS_EXPANSION = 10_000


class AliasBombError(yaml.YAMLError):
    """Aliases expand beyond the bound, or an alias refers to its own value; like PyYAML's
    own errors it carries `problem` and `problem_mark`, so callers report `file:line`."""

    def __init__(self, problem: str, mark) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


def _loader_class():
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_aliases(node) -> None:
    """Count each value as often as aliases repeat it (each node measured once, so the
    check is linear in the composed graph); raise AliasBombError past the bound."""
    if node is None:
        return
    sizes: dict[int, int] = {}
    unique = 0
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        key = id(current)
        if children_done:
            on_path.discard(key)
            children = _children(current)
            total = 1 + sum(sizes[id(c)] for c in children)
            sizes[key] = total
            if total - unique > MAX_ALIAS_EXPANSION:
                raise AliasBombError(
                    f"aliases expand this value to over {MAX_ALIAS_EXPANSION:,} more values than are "
                    "written (an alias bomb?); write the values out or use fewer aliases",
                    current.start_mark)
            continue
        if key in sizes:
            continue  # an alias of a node measured already
        if key in on_path:
            raise AliasBombError("an alias refers to the value that contains it (a recursive alias)",
                                 current.start_mark)
        unique += 1
        on_path.add(key)
        stack.append((current, True))
        for child in _children(current):
            child_key = id(child)
            if child_key in on_path:
                raise AliasBombError("an alias refers to the value that contains it (a recursive alias)",
                                     child.start_mark)
            if child_key not in sizes:
                stack.append((child, False))


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def compose_checked(text: str):
    """(node, data): the composed node tree (for key lines) and the constructed document,
    or (None, None) for an empty one. Raises yaml.YAMLError (AliasBombError included)."""
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        check_aliases(node)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, with aliases bounded."""
    return compose_checked(text)[1]
