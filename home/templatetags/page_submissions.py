"""``{% page_submission_token %}``: the token a "new page" form carries (home.submissions)."""

from django import template

from home.submissions import new_token

register = template.Library()


@register.simple_tag
def page_submission_token() -> str:
    return new_token()
