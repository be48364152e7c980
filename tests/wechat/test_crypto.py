"""Safe-mode crypto: Tencent's published sample vectors, wechatpy as the other side, and errors."""

import base64

import pytest
import xmltodict
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from wechatpy.crypto import WeChatCrypto as OfficialAccountCrypto
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto

from channels.wechat import pkcs7
from channels.wechat.crypto import MessageCrypto, aes_key_from_encoding_aes_key
from channels.wechat.errors import ConfigurationError, CryptoError, PaddingError, ReceiveIdError
from channels.wechat.signature import sha1_signature
from channels.wechat.xml_message import parse_xml

# Tencent's Official Account sample (WXBizMsgCrypt demo: DecryptMsg).
OA_TOKEN, OA_KEY, OA_APPID = "spamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx2c2769f8efd9abc2"
OA_TIMESTAMP, OA_NONCE, OA_MSG_SIGNATURE = "1409735669", "1320562132", "5d197aaffba7e9b25a30732f161a50dee96bd5fa"
OA_ENCRYPT = (
    "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAF"
    "mOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU"
    "8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd"
    "5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsN"
    "PfUM669WuMyVWQLCzpu9GhglF2PE="
)

# Tencent's WeCom sample (weworkapi callback Sample.py: VerifyURL and DecryptMsg).
WECOM_TOKEN, WECOM_KEY = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt"
WECOM_CORP_ID = "ww1436e0e65a779aee"
WECOM_ECHO = (
    "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA=="
)
WECOM_ENCRYPT = (
    "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw"
    "2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010ws"
    "HF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQ"
    "VDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+"
)

# wechatpy's known answer for encryption with a fixed random prefix.
KA_TOKEN, KA_KEY, KA_CORP_ID = "123456", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a"
KA_REPLY = """<xml>
<MsgType><![CDATA[text]]></MsgType>
<Content><![CDATA[test]]></Content>
<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>
<ToUserName><![CDATA[messense]]></ToUserName>
<AgentID>1</AgentID>
<CreateTime>1411525903</CreateTime>
</xml>"""
KA_ENCRYPT = (
    "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZg"
    "URnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIX"
    "rx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOu"
    "iR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3"
)


def test_tencent_official_account_sample_decrypts():
    assert sha1_signature(OA_TOKEN, OA_TIMESTAMP, OA_NONCE, OA_ENCRYPT) == OA_MSG_SIGNATURE
    fields = parse_xml(MessageCrypto(OA_KEY, OA_APPID).decrypt(OA_ENCRYPT).encode("utf-8"))
    assert fields["Content"] == "abcdteT"
    assert fields["FromUserName"] == "oyORnuP8q7ou2gfYjqLzSIWZf0rs"
    assert fields["MsgId"] == "6054768590064713728"


def test_tencent_wecom_sample_verifies_url_and_decrypts():
    crypto = MessageCrypto(WECOM_KEY, WECOM_CORP_ID)
    assert sha1_signature(WECOM_TOKEN, "1476416373", "47744683", WECOM_ECHO) == (
        "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb"
    )
    assert crypto.decrypt(WECOM_ECHO) == "1288432023552776189"
    assert sha1_signature(WECOM_TOKEN, "1476422779", "1597212914", WECOM_ENCRYPT) == (
        "0c3914025cb4b4d68103f6bfc8db550f79dcf48e"
    )
    fields = parse_xml(crypto.decrypt(WECOM_ENCRYPT).encode("utf-8"))
    assert (fields["Content"], fields["FromUserName"], fields["AgentID"]) == ("你好", "ChenJiaShun", "1000002")


def test_known_answer_encryption():
    encrypted = MessageCrypto(KA_KEY, KA_CORP_ID).encrypt(KA_REPLY, random_prefix=b"1234567890123456")
    assert encrypted == KA_ENCRYPT
    assert sha1_signature(KA_TOKEN, "1411525903", "461056294", encrypted) == (
        "407518b7649e86ef23978113f92d27afa9296533"
    )


