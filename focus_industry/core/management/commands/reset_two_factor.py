from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from focus_industry.editors.logins.two_factor import reset_devices, two_factor_required


class Command(BaseCommand):
    help = (
        "Recovery for a lost phone: remove every two-step verification device of a user. "
        "Their open sessions stay unverified; at the next sign-in they set up a new device "
        "(coordinators and superusers must, others may)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The login name of the user whose devices are removed.")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user with the login name {username!r}.") from None
        removed = reset_devices(user)
        then = "must set up a new one" if two_factor_required(user) else "may set up a new one"
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {removed} two-step verification device(s) of {username}; they {then} at the next sign-in."
            )
        )
