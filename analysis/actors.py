"""The actor registry: who counts as whom, in a TOML file the user can edit.

Each `[[actors]]` entry has:
- `name`: the canonical full name ("Joe Biden", "China", "White House");
- `type`: person, country or organization; `affiliation`: country or body it belongs to;
- `aliases`: full surface forms ("Joe Biden", "U.S."); each belongs to exactly one actor.
  A person's aliases also match with a middle initial or suffix ("Janet L. Yellen");
- `short`: short forms, usually the surname ("Biden", "Li", "Burns"). Several actors may share
  one: the article decides (the person it named most recently), or it stays unresolved;
- `roles`: descriptions that stand for the actor ("the Chinese leader"), each with optional
  `from` / `to` dates (ISO) and `unambiguous = true` where no other actor fits in that period;
- `metonyms`: places standing for a government where they act ("Beijing" for China);
- `demonyms` (countries): adjectives naming the country ("Chinese"): a role qualified by one
  ("the Chinese president") fits only actors affiliated with that country. Not counted;
- `exclude`: longer names that contain an alias but are something else ("South China Sea");
- `discovered = true`: found in the corpus's text (analysis.inventory), not yet confirmed.

Aliases are literal text, never patterns: characters used by regular expressions are refused.
"""
from __future__ import annotations

import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import tomli_w

ACTOR_TYPES = ("person", "country", "organization")
_PATTERN_CHARS = re.compile(r"[\\^$*+?{}\[\]|()]")


@dataclass(frozen=True)
class Role:
    text: str
    date_from: date | None = None
    date_to: date | None = None
    unambiguous: bool = False

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.date_from is None and self.date_to is None or self.unambiguous
        return (self.date_from is None or day >= self.date_from) and (
            self.date_to is None or day <= self.date_to)


@dataclass(frozen=True)
class Actor:
    name: str
    type: str = "person"
    affiliation: str = ""
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    metonyms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    discovered: bool = False  # found by analysis.inventory, not yet confirmed by a person

    @property
    def all_aliases(self) -> tuple[str, ...]:
        """The name itself is always an alias."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True)
class Registry:
    actors: tuple[Actor, ...] = ()
    notes: str = ""  # the file's leading comment, kept on save

    def by_name(self) -> dict[str, Actor]:
        return {a.name: a for a in self.actors}


class RegistryError(ValueError):
    """The registry is invalid; `problems` lists every reason, each naming the actor."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def validate(registry: Registry) -> list[str]:
    """Every problem with the registry, as sentences a user can act on (empty: valid)."""
    problems = []
    seen_names: set[str] = set()
    claims: dict[str, str] = {}
    for i, a in enumerate(registry.actors, start=1):
        label = f"actor {i} ({a.name!r})" if a.name.strip() else f"actor {i}"
        if not a.name.strip():
            problems.append(f"{label}: the name is empty; give the full canonical name")
        if a.name in seen_names:
            problems.append(f"{label}: the name is used twice; merge the two entries")
        seen_names.add(a.name)
        if a.type not in ACTOR_TYPES:
            problems.append(f"{label}: type {a.type!r} is not one of {', '.join(ACTOR_TYPES)}")
        texts = [*a.all_aliases, *a.short, *a.metonyms, *a.exclude, *(r.text for r in a.roles)]
        for t in texts:
            if not t.strip():
                problems.append(f"{label}: an empty alias, role or metonym; remove it")
            elif _PATTERN_CHARS.search(t):
                problems.append(f"{label}: {t!r} looks like a pattern; aliases are plain text "
                                "(remove \\ ^ $ * + ? {{ }} [ ] | ( ))")
        for alias in (*a.all_aliases, *a.metonyms):
            owner = claims.get(alias)
            if owner and owner != a.name:
                problems.append(f"{label}: alias {alias!r} is already claimed by {owner!r}; an "
                                "alias belongs to one actor (use 'short' for shared surnames)")
            claims.setdefault(alias, a.name)
        for r in a.roles:
            if r.date_from and r.date_to and r.date_from > r.date_to:
                problems.append(f"{label}: role {r.text!r} ends before it starts")
    return problems


