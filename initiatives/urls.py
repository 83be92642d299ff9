"""Public URLs of the initiatives app outside the page tree (included inside i18n_patterns)."""

app_name = "initiatives"
urlpatterns = []
