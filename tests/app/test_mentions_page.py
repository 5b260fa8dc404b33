import pytest

from tests.app import open_page


def test_mentions_page_counts_and_opens_evidence(app):
    at = open_page(app, "mentions")
    assert at.title[0].value == "Mentions"
    assert "5 articles" in " ".join(m.value for m in at.markdown)
    at.selectbox(key="m_actor").set_value("Wang Yi").run()
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "<mark>Wang Yi</mark>" in html or "<mark>Wang</mark>" in html
    everywhere = [c.value for c in at.caption if "mention(s) of" in c.value]
    outlet = at.selectbox(key="m_outlet")  # "all selected outlets" is a choice, shown as one
    assert outlet.value == "" and outlet.options[0] == "All selected outlets"
    at.selectbox(key="m_outlet").set_value(at.selectbox(key="m_outlet").options[1]).run()
    one_outlet = [c.value for c in at.caption if "mention(s) of" in c.value]
    assert not at.exception and one_outlet and one_outlet != everywhere


@pytest.mark.parametrize("measure", ["mentions", "per_1k_words", "share_of_articles_pct"])
def test_every_measure_renders(app, measure):
    at = open_page(app, "mentions")
    at.radio(key="m_measure").set_value(measure).run()
    assert not at.exception


def test_filters_that_leave_nothing(app):
    at = open_page(app, "mentions")
    at.multiselect(key="f_outlets").set_value([]).run()
    assert not at.exception and "No article matches" in at.info[0].value


def test_only_roles_counted(app):
    at = open_page(app, "mentions")
    at.get("button_group")[0].set_value(["role"]).run()
    assert not at.exception
    assert at.selectbox(key="m_actor").options[0] in ("Xi Jinping", "Antony Blinken")


def test_user_text_is_escaped_in_evidence(tmp_path, monkeypatch, app):
    (tmp_path / "a.txt").write_text("Xi Talks\n\nXi said <script>alert(1)</script> <b>no</b>.\n")
    (tmp_path / "actors.toml").write_text('[[actors]]\nname = "Xi Jinping"\nshort = ["Xi"]\n')
    monkeypatch.setenv("PRESSLENS_CORPUS", str(tmp_path))
    at = open_page(app, "mentions")
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_registry_edit_is_saved_and_counted(app, corpus_copy):
    at = open_page(app, "registry")
    at.text_input(key="new_name").set_value("Yi Gang")
    at.text_input(key="new_short").set_value("Yi")
    next(b for b in at.button if b.label == "Add actor").click().run()
    assert not at.exception
    assert 'name = "Yi Gang"' in (corpus_copy / "actors.toml").read_text()
    assert "Added" in at.success[0].value


def test_invalid_registry_edit_is_refused_and_file_kept(app, corpus_copy):
    before = (corpus_copy / "actors.toml").read_text()
    at = open_page(app, "registry")
    at.text_input(key="new_name").set_value("Someone New")
    at.text_input(key="new_aliases").set_value("Xi Jinping")  # an alias another actor owns
    next(b for b in at.button if b.label == "Add actor").click().run()
    assert not at.exception
    assert "already claimed" in at.error[0].value and "unchanged" in at.error[0].value
    assert (corpus_copy / "actors.toml").read_text() == before


def test_broken_registry_file_is_reported_not_raised(app, corpus_copy):
    (corpus_copy / "actors.toml").write_text("[[actors]\nname = ")
    at = open_page(app, "mentions")
    assert "not valid TOML" in at.error[0].value


def test_expanders_run_their_content_only_when_open(app):
    at = open_page(app, "mentions")
    assert all(not e.dataframe and not e.caption for e in at.expander)
    for key in ("m_numbers", "m_surfaces", "m_unresolved"):
        at.session_state[key] = True
    at.run()
    assert not at.exception
    numbers, surfaces, unresolved = (next(e for e in at.expander if e.label.startswith(start))
                                     for start in ("The numbers", "Surface forms", "Unresolved"))
    assert {"per_1k_words", "outlet_words"} <= set(numbers.dataframe[0].value.columns)
    assert {"surface", "mentions"} <= set(surfaces.dataframe[0].value.columns)
    assert "Every mention in the selection resolved" in unresolved.caption[0].value


def test_unresolved_mentions_are_listed_with_their_sentence(tmp_path, monkeypatch, app):
    (tmp_path / "a.txt").write_text("Talks\n\nXi Jinping met officials. Wang said the talks went well.\n")
    (tmp_path / "actors.toml").write_text(
        '[[actors]]\nname = "Xi Jinping"\n\n[[actors]]\nname = "Wang Yi"\nshort = ["Wang"]\n\n'
        '[[actors]]\nname = "Wang Wenbin"\nshort = ["Wang"]\n')
    monkeypatch.setenv("PRESSLENS_CORPUS", str(tmp_path))
    at = open_page(app, "mentions")
    at.session_state["m_unresolved"] = True
    at.run()
    unresolved = next(e for e in at.expander if e.label.startswith("Unresolved mentions (1)"))
    table = unresolved.dataframe[0].value
    assert table["surface"].tolist() == ["Wang"]
    assert table["sentence"].tolist() == ["Wang said the talks went well."]


def test_evidence_comes_in_pages_of_twenty(app):
    """The most named seed actor has far more than 20 sentences: page 1 shows 20, the last
    page the rest, and each page different sentences."""
    from ui.evidence import PAGE_SIZE

    at = open_page(app, "mentions")
    actor = at.selectbox(key="m_actor").value
    pager = [n for n in at.number_input if n.key.startswith("m_page:")]
    assert pager and pager[0].max > 1

    def shown():
        body = " ".join(h.proto.body for h in at.get("html"))
        return body.count('class="pl-ev"'), body

    first, first_body = shown()
    assert first == PAGE_SIZE, actor
    pager[0].set_value(pager[0].max).run()
    last, last_body = shown()
    assert not at.exception and 0 < last <= PAGE_SIZE and last_body != first_body
