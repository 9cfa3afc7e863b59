// The evidence store's page for people: it calls the same /api/v1 as every client, with the
// token the person pasted. Data is only ever inserted as text (textContent), never as HTML.

const TOKEN_KEY = 'evidence-store.token';
const PAGE_SIZE = 50;
/** The repeatable timeline filters that the form holds as comma-separated lists (api.md). */
const LIST_FILTERS = ['agreementId', 'controllerId', 'actor', 'category', 'purpose'];
const EXPORTING_ROLES = ['AUDITOR', 'ADMIN'];
const READING_ROLES = ['SECURITY', 'AUDITOR', 'ADMIN'];

/** The articles a verdict can cite, in the agreement's own numbering (domain.md). */
const ARTICLES = {
  '1.1': 'Processing only on the controller\'s documented instruction',
  '1.3': 'No processing for any purpose other than those agreed',
  '2.3': 'People under the processor\'s authority are bound too',
  '3.1': 'Sub-processors only with the controller\'s prior written consent',
  '3.2': 'No transfer outside the EEA without explicit prior written consent',
  '6.1': 'Report a breach to the controller immediately',
  '6.3': 'What a breach notification must state',
  '7.1': 'Forward requests of data subjects to the controller',
  '8.1': 'Confidentiality of the personal data',
  '11.1': 'In force from the date of the last signature',
  '11.2': 'After termination: stop processing and delete the data',
  '11.3': 'Amendments need one month\'s notice',
  ANNEX_1: 'Only the categories of personal data listed in Annex 1',
};

const OBLIGATIONS = {
  BREACH_CONTROLLER_NOTIFICATION: 'Notify the controller of a breach (Art. 6.1)',
  BREACH_AUTHORITY_NOTIFICATION: 'Notify the supervisory authority of a breach (GDPR Art. 33)',
  SUBJECT_REQUEST_FORWARDING: 'Forward a data subject\'s request (Art. 7.1)',
  SUBJECT_REQUEST_ANSWER: 'Answer a data subject\'s request (GDPR Art. 12(3))',
  DELETION: 'Delete the controller\'s data after the agreement ended (Art. 11.2)',
};

const FACET_FIELDS = { actor: 'Actor', category: 'Category', purpose: 'Purpose', verdict: 'Verdict' };

const $ = (id) => document.getElementById(id);

/** A refused call, with the server's own explanation (problem+json detail). */
class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

const search = { params: null, nextCursor: null, items: new Map(), lastRow: null };

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value);
  }
  children.filter((child) => child !== null).forEach((child) => element.append(child));
  return element;
}

