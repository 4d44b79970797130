// The clerk's page: uploads drafts, lists the letters, opens one with its timeline and carries it through
// the Decree 30 steps. Everything from the API goes in with textContent, never as markup: subjects and
// names were typed by people or come from certificates, which anyone can make.
(function () {
  'use strict';

  var API = '/api/v1/letters';

  // Filled by /assets/kyso.js and letters-text.js, which the page loads first.
  var K = window.Kyso;
  var TEXT = window.KysoLettersText;
  var $ = K.$;
  var el = K.el;
  var fill = K.fill;

  var state = { lang: 'vi', letters: null, letter: null, keys: [], error: null, busy: 0, prepared: null };

  function t(key) { return TEXT[state.lang][key]; }

  /** An instant in words, Vietnam time, as a <time> keeping the ISO value (the verify page's Kyso.timeNode). */
  function time(iso) { return K.timeNode(iso, state.lang, t('none')); }

  function day(iso) { return K.day(iso, t('none')); }

  // --- the address: /letters  or  /letters?letter=<id>, with &lang=en ---

  function params() { return new URLSearchParams(window.location.search); }

  function urlWith(letterId, lang) {
    var p = new URLSearchParams();
    if (letterId) { p.set('letter', letterId); }
    if (lang !== 'vi') { p.set('lang', lang); }
    var query = p.toString();
    return window.location.pathname + (query ? '?' + query : '');
  }

  // --- language ---

  function applyLanguage() {
    K.translatePage(TEXT, state.lang);
    K.renderSession(state.lang);
    renderKeys();
    renderList();
    renderLetter();
    renderError();
  }

  function switchLanguage(event) {
    event.preventDefault();
    state.lang = t('langSwitchCode');
    window.history.replaceState(null, '', urlWith(params().get('letter'), state.lang));
    applyLanguage();
  }

  // --- talking to the API ---

  function setBusy(delta) {
    state.busy += delta;
    $('busy').hidden = state.busy === 0;
    document.querySelectorAll('button.primary').forEach(function (b) { b.disabled = state.busy > 0; });
  }

  function call(method, url, body) {
    var headers = method === 'GET' ? { Accept: 'application/json' } : K.withCsrf({ Accept: 'application/json' });
    // A logged-in person is the actor; the field is for a service without access control.
    var actor = $('actor').closest('.field').hidden ? '' : $('actor').value.trim();
    // A form field, not a header: browsers refuse non-Latin-1 header values, so a Vietnamese name
    // such as "Nguyễn Thị Thư" would break every action (issue #12).
    if (actor && body instanceof FormData) { body.set('actor', actor); }
    if (typeof body === 'string') {
      headers['Content-Type'] = 'application/json';
      // A JSON body has no form field: the name goes in the header in RFC 8187's notation, ASCII only
      // (raw UTF-8 bytes in a header are refused by the server's firewall), as ActorHeaderFilter reads it.
      if (actor) { headers['X-Kyso-Actor'] = 'UTF-8\'\'' + encodeURIComponent(actor); }
    }
    setBusy(1);
    return fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) { return response.json(); }
        return K.problemOf(response).then(function (problem) { throw problem; });
      }, function () { throw { status: 0, code: 'NETWORK' }; })
      .then(function (result) { setBusy(-1); return result; },
        function (problem) { setBusy(-1); throw problem; });
  }

  function showError(problem) {
    state.error = problem;
    renderError();
    $('error').scrollIntoView({ block: 'nearest' });
  }

  function clearError() {
    state.error = null;
    renderError();
  }

  function renderError() {
    K.showProblem($('error'), state.error, t('errors'), t('detail'), function (field) {
      return t('fields')[field] || field;
    });
  }

  // --- keys ---

  function loadKeys() {
    return call('GET', '/api/v1/keys').then(function (keys) {
      state.keys = keys.filter(function (k) { return k.available && k.validNow; });
      renderKeys();
    }, showError);
  }

  function renderKeys() {
    fillKeys($('person-key'), 'PERSON');
    fillKeys($('org-key'), 'ORGANISATION');
  }

  function fillKeys(select, holder) {
    var chosen = select.value;
    select.textContent = '';
    var keys = state.keys.filter(function (k) { return k.holder === holder; });
    if (keys.length === 0) {
      var none = el('option', null, t('noKeys'));
      none.value = '';
      select.appendChild(none);
      return;
    }
    keys.forEach(function (k) {
      // The holder's name, position and organisation; never the subject, whose UID carries the CCCD.
      var option = el('option', null, [k.name, k.position, k.organisation].filter(Boolean).join(' — '));
      option.value = k.id;
      select.appendChild(option);
    });
    if (chosen) { select.value = chosen; }
  }

  // --- the list ---

  function loadList() {
    return call('GET', API).then(function (letters) {
      state.letters = letters;
      renderList();
    }, showError);
  }

  function renderList() {
    var open = !!params().get('letter');
    $('list').hidden = open;
    if (open || !state.letters) { return; }
    var body = $('letters-body');
    body.textContent = '';
    $('no-letters').hidden = state.letters.length > 0;
    $('letters-table').hidden = state.letters.length === 0;
    var headings = ['colSubject', 'colType', 'colNumber', 'colState', 'colUpdated'];
    state.letters.forEach(function (letter) {
      var row = el('tr');
      var link = el('a', 'open', letter.subject);
      link.href = urlWith(letter.id, state.lang);
      link.setAttribute('data-letter', letter.id);
      link.addEventListener('click', function (event) {
        event.preventDefault();
        openLetter(letter.id);
      });
      var cells = [link, letter.documentType, letter.numberSymbol || '', t('states')[letter.state] || letter.state,
        time(letter.updatedAt)];
      cells.forEach(function (content, i) {
        var cell = el('td');
        cell.setAttribute('data-label', t(headings[i]));
        if (typeof content === 'string') { cell.textContent = content; } else { cell.appendChild(content); }
        if (i === 3) { cell.className = 'state state-' + letter.state.toLowerCase(); }
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
  }

  // --- one letter ---

  function openLetter(id) {
    clearError();
    window.history.pushState(null, '', urlWith(id, state.lang));
    return loadLetter(id);
  }

  function loadLetter(id) {
    state.letter = null;
    renderList();
    renderLetter();
    return call('GET', API + '/' + encodeURIComponent(id)).then(function (letter) {
      state.letter = letter;
      renderLetter();
      $('letter-heading').focus();
    }, showError);
  }

  function renderLetter() {
    var letter = state.letter;
    var section = $('record');
    section.hidden = !letter || !params().get('letter');
    if (section.hidden) { return; }
    $('letter-heading').textContent = letter.numberSymbol ? letter.numberSymbol + ' — ' + letter.subject
      : letter.subject;
    var stateNode = $('letter-state');
    stateNode.textContent = t('states')[letter.state] || letter.state;
    stateNode.className = 'state-' + letter.state.toLowerCase();
    $('letter-pdf').href = API + '/' + encodeURIComponent(letter.id) + '/pdf';
    var archived = letter.state === 'ARCHIVED' && letter.recordId;
    $('archive-link').hidden = !archived;
    if (archived) {
      $('archive-link').href = '/archive?record=' + encodeURIComponent(letter.recordId)
        + (state.lang === 'vi' ? '' : '&lang=' + state.lang);
    }
    $('sign-form').hidden = letter.state !== 'DRAFT';
    $('remote-form').hidden = letter.state !== 'DRAFT';
    remote.render();
    $('issue-form').hidden = letter.state !== 'SIGNED_BY_PERSON' && letter.state !== 'ISSUED';
    if (letter.state === 'ISSUED') {
      $('numberSymbol').value = letter.numberSymbol || '';
      $('documentDate').value = letter.documentDate || '';
    } else if (!$('documentDate').value) {
      $('documentDate').value = K.today();
    }
    renderAttachments(letter);
    renderFacts(letter);
    renderTimeline(letter);
  }

  function renderAttachments(letter) {
    var list = $('attachments-list');
    list.textContent = '';
    var attachments = letter.attachments || [];
    $('attachments-box').hidden = attachments.length === 0;
    attachments.forEach(function (a) {
      var item = el('li');
      var link = el('a', 'attachment-pdf', fill(t('attachmentLine'), { n: a.position, name: a.name }));
      link.href = API + '/' + encodeURIComponent(letter.id) + '/attachments/' + a.position + '/pdf';
      item.appendChild(link);
      if (a.recordId) {
        item.appendChild(document.createTextNode(' · '));
        var record = el('a', 'attachment-record', t('attachmentRecord'));
        record.href = '/archive?record=' + encodeURIComponent(a.recordId)
          + (state.lang === 'vi' ? '' : '&lang=' + state.lang);
        item.appendChild(record);
      }
      list.appendChild(item);
    });
  }

  function renderFacts(letter) {
    var facts = $('facts');
    facts.textContent = '';
    var names = t('fields');
    var values = {
      subject: letter.subject, documentType: letter.documentType, fileCode: letter.fileCode,
      preservation: letter.preservation === 'permanent' ? t('permanentText')
        : fill(t('years'), { years: letter.preservation }),
      accessRegime: t('access')[(letter.accessRegime || 'restricted').toLowerCase()] || letter.accessRegime,
      originalName: letter.originalName, pageCount: letter.pageCount, signer: letter.signer,
      organisation: letter.organisation, numberSymbol: letter.numberSymbol,
      documentDate: letter.documentDate ? day(letter.documentDate) : null, recordId: letter.recordId,
      createdAt: time(letter.createdAt), updatedAt: time(letter.updatedAt)
    };
    Object.keys(values).forEach(function (k) {
      if (values[k] === null || values[k] === undefined || values[k] === '') { return; }
      facts.appendChild(el('dt', null, names[k]));
      var value = values[k];
      var dd = el('dd', k === 'recordId' ? 'code' : null, value.nodeType ? null : String(value));
      if (value.nodeType) { dd.appendChild(value); }
      dd.setAttribute('data-field', k);
      facts.appendChild(dd);
    });
  }

  function renderTimeline(letter) {
    var list = $('timeline');
    list.textContent = '';
    (letter.events || []).forEach(function (e) {
      var item = el('li', 'event event-' + e.action.toLowerCase());
      item.setAttribute('data-action', e.action);
      item.appendChild(el('p', 'event-head')).appendChild(K.fillNodes(t('eventLine'), {
        time: time(e.at), action: t('actions')[e.action] || e.action }));
      if (e.name) {
        // A signature on the person's own device has no key of the service's (a preparation's id is no key).
        var ownKey = e.keyId && e.action !== 'PERSON_SIGNATURE_PREPARED';
        item.appendChild(el('p', 'event-signer', fill(t(ownKey ? 'signedBy' : 'signedByName'),
          { name: e.name, key: e.keyId || '' })));
      }
      item.appendChild(el('p', 'event-actor', fill(t('by'), { actor: e.actor })));
      if (e.detail) {
        item.appendChild(el('p', 'event-detail hint')).appendChild(
          K.textWithTimes(K.describe(e.detail, state.lang), state.lang));
      }
      list.appendChild(item);
    });
  }

  // --- the steps ---

  function upload(event) {
    event.preventDefault();
    clearError();
    var form = $('upload-form');
    call('POST', API, new FormData(form)).then(function (letter) {
      form.reset();
      window.history.pushState(null, '', urlWith(letter.id, state.lang));
      state.letter = letter;
      renderList();
      renderLetter();
      $('letter-heading').focus();
    }, showError);
  }

  function step(path, form) {
    return function (event) {
      event.preventDefault();
      clearError();
      var id = state.letter && state.letter.id;
      if (!id) { return; }
      call('POST', API + '/' + encodeURIComponent(id) + path, new FormData(form)).then(function (letter) {
        if (form.id === 'issue-form') { $('attachments').value = ''; }
        state.letter = letter;
        renderLetter();
      }, function (problem) {
        showError(problem);
        // The letter may have moved on (another clerk, a partial issue): show where it is now.
        call('GET', API + '/' + encodeURIComponent(id)).then(function (letter) {
          state.letter = letter;
          renderLetter();
        }, function () {});
      });
    };
  }

  function route() {
    clearError();
    var id = params().get('letter');
    if (id) {
      loadLetter(id);
    } else {
      state.letter = null;
      renderLetter();
      loadList();
    }
  }

  // The person's own device (letters-remote.js): it uses the page's state, calls and rendering.
  var remote = window.KysoLettersRemote({ state: state, call: call, t: t, time: time, showError: showError,
    clearError: clearError, renderLetter: function () { renderLetter(); } });

  function init() {
    K.captureVietnamese(TEXT);
    state.lang = K.requestedLanguage();
    $('lang-switch').addEventListener('click', switchLanguage);
    $('upload-form').addEventListener('submit', upload);
    $('sign-form').addEventListener('submit', step('/signature', $('sign-form')));
    $('issue-form').addEventListener('submit', step('/issue', $('issue-form')));
    $('remote-form').addEventListener('submit', remote.prepare);
    $('remote-complete').addEventListener('click', remote.complete);
    $('remote-download').addEventListener('click', remote.download);
    $('back').addEventListener('click', function (event) {
      event.preventDefault();
      window.history.pushState(null, '', urlWith(null, state.lang));
      route();
    });
    window.addEventListener('popstate', route);
    // Who is logged in first: their changes carry the session's CSRF token.
    K.loadSession().then(function (me) {
      $('actor').closest('.field').hidden = !!(me && me.loggedIn);
      applyLanguage();
      loadKeys();
      route();
    });
  }

  init();
}());
