// The console speaks the platform's REST API like any client: the session cookie travels by itself,
// and every change carries the session's CSRF token. Errors arrive as RFC 9457 problems.
let csrfToken = null;
const unauthorizedListeners = new Set();

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || String(status));
    this.status = status;
    this.title = problem.title;
    this.detail = problem.detail || problem.title || String(status);
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called with the problem whenever the platform answers 401: the session has ended. */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Calls the API at an absolute path ('/api/...'). A plain object body goes as JSON; a string or
 * Blob as it is, with options.contentType. Answers the parsed JSON (or text), or the Response with
 * options.raw; throws an ApiProblem for anything but 2xx.
 */
export async function api(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  // X-Requested-With: a 401 then comes without a Basic challenge, so the browser shows no password dialog.
  const headers = { Accept: 'application/json', 'X-Requested-With': 'district-console', ...(options.headers || {}) };
  if (!SAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body = options.body;
  if (body !== undefined && body !== null && !(body instanceof Blob) && typeof body !== 'string') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    throw new ApiProblem(0, { title: 'Unreachable', detail: error.message });
  }
  if (!response.ok) {
    let problem = { title: response.statusText, detail: `${response.status} ${response.statusText}` };
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try {
        problem = await response.json();
      } catch (ignored) {
        // keep the status line
      }
    }
    const failure = new ApiProblem(response.status, problem);
    if (response.status === 401) unauthorizedListeners.forEach((listener) => listener(failure));
    throw failure;
  }
  if (options.raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}
