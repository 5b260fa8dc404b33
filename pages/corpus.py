"""Corpus: create corpora, upload articles, edit their metadata, find duplicates, delete."""
import pandas as pd
import streamlit as st

from analysis.library import (ACCEPTED, ConflictError, add_files, create_corpus, delete_article,
                              delete_corpus, read_only, read_sources, save_sources,
                              validate_sources)
from analysis.corpus import detected_by_file
from analysis.pipeline import corpus_folder
from ui.corpus_picker import switch_corpus
from ui.data import library, view

v = view()
corpus = v.corpus
folder = corpus_folder(corpus)
lib = library()
st.title("Corpus")
st.caption(f"Library: `{lib}` (set `PRESSLENS_LIBRARY` or `-- --library DIR` to move it). "
           "Each corpus is a folder of article files with sources.csv and actors.toml.")

if notice := st.session_state.pop("_corpus_notice", None):
    st.success(notice)

with st.expander("Create a corpus", expanded=read_only(folder)):
    with st.form("new_corpus", clear_on_submit=True):
        name = st.text_input("Name", placeholder="us-china-2023", key="new_corpus_name")
        if st.form_submit_button("Create", type="primary"):
            try:
                created = create_corpus(lib, name)
            except (ValueError, OSError) as exc:
                st.error(f"Not created: {exc}.")
            else:
                switch_corpus(created.name)
                st.session_state["_corpus_notice"] = (
                    f"Created {created.name!r}; upload articles below. Its actors are found in "
                    "their text (review them on the Actor registry page).")
                st.rerun()

if read_only(folder):
    st.info("The seed corpus is read-only. Create a corpus above (or pick one in the sidebar) "
            "to upload articles and edit metadata.")
    st.stop()

st.subheader(f"Upload to “{folder.name}”")
files = st.file_uploader("Articles", type=[s.lstrip(".") for s in ACCEPTED],
                         accept_multiple_files=True,
                         key=f"uploads_{st.session_state.get('_uploads_round', 0)}",
                         help="Text, Markdown, HTML, PDF or Word files, one article each; or a "
                              ".csv/.jsonl table with a 'text' column and optional outlet, "
                              "published, title, authors, url.")
if files and st.button("Add to corpus", type="primary"):
    try:
        result = add_files(folder, [(f.name, f.getvalue()) for f in files])
    except (PermissionError, ConflictError, OSError) as exc:
        st.error(f"Nothing was added: {exc}")
    else:
        st.session_state["_intake"] = result
        # a fresh uploader: the files just added are not offered again
        st.session_state["_uploads_round"] = st.session_state.get("_uploads_round", 0) + 1
        st.rerun()
if result := st.session_state.pop("_intake", None):
    if result.added:
        st.success(f"Added {len(result.added)} article(s): {', '.join(result.added[:10])}"
                   f"{' …' if len(result.added) > 10 else ''}. Every page now includes them.")
    for new, old in result.duplicates:
        st.warning(f"{new}: the same text is already in the corpus as {old}; not added again.")
    if result.problems:
        failed = len({p["file"] for p in result.problems})
        st.error(f"{failed:,} {'file or row was' if failed == 1 else 'files or rows were'} not "
                 "added (each is listed with why and what to do); everything else was:")
        st.dataframe(pd.DataFrame(result.problems), hide_index=True, width="stretch")

st.subheader("Articles and their metadata")
sources, read_hash = read_sources(folder)
st.session_state.setdefault("_sources_hash", read_hash)
st.caption("A blank field uses what was read from the article's text (the **detected** "
           "column: a URL line or address, a wire credit, a dateline, a Published line); type a "
           "value to override it.")
detected = detected_by_file(v.corpus.articles)
shown = sources.assign(detected=sources["file"].map(detected).fillna(""))
edited = st.data_editor(
    shown, hide_index=True, width="stretch", key="sources_editor", num_rows="fixed",
    disabled=["file", "detected"],
    column_config={"published": st.column_config.TextColumn("published", help="YYYY-MM-DD"),
                   "detected": st.column_config.TextColumn(
                       "detected", help="read from the text where the field is blank")},
).drop(columns="detected")
if st.button("Save metadata"):
    problems = validate_sources(edited)
    if problems:
        st.error("Not saved: " + "; ".join(problems))
    else:
        try:
            save_sources(folder, edited, st.session_state["_sources_hash"])
        except (ConflictError, PermissionError, OSError) as exc:
            st.error(f"Not saved: {exc}")
        else:
            st.session_state.pop("_sources_hash", None)
            st.session_state["_corpus_notice"] = "Metadata saved; every page is updated."
            st.rerun()

dups = v.analysed.duplicates
if not dups.empty:
    st.subheader("Near-duplicates")
    st.warning(f"{len(dups)} pair(s) of articles share most of their text (a wire story in two "
               "outlets, or one article twice). Both are counted until you delete one.")
    st.dataframe(dups, hide_index=True, width="stretch")

with st.expander("Delete"):
    files_in = sources["file"].tolist()
    if files_in:
        gone = st.selectbox("Article", files_in, key="delete_article")
        sure = st.checkbox(f"Yes, delete {gone} from this corpus", key="confirm_article")
        if st.button("Delete article", disabled=not sure):
            try:
                delete_article(folder, gone, read_hash)
            except (ValueError, ConflictError, PermissionError, OSError) as exc:
                st.error(f"Not deleted: {exc}")
            else:
                st.session_state["_corpus_notice"] = f"Deleted {gone}."
                st.rerun()
    typed = st.text_input(f"Type the corpus name ({folder.name}) to delete the whole corpus",
                          key="confirm_corpus")
    if st.button("Delete corpus", type="secondary", disabled=typed != folder.name):
        delete_corpus(lib, folder.name)
        switch_corpus(None)
        st.session_state["_corpus_notice"] = f"Deleted the corpus {folder.name}."
        st.rerun()
