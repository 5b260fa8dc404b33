import multiprocessing as mp
import time

from presslens.bench import OUTLETS, synthetic_corpus
from presslens.memory import ChildrenPeak, peak_mb
from analysis.corpus import load_corpus


def test_synthetic_corpus_is_realistic_and_reproducible(tmp_path):
    path = synthetic_corpus(30, tmp_path / "a")
    again = synthetic_corpus(30, tmp_path / "b")
    assert path.read_bytes() == again.read_bytes()
    c = load_corpus(path)
    assert len(c.articles) == 30 and c.problems.empty
    assert c.articles["words"].between(550, 1100).all()
    assert set(c.articles["outlet"]) <= set(OUTLETS) and c.articles["outlet"].nunique() > 5
    assert c.articles["published"].dt.year.eq(2023).all()
    assert (path.parent / "actors.toml").exists()



def _hold(mb: int, out, inbox) -> None:
    before = peak_mb()
    block = bytearray(mb * 2**20)
    block[::4096] = b"\x01" * len(range(0, len(block), 4096))  # make the pages resident
    out.put((before, peak_mb()))
    inbox.get(timeout=120)  # hold the memory until the parent has looked


def test_peak_memory_is_each_process_own_not_its_parents():
    """A spawned process starts as a fork of its parent, and its ru_maxrss keeps the parent's
    size: peak_mb and ChildrenPeak read each process's own high-water mark instead."""
    parent = bytearray(400 * 2**20)
    parent[::4096] = b"\x01" * len(range(0, len(parent), 4096))
    ctx = mp.get_context("spawn")
    out, inbox = ctx.Queue(), ctx.Queue()
    with ChildrenPeak(every=0.05) as children:
        proc = ctx.Process(target=_hold, args=(100, out, inbox))
        proc.start()
        before, child_own = out.get(timeout=120)
        time.sleep(0.3)  # a few looks at the child while it holds its 100 MB
        inbox.put("done")
        proc.join(timeout=60)
    parent_own = peak_mb()
    assert parent_own >= 400
    # The child's peak is its imports plus the 100 MB it holds, far below the parent's 400 MB
    # block plus whatever the test run has loaded by now.
    assert 95 <= child_own - before < 200, (before, child_own)
    assert child_own < parent_own - 250, (child_own, parent_own)
    assert child_own <= children.mb < parent_own - 250, (children.mb, parent_own)
