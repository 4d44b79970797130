// The authorised person signs a letter on their own device (USB token, phone), from the clerk's page: the
// page prepares the signature (with the person's certificate and signature image), shows the data to sign for
// the device's tool, takes back the signature value (pasted or as a file) and completes it (ADR 0021/0022).
// Loaded before letters.js, which hands it the page's state, calls and rendering.
(function () {
  'use strict';

  var API = '/api/v1/letters';

  window.KysoLettersRemote = function (page) {
    var K = window.Kyso;
    var $ = K.$;
    var el = K.el;
    var state = page.state;
    var call = page.call;
    var t = page.t;
    var time = page.time;
    var showError = page.showError;
    var clearError = page.clearError;
    var renderLetter = page.renderLetter;

    function bytesOf(base64) {
      var raw = atob(base64);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
      return bytes;
    }

    function base64Of(buffer) {
      var raw = '';
      new Uint8Array(buffer).forEach(function (b) { raw += String.fromCharCode(b); });
      return btoa(raw);
    }

    /** Each PEM certificate in the text, signer first as pasted; a bare base64 DER as it is. */
    function certificates(text) {
      var pems = String(text || '').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
      if (pems) { return pems; }
      var bare = String(text || '').replace(/\s+/g, '');
      return bare ? [bare] : [];
    }

    /** The SHA-256 of the data to sign in hex, for the person to compare with their token tool's; null without Web Crypto. */
    function digestOf(base64) {
      if (!window.crypto || !window.crypto.subtle) { return Promise.resolve(null); }
      return window.crypto.subtle.digest('SHA-256', bytesOf(base64)).then(function (d) {
        return Array.prototype.map.call(new Uint8Array(d), function (b) { return ('0' + b.toString(16)).slice(-2); })
          .join('');
      });
    }

    function remotePrepare(event) {
      event.preventDefault();
      clearError();
      var id = state.letter && state.letter.id;
      if (!id) { return; }
      var file = $('remote-certificate-file').files[0];
      (file ? file.text() : Promise.resolve($('remote-certificate').value)).then(function (text) {
        var chain = certificates(text);
        if (!chain.length) { throw { status: 400, code: 'CERTIFICATE_MISSING', detail: t('remote').noCertificate }; }
        var body = new FormData();
        chain.forEach(function (c) { body.append('certificate', c); });
        body.append('signatureImage', $('remote-image').files[0]);
        return call('POST', API + '/' + encodeURIComponent(id) + '/signature/prepare', body);
      }).then(function (prepared) {
        prepared.letterId = id;
        return digestOf(prepared.dataToSign).then(function (hex) {
          prepared.digest = hex;
          state.prepared = prepared;
          renderRemote();
          $('remote-data').focus();
        });
      }).catch(showError);
    }

    function remoteComplete() {
      clearError();
      var p = state.prepared;
      if (!p) { return; }
      var file = $('remote-value-file').files[0];
      (file ? file.arrayBuffer().then(base64Of) : Promise.resolve($('remote-value').value.replace(/\s+/g, '')))
        .then(function (value) {
          if (!value) { throw { status: 400, code: 'VALUE_MISSING', detail: t('remote').noValue }; }
          return call('POST', API + '/' + encodeURIComponent(p.letterId) + '/signature/' + encodeURIComponent(p.id)
            + '/complete', JSON.stringify({ signatureValue: value }));
        }).then(function (letter) {
          state.prepared = null;
          ['remote-value', 'remote-value-file', 'remote-certificate', 'remote-certificate-file', 'remote-image']
            .forEach(function (f) { $(f).value = ''; });
          state.letter = letter;
          renderLetter();
          $('letter-state').scrollIntoView({ block: 'nearest' });
        }).catch(showError);
    }

    function downloadDataToSign() {
      var p = state.prepared;
      if (!p) { return; }
      var url = URL.createObjectURL(new Blob([bytesOf(p.dataToSign)], { type: 'application/octet-stream' }));
      var link = el('a');
      link.href = url;
      link.download = t('remote').file;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }

    function renderRemote() {
      var p = state.prepared;
      var letter = state.letter;
      var shown = !!(p && letter && p.letterId === letter.id && letter.state === 'DRAFT');
      $('remote-prepared').hidden = !shown;
      if (!shown) { return; }
      $('remote-data').value = p.dataToSign;
      var facts = $('remote-facts');
      facts.textContent = '';
      var r = t('remote');
      [[r.algorithm, p.signatureAlgorithm, 'remote-algorithm'], [r.digest, p.digest, 'remote-digest'],
        [r.signingTime, time(p.signingTime)], [r.expiresAt, time(p.expiresAt)]].forEach(function (f) {
        if (!f[1]) { return; }
        facts.appendChild(el('dt', null, f[0]));
        var dd = el('dd', f[2] === 'remote-digest' ? 'code' : null, f[1].nodeType ? null : f[1]);
        if (f[1].nodeType) { dd.appendChild(f[1]); }
        if (f[2]) { dd.id = f[2]; }
        facts.appendChild(dd);
      });
    }

    return { prepare: remotePrepare, complete: remoteComplete, download: downloadDataToSign, render: renderRemote };
  };
}());
