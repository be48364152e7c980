"""Safe-mode message encryption (WeChat's "消息加解密" scheme), written on `cryptography`.

key = base64decode(EncodingAESKey + "="), 32 bytes; AES-256-CBC with IV = key[:16];
plaintext = 16 random bytes + 4-byte big-endian length + message + ReceiveId (the Official
Account's AppID, or the WeCom corp id), PKCS#7-padded to 32-byte blocks; the result is base64.
"""

import base64
import binascii
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from channels.wechat import pkcs7
from channels.wechat.errors import ConfigurationError, CryptoError, ReceiveIdError

_RANDOM_BYTES = 16
_LENGTH = struct.Struct(">I")


def aes_key_from_encoding_aes_key(encoding_aes_key: str) -> bytes:
    """Decode the 43-character EncodingAESKey shown in WeChat's console into the 32-byte key."""
    if len(encoding_aes_key) != 43:
        raise ConfigurationError("EncodingAESKey must be 43 characters long")
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except binascii.Error as error:
        raise ConfigurationError(f"EncodingAESKey is not base64: {error}") from error
    return key


class MessageCrypto:
    """Encrypts and decrypts safe-mode payloads for one ReceiveId."""

    def __init__(self, encoding_aes_key: str, receive_id: str) -> None:
        self._key = aes_key_from_encoding_aes_key(encoding_aes_key)
        self._receive_id = receive_id.encode("utf-8")

    def _cipher(self) -> Cipher[modes.CBC]:
        return Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16]))

    def encrypt(self, message: str, random_prefix: bytes = b"") -> str:
        """Encrypt `message`; `random_prefix` (16 bytes) is for known-answer tests only."""
        prefix = random_prefix or os.urandom(_RANDOM_BYTES)
        if len(prefix) != _RANDOM_BYTES:
            raise ValueError("random_prefix must be 16 bytes")
        body = message.encode("utf-8")
        plaintext = pkcs7.pad(prefix + _LENGTH.pack(len(body)) + body + self._receive_id)
        encryptor = self._cipher().encryptor()
        return base64.b64encode(encryptor.update(plaintext) + encryptor.finalize()).decode("ascii")

    def decrypt(self, encrypted: str) -> str:
        """Decrypt a base64 `Encrypt` / `echostr` value into the message text.

        Raises CryptoError (or its subclasses PaddingError, ReceiveIdError) for anything that is not
        a well-formed payload addressed to our ReceiveId: never returns an empty message instead.
        """
        try:
            ciphertext = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError) as error:
            raise CryptoError(f"ciphertext is not base64: {error}") from error
        if not ciphertext or len(ciphertext) % 16:
            raise CryptoError("ciphertext length is not a multiple of the AES block")
        decryptor = self._cipher().decryptor()
        plaintext = pkcs7.unpad(decryptor.update(ciphertext) + decryptor.finalize())
        if len(plaintext) < _RANDOM_BYTES + _LENGTH.size:
            raise CryptoError("decrypted payload is too short")
        (length,) = _LENGTH.unpack_from(plaintext, _RANDOM_BYTES)
        start = _RANDOM_BYTES + _LENGTH.size
        body, receive_id = plaintext[start : start + length], plaintext[start + length :]
        if len(body) != length:
            raise CryptoError("declared message length exceeds the payload")
        if receive_id != self._receive_id:
            raise ReceiveIdError("the message is addressed to another AppID / corp id")
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CryptoError("decrypted message is not UTF-8") from error
