"""The staff list downloads as .xlsx with the filter in force, for every role that sees it."""

from django.urls import reverse

from yorisoi.core.roles import Role
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx


def test_staff_download_filtered_and_names_stay_text(as_member, make_member, org, other_org):
    make_member(org, Role.CLERK, user__full_name="=事務 花子", user__username="hanako")
    make_member(org, Role.CASEWORKER, user__full_name="相談 太郎", user__username="taro")
    make_member(other_org, Role.CLERK, user__full_name="よその職員")
    viewer = make_member(org, Role.SUPPORTER, user__username="viewer")
    sheet = read_xlsx(xlsx(as_member(viewer), reverse("organizations:staff_list"), role="clerk"))
    assert sheet.values("ユーザー名") == ["hanako"]
    (name,) = sheet.column("氏名")
    assert name.value == "=事務 花子"
    assert name.data_type == "s"
    assert sheet.values("在職状況") == ["在職"]


def test_the_staff_list_queries_do_not_grow(
    as_member, make_member, org, sysadmin, django_assert_max_num_queries
):
    assert_queries_do_not_grow(
        as_member(sysadmin),
        reverse("organizations:staff_list"),
        django_assert_max_num_queries,
        lambda: [make_member(org, Role.CASEWORKER) for _ in range(20)],
    )
