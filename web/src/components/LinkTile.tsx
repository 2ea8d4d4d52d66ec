import { Badge, Box, Card, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './LinkTile.module.css';

/** Props of a link tile. */
export interface LinkTileProps {
  to: string;
  icon: ReactNode;
  color: string;
  title: string;
  subtitle?: string;
  description: string;
  badge?: string;
  /** Extra attributes for tests and analytics (`data-*`). */
  data?: Record<`data-${string}`, string>;
}

/** A large card that is one link: icon, title, one-line purpose. The whole card is the click target. */
export function LinkTile({ to, icon, color, title, subtitle, description, badge, data }: LinkTileProps) {
  return (
    <Card component={Link} to={to} className={classes.tile} {...data}>
      <div className={classes.head}>
        <ThemeIcon size={52} radius="md" color={color} variant="light" className={classes.icon}>
          {icon}
        </ThemeIcon>
        {badge ? (
          <Badge variant="light" color="gray" size="sm">
            {badge}
          </Badge>
        ) : (
          <IconArrowRight size={20} className={classes.arrow} aria-hidden />
        )}
      </div>
      <Box style={{ minWidth: 0 }}>
        <Text fw={750} fz="lg" lh={1.25} c="dark.8">
          {title}
        </Text>
        {subtitle && (
          <Text fz="xs" c="dimmed" mt={2} fw={500}>
            {subtitle}
          </Text>
        )}
        <Text fz="sm" c="dark.5" mt={{ base: 6, xs: 'sm' }} lh={1.5}>
          {description}
        </Text>
      </Box>
    </Card>
  );
}
