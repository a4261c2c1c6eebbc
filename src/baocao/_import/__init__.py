"""The import wing: an existing .docx report read into the model.

It stands above the checker (whose reading finds the parts of a report in any .docx) and
the model (which the parts are mapped into), below the command line: ``_check`` still never
imports ``_model``; this wing joins them.
"""

from ._docx import import_docx
from ._result import ImportResult

__all__ = ["ImportResult", "import_docx"]
