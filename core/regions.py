"""Mainland China's provincial-level regions, the unit shipping rules are written in."""

from django.utils.translation import gettext_lazy as _

PROVINCES = [
    ("beijing", _("Beijing")),
    ("tianjin", _("Tianjin")),
    ("hebei", _("Hebei")),
    ("shanxi", _("Shanxi")),
    ("inner_mongolia", _("Inner Mongolia")),
    ("liaoning", _("Liaoning")),
    ("jilin", _("Jilin")),
    ("heilongjiang", _("Heilongjiang")),
    ("shanghai", _("Shanghai")),
    ("jiangsu", _("Jiangsu")),
    ("zhejiang", _("Zhejiang")),
    ("anhui", _("Anhui")),
    ("fujian", _("Fujian")),
    ("jiangxi", _("Jiangxi")),
    ("shandong", _("Shandong")),
    ("henan", _("Henan")),
    ("hubei", _("Hubei")),
    ("hunan", _("Hunan")),
    ("guangdong", _("Guangdong")),
    ("guangxi", _("Guangxi")),
    ("hainan", _("Hainan")),
    ("chongqing", _("Chongqing")),
    ("sichuan", _("Sichuan")),
    ("guizhou", _("Guizhou")),
    ("yunnan", _("Yunnan")),
    ("tibet", _("Tibet")),
    ("shaanxi", _("Shaanxi")),
    ("gansu", _("Gansu")),
    ("qinghai", _("Qinghai")),
    ("ningxia", _("Ningxia")),
    ("xinjiang", _("Xinjiang")),
]
PROVINCE_CODES = {code for code, _label in PROVINCES}
