from django.core.management.base import BaseCommand, CommandError

from focus_industry.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore the database and the uploaded media from a backup archive (into an empty database)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A focus-industry-….tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--force", action="store_true", help="Replace the contents of a database that is not empty."
        )

    def handle(self, *args, archive, force, **options):
        try:
            manifest, counts = restore_backup(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{counts['pages']} pages, {counts['documents']} documents, {counts['images']} images, "
            f"{len(manifest['media'])} media files, as backed up on {manifest['created']}"
        )
        self.stdout.write(self.style.SUCCESS(f"Restored from {archive}"))
