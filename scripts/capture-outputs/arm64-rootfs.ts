/**
 * A tiny image file system whose Python is built for arm64, for the lab's "exec format error".
 * The lab has no arm64 image and no network, and the error comes from the kernel reading the program's
 * ELF header before it runs a single instruction: a header that says "AArch64" is all it takes, exactly
 * as with a real arm64 python image on an x86-64 machine without emulation.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EM_AARCH64 = 183;

/** An ELF64 little-endian executable header and one program header, machine AArch64; no code. */
function arm64ElfHeader(): Uint8Array {
  const bytes = new Uint8Array(64 + 56);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0); // \x7fELF, 64-bit, little-endian, version 1
  v.setUint16(16, 2, true); // ET_EXEC
  v.setUint16(18, EM_AARCH64, true);
  v.setUint32(20, 1, true);
  v.setBigUint64(24, 0x400078n, true); // entry
  v.setBigUint64(32, 64n, true); // program headers right after this header
  v.setUint16(52, 64, true);
  v.setUint16(54, 56, true);
  v.setUint16(56, 1, true);
  v.setUint32(64, 1, true); // PT_LOAD
  v.setUint32(68, 5, true); // read + execute
  v.setBigUint64(80, 0x400000n, true);
  v.setBigUint64(88, 0x400000n, true);
  v.setBigUint64(96, BigInt(bytes.length), true);
  v.setBigUint64(104, BigInt(bytes.length), true);
  v.setBigUint64(112, 0x1000n, true);
  return bytes;
}

/** Writes `<dir>/rootfs/usr/local/bin/{python3,uvicorn}` as pip lays them out in the official python image. */
export function writeArm64Rootfs(dir: string): void {
  const bin = join(dir, 'rootfs/usr/local/bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'python3'), arm64ElfHeader());
  writeFileSync(
    join(bin, 'uvicorn'),
    '#!/usr/local/bin/python3\nimport sys\nfrom uvicorn.main import main\nsys.exit(main())\n',
  );
  chmodSync(join(bin, 'python3'), 0o755);
  chmodSync(join(bin, 'uvicorn'), 0o755);
}
