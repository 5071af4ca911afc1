"""A summary as bytes and back, to store a closed quarter's final report: the
tables as Parquet (their types kept), the rest as JSON, in one zip. Nothing in it
is executed when read back (no pickle)."""

from __future__ import annotations

import io
import json
import math
import zipfile
from dataclasses import fields
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from tracker.quarters import Quarter
from tracker.reports.summary import Stamp, Summary
from tracker.service.matrix import CELL_COLUMNS

FORMAT_VERSION = 1
HEAD = "head.json"  # the summary's values beside its tables
ADDED_LATER = {"matrix": CELL_COLUMNS}
"""Tables a summary stored before they were added reads back as empty."""
TABLES = [f.name for f in fields(Summary) if f.type in ("pd.DataFrame", pd.DataFrame)]


def freeze(summary: Summary) -> bytes:
    """The summary as bytes (see thaw)."""
    head = {
        "version": FORMAT_VERSION,
        "plan_name": summary.plan_name,
        "plan_years": list(summary.plan_years),
        "quarter": str(summary.quarter),
        "as_of": summary.as_of.isoformat(),
        "provisional": summary.provisional,
        "example_data": summary.example_data,
        "figures": {key: _plain(value) for key, value in summary.figures.items()},
        "stamp": {
            "produced_at": summary.stamp.produced_at.isoformat(),
            "produced_by": summary.stamp.produced_by,
        },
        # Parquet reads text back as str columns; these were plain objects (None for missing)
        "object_columns": {
            name: [
                c
                for c, t in getattr(summary, name).dtypes.items()
                if pd.api.types.is_object_dtype(t)
            ]
            for name in TABLES
        },
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(HEAD, json.dumps(head, ensure_ascii=False))
        for name in TABLES:
            table = io.BytesIO()
            frame: pd.DataFrame = getattr(summary, name)
            frame.to_parquet(table, index=False)
            archive.writestr(f"{name}.parquet", table.getvalue())
    return buffer.getvalue()


def thaw(data: bytes) -> Summary:
    """The summary freeze stored: the same tables and values."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        head = json.loads(archive.read(HEAD))
        stored = set(archive.namelist())
        tables = {
            name: _objects_back(
                pd.read_parquet(io.BytesIO(archive.read(f"{name}.parquet"))),
                head["object_columns"][name],
            )
            if f"{name}.parquet" in stored
            else pd.DataFrame(columns=ADDED_LATER[name])
            for name in TABLES
        }
    figures = pd.Series(
        {key: float("nan") if value is None else value for key, value in head["figures"].items()},
        dtype=object,
    )
    stamp = head["stamp"]
    return Summary(
        plan_name=head["plan_name"],
        plan_years=(int(head["plan_years"][0]), int(head["plan_years"][1])),
        quarter=Quarter.parse(head["quarter"]),
        as_of=datetime.fromisoformat(head["as_of"]),
        provisional=bool(head["provisional"]),
        example_data=bool(head["example_data"]),
        figures=figures,
        stamp=Stamp(datetime.fromisoformat(stamp["produced_at"]), stamp["produced_by"]),
        **tables,
    )


def _plain(value: Any) -> Any:
    """A figure as JSON holds it: int, float, or None for NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.integer | int) and not isinstance(value, bool):
        return int(value)
    return float(value)


def _objects_back(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The object columns as they were: lists as lists (Parquet gives arrays), text
    as str with None for missing (Parquet gives a str column with NaN)."""
    for column in columns:
        cells = [_cell(v) for v in frame[column].astype(object)]
        frame[column] = pd.Series(cells, index=frame.index, dtype=object)
    return frame


def _cell(value: Any) -> Any:
    if _is_array(value):
        return list(value)
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray)
