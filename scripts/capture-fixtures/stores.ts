/**
 * Output of the containerd image store (Docker Desktop's and fresh Engine 29 installs' default):
 * the build's export lines, the image list, the history. Run only inside one lock hold that
 * switches the lab to that store and back:
 *   flock /tmp/layerwise-docker.lock bash -c 'DOCKER_LAB_STORE=containerd bash ../shared/docker-lab/up.sh && npx tsx scripts/capture-fixtures/capture.ts containerd; bash ../shared/docker-lab/up.sh'
 */
import { capture, sh } from './lab.ts';
import { workspace } from './workspace.ts';

export function captureContainerdStore(): void {
  const store = sh("docker info --format '{{.DriverStatus}}'").out;
  if (!store.includes('io.containerd.snapshotter'))
    throw new Error(`not the containerd store: ${store}`);
  const w = workspace();
  const note = 'containerd image store (DOCKER_LAB_STORE=containerd)';
  const c = (name: string, command: string, ttyCols?: number) =>
    capture({ name, command, cwd: w.dir, note, ...(ttyCols ? { ttyCols } : {}) });
  try {
    c('containerd-build-plain', 'docker build --no-cache --progress plain -t parser-demo .');
    c('containerd-build-tty-100', 'docker build -t parser-demo .', 100);
    w.append('app/main.py', '\n# edited\n');
    c('containerd-build-edit-plain', 'docker build --progress plain -t parser-demo .');
    c('containerd-images', 'docker images parser-demo');
    c('containerd-image-ls-tree', 'docker image ls --tree parser-demo');
    c('containerd-history', 'docker history parser-demo');
  } finally {
    sh('docker rmi parser-demo >/dev/null');
  }
}
