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
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${session.token()}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
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
};

/** `{a: 1, b: undefined}` → `?a=1`. */
export function query(params) {
  const defined = Object.entries(params).filter(([, value]) => value !== undefined && value !== '');
  return defined.length ? `?${new URLSearchParams(defined)}` : '';
}
