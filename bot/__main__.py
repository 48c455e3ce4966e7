"""`python -m bot` runs the nhacviec command line."""

from bot.cli import main

raise SystemExit(main())
