"""PKCS#7 padding to WeChat's 32-byte blocks (AES itself uses 16; WeChat pads to 32)."""

from channels.wechat.errors import PaddingError

BLOCK_SIZE = 32


def pad(data: bytes, block_size: int = BLOCK_SIZE) -> bytes:
    """Append 1..block_size bytes, each equal to the number of bytes appended."""
    amount = block_size - len(data) % block_size
    return data + bytes([amount]) * amount


def unpad(data: bytes, block_size: int = BLOCK_SIZE) -> bytes:
    """Remove the padding; a wrong length or inconsistent padding bytes raise PaddingError."""
    if not data or len(data) % 16:
        raise PaddingError("ciphertext length is not a multiple of the AES block")
    amount = data[-1]
    if not 1 <= amount <= block_size or amount > len(data):
        raise PaddingError(f"invalid padding length {amount}")
    if data[-amount:] != bytes([amount]) * amount:
        raise PaddingError("inconsistent padding bytes")
    return data[:-amount]
