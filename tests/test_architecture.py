"""The layout rules of the guide, checked: layers by following imports transitively, no import
circles, thin pages, nothing reading the working directory."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("analysis", "figures", "ui", "pages", "presslens", "dashboard")
SCREEN = frozenset({"streamlit", "plotly", "kaleido"})
# Each layer and the project packages it may never reach, however indirectly.
LAYERS = {
    "analysis": ({"figures", "ui", "pages", "presslens", "dashboard"}, SCREEN),  # pure
    "figures": ({"ui", "pages", "presslens", "dashboard"}, {"streamlit"}),  # drawing
    "ui": ({"pages", "presslens", "dashboard"}, set()),  # the Streamlit layer
}


def modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file of every project module under `root`."""
    found = {}
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        if rel.parts[0] not in PROJECT and rel.with_suffix("").parts[0] not in PROJECT:
            continue
        name = ".".join(rel.with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


def imports(name: str, path: Path) -> set[str]:
    """Every module name `path` imports, at any depth of its code (function-level imports
    count: they are circles dodged, not circles avoided), relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            out.add(base)
            out |= {f"{base}.{a.name}" for a in node.names}
    return out


def graph(root: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(project module -> project modules it imports, project module -> outside top-level
    packages it imports)."""
    mods = modules(root)

    def resolve(name: str) -> str:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name

    local, outside = {}, {}
    for name, path in mods.items():
        names = imports(name, path)
        local[name] = {resolve(i) for i in names} - {"", name}
        outside[name] = {i.split(".")[0] for i in names if not resolve(i)}
    return local, outside


def layer_breaks(root: Path) -> list[str]:
    """Each path by which a layer reaches what it must not, as 'a -> b -> … -> forbidden'."""
    local, outside = graph(root)
    found = []
    for start in sorted(local):
        layer = start.split(".")[0]
        if layer not in LAYERS:
            continue
        banned_local, banned_outside = LAYERS[layer]
        came_from = {start: None}
        stack = [start]
        while stack:
            mod = stack.pop()
            trail = []
            step = mod
            while step is not None:
                trail.append(step)
                step = came_from[step]
            path = " -> ".join(reversed(trail))
            found += [f"{path} -> {e}" for e in sorted(outside[mod] & banned_outside)]
            for nxt in sorted(local[mod]):
                if nxt.split(".")[0] in banned_local:
                    found.append(f"{path} -> {nxt}")
                elif nxt not in came_from:
                    came_from[nxt] = mod
                    stack.append(nxt)
    return found


def circles(root: Path) -> list[list[str]]:
    """Import circles: strongly connected groups of two or more modules (Tarjan). A package's
    __init__ importing its own submodules is not one."""
    local, _ = graph(root)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in local[v]:
            if w.startswith(v + "."):  # a package importing its own submodule
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(local):
        if v not in index:
            visit(v)
    return groups


def test_no_layer_reaches_what_it_must_not():
    assert layer_breaks(ROOT) == []


def test_no_import_circles():
    assert circles(ROOT) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, src in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(src)
    return tmp_path


def test_the_checks_see_indirect_paths_and_circles(tmp_path):
    """The checker itself: a pure module reaching plotly and ui/ through two others, a drawing
    module reaching Streamlit, and a circle dodged with a function-level import."""
    root = _tree(tmp_path, {
        "analysis/__init__.py": "", "analysis/a.py": "from analysis import b\n",
        "analysis/b.py": "import analysis.c\n",
        "analysis/c.py": "def f():\n    from ui.x import y\n    import plotly.io\n",
        "analysis/d.py": "from .e import g\n", "analysis/e.py": "def g():\n    from analysis import d\n",
        "ui/__init__.py": "", "ui/x.py": "import streamlit\ny = 1\n",
        "figures/__init__.py": "", "figures/f.py": "from ui import x\n",
    })
    breaks = layer_breaks(root)
    assert "analysis.a -> analysis.b -> analysis.c -> plotly" in breaks
    assert "analysis.a -> analysis.b -> analysis.c -> ui.x" in breaks
    assert "figures.f -> ui.x" in breaks
    assert circles(root) == [["analysis.d", "analysis.e"]]
    clean = _tree(tmp_path / "clean", {"analysis/__init__.py": "from analysis import a\n",
                                       "analysis/a.py": "import numpy\n"})
    assert layer_breaks(clean) == [] and circles(clean) == []


def test_pages_do_no_computation():
    for path in (ROOT / "pages").glob("*.py"):
        src = path.read_text()
        for banned in (".groupby(", ".merge(", "re.compile", "import re\n"):
            assert banned not in src, f"{path.name} computes ({banned}); move it to analysis/"


def test_nothing_reads_the_working_directory():
    for layer in ("analysis", "figures", "ui"):
        for path in (ROOT / layer).rglob("*.py"):
            src = path.read_text()
            assert "os.getcwd" not in src and "Path.cwd" not in src, path
