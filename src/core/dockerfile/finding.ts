/** Every finding id `analyse` can return, with its severity. README.md lists them for people; a test keeps both in step. */
import type { Finding } from '../docker/index.ts';

export const SEVERITY = {
  'empty-dockerfile': 'error',
  'too-large': 'error',
  'not-a-dockerfile': 'error',
  'unknown-instruction': 'error',
  'missing-arguments': 'error',
  'no-from': 'error',
  'expose-invalid': 'error',
  'base-image-no-tag': 'warning',
  'base-image-latest': 'warning',
  'base-image-eol': 'warning',
  'workdir-relative': 'warning',
  'workdir-missing': 'warning',
  'install-after-source': 'warning',
  'pip-no-cache-dir': 'warning',
  'pip-inline-packages': 'warning',
  'dockerignore-missing': 'warning',
  'dockerignore-unknown': 'info',
  'dockerignore-incomplete': 'info',
  'add-instead-of-copy': 'warning',
  'invalid-json-form': 'error',
  'cmd-shell-form': 'warning',
  'entrypoint-shell-form': 'warning',
  'cmd-multiple': 'warning',
  'cmd-missing': 'warning',
  'exec-form-variable': 'error',
  'server-host-loopback': 'error',
  'server-host-missing': 'error',
  'server-reload': 'warning',
  'port-mismatch': 'warning',
  'expose-missing': 'info',
  'app-path-not-copied': 'warning',
} as const satisfies Record<string, Finding['severity']>;

export type FindingId = keyof typeof SEVERITY;

export function finding(id: FindingId, line: number, message: string, hint: string): Finding {
  return { id, severity: SEVERITY[id], message, hint, line };
}
