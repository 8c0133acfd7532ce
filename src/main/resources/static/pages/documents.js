// The documents of one task: list them, upload new ones. Plain JS, no build step, no CDN.
// Same-origin fetch carries the Tasklist session cookie; state-changing calls send the
// anti-CSRF header the server requires for session-authenticated requests.
(function () {
  'use strict';

  var taskId = new URLSearchParams(window.location.search).get('taskId');

  var P = window.stdflowPages;
  var $ = P.$, show = P.show, api = P.api, messageOf = P.messageOf, cell = P.cell, formatTime = P.formatTime,
    formatSize = P.formatSize;

  function pageError(text) {
    $('page-error').textContent = text;
    show($('page-error'), true);
  }

  function renderDocuments(docs) {
    var rows = $('document-rows');
    rows.textContent = '';
    docs.forEach(function (d) {
      var tr = document.createElement('tr');
      cell(tr, d.kindLabel);
      cell(tr, d.fileName);
      cell(tr, formatSize(d.sizeBytes), 'number');
      cell(tr, d.uploadedBy);
      cell(tr, formatTime(d.uploadedAt));
      var sha = cell(tr, '');
      var code = document.createElement('code');
      code.textContent = d.sha256.substring(0, 12) + '…';
      code.title = d.sha256; // the full hash on hover, for comparing with a local copy
      sha.appendChild(code);
      var content = '/api/documents/' + encodeURIComponent(d.id) + '/content';
      var actions = cell(tr, '');
      var link = document.createElement('a');
      link.href = content;
      link.download = d.fileName; // videos are served inline; this link still saves the file
      link.textContent = '下载';
      link.setAttribute('aria-label', '下载 ' + d.fileName);
      actions.appendChild(link);
      if (/^video\//.test(d.mediaType)) {
        // training videos: played in a new tab (the server answers byte ranges, so the player can seek)
        var play = document.createElement('a');
        play.href = content;
        play.target = '_blank';
        play.rel = 'noopener';
        play.className = 'play-link';
        play.textContent = '播放';
        play.setAttribute('aria-label', '播放 ' + d.fileName);
        actions.appendChild(document.createTextNode(' '));
        actions.appendChild(play);
      }
      rows.appendChild(tr);
    });
    $('list-status').textContent = docs.length ? '共 ' + docs.length + ' 个文件' : '暂无文件';
    show($('document-table'), docs.length > 0);
  }

  function loadDocuments() {
    return api('/api/tasks/' + encodeURIComponent(taskId) + '/documents').then(function (r) {
      if (!r.ok) {
        $('list-status').textContent = messageOf(r);
        return;
      }
      renderDocuments(r.body);
    });
  }

  function fieldError(name, text) {
    var input = $(name);
    var error = $(name + '-error');
    error.textContent = text || '';
    show(error, !!text);
    if (text) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
  }

  function uploadMessage(text, success) {
    var el = $('upload-message');
    el.textContent = text;
    el.className = success ? 'success' : 'error';
  }

  function onUpload(event) {
    event.preventDefault();
    var form = $('upload-form');
    fieldError('kind', '');
    fieldError('file', '');
    uploadMessage('', true);
    var button = $('upload-button');
    button.disabled = true;
    button.textContent = '正在上传…';
    // the server checks everything again; nothing is validated only here
    api('/api/tasks/' + encodeURIComponent(taskId) + '/documents', {
      method: 'POST',
      body: new FormData(form)
    }).then(function (r) {
      if (r.ok) {
        form.reset();
        uploadMessage('已上传：' + r.body.fileName, true);
        return loadDocuments();
      }
      var fields = (r.body && r.body.fieldErrors) || {};
      fieldError('kind', fields.kind);
      fieldError('file', fields.file);
      // the field messages say it already next to the fields; the summary only points there
      uploadMessage(fields.kind || fields.file ? '文件未上传，请按上面标出的提示修改后重试。' : messageOf(r), false);
      var firstInvalid = fields.kind ? $('kind') : fields.file ? $('file') : null;
      if (firstInvalid) { firstInvalid.focus(); }
    }).catch(function () {
      uploadMessage('网络错误，文件未上传，请重试。', false);
    }).then(function () {
      button.disabled = false;
      button.textContent = '上传';
    });
  }

  function loadOptions() {
    return api('/api/document-options').then(function (r) {
      if (!r.ok) { return; }
      var select = $('kind');
      r.body.kinds.forEach(function (k) {
        var option = document.createElement('option');
        option.value = k.value;
        option.textContent = k.label;
        select.appendChild(option);
      });
      $('max-size').textContent = r.body.maxSizeText;
    });
  }

  function start() {
    if (!taskId) {
      pageError('缺少任务编号：请从任务表单中的链接打开本页。');
      $('list-status').textContent = '';
      return;
    }
    $('back-link').href = '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(taskId);
    api('/api/tasks/' + encodeURIComponent(taskId)).then(function (r) {
      if (!r.ok) {
        pageError(messageOf(r));
        $('list-status').textContent = '';
        return;
      }
      var task = r.body;
      $('task-name').textContent = task.name || task.id;
      $('process-name').textContent = task.processDefinitionName || '';
      show($('task-facts'), true);
      document.title = '任务文件 - ' + (task.name || task.id);
      show($('upload-section'), task.mayUpload);
      show($('read-only-note'), !task.mayUpload);
      if (task.mayUpload) {
        $('upload-form').addEventListener('submit', onUpload);
        loadOptions();
      }
      return loadDocuments();
    }).catch(function () {
      pageError('网络错误，请刷新页面重试。');
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
