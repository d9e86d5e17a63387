import { renderIstioOperator, type IstioOperatorOptions } from "./istio-operator.js";

// The IstioOperator as YAML for `istioctl install -f` (yaml is loaded only when this is called).
export async function renderIstioOperatorYaml(options: IstioOperatorOptions): Promise<string> {
  const { stringify } = await import("yaml");
  return stringify(renderIstioOperator(options));
}
