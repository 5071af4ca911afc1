"""How the page Samordning shows pairs of measures: one line per measure, a label per
pair, the two measures side by side, the two tables, and the instruments that may
overlap."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.matching import instrument_pairs
from tracker.matching.score import reasons
from tracker.vocab import OverlapVerdict
from ui import widgets
from ui.state import lang, t
from ui.text import plain, t_md

Pair = tuple[int, int]


def measure_text(frame: pd.DataFrame, side: str, *, with_plan: bool) -> pd.Series:
    """«3.3 Inkubatortilbud i Senja (Kupa)»; across plans with the plan's name."""
    lead = frame[f"{side}_lead_short"]
    if with_plan:
        lead = lead + " · " + frame[f"{side}_plan_name"]
    return frame[f"{side}_code"] + " " + frame[f"{side}_title"] + " (" + lead + ")"


def pair_labels(frame: pd.DataFrame) -> dict[Pair, str]:
    """«3.3 ↔ 3.5 Inkubatortilbud i Senja / Møteplass for gründere» by (a_id, b_id)."""
    labels = frame["a_code"] + " ↔ " + frame["b_code"] + " " + frame["a_title"] + " / "
    keys = [(int(a), int(b)) for a, b in zip(frame["a_id"], frame["b_id"], strict=True)]
    return dict(zip(keys, labels + frame["b_title"], strict=True))


def show_pair(pair: pd.Series) -> None:
    """The two measures side by side (what each does, who leads, when), and why
    they were paired."""
    for side, column in zip("ab", st.columns(2), strict=True):
        with column.container(border=True):
            st.markdown(f"**{plain(pair[f'{side}_code'] + ' ' + pair[f'{side}_title'])}**")
            st.caption(
                t_md(
                    "coord.who_when",
                    lead=pair[f"{side}_lead_name"],
                    start=widgets.period_text(pair[f"{side}_start_period"]),
                    end=widgets.period_text(pair[f"{side}_end_period"]),
                )
            )
            st.markdown(plain(pair[f"{side}_description"]) or t("coord.no_description"))
    st.caption(t_md("coord.why", reasons=reasons(pair, lang())))


# Static tables: the reasons and notes wrap instead of being cut off.
def candidates_table(pairs: pd.DataFrame, *, with_plan: bool) -> None:
    st.table(
        pd.DataFrame(
            {
                t("coord.col.score"): [i18n.format_number(s, lang(), 2) for s in pairs["score"]],
                t("coord.col.first"): measure_text(pairs, "a", with_plan=with_plan).map(
                    widgets.plain
                ),
                t("coord.col.second"): measure_text(pairs, "b", with_plan=with_plan).map(
                    widgets.plain
                ),
                t("coord.col.why"): [
                    widgets.plain(reasons(row, lang())) for _, row in pairs.iterrows()
                ],
            }
        ),
        hide_index=True,
        border="horizontal",
    )


def decided_table(decided: pd.DataFrame, *, with_plan: bool) -> None:
    st.table(
        pd.DataFrame(
            {
                t("coord.col.first"): measure_text(decided, "a", with_plan=with_plan).map(
                    widgets.plain
                ),
                t("coord.col.second"): measure_text(decided, "b", with_plan=with_plan).map(
                    widgets.plain
                ),
                t("coord.col.verdict"): [
                    i18n.label(OverlapVerdict(v), lang()) for v in decided["verdict"]
                ],
                t("coord.col.note"): decided["note"].map(widgets.plain),
                t("coord.col.decided_by"): decided["decided_by"].map(widgets.plain),
                t("coord.col.decided_at"): [
                    widgets.datetime_text(v) for v in decided["decided_at"]
                ],
            }
        ),
        hide_index=True,
        border="horizontal",
    )


def instrument_pairs_table(pairs: pd.DataFrame) -> None:
    """The instruments that may overlap: «Etableringstilskudd (Innovasjon Norge Arktis)»
    beside the other, and what they have in common. Read-only."""

    def side(name: str) -> pd.Series:
        return (pairs[f"{name}_name"] + " (" + pairs[f"{name}_actor"] + ")").map(widgets.plain)

    st.table(
        pd.DataFrame(
            {
                t("coord.col.instrument"): side("a"),
                t("coord.col.instrument_other"): side("b"),
                t("coord.col.in_common"): [
                    instrument_pairs.reasons(row, lang()) for _, row in pairs.iterrows()
                ],
            }
        ),
        hide_index=True,
        border="horizontal",
    )
