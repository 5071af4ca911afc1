"""An actor's profile on the Aktører page: what it tells the network, and the form
its own users (or the admin) keep it in."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.quarters import oslo_today
from tracker.service import events as wheel
from tracker.service.profiles import MAX_CONTACTS, Contact, Profile, ProfileInput, save_profile
from tracker.vocab import InstrumentKind, TargetGroup, WorkKind
from ui import widgets
from ui.forms import Slots, defaults, done, forget, noting_save, run_write, save_form_button, value
from ui.state import lang, t
from ui.text import plain, t_md

TEXTS = ("about", "members", "strategy", "focus_areas", "cooperation")  # several lines
LINES = ("area",)  # one line
LISTS = {"target_groups": TargetGroup, "work_kinds": WorkKind}  # chosen from the lists
CONTACT_PARTS = ("name", "role", "email")
HELP = {"focus_areas": "profile.focus_help"}


def show_profile(profile: Profile) -> None:
    """The profile as others read it, in two columns (who it is; what it works on and
    whom to call); an empty one says so."""
    st.subheader(t_md("profile.title", name=profile.actor_name))
    if profile.is_empty:
        st.caption(t_md("profile.empty", name=profile.actor_name))
        if profile.may_keep:
            st.caption(t("profile.empty_yours"))
        return
    shown = profile.values
    left, right = st.columns(2, gap="large")
    with left:
        for name in ("about", "members", "area", "strategy", "cooperation"):
            _field(name, [getattr(shown, name)])
    with right:
        _field("focus_areas", shown.focus_areas.splitlines())
        _field("themes", list(profile.themes))
        for name in ("target_groups", "work_kinds"):
            _field(name, [i18n.label(m, lang()) for m in getattr(shown, name)])
        if shown.contacts:
            lines = "  \n".join(_contact_line(c) for c in shown.contacts)
            st.markdown(f"**{t('profile.contacts')}**  \n{lines}")
    if profile.updated_at is not None:
        st.caption(t("profile.updated_at", when=i18n.format_datetime(profile.updated_at, lang())))


def show_year_and_offers(actor_id: int, events: pd.DataFrame, instruments: pd.DataFrame) -> None:
    """The actor's events and deadlines in the Årshjul this year, and what it offers
    (Virkemidler): what the others should know of it beside its profile."""
    year = oslo_today().year
    mine = events[events["actor_id"] == actor_id]
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown(f"**{t('profile.this_year', year=year)}**")
        happening = wheel.occurrences(mine, year) if not mine.empty else mine
        if happening.empty:
            st.caption(t("profile.nothing_yet"))
        for row in happening.to_dict("records"):
            st.markdown(f"{widgets.date_text(row['date'])} · {plain(row['title'])}")
    with right:
        st.markdown(f"**{t('page.instruments')}**")
        offered = instruments[instruments["actor_id"] == actor_id]
        if offered.empty:
            st.caption(t("profile.nothing_yet"))
        for row in offered.to_dict("records"):
            kind = i18n.label(InstrumentKind(row["kind"]), lang())
            st.markdown(f"{plain(row['name'])} · {kind}")


def profile_form(profile: Profile, themes: dict[int, str]) -> None:
    """The form behind «Rediger profilen»; shown only to those who may keep it."""
    prefix = f"profile_{profile.actor_id}"
    start = _start(profile)
    defaults(prefix, start)
    slots = Slots()
    with st.expander(t("profile.edit"), expanded=profile.is_empty):
        for name in ("about", "members"):
            st.text_area(t(f"field.actor_profile.{name}"), key=f"{prefix}_{name}", height=90)
            slots.add(name)
        st.text_input(t("field.actor_profile.area"), key=f"{prefix}_area")
        slots.add("area")
        for name in ("strategy", "focus_areas"):
            st.text_area(
                t(f"field.actor_profile.{name}"),
                key=f"{prefix}_{name}",
                height=90,
                help=t(HELP[name]) if name in HELP else None,
            )
            slots.add(name)
        st.multiselect(
            t("field.actor_profile.themes"),
            list(themes),
            format_func=lambda theme_id: themes.get(theme_id, str(theme_id)),
            key=f"{prefix}_theme_ids",
            help=t("profile.themes_help"),
            placeholder=t("choice.pick"),
        )
        slots.add("theme_ids")
        for name, vocabulary in LISTS.items():
            labels = {m.value: i18n.label(m, lang()) for m in vocabulary}
            st.multiselect(
                t(f"field.actor_profile.{name}"),
                list(labels),
                format_func=labels.__getitem__,
                key=f"{prefix}_{name}",
                placeholder=t("choice.pick"),
            )
            slots.add(name)
        st.text_area(t("field.actor_profile.cooperation"), key=f"{prefix}_cooperation", height=70)
        slots.add("cooperation")
        _contact_fields(prefix, len(profile.values.contacts))
        slots.add("contacts")
        slots.add(None)
        submitted, typed = save_form_button(t("profile.save"), prefix, start)
    if submitted:
        ok, _ = run_write(
            lambda session, user: save_profile(
                session,
                user=user,
                actor_id=profile.actor_id,
                values=_typed_input(prefix, len(profile.values.contacts)),
                seen_version=value(prefix, "version"),
            ),
            slots=slots,
            saved=noting_save(prefix, typed),
        )
        if ok:
            forget(prefix, start)
            done(t_md("profile.saved", name=profile.actor_name))


def _field(name: str, values: list[str]) -> None:
    """A label and its text (lists with « · »), as typed: stored text is never Markdown."""
    text = " · ".join(plain(v).replace("\n", "  \n") for v in values if v.strip())
    if text:
        st.markdown(f"**{t(f'field.actor_profile.{name}')}**  \n{text}")


def _contact_line(contact: Contact) -> str:
    line = " – ".join(plain(part) for part in (contact.name, contact.role) if part)
    return f"{line} ({plain(contact.email)})" if contact.email else line


def _rows(stored: int) -> int:
    """The contact rows the form shows: the stored ones and one empty, at most the limit."""
    return min(stored + 1, MAX_CONTACTS)


def _start(profile: Profile) -> dict[str, Any]:
    shown = profile.values
    start: dict[str, Any] = {name: getattr(shown, name) for name in (*TEXTS, *LINES)}
    start |= {name: [m.value for m in getattr(shown, name)] for name in LISTS}
    start["theme_ids"] = list(shown.theme_ids)
    start["version"] = profile.version  # the version this form was filled from
    for row in range(_rows(len(shown.contacts))):
        contact = shown.contacts[row] if row < len(shown.contacts) else Contact("")
        for part in CONTACT_PARTS:
            start[f"contact{row}_{part}"] = getattr(contact, part)
    return start


def _contact_fields(prefix: str, stored: int) -> None:
    st.markdown(f"**{t('profile.contacts')}**")
    st.caption(t("profile.contacts_help"))
    for row in range(_rows(stored)):
        columns = st.columns(3)
        for column, part in zip(columns, CONTACT_PARTS, strict=True):
            column.text_input(
                t(f"field.actor_contact.{part}"),
                key=f"{prefix}_contact{row}_{part}",
                label_visibility="visible" if row == 0 else "collapsed",
            )


def _typed_input(prefix: str, stored: int) -> ProfileInput:
    contacts = tuple(
        Contact(*(value(prefix, f"contact{row}_{part}") for part in CONTACT_PARTS))
        for row in range(_rows(stored))
    )
    return ProfileInput(
        **{name: value(prefix, name) for name in (*TEXTS, *LINES)},
        target_groups=tuple(TargetGroup(code) for code in value(prefix, "target_groups")),
        work_kinds=tuple(WorkKind(code) for code in value(prefix, "work_kinds")),
        theme_ids=tuple(value(prefix, "theme_ids")),
        contacts=contacts,
    )
