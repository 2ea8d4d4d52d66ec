import { Box, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import text from '../../components/text.module.css';
import { usePersonnelT } from './i18n';
import type { UnitNode } from './organisation.api';
import classes from './personnel.module.css';
import { PositionList } from './PositionList';

/** Props of the org chart tree. */
export interface UnitTreeProps {
  units: readonly UnitNode[];
  expanded: ReadonlySet<string>;
  onToggle(id: string): void;
}

/**
 * The organisation as nested disclosure lists: each unit is a button (aria-expanded) that opens its
 * positions with their holders and then its sub-units. Positions load only for opened units, each
 * with what the user may do with it (the server's abilities).
 */
export function UnitTree({ units, expanded, onToggle }: UnitTreeProps) {
  const t = usePersonnelT();
  return (
    <ul className={classes.tree} aria-label={t('orgChart.treeLabel')}>
      {units.map((unit) => (
        <Branch key={unit.id} unit={unit} expanded={expanded} onToggle={onToggle} />
      ))}
    </ul>
  );
}

function Branch({ unit, expanded, onToggle }: { unit: UnitNode } & Omit<UnitTreeProps, 'units'>) {
  const t = usePersonnelT();
  const open = expanded.has(unit.id);
  const bodyId = `unit-${unit.id}`;
  return (
    <li data-unit={unit.name}>
      <UnstyledButton className={classes.unitRow} aria-expanded={open} aria-controls={bodyId} onClick={() => onToggle(unit.id)}>
        <IconChevronRight size={18} className={classes.chevron} aria-hidden />
        <Box style={{ minWidth: 0 }}>
          <Text fw={650} fz="sm" lh={1.35} className={text.wrap}>
            {unit.name}
          </Text>
          {unit.head && (
            <Text fz="xs" c="dimmed" lh={1.35} className={text.wrap}>
              {unit.head.title}
              {unit.head.eselon ? ` · ${t('orgChart.eselon', { eselon: unit.head.eselon })}` : ''}
              {unit.children.length > 0 ? ` · ${t('orgChart.subUnits', { count: unit.children.length })}` : ''}
            </Text>
          )}
        </Box>
      </UnstyledButton>
      {open && (
        <div id={bodyId} className={classes.branchBody}>
          <PositionList unitId={unit.id} />
          {unit.children.length > 0 && (
            <ul className={classes.children}>
              {unit.children.map((child) => (
                <Branch key={child.id} unit={child} expanded={expanded} onToggle={onToggle} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
