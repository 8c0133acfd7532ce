// The auditors' page: read-only queries against /api/audit (same-origin fetch carries the
// Tasklist session cookie). All values are inserted as text, never as HTML.
(function () {
  'use strict';

  var RUN_STATE = { ACTIVE: '进行中', COMPLETED: '已完成', EXTERNALLY_TERMINATED: '被终止', INTERNALLY_TERMINATED: '已终止', SUSPENDED: '已挂起' };
  var chosen = null;   // the standard the trail is restricted to
  var viewer = null;

  function $(id) { return document.getElementById(id); }

  function api(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      return r.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        if (!r.ok) {
          throw new Error(body && body.message ? body.message : '请求失败（HTTP ' + r.status + '）');
        }
        return body;
      });
    });
  }

  function showError(message) {
    var p = $('page-error');
    p.textContent = message || '';
    p.hidden = !message;
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    if (className) { td.className = className; }
    td.textContent = text == null ? '' : text;
    row.appendChild(td);
    return td;
  }

  function formatTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  function queryParams() {
    var p = new URLSearchParams();
    if (chosen) { p.set('standardId', chosen.id); }
    ['processInstanceId', 'section', 'user', 'from', 'to', 'action'].forEach(function (name) {
      var v = $(name).value.trim();
      if (v) { p.set(name, v); }
    });
    return p;
  }

  function loadSections() {
    return api('/api/audit/sections').then(function (sections) {
      sections.forEach(function (s) {
        var o = document.createElement('option');
        o.value = s.id;
        o.textContent = s.name;
        $('section').appendChild(o);
      });
    });
  }

  function search(event) {
    if (event) { event.preventDefault(); }
    showError('');
    $('standard-choices').hidden = true;
    var text = $('standard').value.trim();
    if (!text) {
      chosen = null;
      $('standard-section').hidden = true;
      return loadTrail();
    }
    if (chosen && (text === chosen.code || text === chosen.title)) {
      return loadTrail();
    }
    return api('/api/audit/standards?q=' + encodeURIComponent(text)).then(function (found) {
      var exact = found.filter(function (s) { return s.code === text || s.title === text; });
      if (exact.length === 1 || found.length === 1) {
        return choose(exact.length === 1 ? exact[0] : found[0]);
      }
      if (found.length === 0) {
        chosen = null;
        showError('未找到编号或名称包含 «' + text + '» 的标准。');
        return null;
      }
      var list = $('standard-list');
      list.textContent = '';
      found.forEach(function (s) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'link';
        b.textContent = (s.code || '（未编号）') + ' ' + s.title;
        b.addEventListener('click', function () { $('standard-choices').hidden = true; choose(s); });
        li.appendChild(b);
        list.appendChild(li);
      });
      $('standard-choices').hidden = false;
      return null;
    }).catch(function (e) { showError(e.message); });
  }

  function choose(s) {
    chosen = s;
    $('standard').value = s.code || s.title;
    $('standard-code').textContent = s.code || '（未编号）';
    $('standard-title').textContent = s.title;
    $('standard-owner').textContent = s.sectionName || s.section || '';
    $('standard-status').textContent = s.statusLabel || s.status;
    $('standard-section').hidden = false;
    loadRuns(s);
    return loadTrail();
  }

  function loadRuns(s) {
    var rows = $('run-rows');
    rows.textContent = '';
    return api('/api/audit/processes?standardId=' + s.id).then(function (body) {
      body.processes.forEach(function (run) {
        var tr = document.createElement('tr');
        cell(tr, run.processName + (run.version ? '（版本 ' + run.version + '）' : ''));
        cell(tr, run.businessKey);
        cell(tr, formatTime(run.startTime));
        cell(tr, formatTime(run.endTime));
        cell(tr, RUN_STATE[run.state] || run.state);
        var td = cell(tr, '');
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'link show-diagram';
        b.textContent = '查看流程图';
        b.addEventListener('click', function () { showDiagram(run.id); });
        td.appendChild(b);
        rows.appendChild(tr);
      });
    }).catch(function (e) { showError(e.message); });
  }

  function loadTrail() {
    var params = queryParams();
    var qs = params.toString();
    $('export-csv').href = '/api/audit/entries.csv' + (qs ? '?' + qs : '');
    $('export-pdf').href = '/api/audit/entries.pdf' + (qs ? '?' + qs : '');
    $('trail-status').textContent = '正在加载…';
    return api('/api/audit/entries' + (qs ? '?' + qs : '')).then(function (body) {
      var rows = $('trail-rows');
      rows.textContent = '';
      body.entries.forEach(function (e) {
        var tr = document.createElement('tr');
        tr.className = 'entry';
        tr.dataset.action = e.action;
        cell(tr, e.seq, 'seq');
        cell(tr, e.time, 'time');
        cell(tr, e.actorName + (e.sectionName ? '（' + e.sectionName + '）' : ''));
        cell(tr, e.standardCode || e.standardTitle || '');
        cell(tr, e.step || '');
        cell(tr, e.actionLabel);
        var td = cell(tr, '', 'detail');
        var parts = [];
        if (e.subject) { parts.push(e.subject + (e.value != null ? '：' + e.value : '')); }
        else if (e.value != null) { parts.push(e.value); }
        if (e.reason) { parts.push('理由：' + e.reason); }
        td.textContent = parts.join('；');
        if (e.sha256) {
          var sha = document.createElement('div');
          sha.className = 'sha';
          sha.textContent = 'SHA-256 ' + e.sha256;
          td.appendChild(sha);
        }
        rows.appendChild(tr);
      });
      $('trail-table').hidden = body.entries.length === 0;
      $('trail-status').textContent = body.entries.length === 0 ? '没有符合条件的记录。'
        : '共 ' + body.count + ' 条记录' + (body.count >= body.limit ? '（已达上限 ' + body.limit + ' 条，请缩小查询范围）' : '') + '。';
    }).catch(function (e) {
      $('trail-status').textContent = '';
      showError(e.message);
    });
  }

  function showDiagram(runId) {
    showError('');
    return api('/api/audit/processes/' + encodeURIComponent(runId)).then(function (run) {
      $('diagram-section').hidden = false;
      $('diagram-caption').textContent = run.processName + ' ' + (run.businessKey || '') + '，开始于 ' + formatTime(run.startTime)
        + (run.endTime ? '，结束于 ' + formatTime(run.endTime) : '，尚未结束');
      if (!viewer) {
        viewer = new window.BpmnJS({ container: '#diagram' });
      }
      return viewer.importXML(run.bpmnXml).then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var passed = {};
        run.passed.forEach(function (id) { passed[id] = true; });
        run.active.forEach(function (id) { passed[id] = true; });
        registry.getAll().forEach(function (el) {
          if (el.waypoints && el.source && el.target && passed[el.source.id] && passed[el.target.id]) {
            canvas.addMarker(el.id, 'audit-passed');
          }
        });
        run.passed.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'audit-passed'); } });
        run.active.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'audit-active'); } });
        canvas.zoom('fit-viewport');
        $('diagram').dataset.loaded = run.id;
        $('diagram-section').scrollIntoView();
      });
    }).catch(function (e) { showError(e.message); });
  }

  function verify() {
    var button = $('verify-button');
    var result = $('verify-result');
    button.disabled = true;
    result.className = '';
    result.textContent = '正在校验…';
    api('/api/audit/verification').then(function (v) {
      if (v.intact) {
        result.className = 'success';
        result.textContent = '审计链完整：共校验 ' + v.checked + ' 条记录，未发现篡改。最后一条（第 ' + v.lastSeq
          + ' 条）的哈希为 ' + v.lastHash + '，可抄录留存，作为日后核对的依据。';
      } else {
        result.className = 'error';
        result.textContent = '审计链在第 ' + v.firstProblem.seq + ' 条处断裂：' + v.firstProblem.message
          + '（此前 ' + v.checked + ' 条记录完好）';
      }
    }).catch(function (e) {
      result.textContent = '';
      showError(e.message);
    }).then(function () { button.disabled = false; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('search-form').addEventListener('submit', search);
    $('verify-button').addEventListener('click', verify);
    var params = new URLSearchParams(window.location.search);
    loadSections().catch(function (e) { showError(e.message); }).then(function () {
      var code = params.get('standardCode');
      if (code) {
        $('standard').value = code;
        search();
      }
    });
  });
})();
