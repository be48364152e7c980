"""The whole bot over REST: NLU, rules, the action server and the KB, as `make run` serves them."""
import uuid

import pytest
import requests


def chat(bot_server, text, sender=None):
    response = requests.post(f"{bot_server.base_url}/webhooks/rest/webhook",
                             json={"sender": sender or uuid.uuid4().hex, "message": text}, timeout=30)
    assert response.status_code == 200
    return response.json()


def text_of(messages):
    return "\n".join(m.get("text", "") for m in messages)


def test_hotline_question_gets_exact_numbers_and_source(bot_server):
    reply = text_of(chat(bot_server, "金融运行的热线电话是多少"))
    assert "0536-8090465" in reply and "19953687355" in reply
    assert "来源：《潍坊市委经济运行 应急指挥部 多部热线电话开通》（2020年2月22日）" in reply


def test_department_follow_up_keeps_the_hotline_context(bot_server):
    sender = uuid.uuid4().hex
    assert "0536-8097077" in text_of(chat(bot_server, "复工热线电话有哪些", sender))
    reply = text_of(chat(bot_server, "金融的呢？", sender))
    assert reply.startswith("金融运行热线：0536-8090465")


def test_follow_up_is_asked_about_the_conversations_article(bot_server):
    sender = uuid.uuid4().hex
    assert "青州港天物流园" in text_of(chat(bot_server, "齐鲁号欧亚班列从哪里发车", sender))
    assert "15至20列" in text_of(chat(bot_server, "一个月发几趟？", sender))


def test_human_request_gives_the_hotline_of_the_conversation(bot_server):
    sender = uuid.uuid4().hex
    assert "0536-8097077" in text_of(chat(bot_server, "交通运输保障的电话", sender))
    assert "0536-8097077" in text_of(chat(bot_server, "我要转人工", sender))
    chat(bot_server, "寒亭区网上招聘会在哪个平台", sender)
    assert "0536-8090761" in text_of(chat(bot_server, "我要转人工", sender))  # no department: the general one


def test_out_of_scope_is_declined_without_facts(bot_server):
    reply = text_of(chat(bot_server, "今天天气怎么样"))
    assert reply.startswith("抱歉") and "0536" not in reply and "来源" not in reply


def test_capabilities_offer_the_newest_articles_and_a_button_asks_about_one(bot_server):
    messages = chat(bot_server, "你能做什么")
    buttons = [b for m in messages for b in m.get("buttons", [])]
    assert buttons[0]["title"] == "网上“菜篮子超市” 满足需求稳定物价"
    assert "来源：《网上“菜篮子超市” 满足需求稳定物价》" in text_of(chat(bot_server, buttons[0]["payload"]))


def test_english_gets_the_bilingual_note_not_small_talk(bot_server):
    reply = text_of(chat(bot_server, "What is the hotline for foreign trade companies?"))
    assert "中文" in reply and "Chinese" in reply and "不客气" not in reply


# Empty and overlong messages are refused with 400 / 413: tests/security/test_bounds.py.
@pytest.mark.parametrize("text", ["😀🙏🎉", "<img src=x onerror=alert(1)>", "字" * 1000, "SELECT * FROM hotlines; --"])
def test_odd_messages_get_a_reply_not_an_error(bot_server, text):
    messages = chat(bot_server, text)
    assert isinstance(messages, list)
    assert all("Traceback" not in m.get("text", "") for m in messages)


def test_the_server_warmed_itself_up_with_one_answered_turn(bot_server):
    status = requests.get(f"{bot_server.base_url}/webhooks/warmup/", timeout=10).json()
    assert status["done"] is True and status["replies"] >= 1
