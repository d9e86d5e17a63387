package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// Request is one cluster state and the proxies to generate Envoy config for.
type Request struct {
	// MeshConfig is the `mesh` key of the istio ConfigMap (YAML), applied over Istio's defaults.
	MeshConfig string `json:"meshConfig"`
	// KubernetesObjects are decoded one by one (never split on "---": Secrets carry PEM).
	KubernetesObjects []json.RawMessage `json:"kubernetesObjects"`
	// IstioConfig is multi-document YAML of Istio objects, every one with its namespace set.
	IstioConfig string      `json:"istioConfig"`
	Proxies     []ProxySpec `json:"proxies"`
}

// ProxySpec names one Envoy: a gateway ("router") or a sidecar, by the pod istiod would see.
type ProxySpec struct {
	// Name prefixes the output files: <name>.routes.json, <name>.clusters.json, <name>.listeners.json.
	Name      string            `json:"name"`
	Type      string            `json:"type"`
	Namespace string            `json:"namespace"`
	Pod       string            `json:"pod"`
	IP        string            `json:"ip"`
	Labels    map[string]string `json:"labels"`
}

func readRequest(path string) (*Request, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read request: %w", err)
	}
	var req Request
	if err := json.Unmarshal(data, &req); err != nil {
		return nil, fmt.Errorf("parse request %s: %w", path, err)
	}
	for _, p := range req.Proxies {
		if p.Name == "" || p.Namespace == "" || p.IP == "" || (p.Type != "router" && p.Type != "sidecar") {
			return nil, fmt.Errorf("proxy %+v needs name, namespace, ip and type router|sidecar", p)
		}
	}
	return &req, nil
}
