// The loading state of a page or a whole screen, announced to screen readers.
import { Center, Loader } from '@mantine/core';

export function CenteredLoader({ label = 'Loading', fullScreen = false }: { label?: string; fullScreen?: boolean }) {
  return (
    <Center mih={fullScreen ? '100dvh' : 240} role="status" aria-live="polite">
      <Loader aria-label={label} />
    </Center>
  );
}
