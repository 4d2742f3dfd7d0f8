/** One HTTP exchange between the sandbox's curl (or a browser preview) and a server in it. */

export interface HttpRequest {
  method: string;
  /** the request target: path and query string, as sent on the request line */
  target: string;
  /** as sent (curl adds Host, User-Agent and Accept) */
  headers: [string, string][];
  body: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  /** in the order the server sends them, names lower case as uvicorn sends them */
  headers: [string, string][];
  body: string;
}

/** RFC 7231 date, as the `date` header carries it. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
