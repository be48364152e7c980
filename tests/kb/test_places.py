"""Places from the region table that ships with cpca."""
import pytest

from kb.places import county_names, names_a_development_zone, nested, region_names


@pytest.mark.parametrize("first, second", [("寿光", "潍坊"), ("潍坊", "山东"), ("潍坊市", "潍坊")])
def test_a_place_within_another_is_nested_either_way(first, second):
    assert nested(first, second) and nested(second, first)


@pytest.mark.parametrize("first, second", [("青州", "潍城"), ("青岛", "潍坊"), ("济南", "江苏")])
def test_places_side_by_side_are_not_nested(first, second):
    assert not nested(first, second)


def test_counties_are_regions_but_not_prefectures():
    assert {"寿光", "寿光市", "坊子区"} <= county_names() <= region_names()
    assert "潍坊" in region_names() and "潍坊" not in county_names()


def test_a_short_name_that_is_an_everyday_word_is_no_place():
    assert "港口" not in region_names() and "城区" not in county_names()
    assert {"港口区", "青岛", "高密", "坊子"} <= region_names()


@pytest.mark.parametrize("text, zone", [
    ("高新区“空中课堂”开课三周", True), ("滨海经济技术开发区新增企业12家", True), ("综合保税区进出口额", True),
    ("坊子区物流车辆通行证网上快办", False), ("重点开发区域的规划", False),
])
def test_a_development_zone_is_told_by_its_kind(text, zone):
    assert names_a_development_zone(text) is zone
