import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from focus_industry.demo.loader import create_demo_accounts, load_demo_content
from focus_industry.web.page_cache import one_purge

# Wagtail logs every page created and published (some 170 lines for the demo site).
CHATTY_LOGGERS = ("wagtail",)


@contextmanager
def quiet(loggers, verbosity):
    """Only warnings from `loggers` while loading, unless asked for more (-v 2)."""
    if verbosity >= 2:
        yield
        return
    kept = {name: logging.getLogger(name).level for name in loggers}
    for name in loggers:
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        yield
    finally:
        for name, level in kept.items():
            logging.getLogger(name).setLevel(level)


class Command(BaseCommand):
    help = (
        "Build the bilingual demo site from the seed text. Safe to run again: pages an editor has saved are "
        "kept, the demo's own pages are brought up to date."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=0, help="Also generate N extra stories (for benchmarks).")
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Create one demo login per role (development settings only); passwords are printed once.",
        )

    def handle(self, *args, scale, accounts, verbosity=1, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more.")
        with translation.override("sv"), quiet(CHATTY_LOGGERS, verbosity), one_purge("demo content loaded"):
            context = load_demo_content(scale=scale, log=lambda message: self.stdout.write(message))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready ({len(context.created)} new pages, {len(context.updated)} brought up to date)."
            )
        )
        if accounts:
            try:
                created = create_demo_accounts()
            except RuntimeError as error:
                raise CommandError(str(error)) from error
            for username, password in created:
                self.stdout.write(f"  demo login created: {username} / {password}")
            self.print_demo_totp_keys([username for username, _password in created])
            if not created:
                self.stdout.write("  demo logins exist already (passwords were printed when they were created).")

    def print_demo_totp_keys(self, usernames):
        """Demo accounts that must use two-step verification get a device now; its key is printed once."""
        from django.contrib.auth import get_user_model

        from focus_industry.editors.logins.two_factor import create_confirmed_device, two_factor_required

        for user in get_user_model().objects.filter(username__in=usernames).order_by("pk"):
            if two_factor_required(user):
                device, key = create_confirmed_device(user)
                self.stdout.write(f"  demo 2FA key created: {user.username} / {key}  ({device.config_url})")
