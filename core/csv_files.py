"""Reading the CSV files staff upload (purchase-ins, bulk shipping)."""


def decode_csv(raw: bytes) -> str | None:
    """UTF-8 (with or without Excel's BOM), else GB18030 — what Chinese Excel saves as
    "CSV"; None when it is neither."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
