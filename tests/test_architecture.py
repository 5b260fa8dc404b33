"""The layout rules of the guide, checked."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_analysis_imports_no_ui_library():
    for path in (ROOT / "analysis").rglob("*.py"):
        assert not _imports(path) & {"streamlit", "plotly", "kaleido"}, path


def test_pages_do_no_computation():
    for path in (ROOT / "pages").glob("*.py"):
        src = path.read_text()
        for banned in (".groupby(", ".merge(", "re.compile", "import re\n"):
            assert banned not in src, f"{path.name} computes ({banned}); move it to analysis/"


def test_nothing_reads_the_working_directory():
    for path in list((ROOT / "analysis").rglob("*.py")) + list((ROOT / "ui").rglob("*.py")):
        src = path.read_text()
        assert "os.getcwd" not in src and "Path.cwd" not in src, path
