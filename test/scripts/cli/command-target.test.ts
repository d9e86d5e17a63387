import { describe, expect, it } from "vitest";
import { targetCommand } from "../../../core/command-target.js";

const target = { context: "kind-myk8s", kindName: "myk8s" };

describe("printed commands name their target", () => {
  it("appends --context to kubectl and istioctl, --kube-context to helm", () => {
    expect(targetCommand("kubectl apply -n istioinaction -f labs/x.yaml", target)).toBe("kubectl apply -n istioinaction -f labs/x.yaml --context kind-myk8s");
    expect(targetCommand("istioctl proxy-config routes deploy/webapp.istioinaction -o json", target)).toBe(
      "istioctl proxy-config routes deploy/webapp.istioinaction -o json --context kind-myk8s",
    );
    expect(targetCommand("helm upgrade -i flagger flagger/flagger -n istio-system", target)).toBe("helm upgrade -i flagger flagger/flagger -n istio-system --kube-context kind-myk8s");
  });

  it("puts the flag before `--` so it does not go to the command run in the pod", () => {
    expect(targetCommand("kubectl exec -n istioinaction deploy/sleep -c sleep -- curl -s http://webapp", target)).toBe(
      "kubectl exec -n istioinaction deploy/sleep -c sleep --context kind-myk8s -- curl -s http://webapp",
    );
  });

  it("handles pipelines, lists, lines and quoted separators", () => {
    expect(targetCommand("kubectl get pods -o json | jq '.items | length'; istioctl x precheck", target)).toBe(
      "kubectl get pods -o json --context kind-myk8s | jq '.items | length'; istioctl x precheck --context kind-myk8s",
    );
    expect(targetCommand("kubectl get ns\nkubectl get pods", target)).toBe("kubectl get ns --context kind-myk8s\nkubectl get pods --context kind-myk8s");
  });

  it("leaves commands that already name a target, other tools and tool names inside arguments alone", () => {
    expect(targetCommand("kubectl get ns --context other", target)).toBe("kubectl get ns --context other");
    expect(targetCommand("curl -H 'Host: kubectl' http://127.0.0.1:30000", target)).toBe("curl -H 'Host: kubectl' http://127.0.0.1:30000");
    expect(targetCommand("docker exec myk8s-control-plane curl -s x", target)).toBe("docker exec myk8s-control-plane curl -s x");
  });

  it("names the kind cluster for kind verbs that act on one, and a full tool path still counts", () => {
    expect(targetCommand("kind load docker-image istioinaction/webapp:latest", target)).toBe("kind load docker-image istioinaction/webapp:latest --name myk8s");
    expect(targetCommand("kind get clusters", target)).toBe("kind get clusters");
    expect(targetCommand("/home/u/.cache/istio-lab/tools/kubectl-v1.23.17/kubectl get ns", target)).toBe("/home/u/.cache/istio-lab/tools/kubectl-v1.23.17/kubectl get ns --context kind-myk8s");
  });
});
