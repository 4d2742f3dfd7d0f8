/** Where a Python environment keeps things, for the paths tracebacks and `sys.argv` show. */

/** Where an environment keeps its scripts, packages and standard library. */
export interface PythonLayout {
  /** the interpreter's minor version, `3.13` or `3.14` */
  version: string;
  /** the console scripts' directory: `/usr/local/bin`, or a venv's `bin` */
  bin: string;
  sitePackages: string;
  /** the standard library: `/usr/local/lib/python3.13` */
  stdlib: string;
}

/**
 * The official image's layout (`/usr/local`), for the version its `PYTHON_VERSION` names, else the
 * one the image holds (`installed`: the lab's stand-ins set no `PYTHON_VERSION`).
 */
export function imageLayout(
  env: Readonly<Record<string, string>>,
  installed?: string,
): PythonLayout {
  const version = /^(\d+\.\d+)/.exec(env['PYTHON_VERSION'] ?? '')?.[1] ?? installed ?? '3.13';
  return {
    version,
    bin: '/usr/local/bin',
    sitePackages: `/usr/local/lib/python${version}/site-packages`,
    stdlib: `/usr/local/lib/python${version}`,
  };
}

/** The learner's laptop: Debian's Python 3.13, or the active venv on top of it. */
export function hostLayout(venv: string | null): PythonLayout {
  const version = '3.13';
  return {
    version,
    bin: venv ? `${venv}/bin` : '/usr/bin',
    sitePackages: venv
      ? `${venv}/lib/python${version}/site-packages`
      : '/usr/lib/python3/dist-packages',
    stdlib: `/usr/lib/python${version}`,
  };
}
