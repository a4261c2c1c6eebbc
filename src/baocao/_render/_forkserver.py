"""Imported only by the forkserver process that :func:`baocao.render_many` starts.

It loads, compiles and warms (renders once) the default template, so that every worker
forked from the server starts with it ready instead of compiling it again.
"""

from __future__ import annotations

from ._batch import keep_template
from ._processes import warm
from ._template import Template

_DEFAULT = Template()
warm(_DEFAULT)
keep_template(_DEFAULT)
