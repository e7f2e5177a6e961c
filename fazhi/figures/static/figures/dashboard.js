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

  // A series whose peak is under a tenth of the largest one's (诉讼 cases beside thousands of disputes) would
  // lie flat on the bottom of a shared axis: it gets the right-hand axis of its own, named in its legend.
  function smallSeries(series) {
    var peaks = series.map(function (s) {
      return Math.max.apply(null, [0].concat(s.data.filter(function (v) { return v !== null; })));
    });
    var top = Math.max.apply(null, [0].concat(peaks));
    var small = peaks.map(function (p) { return top > 0 && p * 10 < top; });
    var mixed = small.some(Boolean) && !small.every(Boolean);
    return small.map(function (s) { return mixed && s; });
  }

  function drawTrend(trend) {
    var chart = chartIn("trend-chart");
    if (!chart || !trend) return;
    var right = smallSeries(trend.series);
    var axis = { type: "value", minInterval: 1 };
    var twoAxes = right.some(Boolean);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 4 },
      grid: { left: 48, right: twoAxes ? 48 : 24, top: 40, bottom: 32 },
      xAxis: { type: "category", data: trend.months },
      yAxis: twoAxes ? [axis, { type: "value", minInterval: 1, splitLine: { show: false } }] : axis,
      // Months not yet begun have no value (null): the line ends at the last month there is.
      series: trend.series.map(function (s, i) {
        return {
          name: right[i] ? s.name + "（右轴）" : s.name,
          type: "line",
          smooth: true,
          yAxisIndex: right[i] ? 1 : 0,
          data: s.data
        };
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
    var right = smallSeries(district.series);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 4 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: "category", data: district.streets },
      yAxis: right.some(Boolean) ? [{ type: "value" }, { type: "value", splitLine: { show: false } }] : { type: "value" },
      series: district.series.map(function (s, i) {
        return { name: right[i] ? s.name + "（右轴）" : s.name, type: "bar", yAxisIndex: right[i] ? 1 : 0, data: s.data };
      })
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = readData();
    drawTrend(data.trend);
    (data.breakdowns || []).forEach(drawBreakdown);
    drawDistrict(data.district);
  });
})();
