"""The signing wing (issue 14, §3-4): signature fields where the decree puts them, PAdES
signing with the user's own certificate, and verification. pyHanko and pdfminer.six, the
optional extra ``baocao[sign]``, load on first use: without them every function raises one
:class:`~baocao.SigningError` naming ``pip install 'baocao[sign]'``.

The rooms: ``_deps`` (the extra, imported on first use), ``_pdfio`` (reading the PDF),
``_places`` (where the signatures go, read from the printed PDF), ``_fields``
(``signing_fields``), ``_keys`` (``SigningKey``: PKCS#12 files and PKCS#11 tokens),
``_appearance`` (the visible signature: an image or text), ``_signing`` (``sign``),
``_verify`` (``verify``, ``SignatureInfo``).
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from ._fields import signing_fields
    from ._keys import SigningKey
    from ._signing import sign
    from ._verify import SignatureInfo, verify

__getattr__ = lazy_names(
    __name__,
    {
        "signing_fields": "._fields",
        "SigningKey": "._keys",
        "sign": "._signing",
        "SignatureInfo": "._verify",
        "verify": "._verify",
    },
)

__all__ = ["SignatureInfo", "SigningKey", "sign", "signing_fields", "verify"]
