// Addresses inside an IPv4 CIDR, for the pod and Service IPs the twin hands out.

// The `index`-th address of `cidr` (e.g. 10.10.0.0/16, 12 -> 10.10.0.12); throws when it does not fit.
export function hostAddress(cidr: string, index: number): string {
  const [base, bitsText] = cidr.split("/");
  const octets = (base ?? "").split(".").map(Number);
  const bits = Number(bitsText);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet)) || !Number.isInteger(bits)) throw new Error(`not an IPv4 CIDR: ${cidr}`);
  if (index <= 0 || index >= 2 ** (32 - bits) - 1) throw new Error(`address ${index} does not fit in ${cidr}`);
  const value = (octets.reduce((sum, octet) => sum * 256 + octet, 0) + index) >>> 0;
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
}
