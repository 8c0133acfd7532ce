// What every stdflow page shares (plain JS, no build step, no CDN): one way to call our API and to
// show its answers. Loaded before the page's own script (both deferred, so in order).
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  function show(el, visible) { el.hidden = !visible; }

  /**
   * Same-origin fetch with the Tasklist session. Every call says it comes from our pages
   * (X-Requested-With): the server then never answers an ended session with a basic-auth challenge
   * (the browser's own login dialog), and accepts session-authenticated changes (its CSRF guard).
   * Resolves to {status, ok, body}; a body that is not JSON is {}.
   */
  function api(path, options) {
    var headers = Object.assign({ Accept: 'application/json', 'X-Requested-With': 'stdflow' },
      options && options.headers);
    return fetch(path, Object.assign({ credentials: 'same-origin' }, options, { headers: headers }))
      .then(function (response) {
        var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0
          ? response.json().catch(function () { return {}; })
          : Promise.resolve({});
        return json.then(function (body) { return { status: response.status, ok: response.ok, body: body }; });
      });
  }

  /** The server's Chinese message, or what the status means to the user. */
  function messageOf(result) {
    if (result.status === 401) { return '登录已失效，请先登录任务列表。'; }
    if (result.body && result.body.message) { return result.body.message; }
    if (result.status === 413) { return '文件过大，服务器拒绝接收。'; }
    return '请求失败（HTTP ' + result.status + '）。';
  }

  function element(tag, attributes, text) {
    var el = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { el.setAttribute(name, attributes[name]); });
    if (text != null) { el.textContent = text; }
    return el;
  }

  function cell(row, text, className) {
    var td = element('td', className ? { 'class': className } : {}, text == null ? '' : text);
    row.appendChild(td);
    return td;
  }

  function formatTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
  }

  function formatSize(bytes) {
    if (bytes >= 1024 * 1024) { return (bytes / 1024 / 1024).toFixed(1) + ' MB'; }
    if (bytes >= 1024) { return (bytes / 1024).toFixed(1) + ' KB'; }
    return bytes + ' 字节';
  }

  window.stdflowPages = { $: $, show: show, api: api, messageOf: messageOf, element: element, cell: cell,
    formatTime: formatTime, formatSize: formatSize };
}());
