import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from omzien.access.suppression import hidden, publish


def test_counts_below_five_are_hidden_and_zero_stays_visible():
    assert publish(3, "Zuid") is None and hidden(3)
    assert publish(0, "Oost") == 0 and not hidden(0)
    assert publish(40, "West") == 40


@given(st.integers(min_value=0, max_value=500), st.text(max_size=10))
def test_a_published_count_is_zero_hidden_or_a_neighbouring_multiple_of_five(count, key):
    shown = publish(count, key)
    assert shown == publish(count, key)  # the same cell: the same answer
    if 0 < count < 5:
        assert shown is None
    else:
        assert shown % 5 == 0 and abs(shown - count) < 5


def test_a_lower_threshold_than_five_is_refused(settings):
    settings.OMZIEN_SUPPRESSION_THRESHOLD = 10
    assert publish(7, "a") is None
    settings.OMZIEN_SUPPRESSION_THRESHOLD = 3
    with pytest.raises(ImproperlyConfigured):
        publish(3, "a")
