import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from focus_industry.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into one timestamped tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=os.environ.get("FOCUS_BACKUP_DIR") or str(settings.VAR_DIR / "backups"),
            help="Where the archive goes (default: $FOCUS_BACKUP_DIR or var/backups).",
        )

    def handle(self, *args, output_dir, **options):
        try:
            archive, manifest = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        self.stdout.write(
            f"{counts['pages']} pages, {counts['documents']} documents, {counts['images']} images, "
            f"{len(manifest['media'])} media files ({manifest['engine']})"
        )
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive}"))
