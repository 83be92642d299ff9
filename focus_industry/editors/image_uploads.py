"""The pixel limit for uploaded images, told to the editor instead of a server error.

`WAGTAILIMAGES_MAX_IMAGE_PIXELS` is the one limit: Wagtail checks it on every image upload form (the
image add view, the multiple upload and the chooser's upload all build their form on
`WAGTAILIMAGES_IMAGE_FORM_BASE`), and Pillow's own `MAX_IMAGE_PIXELS` is set to the same number at start-up
(`apply_pillow_limit`). Pillow refuses to even open a picture of more than twice its limit (a
"decompression bomb": a small file that unpacks to gigabytes), which Wagtail's check does not expect;
`PixelLimitedImageField` turns that refusal into the same form error as Wagtail's own check, with a
message in megapixels that says what to do.
"""

from PIL import Image as PillowImage

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

TOO_MANY_PIXELS = _(
    "This image has too many pixels: at most %(megapixels)s megapixels are allowed. "
    "Make it smaller (fewer pixels wide and high) and upload it again."
)


def apply_pillow_limit():
    """Pillow's limit agrees with Wagtail's (Pillow warns above it and refuses above twice it)."""
    PillowImage.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def megapixels(pixels):
    return f"{pixels / 1_000_000:g}"


class PixelLimitedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        if self.max_image_pixels is None:
            return
        try:
            width, height = f.image.get_size()
            # Frames count only when one frame fits (counting them reads the image data).
            too_many = width * height > self.max_image_pixels
            too_many = too_many or width * height * f.image.get_frame_count() > self.max_image_pixels
        except PillowImage.DecompressionBombError:
            too_many = True
        if too_many:
            raise ValidationError(
                TOO_MANY_PIXELS % {"megapixels": megapixels(self.max_image_pixels)}, code="file_too_many_pixels"
            )


class ImageForm(BaseImageForm):
    """Wagtail's image form with the pixel limit told plainly (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, PixelLimitedImageField):
            self.fields["file"] = PixelLimitedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
