"""Where the parts of the site are mounted (urls.py), for the code that tells requests apart by path."""

ADMIN_PREFIX = "/admin/"
