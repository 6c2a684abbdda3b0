"""The province of a connection, from an offline IP database (filled in by regional offers)."""


def province_for_request(request) -> str:
    return ""
