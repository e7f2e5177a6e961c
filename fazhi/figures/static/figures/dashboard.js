// Draws the dashboard's charts from the JSON the page embeds (#figures-data). No inline script: strict CSP.
(function () {
  "use strict";

  function readData() {
    var node = document.getElementById("figures-data");
    return node ? JSON.parse(node.textContent) : {};
  }

  function chartIn(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    if (typeof window.echarts === "undefined") {
      node.textContent = "图表组件未安装（请运行 make vendor），数据见下方表格。";
      return null;
    }
    var chart = window.echarts.init(node);
    window.addEventListener("resize", function () { chart.resize(); });
    return chart;
  }

  function drawTrend(trend) {
    var chart = chartIn("trend-chart");
    if (!chart || !trend) return;
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 4 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: "category", data: trend.months },
      yAxis: { type: "value", minInterval: 1 },
      series: trend.series.map(function (s) {
        return { name: s.name, type: "line", smooth: true, data: s.data };
      })
    });
  }

  function drawBreakdown(item) {
    var chart = chartIn(item.id);
    if (!chart) return;
    chart.setOption({
      tooltip: { trigger: "item", formatter: "{b}：{c}" + item.unit + "（{d}%）" },
      legend: { type: "scroll", bottom: 0 },
      series: [{ name: item.label, type: "pie", radius: ["35%", "65%"], data: item.items }]
    });
  }

  function drawDistrict(district) {
    var chart = chartIn("district-chart");
    if (!chart || !district) return;
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 4 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: "category", data: district.streets },
      yAxis: { type: "value" },
      series: district.series.map(function (s) { return { name: s.name, type: "bar", data: s.data }; })
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = readData();
    drawTrend(data.trend);
    (data.breakdowns || []).forEach(drawBreakdown);
    drawDistrict(data.district);
  });
})();
