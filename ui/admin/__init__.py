"""The Admin page's tabs (app_pages/admin.py runs the open one): one module per tab,
plan.py (with themes_goals.py), measures.py (with measure_fields.py, conflict.py),
actors.py, users.py, import_tab.py (with import_layout.py), quarters.py,
reminders.py, audit.py; pickers.py and tabs.py are what they share. The form
helpers every page uses are in ui.forms."""
