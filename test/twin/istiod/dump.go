package main

import (
	"bytes"
	"fmt"

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
	print := func(target *[]byte, fn func(w *configdump.ConfigWriter) error) error {
		var buf bytes.Buffer
		w := &configdump.ConfigWriter{Stdout: &buf}
		if err := w.Prime(raw); err != nil {
			return err
		}
		if err := fn(w); err != nil {
			return err
		}
		*target = buf.Bytes()
		return nil
	}
	if err := print(&out.clusters, func(w *configdump.ConfigWriter) error {
		return w.PrintClusterDump(configdump.ClusterFilter{}, "json")
	}); err != nil {
		return printed{}, fmt.Errorf("print clusters: %w", err)
	}
	if err := print(&out.listeners, func(w *configdump.ConfigWriter) error {
		return w.PrintListenerDump(configdump.ListenerFilter{}, "json")
	}); err != nil {
		return printed{}, fmt.Errorf("print listeners: %w", err)
	}
	if len(cfg.routes) == 0 {
		// istioctl fails with "no routes found"; an empty list keeps the file comparable.
		out.routes = []byte("[]\n")
		return out, nil
	}
	if err := print(&out.routes, func(w *configdump.ConfigWriter) error {
		return w.PrintRouteDump(configdump.RouteFilter{}, "json")
	}); err != nil {
		return printed{}, fmt.Errorf("print routes: %w", err)
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
