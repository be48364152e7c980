"""The operations page's HTML: plain pages, every value escaped; the charts are drawn in the browser from the same
figures (admin/static/admin.js, Chart.js), which also fill the tables shown beside each chart."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any
from urllib.parse import urlencode

from kb.answers import in_book_marks

STYLESHEET = "/admin/static/admin.css"
SCRIPTS = ("/admin/static/chart.umd.min.js", "/admin/static/admin.js")
RANGES = {"24h": "最近 24 小时", "7d": "最近 7 天", "30d": "最近 30 天"}
NOT_YET = "还没有：最新的知识库也找不到答案。可以补充一篇相关的报道（python -m kb add …）。"


def layout(title: str, main: str, header: str = "", scripts: Iterable[str] = ()) -> str:
    tags = "".join(f'<script src="{escape(src)}" defer></script>' for src in scripts)
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title)}</title><link rel="stylesheet" href="{STYLESHEET}">{tags}</head>'
            f'<body><header class="top"><h1>复工助手 · 运行情况</h1>{header}</header><main>{main}</main></body></html>')


def login_page(csrf_token: str, problem: str = "", name: str = "") -> str:
    alert = f'<p class="problem" role="alert">{escape(problem)}</p>' if problem else ""
    form = (f'<form class="login" method="post" action="/admin/login">{alert}'
            f'<input type="hidden" name="csrf_token" value="{escape(csrf_token)}">'
            f'<label for="name">用户名</label>'
            f'<input id="name" name="name" autocomplete="username" required value="{escape(name)}">'
            f'<label for="password">密码</label>'
            f'<input id="password" name="password" type="password" autocomplete="current-password" required>'
            f'<button type="submit">登录</button></form>')
    return layout("登录 · 复工助手运行情况", f'<section class="card narrow"><h2>操作员登录</h2>{form}</section>')


def dashboard(data: Mapping[str, Any], operator: str, csrf_token: str, query: Mapping[str, str],
              problem: str = "") -> str:
    header = (f'<form class="logout" method="post" action="/admin/logout"><span>{escape(operator)}</span>'
              f'<input type="hidden" name="csrf_token" value="{escape(csrf_token)}">'
              f'<button type="submit">退出登录</button></form>')
    alert = f'<p class="problem" role="alert">{escape(problem)}</p>' if problem else ""
    export = urlencode({key: value for key, value in query.items() if value})
    main = "".join((
        _range_form(query), alert,
        '<p class="no-charts" hidden>图表库没有安装（<code>make run</code> 会安装）：'
        '每张图的数据都在它下面的表格里。</p>',
        _figures(data), _messages(data), _outcomes(data), _latency(data), _wechat(data),
        _unanswered(data["unanswered"], export), _feedback(data["feedback"], export),
        f'<script type="application/json" id="summary">{_json_for_html(data)}</script>',
    ))
    return layout("复工助手运行情况", main, header, SCRIPTS)


def _range_form(query: Mapping[str, str]) -> str:
    chosen = query.get("range") or ("" if query.get("from") else "24h")
    options = "".join(f'<option value="{key}"{" selected" if key == chosen else ""}>{name}</option>'
                      for key, name in RANGES.items())
    return (f'<form class="range card" method="get" action="/admin">'
            f'<label for="range">时间范围</label><select id="range" name="range">'
            f'<option value=""{" selected" if not chosen else ""}>按日期</option>{options}</select>'
            f'<label for="from">从</label>'
            f'<input id="from" name="from" type="date" value="{escape(query.get("from", ""))}">'
            f'<label for="to">到</label><input id="to" name="to" type="date" value="{escape(query.get("to", ""))}">'
            f'<button type="submit">查看</button><span class="hint">时间为北京时间</span></form>')


def _figures(data: Mapping[str, Any]) -> str:
    outcomes = {o["key"]: o for o in data["outcomes"]["outcomes"]}
    answered = sum(outcomes[k]["count"] for k in ("answered", "fallback") if k in outcomes)
    latency, wechat, votes = data["latency"], data["wechat"], data["feedback"]
    figures = [
        ("消息", str(data["messages"]["total"]), f'{_dt(data["range"]["since"])} 至 {_dt(data["range"]["until"])}'),
        ("已回答", _percent(answered / data["outcomes"]["total"] if data["outcomes"]["total"] else None),
         "含兜底检索回答"),
        ("响应时间", f'{_ms(latency["p50_ms"])} / {_ms(latency["p95_ms"])}', "中位数 / 95% 的消息在此之内"),
        ("微信按时回复", _percent(wechat["passive_share"]), f'{wechat["total"]} 条微信消息'),
        ("好评", _percent(votes["up_share"]), f'{votes["total"]} 次评价'),
        ("未能回答", str(len(data["unanswered"]["still"])), "组相似问法仍无答案"),
    ]
    cells = "".join(f'<div class="figure"><span class="name">{escape(name)}</span><strong>{escape(value)}</strong>'
                    f'<span class="note">{escape(note)}</span></div>' for name, value, note in figures)
    return f'<section class="figures" aria-label="概览">{cells}</section>'


def _chart(chart_id: str, title: str, description: str, table: str) -> str:
    return (f'<section class="card chart" aria-labelledby="{chart_id}-title"><h2 id="{chart_id}-title">{title}</h2>'
            f'<div class="canvas"><canvas id="{chart_id}" role="img" aria-label="{escape(description)}（数据见下表）">'
            f'</canvas></div><details><summary>数据表</summary>{table}</details></section>')


def _table(head: list[str], rows: Iterable[Iterable[object]], caption: str = "") -> str:
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    heads = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(_cell(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f'<div class="table"><table>{cap}<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table></div>'


def _messages(data: Mapping[str, Any]) -> str:
    channels = data["messages"]["channels"]
    rows = [[label, *(c["counts"][i] for c in channels)] for i, label in enumerate(data["labels"])]
    step = "每小时" if data["range"]["step"] == "hour" else "每天"
    table = _table(["时间", *(c["name"] for c in channels)], [r for r in rows if any(r[1:])])
    return _chart("chart-messages", f"{step}消息数（按渠道）", f"{step}的用户消息数，按渠道堆叠", table)


def _outcomes(data: Mapping[str, Any]) -> str:
    outcomes = data["outcomes"]["outcomes"]
    table = _table(["结果", "消息数", "占比"], [[o["name"], o["count"], _percent(o["share"])] for o in outcomes])
    return _chart("chart-outcomes", "回答结果占比及趋势", "每个时段各种回答结果所占的比例", table)


def _latency(data: Mapping[str, Any]) -> str:
    latency = data["latency"]
    rows = [["全部", latency["turns"], _ms(latency["p50_ms"]), _ms(latency["p95_ms"])]]
    rows += [[c["name"], c["turns"], _ms(c["p50_ms"]), _ms(c["p95_ms"])] for c in latency["channels"]]
    table = _table(["渠道", "消息数", "中位数 p50", "p95"], rows, "按直方图分桶估算，同 /metrics")
    return _chart("chart-latency", "响应时间", "每个时段响应时间的中位数和 95 分位（毫秒）", table)


def _wechat(data: Mapping[str, Any]) -> str:
    wechat = data["wechat"]
    rows = [[d["name"], d["count"], _percent(d["count"] / wechat["total"] if wechat["total"] else None)]
            for d in wechat["deliveries"]]
    table = _table(["送达方式", "消息数", "占比"], rows, "微信 5 秒内要回复：迟到的回答改用客服消息补发，或致歉")
    return _chart("chart-wechat", "微信：按时回复与迟到", "每个时段微信消息按时回复和迟到的数量", table)


def _unanswered(unanswered: Mapping[str, Any], export: str) -> str:
    if unanswered["checked_build"] is not None and unanswered["checked_build"] == unanswered["latest_build"]:
        checked = f'知识库第 {unanswered["checked_build"]} 次构建后已逐条检查。'
    else:
        checked = "最新的知识库还没有检查这些问题：运行 <code>python -m kb build</code> 后再看。"
    still, answered = unanswered["still"], unanswered["answered"]
    parts = [f'<section class="card" id="unanswered" aria-labelledby="unanswered-title">'
             f'<h2 id="unanswered-title">未能回答的问题</h2>'
             f'<p>{unanswered["questions"]} 次提问，{unanswered["groups"]} 组相似问法'
             f'（按次数排列，最多显示 50 组）。{checked}'
             f' <a class="export" href="/admin/export/unanswered.csv?{escape(export)}" download>导出 CSV</a></p>',
             f'<h3 id="still-title">仍未回答（{len(still)} 组）</h3>',
             _groups(still, "still-title", NOT_YET),
             f'<h3 id="answered-title">现在已能回答（{len(answered)} 组）</h3>',
             _groups(answered, "answered-title", ""),
             "</section>"]
    return "".join(parts)


def _groups(groups: list[Mapping[str, Any]], labelled_by: str, none_text: str) -> str:
    if not groups:
        return '<p class="empty">没有。</p>'
    items = []
    for group in groups:
        examples = "".join(f"<li>{escape(example)}</li>" for example in group["examples"])
        reasons = "，".join(f'{escape(r["reason"])} {r["count"]}' for r in group["reasons"])
        if group["answered_by"]:
            now = (f'<p>{escape(in_book_marks(group["answered_by"]))}</p>'
                   f'<blockquote>{escape(group["answer"])}</blockquote>')
        else:
            now = f"<p>{escape(none_text)}</p>"
        items.append(f'<li class="group"><span class="count">{group["count"]} 次</span>'
                     f'<ul class="examples">{examples}</ul>'
                     f'<p class="meta">最近 {escape(group["last_asked"])} · '
                     f'{escape("、".join(group["channels"]))} · {reasons}</p>'
                     f'<details class="now"><summary>现在哪篇文章能回答？</summary>{now}</details></li>')
    return f'<ol class="groups" aria-labelledby="{labelled_by}">{"".join(items)}</ol>'


def _feedback(votes: Mapping[str, Any], export: str) -> str:
    by_article = _table(["文章", "有帮助", "没帮助"], [[r["name"], r["up"], r["down"]] for r in votes["articles"]])
    by_topic = _table(["话题（问的是什么）", "有帮助", "没帮助"],
                      [[r["name"], r["up"], r["down"]] for r in votes["topics"]])
    worst_rows = [[r["question"], in_book_marks(r["article"]), "、".join(r["channels"]), r["down"], r["up"],
                   r["last_voted"]] for r in votes["worst"]]
    worst = (_table(["问题", "回答出自", "渠道", "没帮助", "有帮助", "最近"], worst_rows) if worst_rows
             else '<p class="empty">没有差评多于好评的回答。</p>')
    return (f'<section class="card" id="feedback" aria-labelledby="feedback-title">'
            f'<h2 id="feedback-title">用户评价</h2>'
            f'<p>{votes["total"]} 次评价：有帮助 {votes["up"]}，没帮助 {votes["down"]}。'
            f' <a class="export" href="/admin/export/feedback.csv?{escape(export)}" download>导出 CSV</a></p>'
            f'<div class="pair">'
            + _chart("chart-articles", "按文章", "每篇文章的回答收到的好评和差评", by_article)
            + _chart("chart-topics", "按话题", "按问题所问的内容（电话、日期、地点……）统计的好评和差评", by_topic)
            + f'</div><h3>评价最差的回答</h3>{worst}</section>')


def _json_for_html(data: Mapping[str, Any]) -> str:
    """JSON inside <script type="application/json">: no "</script>" or "<!--" can end it early."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} ms"


def _dt(shown: str) -> str:
    return shown[5:]  # "2020-03-01 10:00" → "03-01 10:00"
