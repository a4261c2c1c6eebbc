"""Imported only by the forkserver process that :func:`baocao.render_many` starts.

It loads and compiles the default template once, so that every worker forked from the
server starts with it ready instead of compiling it again.
"""

from __future__ import annotations

from ._batch import keep_template
from ._template import Template

keep_template(Template())
