import { describe, expect, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import { findFolderCycles, findUpwardImports, readImportEdges, topLevelEdges, type ImportEdge } from "./import-graph.js";

const edge = (from: string, to: string): ImportEdge => ({ from, to, file: `${from}/x.ts` });

describe("imports between folders", () => {
  const edges = readImportEdges(projectRoot());

  it("reads the real import graph (the product's folders import each other)", () => {
    expect(edges.some((e) => e.from === "scripts" && e.to === "engine")).toBe(true);
    expect(edges.some((e) => e.from === "engine" && e.to === "core")).toBe(true);
  });

  it("flow one way: scripts -> labs -> engine -> platform -> addons -> cluster/* -> core, apps", () => {
    expect(findUpwardImports(edges)).toEqual([]);
  });

  it("form no cycle between folders, nor between top-level folders through their sub-folders", () => {
    expect(findFolderCycles(edges)).toEqual([]);
    expect(findFolderCycles(topLevelEdges(edges))).toEqual([]);
  });

  it("flag an upward import, an unknown folder and a cycle (the guard can fail)", () => {
    expect(findUpwardImports([edge("core", "engine")])).toEqual(["core/x.ts: core -> engine goes up the layers"]);
    expect(findUpwardImports([edge("engine", "plugins")])[0]).toMatch(/no layer/);
    expect(findFolderCycles([edge("cluster/kind", "cluster/doctor"), edge("cluster/doctor", "cluster/kind")])).toContain(
      "cluster/kind -> cluster/doctor -> cluster/kind",
    );
    // The loop the platform folder removed: no sub-folder cycle, but cluster and addons import each other.
    const throughSubFolders = [edge("cluster/platform", "addons"), edge("addons", "cluster/install")];
    expect(findFolderCycles(throughSubFolders)).toEqual([]);
    expect(findFolderCycles(topLevelEdges(throughSubFolders))).toContain("cluster -> addons -> cluster");
  });
});
