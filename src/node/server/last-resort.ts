/**
 * The last line of defence for `npm start`: an error that escapes every handler (a library throwing
 * inside its own callback, as docker-modem once did on an engine's redirect, audit F1) is logged in
 * one line and the server keeps answering. Each request is independent and holds no shared state
 * that such an error could leave half-written, so serving on is safer for the learner than a dead
 * course page. Only the entry points that serve (scripts/start.ts, scripts/serve-dist.ts) call it.
 */
export function keepServing(env: NodeJS.ProcessEnv = process.env): void {
  const report = (error: unknown) => {
    const debug = env['LAYERWISE_DEBUG'] === '1';
    const text =
      error instanceof Error
        ? debug
          ? (error.stack ?? String(error))
          : String(error)
        : String(error);
    console.error(
      `layerwise: an internal error was caught and the server keeps running: ${text}${debug ? '' : ' (set LAYERWISE_DEBUG=1 for the stack)'}`,
    );
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}
