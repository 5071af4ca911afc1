"""The Senja demo: the plan and its accounts (seed.py, from data/seed/), the
network's årshjul (events.py) and example indicators (indicators.py)."""
