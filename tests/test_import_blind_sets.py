"""The two labelled sets of kept spreadsheets (tests/data/blind: written by helpers who
never saw the importer, scored once each, docs/BENCHMARKS.md) stay read as they were:
every measure imported, and at least as many with every field right as recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.import_coverage import import_in_process, score_file

BLIND = Path(__file__).parent / "data" / "blind"
RECORDED = {"set1": 192, "set2": 165}  # measures with every field right (of 195, 165)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(RECORDED))
def test_a_blind_set_imports_as_recorded(name: str, tmp_path: Path) -> None:
    folder = BLIND / name
    scores = []
    for label_path in sorted((folder / "labels").glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        path = folder / "files" / label["file"]
        scores.append(score_file(path, label, tmp_path, importer=import_in_process))
    refused = [s.name for s in scores if not s.imported]
    assert not refused, [s.output[-800:] for s in scores if not s.imported]
    assert sum(s.found for s in scores) == sum(s.labelled for s in scores)
    right = sum(s.all_right for s in scores)
    assert right >= RECORDED[name], [m for s in scores for m in s.misses]
