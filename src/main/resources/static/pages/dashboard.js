// The statistics dashboard: filters (period, section, node of the standard system), headline
// figures and SVG charts drawn here (no chart library, no CDN), all from GET /api/statistics.
// The server decides what the user may see: a section member gets the own section only.
(function () {
  'use strict';

  var NO_DATA = '暂无数据';
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = { passed: '#2e7d32', failed: '#c62828', missed: '#f9a825', main: '#0b5cad', open: '#6a1b9a',
    overdue: '#c62828', closed: '#2e7d32', opened: '#0b5cad', praise: '#2e7d32', criticism: '#c62828' };

  var nodesLoaded = false;
  var sectionsLoaded = false;

  var P = window.stdflowPages;
  var $ = P.$, show = P.show, api = P.api, element = P.element;

  function svgElement(tag, attributes, text) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) { el.setAttribute(name, attributes[name]); });
    if (text != null) { el.textContent = text; }
    return el;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function iso(d) { return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }

  function rate(value, unit) { return value == null ? NO_DATA : value + (unit || ''); }

  // ------------------------------------------------------------------ filters

  function params() {
    var q = new URLSearchParams();
    var initial = new URLSearchParams(location.search);
    ['from', 'to', 'section', 'node'].forEach(function (name) {
      // before the first answer the selects are empty: take the URL's choice
      var loaded = name === 'section' || name === 'node' ? sectionsLoaded : true;
      var v = loaded ? $(name).value : initial.get(name);
      if (v) { q.set(name, v); }
    });
    return q;
  }

  function preset(kind) {
    var today = new Date();
    var from;
    if (kind === 'month') {
      from = new Date(today.getFullYear(), today.getMonth(), 1);
    } else if (kind === 'quarter') {
      from = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1);
    } else {
      from = new Date(today.getFullYear(), 0, 1);
    }
    $('from').value = iso(from);
    $('to').value = iso(today);
    load();
  }

  function load() {
    var q = params();
    history.replaceState(null, '', location.pathname + (q.toString() ? '?' + q.toString() : ''));
    $('status').textContent = '正在加载…';
    $('page-error').hidden = true;
    api('/api/statistics' + (q.toString() ? '?' + q.toString() : '')).then(function (r) {
      if (r.status === 401) {
        show($('login-required'), true);
        $('status').textContent = '';
        return;
      }
      if (!r.ok) {
        $('page-error').textContent = (r.body && r.body.message) || ('请求失败（HTTP ' + r.status + '）。');
        show($('page-error'), true);
        $('status').textContent = '';
        return;
      }
      render(r.body);
    }).catch(function () {
      $('page-error').textContent = '无法连接服务器，请稍后再试。';
      show($('page-error'), true);
    });
  }

  function fillSelects(s) {
    if (!sectionsLoaded) {
      var select = $('section');
      var current = s.section ? s.section.id : '';
      select.innerHTML = '';
      if (s.sections.length > 1) {
        select.appendChild(element('option', { value: '' }, '全部科室'));
      }
      s.sections.forEach(function (sec) { select.appendChild(element('option', { value: sec.id }, sec.name)); });
      select.value = current || (s.sections.length === 1 ? s.sections[0].id : '');
      sectionsLoaded = true;
    }
    // the whole tree once it has been shown; until then the subtree of the node asked for
    if (!nodesLoaded) {
      var nodes = $('node');
      nodes.innerHTML = '';
      nodes.appendChild(element('option', { value: '' }, '全部节点'));
      s.standards.byNode.forEach(function (n) {
        nodes.appendChild(element('option', { value: n.code }, '\u3000'.repeat(n.level) + n.code + ' ' + n.name));
      });
      nodes.value = s.node ? s.node.code : '';
      nodesLoaded = !s.node;
    }
  }

  // ------------------------------------------------------------------ rendering

  function render(s) {
    fillSelects(s);
    $('from').value = s.period.from;
    $('to').value = s.period.to;
    var scope = s.section ? s.section.name : (s.sections.length === 1 ? s.sections[0].name : '全部科室');
    $('scope').textContent = '统计期间：' + s.period.from + ' 至 ' + s.period.to + '　范围：' + scope
      + (s.node ? '　标准体系节点：' + s.node.code + ' ' + s.node.name : '') + '　（生成于 ' + s.generatedAt + '）';

    var st = s.standards;
    $('kpi-in-force').textContent = st.inForce;
    $('kpi-kinds').textContent = '内部标准 ' + st.internal + ' / 采用标准 ' + st.adopted + ' / 规章制度 ' + st.regulation;
    $('kpi-coverage').textContent = rate(st.coverage.rate, '%');
    $('kpi-coverage-sub').textContent = '末级节点 ' + st.coverage.coveredLeafNodes + ' / ' + st.coverage.leafNodes + ' 有现行标准';
    $('kpi-reviews-overdue').textContent = s.reviews.overdue;
    $('kpi-reviews-sub').textContent = '复审逾期；本期到期 ' + s.reviews.dueInPeriod + '，本期完成 ' + s.reviews.completedInPeriod;
    var ins = s.inspections;
    $('kpi-pass-rate').textContent = rate(ins.passRate, '%');
    $('kpi-inspections').textContent = '完成检查 ' + ins.done + '（合格 ' + ins.passed + '，不合格 ' + ins.failed
      + '），漏检 ' + ins.missed;
    var rc = s.rectifications;
    $('kpi-rect-open').textContent = rc.open;
    $('kpi-rect-sub').textContent = '期末未关闭，其中逾期 ' + rc.overdue + '；新开 ' + rc.opened + '，关闭 ' + rc.closed
      + '，平均整改 ' + rate(rc.meanDaysToClose, ' 天');
    $('kpi-commendations').textContent = s.commendations.praise + ' / ' + s.commendations.criticism;
    var cp = s.complaints;
    $('kpi-complaints').textContent = cp.available ? cp.received : NO_DATA;
    $('kpi-complaints-sub').textContent = cp.available
      ? '已办结 ' + cp.closed + '，平均响应 ' + rate(cp.meanResponseHours, ' 小时') : '投诉处理尚无记录';
    var sa = s.satisfaction;
    $('kpi-satisfaction').textContent = sa.available ? rate(sa.average) : NO_DATA;
    $('kpi-satisfaction-sub').textContent = sa.available ? '测评 ' + sa.responses + ' 人（满意率：4、5 分答案占比，%）'
      : (sa.note && sa.note !== NO_DATA ? sa.note : '满意度测评尚无记录');

    barChart($('chart-types'), st.byType.map(function (c) { return { label: c.label, values: [c.count] }; }),
      [{ name: '数量', color: COLORS.main }]);
    barChart($('chart-statuses'), st.byStatus.map(function (c) { return { label: c.label, values: [c.count] }; }),
      [{ name: '数量', color: COLORS.main }]);
    barChart($('chart-nodes'), st.byNode.filter(function (n) { return n.level <= 1; }).map(function (n) {
      return { label: n.code + ' ' + n.name, values: [n.internal, n.adopted, n.regulation] };
    }), [{ name: '内部标准', color: '#0b5cad' }, { name: '采用标准', color: '#00897b' }, { name: '规章制度', color: '#8d6e63' }],
    { stacked: true });
    barChart($('chart-inspections-section'), ins.bySection.map(function (r) {
      return { label: r.label, values: [r.passed, r.failed, r.missed], note: rate(r.passRate, '%') };
    }), [{ name: '合格', color: COLORS.passed }, { name: '不合格', color: COLORS.failed }, { name: '漏检', color: COLORS.missed }],
    { stacked: true });
    lineChart($('chart-pass-rate-month'), ins.byMonth.map(function (r) { return { label: r.label, value: r.passRate }; }),
      { max: 100, unit: '%' });
    barChart($('chart-rectifications'), rc.bySection.map(function (r) {
      return { label: r.sectionName, values: [r.opened, r.closed, r.open, r.overdue], note: rate(r.meanDaysToClose, '天') };
    }), [{ name: '新开', color: COLORS.opened }, { name: '关闭', color: COLORS.closed }, { name: '期末未关闭', color: COLORS.open },
      { name: '期末逾期', color: COLORS.overdue }]);
    barChart($('chart-commendations'), s.commendations.bySection.map(function (r) {
      return { label: r.sectionName, values: [r.praise, r.criticism] };
    }), [{ name: '表扬', color: COLORS.praise }, { name: '通报批评', color: COLORS.criticism }]);
    if (sa.available) {
      lineChart($('chart-satisfaction'), sa.byMonth.map(function (m) { return { label: m.month, value: m.average }; }),
        { max: 100, unit: '' });
    } else {
      empty($('chart-satisfaction'), NO_DATA + '（满意度测评尚无记录）');
    }

    var rows = $('overdue-rows');
    rows.innerHTML = '';
    s.reviews.overdueStandards.forEach(function (o) {
      var tr = element('tr');
      tr.appendChild(element('td', {}, o.code || ''));
      tr.appendChild(element('td', {}, o.title));
      tr.appendChild(element('td', {}, o.sectionName));
      tr.appendChild(element('td', {}, o.nextReviewDate));
      rows.appendChild(tr);
    });
    if (!s.reviews.overdueStandards.length) {
      var none = element('tr');
      none.appendChild(element('td', { colspan: '4' }, '没有复审逾期的标准'));
      rows.appendChild(none);
    }
    reportLinks();
    show($('content'), true);
    $('status').textContent = '已更新（' + s.generatedAt + '）';
  }

  function clear(figure) {
    Array.prototype.slice.call(figure.children).forEach(function (c) {
      if (c.tagName.toLowerCase() !== 'figcaption') { figure.removeChild(c); }
    });
  }

  function empty(figure, text) {
    clear(figure);
    figure.appendChild(element('p', { 'class': 'empty' }, text));
  }

  function legend(figure, series) {
    var l = element('div', { 'class': 'legend' });
    series.forEach(function (s) { l.appendChild(element('span', { style: '--c:' + s.color }, s.name)); });
    figure.appendChild(l);
  }

  function dataTable(figure, headers, rows) {
    var details = element('details', { 'class': 'data' });
    details.appendChild(element('summary', {}, '查看数据'));
    var table = element('table');
    var head = element('tr');
    headers.forEach(function (h) { head.appendChild(element('th', { scope: 'col' }, h)); });
    table.appendChild(head);
    rows.forEach(function (r) {
      var tr = element('tr');
      r.forEach(function (c, i) { tr.appendChild(element('td', i ? { 'class': 'number' } : {}, c)); });
      table.appendChild(tr);
    });
    details.appendChild(table);
    figure.appendChild(details);
  }

  /** Vertical bars per item, one per series (side by side) or stacked. */
  function barChart(figure, items, series, options) {
    options = options || {};
    clear(figure);
    if (!items.length) { empty(figure, NO_DATA); return; }
    var width = figure.classList.contains('wide') ? 1200 : 720, height = 240, left = 36, bottom = 58, top = 16;
    var plotW = width - left - 8, plotH = height - top - bottom;
    var max = 0;
    items.forEach(function (it) {
      var sum = it.values.reduce(function (a, b) { return a + b; }, 0);
      max = Math.max(max, options.stacked ? sum : Math.max.apply(null, it.values));
    });
    var niceMax = max <= 5 ? 5 : Math.ceil(max / 5) * 5;
    var svg = svgElement('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': figure.querySelector('figcaption').textContent });
    for (var g = 0; g <= 5; g++) {
      var gy = top + plotH - plotH * g / 5;
      svg.appendChild(svgElement('line', { x1: left, x2: width - 8, y1: gy, y2: gy, stroke: '#eee' }));
      svg.appendChild(svgElement('text', { x: left - 4, y: gy + 4, 'text-anchor': 'end' }, String(Math.round(niceMax * g / 5))));
    }
    var slot = plotW / items.length;
    var barW = options.stacked ? Math.min(40, slot * 0.6) : Math.min(24, slot * 0.8 / series.length);
    items.forEach(function (it, i) {
      var x0 = left + slot * i + (slot - (options.stacked ? barW : barW * series.length)) / 2;
      var stackY = top + plotH;
      it.values.forEach(function (v, k) {
        var h = niceMax ? plotH * v / niceMax : 0;
        var x = options.stacked ? x0 : x0 + barW * k;
        var y = options.stacked ? stackY - h : top + plotH - h;
        if (options.stacked) { stackY -= h; }
        var rect = svgElement('rect', { 'class': 'bar', x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1),
          height: Math.max(h, 0).toFixed(1), fill: series[k].color, 'data-series': series[k].name, 'data-label': it.label,
          'data-value': String(v) });
        rect.appendChild(svgElement('title', {}, it.label + ' ' + series[k].name + '：' + v));
        svg.appendChild(rect);
        if (!options.stacked && v > 0) {
          svg.appendChild(svgElement('text', { x: (x + barW / 2).toFixed(1), y: (y - 3).toFixed(1), 'text-anchor': 'middle' }, String(v)));
        }
      });
      if (options.stacked) {
        var total = it.values.reduce(function (a, b) { return a + b; }, 0);
        if (total > 0 || it.note) {
          svg.appendChild(svgElement('text', { x: (x0 + barW / 2).toFixed(1), y: (stackY - 3).toFixed(1), 'text-anchor': 'middle' },
            String(total) + (it.note ? '（' + it.note + '）' : '')));
        }
      }
      var lx = left + slot * i + slot / 2;
      var label = svgElement('text', { x: lx.toFixed(1), y: top + plotH + 14, 'text-anchor': items.length > 8 ? 'end' : 'middle',
        transform: items.length > 8 ? 'rotate(-30 ' + lx.toFixed(1) + ' ' + (top + plotH + 14) + ')' : '' },
        it.label.length > 14 ? it.label.slice(0, 13) + '…' : it.label);
      svg.appendChild(label);
    });
    figure.appendChild(svg);
    if (series.length > 1) { legend(figure, series); }
    dataTable(figure, [''].concat(series.map(function (s) { return s.name; })).concat(items.some(function (it) { return it.note; }) ? ['备注'] : []),
      items.map(function (it) {
        return [it.label].concat(it.values.map(String)).concat(it.note ? [it.note] : []);
      }));
  }

  /** A line over the items; a value of null (nothing due) leaves a gap. */
  function lineChart(figure, points, options) {
    clear(figure);
    if (!points.length) { empty(figure, NO_DATA); return; }
    var width = figure.classList.contains('wide') ? 1200 : 720, height = 220, left = 36, bottom = 40, top = 16;
    var plotW = width - left - 16, plotH = height - top - bottom;
    var svg = svgElement('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': figure.querySelector('figcaption').textContent });
    for (var g = 0; g <= 4; g++) {
      var gy = top + plotH - plotH * g / 4;
      svg.appendChild(svgElement('line', { x1: left, x2: width - 16, y1: gy, y2: gy, stroke: '#eee' }));
      svg.appendChild(svgElement('text', { x: left - 4, y: gy + 4, 'text-anchor': 'end' }, String(options.max * g / 4)));
    }
    var step = points.length > 1 ? plotW / (points.length - 1) : 0;
    var path = '';
    var every = Math.ceil(points.length / 12);
    points.forEach(function (p, i) {
      var x = left + (points.length > 1 ? step * i : plotW / 2);
      if (p.value != null) {
        var y = top + plotH - plotH * p.value / options.max;
        path += (path && points[i - 1] && points[i - 1].value != null ? ' L' : ' M') + x.toFixed(1) + ' ' + y.toFixed(1);
        var dot = svgElement('circle', { 'class': 'point', cx: x.toFixed(1), cy: y.toFixed(1), r: 4, fill: COLORS.main,
          'data-label': p.label, 'data-value': String(p.value) });
        dot.appendChild(svgElement('title', {}, p.label + '：' + p.value + options.unit));
        svg.appendChild(dot);
        svg.appendChild(svgElement('text', { x: x.toFixed(1), y: (y - 7).toFixed(1), 'text-anchor': 'middle' }, p.value + options.unit));
      }
      if (i % every === 0) {
        svg.appendChild(svgElement('text', { x: x.toFixed(1), y: top + plotH + 16, 'text-anchor': 'middle' }, p.label));
      }
    });
    if (path) {
      svg.insertBefore(svgElement('path', { d: path.trim(), fill: 'none', stroke: COLORS.main, 'stroke-width': 2 }),
        svg.querySelector('circle'));
    }
    figure.appendChild(svg);
    dataTable(figure, ['', '数值'], points.map(function (p) { return [p.label, rate(p.value, options.unit)]; }));
  }

  // ------------------------------------------------------------------ report links

  function reportLinks() {
    var section = $('section').value;
    var suffix = section ? '?section=' + encodeURIComponent(section) : '';
    var month = $('report-month').value;
    var year = $('report-year').value;
    var quarter = $('report-quarter').value;
    $('report-month-pdf').href = '/api/statistics/reports/monthly/' + month + '.pdf' + suffix;
    $('report-month-xlsx').href = '/api/statistics/reports/monthly/' + month + '.xlsx' + suffix;
    $('report-quarter-pdf').href = '/api/statistics/reports/quarterly/' + year + '-Q' + quarter + '.pdf' + suffix;
    $('report-quarter-xlsx').href = '/api/statistics/reports/quarterly/' + year + '-Q' + quarter + '.xlsx' + suffix;
  }

  function init() {
    var q = new URLSearchParams(location.search);
    $('from').value = q.get('from') || '';
    $('to').value = q.get('to') || '';
    var today = new Date();
    var lastMonth = new Date(today.getFullYear(), today.getMonth() - 1, 1);
    $('report-month').value = lastMonth.getFullYear() + '-' + pad(lastMonth.getMonth() + 1);
    var lastQuarterStart = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3 - 3, 1);
    $('report-year').value = lastQuarterStart.getFullYear();
    $('report-quarter').value = String(Math.floor(lastQuarterStart.getMonth() / 3) + 1);
    ['report-month', 'report-year', 'report-quarter'].forEach(function (id) { $(id).addEventListener('change', reportLinks); });
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
    $('section').addEventListener('change', load);
    $('node').addEventListener('change', load);
    Array.prototype.forEach.call(document.querySelectorAll('[data-preset]'), function (b) {
      b.addEventListener('click', function () { preset(b.getAttribute('data-preset')); });
    });
    api('/api/me').then(function (r) {
      if (r.ok && r.body) {
        $('who').textContent = '当前用户：' + (r.body.name || r.body.id);
        show($('who'), true);
      }
    });
    load();
  }

  document.addEventListener('DOMContentLoaded', init);
}());
