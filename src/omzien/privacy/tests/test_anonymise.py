"""Every piece of text a personal-data model holds is either anonymised or known to name nobody."""

from django.db import models

from omzien.privacy.anonymise import FIELDS, KEPT, installed
from omzien.privacy.subjects import personal_models

TEXT = (models.CharField, models.TextField, models.JSONField, models.EmailField)


def test_every_text_field_of_personal_data_is_classified():
    unclassified = [
        f"{model._meta.label}.{f.name}"
        for model in personal_models()
        for f in model._meta.concrete_fields
        if isinstance(f, TEXT)
        and not f.is_relation
        and f.name not in FIELDS.get(model._meta.label, {})
        and f.name not in KEPT.get(model._meta.label, set())
    ]
    assert not unclassified, (
        "Say in privacy/anonymise.py what retention and erasure do with: " + ", ".join(unclassified)
    )


def test_the_registry_names_fields_that_exist():
    for registry in (FIELDS, KEPT):
        for label, names in registry.items():
            model = installed(label)
            if model is not None:
                existing = {f.name for f in model._meta.concrete_fields}
                assert set(names) <= existing, f"{label}: {set(names) - existing}"
