"""The province of a connection, from an offline IP-to-region database.

The database is a MaxMind DB file (``.mmdb``) with the City layout: MaxMind's GeoLite2-City or
GeoIP2-City, or a compatible one such as DB-IP's City Lite. Its path is the setting
``IP_REGION_DATABASE``; the file is kept up to date outside the shop (``geoipupdate`` or a
download by the operator) and is never fetched by the shop. No setting or no file: no lookup,
the province stays unknown. A replaced file is picked up by its modification time.

The connection's address is the one ``accounts.throttling.client_ip_address`` gives
(``X-Forwarded-For`` only from ``TRUSTED_PROXIES``); it is read for the lookup and forgotten.
Only a province code leaves this module.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import threading

import maxminddb
from django.conf import settings

from accounts.throttling import client_ip_address
from core.regions import PROVINCE_CODES

logger = logging.getLogger(__name__)

# ISO 3166-2:CN subdivision codes (MaxMind's ``subdivisions[0].iso_code``), the older numeric
# GB/T 2260 ones some databases still carry, and the English names as a last resort.
_ISO_CODES = {
    "BJ": "beijing",
    "TJ": "tianjin",
    "HE": "hebei",
    "SX": "shanxi",
    "NM": "inner_mongolia",
    "LN": "liaoning",
    "JL": "jilin",
    "HL": "heilongjiang",
    "SH": "shanghai",
    "JS": "jiangsu",
    "ZJ": "zhejiang",
    "AH": "anhui",
    "FJ": "fujian",
    "JX": "jiangxi",
    "SD": "shandong",
    "HA": "henan",
    "HB": "hubei",
    "HN": "hunan",
    "GD": "guangdong",
    "GX": "guangxi",
    "HI": "hainan",
    "CQ": "chongqing",
    "SC": "sichuan",
    "GZ": "guizhou",
    "YN": "yunnan",
    "XZ": "tibet",
    "SN": "shaanxi",
    "GS": "gansu",
    "QH": "qinghai",
    "NX": "ningxia",
    "XJ": "xinjiang",
}
_NUMERIC_CODES = {
    "11": "BJ",
    "12": "TJ",
    "13": "HE",
    "14": "SX",
    "15": "NM",
    "21": "LN",
    "22": "JL",
    "23": "HL",
    "31": "SH",
    "32": "JS",
    "33": "ZJ",
    "34": "AH",
    "35": "FJ",
    "36": "JX",
    "37": "SD",
    "41": "HA",
    "42": "HB",
    "43": "HN",
    "44": "GD",
    "45": "GX",
    "46": "HI",
    "50": "CQ",
    "51": "SC",
    "52": "GZ",
    "53": "YN",
    "54": "XZ",
    "61": "SN",
    "62": "GS",
    "63": "QH",
    "64": "NX",
    "65": "XJ",
}
# Names a database may use instead of ours: "Nei Mongol", "Xizang" (their pinyin).
_NAME_ALIASES = {"nei mongol": "inner_mongolia", "xizang": "tibet"}
# Longest first, so "Shanxi" never takes "Shaanxi" and names with a suffix ("Guangdong
# Sheng", "Guangxi Zhuang Autonomous Region") still start with the province's name.
_NAMES = sorted(
    [(code.replace("_", " "), code) for code in PROVINCE_CODES] + list(_NAME_ALIASES.items()),
    key=lambda pair: -len(pair[0]),
)

_lock = threading.Lock()
_opened: dict[str, tuple[int, maxminddb.Reader | None]] = {}


def province_for_request(request) -> str:
    """The province code of the request's connection ("" when unknown or not in the mainland)."""
    path = getattr(settings, "IP_REGION_DATABASE", "")
    if not path:
        return ""
    address = client_ip_address(request)
    try:
        address = ipaddress.ip_address(address)
    except ValueError:
        return ""
    if not address.is_global:
        return ""
    reader = _reader(path)
    if reader is None:
        return ""
    try:
        record = reader.get(address)
    except (ValueError, maxminddb.InvalidDatabaseError):
        return ""
    return province_for_record(record)


def province_for_record(record) -> str:
    """A City record's province code: mainland China only (Hong Kong, Macao and Taiwan are
    countries of their own in these databases and are not shipped to as provinces)."""
    if not isinstance(record, dict):
        return ""
    if (record.get("country") or {}).get("iso_code") != "CN":
        return ""
    subdivisions = record.get("subdivisions") or [{}]
    first = subdivisions[0] if isinstance(subdivisions[0], dict) else {}
    code = str(first.get("iso_code") or "").upper()
    code = _NUMERIC_CODES.get(code, code)
    if code in _ISO_CODES:
        return _ISO_CODES[code]
    return _province_by_name(str((first.get("names") or {}).get("en") or ""))


def _province_by_name(name: str) -> str:
    name = " ".join(name.lower().replace("-", " ").split())
    return next(
        (code for known, code in _NAMES if name == known or name.startswith(known + " ")), ""
    )


def _reader(path: str) -> maxminddb.Reader | None:
    """The open database at ``path``, reopened when the file changes; None without a
    readable database (logged once per file version)."""
    try:
        changed = os.stat(path).st_mtime_ns
    except OSError:
        return None
    opened = _opened.get(path)
    if opened is not None and opened[0] == changed:
        return opened[1]
    with _lock:
        opened = _opened.get(path)
        if opened is not None and opened[0] == changed:
            return opened[1]
        try:
            reader = maxminddb.open_database(path)
        except (OSError, ValueError, maxminddb.InvalidDatabaseError):
            logger.warning("The IP region database %s cannot be read; no IP lookups.", path)
            reader = None
        # A reader replaced here is left to the garbage collector, not closed: another
        # thread may still be reading from it.
        _opened[path] = (changed, reader)
        return reader
