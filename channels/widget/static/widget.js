/* 复工助手 chat widget. One tag on any page, no dependencies:
 *   <script src="https://BOT/webhooks/widget/widget.js" data-title="复工助手" data-color="#b3261e"
 *           data-greeting="您好！" data-server="https://BOT" defer></script>
 * Messages go to the widget channel (/webhooks/widget/message) with this browser's conversation token, kept in
 * localStorage; the history comes back from /history with the same token, so a reload keeps the conversation.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = script.dataset;
  var server = (data.server || script.src.replace(/\/webhooks\/widget\/widget\.js(\?.*)?$/, "")).replace(/\/+$/, "");
  var title = data.title || "复工助手";
  var greeting = data.greeting ||
    "您好！我是复工助手，可以回答潍坊复工复产新闻报道里的问题。请直接提问，或问“你能做什么”看看最新的报道。";
  var storeKey = "fugong-widget:" + server;
  var RETRY_MIN = 1000, RETRY_MAX = 15000, TIMEOUT = 60000;

  // Numbers worth tapping: 0536-8090465, (0531)85193261, 19953687355, 8090775 — not parts of longer numbers.
  var PHONE = /(^|[^\d.\-])((?:\(0\d{2,3}\)|0\d{2,3}-)\d{7,8}|1[3-9]\d{9}|[2-9]\d{6,7})(?![\d.\-])/g;
  var SOURCE = /^\s*来源[：:]/;

  // The bubble stays hidden until the stylesheet is there: no flash of an unstyled button.
  var TEMPLATE =
    '<link rel="stylesheet">' +
    '<button class="bubble" type="button" aria-expanded="false" aria-controls="panel" hidden>' +
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>' +
    '</button>' +
    '<section class="panel" id="panel" role="dialog" aria-labelledby="title" lang="zh-CN" hidden>' +
    '<header><h2 id="title"></h2><button class="close" type="button" aria-label="关闭对话">×</button></header>' +
    '<div class="log" role="log" aria-live="polite" aria-label="对话记录" tabindex="0"></div>' +
    '<div class="typing" hidden><span class="sr-only">正在回复</span><i></i><i></i><i></i></div>' +
    '<div class="status" role="alert" hidden>连接中断，<button type="button" class="retry">重试</button></div>' +
    '<form class="composer">' +
    '<label for="input" class="sr-only">输入您的问题</label>' +
    '<textarea id="input" rows="1" enterkeyhint="send" placeholder="请输入问题，回车发送"></textarea>' +
    '<button type="submit">发送</button>' +
    '</form></section>';

  // --- storage: localStorage may be blocked (private mode); the widget then forgets on reload ---
  var memory = {};
  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return memory[key] || null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { memory[key] = value; }
  }
  // The server issues the token with the conversation (POST /conversations) and alone can check it.
  var TOKEN = /^[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/;
  var token = TOKEN.test(load(storeKey) || "") ? load(storeKey) : null;
  function forgetConversation() {
    token = null;
    save(storeKey, "");
  }

  // --- DOM ---
  var host = document.createElement("div");
  host.className = "fugong-widget";
  if (data.color) host.style.setProperty("--accent", data.color);
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML = TEMPLATE;  // a constant; everything from the bot goes in as text below
  var $ = function (selector) { return root.querySelector(selector); };
  var bubble = $(".bubble"), panel = $(".panel"), log = $(".log"), input = $("#input");
  var typing = $(".typing"), status = $(".status");
  var stylesheet = $("link");
  stylesheet.onload = stylesheet.onerror = function () { bubble.hidden = false; };
  stylesheet.href = script.src.replace(/widget\.js(\?.*)?$/, "widget.css");
  $("#title").textContent = title;
  bubble.setAttribute("aria-label", "打开" + title + "对话");
  if (document.body) document.body.appendChild(host);
  else document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(host); });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function linkify(parent, text) {
    var last = 0, match;
    PHONE.lastIndex = 0;
    while ((match = PHONE.exec(text))) {
      var start = match.index + match[1].length;
      var link = element("a", "", match[2]);
      link.href = "tel:" + match[2].replace(/\D/g, "");
      parent.append(text.slice(last, start), link);
      last = start + match[2].length;
    }
    parent.append(text.slice(last));
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function showUser(text) {
    var item = element("div", "msg user");
    item.append(element("span", "sr-only", "我："), text);
    log.appendChild(item);
    scrollDown();
  }

  // Bot text is untrusted: only ever textContent / text nodes, never HTML.
  function showBot(message) {
    var item = element("div", "msg bot");
    item.appendChild(element("span", "sr-only", title + "："));
    var lines = (message.text || "").replace(/\s+$/, "").split("\n");
    var source = lines.length && SOURCE.test(lines[lines.length - 1]) ? lines.pop().trim() : "";
    var body = lines.join("\n");
    if (body) {
      var paragraph = element("p", "text");
      linkify(paragraph, body);
      item.appendChild(paragraph);
    }
    if (source) item.appendChild(element("p", "source", source));
    if (message.answer && ANSWER_ID.test(message.answer.id || "")) item.appendChild(voteButtons(message.answer.id));
    if (message.buttons && message.buttons.length) {
      var replies = element("div", "replies");
      replies.setAttribute("role", "group");
      replies.setAttribute("aria-label", "快捷回复");
      message.buttons.forEach(function (button) {
        var choice = element("button", "", button.title);
        choice.type = "button";
        choice.addEventListener("click", function () { send(button.payload, button.title); });
        replies.appendChild(choice);
      });
      item.appendChild(replies);
    }
    log.appendChild(item);
    scrollDown();
  }

  // --- 👍/👎 under a factual answer: one vote per answer, changed by pressing the other, remembered per browser ---
  var ANSWER_ID = /^[0-9a-f]{16}$/;
  var VOTES = storeKey + ":votes", MAX_VOTES = 200;
  var VOTE_FAILED = "评价没有保存，请稍后再试。";

  function votes() {
    try { return JSON.parse(load(VOTES) || "{}") || {}; } catch (e) { return {}; }
  }

  function rememberVote(id, value) {
    var all = votes();
    delete all[id];
    all[id] = value;
    var ids = Object.keys(all);
    while (ids.length > MAX_VOTES) delete all[ids.shift()];
    save(VOTES, JSON.stringify(all));
  }

  function voteButtons(id) {
    var group = element("div", "vote");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "这个回答有帮助吗？");
    var question = element("span", "", "有帮助吗？");
    question.setAttribute("aria-hidden", "true");
    group.appendChild(question);
    var note = element("span", "note");
    note.setAttribute("role", "status");
    var buttons = {}, current = votes()[id];
    [["up", "👍", "有帮助"], ["down", "👎", "没帮助"]].forEach(function (choice) {
      var button = element("button", "", choice[1]);
      button.type = "button";
      button.setAttribute("aria-label", choice[2]);
      button.setAttribute("aria-pressed", String(current === choice[0]));
      button.addEventListener("click", function () { vote(id, choice[0], buttons, note); });
      buttons[choice[0]] = button;
      group.appendChild(button);
    });
    group.appendChild(note);
    return group;
  }

  function vote(id, value, buttons, note) {
    if (!token) return;
    note.textContent = "";
    post("/feedback", { token: token, answer: id, vote: value }).then(function (reply) {
      if (reply.status !== 200) {
        note.textContent = reply.data.detail || VOTE_FAILED;
        return;
      }
      Object.keys(buttons).forEach(function (key) {
        buttons[key].setAttribute("aria-pressed", String(key === value));
      });
      rememberVote(id, value);
      note.textContent = "谢谢您的评价";
    }, function () {
      note.textContent = VOTE_FAILED;
    });
  }

  // --- talking to the server: one request at a time, in order; on failure retry with back-off ---
  var queue = [];     // user messages not yet answered, oldest first
  var busy = false;   // a request is out (or the history is not loaded yet)
  var retryDelay = RETRY_MIN, retryTimer = null, retryJob = null;

  // Resolves with {status, data} when the server answered for good (2xx, or an error that says what is wrong);
  // rejects when it is worth retrying (no connection, time-out, 408, 429, 502-504: starting, restarting, busy).
  var RETRY = [408, 429, 502, 503, 504];
  function post(path, body) {
    var abort = new AbortController();
    var timer = setTimeout(function () { abort.abort(); }, TIMEOUT);
    return fetch(server + "/webhooks/widget" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: abort.signal,
    }).then(function (response) {
      clearTimeout(timer);
      if (RETRY.indexOf(response.status) >= 0) {
        throw new Error("HTTP " + response.status);
      }
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    }, function (error) {
      clearTimeout(timer);
      throw error;
    });
  }

  // This browser's token, asking the server for a new conversation the first time.
  function conversation() {
    if (token) return Promise.resolve(token);
    return post("/conversations", {}).then(function (reply) {
      if (!TOKEN.test(reply.data.token || "")) throw new Error("no conversation token");
      token = reply.data.token;
      save(storeKey, token);
      return token;
    });
  }

  function connected() {
    status.hidden = true;
    retryDelay = RETRY_MIN;
    clearTimeout(retryTimer);
    retryJob = null;
  }

  function disconnected(job) {
    status.hidden = false;
    retryJob = job;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(retryNow, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX);
  }

  function retryNow() {
    clearTimeout(retryTimer);
    var job = retryJob;
    retryJob = null;
    if (job) job();
  }

  function loadHistory() {
    if (!token) return pump();  // nothing said yet
    busy = true;
    post("/history", { token: token }).then(function (reply) {
      connected();
      if (reply.status === 403) forgetConversation();  // the server no longer knows this token: start anew
      (reply.data.messages || []).forEach(function (m) { m.sender === "user" ? showUser(m.text) : showBot(m); });
      busy = false;
      pump();
    }, function () {
      disconnected(loadHistory);
    });
  }

  function pump() {
    if (busy || !queue.length) return;
    busy = true;
    typing.hidden = false;
    scrollDown();
    conversation().then(function (current) {
      return post("/message", { token: current, message: queue[0] });
    }).then(function (reply) {
      typing.hidden = true;
      busy = false;
      if (reply.status === 403) {  // a token the server does not know: a new conversation takes the message
        forgetConversation();
        return disconnected(pump);
      }
      queue.shift();
      connected();
      // A refused message (too long, empty) or a failed turn gets the server's reason, in Chinese.
      if (reply.status >= 400) showBot({ text: reply.data.detail || "这条消息没有发出去，请换个说法再试。" });
      else (reply.data.messages || []).forEach(showBot);
      pump();
    }, function () {
      typing.hidden = true;
      busy = false;
      disconnected(pump);
    });
  }

  function send(text, shown) {
    showUser(shown || text);
    queue.push(text);
    pump();
  }

  // --- opening, closing, typing ---
  var started = false;

  function open() {
    panel.hidden = false;
    bubble.setAttribute("aria-expanded", "true");
    host.classList.add("open");
    save(storeKey + ":open", "1");
    if (!started) {
      started = true;
      showBot({ text: greeting });
      loadHistory();
    }
  }

  function close() {
    panel.hidden = true;
    bubble.setAttribute("aria-expanded", "false");
    host.classList.remove("open");
    save(storeKey + ":open", "");
    bubble.focus();
  }

  bubble.addEventListener("click", function () {
    if (!panel.hidden) return close();
    open();
    input.focus();
  });
  $(".close").addEventListener("click", close);
  $(".retry").addEventListener("click", retryNow);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });

  function submit() {
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  }

  $("form").addEventListener("submit", function (event) {
    event.preventDefault();
    submit();
    input.focus();
  });

  // Enter sends, Shift+Enter breaks the line. Enter that confirms an IME composition (picking 汉字) must not
  // send: isComposing covers most browsers, keyCode 229 and the composition flag cover Safari's late events.
  var composing = false;
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; });
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey) return;
    if (event.isComposing || composing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  });

  if (load(storeKey + ":open")) open();  // reopened after a reload, without taking the host page's focus
})();