@pytest.mark.parametrize("wechatpy_class", [OfficialAccountCrypto, WeComCrypto])
def test_round_trips_with_wechatpy_in_chinese(wechatpy_class):
    ours = MessageCrypto(KA_KEY, KA_CORP_ID)
    theirs = wechatpy_class(KA_TOKEN, KA_KEY, KA_CORP_ID)
    message = "<xml><Content><![CDATA[齐鲁号班列一个月发几趟？]]></Content></xml>"

    envelope = xmltodict.parse(theirs.encrypt_message(message, "42", "1411525903"))["xml"]
    assert ours.decrypt(envelope["Encrypt"]) == message

    encrypted = ours.encrypt(message)
    signature = sha1_signature(KA_TOKEN, "1411525903", "42", encrypted)
    assert theirs.decrypt_message({"Encrypt": encrypted}, signature, "1411525903", "42") == message


def test_each_encryption_uses_fresh_randomness():
    crypto = MessageCrypto(KA_KEY, KA_CORP_ID)
    assert crypto.encrypt("同一句话") != crypto.encrypt("同一句话")


def test_another_receive_id_is_an_error():
    encrypted = MessageCrypto(KA_KEY, "wx_someone_else").encrypt("hello")
    with pytest.raises(ReceiveIdError):
        MessageCrypto(KA_KEY, KA_CORP_ID).decrypt(encrypted)


def test_tampered_padding_is_an_error_not_an_empty_message():
    raw = bytearray(base64.b64decode(KA_ENCRYPT))
    raw[-17] ^= 0xFF  # CBC: flips the last plaintext byte, the padding length
    with pytest.raises(PaddingError):
        MessageCrypto(KA_KEY, KA_CORP_ID).decrypt(base64.b64encode(bytes(raw)).decode())


def _encrypt_raw(plaintext: bytes) -> str:
    key = aes_key_from_encoding_aes_key(KA_KEY)
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(encryptor.update(pkcs7.pad(plaintext)) + encryptor.finalize()).decode()


@pytest.mark.parametrize(
    "plaintext",
    [
        b"0123456789abcdef\x00\x00\x10\x00short" + KA_CORP_ID.encode(),  # length beyond the payload
        b"0123456789abcdef\x00",  # shorter than random + length
        b"0123456789abcdef\x00\x00\x00\x02\xff\xfe" + KA_CORP_ID.encode(),  # not UTF-8
    ],
)
def test_malformed_plaintexts_are_errors(plaintext):
    with pytest.raises(CryptoError):
        MessageCrypto(KA_KEY, KA_CORP_ID).decrypt(_encrypt_raw(plaintext))


@pytest.mark.parametrize("ciphertext", ["not base64!", "", base64.b64encode(b"x" * 20).decode()])
def test_ciphertexts_that_are_not_aes_blocks_are_errors(ciphertext):
    with pytest.raises(CryptoError):
        MessageCrypto(KA_KEY, KA_CORP_ID).decrypt(ciphertext)


@pytest.mark.parametrize("key", ["short", "!" * 43])
def test_bad_encoding_aes_key_is_a_configuration_error(key):
    with pytest.raises(ConfigurationError):
        MessageCrypto(key, KA_CORP_ID)


def test_pkcs7_pads_to_32_byte_blocks():
    assert len(pkcs7.pad(b"")) == 32
    assert pkcs7.pad(b"a" * 31) == b"a" * 31 + b"\x01"
    assert pkcs7.pad(b"a" * 32) == b"a" * 32 + bytes([32]) * 32
    assert pkcs7.unpad(pkcs7.pad(b"abc")) == b"abc"


@pytest.mark.parametrize(
    "data", [b"", b"a" * 15, b"a" * 31 + b"\x00", b"a" * 31 + b"\x21", b"a" * 30 + b"\x01\x02"]
)
def test_pkcs7_refuses_invalid_padding(data):
    with pytest.raises(PaddingError):
        pkcs7.unpad(data)
