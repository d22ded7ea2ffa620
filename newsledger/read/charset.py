"""Decoding bytes to text: declared charset first, then detection (charset-normalizer)."""
from __future__ import annotations

import codecs
import re
from typing import Optional

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)


def _known(name: Optional[str]) -> Optional[str]:
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip())
    except (LookupError, ValueError, TypeError):  # unknown, or a NUL in a hostile header
        return None
    # base64, hex, rot13...: codecs that bytes.decode() refuses are no page charset
    return info.name if getattr(info, "_is_text_encoding", True) else None


def declared_charset(raw: bytes) -> Optional[str]:
    """The charset a page declares in its BOM or a <meta> tag, if any."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    m = _META.search(raw[:4096])
    return _known(m.group(1).decode("ascii", "ignore")) if m else None


def detect_charset(raw: bytes) -> str:
    """Best guess for undeclared bytes: UTF-8 if it decodes, else charset-normalizer."""
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    return _known(best.encoding if best else None) or "utf-8"


_UTF8_NAMES = {"utf-8", "utf_8", "utf-8-sig"}


def _valid_utf8_beyond_ascii(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def charset_mismatch(raw: bytes) -> Optional[tuple[str, str]]:
    """(declared, actual) when a page's declared charset is not the one its bytes are in, else
    None. Two cases are told apart from the bytes alone: a page declaring a legacy charset
    (gb2312, iso-8859-1 ...) whose non-ASCII bytes are all valid UTF-8 (which a legacy text
    almost never is), and a page declaring UTF-8 whose bytes are not UTF-8."""
    declared = declared_charset(raw)
    if not declared:
        return None
    if declared not in _UTF8_NAMES and not declared.startswith("utf-16") and _valid_utf8_beyond_ascii(raw):
        return declared, "utf-8"
    if declared in _UTF8_NAMES and not raw.startswith(codecs.BOM_UTF8) and not raw.isascii():
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            actual = detect_charset(raw)
            return (declared, actual) if actual not in _UTF8_NAMES else None
    return None


def decode(raw: bytes, encoding: Optional[str] = None) -> str:
    """Bytes to str with the given, declared or detected charset; never raises. A declared
    charset the bytes contradict (:func:`charset_mismatch`) gives way to the actual one."""
    enc = _known(encoding)
    if not enc:
        wrong = charset_mismatch(raw)
        enc = wrong[1] if wrong else (declared_charset(raw) or detect_charset(raw))
    text = raw.decode(enc, errors="replace")
    return text.lstrip("\ufeff")


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are no text page (NULs or many control bytes in the head)."""
    head = raw[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    ctrl = len(head.translate(None, _NOT_CONTROL))  # what is left: the control bytes
    return ctrl / len(head) > 0.05


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
