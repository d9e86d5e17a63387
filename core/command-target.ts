// Makes a printed command safe to paste: every kubectl/istioctl/helm call names the context it targets and every
// kind cluster command its cluster, so it never acts on whatever cluster happens to be current in that shell.

/** Where printed commands point. */
export interface CommandTarget {
  context: string;
  /** The kind cluster behind the context, for `kind ... --name`; undefined for a non-kind context. */
  kindName: string | undefined;
}

const TOOLS = new Set(["kubectl", "istioctl", "helm", "kind"]);
// kind subcommands that act on one cluster (kind get clusters / kind version act on none).
const KIND_CLUSTER_VERB = /^\s*(create cluster|delete cluster|load|export|get nodes|get kubeconfig)\b/;

interface Segment {
  tool: string;
  /** Index just after the tool word. */
  start: number;
  /** Where the flag goes: before ` -- ` or the end of this command in a pipeline or list. */
  end: number;
}

// Adds the target to every tool call in `text` (multi-line and pipelines included); calls that already name one stay.
export function targetCommand(text: string, target: CommandTarget): string {
  let result = text;
  for (const segment of findToolSegments(text).reverse()) {
    const body = result.slice(segment.start, segment.end);
    const flag = flagFor(segment.tool, body, target);
    if (flag === undefined) continue;
    const head = result.slice(0, segment.end).replace(/\s+$/, "");
    result = `${head} ${flag}${result.slice(head.length)}`;
  }
  return result;
}

function flagFor(tool: string, body: string, target: CommandTarget): string | undefined {
  if (tool === "helm") return /--kube-context\b/.test(body) ? undefined : `--kube-context ${target.context}`;
  if (tool === "kind") {
    if (!KIND_CLUSTER_VERB.test(body) || /--name\b/.test(body)) return undefined;
    return `--name ${target.kindName ?? "<not a kind context>"}`;
  }
  return /--context\b/.test(body) ? undefined : `--context ${target.context}`;
}

// Every unquoted tool word at the start of a command, with the span of its arguments.
function findToolSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let quote: string | undefined;
  let commandStart = true;
  let open: Segment | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      commandStart = false;
      continue;
    }
    if (c === "|" || c === ";" || c === "&" || c === ")" || c === "\n" || c === "(" || c === "`") {
      if (open) open.end = i;
      open = undefined;
      commandStart = true;
      continue;
    }
    if (/\s/.test(c)) continue;
    const word = /^[^\s;|&()'"`]+/.exec(text.slice(i))?.[0] ?? c;
    if (open && word === "--" && /\s/.test(text[i - 1] ?? "")) {
      open.end = i;
      open = undefined;
    }
    if (commandStart) {
      const base = word.slice(word.lastIndexOf("/") + 1);
      if (TOOLS.has(base)) {
        open = { tool: base, start: i + word.length, end: text.length };
        segments.push(open);
      }
      commandStart = ["do", "then", "else", "time", "!", "sudo", "watch", "xargs"].includes(word) || word.includes("=") && !word.startsWith("-");
    }
    i += word.length - 1;
  }
  return segments;
}
