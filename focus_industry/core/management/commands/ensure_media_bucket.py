"""Create the media bucket if it is missing and give it the one policy the site needs.

Only renditions (under `public/`) may be read anonymously: they are what pages show, by URL, to
every visitor and to the CDN. Originals (`media/original_images/`) and documents (`media/documents/`,
among them the toolbox's internal files) stay private: the app reads them with its keys, signs a
short-lived URL for editors, or streams them itself after checking the visitor's rights.

    manage.py ensure_media_bucket          # idempotent: run it at deploy time, like migrate
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def public_read_policy(bucket, prefix):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["s3:GetObject"],
                "Resource": [f"arn:aws:s3:::{bucket}/{prefix}/*"],
            }
        ],
    }


class Command(BaseCommand):
    help = "Create the S3 media bucket if missing and allow anonymous reads of renditions (public/) only."

    def handle(self, *args, **options):
        bucket = getattr(settings, "AWS_STORAGE_BUCKET_NAME", "")
        if not bucket:
            raise CommandError("AWS_STORAGE_BUCKET_NAME is not set: media are on the local disk, no bucket to prepare.")
        from botocore.exceptions import BotoCoreError, ClientError

        from django.core.files.storage import storages

        renditions = storages["renditions"]
        client = renditions.connection.meta.client
        try:
            try:
                client.head_bucket(Bucket=bucket)
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") not in {"404", "NoSuchBucket"}:
                    raise
                client.create_bucket(Bucket=bucket)
                self.stdout.write(f"Created bucket {bucket}.")
            policy = public_read_policy(bucket, renditions.location.strip("/"))
            client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
        except (BotoCoreError, ClientError) as error:
            raise CommandError(f"Object storage at {settings.AWS_S3_ENDPOINT_URL or 'AWS'}: {error}") from error
        self.stdout.write(f"Bucket {bucket}: renditions (public/) readable by anyone, everything else private.")
