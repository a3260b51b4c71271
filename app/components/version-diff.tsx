"use client";
import dynamic from "next/dynamic";
import type { Theme } from "@/app/hooks/use-theme";
import type { Version } from "@/lib/db";

const DiffView = dynamic(() => import("./diff-view").then((m) => m.DiffView), { ssr: false });

export interface VersionPair {
  from: number;
  to: number;
}

interface VersionDiffProps {
  versions: Version[];
  pair: VersionPair;
  onChange: (pair: VersionPair) => void;
  onClose: () => void;
  theme: Theme;
}

/** Two versions of the artifact compared, either of them chosen from the list. */
export function VersionDiff({ versions, pair, onChange, onClose, theme }: VersionDiffProps) {
  const from = versions.find((v) => v.id === pair.from);
  const to = versions.find((v) => v.id === pair.to);
  const options = versions.map((v, i) => (
    <option key={v.id} value={v.id}>
      v{i + 1}
    </option>
  ));
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="panel-bar">
        <label className="flex items-center gap-1">
          Compare
          <select aria-label="Compare from version" className="btn" value={pair.from} onChange={(e) => onChange({ ...pair, from: Number(e.target.value) })}>
            {options}
          </select>
        </label>
        <label className="flex items-center gap-1">
          with
          <select aria-label="Compare to version" className="btn" value={pair.to} onChange={(e) => onChange({ ...pair, to: Number(e.target.value) })}>
            {options}
          </select>
        </label>
        <span className="flex-1" />
        <button type="button" className="btn" onClick={onClose} aria-label="Close the comparison">
          Close
        </button>
      </div>
      <div className="min-h-0 flex-1" data-testid="diff">
        {from && to && (
          <DiffView original={{ path: `version-${from.id}.html`, html: from.html }} modified={{ path: `version-${to.id}.html`, html: to.html }} theme={theme} />
        )}
      </div>
    </div>
  );
}
