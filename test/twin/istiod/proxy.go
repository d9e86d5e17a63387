package main

import (
	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pkg/cluster"
	"istio.io/istio/pkg/config/constants"
)

// buildProxy describes the Envoy the way its pilot-agent would introduce itself to istiod.
func buildProxy(spec ProxySpec) *model.Proxy {
	nodeType := model.SidecarProxy
	if spec.Type == "router" {
		nodeType = model.Router
	}
	return &model.Proxy{
		Type:            nodeType,
		IPAddresses:     []string{spec.IP},
		ID:              spec.Pod + "." + spec.Namespace,
		ConfigNamespace: spec.Namespace,
		Labels:          spec.Labels,
		Metadata: &model.NodeMetadata{
			Namespace: spec.Namespace,
			Labels:    spec.Labels,
			ClusterID: cluster.ID(constants.DefaultClusterName),
		},
	}
}
