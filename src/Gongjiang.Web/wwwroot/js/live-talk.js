// Questions and the mic (连麦) in a live room (docs/formats.md, "Live room hub"). The room page's live-room.js holds the one
// hub connection (window.gongjiangLive) and re-dispatches what it receives as `live:state` (after every (re)join), `live:room`
// (every broadcast, data parsed) and `live:personal`. This script loads the questions and the mic with `Talk`, keeps them up to
// date from the broadcasts, and sends asks, upvotes, mic requests and the host's moderation through the same connection.
// Without script the partials' forms post to /Live/Talk/{roomId}.
(function () {
  "use strict";
  var viewerQ = document.getElementById("live-questions");
  var hostQ = document.getElementById("live-questions-host");
  var viewerMic = document.getElementById("live-mic");
  var hostMic = document.getElementById("live-mic-host");
  var any = viewerQ || hostQ || viewerMic || hostMic;
  if (!any) return;
  var roomId = any.dataset.room;
  var state = null;
  var reloadTimer = 0;

  function connection() { return window.gongjiangLive && window.gongjiangLive.connection; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function button(label, action, data, primary) {
    var b = el("button", "btn btn-small" + (primary ? " btn-primary" : ""), label);
    b.type = "button";
    b.dataset.action = action;
    Object.keys(data || {}).forEach(function (k) { b.dataset[k] = data[k]; });
    return b;
  }

  function say(id, text) { var n = document.getElementById(id); if (n) n.textContent = text || ""; }

  function invoke(notice, method) {
    var args = Array.prototype.slice.call(arguments, 1);
    var c = connection();
    if (!c) return Promise.resolve(null);
    return c.invoke.apply(c, args).then(function (reply) {
      say(notice, reply && !reply.ok ? reply.message : "");
      return reply;
    }, function () { say(notice, ""); return null; });
  }

  function load() {
    var c = connection();
    if (!c) return;
    c.invoke("Talk", roomId).then(function (reply) {
      if (reply && reply.ok) { state = reply.value; render(); }
    });
  }

  // Reloads shortly, once for a burst of changes (the host's queue and mute buttons, my place in the queue).
  function reloadSoon() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(load, 300);
  }

  // ---- Questions --------------------------------------------------------------------------------------------------

  function questionItem(q, labels, host) {
    var li = el("li", "live-q" + (q.pinned ? " pinned" : ""));
    li.dataset.id = q.id;
    var head = el("div", "live-q-head");
    head.appendChild(el("span", "live-q-asker", q.asker));
    if (q.pinned) head.appendChild(el("span", "tag", labels.labelPinnedTag));
    li.appendChild(head);
    li.appendChild(el("div", "live-q-text", q.text));
    if (q.answer) {
      var answer = el("div", "live-q-answer");
      answer.appendChild(el("strong", null, labels.labelAnswer + " "));
      answer.appendChild(document.createTextNode(q.answer));
      li.appendChild(answer);
    }
    var actions = el("div", "live-q-actions");
    var up = button(labels.labelUpvote + " " + q.upvotes, "upvote", { id: q.id });
    up.classList.add("live-upvote");
    if (q.upvotedByMe || !(window.gongjiangLive && window.gongjiangLive.role && window.gongjiangLive.role.signedIn)) up.disabled = true;
    actions.appendChild(up);
    if (host) {
      if (q.answer) actions.appendChild(button(q.pinned ? labels.labelUnpin : labels.labelPinned, "pin", { id: q.id, pinned: String(!q.pinned) }));
      actions.appendChild(button(labels.labelHide, "hide", { id: q.id }));
      if (q.askerUserId) actions.appendChild(button(labels.labelMute, "mute", { user: q.askerUserId, muted: "true" }));
      var form = el("form", "live-answer-form");
      form.dataset.id = q.id;
      var box = el("textarea");
      box.name = "text"; box.maxLength = 300; box.rows = 2; box.required = true; box.value = q.answer || "";
      box.setAttribute("aria-label", labels.labelReply);
      var pinLabel = el("label", "inline");
      var pin = el("input"); pin.type = "checkbox"; pin.name = "pin"; pin.checked = !!q.pinned;
      pinLabel.appendChild(pin); pinLabel.appendChild(document.createTextNode(" " + labels.labelPinned));
      var send = el("button", "btn btn-small btn-primary live-answer", labels.labelReply);
      form.appendChild(box); form.appendChild(pinLabel); form.appendChild(send);
      actions.appendChild(form);
    }
    li.appendChild(actions);
    return li;
  }

  // Re-renders a list; an answer the host is typing (and where the cursor is) survives questions arriving meanwhile.
  function fill(list, items, labels, host) {
    if (!list) return;
    var drafts = {};
    var focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.closest("form") : null;
    list.querySelectorAll("form.live-answer-form").forEach(function (f) {
      drafts[f.dataset.id] = { text: f.querySelector("textarea").value, pin: f.querySelector("input[name=pin]").checked };
    });
    var focusId = focused && focused.dataset.id;
    list.textContent = "";
    items.forEach(function (q) {
      var li = questionItem(q, labels, host);
      var form = li.querySelector("form.live-answer-form");
      var draft = form && drafts[String(q.id)];
      if (draft) {
        form.querySelector("textarea").value = draft.text;
        form.querySelector("input[name=pin]").checked = draft.pin;
      }
      list.appendChild(li);
      if (form && focusId === String(q.id)) form.querySelector("textarea").focus();
    });
  }

  function renderQuestions() {
    if (viewerQ) {
      fill(document.getElementById("live-pinned"), state.pinned, viewerQ.dataset, false);
      fill(document.getElementById("live-question-list"), state.questions.filter(function (q) { return !q.pinned; }), viewerQ.dataset, false);
      document.getElementById("live-questions-empty").hidden = state.questions.length > 0;
      var ask = document.getElementById("live-ask");
      if (ask) ask.hidden = !state.maySpeak;
    }
    if (hostQ) {
      fill(document.getElementById("live-host-question-list"), state.questions, hostQ.dataset, true);
      document.getElementById("live-host-questions-empty").hidden = state.questions.length > 0;
      var muted = document.getElementById("live-muted-list");
      muted.textContent = "";
      (state.mutedUsers || []).forEach(function (m) {
        var li = el("li");
        li.appendChild(el("span", null, m.name + " "));
        li.appendChild(button(hostQ.dataset.labelUnmute, "mute", { user: m.userId, muted: "false" }));
        muted.appendChild(li);
      });
    }
  }

  // ---- The mic ----------------------------------------------------------------------------------------------------

  function renderMic() {
    if (viewerMic) {
      var d = viewerMic.dataset;
      document.getElementById("live-on-mic").textContent = state.onMic ? d.labelOnMic + state.onMic.guest : d.labelNobody;
      document.querySelector("#live-mic-waiting span").textContent = state.waiting;
      var turn = document.getElementById("live-my-turn");
      turn.hidden = !state.myTurn;
      if (state.myTurn) turn.textContent = state.myTurn.status === "on_mic" ? d.labelMeOnMic : d.labelPosition.replace("{0}", state.myTurn.position);
      var request = document.getElementById("live-mic-request");
      var withdraw = document.getElementById("live-mic-withdraw");
      if (request) request.hidden = !!state.myTurn || !state.maySpeak;
      if (withdraw) {
        withdraw.hidden = !state.myTurn;
        withdraw.querySelector("button").textContent = state.myTurn && state.myTurn.status === "on_mic" ? d.labelHangUp : d.labelWithdraw;
      }
      var onMic = state.myTurn && state.myTurn.status === "on_mic" && state.micRoomUrl;
      document.getElementById("live-mic-link").hidden = !onMic;
      if (onMic) document.getElementById("live-mic-rtc").href = state.micRoomUrl;
    }
    if (hostMic) {
      var h = hostMic.dataset;
      var onMic = document.getElementById("live-host-on-mic");
      onMic.textContent = "";
      if (state.onMic) {
        onMic.appendChild(el("span", null, h.labelOnMic + state.onMic.guest + " "));
        onMic.appendChild(button(h.labelEnd, "end-mic", { request: state.onMic.requestId }));
      } else onMic.appendChild(el("span", null, h.labelNobody));
      var queue = document.getElementById("live-queue");
      queue.textContent = "";
      (state.queue || []).forEach(function (r) {
        var li = el("li", "live-queue-item");
        li.dataset.id = r.requestId;
        var who = el("div");
        who.appendChild(el("strong", null, r.position + ". " + r.name + " "));
        var facts = [r.occupation, r.grade ? h.labelGrade.replace("{0}", r.grade) : null, h.labelYears.replace("{0}", r.experienceYears), r.city].filter(Boolean);
        who.appendChild(el("span", "muted small", facts.join(" · ")));
        li.appendChild(who);
        if (r.skills && r.skills.length) li.appendChild(el("div", "small", r.skills.join("、")));
        li.appendChild(button(h.labelAccept, "accept-mic", { request: r.requestId }, true));
        li.appendChild(button(h.labelDecline, "decline-mic", { request: r.requestId }));
        queue.appendChild(li);
      });
      document.getElementById("live-queue-empty").hidden = (state.queue || []).length > 0;
    }
  }

  function render() {
    if (!state) return;
    renderQuestions();
    renderMic();
  }

  // ---- What the room broadcasts -----------------------------------------------------------------------------------

  function replace(list, q) {
    for (var i = 0; i < list.length; i++) if (list[i].id === q.id) { q.upvotedByMe = list[i].upvotedByMe; q.askerUserId = list[i].askerUserId; list[i] = q; return true; }
    return false;
  }

  function drop(id) {
    state.questions = state.questions.filter(function (q) { return q.id !== id; });
    state.pinned = state.pinned.filter(function (q) { return q.id !== id; });
  }

  document.addEventListener("live:state", load);

  document.addEventListener("live:room", function (e) {
    var b = e.detail;
    if (!state || !b || b.roomId !== roomId) return;
    var data = b.data || {};
    switch (b.kind) {
      case "question":
        if (!replace(state.questions, data)) state.questions.unshift(data);
        state.questions = state.questions.slice(0, 50);
        if (state.host) reloadSoon();
        break;
      case "answer":
        replace(state.questions, data);
        state.pinned = state.pinned.filter(function (q) { return q.id !== data.id; });
        if (data.pinned) state.pinned.unshift(data);
        break;
      case "question_hidden":
        drop(data.questionId);
        break;
      case "upvotes":
        state.questions.concat(state.pinned).forEach(function (q) { if (q.id === data.questionId) q.upvotes = data.upvotes; });
        break;
      case "mic_queue":
        state.waiting = data.waiting;
        if (state.host || state.myTurn) reloadSoon();
        break;
      case "on_mic":
        state.onMic = { requestId: data.requestId, guest: data.guest, since: data.since };
        if (state.host || state.myTurn) reloadSoon();
        break;
      case "mic_ended":
        if (state.onMic && state.onMic.requestId === data.requestId) state.onMic = null;
        if (state.host || state.myTurn) reloadSoon();
        break;
      default:
        return;
    }
    render();
  });

  document.addEventListener("live:personal", function (e) {
    var p = e.detail;
    if (!p || !p.data || p.data.roomId !== roomId) return;
    if (p.kind === "mic_accepted" || p.kind === "mic_declined" || p.kind === "muted") load();
  });

  // ---- What the user does -----------------------------------------------------------------------------------------

  function intercept(formId, send) {
    var form = document.getElementById(formId);
    if (!form) return;
    form.addEventListener("submit", function (e) {
      if (!connection()) return; // no live connection: the form posts
      e.preventDefault();
      send(form);
    });
  }

  intercept("live-ask", function (form) {
    var box = form.querySelector("textarea");
    invoke("live-talk-notice", "Ask", roomId, box.value).then(function (r) { if (r && r.ok) box.value = ""; });
  });
  intercept("live-mic-request", function () { invoke("live-mic-notice", "RequestMic", roomId).then(load); });
  intercept("live-mic-withdraw", function () { invoke("live-mic-notice", "WithdrawMic", roomId).then(load); });

  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button[data-action]");
    if (!b || !any.parentNode || !(b.closest("#live-questions, #live-questions-host, #live-mic, #live-mic-host"))) return;
    var hostNotice = b.closest("#live-mic-host") ? "live-mic-host-notice" : b.closest("#live-questions-host") ? "live-host-notice" : "live-talk-notice";
    var id = Number(b.dataset.id), request = Number(b.dataset.request);
    switch (b.dataset.action) {
      case "upvote": invoke(hostNotice, "Upvote", roomId, id).then(function (r) { if (r && r.ok) { b.disabled = true; markUpvoted(id); } }); break;
      case "pin": invoke(hostNotice, "Pin", roomId, id, b.dataset.pinned === "true"); break;
      case "hide": invoke(hostNotice, "Hide", roomId, id); break;
      case "mute": invoke(hostNotice, "Mute", roomId, b.dataset.user, b.dataset.muted === "true").then(load); break;
      case "accept-mic": invoke(hostNotice, "AcceptMic", roomId, request).then(load); break;
      case "end-mic": invoke(hostNotice, "EndMic", roomId, request).then(load); break;
      case "decline-mic": invoke(hostNotice, "DeclineMic", roomId, request).then(load); break;
    }
  });

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.classList || !form.classList.contains("live-answer-form") || !form.dataset.id || !connection()) return;
    e.preventDefault();
    invoke("live-host-notice", "Answer", roomId, Number(form.dataset.id), form.querySelector("textarea").value, form.querySelector("input[name=pin]").checked)
      .then(function (r) { if (r && r.ok) { replace(state.questions, r.value); render(); } });
  });

  function markUpvoted(id) {
    if (!state) return;
    state.questions.concat(state.pinned).forEach(function (q) { if (q.id === id) q.upvotedByMe = true; });
  }

  // The room page may have joined before this script ran.
  if (connection() && connection().state === "Connected") load();
})();
