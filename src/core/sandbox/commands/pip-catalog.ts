/**
 * The Python distributions the sandbox knows, per Python: 3.13's (versions from `pip freeze` in
 * the lab's python:3.13-slim, tests/fixtures/sandbox/real/pip-freeze.txt, also the learner's
 * laptop) and python:3.14-slim's (the lab's `pip list` and the requirements pip printed for the
 * course's requirements.txt, tests/scenarios/recorded/01-first-build.json), with their
 * requirements as pip prints them.
 */

export interface Distribution {
  /** the name `pip freeze` prints */
  name: string;
  version: string;
  requires: string[];
  extras?: Record<string, string[]>;
}

const D = (
  name: string,
  version: string,
  requires: string[] = [],
  extras?: Record<string, string[]>,
): Distribution => ({ name, version, requires, ...(extras ? { extras } : {}) });

export const CATALOG = new Map<string, Distribution>(
  [
    D(
      'fastapi',
      '0.115.11',
      [
        'starlette<0.47.0,>=0.40.0',
        'pydantic!=1.8,!=1.8.1,!=2.0.0,!=2.0.1,!=2.1.0,<3.0.0,>=1.7.4',
        'typing-extensions>=4.8.0',
      ],
      {
        standard: [
          'fastapi-cli[standard]>=0.0.5',
          'httpx>=0.23.0',
          'jinja2>=3.1.5',
          'python-multipart>=0.0.18',
          'email-validator>=2.0.0',
          'uvicorn[standard]>=0.12.0',
        ],
      },
    ),
    D('uvicorn', '0.32.0', ['click>=7.0', 'h11>=0.8'], {
      standard: [
        'httptools>=0.5.0',
        'python-dotenv>=0.13',
        'pyyaml>=5.1',
        'uvloop!=0.15.0,!=0.15.1,>=0.14.0',
        'watchfiles>=0.13',
        'websockets>=10.4',
      ],
    }),
    D('starlette', '0.46.1', ['anyio<5,>=3.6.2']),
    D('pydantic', '2.10.6', [
      'annotated-types>=0.6.0',
      'pydantic-core==2.27.2',
      'typing-extensions>=4.12.2',
    ]),
    D('typing_extensions', '4.13.2'),
    D('click', '8.1.8'),
    D('h11', '0.14.0'),
    D('annotated-types', '0.7.0'),
    D('pydantic_core', '2.27.2', ['typing-extensions!=4.7.0,>=4.6.0']),
    D('anyio', '4.8.0', ['idna>=2.8', 'sniffio>=1.1']),
    D('idna', '3.10'),
    D('sniffio', '1.3.1'),
    D('fastapi-cli', '0.0.7', ['typer>=0.12.3', 'rich-toolkit>=0.11.1'], {
      standard: ['uvicorn[standard]>=0.15.0'],
    }),
    D('typer', '0.15.2', ['click>=8.0.0', 'rich>=10.11.0', 'shellingham>=1.3.0']),
    D('rich', '13.9.4', ['markdown-it-py>=2.2.0', 'pygments<3.0.0,>=2.13.0']),
    D('rich-toolkit', '0.13.2', ['rich>=13.7.1']),
    D('shellingham', '1.5.4'),
    D('markdown-it-py', '3.0.0', ['mdurl~=0.1']),
    D('mdurl', '0.1.2'),
    D('pygments', '2.19.1'),
    D('httpx', '0.28.1', ['anyio', 'certifi', 'httpcore==1.*', 'idna']),
    D('httpcore', '1.0.7', ['certifi', 'h11<0.15,>=0.13']),
    D('certifi', '2025.1.31'),
    D('jinja2', '3.1.6', ['MarkupSafe>=2.0']),
    D('MarkupSafe', '3.0.2'),
    D('python-multipart', '0.0.20'),
    D('email_validator', '2.2.0', ['dnspython>=2.0.0', 'idna>=2.0.0']),
    D('dnspython', '2.7.0'),
    D('httptools', '0.6.4'),
    D('python-dotenv', '1.0.1'),
    D('PyYAML', '6.0.2'),
    D('uvloop', '0.21.0'),
    D('watchfiles', '1.0.4', ['anyio>=3.0.0']),
    D('websockets', '15.0.1'),
    D('requests', '2.32.3', [
      'charset-normalizer<4,>=2',
      'idna<4,>=2.5',
      'urllib3<3,>=1.21.1',
      'certifi>=2017.4.17',
    ]),
    D('charset-normalizer', '3.4.1'),
    D('urllib3', '2.3.0'),
  ].map((d) => [canonical(d.name), d]),
);

/**
 * python:3.14-slim on the lab (Python 3.14.8). Only the requirements pip printed there are listed
 * (each name prints once, from the first parent that needs it), so the tree prints as it did.
 */
