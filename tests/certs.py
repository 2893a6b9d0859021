"""Throw-away self-signed X.509 server certificates for the test servers.

Used by the fake WS-Man server (`tests.fakes.wsman`), the real xrdp fixture
(`tests.fixtures.xrdp`) and the loopback responders (`tests.remote.responders`).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, TypeAlias

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

KeyType: TypeAlias = Literal["rsa", "ec"]
PrivateKey: TypeAlias = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def self_signed(
    common_name: str,
    *,
    hosts: Sequence[str] = (),
    key_type: KeyType = "ec",
    days: int = 1,
) -> tuple[PrivateKey, x509.Certificate]:
    """A fresh key and a self-signed TLS server certificate for it: (key, certificate).

    `hosts` become subjectAltNames, IP addresses as IPAddress and anything else as DNSName;
    with no hosts the certificate has no SAN extension. `key_type` is P-256 EC or RSA-2048.
    Valid from five minutes ago (clock skew) for `days` days.
    """
    key: PrivateKey = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if key_type == "rsa"
        else ec.generate_private_key(ec.SECP256R1())
    )
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if hosts:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([_general_name(host) for host in hosts]), critical=False
        )
    return key, builder.sign(key, hashes.SHA256())


def key_pem(key: PrivateKey) -> bytes:
    """The unencrypted private key in PEM (traditional OpenSSL form, which xrdp reads too)."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )


def write_pem(directory: Path, key: PrivateKey, cert: x509.Certificate) -> tuple[Path, Path]:
    """Write `cert.pem` and `key.pem` (created 0600, must not exist) into `directory`;
    returns (certificate file, key file)."""
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key_pem(key))
    return cert_file, key_file


def _general_name(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)
