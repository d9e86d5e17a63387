// HTTP connection managers that fetch their routes over RDS get the route configuration inline instead.

import { mapObjects, recordOf, stringOf, type Json } from "./json-shapes.js";
import { TwinError } from "../harness/twin-error.js";

// Every `rds` replaced by the route configuration of that name from `routes`.
export function inlineRoutes<T>(config: T, routes: readonly Json[]): T {
  return mapObjects(config, (object) => {
    if (object.rds === undefined) return undefined;
    const name = stringOf(recordOf(object.rds).routeConfigName);
    const routeConfig = routes.find((route) => route.name === name);
    if (routeConfig === undefined) throw new TwinError(`an HTTP connection manager asks RDS for ${name ?? "(no name)"}, which the routes do not hold`);
    const copy: Json = { ...object, routeConfig };
    delete copy.rds;
    return copy;
  }) as T;
}
