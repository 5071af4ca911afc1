"""Finding measures that may overlap: text similarity (similarity.py) and the
pair score with its reasons (score.py). Pure Python; the decisions live in
tracker.service.overlaps."""
