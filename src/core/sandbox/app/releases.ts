/**
 * What differs between the two Python lines the lab records (tests/fixtures/python/real): the
 * FastAPI release installed beside Uvicorn (its /docs and /openapi.json differ) and Uvicorn's
 * exit code when the app's module or attribute is missing. Small, so that starting an app needs
 * nothing of the recorded tracebacks (import-errors.ts loads when a start fails).
 */
export interface Release {
  fastapi: string;
  /** uvicorn 0.53 exits 3 (STARTUP_FAILURE), 0.32 exits 1 */
  startupFailure: number;
}

const RELEASES: Record<string, Release> = {
  '3.14': { fastapi: '0.143.3', startupFailure: 3 },
  '3.13': { fastapi: '0.115.11', startupFailure: 1 },
};

/** The recorded release for this Python (3.13 and 3.14 were recorded; others borrow 3.14's). */
export function releaseFor(version: string): Release {
  return RELEASES[version] ?? RELEASES['3.14']!;
}
