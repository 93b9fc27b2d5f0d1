// The API as the signed-in person: their personal token goes with every request.

const TOKEN_KEY = 'ticketflow.token';

// sessionStorage, not localStorage: the token is gone when the tab closes.
export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An answer other than 2xx: `errors` are the API's field-by-field problems (`{field, message}`). */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? `the API answered ${status}`);
    this.status = status;
    this.body = body ?? {};
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }
}

async function call(method, path, body) {
  // A FormData body is sent as multipart/form-data, with the boundary the browser chooses.
  const form = body instanceof FormData;
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${session.token()}`,
      ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined || form ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const answer = text ? JSON.parse(text) : undefined;
  if (response.status === 401) {
    // A revoked or mistyped token: back to the sign-in page, which says why.
    session.signOut();
    window.dispatchEvent(new CustomEvent('signed-out', { detail: answer?.error }));
  }
  if (!response.ok) throw new ApiError(response.status, answer);
  return answer;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body ?? {}),
  /** Files to a ticket, in the multipart field the API reads them from. */
  attach: (number, files) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    return call('POST', `/tickets/${encodeURIComponent(number)}/attachments`, form);
  },
  /** A file the desk keeps, as a Blob: a plain link could not carry the token. */
  download: async (path) => {
    const response = await fetch(path, { headers: { authorization: `Bearer ${session.token()}` } });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => undefined));
    return response.blob();
  },
};

/** `{a: 1, b: undefined}` → `?a=1`. */
export function query(params) {
  const defined = Object.entries(params).filter(([, value]) => value !== undefined && value !== '');
  return defined.length ? `?${new URLSearchParams(defined)}` : '';
}
