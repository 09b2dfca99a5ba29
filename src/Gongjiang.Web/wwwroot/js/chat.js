// Live chat (docs/formats.md, "Chat hub"): joins the conversation on /hubs/chat with the last sequence number shown, appends
// each pushed message once (by number), asks again for what it missed after a reconnect, sends from the form without a
// page load and shows read receipts. Without JavaScript or SignalR the page still reads and sends by form posts.
(function () {
  "use strict";
  var list = document.getElementById("chat-messages");
  if (!list || !window.signalR) return;
  var id = list.dataset.conversation;
  var mySide = list.dataset.mySide;
  var lastSeq = Number(list.dataset.lastSeq || 0);
  var notice = document.getElementById("chat-live-notice");
  var form = document.getElementById("chat-send");
  var box = document.getElementById("chat-text");

  function say(text) { if (notice) notice.textContent = text || ""; }

  function chinaTime(ms) {
    var d = new Date(ms + 8 * 3600 * 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getUTCFullYear() + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate()) + " " + two(d.getUTCHours()) + ":" + two(d.getUTCMinutes());
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function append(m) {
    if (m.seq <= lastSeq) return;
    lastSeq = m.seq;
    var li = el("li", "chat-msg " + (m.side === mySide ? "mine" : "theirs") + " kind-" + m.kind);
    li.dataset.seq = m.seq;
    var bubble = el("div", "bubble");
    var labels = { job_card: list.dataset.labelJob, invitation: list.dataset.labelInvitation, interview: list.dataset.labelInterview };
    if (m.kind !== "text") bubble.appendChild(el("div", "chat-kind", labels[m.kind] || ""));
    if (m.jobId && m.kind !== "text") {
      var card = el("a", "chat-job-card");
      card.href = "/Jobs/Detail/" + encodeURIComponent(m.jobId);
      card.appendChild(el("strong", null, m.jobTitle || ""));
      card.appendChild(document.createTextNode(" "));
      card.appendChild(el("span", null, (m.pay || "") + " " + (list.dataset.labelPay || "")));
      bubble.appendChild(card);
    }
    if (m.at) bubble.appendChild(el("div", "chat-interview", chinaTime(Date.parse(m.at))));
    if (m.text) bubble.appendChild(el("div", "chat-text", m.text));
    if (m.flags && m.flags.length) bubble.appendChild(el("div", "chat-flag small", list.dataset.labelFlag));
    li.appendChild(bubble);
    li.appendChild(el("div", "muted small chat-meta", chinaTime(m.sentAt)));
    list.appendChild(li);
    li.scrollIntoView({ block: "end" });
  }

  function showRead(seq) {
    list.querySelectorAll("li.mine").forEach(function (li) {
      if (Number(li.dataset.seq) <= seq && !li.querySelector(".chat-read")) {
        li.querySelector(".chat-meta").appendChild(el("span", "chat-read", " · " + list.dataset.labelRead));
      }
    });
  }

  var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/chat").withAutomaticReconnect().build();
  connection.on("message", function (m) {
    if (m.conversationId !== id) return;
    append(m);
    if (m.side !== mySide && document.visibilityState === "visible") connection.invoke("Read", id, m.seq).catch(function () { });
  });
  connection.on("read", function (r) { if (r.conversationId === id && r.side !== mySide) showRead(r.seq); });

  function join() {
    return connection.invoke("Join", id, lastSeq).then(function (reply) {
      if (!reply.ok) { say(reply.message); return; }
      reply.value.messages.forEach(append);
      showRead(reply.value.otherReadSeq);
      list.dataset.live = "true";
    });
  }
  connection.onreconnected(join);
  connection.start().then(join).then(function () {
    if (!form) return;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = box.value;
      if (!text.trim()) return;
      connection.invoke("Send", id, text).then(function (reply) {
        if (reply.ok) { box.value = ""; say(""); append(reply.value); } else { say(reply.message); }
      }).catch(function () { form.submit(); });
    });
  }).catch(function () { /* the form posts still work */ });
})();
