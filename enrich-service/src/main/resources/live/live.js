// newsflow live page: polls /v1/live/state and /v1/trending every 2 s and draws them. Plain script, no library.
// Every text from the data goes in through textContent or attributes set one by one, never as markup.
(function () {
  'use strict';
  var POLL_MS = 2000;
  var TRENDING_TYPES = ['PERSON', 'PLACE', 'ORGANIZATION', 'TOPIC'];
  var TOKEN_KEY = 'newsflow.token';
  var SVG = 'http://www.w3.org/2000/svg';

  // ?token=... once: kept for this tab, taken out of the address bar so it is not bookmarked or shared
  var params = new URLSearchParams(window.location.search);
  if (params.has('token')) {
    sessionStorage.setItem(TOKEN_KEY, params.get('token'));
    params.delete('token');
    var rest = params.toString();
    history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
  }

  function headers() {
    var token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { 'Authorization': 'Bearer ' + token } : {};
  }

  function $(id) { return document.getElementById(id); }

  // el('li', {class: 'x'}, 'text', child, [children]...): text arguments become text nodes, arrays are spread
  function el(name, attrs) {
    var node = document.createElement(name);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (attrs[key] !== null && attrs[key] !== undefined) { node.setAttribute(key, String(attrs[key])); }
      });
    }
    var append = function (child) {
      if (child === null || child === undefined) { return; }
      if (Array.isArray(child)) { child.forEach(append); return; }
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    };
    for (var i = 2; i < arguments.length; i++) { append(arguments[i]); }
    return node;
  }

  function replaceChildren(parent, children) {
    while (parent.firstChild) { parent.removeChild(parent.firstChild); }
    children.forEach(function (child) { parent.appendChild(child); });
  }

  function time(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleTimeString();
  }

  function rate(value) {
    return value === null || value === undefined ? '–' : (value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString()) + '/s';
  }

  function safeLink(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  // an untitled article is named by the last part of its address (a scraped file's name), else its id
  function fileName(url) {
    if (!url) { return null; }
    var parts = String(url).split(/[?#]/)[0].split('/').filter(Boolean);
    if (parts.length < 2) { return null; }
    try { return decodeURIComponent(parts[parts.length - 1]); } catch (e) { return parts[parts.length - 1]; }
  }

  function status(text, bad) {
    var node = $('status');
    node.textContent = text;
    node.className = bad ? 'bad' : '';
  }

  function renderServices(s) {
    var figures = [
      ['ingest: written', rate(s.ingestWrittenPerSecond)],
      ['enrich: read', rate(s.enrichReadPerSecond)],
      ['enrich: written', rate(s.enrichWrittenPerSecond)],
      ['enrich: lag', s.enrichLag === null || s.enrichLag === undefined ? '–' : s.enrichLag.toLocaleString() + ' records'],
      ['dead letters', rate(s.deadLettersPerSecond)]
    ];
    replaceChildren($('service-figures'), figures.map(function (f) {
      return el('div', null, el('dt', null, f[0]), el('dd', null, f[1]));
    }));
  }

  function renderArticle(a) {
    var link = a.url ? safeLink(a.url) : null;
    var name = a.title || fileName(a.url) || a.id;
    var title = el('div', { class: 'title' }, link ? el('a', { href: link, rel: 'noopener noreferrer', target: '_blank' }, name) : name);
    var noise = Object.keys(a.noiseByRule || {}).map(function (rule) { return rule + ' ' + a.noiseByRule[rule]; }).join(', ');
    var meta = el('div', { class: 'meta' },
      [time(a.time), a.language, a.noiseLinesRemoved ? a.noiseLinesRemoved + ' noise lines removed (' + noise + ')' : 'no noise']
        .filter(Boolean).join(' · '));
    var tags = el('div', { class: 'tags' });
    (a.tags || []).forEach(function (t) {
      tags.appendChild(el('span', { class: 'tag ' + t.type, title: t.type + ', ' + t.origin + ', score ' + Number(t.score).toFixed(2) },
        t.name, ' ', el('small', null, t.type.toLowerCase())));
    });
    var dup = a.duplicateOf ? el('div', { class: 'meta dup' }, 'duplicate of ' + a.duplicateOf) : null;
    return el('li', { class: 'article', 'data-id': a.id }, title, meta, dup, tags);
  }

  function renderArticles(list) {
    $('articles-note').textContent = list.length ? '' : 'none yet';
    replaceChildren($('article-list'), list.map(renderArticle));
  }

  function renderDeadLetters(d) {
    $('dead-letters-note').textContent = d.total ? d.total.toLocaleString() + ' read by this page (the last 50 of each partition at start, then every new one)' : 'none';
    replaceChildren($('dead-letter-groups').tBodies[0], d.groups.map(function (g) {
      return el('tr', null, el('td', null, g.stage), el('td', { class: 'reason' }, g.reason), el('td', { class: 'n' }, g.count),
        el('td', null, time(g.last)));
    }));
    replaceChildren($('dead-letter-latest'), d.latest.map(function (l) {
      return el('li', { class: 'letter' }, el('span', { class: 'meta' }, time(l.time) + ' · ' + l.stage + ' · ' + (l.key || 'no key') + ' · '),
        el('span', { class: 'reason' }, l.reason || '(no reason)'));
    }));
  }

  function sparkline(series) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 64 18');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    var values = (series || []).map(Number);
    if (values.length) {
      var max = Math.max.apply(null, values.concat([1]));
      var step = values.length > 1 ? 62 / (values.length - 1) : 0;
      var points = values.map(function (v, i) { return (1 + i * step).toFixed(1) + ',' + (17 - 16 * v / max).toFixed(1); });
      if (points.length === 1) { points.push('63,' + points[0].split(',')[1]); }
      var line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('points', points.join(' '));
      svg.appendChild(line);
    }
    return svg;
  }

  function renderTrending(answers) {
    var blocks = [];
    answers.forEach(function (answer) {
      var tags = (answer.body && answer.body.tags) || [];
      var rows = tags.slice(0, 8).map(function (t) {
        return el('div', { class: 'trend' }, el('span', { class: 'name' }, t.name),
          el('span', { class: 'figures', title: 'count, score against the baseline ' + t.baseline }, t.count + ' · ' + Number(t.score).toFixed(1)),
          sparkline(t.series));
      });
      blocks.push(el('div', { class: 'trend-type', 'data-type': answer.type }, el('h3', null, answer.type.toLowerCase()),
        rows.length ? el('div', null, rows) : el('p', { class: 'note' }, 'nothing trending')));
    });
    replaceChildren($('trending-types'), blocks);
  }

  function getJson(path) {
    return fetch(path, { headers: headers(), cache: 'no-store' }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        return { status: response.status, body: body };
      });
    });
  }

  function pollTrending() {
    return Promise.all(TRENDING_TYPES.map(function (type) {
      return getJson('/v1/trending?type=' + type + '&window=1h&limit=20').then(function (answer) {
        answer.type = type;
        return answer;
      });
    })).then(function (answers) {
      var missing = answers.some(function (a) { return a.status === 404; });
      var failed = answers.filter(function (a) { return a.status !== 200 && a.status !== 404; });
      if (missing) {
        $('trending-note').textContent = 'trending not available on this server';
        replaceChildren($('trending-types'), []);
      } else if (failed.length) {
        $('trending-note').textContent = 'trending: ' + ((failed[0].body && failed[0].body.detail) || 'HTTP ' + failed[0].status);
      } else {
        $('trending-note').textContent = '';
        renderTrending(answers);
      }
    }, function () {
      $('trending-note').textContent = 'trending: no answer';
    });
  }

  function poll() {
    getJson('/v1/live/state').then(function (answer) {
      if (answer.status === 401) {
        status('a token is needed: open this page once as /?token=<token> (NEWSFLOW_HTTP_TOKEN)', true);
        return;
      }
      if (answer.status !== 200 || !answer.body) {
        status('no data: ' + ((answer.body && answer.body.detail) || 'HTTP ' + answer.status), true);
        return;
      }
      var state = answer.body;
      renderServices(state.services || {});
      renderArticles(state.articles || []);
      renderDeadLetters(state.deadLetters || { total: 0, groups: [], latest: [] });
      if (state.problem) {
        status('updated ' + time(state.asOf) + ' · ' + state.problem, true);
      } else {
        status('updated ' + time(state.asOf), false);
      }
      return pollTrending();
    }, function () {
      status('enrich does not answer; trying again', true);
    }).then(null, function (error) {
      status('the page failed to draw: ' + error, true); // and keeps polling
    }).then(function () {
      window.setTimeout(poll, POLL_MS);
    });
  }

  poll();
}());
