package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	admin "github.com/envoyproxy/go-control-plane/envoy/admin/v3"
	clusterv3 "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	routev3 "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	"istio.io/istio/istioctl/pkg/writer/envoy/configdump"
	"istio.io/istio/pkg/util/protomarshal"
)

// proxyConfig is what istiod sends one proxy over CDS, LDS and RDS.
type proxyConfig struct {
	clusters  []*clusterv3.Cluster
	listeners []*listenerv3.Listener
	routes    []*routev3.RouteConfiguration
}

// sortedByName orders each section by name: istiod's order varies from run to run, and Envoy's own
// config dump (what istioctl reads) has an order of its own anyway.
func sortedByName(cfg proxyConfig) proxyConfig {
	slices.SortFunc(cfg.clusters, func(a, b *clusterv3.Cluster) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(cfg.listeners, func(a, b *listenerv3.Listener) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(cfg.routes, func(a, b *routev3.RouteConfiguration) int { return strings.Compare(a.Name, b.Name) })
	return cfg
}

// printed is istioctl's `proxy-config clusters|listeners|routes <pod> -o json`, unfiltered.
type printed struct {
	clusters, listeners, routes []byte
}

// printLikeIstioctl wraps the config in an Envoy config dump and lets istioctl's own writer print it.
func printLikeIstioctl(cfg proxyConfig) (printed, error) {
	dump, err := buildConfigDump(cfg)
	if err != nil {
		return printed{}, err
	}
	raw, err := protomarshal.Marshal(dump)
	if err != nil {
		return printed{}, fmt.Errorf("marshal config dump: %w", err)
	}
	var out printed
	sections := []struct {
		name   string
		target *[]byte
		count  int
		print  func(w *configdump.ConfigWriter) error
	}{
		{"clusters", &out.clusters, len(cfg.clusters), func(w *configdump.ConfigWriter) error { return w.PrintClusterDump(configdump.ClusterFilter{}, "json") }},
		{"listeners", &out.listeners, len(cfg.listeners), func(w *configdump.ConfigWriter) error {
			return w.PrintListenerDump(configdump.ListenerFilter{}, "json")
		}},
		{"routes", &out.routes, len(cfg.routes), func(w *configdump.ConfigWriter) error { return w.PrintRouteDump(configdump.RouteFilter{}, "json") }},
	}
	for _, section := range sections {
		if section.count == 0 {
			// istioctl fails with "no ... found" on an empty section; an empty list keeps the file comparable.
			*section.target = []byte("[]\n")
			continue
		}
		var buf bytes.Buffer
		w := &configdump.ConfigWriter{Stdout: &buf}
		if err := w.Prime(raw); err != nil {
			return printed{}, err
		}
		if err := section.print(w); err != nil {
			return printed{}, fmt.Errorf("print %s: %w", section.name, err)
		}
		*section.target = buf.Bytes()
	}
	return out, nil
}

func buildConfigDump(cfg proxyConfig) (*admin.ConfigDump, error) {
	clusters := &admin.ClustersConfigDump{}
	for _, c := range cfg.clusters {
		a, err := anypb.New(c)
		if err != nil {
			return nil, err
		}
		clusters.DynamicActiveClusters = append(clusters.DynamicActiveClusters, &admin.ClustersConfigDump_DynamicCluster{Cluster: a})
	}
	listeners := &admin.ListenersConfigDump{}
	for _, l := range cfg.listeners {
		a, err := anypb.New(l)
		if err != nil {
			return nil, err
		}
		listeners.DynamicListeners = append(listeners.DynamicListeners, &admin.ListenersConfigDump_DynamicListener{
			Name:        l.Name,
			ActiveState: &admin.ListenersConfigDump_DynamicListenerState{Listener: a},
		})
	}
	routes := &admin.RoutesConfigDump{}
	for _, r := range cfg.routes {
		a, err := anypb.New(r)
		if err != nil {
			return nil, err
		}
		routes.DynamicRouteConfigs = append(routes.DynamicRouteConfigs, &admin.RoutesConfigDump_DynamicRouteConfig{RouteConfig: a})
	}
	dump := &admin.ConfigDump{}
	for _, section := range []proto.Message{clusters, listeners, routes} {
		a, err := anypb.New(section)
		if err != nil {
			return nil, err
		}
		dump.Configs = append(dump.Configs, a)
	}
	return dump, nil
}
