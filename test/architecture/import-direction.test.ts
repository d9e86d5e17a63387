import { describe, expect, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import { findFolderCycles, findUpwardImports, readImportEdges, type ImportEdge } from "./import-graph.js";

const edge = (from: string, to: string): ImportEdge => ({ from, to, file: `${from}/x.ts` });

describe("imports between folders", () => {
  const edges = readImportEdges(projectRoot());

  it("reads the real import graph (the product's folders import each other)", () => {
    expect(edges.some((e) => e.from === "scripts" && e.to === "engine")).toBe(true);
    expect(edges.some((e) => e.from === "engine" && e.to === "core")).toBe(true);
  });

  it("flow one way: scripts -> labs -> engine -> cluster/platform -> addons -> cluster/* -> core", () => {
    expect(findUpwardImports(edges)).toEqual([]);
  });

  it("form no cycle between folders", () => {
    expect(findFolderCycles(edges)).toEqual([]);
  });

  it("flag an upward import, an unknown folder and a cycle (the guard can fail)", () => {
    expect(findUpwardImports([edge("core", "engine")])).toEqual(["core/x.ts: core -> engine goes up the layers"]);
    expect(findUpwardImports([edge("engine", "plugins")])[0]).toMatch(/no layer/);
    expect(findFolderCycles([edge("cluster/kind", "cluster/doctor"), edge("cluster/doctor", "cluster/kind")])).toContain(
      "cluster/kind -> cluster/doctor -> cluster/kind",
    );
  });
});
