// The key to the kappa colours: Landis & Koch's bands and their ranges.
import { Badge, Group, Text } from '@mantine/core';
import { BANDS } from './agreement-format.ts';

export function BandLegend() {
  return (
    <Group
      gap={6}
      wrap="wrap"
      component="ul"
      aria-label="Kappa bands (Landis & Koch, 1977)"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      <Text component="li" size="xs" c="dimmed" mr={4}>
        Landis & Koch:
      </Text>
      {BANDS.map(({ band, range, color }) => (
        <li key={band}>
          <Badge size="sm" variant="light" color={color} tt="none">
            {band} {range}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
