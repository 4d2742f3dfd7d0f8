/**
 * A bad frontmatter must stop the site's build with a message naming the file and the field.
 * Runs Astro's own content sync on a throwaway project holding one bad lesson.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaled } from '../../machine-pace.ts';

// a limit for an idle machine, scaled for this one (tests/machine-pace.ts)
const BUILD_LIMIT = scaled(60_000);

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'layerwise-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function project(lesson: string) {
  mkdirSync(join(dir, 'content/lessons'), { recursive: true });
  mkdirSync(join(dir, 'src/content'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  cpSync(join(ROOT, 'src/content.config.ts'), join(dir, 'src/content.config.ts'));
  cpSync(join(ROOT, 'src/content/lesson-schema.ts'), join(dir, 'src/content/lesson-schema.ts'));
  // the schema reads the exercise ids from the catalog (src/core/checkers/catalog.ts)
  symlinkSync(join(ROOT, 'src/core'), join(dir, 'src/core'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()] };\n",
  );
  writeFileSync(join(dir, 'content/lessons/broken-lesson.mdx'), lesson);
}

describe('the site build', () => {
  it(
    'fails on a bad frontmatter, naming the file and the field',
    () => {
      project(
        '---\ntitle: Broken\norder: 1\nsummary: A lesson with a mistake.\nobjectives: [one]\nestimatedMinutes: soon\n---\n\nText.\n',
      );
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
        },
      );
      const said = `${r.stdout}\n${r.stderr}`;
      expect(r.status).not.toBe(0);
      expect(said).toContain('broken-lesson.mdx');
      expect(said).toContain('estimatedMinutes');
    },
    BUILD_LIMIT,
  );
});
