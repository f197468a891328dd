"""Entry script of the frozen app: the same ``main`` as ``rte-desktop`` and ``python -m``."""

from rte_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
