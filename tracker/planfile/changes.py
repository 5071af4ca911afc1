"""The fields a change line names («Endret: Tiltak «1.1» (Tiltak, Oppstart, Ferdig)»),
as catalogue terms said in the reader's language: a measure's by the import's field
labels (importfield.<key>, as the dry run names the file's columns), the rest by
the forms' (field.<table>.<column>)."""

from __future__ import annotations

from collections.abc import Iterable

from tracker import i18n
from tracker.errors import Term
from tracker.vocab import Entity

MEASURE_FIELDS = {
    "theme_id": "theme",
    "goal_id": "goal",
    "lead_actor_id": "lead",
    "start_period": "start",
    "end_period": "end",
    "is_example": "example",
}
"""A measure's stored fields by the import field they come from (the rest are alike)."""
NOT_SAID = {"plan_id", "version"}


def field_labels(
    entity: Entity, fields: Iterable[str], period_column: bool = False
) -> tuple[Term | str, ...]:
    """The changed fields' names, each once; period_column: the file gives a measure's
    start and end in one Periode column, so a change to either is a change to it."""
    labels: list[Term | str] = []
    for name in fields:
        if name not in NOT_SAID and (label := _label(entity, name, period_column)) not in labels:
            labels.append(label)
    return tuple(labels)


def _label(entity: Entity, name: str, period_column: bool) -> Term | str:
    if entity == Entity.MEASURE:
        key = MEASURE_FIELDS.get(name, name)
        if period_column and key in ("start", "end"):
            key = "period"
        term = f"importfield.{key}"
    else:
        term = f"field.{entity.value}.{name}"
    return Term(term) if term in i18n.CATALOGUE else name
