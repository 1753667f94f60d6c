import { Component, Fragment, createContext, createElement } from 'preact';
import { useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';
import { DataTable, downloadText, ExportMenu, LongTableBody, Section, SectionBody, SectionData, SectionPart, serverSort, useQueries, useQuery } from '../kit';
import type { StatboardClient } from '../../utils/statboardClient';
import { RUNTIME_GLOBAL, type BRIDGED, type BridgedModule } from './insights/bridgeNames';
import type { InsightsView } from './insights/InsightsView';

/** The insights view's component, as the part hands it over. */
export type InsightsViewComponent = typeof InsightsView;

/** Every name in BRIDGED, with this panel's own module instance behind it. */
type Lent = { [M in BridgedModule]: Record<(typeof BRIDGED)[M][number], unknown> };

export interface OrgRuntime extends Lent {
  /** called by the part once its modules are evaluated */
  provide(view: InsightsViewComponent): void;
}

const LENT = {
  preact: { Component, Fragment, createContext, createElement },
  'preact/hooks': { useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState },
  'preact/jsx-runtime': { Fragment, jsx, jsxs },
  kit: { DataTable, ExportMenu, LongTableBody, Section, SectionBody, SectionData, SectionPart, downloadText, serverSort, useQueries, useQuery },
} satisfies Lent;

type World = typeof globalThis & { [RUNTIME_GLOBAL]?: OrgRuntime };

let loading: Promise<InsightsViewComponent> | null = null;

/**
 * The API Insights part (drill-down, lists, the line chart and its own Chart.js: most of what the
 * org panel would weigh, and only token holders whose token reads the org's insights see it),
 * injected by the background into this tab on first use and loaded once per page. The runtime is
 * lent through the content scripts' isolated world, which the page cannot read; the part gets
 * components and hooks, never the port or anything the panel has not rendered. A failed load is
 * forgotten, so Retry asks again.
 */
export function loadInsightsPart(client: StatboardClient): Promise<InsightsViewComponent> {
  if (loading) return loading;
  const world = globalThis as World;
  const attempt = new Promise<InsightsViewComponent>((resolve, reject) => {
    let view: InsightsViewComponent | null = null;
    world[RUNTIME_GLOBAL] = {
      ...LENT,
      provide(provided) {
        view = provided;
        resolve(provided);
      },
    };
    client
      .command({ type: 'panels.load', panel: 'org-insights' })
      // The part runs (and provides its view) within the injection: done without it, it failed.
      .then(() => view ?? reject(new Error('The API Insights view did not start.')))
      .catch(reject);
  });
  loading = attempt;
  attempt.catch(() => {
    if (loading === attempt) loading = null;
  });
  return attempt;
}
