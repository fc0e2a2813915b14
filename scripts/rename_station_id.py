"""Codemod for issue 10: one name for a station, ``station_id``, instead of ``charger_id``.

Renames the identifier ``charger_id`` (parameters, local and module names, the names inside
f-string replacement fields) to ``station_id`` in ``src/ocppkit/**/*.py``, and keeps the public
and serialised ``charger_id`` names of the seed's API:

- every attribute: ``x.charger_id`` and class-level field declarations (``charger_id: str`` in
  dataclasses, pydantic models, TypedDicts, Protocols) and ``charger_id=`` keyword arguments
  (they name such fields: ``Transaction(charger_id=...)``). ``Charger``, ``Transaction``,
  ``ChargerSimulator`` and the views are read by tests and README examples through
  ``.charger_id``, and pydantic/TypedDict fields are serialised under their names;
- ``ChargerSimulator.__init__`` (its ``charger_id`` parameter);
- the public methods of ``OCPPServer`` and the classes it is built from (``Commands`` in the
  generated ``command_methods.py``, ``CommandSender``, ``TrackedHistory``, ``SecurityMethods``)
  that take a ``charger_id`` parameter;
- FastAPI endpoints and dependencies: a function decorated with ``@<router>.<verb>(...)`` or one
  whose ``charger_id`` parameter is a ``Query``/``Path``/``PathParam``, since FastAPI names the
  path or query parameter after the Python parameter;
- string literals (JSON keys such as ``"charger_id"``, ``{charger_id}`` route paths, docs).

A kept function is kept whole (its body reads the kept parameter). The codemod works on tokens
(``tokenize``), so it keeps formatting and comments, and it is idempotent: a second run finds no
``charger_id`` left to rename. It refuses (exit 1, nothing written) when a renamed function
already binds ``station_id``, which would merge two names.

Usage: python scripts/rename_station_id.py [--check] [ROOT]   (ROOT defaults to src/ocppkit)
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

OLD, NEW = "charger_id", "station_id"
# OCPPServer and the classes it is built from: their public methods keep ``charger_id``.
PUBLIC_CLASSES = {"OCPPServer", "Commands", "CommandSender", "TrackedHistory", "SecurityMethods"}
# Constructors whose parameter is the seed's public name.
PUBLIC_INIT_CLASSES = {"ChargerSimulator"}
ROUTE_VERBS = {"get", "post", "put", "delete", "patch", "head", "options", "websocket", "api_route"}
PARAM_MARKERS = ("Query(", "Path(", "PathParam(", "Header(", "Cookie(", "Form(", "Body(")
# a name in a replacement field, not an attribute and not a quoted key (``c['charger_id']``)
_NAME_IN_FIELD = re.compile(r"(?<![\w.'\"])charger_id\b(?!['\"])")


@dataclass
class Plan:
    """What one file keeps: line spans of kept functions and the positions of kept names."""

    kept_spans: list[tuple[int, int]] = field(default_factory=list)
    kept_positions: set[tuple[int, int]] = field(default_factory=set)
    kept_functions: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def kept_line(self, line: int) -> bool:
        return any(start <= line <= end for start, end in self.kept_spans)


def _is_route(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for deco in fn.decorator_list:
        call = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(call, ast.Attribute) and call.attr in ROUTE_VERBS:
            return True
    return False


def _args(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    a = fn.args
    every = [*a.posonlyargs, *a.args, *a.kwonlyargs]
    every += [x for x in (a.vararg, a.kwarg) if x is not None]
    return every


def _is_fastapi_param(source: str, arg: ast.arg) -> bool:
    if arg.annotation is None:
        return False
    text = ast.get_source_segment(source, arg.annotation) or ""
    return any(marker in text for marker in PARAM_MARKERS)


def _keeps(source: str, fn: ast.FunctionDef | ast.AsyncFunctionDef, owner: str | None) -> bool:
    params = [arg for arg in _args(fn) if arg.arg == OLD]
    if not params:
        return False
    if owner in PUBLIC_INIT_CLASSES and fn.name == "__init__":
        return True
    if owner in PUBLIC_CLASSES and not fn.name.startswith("_"):
        return True
    return _is_route(fn) or any(_is_fastapi_param(source, arg) for arg in params)


def _uses(fn: ast.AST, name: str) -> bool:
    return any(
        (isinstance(node, ast.Name) and node.id == name)
        or (isinstance(node, ast.arg) and node.arg == name)
        for node in ast.walk(fn)
    )


def plan(source: str, path: str) -> Plan:
    tree = ast.parse(source)
    result = Plan()

    def visit(node: ast.AST, owner: str | None, kept: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                for stmt in child.body:  # field declarations: ``charger_id: str``
                    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                        if stmt.target.id == OLD:
                            target = stmt.target
                            result.kept_positions.add((target.lineno, target.col_offset))
                visit(child, child.name, kept)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                keep = kept or _keeps(source, child, owner)
                if keep and not kept:
                    assert child.end_lineno is not None
                    start = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                    result.kept_spans.append((start, child.end_lineno))
                    result.kept_functions.append(
                        f"{path}:{child.lineno} {owner or ''}.{child.name}"
                    )
                if not keep and _uses(child, OLD) and _uses(child, NEW):
                    result.conflicts.append(f"{path}:{child.lineno} {child.name} uses both names")
                visit(child, None, keep)
            else:
                if isinstance(child, ast.keyword) and child.arg == OLD:
                    result.kept_positions.add((child.lineno, child.col_offset))
                visit(child, owner, kept)

    visit(tree, None, False)
    return result


def _rename_fstring(text: str) -> str:
    """``text`` (an f-string token) with ``charger_id`` renamed inside its replacement fields."""
    out, i, depth, start = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if depth == 0 and ch in "{}" and text[i : i + 2] in ("{{", "}}"):
            i += 2
            continue
        if ch == "{":
            if depth == 0:
                out.append(text[start : i + 1])
                start = i + 1
            depth += 1
        elif ch == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                out.append(_NAME_IN_FIELD.sub(NEW, text[start:i]))
                start = i
        i += 1
    out.append(text[start:])
    return "".join(out)


def _is_fstring(token: str) -> bool:
    prefix = re.match(r"[A-Za-z]*", token)
    return prefix is not None and "f" in prefix.group().lower()


def rewrite(source: str, path: str = "<source>") -> tuple[str, Plan]:
    """The renamed ``source`` and what was kept."""
    if OLD not in source:
        return source, Plan()
    result = plan(source, path)
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    previous = ""
    for tok in tokens:
        (row, col), (end_row, end_col) = tok.start, tok.end
        if tok.type == tokenize.NAME and tok.string == OLD:
            if not (
                previous == "." or (row, col) in result.kept_positions or result.kept_line(row)
            ):
                edits.append((offsets[row - 1] + col, offsets[end_row - 1] + end_col, NEW))
        elif tok.type == tokenize.STRING and _is_fstring(tok.string) and OLD in tok.string:
            if not result.kept_line(row):
                renamed = _rename_fstring(tok.string)
                if renamed != tok.string:
                    start = offsets[row - 1] + col
                    edits.append((start, offsets[end_row - 1] + end_col, renamed))
        if tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT):
            previous = tok.string
    for start, end, text in reversed(edits):
        source = source[:start] + text + source[end:]
    return source, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="src/ocppkit", type=Path)
    parser.add_argument("--check", action="store_true", help="only say which files would change")
    parser.add_argument("--verbose", action="store_true", help="list the kept functions")
    args = parser.parse_args(argv)
    changed: dict[Path, str] = {}
    conflicts: list[str] = []
    for path in sorted(args.root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        new, result = rewrite(source, str(path))
        conflicts += result.conflicts
        if args.verbose:
            for name in result.kept_functions:
                print(f"kept: {name}")
        if new != source:
            changed[path] = new
    if conflicts:
        print("refusing, a renamed scope already has station_id:", *conflicts, sep="\n  ")
        return 1
    for path, new in changed.items():
        print(f"{'would rename in' if args.check else 'renamed in'} {path}")
        if not args.check:
            path.write_text(new, encoding="utf-8")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
