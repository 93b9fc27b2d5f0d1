export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The fields a 400 answer names, in its order. */
export const fieldsOf = (answer: Answer<{ errors: { field: string }[] }>) =>
  answer.body.errors.map((error) => error.field);

export interface ApiClient {
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  put(path: string, body?: unknown): Promise<Answer>;
  patch(path: string, body?: unknown): Promise<Answer>;
  /** An action on a ticket, by this client's person or, given `as`, by the holder of that token. */
  act(number: string, action: string, body?: unknown, as?: string): Promise<Answer>;
  as(token: string): ApiClient;
}

/**
 * A thin HTTP client for the API under test: real requests over loopback, each carrying `token` as
 * `Authorization: Bearer` when given; `as(token)` is the same client for another person.
 */
export function apiClient(baseUrl: string, token?: string): ApiClient {
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    // Metrics and CSV answers come back as their text.
    const json = /json/.test(response.headers.get('content-type') ?? '');
    const answer = text && json ? JSON.parse(text) : text || undefined;
    return { status: response.status, body: answer, headers: response.headers };
  }
  const client: ApiClient = {
    get: (path, headers) => call('GET', path, undefined, headers),
    post: (path, body, headers) => call('POST', path, body, headers),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    act: (number, action, body = {}, as) =>
      (as === undefined ? client : apiClient(baseUrl, as)).post(`/tickets/${number}/actions/${action}`, body),
    as: (other) => apiClient(baseUrl, other),
  };
  return client;
}
