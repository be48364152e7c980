/* The operations page's charts (Chart.js, served by the bot), drawn from the figures the page carries in
 * <script type="application/json" id="summary">; every minute, while the page is shown, they are fetched again
 * from /admin/api/summary with the same range. Each chart's numbers are also in the table below it. */
(function () {
  "use strict";

  var PALETTE = ["#b3261e", "#1a73e8", "#188038", "#f9ab00", "#7b1fa2", "#5f6368"];
  var OUTCOME_COLORS = { answered: "#188038", fallback: "#81c995", out_of_scope: "#f9ab00", not_found: "#e37400",
                         error: "#b3261e" };
  var DELIVERY_COLORS = { passive: "#188038", pushed: "#f9ab00", apology: "#b3261e" };
  var REFRESH_MS = 60000;
  var charts = {};

  if (!window.Chart) {  // not vendored (see docs/operations.md): the tables still hold every figure
    document.querySelector(".no-charts").hidden = false;
    document.querySelectorAll(".chart .canvas").forEach(function (box) { box.hidden = true; });
    return;
  }
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;

  function short(text) { return text.length > 14 ? text.slice(0, 13) + "…" : text; }

  function draw(id, type, labels, datasets, options) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    if (charts[id]) {
      charts[id].data.labels = labels;
      charts[id].data.datasets = datasets;
      charts[id].update();
      return;
    }
    charts[id] = new Chart(canvas, { type: type, data: { labels: labels, datasets: datasets }, options: options });
  }

  function stacked(extra) {
    var options = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
                    plugins: { legend: { position: "bottom" } } };
    Object.keys(extra || {}).forEach(function (key) { options[key] = extra[key]; });
    return options;
  }

  function votes(id, rows) {
    draw(id, "bar", rows.map(function (row) { return short(row.name); }), [
      { label: "有帮助", data: rows.map(function (row) { return row.up; }), backgroundColor: "#188038" },
      { label: "没帮助", data: rows.map(function (row) { return row.down; }), backgroundColor: "#b3261e" },
    ], stacked({ indexAxis: "y", scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
                                           y: { stacked: true } } }));
  }

  function render(data) {
    draw("chart-messages", "bar", data.labels, data.messages.channels.map(function (channel, i) {
      return { label: channel.name, data: channel.counts, backgroundColor: PALETTE[i % PALETTE.length] };
    }), stacked());
    draw("chart-outcomes", "bar", data.labels, data.outcomes.outcomes.map(function (outcome) {
      return { label: outcome.name, backgroundColor: OUTCOME_COLORS[outcome.key] || "#5f6368",
               data: outcome.shares.map(function (share) { return share === null ? null : share * 100; }) };
    }), stacked({ scales: { x: { stacked: true }, y: { stacked: true, min: 0, max: 100,
                                                       ticks: { callback: function (v) { return v + "%"; } } } } }));
    draw("chart-latency", "line", data.labels, [
      { label: "中位数 p50（毫秒）", data: data.latency.p50_series, borderColor: "#1a73e8", spanGaps: true },
      { label: "p95（毫秒）", data: data.latency.p95_series, borderColor: "#b3261e", spanGaps: true },
    ], { scales: { y: { beginAtZero: true } }, plugins: { legend: { position: "bottom" } } });
    draw("chart-wechat", "bar", data.labels, data.wechat.deliveries.map(function (delivery) {
      return { label: delivery.name, data: delivery.counts, backgroundColor: DELIVERY_COLORS[delivery.key] };
    }), stacked());
    votes("chart-articles", data.feedback.articles);
    votes("chart-topics", data.feedback.topics);
  }

  function refresh() {
    if (document.hidden) return;
    fetch("/admin/api/summary" + location.search, { credentials: "same-origin" }).then(function (reply) {
      if (reply.status === 401) { location.assign("/admin/login"); return null; }
      return reply.ok ? reply.json() : null;
    }).then(function (data) { if (data) render(data); }, function () { /* offline: try again next time */ });
  }

  render(JSON.parse(document.getElementById("summary").textContent));
  setInterval(refresh, REFRESH_MS);
})();
