"""Årshjul: the network's shared annual wheel. The year as a wheel and month by
month, filtered by actor, kind, theme and target group; clashes (same target
group, same week, different actors); calendar feeds; and, for an actor's users
(the admin: any actor), adding and deleting the actor's events."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import charts, i18n
from tracker.quarters import Quarter, oslo_today
from tracker.service import events as wheel
from tracker.service.calendar_feeds import FeedScope, feed_rows
from tracker.vocab import EventKind
from ui import browser_texts, calendar_links, data, figures, save_guard, widgets
from ui.forms import defaults, done, run_write, value
from ui.state import lang, require_user, t, tn
from ui.text import MISSING, t_md

FORM_FIELDS = ("actor", "title", "kind", "theme", "starts", "ends", "groups", "place", "link")
FORM_FIELDS += ("yearly",)

user = require_user()
plan_id = widgets.page_start("page.wheel")
st.write(t("wheel.intro"))

stored = data.events()
# the instruments' application deadlines: their actor's, read-only here (kept on Virkemidler)
shown = wheel.joined(stored, data.instrument_deadlines(lang=lang()))
deadlines = data.deadline_events(plan_id=plan_id, lang=lang())
everything = wheel.joined(shown, deadlines)
plan = data.plan_details(plan_id)
years = list(range(int(plan["start_year"]), int(plan["end_year"]) + 1))
if st.session_state.get("wheel_year") not in years:
    this_year = Quarter.current().year
    st.session_state["wheel_year"] = this_year if this_year in years else years[0]

actors = data.actors()
actor_names = dict(zip(actors["id"], actors["name"], strict=True))
themes = data.themes(plan_id)
theme_names = dict(zip(themes["id"], themes["name"], strict=True))
columns = st.columns([1, 2, 2, 2, 2])
year = columns[0].selectbox(t("wheel.year"), years, key="wheel_year", placeholder=t("choice.pick"))
actor_id = columns[1].selectbox(
    t("filter.actor"),
    [None, *sorted(set(shown["actor_id"]), key=lambda a: actor_names[a])],
    format_func=lambda a: t("filter.all") if a is None else actor_names[a],
    key="wheel_actor",
    placeholder=t("filter.all"),
)
kind = columns[2].selectbox(
    t("wheel.kind"),
    [None, *[k.value for k in EventKind]],
    format_func=lambda k: t("filter.all") if k is None else i18n.label(EventKind(k), lang()),
    key="wheel_kind",
    placeholder=t("filter.all"),
)
theme_id = columns[3].selectbox(
    t("filter.theme"),
    [None, *themes["id"].tolist()],
    format_func=lambda i: t("filter.all") if i is None else theme_names[i],
    key="wheel_theme",
    placeholder=t("filter.all"),
)
group = columns[4].selectbox(
    t("wheel.group"),
    [None, *wheel.target_groups(everything)],
    format_func=lambda g: t("filter.all") if g is None else g,
    key="wheel_group",
    placeholder=t("filter.all"),
)
color_by = st.radio(
    t("wheel.color_by"),
    ["actor", "kind"],
    horizontal=True,
    key="wheel_color",
    format_func=lambda c: t("col.actor") if c == "actor" else t("wheel.kind"),
)

chosen = wheel.filter_events(
    everything, actor_id=actor_id, kind=kind, theme_id=theme_id, group=group
)
happening = wheel.occurrences(chosen, year)
st.caption(tn("wheel.count", len(happening), year=year))
figures.chart(
    charts.wheel,
    happening,
    year,
    color_by,
    lang(),
    key="wheel_chart",
    scope=(plan_id, year, actor_id, kind, theme_id, group, color_by),
)

clashing = wheel.clashes(happening)
st.subheader(t("wheel.clashes", count=len(clashing)))
if clashing.empty:
    st.caption(t("wheel.no_clashes"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("wheel.col.week"): clashing["week"],
                t("wheel.group"): clashing["group"],
                t("wheel.col.first"): clashing["first_actor"] + ": " + clashing["first_title"],
                t("wheel.col.second"): clashing["second_actor"] + ": " + clashing["second_title"],
            }
        ),
        hide_index=True,
        width="stretch",
        key="wheel_clashes",
        placeholder=MISSING,
    )

st.subheader(t("wheel.months"))
for month in range(1, 13):
    rows = happening[[d.month == month for d in happening["date"]]]
    if rows.empty:
        continue
    st.markdown(f"**{t(f'wheel.month_name.{month}')}**")
    st.dataframe(
        pd.DataFrame(
            {
                t("wheel.col.date"): [widgets.date_text(d) for d in rows["date"]],
                t("wheel.col.title"): rows["title"],
                t("col.actor"): rows["actor"],
                t("wheel.kind"): [i18n.label(EventKind(k), lang()) for k in rows["kind"]],
                t("wheel.group"): [", ".join(g) for g in rows["target_groups"]],
                t("wheel.col.place"): rows["place"],
            }
        ),
        hide_index=True,
        width="stretch",
        key=f"wheel_month_{month}",
        placeholder=MISSING,
    )

st.subheader(t("wheel.calendar"))
st.markdown(t("calendar.help"))
st.caption(t("calendar.link_secret"))
# (scope, catalogue key and its values): the values are shown as typed in the title
# (Markdown) and stay as typed in the calendar's own name.
feeds: list[tuple[FeedScope, str, dict[str, str]]] = [
    (FeedScope(plan_id=plan_id), "wheel.download_all", {})
]
if actor_id is not None:
    feeds.append(
        (
            FeedScope(actor_id=int(actor_id)),
            "wheel.download_actor",
            {"actor": actor_names[actor_id]},
        )
    )
if theme_id is not None:
    feeds.append(
        (FeedScope(theme_id=theme_id), "wheel.download_theme", {"theme": theme_names[theme_id]})
    )
for scope, title_key, params in feeds:
    calendar_links.feed(
        scope,
        t(title_key, **params),
        t_md(title_key, **params),
        feed_rows(shown, deadlines, scope),
    )

keepable = data.keepable_actor_ids(user)
if keepable is not None and not keepable:
    st.stop()  # leaders read the wheel; actors and the admin keep it

st.subheader(t("wheel.add"))
st.caption(t("instruments.read_only"))
owners = keepable if keepable is not None else sorted(actor_names, key=actor_names.get)
if not owners:
    st.info(t("wheel.no_actors"))
    st.stop()
FORM = "wheel_f"
form = save_guard.fresh_key(FORM)  # a new key after each save: an empty form, no double entry
if note := save_guard.saved_note(FORM):
    st.success(note, icon=":material/check_circle:")
empty = {
    "actor": owners[0],
    "title": "",
    "kind": next(iter(EventKind)).value,
    "theme": None,
    "starts": oslo_today(),
    "ends": None,
    "groups": "",
    "place": "",
    "link": "",
    "yearly": False,
}
defaults(form, empty)
left, right = st.columns(2)
left.selectbox(
    t("col.actor"),
    owners,
    format_func=actor_names.get,
    key=f"{form}_actor",
    placeholder=t("choice.pick"),
)
right.text_input(t("wheel.field.title"), key=f"{form}_title")
left.selectbox(
    t("wheel.kind"),
    [k.value for k in EventKind],
    key=f"{form}_kind",
    format_func=lambda k: i18n.label(EventKind(k), lang()),
    placeholder=t("choice.pick"),
)
right.selectbox(
    t("filter.theme"),
    [None, *themes["id"].tolist()],
    key=f"{form}_theme",
    format_func=lambda i: "–" if i is None else theme_names[i],
    placeholder="–",
)
left.date_input(t("wheel.field.starts"), key=f"{form}_starts", format=browser_texts.date_format())
right.date_input(t("wheel.field.ends"), key=f"{form}_ends", format=browser_texts.date_format())
left.text_input(t("wheel.field.groups"), key=f"{form}_groups")
right.text_input(t("wheel.col.place"), key=f"{form}_place")
left.text_input(t("wheel.field.link"), key=f"{form}_link")
right.checkbox(t("wheel.field.yearly"), key=f"{form}_yearly")
typed = {field: value(form, field) for field in FORM_FIELDS}
if save_guard.save_button(t("wheel.save"), key=f"{form}_save", values=typed, empty=empty):
    values = wheel.EventInput(
        actor_id=int(typed["actor"]),
        title=typed["title"],
        kind=typed["kind"],
        starts=typed["starts"],
        ends=typed["ends"],
        yearly=typed["yearly"],
        theme_id=typed["theme"],
        target_groups=typed["groups"],
        place=typed["place"],
        link=typed["link"],
    )
    title = typed["title"].strip()
    shown = t_md(
        "wheel.saved_note",
        title=title,
        starts=widgets.date_text(typed["starts"]),
        actor=actor_names[typed["actor"]],
    )
    ok, _ = run_write(
        lambda session, who: wheel.save_event(session, user=who, values=values),
        saved=lambda _: save_guard.start_fresh(FORM, shown),
    )
    if ok:
        done(t_md("wheel.saved", title=title))

mine = stored if keepable is None else stored[stored["actor_id"].isin(keepable)]
if not mine.empty:
    st.subheader(t("wheel.delete"))
    labels = {
        int(r.id): f"{widgets.date_text(r.starts)} {r.title} ({r.actor})" for r in mine.itertuples()
    }
    doomed = st.selectbox(
        t("wheel.col.title"),
        list(labels),
        format_func=labels.get,
        key="wheel_delete_pick",
        placeholder=t("choice.pick"),
    )
    if st.button(t("wheel.delete_button"), key="wheel_delete", icon=":material/delete:"):
        ok, _ = run_write(
            lambda session, who: wheel.delete_event(session, user=who, event_id=doomed)
        )
        if ok:
            done(t_md("wheel.deleted", title=labels[doomed]))
