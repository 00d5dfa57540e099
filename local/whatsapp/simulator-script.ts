/**
 * The chat page's script, plain ES2020 kept as a raw string (no bundler, no CDN). Every piece of message content is
 * placed with textContent or as an attribute the script checks (http(s) links only): nothing from a message is
 * ever parsed as HTML. It polls /sim/api/chat every 700 ms and re-renders only when something changed.
 */
export const SIMULATOR_SCRIPT = String.raw`
(function () {
  'use strict';
  var CONFIG = JSON.parse(document.getElementById('sim-config').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var chatEl = $('chat');
  var state = { waId: '', name: '', signature: '', readSent: {}, people: Array.isArray(CONFIG.people) ? CONFIG.people : [], pollTimer: 0, byId: {}, stickToBottom: true };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function langOf(text) { return /[\u0C00-\u0C7F]/.test(text || '') ? 'te' : 'en'; }
  function isHttp(url) { return typeof url === 'string' && /^https?:\/\//i.test(url); }
  function openInNewTab(anchor, href) { anchor.href = href; anchor.target = '_blank'; anchor.rel = 'noopener noreferrer'; }

  // WhatsApp's markup (*bold*, _italic_, ~strike~, three-backtick monospace) and bare links, built as DOM nodes.
  var MARKUP = /(\x60\x60\x60[\s\S]+?\x60\x60\x60|\*[^*\n]+\*|(?:^|\b)_[^_\n]+_(?:\b|$)|~[^~\n]+~|https?:\/\/[^\s<>"]+)/g;
  function formatted(value) {
    var text = String(value === undefined || value === null ? '' : value);
    var span = el('span', 'text');
    span.lang = langOf(text);
    var last = 0;
    var match;
    MARKUP.lastIndex = 0;
    while ((match = MARKUP.exec(text)) !== null) {
      if (match[0] === '') { MARKUP.lastIndex++; continue; }
      if (match.index > last) span.appendChild(document.createTextNode(text.slice(last, match.index)));
      var token = match[0];
      var node;
      if (token.indexOf('\x60\x60\x60') === 0) node = el('code', '', token.slice(3, -3));
      else if (token.charAt(0) === '*') node = el('strong', '', token.slice(1, -1));
      else if (token.charAt(0) === '_') node = el('em', '', token.slice(1, -1));
      else if (token.charAt(0) === '~') node = el('s', '', token.slice(1, -1));
      else { node = el('a', '', token); openInNewTab(node, token); }
      span.appendChild(node);
      last = match.index + token.length;
    }
    if (last < text.length) span.appendChild(document.createTextNode(text.slice(last)));
    return span;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function hhmm(iso) { var d = new Date(iso); return pad(d.getHours()) + ':' + pad(d.getMinutes()); }
  function dayLabel(iso) {
    return new Date(iso).toLocaleDateString('en-IN', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  }
  function clockLabel(iso) { return dayLabel(iso) + ', ' + hhmm(iso); }

  var toastTimer = 0;
  function toast(message, isError) {
    var t = $('toast');
    t.textContent = message;
    t.className = 'toast' + (isError ? ' error' : '');
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.hidden = true; }, 3500);
  }

  function meta(item) {
    var m = el('span', 'meta', hhmm(item.at));
    if (item.direction === 'in') {
      var tick;
      if (item.status === 'read') tick = el('span', 'tick read', '\u2713\u2713');
      else if (item.status === 'delivered') tick = el('span', 'tick', '\u2713\u2713');
      else if (item.status === 'failed') {
        tick = el('span', 'tick failed', '!');
        tick.title = 'The webhook answered ' + (item.webhook_status === null ? (item.webhook_error || 'nothing') : item.webhook_status);
      } else tick = el('span', 'tick', '\u23F2');
      m.appendChild(tick);
    }
    return m;
  }

  function mediaSrc(media) {
    if (!media) return '';
    if (media.id) return '/sim/media/' + encodeURIComponent(media.id);
    return isHttp(media.link) ? media.link : '';
  }
  function docCard(doc) {
    var card = el('a', 'doc-card');
    var src = mediaSrc(doc);
    if (src) openInNewTab(card, src);
    var name = doc.filename || 'Document';
    var ext = (/\.([a-z0-9]{1,5})$/i.exec(name) || [null, 'FILE'])[1].toUpperCase();
    card.appendChild(el('span', 'icon', ext));
    var info = el('span', '');
    var label = el('span', 'name', name);
    label.lang = langOf(name);
    info.appendChild(label);
    info.appendChild(el('div', 'kind', ext + ' \u00B7 tap to open'));
    card.appendChild(info);
    return card;
  }
  function image(media) {
    var img = el('img');
    var src = mediaSrc(media);
    if (src) img.src = src;
    img.alt = (media && media.caption) || 'photo';
    return img;
  }
  function textBlock(className, text) {
    var node = el('div', className, text);
    node.lang = langOf(text);
    return node;
  }
  function replyButton(label, replyId, contextId) {
    var button = el('button', 'reply-button', label);
    button.type = 'button';
    button.lang = langOf(label);
    button.setAttribute('data-reply-id', replyId);
    button.addEventListener('click', function () { send({ reply_id: replyId, reply_title: label, context_id: contextId }); });
    return button;
  }

  // WhatsApp's "Send location" shares where the phone is; the simulator asks for the coordinates (a sample place
  // in Tadikonda, Guntur, by default).
  function shareLocation(contextId) {
    var typed = window.prompt('Latitude, longitude', '16.4167, 80.4542');
    if (!typed) return;
    var parts = typed.split(',').map(function (p) { return Number(p.trim()); });
    if (parts.length !== 2 || parts.some(function (n) { return !isFinite(n); })) { toast('Type a latitude and a longitude', true); return; }
    send({ location: { latitude: parts[0], longitude: parts[1] }, context_id: contextId });
  }

  function rupees(amount) {
    var value = (amount && amount.value) || 0;
    return '\u20B9' + (value / 100).toLocaleString('en-IN', { maximumFractionDigits: 2 });
  }
  // WhatsApp's review-and-pay order: the items and total, and what the citizen's UPI app would do. Pay and Fail
  // go through /sim/api/pay, which sends the gateway's callback and the payment status webhooks Meta would send.
  function payCard(parameters) {
    var card = el('div', 'pay-card');
    var order = parameters.order || {};
    (order.items || []).forEach(function (item) {
      var line = el('div', 'pay-line');
      line.appendChild(textBlock('', item.name + (item.quantity > 1 ? ' \u00D7 ' + item.quantity : '')));
      line.appendChild(el('span', '', rupees(item.amount)));
      card.appendChild(line);
    });
    var total = el('div', 'pay-line pay-total');
    total.appendChild(el('span', '', 'Total'));
    total.appendChild(el('span', '', rupees(parameters.total_amount)));
    card.appendChild(total);
    var gateway = ((parameters.payment_settings || [])[0] || {}).payment_gateway || {};
    card.appendChild(el('div', 'pay-via', 'Review and pay \u00B7 ' + (gateway.type || '') + ' \u00B7 ' + parameters.reference_id));
    var buttons = el('div', 'pay-buttons');
    [['captured', 'Pay ' + rupees(parameters.total_amount)], ['failed', 'Fail']].forEach(function (choice) {
      var button = el('button', 'pay-button ' + choice[0], choice[1]);
      button.type = 'button';
      button.setAttribute('data-pay', choice[0]);
      button.addEventListener('click', function () {
        button.disabled = true;
        postJson('/sim/api/pay', { reference: parameters.reference_id, outcome: choice[0] }).then(function (res) {
          toast(res.ok ? (choice[0] === 'captured' ? 'Paid' : 'Payment failed') : res.json.error || 'Not paid', !res.ok);
        }).catch(function () { toast('Could not reach the simulator', true); }).then(function () { button.disabled = false; });
      });
      buttons.appendChild(button);
    });
    card.appendChild(buttons);
    return card;
  }

  function interactive(item, bubble) {
    var i = item.payload.interactive || {};
    var result = {};
    if (i.header) {
      if (i.header.type === 'text') bubble.appendChild(textBlock('header', i.header.text));
      else if (i.header.type === 'image') bubble.appendChild(image(i.header.image));
      else if (i.header.type === 'document') bubble.appendChild(docCard(i.header.document));
    }
    if (i.body) bubble.appendChild(formatted(i.body.text));
    if (i.footer) bubble.appendChild(textBlock('footer', i.footer.text));
    var action = i.action || {};
    if (i.type === 'list') {
      var open = el('button', 'list-button', '\u2630 ' + action.button);
      open.type = 'button';
      open.lang = langOf(action.button);
      open.addEventListener('click', function () { openSheet(item); });
      result.inside = open;
    } else if (i.type === 'button') {
      var group = el('div', 'reply-buttons');
      (action.buttons || []).forEach(function (button) {
        var reply = button.reply || {};
        group.appendChild(replyButton(reply.title, reply.id, item.id));
      });
      result.outside = group;
    } else if (i.type === 'location_request_message') {
      var share = el('button', 'list-button', '\uD83D\uDCCD Send location');
      share.type = 'button';
      share.setAttribute('data-send-location', item.id);
      share.addEventListener('click', function () { shareLocation(item.id); });
      result.inside = share;
    } else if (i.type === 'order_details') {
      result.inside = payCard(action.parameters || {});
    } else if (i.type === 'order_status') {
      var status = action.parameters || {};
      result.inside = el('div', 'pay-via', 'Order ' + status.reference_id + ' \u00B7 ' + ((status.order || {}).status || ''));
    } else if (i.type === 'cta_url') {
      var parameters = action.parameters || {};
      var link = el('a', 'cta-button', '\u2197 ' + parameters.display_text);
      if (isHttp(parameters.url)) openInNewTab(link, parameters.url);
      result.inside = link;
    }
    return result;
  }

  function template(item, bubble) {
    var t = item.payload.template || {};
    var components = t.components || [];
    var result = {};
    bubble.appendChild(el('div', 'template-tag', 'Template \u00B7 ' + t.name + ' \u00B7 ' + ((t.language || {}).code || '')));
    components.forEach(function (component) {
      (component.parameters || []).forEach(function (parameter) {
        if (parameter.type === 'document') bubble.appendChild(docCard(parameter.document));
        else if (parameter.type === 'image') bubble.appendChild(image(parameter.image));
      });
    });
    if (item.rendered) bubble.appendChild(formatted(item.rendered.text));
    else {
      components.forEach(function (component) {
        if (component.type === 'button') return;
        (component.parameters || []).forEach(function (parameter) {
          if (parameter.type === 'text') bubble.appendChild(textBlock('', parameter.text));
        });
      });
    }
    var quick = components.filter(function (c) { return c.type === 'button' && c.sub_type === 'quick_reply'; });
    if (quick.length) {
      var group = el('div', 'reply-buttons');
      quick.forEach(function (component) {
        var payload = ((component.parameters || [])[0] || {}).payload;
        var labels = (item.rendered && item.rendered.quickReplies) || [];
        group.appendChild(replyButton(labels[Number(component.index || 0)] || payload, payload, item.id));
      });
      result.outside = group;
    }
    return result;
  }

  function outRow(item) {
    var p = item.payload;
    var type = p.type || 'text';
    var row = el('div', 'row out');
    row.setAttribute('data-id', item.id);
    row.setAttribute('data-type', type);
    var bubble = el('div', 'bubble');
    row.appendChild(bubble);
    var extra = {};
    if (type === 'text') bubble.appendChild(formatted(p.text.body));
    else if (type === 'interactive') extra = interactive(item, bubble);
    else if (type === 'template') extra = template(item, bubble);
    else if (type === 'document') {
      bubble.appendChild(docCard(p.document));
      if (p.document.caption) bubble.appendChild(formatted(p.document.caption));
    } else if (type === 'image') {
      bubble.appendChild(image(p.image));
      if (p.image.caption) bubble.appendChild(formatted(p.image.caption));
    } else if (type === 'reaction') bubble.appendChild(el('span', '', 'Reacted ' + (p.reaction.emoji || '(removed)')));
    else if (type === 'location') bubble.appendChild(el('span', '', '\uD83D\uDCCD ' + p.location.latitude + ', ' + p.location.longitude));
    else if (p[type] && mediaSrc(p[type])) {
      var link = el('a', '', type);
      openInNewTab(link, mediaSrc(p[type]));
      bubble.appendChild(link);
    } else bubble.appendChild(el('span', 'raw', JSON.stringify(p)));
    bubble.appendChild(meta(item));
    if (extra.inside) bubble.appendChild(extra.inside);
    if (extra.outside) row.appendChild(extra.outside);
    return row;
  }

  function summary(item) {
    var p = item.payload;
    if (p.type === 'text') return p.text.body;
    if (p.type === 'interactive' && p.interactive.body) return p.interactive.body.text;
    if (p.type === 'interactive') {
      var r = p.interactive.list_reply || p.interactive.button_reply || {};
      return r.title || '';
    }
    if (p.type === 'document') return '\uD83D\uDCC4 ' + (p.document.filename || 'Document');
    if (p.type === 'image') return '\uD83D\uDCF7 Photo';
    if (p.type === 'template') return item.rendered ? item.rendered.text : 'Template ' + p.template.name;
    if (p.type === 'button') return p.button.text;
    return p.type || '';
  }
  function quote(id) {
    var target = state.byId[id];
    if (!target) return null;
    var q = el('div', 'quote');
    q.appendChild(el('b', '', target.direction === 'out' ? 'Mitra' : 'You'));
    var text = summary(target);
    q.appendChild(document.createTextNode(text));
    q.lang = langOf(text);
    return q;
  }

  function inRow(item) {
    var m = item.payload;
    var row = el('div', 'row in');
    row.setAttribute('data-id', item.id);
    row.setAttribute('data-type', m.type);
    var bubble = el('div', 'bubble');
    row.appendChild(bubble);
    if (m.context && m.context.id) {
      var q = quote(m.context.id);
      if (q) bubble.appendChild(q);
    }
    if (m.type === 'text') bubble.appendChild(formatted(m.text.body));
    else if (m.type === 'interactive') {
      var reply = m.interactive.list_reply || m.interactive.button_reply || {};
      bubble.appendChild(formatted(reply.title || reply.id));
      if (reply.description) bubble.appendChild(textBlock('footer', reply.description));
    } else if (m.type === 'button') bubble.appendChild(formatted(m.button.text));
    else if (m.type === 'audio') bubble.appendChild(el('span', '', '\uD83C\uDFA4 Voice note (simulated: it carries its transcript; no speech model runs offline here)'));
    else if (m.type === 'image') {
      bubble.appendChild(image(m.image));
      if (m.image.caption) bubble.appendChild(formatted(m.image.caption));
    } else bubble.appendChild(el('span', 'raw', JSON.stringify(m)));
    bubble.appendChild(meta(item));
    return row;
  }

  function openSheet(item) {
    var action = item.payload.interactive.action || {};
    $('sheet-title').textContent = action.button;
    $('sheet-title').lang = langOf(action.button);
    var body = $('sheet-body');
    body.textContent = '';
    (action.sections || []).forEach(function (section) {
      if (section.title) body.appendChild(textBlock('section-title', section.title));
      (section.rows || []).forEach(function (r) {
        var button = el('button', 'sheet-row');
        button.type = 'button';
        button.setAttribute('data-reply-id', r.id);
        var title = el('span', 'title', r.title);
        title.lang = langOf(r.title);
        button.appendChild(title);
        if (r.description) {
          var description = el('span', 'description', r.description);
          description.lang = langOf(r.description);
          button.appendChild(description);
        }
        button.addEventListener('click', function () {
          closeSheet();
          send({ reply_id: r.id, reply_title: r.title, context_id: item.id });
        });
        body.appendChild(button);
      });
    });
    $('sheet-backdrop').hidden = false;
  }
  function closeSheet() { $('sheet-backdrop').hidden = true; }

  function render(data) {
    $('clock-now').textContent = clockLabel(data.now);
    var signature = JSON.stringify([data.items.map(function (i) { return [i.id, i.status]; }), data.typing]);
    if (signature === state.signature) return;
    state.signature = signature;
    state.byId = {};
    data.items.forEach(function (i) { state.byId[i.id] = i; });
    var fragment = document.createDocumentFragment();
    var lastDay = '';
    data.items.forEach(function (item) {
      var day = new Date(item.at).toDateString();
      if (day !== lastDay) {
        fragment.appendChild(el('div', 'day', dayLabel(item.at)));
        lastDay = day;
      }
      try {
        fragment.appendChild(item.direction === 'out' ? outRow(item) : inRow(item));
      } catch (error) {
        // A payload the page does not understand is shown raw rather than hiding the rest of the chat.
        var raw = el('div', 'row ' + item.direction);
        raw.appendChild(el('div', 'bubble raw', JSON.stringify(item.payload)));
        fragment.appendChild(raw);
      }
    });
    if (data.typing) fragment.appendChild(el('div', 'typing', 'typing\u2026'));
    chatEl.textContent = '';
    chatEl.appendChild(fragment);
    if (state.stickToBottom) chatEl.scrollTop = chatEl.scrollHeight;
    sendReadReceipts(data.items);
  }
  chatEl.addEventListener('scroll', function () {
    state.stickToBottom = chatEl.scrollHeight - chatEl.scrollTop - chatEl.clientHeight < 80;
  });

  // Opening a chat on a phone reads the business's messages: Meta then sends "read" statuses to the webhook.
  function sendReadReceipts(items) {
    if (!$('receipts').checked || document.visibilityState !== 'visible') return;
    items.forEach(function (item) {
      if (item.direction !== 'out' || state.readSent[item.id] || item.status === 'read' || item.status === 'failed') return;
      state.readSent[item.id] = true;
      postJson('/sim/api/status', { id: item.id, status: 'read' }).catch(function () {});
    });
  }

  function postJson(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); });
  }

  function poll() {
    clearTimeout(state.pollTimer);
    var waId = state.waId;
    fetch('/sim/api/chat?wa_id=' + encodeURIComponent(waId), { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('chat answered ' + r.status)); })
      .then(function (data) { if (waId === state.waId) render(data); })
      .catch(function () { /* the runtime may be restarting: keep polling */ })
      .then(function () { state.pollTimer = setTimeout(poll, 700); });
  }

  // A username user shares no phone number: WhatsApp names them by a business-scoped user id (IN.1648738043044942).
  function isUserId(value) { return /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/.test(value); }
  function identityOf(value) {
    var trimmed = String(value || '').trim();
    if (isUserId(trimmed)) return trimmed;
    var digits = trimmed.replace(/\D/g, '');
    return digits.length === 10 ? '91' + digits : digits;
  }

  function send(body) {
    if (isUserId(state.waId)) body.user_id = state.waId;
    else body.from = state.waId;
    if (state.name) body.name = state.name;
    if (!body.context_id) delete body.context_id;
    state.stickToBottom = true;
    var done = postJson('/sim/api/send', body).then(function (res) {
      if (!res.ok) toast(res.json.error || 'send failed', true);
      else if (res.json.webhook_status === null || res.json.webhook_status >= 300) {
        toast('The webhook answered ' + (res.json.webhook_status === null ? (res.json.webhook_error || 'nothing') : res.json.webhook_status), true);
      }
      poll();
    }).catch(function (error) { toast(String(error), true); });
    // The message is logged before the webhook is posted, so it can show while the system is still answering.
    setTimeout(poll, 60);
    return done;
  }
  function sendText() {
    var text = $('text').value;
    if (!text.trim()) return;
    $('text').value = '';
    send({ text: text });
  }

  // The sample citizens and officers come with the page; /catalog (when the runtime serves it) names the departments.
  var departments = {};
  function personOf(waId) {
    for (var i = 0; i < state.people.length; i++) if (state.people[i].waId === waId) return state.people[i];
    return null;
  }
  function nameOf(waId) { var person = personOf(waId); return person ? person.name : ''; }
  function roleLabel(role) { var r = String(role || '').replace(/-/g, ' '); return r.charAt(0).toUpperCase() + r.slice(1); }
  function departmentLabel(department) { return departments[department] || department || ''; }
  function spacedNumber(waId) {
    if (isUserId(waId)) return waId;
    return /^91\d{10}$/.test(waId) ? '+91 ' + waId.slice(2, 7) + ' ' + waId.slice(7) : '+' + waId;
  }
  function personDetail(person) {
    var parts = person.kind === 'officer'
      ? [roleLabel(person.role), departmentLabel(person.department), person.district || '']
      : [person.district || ''];
    parts.push(spacedNumber(person.waId));
    return parts.filter(function (part) { return part; }).join(' \u00B7 ');
  }
  function initials(name) {
    var words = String(name).replace(/[^\p{L}\s]/gu, ' ').trim().split(/\s+/);
    return ((words[0] || '?').charAt(0) + (words.length > 1 ? words[words.length - 1].charAt(0) : '')).toUpperCase();
  }
  function loadDepartmentNames() {
    if (!state.people.some(function (person) { return person.kind === 'officer'; })) return;
    fetch('/catalog').then(function (r) { return r.ok ? r.json() : null; }).then(function (catalog) {
      ((catalog && catalog.departments) || []).forEach(function (d) {
        if (d && d.id && d.name) departments[d.id] = typeof d.name === 'string' ? d.name : d.name.en;
      });
    }).catch(function () { /* the department id is label enough */ });
  }

  function showIdentity() {
    var person = personOf(state.waId);
    $('person-name').textContent = person ? person.name : spacedNumber(state.waId);
    $('person-kind').textContent = person ? (person.kind === 'officer' ? roleLabel(person.role) : 'Citizen') : 'Other number';
    $('person').setAttribute('data-kind', person ? person.kind : 'other');
  }

  function setIdentity(waId, name) {
    state.waId = waId;
    state.name = name;
    state.signature = '';
    state.stickToBottom = true;
    $('wa-id').value = waId;
    $('name').value = name;
    $('otp-out').textContent = '';
    showIdentity();
    chatEl.textContent = '';
    try { localStorage.setItem('mitra-sim-identity', JSON.stringify({ waId: waId, name: name })); } catch (error) { /* private mode */ }
    poll();
  }

  function personRow(person) {
    var button = el('button', 'sheet-row person-row' + (person.waId === state.waId ? ' current' : ''));
    button.type = 'button';
    button.setAttribute('data-wa-id', person.waId);
    button.setAttribute('data-kind', person.kind);
    if (person.waId === state.waId) button.setAttribute('aria-current', 'true');
    button.appendChild(el('span', 'face ' + person.kind, initials(person.name)));
    var text = el('span', 'words');
    text.appendChild(el('span', 'title', person.name));
    text.appendChild(el('span', 'description', personDetail(person)));
    button.appendChild(text);
    button.addEventListener('click', function () {
      closeSheet();
      if (person.waId !== state.waId) setIdentity(person.waId, person.name);
    });
    return button;
  }
  function openPeople() {
    $('sheet-title').textContent = 'Chat as\u2026';
    $('sheet-title').lang = 'en';
    var body = $('sheet-body');
    body.textContent = '';
    [['citizen', 'Sample citizens'], ['officer', 'Sample officers']].forEach(function (group) {
      var members = state.people.filter(function (person) { return person.kind === group[0]; });
      if (!members.length) return;
      body.appendChild(textBlock('section-title', group[1]));
      members.forEach(function (person) { body.appendChild(personRow(person)); });
    });
    if (!state.people.length) body.appendChild(textBlock('section-title', 'No sample people: type a number instead'));
    $('sheet-backdrop').hidden = false;
  }

  $('person').addEventListener('click', openPeople);
  $('wa-id').addEventListener('change', function () {
    var identity = identityOf(this.value);
    if (isUserId(identity) || /^\d{7,15}$/.test(identity)) setIdentity(identity, nameOf(identity));
    else toast('A WhatsApp number is 7 to 15 digits with the country code, or a user id like IN.1648738043044942', true);
  });
  $('name').addEventListener('change', function () {
    state.name = this.value.trim();
    try { localStorage.setItem('mitra-sim-identity', JSON.stringify({ waId: state.waId, name: state.name })); } catch (error) { /* private mode */ }
  });
  $('otp-button').addEventListener('click', function () {
    var person = personOf(state.waId);
    var aadhaar = person && person.aadhaar ? person.aadhaar : '';
    if (!aadhaar) aadhaar = window.prompt('Aadhaar number') || '';
    aadhaar = aadhaar.replace(/\s/g, '');
    if (!aadhaar) return;
    fetch('/sim/api/otp?aadhaar=' + encodeURIComponent(aadhaar)).then(function (r) { return r.json(); }).then(function (json) {
      $('otp-out').textContent = json.otp ? 'OTP ' + json.otp : (json.error || 'no OTP');
    });
  });
  $('send').addEventListener('click', sendText);
  // A voice note, simulated: what is typed is the transcript the note carries (see local/speech).
  $('voice').addEventListener('click', function () {
    var text = $('text').value.trim();
    if (!text) { toast('Type what the voice note says, then tap the microphone', true); return; }
    $('text').value = '';
    send({ voice: { transcript: text, language: /[\u0C00-\u0C7F]/.test(text) ? 'te' : 'en' } });
  });
  $('text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); sendText(); }
  });
  $('photo').addEventListener('change', function () {
    var file = this.files && this.files[0];
    this.value = '';
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var body = { image_base64: String(reader.result).split(',')[1] };
      if (file.type === 'image/png' || file.type === 'image/jpeg') body.image_mime_type = file.type;
      var caption = $('text').value.trim();
      if (caption) { body.text = caption; $('text').value = ''; }
      send(body);
    };
    reader.readAsDataURL(file);
  });
  function advance(seconds) {
    postJson('/sim/api/clock', { advance_seconds: seconds }).then(function (res) {
      if (res.ok) toast('Clock moved to ' + clockLabel(res.json.now));
      else toast(res.json.error || 'clock refused', true);
      state.signature = '';
      poll();
    });
  }
  $('advance-hour').addEventListener('click', function () { advance(3600); });
  $('advance-day').addEventListener('click', function () { advance(86400); });
  $('sheet-close').addEventListener('click', closeSheet);
  $('sheet-backdrop').addEventListener('click', function (event) { if (event.target === this) closeSheet(); });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') closeSheet(); });

  // /sim?wa_id=… opens that number's chat under the name its person has (or ?name=…); otherwise the last chat.
  var params = new URLSearchParams(location.search);
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem('mitra-sim-identity') || 'null'); } catch (error) { saved = null; }
  function startIdentity() {
    var asked = identityOf(params.get('wa_id'));
    if (asked) return { waId: asked, name: params.get('name') || nameOf(asked) };
    if (saved && saved.waId) return { waId: String(saved.waId), name: saved.name || nameOf(String(saved.waId)) };
    return { waId: CONFIG.defaultWaId, name: params.get('name') || CONFIG.defaultName };
  }
  var first = startIdentity();
  setIdentity(first.waId, first.name);
  loadDepartmentNames();
})();
`;
