// A live room's statistics charts (Pages/Live/Stats): the data is the page's #live-stats-data JSON block, drawn with the
// vendored ECharts (wwwroot/lib/echarts). No inline script: the site's CSP allows 'self' only.
(function () {
    "use strict";
    var block = document.getElementById("live-stats-data");
    if (!block || typeof echarts === "undefined") return;
    var data = JSON.parse(block.textContent);
    var charts = [];

    function draw(id, option) {
        var element = document.getElementById(id);
        if (!element) return;
        var chart = echarts.init(element, null, { renderer: "svg" });
        option.animation = false; // drawn at once: screenshots show the final chart
        chart.setOption(option);
        charts.push(chart);
    }

    draw("chart-viewers", {
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: data.minutes, boundaryGap: false },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ name: data.viewersLabel, type: "line", showSymbol: data.minutes.length <= 60, connectNulls: false,
            data: data.viewers, itemStyle: { color: "#1d4f91" }, areaStyle: { opacity: 0.12 } }]
    });

    draw("chart-activity", {
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: data.minutes },
        yAxis: { type: "value", minInterval: 1 },
        series: data.series.map(function (s) {
            return { name: s.name, type: "bar", stack: "activity", data: s.values, itemStyle: { color: s.colour } };
        })
    });

    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
