"""A tiny IP-to-region database in the MaxMind DB City layout, written for a test."""

from pathlib import Path

from mmdb_writer import MMDBWriter
from netaddr import IPSet

# Addresses of the test database (its content only: nothing is ever sent to them).
GUANGDONG_IP = "113.108.10.20"
BEIJING_IP = "123.125.10.20"
SICHUAN_IP_V6 = "240e:600::1"
ABROAD_IP = "8.8.4.4"
NOT_IN_DATABASE_IP = "45.33.1.1"


def _city(subdivision: dict, country: tuple[str, str] = ("CN", "China")) -> dict:
    return {
        "country": {"iso_code": country[0], "names": {"en": country[1]}},
        "subdivisions": [subdivision],
    }


NETWORKS = {
    "113.108.0.0/16": _city({"iso_code": "GD", "names": {"en": "Guangdong", "zh-CN": "广东"}}),
    "123.125.0.0/16": _city({"iso_code": "BJ", "names": {"en": "Beijing", "zh-CN": "北京"}}),
    # Older databases: the numeric GB/T 2260 code; some carry only an English name.
    "61.139.0.0/16": _city({"iso_code": "51", "names": {"en": "Sichuan"}}),
    "240e:600::/24": _city({"iso_code": "SC", "names": {"en": "Sichuan"}}),
    "117.136.0.0/16": _city({"names": {"en": "Guangxi Zhuang Autonomous Region"}}),
    "8.8.4.0/24": _city(
        {"iso_code": "CA", "names": {"en": "California"}}, ("US", "United States")
    ),
}


def write_ip_region_database(path: Path, networks: dict = NETWORKS) -> Path:
    """An IPv6 City database (IPv4 mapped into it, as GeoLite2-City is) of ``networks``."""
    writer = MMDBWriter(
        ip_version=6,
        ipv4_compatible=True,
        database_type="GeoLite2-City",
        languages=["en", "zh-CN"],
        description={"en": "Shop test regions", "zh-CN": "商店测试地区"},
    )
    for network, record in networks.items():
        writer.insert_network(IPSet([network]), record)
    writer.to_db_file(str(path))
    return path
