from django.db.models.signals import post_save
from django.dispatch import receiver

from .regions import grant_region_permissions


@receiver(post_save, dispatch_uid="focus_industry_region_root_permissions")
def region_root_saved(sender, instance, raw=False, **kwargs):
    if raw or not getattr(instance, "is_region_root", False):
        return
    grant_region_permissions(instance)