const CATALOG_314 = new Map<string, Distribution>(
  [
    D('fastapi', '0.143.3', [
      'starlette>=0.46.0',
      'pydantic>=2.9.0',
      'typing-extensions>=4.8.0',
      'typing-inspection>=0.4.2',
      'annotated-doc>=0.0.2',
      'opentelemetry-api>=1.44.0',
    ]),
    D('uvicorn', '0.53.0', ['click>=7.0', 'h11>=0.8']),
    D('starlette', '1.9.0', ['anyio<5,>=4.0.0']),
    D('pydantic', '2.13.5', ['annotated-types>=0.6.0', 'pydantic-core==2.46.5']),
    D('pydantic_core', '2.46.5'),
    D('anyio', '4.15.1', ['idna>=2.8']),
    D('typing_extensions', '4.16.0'),
    D('typing-inspection', '0.4.4'),
    D('annotated-types', '0.8.0'),
    D('annotated-doc', '0.0.5'),
    D('opentelemetry-api', '1.45.1'),
    D('click', '8.3.3'),
    D('h11', '0.16.0'),
    D('idna', '3.20'),
    D('uvloop', '0.23.0'),
    D('wsproto', '1.3.2'),
    D('email-validator', '2.3.0'),
    D('dnspython', '2.8.0'),
    D('packaging', '26.2'),
  ].map((d) => [canonical(d.name), d]),
);

/** PEP 503 names: `Typing_Extensions` and `typing-extensions` are one package. */
export function canonical(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface Requirement {
  name: string;
  extras: string[];
  /** specifiers as pip prints them: sorted, comma-joined */
  spec: string;
  /** the requirement as pip names it in messages */
  text: string;
}

/** `fastapi[standard]>=0.115,<1.0 ; python_version>"3"` → name, extras, sorted specifiers. */
export function parseRequirement(line: string): Requirement | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*([^;#]*)/.exec(line);
  if (!m) return null;
  const spec = m[3]!
    .split(',')
    .map((s) => s.replace(/\s+/g, ''))
    .filter(Boolean)
    .sort()
    .join(',');
  const extras = (m[2] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return {
    name: m[1]!,
    extras,
    spec,
    text: `${m[1]}${extras.length ? `[${extras.join(',')}]` : ''}${spec}`,
  };
}

/** The order pip's resolver reported the demo's tree in (real runs), so output matches line for line. */
const ORDER_313 = [
  'starlette',
  'pydantic',
  'typing-extensions',
  'click',
  'h11',
  'annotated-types',
  'pydantic-core',
  'anyio',
  'idna',
  'sniffio',
].map(canonical);
const ORDER_314 = [
  'starlette',
  'pydantic',
  'typing-extensions',
  'typing-inspection',
  'annotated-doc',
  'opentelemetry-api',
  'click',
  'h11',
  'annotated-types',
  'pydantic-core',
  'anyio',
  'idna',
].map(canonical);

export interface Catalog {
  dists: Map<string, Distribution>;
  order: string[];
}

/** The distributions a Python (`3.13`, `3.14`) has; 3.13's for any other. */
export function catalogFor(python = '3.13'): Catalog {
  return python === '3.14'
    ? { dists: CATALOG_314, order: ORDER_314 }
    : { dists: CATALOG, order: ORDER_313 };
}

export interface Resolved {
  dist: Distribution;
  requirement: Requirement;
  /** the chain pip prints after `from`, nearest parent first; empty for top level */
  parents: string[];
}

/** Top-level requirements then their dependencies, each once; unknown names come back in `missing`. */
export function resolve(
  top: { requirement: Requirement; origin: string }[],
  { dists, order }: Catalog = catalogFor(),
): {
  resolved: Resolved[];
  missing: Requirement | null;
} {
  const seen = new Set<string>();
  const resolved: Resolved[] = [];
  const deps: Resolved[] = [];
  const queue: { requirement: Requirement; parents: string[]; topLevel: boolean }[] = top.map(
    (t) => ({ requirement: t.requirement, parents: [t.origin], topLevel: true }),
  );
  while (queue.length) {
    const { requirement, parents, topLevel } = queue.shift()!;
    const key = canonical(requirement.name);
    const dist = dists.get(key);
    if (!dist) return { resolved, missing: requirement };
    if (seen.has(key)) continue;
    seen.add(key);
    (topLevel ? resolved : deps).push({
      dist,
      requirement,
      parents: topLevel ? parents.filter(Boolean) : parents,
    });
    const children = [
      ...dist.requires,
      ...requirement.extras.flatMap((e) => dist.extras?.[e] ?? []),
    ];
    for (const child of children) {
      const r = parseRequirement(child);
      if (r)
        queue.push({
          requirement: r,
          parents: [requirement.text, ...parents].filter(Boolean),
          topLevel: false,
        });
    }
  }
  const rank = (r: Resolved) =>
    order.includes(canonical(r.dist.name)) ? order.indexOf(canonical(r.dist.name)) : order.length;
  return { resolved: [...resolved, ...deps.sort((a, b) => rank(a) - rank(b))], missing: null };
}
