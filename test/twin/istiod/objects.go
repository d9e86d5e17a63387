package main

import (
	"encoding/json"
	"fmt"

	"k8s.io/apimachinery/pkg/runtime"

	kubelib "istio.io/istio/pkg/kube"
)

// decodeObjects turns each JSON object into its typed Kubernetes object (Service, Pod, EndpointSlice, ...).
func decodeObjects(raw []json.RawMessage) ([]runtime.Object, error) {
	decode := kubelib.IstioCodec.UniversalDeserializer().Decode
	objects := make([]runtime.Object, 0, len(raw))
	for i, data := range raw {
		obj, _, err := decode(data, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("kubernetes object %d: %w", i, err)
		}
		objects = append(objects, obj)
	}
	return objects, nil
}
