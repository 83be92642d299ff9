"""Public URLs of the toolbox app outside the page tree (included inside i18n_patterns)."""

app_name = "toolbox"
urlpatterns = []
