// The readings of written skills: while skills are typed, /api/v1/skills/recognize reads each as the standard skill
// item of the chosen occupations (or none), and the list under the skills shows it with buttons to confirm or refuse.
// The decisions travel as hidden fields, the same as the list the page renders without this script, whose buttons
// submit the form instead.
(function () {
  "use strict";
  var box = document.querySelector("[data-skill-readings]");
  if (!box) return;
  var d = box.dataset, timer = null, asked = null;
  var choices = {}; // written skill -> { item, declined }
  var readings = [];

  box.querySelectorAll(".skill-choices input[name$='.Skill']").forEach(function (input) {
    var prefix = input.name.slice(0, -"Skill".length);
    var item = box.querySelector("input[name='" + prefix + "Item']");
    var declined = box.querySelector("input[name='" + prefix + "Declined']");
    choices[input.value] = { item: item ? item.value : "", declined: declined && declined.value === "true" };
  });
  box.querySelectorAll("li[data-written]").forEach(function (li) {
    readings.push({ written: li.dataset.written, item: li.dataset.item || null, confidence: parseFloat(li.dataset.confidence) || 0 });
  });

  function values(selector) {
    return selector ? Array.prototype.map.call(document.querySelectorAll(selector), function (el) { return el.value.trim(); }) : [];
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function button(label, action, written, primary) {
    var b = el("button", "btn btn-small" + (primary ? "" : " btn-link"), label);
    b.type = "button";
    b.dataset.action = action;
    b.dataset.written = written;
    return b;
  }

  function render() {
    box.textContent = "";
    var shown = readings.filter(function (r) { return r.written; });
    if (shown.length) {
      box.appendChild(el("p", "muted small", d.heading));
      var list = el("ul", "readings");
      shown.forEach(function (r) {
        var choice = choices[r.written];
        var status = choice ? (choice.declined ? "declined" : "confirmed") : "read";
        var item = choice ? (choice.declined ? null : choice.item) : r.item;
        var li = el("li", "reading reading-" + status + (item ? "" : " reading-none"));
        li.dataset.written = r.written;
        li.appendChild(el("span", "written", r.written));
        if (status === "declined") {
          li.append(" ", el("span", "tag tag-muted", d.declined), " ", button(d.undo, "undo", r.written));
        } else if (status === "read" && item === r.written) {
          li.append(" ", el("span", "tag tag-ok", "✓ " + d.standard));
        } else if (!item) {
          li.append(" ", el("span", "muted", "→ " + d.unrecognized), " ", el("span", "muted small", d.kept));
        } else {
          var arrow = el("span", "arrow", "→");
          arrow.setAttribute("aria-hidden", "true");
          li.append(" ", arrow, el("span", "sr-only", d.readAs), " ", el("strong", "item", item), " ");
          if (status === "confirmed") {
            li.append(el("span", "tag tag-ok", "✓ " + d.confirmed), " ", button(d.undo, "undo", r.written));
          } else {
            li.append(el("span", "confidence", d.confidence + " " + Math.round(r.confidence * 100) + "%"), " ");
            var actions = el("span", "reading-actions");
            actions.append(button(d.confirm, "confirm", r.written, true), " ", button(d.decline, "decline", r.written, true));
            li.appendChild(actions);
          }
        }
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    var hidden = el("div", "skill-choices"), k = 0;
    Object.keys(choices).forEach(function (written) {
      if (!shown.some(function (r) { return r.written === written; })) { delete choices[written]; return; }
      [["Skill", written], ["Item", choices[written].item || ""], ["Declined", choices[written].declined ? "true" : "false"]].forEach(function (f) {
        var input = el("input");
        input.type = "hidden";
        input.name = "Form.SkillChoices[" + k + "]." + f[0];
        input.value = f[1];
        hidden.appendChild(input);
      });
      k++;
    });
    box.appendChild(hidden);
  }

  box.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b || !box.contains(b)) return;
    var action = b.dataset.action, written = b.dataset.written;
    if (!action && b.name === "chooseSkill") { // a button the page rendered: act here instead of submitting
      var colon = b.value.indexOf(":");
      action = b.value.slice(0, colon);
      written = b.value.slice(colon + 1);
    }
    if (!action) return;
    e.preventDefault();
    var reading = readings.filter(function (r) { return r.written === written; })[0];
    if (action === "undo") { delete choices[written]; asked = null; later(); }
    else if (action === "decline") choices[written] = { item: "", declined: true };
    else if (action === "confirm" && reading && reading.item) choices[written] = { item: reading.item, declined: false };
    render();
  });

  function ask() {
    var skills = values(d.sources).join("\n");
    var occupations = values(d.occupations), grades = values(d.grades);
    var query = "q=" + encodeURIComponent(skills);
    occupations.forEach(function (code, i) {
      if (!code) return;
      query += "&occupation=" + encodeURIComponent(code) + "&grade=" + encodeURIComponent(grades[i] || "0");
    });
    if (query === asked) return;
    asked = query;
    fetch("/api/v1/skills/recognize?" + query, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (found) {
        if (!found || query !== asked) return;
        readings = found;
        render();
      })
      .catch(function () { /* the readings shown on preview and save still work */ });
  }

  function later() { clearTimeout(timer); timer = setTimeout(ask, 300); }
  document.addEventListener("input", function (e) {
    var t = e.target;
    if ([d.sources, d.occupations, d.grades].some(function (s) { return s && t.matches && t.matches(s); })) later();
  });
  document.addEventListener("change", function (e) {
    var t = e.target;
    if ([d.occupations, d.grades].some(function (s) { return s && t.matches && t.matches(s); })) later();
  });
})();
