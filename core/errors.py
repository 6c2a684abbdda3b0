"""The base of every domain error: a code for programs and a message for people.

Views turn these into form errors or messages; they never become 500s. Each
feature defines its own subclasses next to its rules.
"""


class CommerceError(Exception):
    """Base of every refusal the shop explains to a person."""

    code = "refused"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
