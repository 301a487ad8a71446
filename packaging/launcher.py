"""Entry script of the frozen app: the same `main` as the `pht-desktop` console script."""

import sys

from desktop_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
