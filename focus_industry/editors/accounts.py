"""Editors' own accounts in the admin: names are optional.

Wagtail's forms for the account settings (Konto: name, e-mail, language, time zone, theme, password
in one form) and for creating or editing a user declare `last_name` as required, although Django's
user model has it blank. A user without one (every demo account, and people with one name) could
not change anything in their account, not even the admin language: the whole form failed on
"Efternamn: Det här fältet är obligatoriskt". Wagtail offers no setting for this; its forms are
replaced only through a custom user model or view set, so the requirement is
lifted on Wagtail's own form classes when the project starts. The same holds for the first name
(`createsuperuser` asks for neither). The e-mail address, which workflow notifications go to, stays
required.
"""

OPTIONAL_FIELDS = ("first_name", "last_name")


def make_names_optional():
    from wagtail.admin.forms.account import NameEmailForm
    from wagtail.users.forms import UserCreationForm, UserEditForm

    for form_class in (NameEmailForm, UserCreationForm, UserEditForm):
        for name in OPTIONAL_FIELDS:
            form_class.base_fields[name].required = False
