// The live room's connection (docs/formats.md, "Live room hub"): ONE SignalR connection per page to /hubs/live. It joins with
// the last number it holds (on every reconnect too), drops broadcasts it already has, and tells the page's other scripts:
//   window.gongjiangLive = { connection, roomId, role, lastSeq }
//   document events 'live:room' (a broadcast, data parsed), 'live:personal' (a push to me), 'live:state' (after every join).
// The room page (#live-room) and the host console (#live-console) work without it; with it they are live.
(function () {
  'use strict';
  var root = document.getElementById('live-room') || document.getElementById('live-console');
  if (!root || !window.signalR) return;
  var isConsole = root.id === 'live-console';
  var roomId = root.dataset.room;
  var labels = root.dataset;
  var token = root.querySelector('input[name="__RequestVerificationToken"]');
  var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/live').withAutomaticReconnect().build();
  var live = window.gongjiangLive = { connection: connection, roomId: roomId, role: null, lastSeq: Number(root.dataset.lastSeq || 0) };

  function $(id) { return document.getElementById(id); }
  function text(id, value) { var el = $(id); if (el) el.textContent = String(value); }
  function parse(json) { try { return JSON.parse(json || '{}'); } catch (e) { return {}; } }
  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }
  function money(n) { return Number(n).toLocaleString('en-US'); }
  function pay(min, max) { return min === max ? money(min) : money(min) + '–' + money(max); }
  function time(ms) {
    var d = new Date(ms + 8 * 3600 * 1000); // China time
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return two(d.getUTCMonth() + 1) + '-' + two(d.getUTCDate()) + ' ' + two(d.getUTCHours()) + ':' + two(d.getUTCMinutes());
  }
  function notice(message) { text('live-connection', message || ''); }

  // ---- the player: hls.js for .m3u8, mpegts.js for .flv, the browser itself when it plays the stream; the link stays.
  function startPlayer() {
    var box = $('live-player');
    var video = $('live-video');
    if (!box || !video || video.dataset.started) return;
    video.dataset.started = '1';
    var url = box.dataset.stream || '';
    if (/\.m3u8(\?|#|$)/i.test(url)) {
      if (video.canPlayType('application/vnd.apple.mpegurl')) video.src = url;
      else if (window.Hls && window.Hls.isSupported()) { var hls = new window.Hls(); hls.loadSource(url); hls.attachMedia(video); }
    } else if (/\.flv(\?|#|$)/i.test(url)) {
      if (window.mpegts && window.mpegts.getFeatureList().mseLivePlayback) {
        var player = window.mpegts.createPlayer({ type: 'flv', isLive: true, url: url });
        player.attachMediaElement(video); player.load();
      }
    } else {
      video.src = url;
    }
  }

  // ---- what every page shows of a broadcast
  function onBroadcast(b) {
    var d = b.data;
    switch (b.kind) {
      case 'viewers': text('live-viewers-current', d.current); text('live-viewers-peak', d.peak); if (isConsole) refreshConsole(); break;
      case 'applications': text('live-applications', d.count); if (isConsole) refreshConsole(); break;
      case 'announcement': {
        var list = $('live-announcements');
        var noAnnouncement = $('announcements-empty'); if (noAnnouncement) noAnnouncement.hidden = true;
        if (list) { var li = el('li'); li.appendChild(el('span', 'muted small', time(b.sentAt))); li.appendChild(document.createTextNode(' ' + d.text)); list.insertBefore(li, list.firstChild); }
        break;
      }
      case 'status': if (d.status !== root.dataset.status) window.location.reload(); break;
      case 'job_cards': if (!isConsole) window.location.reload(); break;
    }
  }

  function handle(raw) {
    if (!raw || raw.seq <= live.lastSeq) return;
    live.lastSeq = raw.seq;
    var detail = { roomId: raw.roomId, seq: raw.seq, sentAt: raw.sentAt, kind: raw.kind, data: parse(raw.data) };
    onBroadcast(detail);
    document.dispatchEvent(new CustomEvent('live:room', { detail: detail }));
  }

  // ---- the viewer's pushes and one-tap applications
  function applyForm(jobId) {
    var form = el('form', 'live-apply');
    form.method = 'post';
    form.action = '/Live/' + encodeURIComponent(roomId) + '?handler=Apply';
    form.dataset.job = jobId;
    var job = el('input'); job.type = 'hidden'; job.name = 'jobId'; job.value = jobId; form.appendChild(job);
    if (token) form.appendChild(token.cloneNode());
    form.appendChild(el('button', 'btn btn-primary btn-small', labels.labelApply));
    return form;
  }

  function renderPush(p, applied) {
    var li = el('li', 'card live-push kind-' + p.kind);
    li.dataset.push = p.id;
    li.appendChild(el('div', 'live-push-kind tag', root.getAttribute('data-label-' + p.kind)));
    var a = el('a'); a.href = '/Jobs/Detail/' + encodeURIComponent(p.jobId); a.appendChild(el('strong', null, p.jobTitle)); li.appendChild(a);
    li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'muted small', p.employerName));
    li.appendChild(el('div', 'small', pay(p.payMin, p.payMax) + ' ' + labels.labelPay));
    if (p.monthlyPay) { var o = el('div', 'live-offer-pay'); o.appendChild(el('strong', null, labels.labelOfferPay + ' ' + p.monthlyPay + ' ' + labels.labelPay)); li.appendChild(o); }
    if (p.payReason) li.appendChild(el('div', 'small', labels.labelReason + '：' + p.payReason));
    if (p.message) li.appendChild(el('div', 'small', p.message));
    if (applied) li.appendChild(el('span', 'tag tag-ok live-applied', labels.labelApplied));
    else if (root.dataset.status === 'live' && root.dataset.seeker === 'true') li.appendChild(applyForm(p.jobId));
    return li;
  }

  function renderMine(mine) {
    var list = $('live-push-list');
    if (!list || !mine) return;
    var applied = {};
    (mine.appliedJobIds || []).forEach(function (j) { applied[j] = true; });
    list.textContent = '';
    (mine.pushes || []).forEach(function (p) { list.appendChild(renderPush(p, applied[p.jobId])); });
    $('live-pushes').hidden = list.children.length === 0;
    markApplied(Object.keys(applied));
  }

  function markApplied(jobIds) {
    jobIds.forEach(function (jobId) {
      document.querySelectorAll('form.live-apply[data-job="' + CSS.escape(jobId) + '"]').forEach(function (form) {
        form.replaceWith(el('span', 'tag tag-ok live-applied', labels.labelApplied));
      });
    });
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('live-apply') || connection.state !== 'Connected') return;
    e.preventDefault();
    var button = form.querySelector('button');
    if (button) button.disabled = true;
    connection.invoke('Apply', roomId, form.dataset.job).then(function (reply) {
      if (reply.ok) { text('live-applications', reply.value.applications); markApplied([form.dataset.job]); notice(''); }
      else { if (button) button.disabled = false; notice(reply.message); if (reply.code === 'recruiting.already_applied') markApplied([form.dataset.job]); }
    }, function () { form.submit(); });
  });

  connection.on('room', handle);

  connection.on('personal', function (push) {
    var data = parse(push.data);
    var detail = { kind: push.kind, data: data };
    if (!isConsole && (push.kind === 'job_card' || push.kind === 'invitation' || push.kind === 'offer')) {
      var list = $('live-push-list');
      if (list && !list.querySelector('[data-push="' + data.id + '"]')) {
        list.insertBefore(renderPush(data, false), list.firstChild);
        $('live-pushes').hidden = false;
        notice(labels.labelNewPush);
      }
    }
    document.dispatchEvent(new CustomEvent('live:personal', { detail: detail }));
  });

  // ---- the host console: applications arriving, who may be pushed to, pushes without leaving the page
  var refreshing = null;
  function refreshConsole() {
    if (refreshing) return;
    refreshing = setTimeout(function () {
      refreshing = null;
      connection.invoke('Console', roomId).then(function (reply) { if (reply.ok) renderConsole(reply.value); });
    }, 300);
  }

  function renderConsole(c) {
    var list = $('live-application-list');
    if (list) {
      list.textContent = '';
      c.applications.forEach(function (a) {
        var li = el('li'); li.dataset.application = a.applicationId;
        li.appendChild(el('strong', null, a.name)); li.appendChild(document.createTextNode(' · ' + a.jobTitle + ' '));
        li.appendChild(el('span', 'muted small', time(Date.parse(a.at))));
        var board = el('a', 'small', labels.labelBoard); board.href = '/Employer/Jobs/Board/' + encodeURIComponent(a.jobId);
        li.appendChild(document.createTextNode(' ')); li.appendChild(board);
        list.appendChild(li);
      });
      var empty = $('applications-empty'); if (empty) empty.hidden = c.applications.length > 0;
      text('live-applications', c.applications.length);
    }
    var select = $('push-user');
    if (select) {
      var chosen = select.value;
      while (select.options.length > 1) select.remove(1);
      c.audience.forEach(function (a) {
        var option = el('option', null, a.name + (a.applied ? ' · ' + labels.labelApplied : ''));
        option.value = a.userId; select.appendChild(option);
      });
      select.value = chosen;
    }
  }

  var pushForm = $('push-form');
  if (pushForm) pushForm.addEventListener('submit', function (e) {
    if (connection.state !== 'Connected') return;
    e.preventDefault();
    var f = pushForm.elements;
    var payValue = f.monthlyPay.value ? Number(f.monthlyPay.value) : null;
    connection.invoke('Push', roomId, f.userId.value, f.kind.value, f.jobId.value, f.message.value || null, payValue, f.payReason.value || null)
      .then(function (reply) {
        text('push-result', reply.ok ? labels.labelPushed : reply.message);
        $('push-result').className = 'small ' + (reply.ok ? 'ok' : 'field-error');
        if (reply.ok) {
          var sent = $('live-push-sent');
          var none = $('pushes-empty'); if (none) none.hidden = true;
          if (sent) sent.insertBefore(el('li', null, (root.getAttribute('data-label-' + reply.value.kind) || reply.value.kind) + ' · ' + reply.value.jobTitle
            + (reply.value.monthlyPay ? ' · ' + reply.value.monthlyPay + ' ' + labels.labelPay : '')), sent.firstChild);
          f.message.value = ''; f.payReason.value = '';
        }
      }, function () { pushForm.submit(); });
  });

  // ---- joining, and joining again after a reconnect with the last number held
  function join() {
    return connection.invoke('Join', roomId, live.lastSeq).then(function (reply) {
      if (!reply.ok) { notice(reply.message); return; }
      var state = reply.value;
      live.role = state.role;
      (state.missed || []).forEach(handle);
      if (state.lastSeq > live.lastSeq) live.lastSeq = state.lastSeq;
      text('live-viewers-current', state.viewers.current);
      text('live-viewers-peak', state.viewers.peak);
      document.dispatchEvent(new CustomEvent('live:state', { detail: state }));
      root.dataset.live = 'true';
      if (isConsole) refreshConsole();
      else if (state.role.signedIn) connection.invoke('Mine', roomId).then(function (mine) { if (mine.ok) renderMine(mine.value); });
    });
  }

  connection.onreconnecting(function () { notice(labels.labelReconnecting); });
  connection.onreconnected(function () { notice(labels.labelReconnected); join(); });
  startPlayer();
  connection.start().then(join, function () { notice(labels.labelReconnecting); });
})();
