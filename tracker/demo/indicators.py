"""The demo's indicators: the kinds the plan follows (employment, new enterprises,
apprenticeships, population), with example figures (marked as examples: they are
not Statistics Norway's numbers) and a few reported years."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Indicator, IndicatorValue
from tracker.service.structure import find_actor
from tracker.vocab import Direction


@dataclass(frozen=True)
class DemoIndicator:
    name: str
    unit: str
    baseline: float
    target: float
    actor: str
    source: str
    values: tuple[tuple[int, float], ...]


DEMO_INDICATORS = (
    DemoIndicator(
        name="Sysselsatte med arbeidssted i Senja",
        unit="personer",
        baseline=7400,
        target=7800,
        actor="Senja kommune",
        source="SSB, tabell 13470 (eksempeltall)",
        values=((2024, 7450), (2025, 7480)),
    ),
    DemoIndicator(
        name="Nye foretak per år",
        unit="foretak",
        baseline=110,
        target=140,
        actor="Næringshagen Midt-Troms",
        source="SSB, tabell 09643 (eksempeltall)",
        values=((2024, 118), (2025, 121)),
    ),
    DemoIndicator(
        name="Lærekontrakter",
        unit="kontrakter",
        baseline=60,
        target=80,
        actor="NAV",
        source="Troms fylkeskommune (eksempeltall)",
        values=((2024, 63), (2025, 70)),
    ),
    DemoIndicator(
        name="Folketall",
        unit="innbyggere",
        baseline=14900,
        target=15100,
        actor="Senja kommune",
        source="SSB, tabell 07459 (eksempeltall)",
        values=((2024, 14870), (2025, 14850)),
    ),
)


def add_demo_indicators(session: Session, plan_id: int, baseline_year: int) -> int:
    """Add the demo indicators the plan does not have yet (by name); returns how many."""
    known = set(session.scalars(select(Indicator.name).where(Indicator.plan_id == plan_id)))
    added = 0
    for demo in DEMO_INDICATORS:
        if demo.name in known:
            continue
        indicator = Indicator(
            plan_id=plan_id,
            name=demo.name,
            unit=demo.unit,
            baseline_year=baseline_year - 1,
            baseline_value=demo.baseline,
            target_year=baseline_year + 4,
            target_value=demo.target,
            direction=Direction.UP,
            actor_id=find_actor(session, demo.actor).id,
            source=demo.source,
            is_example=True,
        )
        session.add(indicator)
        session.flush()
        for year, value in demo.values:
            session.add(
                IndicatorValue(
                    indicator_id=indicator.id,
                    period=str(year),
                    value=value,
                    comment="",
                    reported_at=datetime(year + 1, 2, 1, 12, tzinfo=UTC),
                )
            )
        added += 1
    session.flush()
    return added
