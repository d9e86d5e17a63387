// Whether the kind node's answers from the outside hosts the labs use show working egress: pure judgement.

/** The outside URLs ch5-registry-only needs, and what each must answer for the lab's steps to be meaningful. */
export const EGRESS_TARGETS = [
  { url: "http://jsonplaceholder.typicode.com/users", needs: "200 with the users JSON forum reads" },
  { url: "https://raw.githubusercontent.com/istio/istio/1.17.8/README.md", needs: "200 (webapp's download in step 1)" },
] as const;

/** What `curl -s -m 5 -w '\n%{http_code}' <url>` printed: the body, then the status code on the last line. */
export interface EgressAnswer {
  url: string;
  stdout: string;
}

export interface EgressVerdict {
  reachable: boolean;
  /** What was seen, for the skip reason and the log. */
  seen: string;
}

// Splits curl's output into body and status ("000" or nothing when no HTTP answer came).
export function splitCurlAnswer(stdout: string): { body: string; status: string } {
  const cut = stdout.lastIndexOf("\n");
  return cut < 0 ? { body: "", status: stdout.trim() } : { body: stdout.slice(0, cut), status: stdout.slice(cut + 1).trim() };
}

// jsonplaceholder's /users: a non-empty array of users, each with a numeric id and a name (a challenge page is not).
export function isUsersJson(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  return Array.isArray(parsed) && parsed.length > 0 && parsed.every((user: unknown) => typeof user === "object" && user !== null && typeof (user as { id?: unknown }).id === "number" && typeof (user as { name?: unknown }).name === "string");
}

// Egress counts only when every target gave what the lab needs: any status is not enough (e.g. a 403 challenge).
export function judgeEgress(answers: readonly EgressAnswer[]): EgressVerdict {
  const problems: string[] = [];
  for (const target of EGRESS_TARGETS) {
    const answer = answers.find((candidate) => candidate.url === target.url);
    const { body, status } = splitCurlAnswer(answer?.stdout ?? "");
    if (!/^\d{3}$/.test(status) || status === "000") problems.push(`${target.url}: no HTTP answer`);
    else if (status !== "200") problems.push(`${target.url}: HTTP ${status}, not ${target.needs}`);
    else if (target.url.endsWith("/users") && !isUsersJson(body)) problems.push(`${target.url}: 200 but not the users JSON (${JSON.stringify(body.slice(0, 60))})`);
  }
  return problems.length === 0 ? { reachable: true, seen: EGRESS_TARGETS.map((target) => `${target.url}: 200`).join("; ") } : { reachable: false, seen: problems.join("; ") };
}
