from django.db.models.signals import post_save
from django.dispatch import receiver

from .regions import grant_promoter_permissions, grant_region_permissions


@receiver(post_save, dispatch_uid="focus_industry_region_root_permissions")
def region_root_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if getattr(instance, "is_region_root", False):
        grant_region_permissions(instance)
    if getattr(instance, "is_promoters_section", False) and kwargs.get("created"):
        grant_promoter_permissions(instance)
