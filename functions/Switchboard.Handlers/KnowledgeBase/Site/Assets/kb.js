/* The help center's script: search (MiniSearch over search-index.json), article feedback, and the contact form's
   suggestions. Every page works without it; it only adds. No inline handlers: the page's CSP allows this file only. */
(function () {
  'use strict';
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : ''; };
  var root = new URL(meta('kb-root') || './', location.href);
  var api = (meta('kb-api') || '') + '/api/public/';

  /* The one set of MiniSearch options: the search quality test runs these very options through window.kbSearch. */
  var OPTIONS = {
    fields: ['t', 's', 'c', 'x'],
    storeFields: ['t', 's', 'c', 'u'],
    // Typos are forgiven from four letters on: one edit up to five letters, two from six ("webhok" finds webhooks).
    searchOptions: { boost: { t: 4, s: 2, c: 1.5 }, prefix: true, fuzzy: function (term) { return term.length < 4 ? false : 0.25; } }
  };
  var index = null;
  function load() {
    if (!index) {
      index = fetch(new URL('search-index.json', root), { cache: 'no-cache' })
        .then(function (r) { if (!r.ok) throw new Error('search index ' + r.status); return r.json(); })
        .then(function (data) { var ms = new MiniSearch(OPTIONS); ms.addAll(data.docs); return ms; })
        // A failed fetch is not kept: the next keystroke tries again.
        .catch(function (e) { index = null; throw e; });
    }
    return index;
  }
  function search(query, limit) {
    return load().then(function (ms) {
      var q = query.trim();
      return q ? ms.search(q).slice(0, limit || 8) : [];
    });
  }
  window.kbSearch = { options: OPTIONS, search: search };

  function post(path, body, keepalive) {
    return fetch(api + path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      keepalive: !!keepalive, credentials: 'omit'
    });
  }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  function link(hit) { return new URL(hit.u, root).href; }

  /* Search box: results as you type; a query that found nothing is reported once, when the reader pauses. */
  var reported = {};
  function reportMiss(q) {
    q = q.trim().toLowerCase();
    if (q.length < 3 || reported[q]) return;
    reported[q] = true;
    post('kb/search-misses', { query: q }, true).catch(function () {});
  }
  function wireSearch(form) {
    var input = form.querySelector('input[type=search]');
    var results = document.getElementById('results');
    var onSearchPage = new URL('search/', root).pathname === location.pathname;
    var timer = 0, missTimer = 0;
    function run() {
      var q = input.value;
      search(q).then(function (hits) {
        results.replaceChildren();
        clearTimeout(missTimer);
        if (!q.trim()) return;
        if (hits.length === 0) {
          results.appendChild(el('li', 'No articles match “' + q.trim() + '”. ', { class: 'empty' }))
            .appendChild(el('a', 'Ask us instead', { href: new URL('contact/', root).href }));
          missTimer = setTimeout(function () { reportMiss(q); }, 1500);
          return;
        }
        hits.forEach(function (hit) {
          var li = el('li');
          li.appendChild(el('a', hit.t, { href: link(hit) }));
          if (hit.s) li.appendChild(el('p', hit.s));
          results.appendChild(li);
        });
      });
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    form.addEventListener('submit', function (e) {
      if (!onSearchPage) return;
      e.preventDefault();
      history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
      run();
      search(input.value).then(function (hits) { if (hits.length === 0) reportMiss(input.value); });
    });
    if (onSearchPage) {
      input.value = new URLSearchParams(location.search).get('q') || input.value;
    }
    // As on the contact form: words typed (or restored) before this deferred script ran are searched now.
    if (input.value.trim()) run();
  }

  /* Feedback: Yes, or No with an optional comment. */
  function wireFeedback(section) {
    var form = section.querySelector('form');
    var thanks = section.querySelector('.thanks');
    var comment = form.querySelector('.comment');
    section.hidden = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var choice = e.submitter ? e.submitter.value : 'yes';
      if (choice === 'no' && comment.hidden) {
        comment.hidden = false;
        form.querySelector('.vote').hidden = true;
        comment.querySelector('textarea').focus();
        return;
      }
      var body = { helpful: choice === 'yes', website: form.elements.website.value };
      var text = form.elements.comment.value.trim();
      if (choice !== 'yes' && text) body.comment = text;
      post('kb/' + encodeURIComponent(section.dataset.slug) + '/feedback', body).then(function (r) {
        form.hidden = true;
        thanks.textContent = r.ok ? 'Thanks for telling us.' : 'Sorry, that did not go through. Please try again later.';
      }, function () { thanks.textContent = 'Sorry, that did not go through. Please try again later.'; });
    });
  }

  /* Contact form: up to three articles matching the subject; opening one counts towards deflection. */
  function session() {
    try {
      var id = sessionStorage.getItem('kb-session');
      if (!id) {
        var bytes = crypto.getRandomValues(new Uint8Array(12));
        id = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
        sessionStorage.setItem('kb-session', id);
      }
      return id;
    } catch (e) { return ''; }
  }
  function wireContact(form) {
    var box = document.getElementById('suggestions');
    var list = box.querySelector('ul');
    var status = document.getElementById('contact-status');
    var sid = session();
    var timer = 0;
    post('kb/contact-visits', { session: sid, event: 'visit' }, true).catch(function () {});
    function suggest() {
      search(form.elements.subject.value, 3).then(function (hits) {
        list.replaceChildren();
        box.hidden = hits.length === 0;
        hits.forEach(function (hit) {
          var a = el('a', hit.t, { href: link(hit), target: '_blank', rel: 'noopener' });
          a.addEventListener('click', function () { post('kb/contact-visits', { session: sid, event: 'opened' }, true).catch(function () {}); });
          var li = el('li');
          li.appendChild(a);
          if (hit.s) li.appendChild(el('p', hit.s));
          list.appendChild(li);
        });
      });
    }
    form.elements.subject.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(suggest, 200); });
    // The script is deferred: a visitor (or the browser restoring the form) may have typed a subject before it ran.
    if (form.elements.subject.value.trim()) suggest();
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var file = form.elements.attachment && form.elements.attachment.files[0];
      var request;
      if (file) {
        var data = new FormData(form);
        data.set('session', sid);
        request = fetch(api + 'contact', { method: 'POST', body: data, credentials: 'omit' });
      } else {
        request = post('contact', {
          name: form.elements.name.value, email: form.elements.email.value, subject: form.elements.subject.value,
          message: form.elements.message.value, website: form.elements.website.value, session: sid
        });
      }
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      request.then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (r.ok) {
            form.hidden = true;
            box.hidden = true;
            status.textContent = body.message || 'Thanks, we have your message.';
          } else {
            status.textContent = body.detail || 'Sorry, your message could not be sent. Please try again.';
          }
        });
      }, function () { status.textContent = 'Sorry, your message could not be sent. Please check your connection and try again.'; })
        .then(function () { button.disabled = false; });
    });
  }

  document.querySelectorAll('form.search').forEach(wireSearch);
  var feedback = document.getElementById('feedback');
  if (feedback) wireFeedback(feedback);
  var contact = document.getElementById('contact-form');
  if (contact) wireContact(contact);
})();
