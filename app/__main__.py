"""`python -m app` runs the `helpdesk` command."""

from app.cli import main

raise SystemExit(main())
