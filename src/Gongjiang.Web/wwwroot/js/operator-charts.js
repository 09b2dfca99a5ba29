// The operator dashboard's weekly trend chart (Pages/Operator/Index): the data is the page's #trend-data JSON block, drawn
// with the vendored ECharts (wwwroot/lib/echarts). The table beside it carries the same figures for small screens and
// readers without scripts. No inline script: the site's CSP allows 'self' only.
(function () {
    "use strict";
    var block = document.getElementById("trend-data");
    var element = document.getElementById("chart-weekly");
    if (!block || !element || typeof echarts === "undefined") return;
    var data = JSON.parse(block.textContent);
    var colours = ["#1d4f91", "#b9530b", "#157347"];
    element.hidden = false;
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
        animation: false, // drawn at once: the print view and screenshots show the final chart
        color: colours,
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: data.weeks },
        yAxis: { type: "value", minInterval: 1 },
        series: data.series.map(function (s) { return { name: s.name, type: "line", data: s.values }; })
    });
    window.addEventListener("resize", function () { chart.resize(); });
})();
