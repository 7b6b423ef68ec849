"""Where the person's wishes stand and how they were heard (handbook points 17 and 19).

Shared by the assessment and the plan: each keeps the person's words, whether they are heard,
not clear yet or not heard yet, and whether they came from the person, through the family, or
from how the person acts. An empty text is then never mistaken for a question not asked.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yorisoi.assessments.choices import WishesStatus


def settle_wishes(
    *, text: str, status: str, heard: str, text_field: str, status_field: str, heard_field: str
) -> str:
    """The status to store for these words, or a ValidationError naming the field to fix.

    A client that sends no status (one written before the status existed) gets "heard" when
    it wrote the person's words and nothing otherwise.
    """
    if not status:
        return WishesStatus.HEARD if text.strip() else ""
    errors = {}
    if status == WishesStatus.HEARD and not text.strip():
        errors[text_field] = _(
            "Write what the person wants, in their own words, or choose “Not clear yet” or "
            "“Not heard yet”."
        )
    if status == WishesStatus.NOT_YET and heard:
        errors[heard_field] = _("Nothing has been heard yet, so leave how it was heard empty.")
    if status in {WishesStatus.HEARD, WishesStatus.UNCLEAR} and not heard:
        errors[heard_field] = _(
            "Choose how this was heard: from the person, through the family, or from how "
            "the person acts."
        )
    if status not in WishesStatus.values:
        errors[status_field] = _("Choose where the person's wishes stand.")
    if errors:
        raise ValidationError(errors)
    return status
