"""`python -m bot.cli` runs the nhacviec command line."""

from bot.cli import main

raise SystemExit(main())
