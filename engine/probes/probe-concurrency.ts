// How many requests the probe keeps in flight at once.

/** Connections per agent, and the weighted checks' concurrency: the largest sample (about 9,300 requests)
 * must fit in 10 s, about 930 requests/s; 32 keep-alive connections is a modest load for webapp and catalog. */
export const PROBE_MAX_SOCKETS = 32;
