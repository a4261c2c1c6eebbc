"""PAdES B-T: the signature carries an RFC 3161 timestamp from the server given, here a
timestamp authority on the loopback made by the test (pyHanko's DummyTimeStamper)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

import baocao

from .conftest import report
from .pki import PASSWORD, Pki

pytestmark = pytest.mark.soffice


@pytest.fixture
def tsa_url(pki: Pki) -> Iterator[str]:
    from asn1crypto import keys, tsp, x509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    folder = pki.root_pem.parent
    stamper = DummyTimeStamper(
        tsa_cert=x509.Certificate.load((folder / "tsa.cert.der").read_bytes()),
        tsa_key=keys.PrivateKeyInfo.load((folder / "tsa.key.der").read_bytes()),
    )

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_a_timestamped_signature_is_pades_b_t(
    printed: dict[str, bytes], pki: Pki, tsa_url: str
) -> None:
    ready = baocao.signing_fields(printed["2710-BC-SNV"], report("2710-BC-SNV"))
    key = baocao.SigningKey.from_pkcs12(pki.signers["person"], PASSWORD)
    signed = baocao.sign(ready, key, field="person", timestamp_url=tsa_url)
    (info,) = baocao.verify(signed, [pki.root_pem])
    assert (info.intact, info.trusted) == (True, True)
    assert info.timestamp is not None
    assert info.signed_at is not None
    assert abs((info.timestamp - info.signed_at).total_seconds()) < 60


def test_a_timestamp_server_that_does_not_answer_is_an_error(
    printed: dict[str, bytes], pki: Pki
) -> None:
    ready = baocao.signing_fields(printed["2710-BC-SNV"], report("2710-BC-SNV"))
    key = baocao.SigningKey.from_pkcs12(pki.signers["person"], PASSWORD)
    with pytest.raises(baocao.SigningError, match="cannot sign the field 'person'"):
        baocao.sign(ready, key, field="person", timestamp_url="http://127.0.0.1:9/tsa")
