/** Pieces the scenarios share: the course's build, and waiting for a container's app to start. */
import type { Step } from '../lab.ts';

export const BUILD = 'docker build -t demo-image:latest .';
/** The course's container: detached, named, port 8000 published. */
export const RUN_DEMO = 'docker run -d --name demo -p 8000:8000 demo-image';
/** What `docker run -d` prints: the new container's full ID. */
export const CONTAINER_ID = /^[0-9a-f]{64}\n$/;

/** A build the lesson does not show again (its output is shown where the lesson teaches building). */
export const quietBuild = (run = BUILD): Step => ({ run, claims: { exitCode: 0 } });

/** Uvicorn's last startup line: the app answers from here on. */
export const STARTED = /Application startup complete/;

/** Waits, as a learner would before opening the page, until the container's app has started. */
export const started = (container = 'demo') => ({
  poll: `docker logs ${container}`,
  until: STARTED,
});

/** Waits until no container has the name, e.g. after a `--rm` container was stopped. */
export const nameFree = (container = 'demo') => ({
  poll: `docker ps -a --filter name=^/${container}$ --format x`,
  until: /^$/,
});

export const ROOT_BODY = '"Welcome to root"';
export const CHANGED_BODY = '"Welcome back to root!"';
