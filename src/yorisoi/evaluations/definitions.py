"""An instrument's items written as plain text lines, and read back: what the edit page shows.

    [本人]
    外出の様子 | level | 家の中で過ごしている; 近所に出かけることがある; 遠出することもある
    [家族]
    家族が定期的に相談している | yes_no
    家族会に参加している | yes_no | | optional

A line in brackets names the group of the lines below it. Each item line is
"label | kind | levels separated by ;" and, optionally, "| optional" for an item the form
leaves as not rated unless someone rates it. Full-width ｜ and ； are read like | and ;.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yorisoi.evaluations.choices import ItemKind

MAX_LEVELS = 20
MAX_ITEMS = 100
_KINDS = {
    "level": ItemKind.LEVEL,
    "levels": ItemKind.LEVEL,
    "段階": ItemKind.LEVEL,
    "yes_no": ItemKind.YES_NO,
    "yesno": ItemKind.YES_NO,
    "はい/いいえ": ItemKind.YES_NO,
    "はい・いいえ": ItemKind.YES_NO,
}
_OPTIONAL = {"optional", "任意"}
_GROUP = re.compile(r"^[\[［【](.*)[\]］】]$")
_BAR = re.compile(r"[|｜]")
_SEMICOLON = re.compile(r"[;；]")


@dataclass(frozen=True)
class ItemSpec:
    """One item as an organization defines it; levels are numbered 1, 2, … in the order given."""

    label: str
    kind: str
    levels: tuple[str, ...] = ()
    group: str = ""
    rated_by_default: bool = True


def parse_definition(text: str) -> list[ItemSpec]:
    """Read the lines into item specs; every mistake is reported with its line number."""
    items: list[ItemSpec] = []
    errors: list[str] = []
    group = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if heading := _GROUP.match(line):
            group = heading[1].strip()
            continue
        try:
            items.append(_parse_item(line, group))
        except ValidationError as error:
            errors.extend(
                _("Line %(line)s: %(error)s") % {"line": number, "error": message}
                for message in error.messages
            )
    if not items and not errors:
        errors.append(_("Write at least one item."))
    if len(items) > MAX_ITEMS:
        errors.append(_("An instrument can have at most %(n)s items.") % {"n": MAX_ITEMS})
    labels = [(item.group, item.label) for item in items]
    if len(set(labels)) != len(labels):
        errors.append(_("Two items in the same group have the same label."))
    if errors:
        raise ValidationError(errors)
    return items


def _parse_item(line: str, group: str) -> ItemSpec:
    parts = [part.strip() for part in _BAR.split(line)]
    label = parts[0]
    kind_word = parts[1].lower().replace(" ", "") if len(parts) > 1 else ""
    if not label:
        raise ValidationError(_("The item has no label."))
    if len(label) > 300:
        raise ValidationError(_("The label is longer than 300 characters."))
    if kind_word not in _KINDS:
        raise ValidationError(_('Write the kind after the label: "level" or "yes_no".'))
    kind = _KINDS[kind_word]
    levels = tuple(t.strip() for t in _SEMICOLON.split(parts[2])) if len(parts) > 2 else ()
    levels = tuple(t for t in levels if t)
    extra = [p for p in parts[3:] if p]
    if any(p.lower() not in _OPTIONAL for p in extra) or len(extra) > 1:
        raise ValidationError(_('Only "optional" may follow the levels.'))
    if kind == ItemKind.YES_NO and levels:
        raise ValidationError(_("A yes/no item has no levels."))
    if kind == ItemKind.LEVEL and not 2 <= len(levels) <= MAX_LEVELS:
        raise ValidationError(
            _("A level item needs between 2 and %(n)s levels, separated by ;.") % {"n": MAX_LEVELS}
        )
    if any(len(t) > 300 for t in levels):
        raise ValidationError(_("A level description is longer than 300 characters."))
    return ItemSpec(label, kind, levels, group, rated_by_default=not extra)


def format_definition(items: list[ItemSpec]) -> str:
    """Write item specs as the lines ``parse_definition`` reads."""
    lines, group = [], ""
    for item in items:
        if item.group != group:
            lines.append(f"[{item.group}]")
            group = item.group
        parts = [item.label, item.kind]
        if item.levels or not item.rated_by_default:
            parts.append("; ".join(item.levels))
        if not item.rated_by_default:
            parts.append("optional")
        lines.append(" | ".join(parts))
    return "\n".join(lines)
