import os

import pytest

from analysis.actors import (Actor, RegistryError, add_actor, dump_registry, load_registry,
                             parse_registry, save_registry, update_actor)
from analysis.corpus import SEEDS_DIR

SEED_REGISTRY = SEEDS_DIR / "actors.toml"


def test_seed_registry_is_valid_and_covers_the_people_quoted():
    reg = load_registry(SEED_REGISTRY)
    names = set(reg.by_name())
    for person in ["Joe Biden", "Xi Jinping", "Antony Blinken", "Janet Yellen", "Wang Yi",
                   "He Lifeng", "Jake Sullivan", "Ryan Hass", "Eswar Prasad", "Danny Russel",
                   "Yun Sun", "Shi Yinhong", "Wu Xinbo", "Volodymyr Fesenko", "Pavlo Klimkin",
                   "Matt Miller", "United States", "China", "Russia", "Ukraine", "Taiwan",
                   "White House"]:
        assert person in names


def test_round_trip_keeps_everything():
    reg = load_registry(SEED_REGISTRY)
    assert parse_registry(dump_registry(reg)) == reg


@pytest.mark.parametrize("entry,problem", [
    ('name = ""', "the name is empty"),
    ('name = "A B"\naliases = ["Xi.*"]', "looks like a pattern"),
    ('name = "A B"\ntype = "planet"', "is not one of"),
    ('name = "A B"\nroles = [{ text = "chief", from = "2023-05-01", to = "2023-01-01" }]',
     "ends before it starts"),
    ('name = "A B"\nroles = [{ text = "chief", from = "May 2023" }]', "is not a date"),
])
def test_invalid_entries_are_named(entry, problem):
    with pytest.raises(RegistryError) as exc:
        parse_registry(f"[[actors]]\n{entry}\n")
    assert problem in str(exc.value)


def test_alias_claimed_by_two_actors_is_refused_but_shared_surnames_are_fine():
    text = ('[[actors]]\nname = "Li Qiang"\nshort = ["Li"]\n'
            '[[actors]]\nname = "Li Shangfu"\nshort = ["Li"]\n')
    assert len(parse_registry(text).actors) == 2
    with pytest.raises(RegistryError, match="already claimed by 'Li Qiang'"):
        parse_registry(text + '[[actors]]\nname = "Someone"\naliases = ["Li Qiang"]\n')


def test_save_is_atomic_and_refuses_invalid(tmp_path, monkeypatch):
    path = tmp_path / "actors.toml"
    path.write_text(SEED_REGISTRY.read_text())
    before = path.read_text()
    reg = load_registry(path)
    with pytest.raises(RegistryError):
        save_registry(add_actor(reg, Actor(name="")), path)
    assert path.read_text() == before

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        save_registry(add_actor(reg, Actor(name="Yi Gang", short=("Yi",))), path)
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["actors.toml"]  # no temp file left


def test_edit_and_save(tmp_path):
    path = tmp_path / "actors.toml"
    reg = parse_registry('[[actors]]\nname = "Joe Biden"\nshort = ["Biden"]\n')
    reg = update_actor(reg, "Joe Biden", aliases=("Joseph R. Biden",))
    save_registry(add_actor(reg, Actor(name="Yi Gang", affiliation="China")), path)
    again = load_registry(path)
    assert again.by_name()["Joe Biden"].aliases == ("Joseph R. Biden",)
    assert "Yi Gang" in again.by_name()
