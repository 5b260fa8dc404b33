"""Actor registry: who counts as whom. Edits are validated, then saved atomically to the
corpus's actors.toml; every page recounts at once (the file is part of the corpus hash)."""
import streamlit as st

from analysis.actors import (ACTOR_TYPES, Actor, RegistryError, add_actor, confirm_actors,
                             edit_actors, merge_actors, person_actor, remove_actors,
                             save_registry, update_actor)
from analysis.counts import changed_rows, review_table
from analysis.library import read_only
from analysis.pipeline import corpus_folder, registry_path
from ui.data import on_demand, unclaimed_names, view

v = view()
analysed, corpus = v.analysed, v.corpus
registry = analysed.registry
path = registry_path(corpus)
st.title("Actor registry")
st.caption(f"`{path}` · {len(registry.actors)} actors. Aliases are plain text matched "
           "case-sensitively on word boundaries; short forms (surnames) may be shared and "
           "resolve to the person the article named most recently.")
for problem in analysed.registry_problems:
    st.error(f"{problem} — fix the file by hand; until then no actor is counted.")


def _save(new_registry, done: str) -> None:
    if read_only(corpus_folder(corpus)):
        st.error("The seed corpus is read-only: create a corpus on the Corpus page (it starts "
                 "with this registry) and edit its actors there.")
        return
    try:
        save_registry(new_registry, path)
    except RegistryError as exc:
        st.error("Not saved — the registry on disk is unchanged:\n\n" +
                 "\n".join(f"- {p}" for p in exc.problems))
        return
    except OSError as exc:
        st.error(f"Not saved: cannot write `{path}` ({exc}). The registry on disk is unchanged.")
        return
    st.session_state["_registry_notice"] = done
    st.rerun()


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip())


if notice := st.session_state.pop("_registry_notice", None):
    st.success(notice)

st.subheader("Review the actors")
st.caption("Tick rows, then confirm, merge or drop them together; or edit a name, type, aliases "
           "or short forms in the table and save. Discovered actors were found in the text and "
           "are counted already; confirming marks them as checked by you. Everything is saved "
           f"to `{path.name}`, so a review can be versioned and shared.")
f1, f2 = st.columns([3, 2])
needle = f1.text_input("Filter by name or alias", key="review_filter")
types = f2.multiselect("Types", ACTOR_TYPES, default=list(ACTOR_TYPES), key="review_types")
table = review_table(registry, analysed.mentions, analysed.corpus.sentence_text)
shown = table[table["type"].isin(types)]
if needle:
    hit = shown["actor"].str.contains(needle, case=False, regex=False) | shown[
        "aliases"].str.contains(needle, case=False, regex=False)
    shown = shown[hit]
edited = st.data_editor(
    shown, key="review", hide_index=True, width="stretch", height=420,
    disabled=[c for c in shown.columns if c not in ("select", "rename", "type", "aliases", "short")],
    column_order=["select", "actor", "rename", "type", "status", "mentions", "articles",
                  "outlets", "aliases", "short", "example"],
    column_config={
        "select": st.column_config.CheckboxColumn("✓", width="small"),
        "rename": st.column_config.TextColumn("Rename to", help="the old name stays an alias"),
        "type": st.column_config.SelectboxColumn("type", options=list(ACTOR_TYPES)),
        "example": st.column_config.TextColumn("A sentence that mentions it", width="large"),
    })
picked = edited.loc[edited["select"], "actor"].tolist()
b1, b2, b3, b4 = st.columns(4)
if b1.button(f"Confirm {len(picked)}", disabled=not picked, width="stretch"):
    _save(confirm_actors(registry, picked), f"Confirmed {len(picked)} actor(s).")
if b2.button(f"Merge {len(picked)}", disabled=len(picked) < 2, width="stretch",
             help="into the ticked actor with the most mentions; the others become its aliases"):
    into = edited[edited["select"]].sort_values("mentions", ascending=False)["actor"].iloc[0]
    _save(merge_actors(registry, into, picked),
          f"Merged {len(picked) - 1} actor(s) into {into!r}; their names count as {into!r} now.")
if b3.button(f"Drop {len(picked)}", disabled=not picked, width="stretch",
             help="not an actor: removed from the registry, and not found again"):
    _save(remove_actors(registry, picked), f"Dropped {len(picked)} actor(s): "
          + ", ".join(picked[:8]) + ("…" if len(picked) > 8 else ""))
changed = changed_rows(shown, edited)
if b4.button(f"Save {len(changed)} edit(s)", disabled=not changed, type="primary", width="stretch"):
    _save(edit_actors(registry, changed), f"Saved the edits to {len(changed)} actor(s).")

left, right = st.columns(2)
with left.form("add_actor", clear_on_submit=True):
    st.markdown("**Add an actor**")
    name = st.text_input("Canonical name", placeholder="Yi Gang", key="new_name")
    kind = st.selectbox("Type", ACTOR_TYPES)
    affiliation = st.text_input("Country or affiliation", placeholder="China")
    aliases = st.text_input("Aliases (comma-separated)", placeholder="Governor Yi Gang",
                            key="new_aliases")
    short = st.text_input("Short forms (comma-separated)", placeholder="Yi", key="new_short")
    if st.form_submit_button("Add actor", type="primary"):
        _save(add_actor(registry, Actor(name=name.strip(), type=kind,
                                        affiliation=affiliation.strip(),
                                        aliases=_split(aliases), short=_split(short))),
              f"Added {name.strip()!r}; every page now counts it.")

with right.form("edit_aliases"):
    st.markdown("**Add or remove aliases**")
    names = [a.name for a in registry.actors]
    who = st.selectbox("Actor", names, key="reg_actor") if names else None
    current = registry.by_name()[who] if who else None
    keep = st.multiselect("Aliases (remove by unticking)", list(current.aliases) if current else [],
                          default=list(current.aliases) if current else [])
    keep_short = st.multiselect("Short forms", list(current.short) if current else [],
                                default=list(current.short) if current else [])
    more = st.text_input("New aliases (comma-separated)")
    if st.form_submit_button("Save aliases", disabled=current is None):
        _save(update_actor(registry, who, aliases=(*keep, *_split(more)), short=tuple(keep_short)),
              f"Saved the aliases of {who!r}.")

st.subheader("Names no actor claims yet")
st.caption("Capitalised names that appear at least twice and are not matched by the registry. "
           "Promote one to count it on every page.")
found = (unclaimed_names(analysed)
         if on_demand("unclaimed names", corpus.articles, "unclaimed") else None)
if found is not None and found.empty:
    st.caption("None: every recurring name is claimed.")
elif found is not None:
    st.dataframe(found, hide_index=True, width="stretch", height=260,
                 column_config={"example": st.column_config.TextColumn("First sentence", width="large")})
    with st.form("promote"):
        c1, c2, c3 = st.columns([3, 2, 1], vertical_alignment="bottom")
        pick = c1.selectbox("Name", found["name"].tolist())
        kind = c2.selectbox("as a", ACTOR_TYPES, key="promote_type")
        if c3.form_submit_button("Promote", type="primary"):
            new = person_actor(pick) if kind == "person" else Actor(name=pick, type=kind)
            article = "an" if kind[0] in "aeiou" else "a"  # "an organization"
            _save(add_actor(registry, new), f"Promoted {pick!r} to {article} {kind}; every page now "
                  "counts it. Add aliases above if needed.")
