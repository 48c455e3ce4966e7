"""Reports for supervisors: status figures, Excel, calendars."""
