// Helpers the pages (/verify, /archive, /letters) share, loaded before each page's own script as
// window.Kyso. Elements are built with textContent only, never from markup: what the API returns was typed
// by people or comes from certificates, which anyone can make.
(function () {
  'use strict';

  var ZONE = 'Asia/Ho_Chi_Minh';

  function $(id) { return document.getElementById(id); }

  /** The template with each {name} replaced by values[name]. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  /**
   * Like fill, but a value may be a DOM node (a <time>, say): the result is a fragment to append, so the
   * node keeps its markup and everything else stays text.
   */
  function fillNodes(template, values) {
    var out = document.createDocumentFragment();
    var last = 0;
    template.replace(/\{(\w+)\}/g, function (match, name, at) {
      out.appendChild(document.createTextNode(template.slice(last, at)));
      var v = values[name];
      out.appendChild(v && v.nodeType ? v : document.createTextNode(v === undefined || v === null ? '' : v));
      last = at + match.length;
      return match;
    });
    out.appendChild(document.createTextNode(template.slice(last)));
    return out;
  }

  // An ISO 8601 instant inside a sentence from the API (the report's headline says "… lúc 2026-12-05T14:05:00+07:00").
  var ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

  /** A sentence with each ISO instant in it shown as a <time> in words (see timeNode). */
  function textWithTimes(text, lang) {
    var out = document.createDocumentFragment();
    var last = 0;
    String(text || '').replace(ISO_INSTANT, function (match, at) {
      out.appendChild(document.createTextNode(text.slice(last, at)));
      out.appendChild(timeNode(match, lang, match));
      last = at + match.length;
      return match;
    });
    out.appendChild(document.createTextNode(String(text || '').slice(last)));
    return out;
  }

  // Formats by the names people know them by, for texts the modules write with media types.
  var FORMATS = {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
    'application/msword': 'Word 97-2003 (DOC)',
    'application/vnd.oasis.opendocument.text': 'OpenDocument (ODT)',
    'application/rtf': 'RTF', 'text/rtf': 'RTF', 'text/plain': 'văn bản thuần (TXT)',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
    'application/vnd.ms-excel': 'Excel 97-2003 (XLS)',
    'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument (ODS)',
    'application/pdf': 'PDF', 'image/jpeg': 'ảnh JPEG', 'image/png': 'ảnh PNG', 'image/tiff': 'ảnh TIFF'
  };
  var FORMATS_EN = { 'text/plain': 'plain text (TXT)', 'image/jpeg': 'JPEG image', 'image/png': 'PNG image',
    'image/tiff': 'TIFF image' };

  /** A format's name for people: "Word (DOCX)" rather than application/vnd.openxmlformats-…. */
  function formatName(mediaType, lang) {
    var key = String(mediaType || '').toLowerCase().split(';')[0].trim();
    return (lang === 'en' && FORMATS_EN[key]) || FORMATS[key] || mediaType;
  }

  /**
   * A history or timeline detail the modules write in English, in the page's language where its shape is
   * known (the conversion of a draft, the QR code, veraPDF); anything else is shown as written.
   */
  function describe(detail, lang) {
    var text = String(detail || '');
    text = text.replace(/converted from ([\w.+\/-]+) to ([\w\/-]+)/, function (_, from, to) {
      return lang === 'en' ? 'converted from ' + formatName(from, 'en') + ' to ' + to
        : 'chuyển từ ' + formatName(from, 'vi') + ' sang ' + to;
    });
    if (lang === 'en') { return text; }
    return text.replace('PDF/A kept as uploaded', 'giữ nguyên tệp PDF/A đã tải lên')
      .replace('prepared for the signer\'s own device until ', 'đã chuẩn bị để ký trên thiết bị của người ký, hiệu lực đến ')
      .replace('signed on the signer\'s own device at ', 'ký trên thiết bị của người ký lúc ')
      .replace('; veraPDF reports failed rules', '; veraPDF báo có quy tắc không đạt')
      .replace('; verification QR code ', '; mã QR kiểm tra ');
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function partsInVietnam(date, options) {
    var parts = {};
    options.timeZone = ZONE;
    new Intl.DateTimeFormat('en-GB', options).formatToParts(date)
      .forEach(function (p) { parts[p.type] = p.value; });
    return parts;
  }

  /** An instant as dd/mm/yyyy hh:mm:ss in Vietnam (UTC+7), or `none` when there is none. */
  function time(iso, none) {
    if (!iso) { return none; }
    var p = partsInVietnam(new Date(iso), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
      minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute + ':' + p.second;
  }

  var MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];

  /**
   * An instant in words, in Vietnam time: "ngày 5 tháng 12 năm 2026, 14:05 (giờ Việt Nam)" or
   * "5 December 2026, 14:05 (Vietnam time)"; `none` when there is none.
   */
  function longTime(iso, lang, none) {
    if (!iso) { return none; }
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return String(iso); }
    var p = partsInVietnam(date, { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit',
      minute: '2-digit', hourCycle: 'h23' });
    var day = Number(p.day);
    var month = Number(p.month);
    return lang === 'en'
      ? day + ' ' + MONTHS_EN[month - 1] + ' ' + p.year + ', ' + p.hour + ':' + p.minute + ' (Vietnam time)'
      : 'ngày ' + day + ' tháng ' + month + ' năm ' + p.year + ', ' + p.hour + ':' + p.minute + ' (giờ Việt Nam)';
  }

  /**
   * The same as a <time> element: the machine-readable instant in datetime and, for a reader who wants the
   * exact value, in the tooltip. Its text never breaks inside the date or the time (class "when").
   */
  function timeNode(iso, lang, none) {
    if (!iso) { return document.createTextNode(none); }
    var text = longTime(iso, lang, none);
    var node = el('time', 'when');
    var cut = text.indexOf(', ');
    // Two unbreakable halves, the date and the time: a narrow screen may put the time on the next line,
    // never half a date or "14:" on one line and "05" on the next.
    if (cut > 0) {
      node.appendChild(el('span', 'when-part', text.slice(0, cut + 1)));
      node.appendChild(document.createTextNode(' '));
      node.appendChild(el('span', 'when-part', text.slice(cut + 2)));
    } else {
      node.textContent = text;
    }
    node.setAttribute('datetime', iso);
    node.title = iso;
    return node;
  }

  /** A calendar date (YYYY-MM-DD) as Vietnamese write it, with no time zone involved; else `none`. */
  function day(iso, none) {
    var p = String(iso || '').split('-');
    return p.length === 3 ? p[2] + '/' + p[1] + '/' + p[0] : (iso ? String(iso) : none);
  }

  /** Today in Vietnam as YYYY-MM-DD. */
  function today() {
    var p = partsInVietnam(new Date(), { year: 'numeric', month: '2-digit', day: '2-digit' });
    return p.year + '-' + p.month + '-' + p.day;
  }

  // --- language: the pages are written in Vietnamese; texts.en holds the English ---

  /** The language the address asks for: ?lang=en, else Vietnamese. */
  function requestedLanguage() {
    return (new URLSearchParams(window.location.search).get('lang') || '').toLowerCase() === 'en' ? 'en' : 'vi';
  }

  /** Reads the page's own Vietnamese texts into texts.vi, so they are written once, in the page. */
  function captureVietnamese(texts) {
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      texts.vi[node.getAttribute('data-i18n')] = node.textContent.replace(/\s+/g, ' ').trim();
    });
  }

  /** This address with ?lang= set for another language (or dropped for Vietnamese), the rest kept. */
  function urlWithLang(lang) {
    var p = new URLSearchParams(window.location.search);
    if (lang === 'vi') { p.delete('lang'); } else { p.set('lang', lang); }
    var query = p.toString();
    return window.location.pathname + (query ? '?' + query : '');
  }

  /** Puts the texts of one language into the page and points the #lang-switch link at the other. */
  function translatePage(texts, lang) {
    var text = texts[lang];
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      node.textContent = text[node.getAttribute('data-i18n')];
    });
    var other = text.langSwitchCode;
    var link = $('lang-switch');
    link.textContent = text.langSwitch;
    link.lang = other;
    link.hreflang = other;
    link.href = urlWithLang(other);
  }

  // --- answers from the API ---

  /** An RFC 9457 problem as {status, code, detail, errors, retryAfter}, whatever the body held. */
  function problemOf(response) {
    var retryAfter = response.headers.get('Retry-After');
    return response.json().catch(function () { return {}; }).then(function (body) {
      return { status: response.status, code: body.code || ('HTTP_' + response.status), detail: body.detail,
        errors: body.errors, retryAfter: retryAfter };
    });
  }

  /**
   * A problem in an error box: a line chosen by its status from `messages` (NETWORK, a status, or
   * OTHER with {status}), the server's detail, and each field at fault, named by `fieldName`.
   */
  function showProblem(box, problem, messages, detailTemplate, fieldName) {
    box.hidden = !problem;
    box.textContent = '';
    if (!problem) { return; }
    var head = messages[problem.code === 'NETWORK' ? 'NETWORK' : problem.status]
      || fill(messages.OTHER, { status: problem.status });
    box.appendChild(el('p', 'error-head', head));
    if (problem.detail) { box.appendChild(el('p', 'error-detail', fill(detailTemplate, { detail: problem.detail }))); }
    if (problem.errors && problem.errors.length) {
      var list = el('ul');
      problem.errors.forEach(function (e) {
        list.appendChild(el('li', null, (fieldName ? fieldName(e.field) : e.field) + ': ' + e.message));
      });
      box.appendChild(list);
    }
  }

  // --- who is logged in (/api/v1/me), shown in the page's #session box ---

  var SESSION_TEXT = {
    vi: { signedIn: 'Đăng nhập:', organisation: 'Cơ quan:', roles: 'Vai trò:', noRole: 'chưa được giao vai trò nào',
      logout: 'Đăng xuất',
      role: { CLERK: 'Văn thư — tải lên dự thảo, ban hành văn bản bằng khóa của cơ quan',
        SIGNER: 'Người ký — ký văn bản bằng khóa của chính mình',
        ARCHIVIST: 'Lưu trữ viên — tra cứu, quản lý hồ sơ lưu trữ, lập và duyệt danh mục hủy',
        EXCHANGE_SYSTEM: 'Hệ thống liên thông — gửi, nhận văn bản điện tử',
        ADMINISTRATOR: 'Quản trị — giao khóa ký, cấp và thu hồi khóa API', AUDITOR: 'Kiểm toán — đọc nhật ký' } },
    en: { signedIn: 'Signed in:', organisation: 'Organisation:', roles: 'Roles:', noRole: 'no role given yet',
      logout: 'Sign out',
      role: { CLERK: 'Clerk — uploads drafts, issues letters with the organisation\'s key',
        SIGNER: 'Signer — signs letters with their own key',
        ARCHIVIST: 'Archivist — searches and manages the archive, draws up and approves disposal lists',
        EXCHANGE_SYSTEM: 'Exchange system — sends and receives electronic documents',
        ADMINISTRATOR: 'Administrator — binds signing keys, issues and revokes API keys',
        AUDITOR: 'Auditor — reads the audit trail' } }
  };

  var me = null;

  /** Asks who is logged in; remembers the session's CSRF token for the page's changes. */
  function loadSession() {
    return fetch('/api/v1/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; }, function () { return null; })
      .then(function (body) { me = body; return body; });
  }

  /** The headers of a change: the CSRF token of a logged-in person's session, else none. */
  function withCsrf(headers) {
    if (me && me.csrf) { headers[me.csrf.headerName] = me.csrf.token; }
    return headers;
  }

  /** Fills #session with who is logged in and what they may do, and the sign-out button; hidden otherwise. */
  function renderSession(lang) {
    var box = $('session');
    if (!box) { return; }
    box.textContent = '';
    box.hidden = !(me && me.loggedIn);
    if (box.hidden) { return; }
    var text = SESSION_TEXT[lang] || SESSION_TEXT.vi;
    var who = el('p', 'session-who');
    who.appendChild(el('span', 'session-label', text.signedIn + ' '));
    who.appendChild(el('strong', null, me.name)).id = 'session-name';
    if (me.organisation) {
      who.appendChild(el('span', 'session-label', ' · ' + text.organisation + ' '));
      // The organisation's name where the service knows it, its code beside it in small type (issue #14).
      if (me.organisationName) {
        var name = who.appendChild(el('span', null, me.organisationName));
        name.id = 'session-organisation-name';
        name.title = me.organisation;
        who.appendChild(el('span', 'session-code', ' ('));
        who.appendChild(el('span', 'session-code', me.organisation)).id = 'session-organisation';
        who.appendChild(el('span', 'session-code', ')'));
      } else {
        who.appendChild(el('span', null, me.organisation)).id = 'session-organisation';
      }
    }
    box.appendChild(who);
    var roles = el('ul', 'session-roles');
    roles.id = 'session-roles';
    if (me.roles.length === 0) { roles.appendChild(el('li', null, text.noRole)); }
    me.roles.forEach(function (r) { roles.appendChild(el('li', null, text.role[r] || r)).dataset.role = r; });
    box.appendChild(el('span', 'session-label', text.roles));
    box.appendChild(roles);
    var form = el('form', 'session-logout');
    form.method = 'post';
    form.action = me.logout;
    var token = el('input');
    token.type = 'hidden';
    token.name = me.csrf.parameterName;
    token.value = me.csrf.token;
    form.appendChild(token);
    var button = el('button', 'secondary', text.logout);
    button.type = 'submit';
    button.id = 'logout';
    form.appendChild(button);
    box.appendChild(form);
  }

  function session() { return me; }

  window.Kyso = {
    $: $, fill: fill, fillNodes: fillNodes, describe: describe, formatName: formatName, textWithTimes: textWithTimes, el: el, time: time, longTime: longTime,
    timeNode: timeNode, day: day, today: today,
    requestedLanguage: requestedLanguage,
    captureVietnamese: captureVietnamese, urlWithLang: urlWithLang, translatePage: translatePage,
    problemOf: problemOf, showProblem: showProblem,
    loadSession: loadSession, renderSession: renderSession, withCsrf: withCsrf, session: session
  };
}());
