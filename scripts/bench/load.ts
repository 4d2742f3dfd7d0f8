/** The machine's 1-minute load average, printed beside figures taken on a shared machine. */
import { cpus, loadavg } from 'node:os';

export const load = () => `${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
