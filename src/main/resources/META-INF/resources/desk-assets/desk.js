// salesrisk risk desk: small behaviours on top of htmx. No data reaches the page through innerHTML here: charts read
// JSON from data attributes the server escaped, and messages are set as text.
(function () {
  'use strict';

  // A desk request answered by the sign-in page means the session ran out: show the sign-in page itself.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var xhr = e.detail.xhr;
    if (xhr && xhr.responseURL && xhr.responseURL.indexOf('/desk/login') >= 0) {
      e.preventDefault();
      window.location.assign('/desk/login');
    }
  });
  document.addEventListener('htmx:responseError', function (e) {
    var toast = document.getElementById('toast');
    if (!toast) { return; }
    var p = document.createElement('p');
    p.className = 'msg error';
    p.textContent = 'The server answered ' + e.detail.xhr.status + ': ' + (e.detail.xhr.statusText || 'error');
    toast.replaceChildren(p);
    setTimeout(function () { toast.replaceChildren(); }, 8000);
  });

  // Select-all checkboxes: <input type=checkbox data-select-all="name"> ticks every checkbox of that name.
  document.addEventListener('change', function (e) {
    var name = e.target.getAttribute && e.target.getAttribute('data-select-all');
    if (!name) { return; }
    document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
      box.checked = e.target.checked;
    });
  });

  // Drag and drop onto <div data-dropzone="inputId">: the dropped files go into the file input and its form is sent.
  function initDropzones(root) {
    root.querySelectorAll('[data-dropzone]').forEach(function (zone) {
      if (zone.dataset.ready) { return; }
      zone.dataset.ready = '1';
      var input = document.getElementById(zone.getAttribute('data-dropzone'));
      ['dragenter', 'dragover'].forEach(function (t) {
        zone.addEventListener(t, function (ev) { ev.preventDefault(); zone.classList.add('over'); });
      });
      ['dragleave', 'drop'].forEach(function (t) {
        zone.addEventListener(t, function () { zone.classList.remove('over'); });
      });
      zone.addEventListener('drop', function (ev) {
        ev.preventDefault();
        if (!input || !ev.dataTransfer.files.length) { return; }
        input.files = ev.dataTransfer.files;
        var label = zone.querySelector('[data-file-name]');
        if (label) { label.textContent = ev.dataTransfer.files[0].name; }
      });
    });
  }

  // Charts: <div class="chart" data-chart="{json}"> (the attribute escaped by Qute, decoded by the browser), the JSON
  // {"labels": [...], "series": [{"label": "...", "values": [...], "color": "#..."}], "stacked": false, "yLabel": ""}
  // Axis ticks as 250k, 1.5M, 2bn (long numbers would run into the axis label), with as many decimals as the
  // step between ticks needs, so that neighbouring ticks never read the same
  function compactTicks(u, splits, axis, space, step) {
    var top = Math.max.apply(null, splits.map(Math.abs));
    var unit = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : top >= 1e4 ? 1e3 : 1;
    var suffix = { 1e9: 'bn', 1e6: 'M', 1e3: 'k', 1: '' }[unit];
    var scaled = (step || unit) / unit;
    var decimals = scaled >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(scaled)));
    return splits.map(function (v) { return (v / unit).toFixed(decimals) + suffix; });
  }
  function initCharts(root) {
    if (typeof uPlot === 'undefined') { return; }
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.ready) { return; }
      el.dataset.ready = '1';
      var spec = JSON.parse(el.getAttribute('data-chart'));
      var xs = spec.labels.map(function (_, i) { return i; });
      var data = [xs];
      var series = [{ label: spec.xLabel || '', value: function (u, v) { return v == null ? '' : spec.labels[v]; } }];
      spec.series.forEach(function (s) {
        data.push(s.values);
        series.push({ label: s.label, stroke: s.color || '#1f5fbf', width: 2, points: { show: true },
          fill: spec.fill ? (s.color || '#1f5fbf') + '22' : undefined });
      });
      var width = Math.max(280, el.clientWidth || 400);
      new uPlot({
        width: width, height: spec.height || 200, series: series,
        // room on the right for the last x label, which uPlot centres on its tick
        padding: [8, 36, 0, 0],
        scales: { x: { time: false } },
        axes: [
          { values: function (u, splits) { return splits.map(function (v) { return Number.isInteger(v) && spec.labels[v] != null ? spec.labels[v] : ''; }); } },
          { label: spec.yLabel || '', size: 64, values: compactTicks }
        ]
      }, data, el);
    });
  }

  // Live alerts: an element with data-alert-stream opens the desk's alert stream (server-sent events; the browser
  // reconnects by itself and sends the last event id, so nothing is missed). Each event reloads the parts marked
  // data-live (their hx-get, hx-select) once, a moment later, unless the officer is typing in one or has a form open
  // there: that part reloads when it is left. New and escalated alerts also show as a toast, set as text.
  var alertTypes = ['alert.opened', 'alert.escalated', 'alert.acknowledged', 'alert.closed'];
  function setLiveStatus(text) {
    var status = document.getElementById('live-status');
    if (status) { status.textContent = text; }
  }
  function busy(el) {
    var active = document.activeElement;
    var typing = active && el.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
    return typing || el.querySelector('details[open]') !== null;
  }
  function reloadLiveParts() {
    document.querySelectorAll('[data-live]').forEach(function (el) {
      if (busy(el)) {
        if (!el.dataset.stale) {
          el.dataset.stale = '1';
          el.addEventListener('focusout', function again() {
            el.removeEventListener('focusout', again);
            delete el.dataset.stale;
            setTimeout(reloadLiveParts, 300);
          });
        }
        return;
      }
      htmx.trigger(el, 'salesrisk:alerts');
    });
  }
  function showAlertToast(type, data) {
    var toast = document.getElementById('toast');
    if (!toast || !data || !data.data) { return; }
    var alert = data.data;
    var p = document.createElement('p');
    p.className = 'msg ' + (alert.severity === 'HIGH' || alert.severity === 'CRITICAL' ? 'error' : 'ok');
    p.textContent = (type === 'alert.escalated' ? 'Alert escalated: ' : 'New alert: ') + alert.severity + ' '
      + alert.type + ' on ' + alert.subjectId + ' – ' + alert.message;
    toast.replaceChildren(p);
    setTimeout(function () { if (toast.firstChild === p) { toast.replaceChildren(); } }, 8000);
  }
  function openAlertStream() {
    var holder = document.querySelector('[data-alert-stream]');
    if (!holder || typeof EventSource === 'undefined') { return; }
    var source = new EventSource(holder.getAttribute('data-alert-stream'));
    var pending = null;
    source.addEventListener('open', function () { setLiveStatus('live'); });
    source.addEventListener('error', function () {
      // the browser tries again by itself; a closed source means the session ended
      setLiveStatus(source.readyState === EventSource.CLOSED ? 'live updates stopped: reload the page'
        : 'reconnecting to live updates…');
    });
    alertTypes.forEach(function (type) {
      source.addEventListener(type, function (e) {
        setLiveStatus('live · last update ' + new Date().toLocaleTimeString());
        if (type === 'alert.opened' || type === 'alert.escalated') {
          try { showAlertToast(type, JSON.parse(e.data)); } catch (ignored) { /* a toast is a nicety */ }
        }
        if (pending) { clearTimeout(pending); }
        pending = setTimeout(function () { pending = null; reloadLiveParts(); }, 250);
      });
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }

  function init(root) { initDropzones(root); initCharts(root); }
  document.addEventListener('DOMContentLoaded', function () { init(document); openAlertStream(); });
  document.addEventListener('htmx:load', function (e) { init(e.detail.elt); });
})();
