/** The panel kit shared by the repository and organization panels; see README.md beside this file. */
export { PanelShell, type PanelShellProps } from './PanelShell';
export { Section, SectionPart, type SectionProps, type SectionOfPartsProps } from './Section';
export { SectionBody, type SectionBodyProps } from './SectionBody';
export { SectionBoundary, type SectionBoundaryProps } from './SectionBoundary';
export { shownData } from './shownData';
export { SectionData, ExportMenu, type SectionDataProps } from './SectionData';
export { DataTable, cellOf, type TableBodyProps, type TableColumn, type TableSort, type TableSpec } from './DataTable';
export { LongTableBody } from './tableChunks';
export { serverSort } from './tableSort';
export { StateMessage, FreshnessNote, type StateMessageProps } from './StateMessage';
export { ChartCanvas, themedScale, tickFont, type ChartCanvasProps } from './ChartCanvas';
export { ChartSourceContext, type ChartSource } from './chartSource';
export { useThemeColors, readThemeColors, observeTheme, withAlpha, type ThemeColors } from './theme';
export { useQuery, useQueries, type QueryResult } from './useQuery';
export { Stat } from './Stat';
export { BudgetNotice } from './BudgetNotice';
export { Sparkline } from './Sparkline';
export { ColumnChart, type ColumnChartProps } from './ColumnChart';
export { Icon, type IconName } from './icons';
export { PanelContext, usePanel, type PanelContextValue } from './context';
export { noAccessSentence, sharedBlock } from './stateSentences';
export { panelState } from '../../utils/queryStates';
export { useNow, clockTime, countdown } from './time';
export { downloadText } from './download';
export { KIT_CSS, KIT_EXTRAS_CSS } from './styles';
// Chart.js itself is never imported here: a tree gives it (ChartSourceContext); the bundle that
// carries it imports './chart' (and './chartExtras' for opt-in types).
export type { ChartConfiguration, ChartType } from 'chart.js';