# --------------------------------------------------------------------------- file format
def _parse_date(value, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RegistryError([f"{where}: {value!r} is not a date (use YYYY-MM-DD)"]) from None


def _strings(entry: dict, key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegistryError([f"{where}: '{key}' must be a list of strings"])
    return tuple(v.strip() for v in value)


def parse_registry(text: str) -> Registry:
    """Parse and validate TOML text. Raises RegistryError naming every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError([f"not valid TOML: {exc}"]) from None
    actors = []
    for i, entry in enumerate(data.get("actors", []), start=1):
        where = f"actor {i} ({entry.get('name', '')!r})"
        roles = []
        for r in entry.get("roles", []):
            r = {"text": r} if isinstance(r, str) else r
            roles.append(Role(text=str(r.get("text", "")).strip(),
                              date_from=_parse_date(r.get("from"), where),
                              date_to=_parse_date(r.get("to"), where),
                              unambiguous=bool(r.get("unambiguous", False))))
        actors.append(Actor(
            name=str(entry.get("name", "")).strip(),
            type=str(entry.get("type", "person")).strip(),
            affiliation=str(entry.get("affiliation", "")).strip(),
            aliases=_strings(entry, "aliases", where),
            short=_strings(entry, "short", where),
            roles=tuple(roles),
            metonyms=_strings(entry, "metonyms", where),
            exclude=_strings(entry, "exclude", where),
            demonyms=_strings(entry, "demonyms", where),
            discovered=bool(entry.get("discovered", False)),
        ))
    lead = []
    for ln in text.splitlines():
        if not ln.startswith("#"):
            break
        lead.append(ln)
    registry = Registry(actors=tuple(actors), notes="\n".join(lead) + ("\n" if lead else ""))
    problems = validate(registry)
    if problems:
        raise RegistryError(problems)
    return registry


def load_registry(path: Path) -> Registry:
    """The registry at `path`; an empty one where the file does not exist."""
    if not path.exists():
        return Registry()
    return parse_registry(path.read_text(encoding="utf-8"))


def dump_registry(registry: Registry) -> str:
    entries = []
    for a in registry.actors:
        e: dict = {"name": a.name, "type": a.type}
        if a.affiliation:
            e["affiliation"] = a.affiliation
        for key in ("aliases", "short", "metonyms", "exclude", "demonyms"):
            if getattr(a, key):
                e[key] = list(getattr(a, key))
        if a.roles:
            e["roles"] = []
            for r in a.roles:
                rd: dict = {"text": r.text}
                if r.date_from:
                    rd["from"] = r.date_from.isoformat()
                if r.date_to:
                    rd["to"] = r.date_to.isoformat()
                if r.unambiguous:
                    rd["unambiguous"] = True
                e["roles"].append(rd)
        if a.discovered:
            e["discovered"] = True
        entries.append(e)
    return registry.notes + tomli_w.dumps({"actors": entries}, multiline_strings=False)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that a crash leaves the old file or the new, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_registry(registry: Registry, path: Path) -> None:
    """Validate, then write atomically. Raises RegistryError and leaves the file untouched."""
    problems = validate(registry)
    if problems:
        raise RegistryError(problems)
    write_atomic(path, dump_registry(registry))


# ------------------------------------------------------------------------------ editing
def add_actor(registry: Registry, actor: Actor) -> Registry:
    return replace(registry, actors=(*registry.actors, actor))


def update_actor(registry: Registry, name: str, **changes) -> Registry:
    """A registry where actor `name` has `changes` applied (e.g. aliases=(...))."""
    if name not in registry.by_name():
        raise RegistryError([f"no actor named {name!r}"])
    return replace(registry, actors=tuple(
        replace(a, **changes) if a.name == name else a for a in registry.actors))


def person_actor(name: str, *, affiliation: str = "") -> Actor:
    """A new person with the surname as short form, for promoting a discovered name."""
    parts = name.split()
    return Actor(name=name, type="person", affiliation=affiliation,
                 short=(parts[-1],) if len(parts) > 1 else ())


def confirm_actors(registry: Registry, names: list[str]) -> Registry:
    """The actors `names` marked as confirmed by a person (no longer `discovered`)."""
    chosen = set(names)
    return replace(registry, actors=tuple(replace(a, discovered=False) if a.name in chosen else a
                                          for a in registry.actors))


def remove_actors(registry: Registry, names: list[str]) -> Registry:
    """The registry without the actors `names` (the file is the registry: a removed actor is
    not discovered again while the corpus keeps its actors.toml)."""
    chosen = set(names)
    missing = chosen - set(registry.by_name())
    if missing:
        raise RegistryError([f"no actor named {n!r}" for n in sorted(missing)])
    return replace(registry, actors=tuple(a for a in registry.actors if a.name not in chosen))


def merge_actors(registry: Registry, into: str, others: list[str]) -> Registry:
    """One actor `into` that matches everything `others` matched: their names become its
    aliases, their aliases, short forms, roles and metonyms join its own; they are removed."""
    by_name = registry.by_name()
    missing = {into, *others} - set(by_name)
    if missing:
        raise RegistryError([f"no actor named {n!r}" for n in sorted(missing)])
    keep = by_name[into]
    merged = [by_name[n] for n in others if n != into]
    aliases = [*keep.aliases]
    short = [*keep.short]
    for a in merged:
        aliases += [a.name, *a.aliases]
        short += a.short
    combined = replace(
        keep, aliases=tuple(dict.fromkeys(x for x in aliases if x != keep.name)),
        short=tuple(dict.fromkeys(x for x in short if x not in aliases and x != keep.name)),
        roles=tuple(dict.fromkeys((*keep.roles, *(r for a in merged for r in a.roles)))),
        metonyms=tuple(dict.fromkeys((*keep.metonyms, *(m for a in merged for m in a.metonyms)))),
        exclude=tuple(dict.fromkeys((*keep.exclude, *(x for a in merged for x in a.exclude)))),
        discovered=False)
    gone = {a.name for a in merged}
    return replace(registry, actors=tuple(combined if a.name == into else a
                                          for a in registry.actors if a.name not in gone))


def edit_actors(registry: Registry, rows: list[dict]) -> Registry:
    """The registry with table edits applied: each row names an actor (`actor`, its name
    when read) and may give a new `name`, `type`, and comma-separated `aliases` and `short`.
    A renamed actor keeps its old name as an alias, so its mentions stay counted."""
    edits = {r["actor"]: r for r in rows}
    out = []
    for a in registry.actors:
        r = edits.get(a.name)
        if r is None:
            out.append(a)
            continue
        name = str(r.get("name", a.name)).strip() or a.name
        aliases = _split_list(r.get("aliases", ", ".join(a.aliases)))
        if name != a.name and a.name not in aliases:
            aliases = (a.name, *aliases)
        out.append(replace(a, name=name, type=str(r.get("type", a.type)),
                           aliases=tuple(x for x in aliases if x != name),
                           short=_split_list(r.get("short", ", ".join(a.short)))))
    return replace(registry, actors=tuple(out))


def _split_list(text) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in str(text or "").split(",") if p.strip()))
