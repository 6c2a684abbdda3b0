"""Shoppers' text: control characters refused with a message, limits explained, words found."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from core.ratelimits import rate_limited
from core.user_text import TextRefused, honeypot_filled, user_text_clean, words_found


@pytest.mark.parametrize("bad", ["a\x00b", "ok\x07", "zero\u200bwidth", "\x1b[31mred"])
def test_control_characters_are_refused_with_a_message(bad):
    with pytest.raises(TextRefused) as refused:
        user_text_clean(bad, label="Your review", max_length=100)
    assert "Your review" in refused.value.message


def test_emoji_joined_by_zero_width_joiners_are_kept():
    family = "好喝 \U0001f468\u200d\U0001f469\u200d\U0001f467 \u2764\ufe0f"
    assert user_text_clean(family, label="x", max_length=100) == family


def test_text_is_trimmed_and_kept_as_written_newlines_and_html_included():
    text = user_text_clean(
        "  <script>alert(1)</script>\r\nline two\t \n", label="x", max_length=100
    )
    assert text == "<script>alert(1)</script>\nline two"


def test_length_limits_say_the_numbers():
    with pytest.raises(TextRefused, match="at most 5 characters \\(you wrote 6\\)"):
        user_text_clean("abcdef", label="x", max_length=5)
    with pytest.raises(TextRefused, match="at least 4"):
        user_text_clean("abc", label="x", max_length=5, min_length=4)
    with pytest.raises(TextRefused):
        user_text_clean("   ", label="x", max_length=5)
    assert user_text_clean("  ", label="x", max_length=5, required=False) == ""


def test_honeypot_and_blocked_words():
    assert honeypot_filled({"website": "http://spam"}) is True
    assert honeypot_filled({"website": ""}) is False
    assert words_found("Buy CHEAP pills at 代购", ["cheap", "代购", "free"]) == ["cheap", "代购"]


def test_rate_limit_counts_per_ip_and_refuses_past_the_rate(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.9")
    request.user = AnonymousUser()
    results = [rate_limited(request, group="t", rates=("3/h",)) for _ in range(4)]
    assert results == [False, False, False, True]
    other = RequestFactory().post("/", REMOTE_ADDR="10.0.0.10")
    other.user = AnonymousUser()
    assert rate_limited(other, group="t", rates=("3/h",)) is False
