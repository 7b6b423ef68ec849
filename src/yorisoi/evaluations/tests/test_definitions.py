"""Instruments written as lines of text: read, checked line by line, and written back."""

import pytest
from django.core.exceptions import ValidationError

from yorisoi.evaluations.choices import ItemKind
from yorisoi.evaluations.definitions import ItemSpec, format_definition, parse_definition

TEXT = """
[本人]
外出の様子 | level | 家の中で過ごしている; 近所に出かけることがある；遠出することもある
［家族］
家族が定期的に相談している｜yes_no
家族会に参加している | yes_no | | optional
"""


def test_lines_become_items_with_groups_levels_and_optional_items():
    items = parse_definition(TEXT)
    assert items == [
        ItemSpec(
            "外出の様子",
            ItemKind.LEVEL,
            ("家の中で過ごしている", "近所に出かけることがある", "遠出することもある"),
            "本人",
        ),
        ItemSpec("家族が定期的に相談している", ItemKind.YES_NO, (), "家族"),
        ItemSpec("家族会に参加している", ItemKind.YES_NO, (), "家族", rated_by_default=False),
    ]
    assert parse_definition(format_definition(items)) == items


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("外出 | level | ひとつだけ", 1),
        ("外出", 1),
        ("[本人]\n外出 | scale | a; b", 2),
        ("相談している | yes_no | はい; いいえ", 1),
        ("相談している | yes_no | | maybe", 1),
        (" | level | a; b", 1),
    ],
)
def test_mistakes_are_reported_with_their_line(text, line):
    with pytest.raises(ValidationError) as error:
        parse_definition(text)
    assert any(f"{line}" in message for message in error.value.messages)


def test_empty_and_duplicate_definitions_are_refused():
    with pytest.raises(ValidationError):
        parse_definition("[本人]\n")
    with pytest.raises(ValidationError):
        parse_definition("外出 | yes_no\n外出 | yes_no")
