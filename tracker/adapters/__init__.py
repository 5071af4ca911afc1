"""The edges to the outside: sending mail (mail.py, SMTP) and writing calendar
feeds (calendar_feed.py, iCalendar). Services call these; nothing here reads
the database."""
