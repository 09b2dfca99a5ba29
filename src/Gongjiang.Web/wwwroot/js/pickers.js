// Occupation and major pickers: an input with data-occupation-picker / data-major-picker="<datalist id>"
// gets suggestions from the taxonomy as the user types; the chosen code fills the input and its name
// is shown in the element named by data-label (when present). With data-typed-name / data-typed-for (hidden inputs),
// the everyday name typed before a code was picked (电焊工) is kept beside the code it was picked for.
(function () {
  "use strict";
  var sources = {
    occupationPicker: function (q) { return "/api/v1/taxonomy/occupations?limit=15&q=" + encodeURIComponent(q); },
    majorPicker: function (q) { return "/Taxonomy?handler=Majors&q=" + encodeURIComponent(q); }
  };

  function attach(input, kind) {
    var list = document.getElementById(input.dataset[kind]);
    if (!list) return;
    var timer = null, names = {}, typed = "";
    var typedName = input.dataset.typedName && document.getElementById(input.dataset.typedName);
    var typedFor = input.dataset.typedFor && document.getElementById(input.dataset.typedFor);
    function showName() {
      var target = input.dataset.label && document.getElementById(input.dataset.label);
      if (target && names[input.value]) target.textContent = typedName && typedName.value ? typedName.value + " (" + names[input.value] + ")" : names[input.value];
    }
    function keepTyped() {
      if (!typedName || !typedFor) return;
      if (names[input.value]) { // a code picked: the name typed before stays beside it
        if (typed && typed !== input.value && typed !== names[input.value]) { typedName.value = typed; typedFor.value = input.value; }
      } else { typed = input.value.trim(); typedName.value = ""; typedFor.value = ""; }
    }
    input.addEventListener("input", function () {
      keepTyped();
      showName();
      var q = input.value.trim();
      clearTimeout(timer);
      if (q.length === 0 || names[q]) return;
      timer = setTimeout(function () {
        fetch(sources[kind](q), { headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = "";
            items.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.code;
              option.label = item.name + (item.level && item.level < 4 ? " (" + levelName(item.level) + ")" : "");
              names[item.code] = item.name;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience; typing a code still works */ });
      }, 180);
    });
    input.addEventListener("change", showName);
  }

  function levelName(level) {
    var en = document.documentElement.lang === "en";
    return (en ? ["", "major group", "middle group", "minor group"] : ["", "大类", "中类", "小类"])[level] || "";
  }

  document.querySelectorAll("[data-occupation-picker]").forEach(function (el) { attach(el, "occupationPicker"); });
  document.querySelectorAll("[data-major-picker]").forEach(function (el) { attach(el, "majorPicker"); });

  // Buttons that ask before doing something that cannot be undone quietly.
  document.querySelectorAll("[data-confirm]").forEach(function (el) {
    el.addEventListener("click", function (e) { if (!window.confirm(el.dataset.confirm)) e.preventDefault(); });
  });
})();
