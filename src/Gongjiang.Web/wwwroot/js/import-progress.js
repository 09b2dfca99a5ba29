// Background import progress: polls the task's JSON (data-task-url) every two seconds, moves the progress bar and the
// counts, and reloads the page once the import has ended (to show its final state and the rows not imported).
(function () {
  "use strict";
  var panel = document.getElementById("import-task");
  if (!panel || panel.dataset.finished === "true") return;
  var bar = document.getElementById("task-bar");
  var fields = { rowsDone: "rows_done", rowsTotal: "rows_total", percent: "percent", inserted: "inserted", updated: "updated", skipped: "skipped" };
  function value(task, name) {
    return task[fields[name]] !== undefined ? task[fields[name]] : task[name];
  }
  function poll() {
    fetch(panel.dataset.taskUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (task) {
        if (!task) { window.setTimeout(poll, 5000); return; }
        if (task.finished) { window.location.reload(); return; }
        bar.max = Math.max(1, value(task, "rowsTotal"));
        bar.value = value(task, "rowsDone");
        Object.keys(fields).forEach(function (name) {
          var el = panel.querySelector('[data-field="' + name + '"]');
          if (el) el.textContent = String(value(task, name));
        });
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
