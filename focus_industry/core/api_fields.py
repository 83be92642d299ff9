"""Small serializer fields the apps use in their `api_fields` (kept apart from focus_industry.core.api so
that models can import them without pulling in views)."""

from rest_framework.fields import Field


class TaxonomyField(Field):
    """A region or action area (or a many-to-many of them) as {"slug", "name"} in the request's language."""

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return list(value.all()) if hasattr(value, "all") else value

    def to_representation(self, value):
        if isinstance(value, list):
            return [self.to_representation(item) for item in value]
        return {"slug": value.slug, "name": value.name}
