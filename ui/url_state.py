"""A page's widgets mirrored in the URL, so that a copied link opens the same view.

Each mirrored widget's key is its query parameter (`?m_measure=per_1k_words&m_top=20`). Before
the widget is drawn, `seed` puts the link's value into its state on the session's first run,
if the value is one the widget offers (an unknown one is ignored with a notice that names it);
after it is drawn, `mirror` writes its value back, or removes it while it is the default, so
that links stay short. Values travel as plain strings: an option's text, a number, 1/0.
"""
from __future__ import annotations

from typing import Any, Sequence

import streamlit as st

SEEDED = "_url_seeded"  # keys whose link value was already read this session


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else str(value)


def seed(key: str, options: Sequence | None = None, *, many: bool = False,
         number: tuple[int, int] | None = None, flag: bool = False, text: int = 0) -> None:
    """On this session's first run of the widget `key`, set its state from the link: one of
    `options` (several, with `many`), a whole number within `number` (low, high), a
    `flag` (1/0), or free `text` of up to that many characters (a search query)."""
    seeded = st.session_state.setdefault(SEEDED, set())
    if key in seeded:
        return
    seeded.add(key)
    raw = [r for r in st.query_params.get_all(key) if r.strip()]
    if not raw:
        return
    values, bad = [], []
    for r in raw if many else raw[:1]:
        value = _parse(r, options, number, flag, text)
        (bad if value is None else values).append(r if value is None else value)
    if bad:
        st.info(f"Ignored '{key}={', '.join(bad)}' from the link: this view does not offer it.")
    if values:
        st.session_state[key] = values if many else values[0]


def _parse(raw: str, options: Sequence | None, number: tuple[int, int] | None, flag: bool,
           text: int = 0):
    if text:
        return raw if len(raw) <= text else None
    if flag:
        return {"1": True, "0": False, "true": True, "false": False}.get(raw.lower())
    if number is not None:
        try:
            n = int(raw)
        except ValueError:
            return None
        return n if number[0] <= n <= number[1] else None
    by_text = {_text(o): o for o in options or ()}
    return by_text.get(raw)


def mirror(key: str, value: Any, default: Any) -> None:
    """Write the widget's `value` into the link, or drop it while it equals `default`."""
    if isinstance(value, (list, tuple)):
        same = list(value) == list(default or [])
        if same or not value:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = [_text(v) for v in value]
    elif value is None or value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = _text(value)


def bound(draw, label: str, key: str, options: Sequence | None = None, *, default: Any = None,
          many: bool = False, number: tuple[int, int] | None = None, flag: bool = False,
          text: int = 0, **kwargs):
    """Draw the widget `draw(label, options, key=key, **kwargs)` seeded from and mirrored into
    the link, starting at `default`; returns its value. The start value goes through the
    widget's state, never as its own default (Streamlit warns where both are given); a state
    value the options no longer hold (the corpus changed) falls back to `default`."""
    seed(key, options, many=many, number=number, flag=flag, text=text)
    state = st.session_state
    if key not in state:
        state[key] = list(default) if many else default
    elif options is not None:
        held = state[key] if many else [state[key]]
        if any(v not in options for v in held):
            state[key] = ([v for v in held if v in options] if many else default)
    if number is not None:
        kwargs.update(min_value=number[0], max_value=number[1])
    value = draw(label, *(() if options is None else (options,)), key=key, **kwargs)
    mirror(key, value, default)
    return value
