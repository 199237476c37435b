"""The bundled program's entry point: the same as ``python -m wellbeing``."""

import sys

from wellbeing.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
