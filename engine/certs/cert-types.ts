// Certificates the labs generate (never the book's): a CA per name, leaves with SANs, client certs.

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  /** The issuing CA's certificate (PEM). */
  caPem: string;
  /** Files on disk (keys mode 0600), for the equivalent curl/openssl commands. */
  certPath: string;
  keyPath: string;
  caPath: string;
}

export interface CertStore {
  /** The CA certificate (PEM) and its file path; generated on first use, reused afterwards. */
  ca(caName: string): Promise<{ certPem: string; certPath: string }>;
  /** A leaf for `commonName` (also its DNS SAN) issued by `caName`; usage server or client. */
  issue(caName: string, commonName: string, usage: "server" | "client"): Promise<IssuedCertificate>;
}
