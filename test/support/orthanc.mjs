/**
 * Starts a real Orthanc (Debian's `orthanc` + `orthanc-dicomweb`) on 127.0.0.1 for the DICOMweb
 * tests, in a temporary folder, and uploads the test series. When Orthanc is not installed the
 * tests that need it say so and are counted as skipped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARY = process.env.ORTHANC_PATH ?? '/usr/sbin/Orthanc';
const PLUGIN = process.env.ORTHANC_DICOMWEB_PLUGIN ?? '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** @returns {Promise<{ available: true, url: string, upload(buffer: ArrayBuffer|Uint8Array): Promise<void>, stop(): void } | { available: false, reason: string }>} */
export async function startOrthanc() {
  if (!existsSync(BINARY) || !existsSync(PLUGIN)) {
    return {
      available: false,
      reason: `Orthanc is not installed (looked for ${BINARY} and ${PLUGIN}). Install it with: sudo apt-get install -y orthanc orthanc-dicomweb`,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pv-orthanc-'));
  const port = await freePort();
  const config = {
    Name: 'patient-image-viewer-tests',
    StorageDirectory: join(dir, 'db'),
    IndexDirectory: join(dir, 'db'),
    HttpPort: port,
    DicomPort: 0,
    DicomServerEnabled: false,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    HttpServerEnabled: true,
    Plugins: [PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: false, Ssl: false, StudiesMetadata: 'Full', SeriesMetadata: 'Full' },
    StableAge: 1,
    LogExportedResources: false,
  };
  const configPath = join(dir, 'orthanc.json');
  writeFileSync(configPath, JSON.stringify(config));
  const child = spawn(BINARY, [configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/system`);
      if (response.ok) {
        return {
          available: true,
          url,
          async upload(buffer) {
            const res = await fetch(`${url}/instances`, { method: 'POST', body: buffer });
            if (!res.ok) throw new Error(`Orthanc upload failed: ${res.status} ${await res.text()}`);
          },
          stop,
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  return { available: false, reason: `Orthanc did not start: ${stderr.trim().split('\n').slice(-3).join(' / ')}` };
}
