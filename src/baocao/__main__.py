"""``python -m baocao``: the same as the ``baocao`` command."""

from ._cli import main

raise SystemExit(main())
