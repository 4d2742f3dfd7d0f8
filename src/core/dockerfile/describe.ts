/** `describe(text)`: the final image as the Dockerfile sets it up, for checkers that compare Dockerfiles and image configs. */
import { readCopies } from './copies.ts';
import { exposedPorts } from './exposed-ports.ts';
import { effectiveSteps, finalStage, rootImage } from './stages.ts';
import { readText } from './read.ts';
import { findServer, serverAddress } from './server-command.ts';
import { startCommand } from './start-command.ts';
import type { DockerfileSummary } from './types.ts';

const NOTHING: DockerfileSummary = {
  recognized: false,
  baseImage: null,
  stages: 0,
  workdir: null,
  copies: [],
  runs: [],
  cmd: null,
  cmdForm: null,
  entrypoint: null,
  exposed: [],
  server: null,
  serverHost: null,
  serverPort: null,
  app: null,
};

export function describe(text: string): DockerfileSummary {
  const { model } = readText(text);
  const stage = model && finalStage(model);
  if (!model || !stage) return { ...NOTHING, recognized: model !== null };
  const steps = effectiveSteps(stage);
  const start = startCommand(stage);
  const server = findServer(start.argv);
  const address = server && serverAddress(server, stage.env);
  return {
    recognized: true,
    baseImage: (rootImage(stage) ?? stage.image)?.ref ?? null,
    stages: model.stages.length,
    workdir: stage.workdir,
    copies: readCopies(steps).map((c) => ({
      line: c.step.line,
      instruction: c.instruction,
      sources: c.sources,
      dest: c.target,
      from: c.from,
    })),
    runs: steps
      .filter((s) => s.keyword === 'RUN')
      .map((s) => ({
        line: s.line,
        form: s.exec ? 'exec' : 'shell',
        command: s.exec ? s.exec.join(' ') : s.text,
      })),
    cmd: start.cmdConfig,
    cmdForm: start.cmd ? (start.cmd.exec ? 'exec' : 'shell') : null,
    entrypoint: start.entrypointConfig,
    exposed: exposedPorts(steps).ports,
    server: server?.kind ?? null,
    serverHost: address?.host ?? null,
    serverPort: address?.port ?? null,
    app: server?.app ?? null,
  };
}
