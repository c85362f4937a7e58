// The areas of a project, in navigation order: what each is called, where it lives, its icon and
// whether only owners see it.
import type { ComponentType } from 'react';
import {
  IconChartBar,
  IconCloudDownload,
  IconCheckbox,
  IconDownload,
  IconGauge,
  IconGitCompare,
  IconHome,
  IconListDetails,
  IconListNumbers,
  IconSitemap,
  IconTable,
  IconUsers,
  type IconProps,
} from '@tabler/icons-react';

export interface ProjectArea {
  /** Path under /projects/:projectId; '' is the overview. */
  path: string;
  label: string;
  icon: ComponentType<IconProps>;
  ownerOnly?: boolean;
}

export const PROJECT_AREAS: ProjectArea[] = [
  { path: '', label: 'Overview', icon: IconHome },
  { path: 'issues', label: 'Issues', icon: IconListDetails },
  { path: 'import', label: 'Import', icon: IconCloudDownload },
  { path: 'codebook', label: 'Codebook', icon: IconSitemap },
  { path: 'rounds', label: 'Rounds', icon: IconListNumbers },
  { path: 'coding', label: 'Coding', icon: IconCheckbox },
  { path: 'agreement', label: 'Agreement', icon: IconGauge },
  { path: 'review', label: 'Review', icon: IconGitCompare },
  { path: 'dataset', label: 'Dataset', icon: IconTable },
  { path: 'analysis', label: 'Analysis', icon: IconChartBar },
  { path: 'export', label: 'Export', icon: IconDownload },
  { path: 'members', label: 'Members', icon: IconUsers, ownerOnly: true },
];
