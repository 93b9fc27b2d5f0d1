export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A thin HTTP client for the API under test: real requests over loopback. */
export function apiClient(baseUrl: string) {
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    act: (number: string, action: string, body: unknown = {}, actor = 'agent@desk.example') =>
      call('POST', `/tickets/${number}/actions/${action}`, body, { 'X-Actor': actor }),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
