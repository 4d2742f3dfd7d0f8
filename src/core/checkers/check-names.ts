/**
 * What each check that can go unjudged is about, as a learner would name it. A row that could not
 * be judged says which check it is, so two "not checked" rows never read alike.
 */
export const CHECK_NAMES = {
  tagged: 'The image’s name',
  'image-config': 'The image’s configuration',
  'steps-reported': 'The list of build steps',
  'previous-build': 'The earlier build',
  'install-cached': 'The dependency install step',
  'source-rebuilt': 'The app code step',
  'container-running': 'Whether the container runs',
  'port-published': 'The published port',
  'status-ok': 'The status',
  body: 'The answer’s body',
  'start-command': 'The start command',
  'listens-on-all-interfaces': 'The server’s address',
  'build-context': 'Where the app code is copied',
  'no-reload': 'Whether the server reloads',
  port: 'The server’s port',
  reloaded: 'The reload',
  restarted: 'The app’s restart',
  'new-answer': 'The new answer',
  'engine-recent': 'The engine’s version',
} as const;

export type NamedCheck = keyof typeof CHECK_NAMES;
