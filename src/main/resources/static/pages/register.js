// The register (标准库): the standard system tree, the catalogue with filters, and one standard with its
// versions, files (download; training videos play), trainings, notices and reviews, for every logged-in
// user; the office, leadership and admins may also ask for an out-of-cycle review, the office and admins
// maintain the tree. The server decides (and checks again) what each may read and do; the page only
// offers what it will allow. Plain JS, no build step, no CDN. The state is
// the URL (?q=&status=&type=&section=&node=&page= for the catalogue, ?id= for one standard): the
// search form submits with GET, the tree and pager are links, so back, reload and bookmarks work.
(function () {
  'use strict';

  var PAGE_SIZE = 20;
  var params = new URLSearchParams(window.location.search);
  var me = null; // /api/me

  var P = window.stdflowPages;
  var $ = P.$, show = P.show, api = P.api, messageOf = P.messageOf, element = P.element, cell = P.cell,
    formatTime = P.formatTime, formatSize = P.formatSize;

  function failed(result) {
    if (result.status === 401) {
      show($('login-required'), true);
      show($('browser'), false);
      show($('detail'), false);
      return;
    }
    $('page-error').textContent = messageOf(result);
    show($('page-error'), true);
  }

  function href(changes) {
    var next = new URLSearchParams(params);
    next.delete('id');
    Object.keys(changes).forEach(function (name) {
      if (changes[name] == null) { next.delete(name); } else { next.set(name, changes[name]); }
    });
    var query = next.toString();
    return 'register.html' + (query ? '?' + query : '');
  }

  // ---------------------------------------------------------------- the catalogue

  /** Missing status: the standards in force; an explicit empty one: every status. */
  function statusFilter() {
    return params.has('status') ? params.get('status') : 'IN_FORCE';
  }

  function fillForm() {
    $('q').value = params.get('q') || '';
    $('status').value = statusFilter();
    $('type').value = params.get('type') || '';
    $('section').value = params.get('section') || '';
    $('node').value = params.get('node') || '';
  }

  function renderTree(nodes) {
    var selected = params.get('node') || '';
    var root = $('tree-root');
    root.textContent = '';
    var all = element('li');
    var allLink = element('a', { href: href({ node: null, page: null }) }, '全部标准');
    if (!selected) { allLink.setAttribute('aria-current', 'true'); }
    all.appendChild(allLink);
    root.appendChild(all);
    function add(list, node) {
      // the whole sub-tree's, as the catalogue's node filter finds them
      var count = node.subtreeCount;
      var li = element('li');
      var link = element('a', { href: href({ node: node.code, page: null }), 'data-node': node.code },
        node.code + ' ' + node.name);
      if (node.code === selected) { link.setAttribute('aria-current', 'true'); }
      li.appendChild(link);
      li.appendChild(element('span', { 'class': 'count', title: '在册标准 ' + count + ' 项（含制定中的）',
        'aria-label': '在册标准 ' + count + ' 项' }, '(' + count + ')'));
      if (node.children && node.children.length) {
        var ul = element('ul');
        node.children.forEach(function (child) { add(ul, child); });
        li.appendChild(ul);
      }
      list.appendChild(li);
    }
    nodes.forEach(function (n) { add(root, n); });
  }

  // ---------------------------------------------------------------- maintaining the tree (office, admins)

  var NODE_FIELDS = ['code', 'name', 'parentCode', 'sortOrder'];
  var NODE_INPUTS = { code: 'node-code', name: 'node-name', parentCode: 'node-parent', sortOrder: 'node-sort' };
  var nodesByCode = {};

  function isOffice() {
    var groups = (me && me.groups ? me.groups : []).map(function (g) { return g.id; });
    return groups.indexOf('std-office') >= 0 || groups.indexOf('camunda-admin') >= 0;
  }

  function nodeFieldError(field, text) {
    var input = $(NODE_INPUTS[field]);
    $('node-' + field + '-error').textContent = text || '';
    show($('node-' + field + '-error'), !!text);
    if (text) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
  }

  function nodeMessage(text, success) {
    $('node-message').textContent = text || '';
    $('node-message').className = success ? 'success' : 'error';
  }

  /** The form for a new node, or for the node chosen (its code cannot change: standard codes carry it). */
  function chooseNode(code) {
    var node = nodesByCode[code];
    NODE_FIELDS.forEach(function (f) { nodeFieldError(f, ''); });
    $('node-code').value = node ? node.code : '';
    $('node-code').disabled = !!node;
    $('node-name').value = node ? node.name : '';
    $('node-parent').value = node ? (node.parentCode || '') : (params.get('node') || '');
    $('node-sort').value = node ? String(node.sortOrder) : '';
    $('node-save').textContent = node ? '保存修改' : '新增';
    show($('node-delete'), !!node);
  }

  function setUpTreeAdmin(nodes) {
    var options = [];
    (function walk(list, depth) {
      list.forEach(function (n) {
        nodesByCode[n.code] = n;
        options.push({ code: n.code, label: new Array(depth + 1).join('　') + n.code + ' ' + n.name });
        walk(n.children || [], depth + 1);
      });
    }(nodes, 0));
    options.forEach(function (o) {
      $('node-target').appendChild(element('option', { value: o.code }, o.label));
      $('node-parent').appendChild(element('option', { value: o.code }, o.label));
    });
    show($('tree-admin-toggle'), true);
    $('tree-admin-toggle').onclick = function () {
      var open = $('tree-admin').hidden;
      show($('tree-admin'), open);
      $('tree-admin-toggle').setAttribute('aria-expanded', String(open));
      if (open) { chooseNode($('node-target').value); $('node-target').focus(); }
    };
    $('node-target').onchange = function () { chooseNode($('node-target').value); nodeMessage(''); };
    $('tree-admin').onsubmit = function (event) {
      event.preventDefault();
      var code = $('node-target').value;
      var body = { name: $('node-name').value, parentCode: $('node-parent').value || null };
      if ($('node-sort').value.trim()) { body.sortOrder = $('node-sort').value.trim(); }
      if (!code) { body.code = $('node-code').value; }
      saveNode(code ? 'PUT' : 'POST', code ? '/api/nodes/' + encodeURIComponent(code) : '/api/nodes', body,
        code ? '已保存节点 ' + code + '。' : '已新增节点 ' + body.code + '。');
    };
    $('node-delete').onclick = function () {
      var code = $('node-target').value;
      if (!code || !window.confirm('确定删除节点“' + nodesByCode[code].code + ' ' + nodesByCode[code].name + '”吗？')) { return; }
      saveNode('DELETE', '/api/nodes/' + encodeURIComponent(code), null, '已删除节点 ' + code + '。');
    };
  }

  /** The server checks everything (unique codes and names, no cycles, nodes in use); the page shows where. */
  function saveNode(method, path, body, done) {
    NODE_FIELDS.forEach(function (f) { nodeFieldError(f, ''); });
    nodeMessage('');
    $('node-save').disabled = true;
    api(path, body ? { method: method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
      : { method: method }).then(function (r) {
      $('node-save').disabled = false;
      if (r.ok) {
        // the tree and its counts as they are now; the message stays for the next page
        window.sessionStorage.setItem('stdflow.register.message', done);
        window.location.reload();
        return;
      }
      var fields = (r.body && r.body.fieldErrors) || {};
      var known = NODE_FIELDS.filter(function (f) { return fields[f]; });
      known.forEach(function (f) { nodeFieldError(f, fields[f]); });
      nodeMessage(known.length ? '未保存，请按标出的提示修改后重试。' : messageOf(r), false);
      if (known.length) { $(NODE_INPUTS[known[0]]).focus(); }
    }).catch(function () {
      $('node-save').disabled = false;
      nodeMessage('网络错误，请重试。', false);
    });
  }

  function renderSections(sections) {
    var select = $('section');
    sections.forEach(function (s) { select.appendChild(element('option', { value: s.id }, s.name)); });
  }

  function loadList() {
    var page = parseInt(params.get('page') || '0', 10);
    if (!(page >= 0)) { page = 0; }
    var query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    ['q', 'type', 'section', 'node'].forEach(function (name) {
      if (params.get(name)) { query.set(name, params.get(name)); }
    });
    if (statusFilter()) { query.set('status', statusFilter()); }
    // the same filters, every matching standard, as 标准明细表 and 标准体系表
    var exportQuery = new URLSearchParams(query);
    exportQuery.delete('page');
    exportQuery.delete('size');
    $('export-link').href = '/api/standards/catalogue.xlsx?' + exportQuery.toString();
    $('list-status').textContent = '正在加载…';
    return api('/api/standards?' + query.toString()).then(function (r) {
      if (!r.ok) {
        $('list-status').textContent = messageOf(r);
        if (r.status === 401) { failed(r); }
        return;
      }
      renderList(r.body, page);
    });
  }

  function renderList(result, page) {
    var rows = $('standard-rows');
    rows.textContent = '';
    result.items.forEach(function (s) {
      var tr = element('tr');
      cell(tr, s.code || '（未编号）', 'code');
      var title = cell(tr, '');
      title.appendChild(element('a', { href: 'register.html?id=' + encodeURIComponent(s.id) }, s.title));
      if (s.revisionInProgress) { title.appendChild(element('span', { 'class': 'tag' }, '修订中')); }
      cell(tr, s.nodeName ? s.nodeCode + ' ' + s.nodeName : '');
      cell(tr, s.typeLabel);
      cell(tr, s.statusLabel);
      cell(tr, s.responsibleSectionName || s.responsibleSection);
      cell(tr, s.effectiveDate || '', 'date');
      var review = cell(tr, s.nextReviewDate || '', 'date');
      if (s.reviewOverdue) {
        review.className = 'date overdue';
        review.appendChild(element('span', { 'class': 'tag' }, '复审逾期'));
      }
      rows.appendChild(tr);
    });
    var pages = Math.max(1, Math.ceil(result.total / result.size));
    $('list-status').textContent = result.total
      ? '共 ' + result.total + ' 项标准'
      : '没有符合条件的标准。';
    show($('standard-table'), result.items.length > 0);
    show($('export-link'), result.total > 0);
    show($('pager'), pages > 1);
    $('page-info').textContent = '第 ' + (page + 1) + ' / ' + pages + ' 页';
    pagerButton($('previous-page'), page > 0, page - 1);
    pagerButton($('next-page'), page + 1 < pages, page + 1);
  }

  function pagerButton(button, enabled, target) {
    button.disabled = !enabled;
    button.onclick = enabled ? function () { window.location.href = href({ page: String(target) }); } : null;
  }

  function openCatalogue() {
    show($('browser'), true);
    fillForm();
    return Promise.all([api('/api/nodes'), api('/api/sections')]).then(function (answers) {
      var failedAnswer = answers.filter(function (r) { return !r.ok; })[0];
      if (failedAnswer) { failed(failedAnswer); return; }
      renderTree(answers[0].body);
      if (isOffice()) {
        setUpTreeAdmin(answers[0].body);
        var message = window.sessionStorage.getItem('stdflow.register.message');
        if (message) {
          window.sessionStorage.removeItem('stdflow.register.message');
          show($('tree-admin'), true);
          $('tree-admin-toggle').setAttribute('aria-expanded', 'true');
          chooseNode('');
          nodeMessage(message, true);
        }
      }
      renderSections(answers[1].body);
      $('section').value = params.get('section') || '';
      return loadList();
    });
  }

  // ---------------------------------------------------------------- one standard

  function documentTable(documents) {
    var table = element('table', { 'class': 'documents' });
    var head = element('tr');
    ['类别', '文件名', '大小', '上传人', '上传时间', '下载 / 播放'].forEach(function (h) {
      head.appendChild(element('th', { scope: 'col' }, h));
    });
    table.appendChild(element('thead')).appendChild(head);
    var body = table.appendChild(element('tbody'));
    documents.forEach(function (d) {
      var tr = element('tr');
      cell(tr, d.kindLabel);
      cell(tr, d.fileName);
      cell(tr, formatSize(d.sizeBytes), 'number');
      cell(tr, d.uploadedBy);
      cell(tr, formatTime(d.uploadedAt), 'date');
      var actions = cell(tr, '');
      var download = element('a', { href: d.downloadUrl, download: d.fileName, 'aria-label': '下载 ' + d.fileName }, '下载');
      actions.appendChild(download);
      if (/^video\//.test(d.mediaType)) {
        actions.appendChild(document.createTextNode(' '));
        actions.appendChild(element('a', { href: d.downloadUrl, target: '_blank', rel: 'noopener', 'class': 'play-link',
          'aria-label': '播放 ' + d.fileName }, '播放'));
      }
      body.appendChild(tr);
    });
    return table;
  }

  function fillTable(name, items, columns) {
    var body = $(name);
    body.textContent = '';
    items.forEach(function (item) {
      var tr = element('tr');
      columns(item).forEach(function (value) { cell(tr, value); });
      body.appendChild(tr);
    });
    show($(name + '-table'), items.length > 0);
    show($(name + '-empty'), items.length === 0);
  }

  function renderDetail(s) {
    document.title = s.title + ' - 标准库 - stdflow';
    $('detail-heading').textContent = s.title;
    $('d-code').textContent = s.code || '（尚未编号）';
    $('d-type').textContent = s.typeLabel;
    $('d-status').textContent = s.statusLabel + (s.revisionInProgress ? '（修订中）' : '');
    $('d-node').textContent = s.nodeName ? s.nodeCode + ' ' + s.nodeName : '';
    $('d-section').textContent = s.responsibleSectionName || s.responsibleSection || '';
    $('d-effective').textContent = s.effectiveDate || '—';
    $('d-review').textContent = (s.nextReviewDate || '—') + (s.reviewOverdue ? '（已逾期）' : '');
    $('d-review').className = s.reviewOverdue ? 'overdue' : '';
    $('d-scope').textContent = s.scope || '—';
    $('d-rejection').textContent = s.rejectionReason || '';
    show($('d-rejection-label'), !!s.rejectionReason);
    show($('d-rejection'), !!s.rejectionReason);

    var versionNo = {};
    var versions = $('versions');
    versions.textContent = '';
    s.versions.slice().reverse().forEach(function (v) {
      versionNo[v.id] = v.versionNo;
      var current = v.status === 'IN_FORCE';
      var block = element('div', { 'class': 'version' + (current ? ' current' : ''), 'data-version': String(v.versionNo) });
      var heading = element('h4', {}, '第 ' + v.versionNo + ' 版　' + (v.code || '') + '　' + v.statusLabel);
      block.appendChild(heading);
      block.appendChild(element('p', { 'class': 'hint' }, '实施日期 ' + (v.effectiveDate || '—') + '，发布于 '
        + formatTime(v.publishedAt) + (v.approvedBy ? '，批准人 ' + v.approvedBy : '')));
      if (v.documents.length) {
        block.appendChild(documentTable(v.documents));
      } else {
        block.appendChild(element('p', { 'class': 'hint' }, '本版本没有文件。'));
      }
      versions.appendChild(block);
    });
    show($('versions-empty'), s.versions.length === 0);

    var pending = $('pending');
    pending.textContent = '';
    if (s.pendingDocuments.length) { pending.appendChild(documentTable(s.pendingDocuments)); }
    show($('pending-block'), s.pendingDocuments.length > 0);

    fillTable('trainings', s.trainings, function (t) {
      return [t.trainingDate, versionNo[t.versionId] ? '第 ' + versionNo[t.versionId] + ' 版' : '', t.attendees, t.recordedBy];
    });
    // newest version first; who has not acknowledged stands out
    var acks = s.acknowledgements.slice().sort(function (a, b) { return b.versionId - a.versionId; });
    fillTable('acknowledgements', acks, function (a) {
      return [versionNo[a.versionId] ? '第 ' + versionNo[a.versionId] + ' 版' : '', a.userName,
        a.acknowledgedAt ? formatTime(a.acknowledgedAt) : '未阅知'];
    });
    var inForce = s.versions.filter(function (v) { return v.status === 'IN_FORCE'; });
    var current = inForce.length ? inForce[0].id : null;
    var ofCurrent = s.acknowledgements.filter(function (a) { return a.versionId === current; });
    var missing = ofCurrent.filter(function (a) { return !a.acknowledgedAt; });
    $('acknowledgements-summary').textContent = ofCurrent.length === 0 ? '' : '现行版本：已阅知 '
      + (ofCurrent.length - missing.length) + ' / ' + ofCurrent.length + ' 人'
      + (missing.length ? '；未阅知：' + missing.map(function (a) { return a.userName; }).join('、') : '');
    show($('acknowledgements-summary'), ofCurrent.length > 0);
    fillTable('notices', s.notices.slice().reverse(), function (n) {
      return [formatTime(n.createdAt), n.kindLabel, n.message];
    });
    fillTable('reviews', s.reviews.slice().reverse(), function (r) {
      return [formatTime(r.reviewedAt), r.triggerLabel + (r.triggerReason ? '：' + r.triggerReason : ''),
        r.outcomeLabel || '', r.reason || '', r.reviewedBy || ''];
    });
  }

  // ---------------------------------------------------------------- out-of-cycle review

  /** The office, leadership and admins may ask for a review of a standard in force (the server decides again). */
  function mayRequestReview(s) {
    var groups = (me && me.groups ? me.groups : []).map(function (g) { return g.id; });
    return s.status === 'IN_FORCE' && ['std-office', 'leadership', 'camunda-admin'].some(function (g) {
      return groups.indexOf(g) >= 0;
    });
  }

  function reasonError(text) {
    $('review-reason-error').textContent = text || '';
    show($('review-reason-error'), !!text);
    if (text) { $('review-reason').setAttribute('aria-invalid', 'true'); } else { $('review-reason').removeAttribute('aria-invalid'); }
  }

  function requestReview(standardId, event) {
    event.preventDefault();
    var button = $('review-button');
    reasonError('');
    $('review-message').textContent = '';
    $('review-message').className = '';
    button.disabled = true;
    api('/api/standards/' + encodeURIComponent(standardId) + '/review-requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: $('review-reason').value })
    }).then(function (r) {
      if (r.ok) {
        $('review-message').textContent = '已发起计划外复审，责任科室将在任务列表中收到复审任务。';
        $('review-message').className = 'success';
        $('review-reason').disabled = true;
        return;
      }
      button.disabled = false;
      var fields = (r.body && r.body.fieldErrors) || {};
      if (fields.reason) {
        reasonError(fields.reason);
        $('review-reason').focus();
        return;
      }
      $('review-message').textContent = messageOf(r);
      $('review-message').className = 'error';
    }).catch(function () {
      button.disabled = false;
      $('review-message').textContent = '网络错误，请重试。';
      $('review-message').className = 'error';
    });
  }

  function openStandard(id) {
    show($('detail'), true);
    $('detail-status').textContent = '正在加载…';
    // back to the catalogue as it was when it is where the user came from
    var from = document.referrer ? new URL(document.referrer) : null;
    if (from && from.origin === window.location.origin && from.pathname === window.location.pathname
        && !from.searchParams.has('id')) {
      $('back-to-list').href = from.pathname + from.search;
    }
    return api('/api/standards/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) {
        $('detail-status').textContent = messageOf(r);
        if (r.status === 401) { failed(r); }
        return;
      }
      $('detail-status').textContent = '';
      renderDetail(r.body);
      show($('review-request'), mayRequestReview(r.body));
      $('review-form').onsubmit = function (event) { requestReview(r.body.id, event); };
      $('detail').focus();
    });
  }

  // ---------------------------------------------------------------- start

  api('/api/me').then(function (r) {
    if (!r.ok) { failed(r); return; }
    me = r.body;
    $('who').textContent = '当前用户：' + (r.body.name || r.body.id);
    show($('who'), true);
    if (params.get('id')) {
      openStandard(params.get('id'));
    } else {
      openCatalogue();
    }
  });
}());
