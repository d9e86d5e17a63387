// Command istiod-twin runs istiod's config generation in process for one cluster state and writes, per
// proxy, what `istioctl proxy-config routes|clusters|listeners -o json` would print.
//
// Usage: istiod-twin <request.json> <out-dir>
// Istio logs to stdout; results go to files only. Feature flags (PILOT_*) come from the environment.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"istio.io/istio/pilot/test/xds"
	"istio.io/istio/pkg/config/mesh"
	"istio.io/istio/pkg/test"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: istiod-twin <request.json> <out-dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "istiod-twin:", err)
		os.Exit(1)
	}
}

func run(requestPath, outDir string) error {
	req, err := readRequest(requestPath)
	if err != nil {
		return err
	}
	meshConfig, err := mesh.ApplyMeshConfigDefaults(req.MeshConfig)
	if err != nil {
		return fmt.Errorf("mesh config: %w", err)
	}
	objects, err := decodeObjects(req.KubernetesObjects)
	if err != nil {
		return err
	}
	configs, err := parseIstioConfig(req.IstioConfig)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	var genErr error
	// test.Wrap gives istio's test harness a Failer outside `go test` and runs its cleanups afterwards.
	wrapErr := test.Wrap(func(t test.Failer) {
		s := xds.NewFakeDiscoveryServer(t, xds.FakeOptions{
			KubernetesObjects: objects,
			Configs:           configs,
			MeshConfig:        meshConfig,
		})
		for _, spec := range req.Proxies {
			proxy := s.SetupProxy(buildProxy(spec))
			listeners := s.Listeners(proxy)
			cfg := sortedByName(proxyConfig{clusters: s.Clusters(proxy), listeners: listeners, routes: s.RoutesFromListeners(proxy, listeners)})
			if genErr = writeProxy(outDir, spec.Name, cfg); genErr != nil {
				return
			}
		}
	})
	if wrapErr != nil {
		return fmt.Errorf("istiod: %w", wrapErr)
	}
	return genErr
}

func writeProxy(outDir, name string, cfg proxyConfig) error {
	out, err := printLikeIstioctl(cfg)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for suffix, data := range map[string][]byte{"routes": out.routes, "clusters": out.clusters, "listeners": out.listeners} {
		if err := os.WriteFile(filepath.Join(outDir, name+"."+suffix+".json"), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
