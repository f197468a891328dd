"""Allow ``python -m rte_desktop``."""

from rte_desktop.app import main

raise SystemExit(main())
