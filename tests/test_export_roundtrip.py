from tracker.exporters import export_plan
from tracker.importers import import_path
from tracker.service import SYSTEM


def test_scratch(world, session, tmp_path):
    for name in ("w.xlsx", "w.csv"):
        export_plan(session, world.plan.id, tmp_path / name)
        r = import_path(session, user=SYSTEM, path=tmp_path / name, dry_run=True)
        print(
            name,
            r.ok,
            [c.text("en") for c in r.changes],
            [p.text("en") for p in r.problems],
            [n.text("en") for n in r.notices],
        )
    assert 0
