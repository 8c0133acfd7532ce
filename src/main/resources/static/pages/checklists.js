// Checklists of standards in force: pick a standard, read its checklist, and (responsible section,
// std-office, admins) edit and save it as a whole. Plain JS, no build step, no CDN. Same-origin
// fetch carries the Tasklist session cookie; the PUT sends the anti-CSRF header the server
// requires for session-authenticated requests. The server decides everything (who may edit, what
// is valid); the page only shows its answers next to the right row and field.
(function () {
  'use strict';

  var FIELDS = ['clauseRef', 'requirement', 'weight', 'critical', 'places'];
  var FIELD_LABELS = { clauseRef: '条款号', requirement: '检查要求', weight: '权重', critical: '关键项', places: '适用地点' };

  var me = null;            // /api/me
  var places = [];          // [{code, name}] in the bureau's order
  var placeNames = {};      // code -> name
  var standardId = null;    // the standard open, from ?standardId=
  var checklist = null;     // last answer of GET/PUT .../checklist
  var rows = [];            // the rows as the user edits them
  var savedJson = null;     // the rows as last loaded or saved, to know about unsaved edits
  var nextKey = 1;          // stable row keys for element ids (rows move, keys do not)
  var saving = false;

  var P = window.stdflowPages;
  var $ = P.$, show = P.show, api = P.api, messageOf = P.messageOf, element = P.element;

  function pageError(text) {
    $('page-error').textContent = text;
    show($('page-error'), !!text);
  }

  function loginRequired() {
    show($('login-required'), true);
  }

  // ---------------------------------------------------------------- picking a standard

  function mySections() {
    return (me && me.groups ? me.groups : []).map(function (g) { return g.id; });
  }

  /** All standards in force matching the filters (the register is small; pages of 200 to be safe). */
  function fetchStandards(q, section) {
    var found = [];
    function page(n) {
      var params = new URLSearchParams({ status: 'IN_FORCE', size: '200', page: String(n) });
      if (q) { params.set('q', q); }
      if (section) { params.set('section', section); }
      return api('/api/standards?' + params.toString()).then(function (r) {
        if (!r.ok) { return r; }
        found = found.concat(r.body.items);
        if (found.length < r.body.total && r.body.items.length > 0 && n < 20) { return page(n + 1); }
        return { ok: true, items: found };
      });
    }
    return page(0);
  }

  function fillSectionFilter(standards) {
    var select = $('section-filter');
    var seen = {};
    var mine = mySections();
    var sections = [];
    standards.forEach(function (s) {
      if (!seen[s.responsibleSection]) {
        seen[s.responsibleSection] = true;
        sections.push({ id: s.responsibleSection, name: s.responsibleSectionName || s.responsibleSection });
      }
    });
    // my own sections first, then the others by name
    sections.sort(function (a, b) {
      var ma = mine.indexOf(a.id) >= 0 ? 0 : 1;
      var mb = mine.indexOf(b.id) >= 0 ? 0 : 1;
      return ma - mb || a.name.localeCompare(b.name, 'zh-CN');
    });
    sections.forEach(function (s) {
      select.appendChild(element('option', { value: s.id }, s.name + (mine.indexOf(s.id) >= 0 ? '（本科室）' : '')));
    });
  }

  function renderStandards(standards) {
    var mine = mySections();
    // the register's order (by node and code), but my section's standards first
    var sorted = standards.map(function (s, i) { return { s: s, i: i, own: mine.indexOf(s.responsibleSection) >= 0 }; })
      .sort(function (a, b) { return (a.own === b.own ? 0 : a.own ? -1 : 1) || a.i - b.i; });
    var body = $('standard-rows');
    body.textContent = '';
    sorted.forEach(function (entry) {
      var s = entry.s;
      var tr = element('tr', { 'data-standard-id': String(s.id) });
      if (entry.own) { tr.className = 'own'; }
      tr.appendChild(element('td', { class: 'code' }, s.code || '（无编号）'));
      tr.appendChild(element('td', {}, s.title));
      var section = element('td', {}, s.responsibleSectionName || s.responsibleSection);
      if (entry.own) { section.appendChild(element('span', { class: 'tag' }, '本科室')); }
      tr.appendChild(section);
      var open = element('td');
      if (String(s.id) === String(standardId)) {
        tr.setAttribute('aria-current', 'true');
        open.appendChild(element('strong', {}, '正在查看'));
      } else {
        var link = element('a', { href: '?standardId=' + encodeURIComponent(s.id), 'aria-label': '打开《' + s.title + '》的检查表' },
          '打开');
        open.appendChild(link);
      }
      tr.appendChild(open);
      body.appendChild(tr);
    });
    $('picker-status').textContent = standards.length
      ? '共 ' + standards.length + ' 项现行有效标准' + (sorted.some(function (e) { return e.own; }) ? '，本科室负责的排在前面' : '')
      : '没有符合条件的现行有效标准';
    show($('standard-table'), standards.length > 0);
  }

  var searchNo = 0;

  function search() {
    var mine = ++searchNo;
    $('picker-status').textContent = '正在查找…';
    return fetchStandards($('search').value.trim(), $('section-filter').value).then(function (r) {
      if (mine !== searchNo) { return; } // a later search is under way (typing), its answer counts
      if (r.status === 401) { loginRequired(); }
      if (!r.ok) {
        $('picker-status').textContent = messageOf(r);
        return;
      }
      renderStandards(r.items);
    }).catch(function () {
      $('picker-status').textContent = '网络错误，请重试。';
    });
  }

  function startPicker() {
    show($('picker'), true);
    var timer = null;
    $('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(timer);
      search();
    });
    $('search').addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 300);
    });
    $('section-filter').addEventListener('change', search);
    return fetchStandards('', '').then(function (r) {
      if (r.status === 401) { loginRequired(); }
      if (!r.ok) {
        $('picker-status').textContent = messageOf(r);
        return;
      }
      fillSectionFilter(r.items);
      renderStandards(r.items);
    });
  }

  // ---------------------------------------------------------------- the checklist

  function toRow(item) {
    return {
      key: nextKey++,
      clauseRef: item.clauseRef || '',
      requirement: item.requirement || '',
      weight: item.weight == null ? '' : String(item.weight),
      critical: !!item.critical,
      places: (item.places || []).slice(),
      errors: {}
    };
  }

  function rowsJson() {
    return JSON.stringify(rows.map(function (r) {
      return [r.clauseRef, r.requirement, r.weight, r.critical, r.places.slice().sort()];
    }));
  }

  function isDirty() {
    return checklist != null && checklist.mayEdit && savedJson !== rowsJson();
  }

  function updateDirty() {
    show($('dirty-note'), isDirty());
  }

  function placeLabel(code) {
    return placeNames[code] || code;
  }

  function summaryOfPlaces(codes) {
    return codes.length ? codes.map(placeLabel).join('、') : '请选择地点';
  }

  function fieldId(field, row) { return field + '-' + row.key; }

  function errorElement(field, row) {
    var p = element('p', { id: fieldId(field, row) + '-error', class: 'error field-error', 'data-field': field });
    p.hidden = true;
    return p;
  }

  /** Shows (or clears) the message of one field of one row, without re-rendering the row. */
  function showFieldError(row, field) {
    var text = row.errors[field] || '';
    var error = $(fieldId(field, row) + '-error');
    if (error) {
      error.textContent = text;
      show(error, !!text);
    }
    var input = $(fieldId(field, row));
    if (input) {
      if (text) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
    }
  }

  function edited(row, field) {
    if (row.errors[field]) {
      delete row.errors[field];
      showFieldError(row, field);
    }
    updateDirty();
    renderCounts();
  }

  function editableRow(row, index) {
    var n = index + 1;
    var tr = element('tr', { 'data-row-key': String(row.key) });
    if (Object.keys(row.errors).length) { tr.className = 'invalid'; }
    tr.appendChild(element('td', { class: 'number' }, String(n)));

    var clause = element('input', { id: fieldId('clauseRef', row), name: 'clauseRef', type: 'text', maxlength: '50',
      class: 'clause', 'aria-label': '第 ' + n + ' 项的条款号', 'aria-describedby': fieldId('clauseRef', row) + '-error' });
    clause.value = row.clauseRef;
    clause.addEventListener('input', function () { row.clauseRef = clause.value; edited(row, 'clauseRef'); });
    var td = element('td');
    td.appendChild(clause);
    td.appendChild(errorElement('clauseRef', row));
    tr.appendChild(td);

    var requirement = element('textarea', { id: fieldId('requirement', row), name: 'requirement', rows: '2', maxlength: '500',
      'aria-label': '第 ' + n + ' 项的检查要求', 'aria-describedby': fieldId('requirement', row) + '-error' });
    requirement.value = row.requirement;
    requirement.addEventListener('input', function () { row.requirement = requirement.value; edited(row, 'requirement'); });
    td = element('td', { class: 'requirement' });
    td.appendChild(requirement);
    td.appendChild(errorElement('requirement', row));
    tr.appendChild(td);

    var weight = element('input', { id: fieldId('weight', row), name: 'weight', type: 'number', min: '1', max: '100',
      step: '1', inputmode: 'numeric', class: 'weight', 'aria-label': '第 ' + n + ' 项的权重',
      'aria-describedby': fieldId('weight', row) + '-error' });
    weight.value = row.weight;
    weight.addEventListener('input', function () {
      // a number input reports "" for text it cannot parse; keep what the browser holds
      row.weight = weight.validity.badInput ? 'invalid' : weight.value;
      edited(row, 'weight');
    });
    td = element('td');
    td.appendChild(weight);
    td.appendChild(errorElement('weight', row));
    tr.appendChild(td);

    var critical = element('input', { id: fieldId('critical', row), name: 'critical', type: 'checkbox',
      'aria-label': '第 ' + n + ' 项是关键项' });
    critical.checked = row.critical;
    critical.addEventListener('change', function () { row.critical = critical.checked; edited(row, 'critical'); });
    td = element('td', { class: 'center' });
    td.appendChild(critical);
    td.appendChild(errorElement('critical', row));
    tr.appendChild(td);

    tr.appendChild(placesCell(row, n));
    tr.appendChild(rowActions(row, index));
    return tr;
  }

  /** A multi-select of the places: a disclosure whose summary names what is ticked. */
  function placesCell(row, n) {
    var td = element('td', { class: 'places' });
    var details = element('details', { id: fieldId('places', row), class: 'place-picker',
      'aria-describedby': fieldId('places', row) + '-error' });
    var summary = element('summary', { 'aria-label': '第 ' + n + ' 项的适用地点：' + summaryOfPlaces(row.places) },
      summaryOfPlaces(row.places));
    details.appendChild(summary);
    var fieldset = element('fieldset');
    fieldset.appendChild(element('legend', { class: 'visually-hidden' }, '第 ' + n + ' 项的适用地点'));
    places.forEach(function (p) {
      var label = element('label');
      var box = element('input', { type: 'checkbox', name: 'places', value: p.code });
      box.checked = row.places.indexOf(p.code) >= 0;
      box.addEventListener('change', function () {
        var chosen = row.places.filter(function (c) { return c !== p.code; });
        if (box.checked) { chosen.push(p.code); }
        // the bureau's order, not the order of clicking
        row.places = places.map(function (x) { return x.code; }).filter(function (c) { return chosen.indexOf(c) >= 0; })
          .concat(chosen.filter(function (c) { return !placeNames[c]; }));
        summary.textContent = summaryOfPlaces(row.places);
        summary.setAttribute('aria-label', '第 ' + n + ' 项的适用地点：' + summaryOfPlaces(row.places));
        edited(row, 'places');
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + p.name));
      fieldset.appendChild(label);
    });
    // codes the item holds that are no longer places (shown, so the server's message makes sense)
    row.places.filter(function (c) { return !placeNames[c]; }).forEach(function (c) {
      fieldset.appendChild(element('p', { class: 'hint' }, '未知地点：' + c));
    });
    details.appendChild(fieldset);
    td.appendChild(details);
    td.appendChild(errorElement('places', row));
    if (row.errors.places) { details.open = true; }
    return td;
  }

  function rowActions(row, index) {
    var td = element('td', { class: 'row-actions' });
    var n = index + 1;
    function button(action, text, label, disabled) {
      var b = element('button', { type: 'button', class: 'small secondary', 'data-action': action, 'aria-label': label }, text);
      b.disabled = !!disabled;
      b.addEventListener('click', function () { rowAction(action, row); });
      td.appendChild(b);
    }
    button('up', '上移', '第 ' + n + ' 项上移', index === 0);
    button('down', '下移', '第 ' + n + ' 项下移', index === rows.length - 1);
    button('remove', '删除', '删除第 ' + n + ' 项', false);
    return td;
  }

  function rowAction(action, row) {
    var i = rows.indexOf(row);
    if (i < 0) { return; }
    var focusKey = row.key;
    var focusAction = action;
    if (action === 'up' && i > 0) {
      rows.splice(i - 1, 0, rows.splice(i, 1)[0]);
      if (i - 1 === 0) { focusAction = 'down'; }
    } else if (action === 'down' && i < rows.length - 1) {
      rows.splice(i + 1, 0, rows.splice(i, 1)[0]);
      if (i + 1 === rows.length - 1) { focusAction = 'up'; }
    } else if (action === 'remove') {
      rows.splice(i, 1);
      var neighbour = rows[Math.min(i, rows.length - 1)];
      focusKey = neighbour ? neighbour.key : null;
    }
    renderRows();
    updateDirty();
    // keep the keyboard where the user was
    var target = focusKey != null
      ? document.querySelector('tr[data-row-key="' + focusKey + '"] button[data-action="' + focusAction + '"]')
      : $('add-row');
    if (target && !target.disabled) { target.focus(); } else if (focusKey == null) { $('add-row').focus(); }
  }

  function readOnlyRow(row, index) {
    var tr = element('tr');
    tr.appendChild(element('td', { class: 'number' }, String(index + 1)));
    tr.appendChild(element('td', { class: 'code' }, row.clauseRef));
    tr.appendChild(element('td', { class: 'requirement' }, row.requirement));
    tr.appendChild(element('td', { class: 'number' }, row.weight));
    tr.appendChild(element('td', { class: 'center' }, row.critical ? '是' : '否'));
    tr.appendChild(element('td', {}, row.places.map(placeLabel).join('、')));
    return tr;
  }

  function renderRows() {
    var body = $('checklist-rows');
    body.textContent = '';
    var editable = checklist.mayEdit;
    rows.forEach(function (row, i) {
      var tr = editable ? editableRow(row, i) : readOnlyRow(row, i);
      body.appendChild(tr);
      if (editable) { FIELDS.forEach(function (f) { showFieldError(row, f); }); }
    });
    show($('empty-note'), rows.length === 0);
    renderCounts();
  }

  function renderCounts() {
    var total = 0;
    var critical = 0;
    rows.forEach(function (r) {
      total += /^\d+$/.test(r.weight) ? parseInt(r.weight, 10) : 0;
      if (r.critical) { critical++; }
    });
    $('checklist-status').textContent = rows.length
      ? '共 ' + rows.length + ' 项，其中关键项 ' + critical + ' 项，权重合计 ' + total
      : '';
  }

  function showChecklist(body) {
    checklist = body;
    rows = body.items.map(toRow);
    savedJson = rowsJson();
    var editable = body.mayEdit;
    document.body.classList.toggle('editing', editable);
    show($('edit-actions'), editable);
    show($('edit-hint'), editable);
    var note = $('read-only-note');
    if (!body.inForce) {
      note.textContent = '本标准当前不是现行有效标准，没有可维护的检查表。';
    } else if (!editable) {
      note.textContent = '您可以查看本检查表，但不能修改：只有责任科室、标准化办公室和管理员可以维护检查表。';
    }
    show(note, !editable);
    renderRows();
    updateDirty();
  }

  function showFacts(detail, body) {
    $('standard-code').textContent = body.code || '（无编号）';
    $('standard-title').textContent = body.title;
    $('standard-section').textContent = detail ? detail.responsibleSectionName || detail.responsibleSection
      : body.responsibleSection;
    $('standard-status').textContent = detail
      ? detail.statusLabel + (detail.currentVersionNo ? '（第 ' + detail.currentVersionNo + ' 版）' : '')
      : body.status;
    $('checklist-heading').textContent = '检查表：' + body.title;
    $('picker-heading').textContent = '查看其他现行有效标准';
    document.title = '检查表 - ' + body.title;
  }

  function loadChecklist() {
    show($('checklist-section'), true);
    return Promise.all([
      api('/api/standards/' + encodeURIComponent(standardId) + '/checklist'),
      api('/api/standards/' + encodeURIComponent(standardId))
    ]).then(function (answers) {
      var r = answers[0];
      if (r.status === 401) { loginRequired(); }
      if (!r.ok) {
        show($('checklist-section'), false);
        pageError(messageOf(r));
        return;
      }
      showFacts(answers[1].ok ? answers[1].body : null, r.body);
      showChecklist(r.body);
    });
  }

  // ---------------------------------------------------------------- saving

  /** Weights the JSON body cannot carry (not a whole number) are told here, in the server's words. */
  function payload(clientErrors) {
    return rows.map(function (row, i) {
      var weight = row.weight.trim();
      var value = null;
      if (/^-?\d+$/.test(weight)) {
        value = parseInt(weight, 10);
      } else {
        clientErrors['items[' + i + '].weight'] = '第 ' + (i + 1) + ' 项的权重须为 1 到 100 之间的整数';
      }
      return { clauseRef: row.clauseRef, requirement: row.requirement, weight: value, critical: row.critical,
        places: row.places.slice() };
    });
  }

  function clearErrors() {
    rows.forEach(function (row) { row.errors = {}; });
    show($('save-summary'), false);
    $('save-summary-list').textContent = '';
  }

  /** Puts {"items[2].weight": "…"} messages onto the rows they name; returns those naming no field. */
  function applyFieldErrors(fieldErrors) {
    var general = [];
    Object.keys(fieldErrors).forEach(function (key) {
      var m = /^items\[(\d+)\](?:\.(\w+))?$/.exec(key);
      var row = m ? rows[parseInt(m[1], 10)] : null;
      if (row && m[2] && FIELDS.indexOf(m[2]) >= 0) {
        row.errors[m[2]] = fieldErrors[key];
      } else if (row) {
        row.errors.clauseRef = fieldErrors[key];
      } else {
        general.push(fieldErrors[key]);
      }
    });
    return general;
  }

  function summary(text, messages, loginLink) {
    $('save-summary-text').textContent = text;
    if (loginLink) {
      $('save-summary-text').appendChild(document.createTextNode(' '));
      $('save-summary-text').appendChild(element('a', { href: '/camunda/app/tasklist/', target: '_blank', rel: 'noopener' },
        '在新标签页中登录任务列表'));
    }
    var list = $('save-summary-list');
    list.textContent = '';
    messages.forEach(function (m) {
      var li = element('li');
      if (m.row) {
        var link = element('a', { href: '#' + fieldId(m.field, m.row) }, m.text);
        link.addEventListener('click', function (event) {
          event.preventDefault();
          var target = $(fieldId(m.field, m.row));
          if (target.tagName === 'DETAILS') { target.open = true; target = target.querySelector('summary'); }
          target.focus();
        });
        li.appendChild(link);
      } else {
        li.textContent = m.text;
      }
      list.appendChild(li);
    });
    show(list, messages.length > 0);
    show($('save-summary'), true);
    $('save-summary').focus();
  }

  function failed(r) {
    var fields = (r.body && r.body.fieldErrors) || {};
    var general = applyFieldErrors(fields);
    renderRows();
    var messages = [];
    rows.forEach(function (row) {
      FIELDS.forEach(function (f) {
        if (row.errors[f]) { messages.push({ row: row, field: f, text: row.errors[f] }); }
      });
    });
    general.forEach(function (text) { messages.push({ text: text }); });
    if (Object.keys(fields).length) {
      summary('检查表未保存：共 ' + messages.length + ' 处需要修改，已在对应的行标出。您的修改仍在本页，改正后再次保存。', messages);
    } else if (r.status === 401) {
      loginRequired();
      summary('检查表未保存：登录已失效。请在新标签页中重新登录任务列表，再回到本页保存；您的修改仍在本页，请不要刷新或关闭本页。',
        [], true);
    } else {
      summary('检查表未保存：' + messageOf(r) + ' 您的修改仍在本页。', []);
    }
  }

  function onSave(event) {
    event.preventDefault();
    if (saving || !checklist || !checklist.mayEdit) { return; }
    clearErrors();
    $('save-message').textContent = '';
    var clientErrors = {};
    var items = payload(clientErrors);
    if (Object.keys(clientErrors).length) {
      failed({ status: 400, body: { fieldErrors: clientErrors } });
      return;
    }
    saving = true;
    var button = $('save-button');
    button.disabled = true;
    button.textContent = '正在保存…';
    api('/api/standards/' + encodeURIComponent(standardId) + '/checklist', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: items })
    }).then(function (r) {
      if (r.ok) {
        showChecklist(r.body);
        $('save-message').textContent = '检查表已保存（共 ' + r.body.items.length + ' 项），'
          + new Date().toLocaleTimeString('zh-CN', { hour12: false }) + '。';
        return;
      }
      failed(r);
    }).catch(function () {
      renderRows();
      summary('网络错误，检查表未保存。您的修改仍在本页，请稍后再次保存。', []);
    }).then(function () {
      saving = false;
      button.disabled = false;
      button.textContent = '保存检查表';
    });
  }

  function onAddRow() {
    rows.push(toRow({ clauseRef: '', requirement: '', weight: null, critical: false, places: [] }));
    renderRows();
    updateDirty();
    $(fieldId('clauseRef', rows[rows.length - 1])).focus();
  }

  function onRevert() {
    if (!isDirty() || window.confirm('放弃所有未保存的修改，恢复为上次保存的检查表？')) {
      clearErrors();
      $('save-message').textContent = '';
      showChecklist(checklist);
    }
  }

  // ---------------------------------------------------------------- start

  function start() {
    var param = new URLSearchParams(window.location.search).get('standardId');
    if (param != null && !/^\d+$/.test(param.trim())) {
      pageError('参数 standardId 须为标准的编号（数字）：“' + param + '”。');
      param = null;
    }
    standardId = param == null ? null : param.trim();
    window.addEventListener('beforeunload', function (event) {
      if (isDirty()) {
        event.preventDefault();
        event.returnValue = ''; // browsers show their own text
      }
    });
    $('checklist-form').addEventListener('submit', onSave);
    $('add-row').addEventListener('click', onAddRow);
    $('revert-button').addEventListener('click', onRevert);

    api('/api/me').then(function (r) {
      if (!r.ok) {
        if (r.status === 401) { loginRequired(); } else { pageError(messageOf(r)); }
        return null;
      }
      me = r.body;
      $('who').textContent = '当前用户：' + (me.name || me.id)
        + (me.groups.length ? '（' + me.groups.map(function (g) { return g.name; }).join('、') + '）' : '');
      show($('who'), true);
      return api('/api/inspection-places').then(function (p) {
        if (!p.ok) {
          pageError(messageOf(p));
          return null;
        }
        places = p.body;
        places.forEach(function (x) { placeNames[x.code] = x.name; });
        return Promise.all([startPicker(), standardId ? loadChecklist() : null]);
      });
    }).catch(function () {
      pageError('网络错误，请刷新页面重试。');
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
