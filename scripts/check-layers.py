#!/usr/bin/env python3
"""The crate's layers, checked from its source: the module-level import graph (every `crate::`
and `super::` path a module names, in a `use` or inline) must have no circle, and the pure
layers must not name the page's.

A module is a file: src/domain/index.rs is `domain::index`, src/domain.rs is `domain`. A path is
counted for the longest module it starts with. Paths through an ancestor (a facade such as
`crate::domain::Lang`, which `domain.rs` re-exports) and a parent's `pub use` of its own children
are not edges: a facade is not a dependency of its own parts.

Usage: scripts/check-layers.py [MODULE_PREFIX ...]
Circles are looked for among the modules under the prefixes given (all of `src` when none).
Exits 1 on a circle, or on a pure layer (domain, charts, office) naming another one.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"
PURE = ("domain", "charts", "office")
# What the pure layers may name: themselves, each other as the code map has it, and the
# synthetic datasets' generator (which is pure too).
ALLOWED = {
    "domain": ("domain",),
    "charts": ("charts", "domain"),
    "office": ("office", "charts", "domain"),
}


def module_of(path: Path) -> tuple:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts in (["lib"], ["main"]):
        return ()
    if parts[0] == "bin":
        return None
    if parts[-1] == "mod":
        parts = parts[:-1]
    return tuple(parts)


def strip_comments(text: str) -> str:
    # A module's own tests (at its end, by the house's habit) are not its dependencies.
    tests = re.search(r"#\[cfg\((?:all\()?test\b[^\]]*\]\s*mod\s+\w+\s*\{", text)
    if tests:
        text = text[: tests.start()]
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    # String literals can hold paths in prose ("crate::x" in a message): blanked out.
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


def expand_use(body: str) -> list:
    """`a::{b, c::{d, e}}` → ["a::b", "a::c::d", "a::c::e"]."""
    body = body.strip()
    brace = body.find("{")
    if brace < 0:
        return [body.split(" as ")[0].strip()]
    prefix, inner = body[:brace], body[brace + 1 : body.rfind("}")]
    items, depth, current = [], 0, ""
    for c in inner:
        if c == "," and depth == 0:
            items.append(current)
            current = ""
            continue
        depth += c == "{"
        depth -= c == "}"
        current += c
    items.append(current)
    out = []
    for item in items:
        if item.strip():
            out += [prefix + p for p in expand_use(item)]
    return out


def paths_in(text: str) -> list:
    paths = []
    for m in re.finditer(r"\buse\s+([^;]+);", text):
        paths += expand_use(m.group(1))
    for m in re.finditer(r"\b((?:crate|super)(?:::[A-Za-z_][A-Za-z0-9_]*)+)", text):
        paths.append(m.group(1))
    return [re.sub(r"\s+", "", p) for p in paths]


def resolve(path: str, current: tuple, modules: set):
    parts = path.split("::")
    if parts[0] == "crate":
        base, rest = (), parts[1:]
    elif parts[0] == "super":
        base = current[:-1]
        rest = parts[1:]
        while rest and rest[0] == "super":
            base, rest = base[:-1], rest[1:]
    elif parts[0] == "self":
        base, rest = current, parts[1:]
    else:
        return None
    target = base
    for part in rest:
        if base + (part,) in modules or target + (part,) in modules:
            target = target + (part,)
        else:
            break
    return target


def main() -> int:
    prefixes = [tuple(p.split("::")) for p in sys.argv[1:]]
    files = {}
    for path in ROOT.rglob("*.rs"):
        module = module_of(path)
        if module is not None:
            files[module] = strip_comments(path.read_text(encoding="utf-8"))
    modules = set(files)
    edges = {m: set() for m in modules}
    for module, text in files.items():
        for path in paths_in(text):
            target = resolve(path, module, modules)
            if not target or target == module:
                continue
            # A facade (an ancestor) or a parent re-exporting its own child: no edge.
            if module[: len(target)] == target or target[: len(module)] == module:
                continue
            edges[module].add(target)

    failed = False
    for module in sorted(modules):
        if module and module[0] in PURE:
            for target in sorted(edges[module]):
                if target and target[0] not in ALLOWED[module[0]] and target[0] != "synthetic":
                    print(f"layer: {'::'.join(module)} names {'::'.join(target)}")
                    failed = True

    chosen = {
        m for m in modules if not prefixes or any(m[: len(p)] == p for p in prefixes)
    }
    # Tarjan's strongly connected components over the chosen modules.
    index, low, stack, on_stack, circles, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v] & chosen):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in sorted(chosen):
        if v not in index:
            visit(v)
    for circle in circles:
        names = ["::".join(m) for m in circle]
        print(f"circle of {len(names)} modules: {', '.join(names)}")
        for m in circle:
            inside = sorted("::".join(t) for t in edges[m] if t in circle)
            print(f"  {'::'.join(m)} → {', '.join(inside)}")
        failed = True
    if not failed:
        scope = ", ".join("::".join(p) for p in prefixes) or "src"
        print(f"layers: no import circle in {scope}; the pure layers name no view or web glue")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
