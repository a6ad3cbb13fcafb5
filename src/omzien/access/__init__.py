"""The bottom layer: who may see which personal data, and what may leave as an aggregate.

Every domain app builds on it, so it imports none of them: where it must touch a model it
names it by label (`apps.get_model`). `tests/test_layers.py` keeps it that way.
"""
