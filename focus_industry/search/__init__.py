"""Site search: the bilingual search backend, the result types apps register, the search view."""
