// The archivist's page: searches the archive catalogue, opens a record and links its downloads.
// Everything from the API goes in with textContent, never as markup: subjects, keywords and names were
// typed by people or come from certificates, which anyone can make.
(function () {
  'use strict';

  var API = '/api/v1/records';
  var PAGE_SIZE = 20;
  var FILTERS = ['q', 'fondCode', 'fileCode', 'documentType', 'from', 'to', 'verdict'];
  var ICONS = { VALID: '✓', INVALID: '✗', INDETERMINATE: '!', UNSIGNED: '–' };

  // Filled by /assets/kyso.js and archive-text.js, which the page loads first.
  var K = window.Kyso;
  var TEXT = window.KysoArchiveText;
  var $ = K.$;
  var el = K.el;
  var fill = K.fill;

  var state = { lang: 'vi', results: null, record: null, error: null, request: 0 };

  function t(key) { return TEXT[state.lang][key]; }

  /** An instant in words, Vietnam time, as a <time> keeping the ISO value (the verify page's Kyso.timeNode). */
  function time(iso) { return K.timeNode(iso, state.lang, t('none')); }

  function day(iso) { return K.day(iso, t('none')); }

  function size(n) {
    return fill(t('bytes'), { n: Number(n).toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-GB') });
  }

  // --- the address: /archive?q=…&page=…  or  /archive?record=<id> ---

  function params() { return new URLSearchParams(window.location.search); }

  function address(values) {
    var p = new URLSearchParams();
    Object.keys(values).forEach(function (k) { if (values[k]) { p.set(k, values[k]); } });
    if (state.lang !== 'vi') { p.set('lang', state.lang); }
    var query = p.toString();
    return window.location.pathname + (query ? '?' + query : '');
  }

  function currentSearch() {
    var p = params();
    var values = {};
    FILTERS.forEach(function (k) { values[k] = (p.get(k) || '').trim(); });
    var page = parseInt(p.get('page') || '0', 10);
    values.page = isNaN(page) || page < 0 ? 0 : page;
    return values;
  }

  function hasSearch(values) {
    return FILTERS.some(function (k) { return values[k]; }) || params().has('page');
  }

  // --- language ---

  function applyLanguage() {
    K.translatePage(TEXT, state.lang);
    K.renderSession(state.lang);
    renderResults();
    renderRecord();
    renderError();
  }

  function switchLanguage(event) {
    event.preventDefault();
    state.lang = t('langSwitchCode');
    window.history.replaceState(null, '', K.urlWithLang(state.lang));
    applyLanguage();
  }

  // --- talking to the API ---

  /** GETs JSON; the promise resolves with the body or rejects with a problem. Late answers are dropped. */
  function getJson(url) {
    var request = ++state.request;
    setBusy(true);
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) { return response.json(); }
        return K.problemOf(response).then(function (problem) { throw problem; });
      }, function () { throw { status: 0, code: 'NETWORK' }; })
      .then(function (body) {
        if (request !== state.request) { return new Promise(function () {}); }
        setBusy(false);
        return body;
      }, function (problem) {
        if (request !== state.request) { return new Promise(function () {}); }
        setBusy(false);
        throw problem;
      });
  }

  function setBusy(busy) {
    $('busy').hidden = !busy;
    $('search').disabled = busy;
  }

  // --- what the address asks for ---

  function route() {
    var p = params();
    state.error = null;
    state.results = null;
    state.record = null;
    var values = currentSearch();
    fillForm(values);
    renderAll();
    var id = p.get('record');
    if (id) {
      getJson(API + '/' + encodeURIComponent(id))
        .then(function (record) { state.record = record; }, function (problem) { state.error = problem; })
        .then(function () { renderAll(); if (state.record) { $('record-heading').focus(); } });
    } else if (hasSearch(values)) {
      var query = new URLSearchParams();
      FILTERS.forEach(function (k) { if (values[k]) { query.set(k, values[k]); } });
      query.set('page', values.page);
      query.set('size', PAGE_SIZE);
      getJson(API + '?' + query.toString())
        .then(function (page) { state.results = page; }, function (problem) { state.error = problem; })
        .then(renderAll);
    }
  }

  function navigate(url) {
    window.history.pushState(null, '', url);
    remember();
    route();
  }

  function fillForm(values) {
    FILTERS.forEach(function (k) { $(k).value = values[k] || ''; });
  }

  function submit(event) {
    event.preventDefault();
    var values = {};
    FILTERS.forEach(function (k) { values[k] = $(k).value.trim(); });
    navigate(address(values));
  }

  function clear(event) {
    event.preventDefault();
    navigate(address({}));
    $('q').focus();
  }

  function goToPage(delta) {
    var values = currentSearch();
    values.page = Math.max(0, values.page + delta);
    navigate(address(values));
  }

  // --- rendering ---

  function renderAll() {
    renderResults();
    renderRecord();
    renderError();
  }

  function renderError() {
    K.showProblem($('error'), state.error, t('errors'), t('detail'));
  }

  function renderResults() {
    var page = state.results;
    $('results').hidden = !page;
    if (!page) { return; }
    var pages = Math.max(1, Math.ceil(page.total / page.size));
    $('results-count').textContent = fill(t('count'), { total: page.total });
    $('no-results').hidden = page.items.length > 0;
    $('results-table').hidden = page.items.length === 0;
    var body = $('results-body');
    body.textContent = '';
    var heads = ['colNumber', 'colDate', 'colType', 'colSubject', 'colIssuer', 'colVerdict'].map(t);
    page.items.forEach(function (r) {
      var row = el('tr');
      var first = cell(row, heads[0], null);
      var link = el('a', 'open', r.numberSymbol);
      link.href = address({ record: r.id });
      link.setAttribute('aria-label', fill(t('open'), { number: r.numberSymbol }));
      link.addEventListener('click', function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) { return; }
        event.preventDefault();
        navigate(link.getAttribute('href'));
      });
      first.appendChild(link);
      cell(row, heads[1], day(r.documentDate));
      cell(row, heads[2], r.documentType);
      cell(row, heads[3], r.subject, 'subject-cell');
      cell(row, heads[4], r.issuer);
      cell(row, heads[5], verdictText(r.verdict), 'verdict-cell verdict-text-' + String(r.verdict).toLowerCase());
      body.appendChild(row);
    });
    $('page-info').textContent = fill(t('pageInfo'), { page: page.page + 1, pages: pages });
    $('prev').disabled = page.page <= 0;
    $('next').disabled = page.page + 1 >= pages;
    $('prev').parentNode.hidden = pages <= 1;
  }

  function verdictText(verdict) {
    return (ICONS[verdict] || '') + ' ' + (t('verdict')[verdict] || verdict || t('unknown'));
  }

  /** A table cell that names its column, so the row can stack into a card on a phone; text or a node. */
  function cell(row, label, text, className) {
    var td = el('td', className, text && text.nodeType ? null : text);
    if (text && text.nodeType) { td.appendChild(text); }
    td.setAttribute('data-label', label);
    row.appendChild(td);
    return td;
  }

  function renderRecord() {
    var r = state.record;
    $('record').hidden = !r;
    if (!r) { return; }
    var m = r.metadata || {};
    var f = t('fields');
    $('record-heading').textContent = (m.documentType || '') + ' ' + (m.numberSymbol || '');
    $('record-subject').textContent = m.subject || '';
    $('disposed').hidden = r.state !== 'DISPOSED';
    $('back').href = lastSearchAddress();

    var base = API + '/' + encodeURIComponent(r.id);
    $('download-content').href = base + '/content';
    $('download-evidence').href = base + '/evidence';
    $('download-package').href = base + '/package';

    var v = r.validation || {};
    $('verdict-box').className = 'verdict verdict-' + String(v.verdict).toLowerCase();
    var headline = $('record-headline');
    headline.textContent = '';
    headline.appendChild(el('span', 'icon', ICONS[v.verdict] || '')).setAttribute('aria-hidden', 'true');
    // The headline names the signing time as ISO 8601: shown in words like every other time on the page.
    headline.appendChild(el('span', 'headline-text')).appendChild(K.textWithTimes(
      state.lang === 'vi' ? v.headlineVi : v.headlineEn, state.lang));
    $('validated-at').textContent = '';
    $('validated-at').appendChild(K.fillNodes(t('validatedAt'), { time: time(v.validatedAt) }));
    var lines = $('signature-lines');
    lines.textContent = '';
    (v.signatures || []).forEach(function (s) {
      lines.appendChild(el('li', 'verdict-text-' + String(s.verdict).toLowerCase())).appendChild(K.fillNodes(
        t('signatureLine'), {
        signer: s.signer || t('unknown'),
        organisation: s.organisation ? ' (' + s.organisation + ')' : '',
        verdict: t('verdict')[s.verdict] || s.verdict,
        family: t('families')[s.family || 'NONE'] || s.family,
        format: s.format || t('unknown'),
        time: time(s.signingTime)
      }));
    });

    var o = r.original || {};
    var meta = $('metadata');
    meta.textContent = '';
    row(meta, f.id, r.id, 'code');
    row(meta, f.state, t('states')[r.state] || r.state);
    row(meta, f.fondCode, m.fondCode);
    row(meta, f.fileCode, m.fileCode);
    row(meta, f.numberSymbol, m.numberSymbol);
    row(meta, f.documentDate, day(m.documentDate));
    row(meta, f.documentType, m.documentType);
    row(meta, f.issuer, m.issuer);
    row(meta, f.subject, m.subject);
    row(meta, f.signer, m.signer || t('none'));
    row(meta, f.language, m.language);
    row(meta, f.pageCount, m.pageCount === null || m.pageCount === undefined ? t('unknown') : String(m.pageCount));
    row(meta, f.keywords, (m.keywords || []).length ? m.keywords.join('; ') : t('none'));
    row(meta, f.accessRegime, t('access')[m.accessRegime] || m.accessRegime);
    row(meta, f.confidenceLevel, t('confidence')[m.confidenceLevel] || m.confidenceLevel);
    row(meta, f.documentId, m.documentId || t('none'), 'code');
    row(meta, f.originalName, o.name);
    row(meta, f.mediaType, o.mediaType);
    row(meta, f.size, size(o.size));
    row(meta, 'SHA-256', o.sha256, 'code hash');
    row(meta, f.ingestedAt, time(o.ingestedAt));

    var e = r.evidence || {};
    var evidence = $('evidence');
    evidence.textContent = '';
    row(evidence, f.levelAtIngest, e.levelAtIngest || t('unknown'));
    row(evidence, f.augmented, e.augmented ? t('yes') : t('no'));
    row(evidence, f.lastTimestamp, time(e.lastTimestamp));
    row(evidence, f.renewBy, time(e.renewBy));

    var k = r.retention || {};
    var retention = $('retention');
    retention.textContent = '';
    row(retention, f.preservation, preservation(k.preservation));
    row(retention, f.disposableFrom, k.disposableFrom ? day(k.disposableFrom) : t('permanent'));
    row(retention, f.legalHold, k.legalHold ? t('yes') : t('no'));

    var heads = ['colRole', 'colName', 'colSize', null, 'colStoredAt'].map(function (h) { return h ? t(h) : 'SHA-256'; });
    var objects = $('objects');
    objects.textContent = '';
    (r.objects || []).forEach(function (s) {
      var tr = el('tr');
      cell(tr, heads[0], s.role + (s.generation ? ' #' + s.generation : ''));
      cell(tr, heads[1], s.name);
      cell(tr, heads[2], size(s.size));
      cell(tr, heads[3], s.sha256, 'code hash');
      cell(tr, heads[4], time(s.storedAt));
      objects.appendChild(tr);
    });

    heads = ['colAt', 'colKind', 'colOutcome', 'colDetail', 'colActor'].map(t);
    var history = $('history');
    history.textContent = '';
    (r.history || []).forEach(function (h) {
      var tr = el('tr');
      cell(tr, heads[0], time(h.at));
      cell(tr, heads[1], t('eventKinds')[h.kind] || h.kind);
      cell(tr, heads[2], t('outcomes')[h.outcome] || h.outcome);
      cell(tr, heads[3], detailOf(h));
      cell(tr, heads[4], h.actor || '');
      history.appendChild(tr);
    });
  }

  /** {"years": 20}, {"years": null} for permanent, or the plain "20" / "permanent" form. */
  function preservation(p) {
    var years = p !== null && typeof p === 'object' ? p.years : p;
    if (years === null || years === undefined || years === 'permanent') { return t('permanent'); }
    return fill(t('years'), { years: years });
  }

  function lastSearchAddress() {
    return state.lastSearch || address({});
  }

  function row(list, term, value, className) {
    list.appendChild(el('dt', null, term));
    if (value && value.nodeType) {
      list.appendChild(el('dd', className)).appendChild(value);
      return;
    }
    list.appendChild(el('dd', className, value === null || value === undefined || value === '' ? t('none') : value));
  }

  /**
   * A history entry's detail in the page's language: the sentence for its code (detailText, from the archive)
   * with its parameters, times in words and verdicts in words; an entry without a code as written.
   */
  function detailOf(h) {
    var d = h.detailText;
    var template = d && t('details')[d.code];
    if (!template) { return K.describe(h.detail || '', state.lang); }
    var values = {};
    Object.keys(d.params || {}).forEach(function (k) { values[k] = d.params[k]; });
    if (values.verdict) { values.verdict = t('verdict')[values.verdict] || values.verdict; }
    if (values.renewBy) { values.renewBy = time(values.renewBy); }
    if (values.date) { values.date = day(values.date); }
    var out = K.fillNodes(template, values);
    if (d.code === 'INGESTED' && values.augmented === 'true') { out.appendChild(document.createTextNode(t('details').AUGMENTED)); }
    if (values.retentionSet) { out.appendChild(document.createTextNode(fill(t('details').RETENTION_SET, values))); }
    if (values.notes) { out.appendChild(document.createTextNode(fill(t('details').NOTES, values))); }
    return out;
  }

  function remember() {
    if (!params().get('record')) { state.lastSearch = window.location.pathname + window.location.search; }
  }

  function start() {
    K.captureVietnamese(TEXT);
    state.lang = K.requestedLanguage();
    $('search-form').addEventListener('submit', submit);
    $('search-form').addEventListener('reset', clear);
    $('prev').addEventListener('click', function () { goToPage(-1); });
    $('next').addEventListener('click', function () { goToPage(1); });
    $('lang-switch').addEventListener('click', switchLanguage);
    $('back').addEventListener('click', function (event) {
      event.preventDefault();
      navigate($('back').getAttribute('href'));
    });
    window.addEventListener('popstate', function () { remember(); route(); });
    document.documentElement.classList.add('js');
    remember();
    applyLanguage();
    K.loadSession().then(function () { K.renderSession(state.lang); });
    route();
  }

  start();
}());
