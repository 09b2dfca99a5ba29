// The job editor's occupation suggestions: while the title is typed, the occupation picker API reads it and the best
// occupation with its confidence and a few alternatives are shown. Each is a button that previews the editor with that
// occupation picked, the same as the suggestions the page renders without this script; nothing is filled in unasked.
(function () {
  "use strict";
  var box = document.querySelector("[data-title-input][data-code-input]");
  if (!box) return;
  var title = document.getElementById(box.dataset.titleInput);
  var code = document.getElementById(box.dataset.codeInput);
  if (!title || !code) return;
  var timer = null, asked = "";

  function render(items) {
    box.textContent = "";
    if (!items.length) return;
    var heading = document.createElement("p");
    heading.className = "muted small";
    heading.textContent = box.dataset.heading;
    box.appendChild(heading);
    var row = document.createElement("div");
    row.className = "suggest";
    items.forEach(function (item, i) {
      var button = document.createElement("button");
      button.type = "submit";
      button.name = "pickOccupation";
      button.value = item.code;
      button.formAction = box.dataset.pickAction;
      button.className = "chip chip-button" + (i === 0 ? " chip-best" : "");
      var lead = document.createElement("span");
      lead.className = "muted small";
      lead.textContent = i === 0 ? box.dataset.best : box.dataset.alternative;
      var codeText = document.createElement("span");
      codeText.className = "code";
      codeText.textContent = item.code;
      var confidence = document.createElement("span");
      confidence.className = "confidence";
      confidence.textContent = box.dataset.confidence + " " + Math.round(item.confidence * 100) + "%";
      button.append(lead, " " + item.name + " ", codeText, " ", confidence);
      if (item.coarse) {
        var coarse = document.createElement("span");
        coarse.className = "tag tag-warn";
        coarse.textContent = box.dataset.coarse;
        button.append(" ", coarse);
      }
      row.appendChild(button);
    });
    box.appendChild(row);
  }

  title.addEventListener("input", function () {
    clearTimeout(timer);
    var q = title.value.trim();
    if (code.value.trim() !== "" || q === asked) return; // a picked occupation stays until the poster changes it
    timer = setTimeout(function () {
      asked = q;
      if (q === "") { render([]); return; }
      fetch("/api/v1/taxonomy/occupations?limit=4&q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (title.value.trim() === q) render(items); })
        .catch(function () { /* the suggestions on preview still work */ });
    }, 250);
  });
})();
