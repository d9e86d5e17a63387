//go:build tools

// Package tools pins the Kubernetes commands this module builds (go build k8s.io/kubernetes/cmd/...): their
// packages and what their main files import, plus openapi-gen for kube-apiserver's generated file.
package tools

import (
	_ "k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	_ "k8s.io/kube-openapi/cmd/openapi-gen/args"
	_ "k8s.io/kubernetes/cmd/kube-apiserver/app"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	_ "k8s.io/kubernetes/cmd/kube-scheduler/app"
)
