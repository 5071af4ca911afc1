"""The use cases, one module per subject. Each takes a Session (and, for writes, the
acting Principal), never commits, and returns plain values or DataFrames.

Import the modules by name (`from tracker.service.status import report_status`):
this package re-exports nothing, so importing one service loads no other."""
