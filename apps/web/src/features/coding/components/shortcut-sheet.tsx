// The keyboard shortcuts of the coding screen, opened with "?": the screen's own keys and the key
// of every code of this stage.
import { Grid, Kbd, Modal, Table, Text, Title } from '@mantine/core';
import type { CodeNode } from './code-tree.ts';

interface ShortcutSheetProps {
  opened: boolean;
  onClose: () => void;
  nodes: CodeNode[];
  mode: 'single' | 'multi';
}

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 ? (
            <Text span size="xs" c="dimmed">
              {' or '}
            </Text>
          ) : null}
          <Kbd size="sm">{key}</Kbd>
        </span>
      ))}
    </>
  );
}

const SCREEN_SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['Enter'], action: 'Submit and go to the next issue (not while typing in the memo)' },
  { keys: ['Ctrl + Enter', '⌘ + Enter'], action: 'Submit and go to the next issue, also from the memo' },
  { keys: ['J', '→'], action: 'Next issue (a changed coding is kept as a draft)' },
  { keys: ['K', '←'], action: 'Previous issue' },
  { keys: ['/'], action: 'Search the codebook; Enter picks the first match, Esc leaves' },
  { keys: ['↑', '↓'], action: 'Move through the codes; Space picks the focused one' },
  { keys: ['Shift + M'], action: 'Write in the memo; Esc leaves it' },
  { keys: ['Shift + F'], action: 'Flag for discussion (on / off)' },
  { keys: ['Shift + C'], action: 'Cannot decide (on / off)' },
  { keys: ['?'], action: 'Show these shortcuts' },
];

export function ShortcutSheet({ opened, onClose, nodes, mode }: ShortcutSheetProps) {
  const codeKeys = nodes.filter((node) => node.shortcut);
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="56rem">
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Title order={2} fz="h5" mb="xs">
            On this screen
          </Title>
          <Table verticalSpacing={6} aria-label="Screen shortcuts">
            <Table.Tbody>
              {SCREEN_SHORTCUTS.map((shortcut) => (
                <Table.Tr key={shortcut.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Keys keys={shortcut.keys} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{shortcut.action}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Title order={2} fz="h5" mb="xs">
            Codes
          </Title>
          <Text size="xs" c="dimmed">
            {mode === 'single'
              ? 'A code’s key chooses it, replacing the code chosen before.'
              : 'A code’s key adds it, or removes it again.'}
          </Text>
          {codeKeys.length === 0 ? (
            <Text size="sm" c="dimmed">
              No code of this stage has a key.
            </Text>
          ) : (
            <Table verticalSpacing={6} aria-label="Code shortcuts">
              <Table.Tbody>
                {codeKeys.map((node) => (
                  <Table.Tr key={node.code.id}>
                    <Table.Td w={48}>
                      <Kbd size="sm">{node.shortcut}</Kbd>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{node.code.name}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {codeKeys.length < nodes.filter((node) => node.code.codable).length ? (
            <Text size="xs" c="dimmed">
              Codes without a key: search with / and press Enter.
            </Text>
          ) : null}
        </Grid.Col>
      </Grid>
    </Modal>
  );
}
