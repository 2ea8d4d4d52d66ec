import { SimpleGrid, type SimpleGridProps } from '@mantine/core';
import { LinkTile } from '../../components/LinkTile';
import { useT } from '../../lib/i18n';
import type { AppEntry } from '../catalogue';

/** One tile per app, linking to its home; used by the public landing and the launcher. */
export function AppTiles({ apps, cols }: { apps: readonly AppEntry[]; cols: SimpleGridProps['cols'] }) {
  const t = useT();
  return (
    <SimpleGrid cols={cols} spacing="md" data-testid="app-tiles">
      {apps.map((app) => {
        const Icon = app.icon;
        return (
          <LinkTile
            key={app.key}
            to={app.path}
            icon={<Icon size={28} stroke={1.6} />}
            color={app.color}
            title={t(app.name)}
            subtitle={t(app.fullName)}
            description={t(app.purpose)}
            data={{ 'data-app-tile': app.key }}
          />
        );
      })}
    </SimpleGrid>
  );
}
