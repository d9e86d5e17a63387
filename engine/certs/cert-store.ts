// The certificate store: a CA per name and leaves it issued, generated once under one folder and
// reused on later runs (regenerated when expired, unreadable or no longer issued by the CA).

import type { CertStore, IssuedCertificate } from "./cert-types.js";
import { generateCa, generateLeaf, type KeyAndCert } from "./cert-generate.js";
import { isReusable, readKeyAndCert, writeKeyAndCert } from "./cert-files.js";
import { caPaths, leafPaths } from "./cert-paths.js";

/** A CertStore backed by files in `dir`, whose paths are known without I/O. */
export interface LocalCertStore extends CertStore {
  readonly dir: string;
}

export interface CertStoreOptions {
  /** The clock used for validity checks and new certificates. */
  now?: () => Date;
}

// Whether a CertStore keeps its files in a known folder (so commands can name them).
export function isLocalCertStore(store: CertStore): store is LocalCertStore {
  return typeof (store as Partial<LocalCertStore>).dir === "string";
}

// A CertStore keeping `<dir>/<caName>/ca.crt`, `<cn>.crt|.key` and `<cn>-client.crt|.key`.
export function createCertStore(dir: string, options: CertStoreOptions = {}): LocalCertStore {
  const now = options.now ?? (() => new Date());
  // One generation at a time per file: concurrent callers share the same promise.
  const pending = new Map<string, Promise<KeyAndCert>>();

  function once(key: string, produce: () => Promise<KeyAndCert>): Promise<KeyAndCert> {
    const existing = pending.get(key);
    if (existing !== undefined) return existing;
    const promise = produce().finally(() => pending.delete(key));
    pending.set(key, promise);
    return promise;
  }

  function loadCa(caName: string): Promise<KeyAndCert> {
    const paths = caPaths(dir, caName);
    return once(paths.certPath, async () => {
      const stored = await readKeyAndCert(paths);
      if (stored !== undefined && isReusable(stored, now())) return stored;
      const fresh = await generateCa(caName, now());
      await writeKeyAndCert(paths, fresh);
      return fresh;
    });
  }

  return {
    dir,
    async ca(caName) {
      const ca = await loadCa(caName);
      return { certPem: ca.certPem, certPath: caPaths(dir, caName).certPath };
    },
    async issue(caName, commonName, usage): Promise<IssuedCertificate> {
      const ca = await loadCa(caName);
      const paths = leafPaths(dir, caName, commonName, usage);
      const leaf = await once(paths.certPath, async () => {
        const stored = await readKeyAndCert(paths);
        if (stored !== undefined && isReusable(stored, now(), { issuerPem: ca.certPem, commonName })) return stored;
        const fresh = await generateLeaf(ca, commonName, usage, now());
        await writeKeyAndCert(paths, fresh);
        return fresh;
      });
      return { ...leaf, caPem: ca.certPem, ...paths, caPath: caPaths(dir, caName).certPath };
    },
  };
}
