"""Region scoping: one mechanism for every app whose content belongs to a region.

A *region root* is a page (for example a region's initiatives page, or a region's folder in the
toolbox) that carries a region. Wagtail's own page permissions then do the enforcing: the region's
staff group is granted add/change/publish on that root, and so on everything below it, and on
nothing else. Every admin view, bulk action and forged POST goes through Wagtail's permission checks,
so no home-made check can be forgotten. Content below a root takes its region from the root when it
is saved; editors cannot set it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import GroupPagePermission, Page

from focus_industry.editors.file_permissions import BasePageForm

REGIONAL_STAFF_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
# Business promoters write stories and ordinary pages, and only there: their page permissions sit on each
# *promoters' section* (a page type with `is_promoters_section = True`), never on the root or the home
# page, because Wagtail's page permissions reach the whole subtree below the page they are given on.
PROMOTER_PAGE_PERMISSIONS = ("add_page", "change_page")
COORDINATORS = "Coordinators"
BUSINESS_PROMOTERS = "Business promoters"
REGIONAL_STAFF_PREFIX = "Regional staff: "


def can_manage_region_roots(user):
    """Superusers and coordinators may create, move or re-assign region roots."""
    return bool(user and user.is_authenticated and (user.is_superuser or user.has_perm("focus_industry.change_region")))


def user_regions(user):
    """The regions whose staff group the user belongs to."""
    from .models import Region

    if not user or not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(staff_group__in=user.groups.all())


class RegionRootForm(BasePageForm):
    """A region root's region can be changed only by those who may manage region roots.

    The field is disabled for everyone else, so a forged value in the POST is ignored.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "region" in self.fields and not can_manage_region_roots(self.for_user):
            if self.instance.pk:
                self.fields["region"].disabled = True
            else:
                regions = user_regions(self.for_user)
                self.fields["region"].queryset = regions


class RegionRootMixin(models.Model):
    """Mixed into a page type whose subtree belongs to one region."""

    region = models.ForeignKey(
        "focus_industry.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )

    base_form_class = RegionRootForm
    is_region_root = True

    class Meta:
        abstract = True


def region_root_of(page):
    """The region root at or above `page` (specific), or None."""
    if getattr(page, "is_region_root", False):
        return page
    ancestors = page.get_ancestors(inclusive=False).specific().order_by("-depth") if page.pk else None
    if ancestors is None:
        return None
    for ancestor in ancestors:
        if getattr(ancestor, "is_region_root", False):
            return ancestor
    return None


def grant_region_permissions(page):
    """Give the page's region staff group Wagtail page permissions on the page's subtree only."""
    region = page.region
    staff_groups = Group.objects.filter(name__startswith=REGIONAL_STAFF_PREFIX)
    GroupPagePermission.objects.filter(page=page, group__in=staff_groups).exclude(group=region.staff_group).delete()
    if region.staff_group_id is None:
        return
    _grant(region.staff_group_id, page, REGIONAL_STAFF_PAGE_PERMISSIONS)


def _grant(group_id, page, codenames):
    base_page = Page.objects.get(pk=page.pk)
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group_id=group_id, page=base_page, permission=permission)


def grant_promoter_permissions(page):
    """Give the business promoters add/change on a promoters' section (and so on everything below it)."""
    promoters = Group.objects.filter(name=BUSINESS_PROMOTERS).first()
    if promoters is not None:
        _grant(promoters.pk, page, PROMOTER_PAGE_PERMISSIONS)
