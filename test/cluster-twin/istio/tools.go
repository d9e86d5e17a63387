//go:build tools

// Package tools pins the Istio commands the cluster twin builds from this module (istiod and istioctl):
// their packages and what their main files import.
package tools

import (
	_ "github.com/KimMachineGun/automemlimit"
	_ "istio.io/istio/istioctl/cmd"
	_ "istio.io/istio/pilot/cmd/pilot-discovery/app"
	_ "k8s.io/client-go/plugin/pkg/client/auth"
)
