// The shortage catalogue's charts (Pages/Catalogue/Index): the data is the page's #catalogue-data JSON block,
// drawn with the vendored ECharts (wwwroot/lib/echarts). No inline script: the site's CSP allows 'self' only.
(function () {
    "use strict";
    var block = document.getElementById("catalogue-data");
    if (!block || typeof echarts === "undefined") return;
    var data = JSON.parse(block.textContent);
    var bandColours = ["#98a2b3", "#b54708", "#c0362c"];
    var charts = [];

    function draw(id, option) {
        var element = document.getElementById(id);
        if (!element) return;
        var chart = echarts.init(element, null, { renderer: "svg" });
        option.animation = false; // drawn at once: the print view and screenshots show the final chart
        chart.setOption(option);
        charts.push(chart);
    }

    var names = data.top.names.slice().reverse();
    draw("chart-top", {
        grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: "value", max: 100 },
        yAxis: { type: "category", data: names, axisLabel: { width: 110, overflow: "truncate" } },
        tooltip: { trigger: "axis" },
        series: [{
            type: "bar", label: { show: true, position: "right" },
            data: data.top.values.slice().reverse().map(function (v, i) {
                return { value: v, itemStyle: { color: bandColours[data.top.bands[data.top.bands.length - 1 - i]] } };
            })
        }]
    });

    draw("chart-trend", {
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        legend: { type: "scroll", top: 0 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: data.trends.periods },
        yAxis: { type: "value" },
        series: data.trends.series.map(function (s) { return { name: s.name, type: "line", connectNulls: false, data: s.values }; })
    });

    draw("chart-cities", {
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: data.cities.names, axisLabel: { rotate: 30, width: 90, overflow: "truncate" } },
        yAxis: { type: "value" },
        series: [
            { name: data.cities.demandLabel, type: "bar", data: data.cities.demand, itemStyle: { color: "#1d4f91" } },
            { name: data.cities.supplyLabel, type: "bar", data: data.cities.supply, itemStyle: { color: "#98a2b3" } }
        ]
    });

    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
