"""Phone numbers as people read them."""

import phonenumbers


def international(value: str) -> str:
    """An E.164 number in international notation (+966 50 000 0012); anything else unchanged."""
    try:
        return phonenumbers.format_number(
            phonenumbers.parse(value), phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
    except phonenumbers.NumberParseException:
        return value
