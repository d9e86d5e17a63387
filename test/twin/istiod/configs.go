package main

import (
	"fmt"
	"time"

	"istio.io/istio/pilot/pkg/config/kube/crd"
	"istio.io/istio/pkg/config"
)

// parseIstioConfig reads the Istio objects as istiod's Kubernetes config store would hold them: the
// cluster's domain suffix (short hosts like "catalog" resolve to catalog.<ns>.svc.cluster.local) and one
// creation time for all, so merging order follows names, as in istio's own tests.
func parseIstioConfig(yaml string) ([]config.Config, error) {
	configs, _, err := crd.ParseInputs(yaml)
	if err != nil {
		return nil, fmt.Errorf("istio config: %w", err)
	}
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range configs {
		if configs[i].Namespace == "" {
			return nil, fmt.Errorf("%s %s has no namespace", configs[i].GroupVersionKind.Kind, configs[i].Name)
		}
		configs[i].Domain = "cluster.local"
		configs[i].CreationTimestamp = created
	}
	return configs, nil
}
