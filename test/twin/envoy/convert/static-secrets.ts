// SDS references (`kubernetes://<secret>` from the gateway's credentialName, `-cacert` for its CA) become
// static secrets: the lab's generated certificate and key, or its CA bundle.

import { mapObjects, stringOf, type Json } from "./json-shapes.js";

/** What a referenced secret holds, from the lab's generated certificates. */
export type SecretMaterial = { kind: "certificate"; certPem: string; keyPem: string } | { kind: "ca"; caPem: string };

// Every SDS reference replaced by a static-secret reference of the same name; returns the names used.
export function staticSecretRefs<T>(config: T): { config: T; names: string[] } {
  const names = new Set<string>();
  const replaced = mapObjects(config, (object) => {
    const name = stringOf(object.name);
    if (name === undefined || object.sdsConfig === undefined) return undefined;
    names.add(name);
    return { name };
  });
  return { config: replaced as T, names: [...names] };
}

// The bootstrap's static secret for `name`.
export function staticSecret(name: string, material: SecretMaterial): Json {
  if (material.kind === "ca") return { name, validationContext: { trustedCa: { inlineString: material.caPem } } };
  return { name, tlsCertificate: { certificateChain: { inlineString: material.certPem }, privateKey: { inlineString: material.keyPem } } };
}
