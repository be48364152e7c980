"""Bot messages as WeChat text: joined, buttons as a numbered menu, cut to 2048 bytes."""

import pytest

from channels.wechat.replies import (
    MAX_TEXT_BYTES,
    WELCOME_TEXT,
    menu_number,
    render_bot_messages,
    split_text,
    unsupported_message_text,
    welcome,
)


def test_several_bot_messages_become_one_text():
    rendered = render_bot_messages(
        [{"text": "综合协调热线：0536-1234567"}, {"text": "来源：《复工复产》（2月20日）"}]
    )
    assert rendered.chunks == ["综合协调热线：0536-1234567\n\n来源：《复工复产》（2月20日）"]
    assert rendered.menu == {}


def test_buttons_become_a_numbered_menu():
    rendered = render_bot_messages(
        [
            {"text": "您想了解哪方面？", "buttons": [
                {"title": "热线电话", "payload": "/ask_hotline"},
                {"title": "齐鲁号班列", "payload": "/ask_train"},
            ]},
            {"image": "https://example.invalid/map.png"},
        ]
    )
    assert rendered.chunks == [
        "您想了解哪方面？\n（回复数字选择）\n1. 热线电话\n2. 齐鲁号班列\n\nhttps://example.invalid/map.png"
    ]
    assert rendered.menu == {1: "/ask_hotline", 2: "/ask_train"}


@pytest.mark.parametrize("reply, number", [("1", 1), (" 2 ", 2), ("２", 2), ("2。", 2), ("12", 12),
                                           ("123", None), ("第2个", None), ("2 号", None), ("", None)])
def test_a_bare_number_is_a_menu_choice(reply, number):
    assert menu_number(reply) == number


def test_the_welcome_names_no_article_and_points_to_what_the_bot_offers():
    rendered = welcome()
    assert rendered.chunks == [WELCOME_TEXT] and rendered.menu == {}
    assert "你能做什么" in WELCOME_TEXT


def test_unsupported_types_say_what_the_bot_understands():
    for msg_type in ("voice", "image", "location", "video"):
        assert "请用文字提问" in unsupported_message_text(msg_type)
    assert unsupported_message_text("image").startswith("抱歉，我还看不懂图片")


def test_long_texts_are_cut_within_the_limit_without_breaking_characters():
    text = "\n".join(f"第{i}条：" + "复工复产政策说明" * 40 for i in range(20))
    chunks = split_text(text)
    assert len(chunks) > 1
    assert all(len(chunk.encode("utf-8")) <= MAX_TEXT_BYTES for chunk in chunks)
    assert "".join(chunks).replace("\n", "") == text.replace("\n", "")


def test_an_overlong_line_is_cut_by_characters():
    chunks = split_text("齐" * 2000, limit=100)
    assert all(len(chunk.encode("utf-8")) <= 100 for chunk in chunks)
    assert "".join(chunks) == "齐" * 2000


def test_empty_answers_give_no_chunk():
    assert split_text("  \n ") == []
    assert render_bot_messages([]).chunks == []
