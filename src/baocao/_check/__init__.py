"""The check wing: any .docx read through ``_ooxml`` into a parsed document, then the
conformance rules, as findings. It never imports the render wing.
"""

from ._document import parse
from ._finding import Finding
from ._rules import check, conformance_table

__all__ = ["Finding", "check", "conformance_table", "parse"]
