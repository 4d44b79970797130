// The verification page: posts the chosen file to the validation API and explains the answer.
// Everything from the report goes in with textContent, never as markup: signer names come from
// certificates, which anyone can make.
(function () {
  'use strict';

  var API = '/api/v1/validations';
  var ISSUED = '/api/v1/issued-documents/';
  // The archive's rule for the identifiers QR codes carry; an id outside it cannot name an archived record.
  var DOCUMENT_ID = /^[A-Za-z0-9._-]{1,64}$/;

  // Filled by /assets/kyso.js and verify-text.js, which the page loads first.
  var K = window.Kyso;
  var TEXT = window.KysoVerifyText;
  var $ = K.$;
  var el = K.el;
  var fill = K.fill;

  var ICONS = { VALID: '✓', INVALID: '✗', INDETERMINATE: '!', UNSIGNED: '–' };

  // The QR link's h parameter is ignored on purpose: anyone can print a link with the hash of their own
  // file. Whether a file is the issued document is the archive's answer alone (archive.checkIssuedCopy).
  var state = { lang: 'vi', report: null, file: null, originals: [], error: null, documentId: null, archive: null,
    token: null, lookup: null };

  function t(key) { return TEXT[state.lang][key]; }

  /** An instant as a <time> in words, in the page's language. */
  function time(iso) { return K.timeNode(iso, state.lang, t('unknown')); }

  /** A calendar date (YYYY-MM-DD) as Vietnamese write it. */
  function day(iso) { return K.day(iso, t('unknown')); }

  // --- language ---

  function applyLanguage() {
    K.translatePage(TEXT, state.lang);
    $('form-lang').value = state.lang;
    renderLookup();
    renderReport();
    renderError();
  }

  function switchLanguage(event) {
    event.preventDefault();
    state.lang = t('langSwitchCode');
    window.history.replaceState(null, '', K.urlWithLang(state.lang));
    applyLanguage();
  }

  // --- the QR link: /verify?id=…(&h=…, ignored) ---

  function readLink() {
    var params = new URLSearchParams(window.location.search);
    state.lang = K.requestedLanguage();
    var id = params.get('id');
    if (id) {
      $('doc-id').textContent = id.slice(0, 100);
      $('document-ref').hidden = false;
      state.documentId = id;
      state.token = params.get('t');
    }
  }

  // --- the QR code alone: what the issuer's archive holds under its identifier ---

  function lookUp(attempt) {
    attempt = attempt || 0;
    var id = state.documentId;
    if (id === null || /^\.+$/.test(id) || !DOCUMENT_ID.test(id)) {
      if (id !== null) { state.lookup = { found: false }; renderLookup(); }
      return;
    }
    state.lookup = { loading: true };
    renderLookup();
    var query = state.token ? '?t=' + encodeURIComponent(state.token) : '';
    fetch(ISSUED + encodeURIComponent(id) + query, { headers: { Accept: 'application/json' },
      credentials: 'same-origin' })
      .then(function (response) {
        // Over the public rate limit (many scans from one address): wait as told and ask again, a few times.
        if (response.status === 429 && attempt < 3) {
          var seconds = Math.min(60, Number(response.headers.get('Retry-After')) || 2);
          return new Promise(function (resolve) { setTimeout(resolve, seconds * 1000); })
            .then(function () { lookUp(attempt + 1); return { pending: true }; });
        }
        if (!response.ok) {
          return K.problemOf(response).then(function (problem) { return { failed: problem }; });
        }
        return response.json();
      })
      .catch(function () { return { failed: { code: 'NETWORK' } }; })
      .then(function (answer) {
        if (answer.pending) { return; } // the retry renders its own answer
        state.lookup = answer;
        renderLookup();
      });
  }

  function renderLookup() {
    var box = $('lookup');
    var a = state.lookup;
    box.textContent = '';
    if (!a) { return; }
    var L = t('lookup');
    if (a.loading) { box.appendChild(el('p', 'busy', L.loading)); return; }
    if (a.failed) { box.appendChild(el('p', 'hash-match hash-unknown', errorText(a.failed))); return; }
    if (!a.found) {
      // The same words for an identifier nobody issued and for a link without its token: the page cannot tell.
      box.appendChild(el('p', 'hash-match hash-unknown', L.notFound));
      return;
    }
    var genuine = a.verdict === 'VALID';
    var status = a.content ? (genuine ? L.publicValid : L.publicNotValid)
      : (genuine ? L.restrictedValid : L.restrictedNotValid);
    if (a.state === 'ACCEPTED') { status = L.accepted; }
    box.appendChild(el('p', 'hash-match ' + (genuine ? 'hash-ok' : 'hash-unknown'),
      fill(status, { verdict: t('verdict')[a.verdict] || a.verdict || t('unknown') })));
    if (a.state === 'DISPOSED') { box.appendChild(el('p', 'note', L.disposed)); }
    var facts = el('dl', 'facts lookup-facts');
    row(facts, L.issuer, a.issuer || t('unknown'));
    var c = a.content;
    if (c) {
      row(facts, L.numberSymbol, c.numberSymbol || t('none'));
      row(facts, L.documentDate, c.documentDate ? day(c.documentDate) : t('unknown'));
      row(facts, L.documentType, c.documentType || t('unknown'));
      row(facts, L.subject, c.subject || t('unknown'));
      rowList(facts, L.signers, (c.signers || []).map(function (s) {
        var who = (s.name || t('unknown')) + (s.organisation && s.organisation !== s.name ? ' (' + s.organisation + ')' : '');
        return K.fillNodes(L.signerLine, { who: who, verdict: t('verdict')[s.verdict] || s.verdict,
          time: time(s.signingTime) });
      }));
    }
    row(facts, L.verdictAtArchiving, t('verdict')[a.verdict] || t('unknown'));
    row(facts, L.archivedAt, time(a.archivedAt));
    row(facts, L.digest, a.sha256 || t('unknown'), 'code');
    box.appendChild(facts);
    if (c && c.originalUrl) {
      var link = el('a', 'button secondary download-original', L.download);
      link.href = c.originalUrl;
      link.setAttribute('download', c.originalName || 'van-ban-goc.pdf');
      box.appendChild(el('p')).appendChild(link);
    } else if (!c) {
      box.appendChild(el('p', 'note', L.restrictedNote));
    }
  }

  // --- talking to the API ---

  function formData(format) {
    var data = new FormData();
    data.append('file', state.file);
    state.originals.forEach(function (f) { data.append('original', f); });
    data.append('lang', state.lang);
    if (format) { data.append('format', format); }
    return data;
  }

  function post(format, accept) {
    return fetch(API, { method: 'POST', body: formData(format), headers: { Accept: accept },
      credentials: 'same-origin' });
  }

  function submit(event) {
    event.preventDefault();
    var input = $('file');
    if (!input.files.length) { input.focus(); return; }
    // Kept in memory so the PDF report is about this very file even if the inputs change meanwhile.
    state.file = input.files[0];
    state.originals = Array.prototype.slice.call($('original').files);
    state.report = null;
    state.error = null;
    state.validated = false;
    renderReport();
    renderError();
    compareWithArchive(state.file);
    setBusy(true);
    post('json', 'application/json')
      .then(function (response) {
        if (response.ok) {
          return response.json().then(function (report) { state.report = report; });
        }
        return K.problemOf(response).then(function (problem) { state.error = problem; });
      })
      .catch(function () { state.error = { code: 'NETWORK' }; })
      .then(function () {
        state.validated = true;
        settle();
      });
  }

  /** Shows the answer once both the signature check and (for a QR link) the archive have answered. */
  function settle() {
    if (!state.validated || (state.archive && state.archive.checking)) { return; }
    setBusy(false);
    renderReport();
    renderError();
    var focus = state.report ? $('headline') : $('error');
    focus.focus();
  }

  // --- the QR link's document in the issuer's archive ---

  /**
   * Asks the archive whether the file is the original the QR code names, beside the signature check:
   * a failure here is reported on its own line and leaves the verdict alone.
   */
  function compareWithArchive(file) {
    var id = state.documentId;
    if (id === null || /^\.+$/.test(id)) { state.archive = null; return; }
    if (!DOCUMENT_ID.test(id)) { state.archive = { match: 'NOT_ARCHIVED' }; return; }
    var asked = state.archive = { checking: true };
    var data = new FormData();
    data.append('file', file);
    fetch(ISSUED + encodeURIComponent(id) + '/comparison', { method: 'POST', body: data,
      headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          return K.problemOf(response).then(function (problem) { return { failed: problem.code }; });
        }
        return response.json().then(function (check) {
          return check && check.match ? check : { failed: 'HTTP_' + response.status };
        });
      })
      .catch(function () { return { failed: 'NETWORK' }; })
      .then(function (answer) {
        if (state.archive !== asked) { return; } // another file was chosen meanwhile
        state.archive = answer;
        settle();
      });
  }

  /**
   * What the page says first, as one consistent statement. Without a QR link it is the signature check's
   * verdict. With one, the archive decides whether this is the issued document: a file that is not (or a
   * number the issuer never used) is red whatever its signatures, and a matching file is green only when
   * its signatures are valid too. Returns { kind, icon, text, detail, detailKind, mute }.
   */
  function headlineFor(report, a) {
    var verdict = report.verdict;
    var plain = { kind: verdict.toLowerCase(), icon: ICONS[verdict], text: report.summary[state.lang] };
    if (!a) { return plain; }
    if (a.failed) {
      plain.detail = fill(t('archiveFailed'), { code: a.failed });
      plain.detailKind = 'unknown';
      return plain;
    }
    var id = (state.documentId || '').slice(0, 100);
    if (a.match === 'IDENTICAL' || a.match === 'EXTENDS_ORIGINAL') {
      var detail = t('archiveMatch')[a.match];
      var r = a.record;
      if (r && r.numberSymbol) {
        detail += ' ' + fill(t('archiveRecord'), { number: r.numberSymbol, date: day(r.documentDate) });
      }
      if (verdict === 'VALID') {
        return { kind: 'valid', icon: ICONS.VALID, text: t('issued').MATCH_VALID, detail: detail, detailKind: 'ok' };
      }
      return { kind: verdict.toLowerCase(), icon: ICONS[verdict],
        text: fill(t('issued').MATCH_NOT_VALID, { summary: report.summary[state.lang] }),
        detail: detail, detailKind: 'unknown' };
    }
    // DIFFERENT, NOT_ARCHIVED or an answer this page does not know: never the issued document.
    var key = a.match === 'NOT_ARCHIVED' ? 'NOT_ARCHIVED' : 'DIFFERENT';
    return { kind: 'invalid', icon: ICONS.INVALID, text: fill(t('issued')[key], { id: id }),
      detail: fill(t('signaturesOnly'), { verdict: t('verdict')[verdict] || verdict }), detailKind: 'bad', mute: true };
  }

  function download() {
    var status = $('download-status');
    status.textContent = t('downloading');
    post('pdf', 'application/pdf')
      .then(function (response) {
        if (!response.ok) {
          return K.problemOf(response).then(function (problem) { status.textContent = errorText(problem); });
        }
        return response.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var link = el('a');
          link.href = url;
          link.download = state.lang === 'vi' ? 'bao-cao-kiem-tra-chu-ky.pdf' : 'signature-validation-report.pdf';
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
          status.textContent = t('downloaded');
        });
      })
      .catch(function () { status.textContent = errorText({ code: 'NETWORK' }); });
  }

  function setBusy(busy) {
    $('busy').hidden = !busy;
    $('submit').disabled = busy;
    $('verify-form').setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  // --- rendering ---

  function errorText(problem) {
    var messages = t('errors');
    var seconds = problem.retryAfter || '60';
    var text = messages[problem.code] || messages.OTHER;
    return fill(text, { seconds: seconds, code: problem.code });
  }

  function renderError() {
    var box = $('error');
    box.hidden = !state.error;
    box.textContent = state.error ? errorText(state.error) : '';
  }

  function renderReport() {
    var report = state.report;
    $('result').hidden = !report;
    if (!report) { return; }
    var head = headlineFor(report, state.archive);
    var box = $('verdict');
    box.className = 'verdict verdict-' + head.kind;
    var headline = $('headline');
    headline.textContent = '';
    headline.appendChild(el('span', 'icon', head.icon)).setAttribute('aria-hidden', 'true');
    headline.appendChild(el('span')).appendChild(K.textWithTimes(head.text, state.lang));
    var line = $('archive-match');
    line.hidden = !head.detail;
    line.className = 'hash-match hash-' + (head.detailKind || 'unknown');
    line.textContent = head.detail || '';

    var findings = $('findings');
    findings.textContent = '';
    (report.findings || []).forEach(function (f) {
      findings.appendChild(el('li')).appendChild(K.textWithTimes(f[state.lang], state.lang));
    });
    findings.hidden = !findings.childNodes.length;
    $('file-name').textContent = report.documentName;
    $('file-hash').textContent = report.sha256;
    $('validated-at').textContent = '';
    $('validated-at').appendChild(time(report.validatedAt));
    $('download-status').textContent = '';

    var list = $('signatures');
    list.textContent = '';
    var signatures = report.signatures || [];
    $('signatures-heading').hidden = !signatures.length;
    signatures.forEach(function (s, i) { list.appendChild(signature(s, i + 1, head.mute)); });
  }

  /** @param mute the file is not the issued document: no green tick may suggest otherwise */
  function signature(s, number, mute) {
    var card = el('article', 'signature ' + (mute ? 'muted' : 'verdict-' + String(s.verdict).toLowerCase()));
    var title = el('h3', null, t('signature') + ' ' + number + (s.signerName ? ': ' + s.signerName : ''));
    card.appendChild(title);
    var status = el('p', 'signature-verdict');
    status.appendChild(el('span', 'icon', ICONS[s.verdict] || '')).setAttribute('aria-hidden', 'true');
    status.appendChild(el('strong', null, t('verdict')[s.verdict] || s.verdict));
    if (s.reason) { status.appendChild(el('span', null, ' — ' + s.reason[state.lang])); }
    card.appendChild(status);
    // Circular 15/2025/TT-BKHCN: the stated facts first, in words; a warning stands out.
    var statement = el('ul', 'statement');
    (s.verificationStatement || []).forEach(function (line) {
      statement.appendChild(el('li', line.warning ? 'statement-warning' : null, line[state.lang]));
    });
    card.appendChild(statement);

    var cert = s.certificate || {};
    var details = el('dl', 'details');
    row(details, t('signer'), s.signerName || t('unknown'));
    row(details, t('organisation'), s.organisation || t('none'));
    row(details, t('family'), t('families')[s.family || 'NONE']);
    row(details, t('issuer'), cert.issuer || t('unknown'));
    row(details, t('serial'), cert.serialNumber || t('unknown'), 'code');
    row(details, t('validity'), K.fillNodes(t('from'), { a: time(cert.notBefore), b: time(cert.notAfter) }));
    row(details, t('revocation'), revocation(s.revocation));
    row(details, t('signingTime'), time(s.claimedSigningTime));
    rowList(details, t('timestamps'), (s.timestamps || []).map(timestamp));
    row(details, t('format'), s.format || t('unknown'));
    row(details, t('coverage'), s.coverage ? s.coverage[state.lang] : t('unknown'));
    rowList(details, t('changes'), (s.changesAfterSigning || []).map(function (c) { return c[state.lang]; }));
    card.appendChild(details);
    if (s.coverage && s.coverage.code === 'REVISION' && state.file) { card.appendChild(revisionDownloads(s)); }
    return card;
  }

  // A PDF changed after this signature: the revision it signed, beside the final file, so a person
  // can open both and see what was signed and what was added.
  function revisionDownloads(s) {
    var box = el('p', 'revision-downloads');
    var signed = el('button', 'secondary signed-revision', t('signedRevision'));
    signed.type = 'button';
    var status = el('span', 'revision-status');
    status.setAttribute('role', 'status');
    signed.addEventListener('click', function () { downloadSignedRevision(s.id, status); });
    var final = el('button', 'secondary final-revision', t('finalRevision'));
    final.type = 'button';
    final.addEventListener('click', function () { save(state.file, state.file.name || 'van-ban.pdf'); });
    box.appendChild(signed);
    box.appendChild(final);
    box.appendChild(status);
    return box;
  }

  function downloadSignedRevision(id, status) {
    var body = new FormData();
    body.append('file', state.file);
    body.append('signature', id);
    status.textContent = t('revisionPreparing');
    fetch(API + '/signed-revision', { method: 'POST', body: body, headers: { Accept: 'application/pdf' },
      credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          return K.problemOf(response).then(function (problem) { status.textContent = errorText(problem); });
        }
        return response.blob().then(function (blob) {
          save(blob, t('signedRevisionFile'));
          status.textContent = t('revisionDownloaded');
        });
      })
      .catch(function () { status.textContent = errorText({ code: 'NETWORK' }); });
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = el('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function revocation(r) {
    if (!r) { return t('revocations').NOT_CHECKED; }
    var out = document.createDocumentFragment();
    out.appendChild(document.createTextNode(t('revocations')[r.status] || r.status));
    if (r.revokedAt) {
      out.appendChild(document.createTextNode(', '));
      out.appendChild(K.fillNodes(t('revokedAt'), { time: time(r.revokedAt) }));
    }
    if (r.source) {
      out.appendChild(document.createTextNode(' ('));
      out.appendChild(K.fillNodes(t('checkedVia'), { source: r.source, time: time(r.checkedAt) }));
      out.appendChild(document.createTextNode(')'));
    }
    return out;
  }

  function timestamp(ts) {
    var out = K.fillNodes('{type}: {time}', { type: t('timestampTypes')[ts.type] || ts.type, time: time(ts.time) });
    if (ts.tsaName) { out.appendChild(document.createTextNode(', ' + fill(t('by'), { tsa: ts.tsaName }))); }
    out.appendChild(document.createTextNode(' — ' + (ts.valid ? t('timestampValid') : t('timestampInvalid'))));
    return out;
  }

  /** A term and its value: text, or a node (a <time>, a fragment) appended as it is. */
  function row(list, term, value, className) {
    list.appendChild(el('dt', null, term));
    var dd = el('dd', className);
    if (value && value.nodeType) { dd.appendChild(value); } else { dd.textContent = value; }
    list.appendChild(dd);
  }

  function rowList(list, term, items) {
    if (!items.length) { row(list, term, t('none')); return; }
    list.appendChild(el('dt', null, term));
    var dd = el('dd');
    var ul = el('ul');
    items.forEach(function (item) {
      var li = el('li');
      if (item && item.nodeType) { li.appendChild(item); } else { li.textContent = item; }
      ul.appendChild(li);
    });
    dd.appendChild(ul);
    list.appendChild(dd);
  }

  function start() {
    K.captureVietnamese(TEXT);
    readLink();
    lookUp(0);
    $('verify-form').addEventListener('submit', submit);
    $('download').addEventListener('click', download);
    $('lang-switch').addEventListener('click', switchLanguage);
    document.documentElement.classList.add('js');
    applyLanguage();
  }

  start();
}());