function say(text, kind = 'info') {
  const message = $('message');
  message.textContent = text;
  message.className = `message ${kind}`;
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function call(path, options = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token()}`, ...options.headers };
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    signOut('The token was not accepted (401). Sign in again.', 'error');
    throw new ApiError(401, 'not signed in');
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response;
}

async function problemOf(response) {
  let detail = `The server answered ${response.status}.`;
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    const problem = await response.json().catch(() => ({}));
    const fields = (problem.errors || []).map((error) => `${error.field}: ${error.message}`);
    detail = [problem.detail || problem.title || detail, ...fields].join(' — ');
  }
  return new ApiError(response.status, detail);
}

/** Shows a refusal; a 401 has already sent the person back to the sign-in form. */
function report(error) {
  if (error instanceof ApiError && error.status === 401) return;
  say(error instanceof ApiError ? error.message : `The server could not be reached: ${error.message}`, 'error');
}

// Sign in and out

async function signIn(event) {
  event.preventDefault();
  const pasted = $('token').value.trim();
  if (!pasted) {
    say('Paste a token first.', 'error');
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, pasted);
  $('token').value = '';
  await start();
}

function signOut(text = 'Signed out.', kind = 'info') {
  sessionStorage.removeItem(TOKEN_KEY);
  $('app').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  say(text, kind);
  $('token').focus();
}

async function start() {
  let principal;
  try {
    principal = await (await call('/api/v1/principal')).json();
  } catch (error) {
    report(error);
    return;
  }
  $('who-name').textContent = principal.name;
  $('who-roles').textContent = principal.roles.join(', ')
      + (principal.controllers.length ? ` of ${principal.controllers.join(', ')}` : '');
  $('who').hidden = false;
  $('sign-in').hidden = true;
  if (!principal.roles.some((role) => READING_ROLES.includes(role))) {
    say(`The role ${principal.roles.join(', ')} may send facts but not read them; sign in with another token.`, 'error');
    return;
  }
  $('app').hidden = false;
  $('export').hidden = !principal.roles.some((role) => EXPORTING_ROLES.includes(role));
  say(`Signed in as ${principal.name}.`);
  $('q').focus();
  await Promise.all([loadDeadlines(), runSearch(false), $('export').hidden ? null : loadAgreements()]);
}

// Search

function listOf(text) {
  return text.split(',').map((value) => value.trim()).filter((value) => value !== '');
}

/** A bare date means the whole day: its first instant for "from", its last for "to". */
function instantOf(text, endOfDay) {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return `${value}T${endOfDay ? '23:59:59.999999' : '00:00:00'}Z`;
  }
  return value;
}

function searchParams() {
  const params = new URLSearchParams();
  const q = $('q').value.trim();
  if (q) params.append('q', q);
  for (const field of LIST_FILTERS) {
    listOf($(`f-${field}`).value).forEach((value) => params.append(field, value));
  }
  if ($('f-verdict').value) params.append('verdict', $('f-verdict').value);
  if ($('f-sensitive').value) params.append('sensitive', $('f-sensitive').value);
  const from = instantOf($('f-from').value, false);
  const to = instantOf($('f-to').value, true);
  if (from) params.append('from', from);
  if (to) params.append('to', to);
  params.append('limit', String(PAGE_SIZE));
  return params;
}

async function runSearch(more) {
  if (!more) {
    search.params = searchParams();
    search.nextCursor = null;
  }
  const params = new URLSearchParams(search.params);
  if (more && search.nextCursor) params.append('cursor', search.nextCursor);
  try {
    const page = await (await call(`/api/v1/timeline?${params}`)).json();
    showPage(page, more);
  } catch (error) {
    report(error);
  }
}

function showPage(page, more) {
  const body = $('results').tBodies[0];
  if (!more) {
    body.replaceChildren();
    search.items.clear();
    showFacets(page.facets || {}, page.facetsExact !== false);
  }
  page.items.forEach((item) => body.append(resultRow(item)));
  search.nextCursor = page.nextCursor;
  $('results').hidden = body.rows.length === 0;
  $('more-button').hidden = !page.nextCursor;
  const total = page.totalExact === false ? `at least ${page.total}` : String(page.total);
  $('total').textContent = page.total === 0 ? 'No access matches.'
      : `${total} ${page.total === 1 ? 'access' : 'accesses'} match; showing ${body.rows.length}, newest first.`;
}

function resultRow(item) {
  search.items.set(item.accessId, item);
  const open = el('button', { type: 'button', class: 'link', 'data-access': item.accessId, text: item.accessId });
  const row = el('tr', { class: item.verdict === 'VIOLATION' ? 'violation' : '' },
      el('td', {}, open),
      el('td', { text: instant(item.occurredAt) }),
      el('td', {}, verdictBadge(item.verdict)),
      el('td', { text: `${item.actor.id} (${item.actor.kind})` }),
      el('td', { text: item.purpose }),
      el('td', {}, categoryList(item.categories)),
      el('td', { text: item.agreementId }));
  row.addEventListener('click', () => openAccess(item.accessId, row));
  return row;
}

function verdictBadge(verdict) {
  // Text and symbol as well as colour, so the verdict does not depend on seeing colour.
  const violation = verdict === 'VIOLATION';
  return el('span', { class: `badge ${violation ? 'badge-violation' : 'badge-compliant'}`,
    text: `${violation ? '✗' : '✓'} ${verdict}` });
}

function categoryList(categories) {
  const list = el('ul', { class: 'categories' });
  for (const category of categories) {
    list.append(category.sensitive
      ? el('li', { class: 'sensitive', title: 'Special category (GDPR Art. 9) or national identifier' },
          `${category.category} `, el('span', { class: 'tag', text: 'sensitive' }))
      : el('li', { text: category.category }));
  }
  return list;
}

/** Past 100,000 hits the store counts facets on a sample and scales them: shown as "≈". */
function showFacets(facets, exact) {
  const groups = $('facet-groups');
  groups.replaceChildren();
  for (const [field, label] of Object.entries(FACET_FIELDS)) {
    const counts = Object.entries(facets[field] || {});
    if (counts.length === 0) continue;
    const active = filterValues(field);
    const list = el('ul', { class: 'facet-list' });
    for (const [value, counted] of counts) {
      const count = exact ? String(counted) : `≈${counted}`;
      const pressed = active.includes(value);
      const button = el('button', { type: 'button', class: 'facet', 'data-field': field, 'data-value': value,
        'aria-pressed': String(pressed), 'aria-label': `Filter by ${label.toLowerCase()} ${value}: ${count}` },
      el('span', { text: value }), el('span', { class: 'count', text: count }));
      button.addEventListener('click', () => toggleFilter(field, value));
      list.append(el('li', {}, button));
    }
    groups.append(el('h4', { text: label }), list);
  }
}

function filterValues(field) {
  return field === 'verdict' ? [$('f-verdict').value].filter(Boolean) : listOf($(`f-${field}`).value);
}

/** A facet adds its value to the field's filter (OR within the field, AND with the others); pressed again, it removes it. */
function toggleFilter(field, value) {
  const values = filterValues(field);
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  if (field === 'verdict') {
    $('f-verdict').value = next.length === 1 ? next[0] : '';
  } else {
    $(`f-${field}`).value = next.join(', ');
  }
  runSearch(false);
}

function clearSearch() {
  $('search-form').reset();
  runSearch(false);
}

// An access's detail

function openAccess(accessId, row) {
  const item = search.items.get(accessId);
  search.lastRow = row;
  $('detail-heading').textContent = `Access ${item.accessId}`;
  const fields = $('detail-fields');
  fields.replaceChildren();
  const add = (term, value) => fields.append(el('dt', { text: term }),
      value instanceof Node ? el('dd', {}, value) : el('dd', { text: value ?? '—' }));
  add('Verdict', verdictBadge(item.verdict));
  add('Occurred (UTC)', instant(item.occurredAt));
  add('Recorded (UTC)', instant(item.recordedAt) + (item.recordedLate ? ' — recorded late' : ''));
  add('Agreement', item.agreementId);
  add('Controller', item.controllerId);
  add('Actor', `${item.actor.id} (${item.actor.kind}${item.actor.subProcessorId ? `, sub-processor ${item.actor.subProcessorId}` : ''})`);
  add('Purpose', item.purpose);
  add('Categories', categoryList(item.categories));
  add('Instruction', item.instructionRef
      ? `${item.instructionRef} (${item.instructionVerified ? 'registered instruction' : 'not a registered instruction'})`
      : 'none given');
  add('Country', item.country);
  add('System', item.system);
  add('Event id', item.eventId);
  showViolations(item.violations || []);
  $('detail').hidden = false;
  $('detail').scrollIntoView({ block: 'start' });
  $('detail-heading').focus();
}

function showViolations(violations) {
  const list = $('detail-violations');
  list.replaceChildren();
  if (violations.length === 0) {
    list.append(el('li', { class: 'none', text: 'None: the access kept the agreement.' }));
    return;
  }
  for (const violation of violations) {
    list.append(el('li', { class: 'violation-item' },
        el('strong', { class: 'article', text: articleName(violation.article) }),
        el('span', { class: 'article-title', text: ` — ${ARTICLES[violation.article] || 'an article of the agreement'}` }),
        el('p', { class: 'reason', text: violation.reason })));
  }
}

function articleName(article) {
  return article === 'ANNEX_1' ? 'Annex 1' : `Art. ${article}`;
}

function closeAccess() {
  $('detail').hidden = true;
  search.lastRow?.querySelector('button')?.focus();
}

// Deadlines

async function loadDeadlines() {
  try {
    const list = await (await call('/api/v1/obligations')).json();
    const body = $('deadlines-table').tBodies[0];
    body.replaceChildren(...list.items.map(deadlineRow));
    $('deadlines-table').hidden = list.items.length === 0;
    $('deadlines-empty').hidden = list.items.length !== 0;
  } catch (error) {
    report(error);
  }
}

function deadlineRow(obligation) {
  const concerns = [
    obligation.agreementId && `agreement ${obligation.agreementId}`,
    obligation.controllerId && `controller ${obligation.controllerId}`,
    obligation.breachId && `breach ${obligation.breachId}`,
    obligation.requestId && `request ${obligation.requestId}`,
  ].filter(Boolean).join(', ');
  const state = obligation.overdue
    ? el('span', { class: 'badge badge-overdue', text: '! Overdue' })
    : el('span', { class: 'badge badge-open', text: 'Open' });
  return el('tr', { class: obligation.overdue ? 'overdue' : '' },
      el('td', {}, state),
      el('td', { text: instant(obligation.dueAt) }),
      el('td', { text: OBLIGATIONS[obligation.kind] || obligation.kind }),
      el('td', { text: concerns }));
}

// Evidence bundles

async function loadAgreements() {
  try {
    const list = await (await call('/api/v1/agreements')).json();
    $('export-agreement').replaceChildren(...list.items.map((agreement) => el('option',
        { value: agreement.agreementId, text: `${agreement.agreementId} — ${agreement.controllerName} (${agreement.status})` })));
    const now = new Date();
    $('export-from').value ||= `${now.getUTCFullYear()}-01-01T00:00:00Z`;
    $('export-to').value ||= now.toISOString().replace(/\.\d+Z$/, 'Z');
  } catch (error) {
    report(error);
  }
}

async function exportBundle(event) {
  event.preventDefault();
  const result = $('export-result');
  result.replaceChildren(el('p', { text: 'Building the bundle…' }));
  const request = { agreementId: $('export-agreement').value, from: $('export-from').value.trim(),
    to: $('export-to').value.trim() };
  try {
    const response = await call('/api/v1/evidence-bundles', { method: 'POST', body: JSON.stringify(request),
      headers: { 'Content-Type': 'application/json' } });
    showBundle(await response.json());
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) $('export').hidden = true;
    result.replaceChildren(el('p', { id: 'export-error', class: 'error',
      text: `Not exported: ${error.message}` }));
    report(error);
  }
}

function showBundle(bundle) {
  const link = el('a', { id: 'bundle-download', href: `/api/v1/evidence-bundles/${encodeURIComponent(bundle.bundleId)}`,
    download: `evidence-bundle-${bundle.bundleId}.zip`, text: 'Download the bundle (ZIP)' });
  link.addEventListener('click', (event) => download(event, link));
  $('export-result').replaceChildren(el('dl', { class: 'fields' },
      el('dt', { text: 'Bundle' }), el('dd', { id: 'bundle-id', text: bundle.bundleId }),
      el('dt', { text: 'Root hash' }), el('dd', { class: 'hash', text: bundle.rootHash }),
      el('dt', { text: 'Events' }), el('dd', { text: String(bundle.events) })), link);
  say(`Bundle ${bundle.bundleId} exported.`);
}

/** The download needs the bearer token, which a plain link cannot send: fetch it, then save the bytes. */
async function download(event, link) {
  event.preventDefault();
  try {
    const blob = await (await call(link.getAttribute('href'), { headers: { Accept: 'application/zip' } })).blob();
    const url = URL.createObjectURL(blob);
    const save = el('a', { href: url, download: link.getAttribute('download') });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    report(error);
  }
}

function instant(iso) {
  return iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '') : '—';
}

function wire() {
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', () => signOut());
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runSearch(false);
  });
  $('clear-button').addEventListener('click', clearSearch);
  $('more-button').addEventListener('click', () => runSearch(true));
  $('detail-close').addEventListener('click', closeAccess);
  $('export-form').addEventListener('submit', exportBundle);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('detail').hidden) closeAccess();
  });
  if (token()) start();
  else $('token').focus();
}

wire();
