// The codebook of the stage as a searchable tree of codes to pick from. One tab stop: arrows
// move through the codes, Space picks, the code's key picks from anywhere. A code's definition
// and include / exclude criteria show on hover and on keyboard focus (and are its description
// for screen readers). Parents that only group sub-codes cannot be picked.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { Badge, Button, ColorSwatch, Group, Kbd, Stack, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconSearch } from '@tabler/icons-react';
import { searchCodes, type CodeNode, type StageMode } from './code-tree.ts';
import classes from './coding-screen.module.css';

const HOVER_DELAY_MS = 250;

interface CodebookPanelProps {
  nodes: CodeNode[];
  mode: StageMode;
  stageName: string;
  selected: string[];
  readOnly: boolean;
  onPick: (codeId: string) => void;
  onClear: () => void;
  searchRef: Ref<HTMLInputElement>;
}

function CodeDetails({ node, parentName }: { node: CodeNode; parentName: string | null }) {
  const { code } = node;
  return (
    <Stack gap={6} maw={340}>
      <Text size="sm" fw={700}>
        {code.name}
        {parentName ? (
          <Text span size="xs" fw={400}>
            {' '}
            in {parentName}
          </Text>
        ) : null}
      </Text>
      <Text size="xs" className={classes.definition}>
        {code.definition.trim() || 'No definition written yet.'}
      </Text>
      {code.includeCriteria.trim() ? (
        <div>
          <Text size="xs" fw={700}>
            Include when
          </Text>
          <Text size="xs" className={classes.definition}>
            {code.includeCriteria}
          </Text>
        </div>
      ) : null}
      {code.excludeCriteria.trim() ? (
        <div>
          <Text size="xs" fw={700}>
            Exclude when
          </Text>
          <Text size="xs" className={classes.definition}>
            {code.excludeCriteria}
          </Text>
        </div>
      ) : null}
      {!code.codable ? (
        <Text size="xs" fs="italic">
          Groups the codes below it: pick one of those.
        </Text>
      ) : null}
    </Stack>
  );
}

/** Plain-text version of the details, read by screen readers as the code's description. */
function describe(node: CodeNode, parentName: string | null): string {
  const { code } = node;
  return [
    parentName ? `Under ${parentName}.` : '',
    code.definition.trim(),
    code.includeCriteria.trim() ? `Include when: ${code.includeCriteria.trim()}` : '',
    code.excludeCriteria.trim() ? `Exclude when: ${code.excludeCriteria.trim()}` : '',
    code.codable ? '' : 'Groups the codes below it and cannot be picked itself.',
  ]
    .filter(Boolean)
    .join(' ');
}

export function CodebookPanel({ nodes, mode, stageName, selected, readOnly, onPick, onClear, searchRef }: CodebookPanelProps) {
  const idPrefix = useId();
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLDivElement>());
  // One code's details at a time: the one last hovered (after a short pause) or focused.
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const hoverTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(hoverTimer.current), []);

  function showDetailsOnHover(codeId: string) {
    window.clearTimeout(hoverTimer.current);
    hoverTimer.current = window.setTimeout(() => setDetailsId(codeId), HOVER_DELAY_MS);
  }

  function hideDetails(codeId: string) {
    window.clearTimeout(hoverTimer.current);
    setDetailsId((current) => (current === codeId ? null : current));
  }

  const visibleIds = searchCodes(nodes, query);
  const visible = nodes.filter((node) => visibleIds.has(node.code.id));
  const names = new Map(nodes.map((node) => [node.code.id, node.code.name]));
  // The tab stop: the focused code while it is shown, else the first selected one, else the first.
  const tabStop =
    (activeId && visibleIds.has(activeId) ? activeId : null) ??
    visible.find((node) => selected.includes(node.code.id))?.code.id ??
    visible[0]?.code.id ??
    null;

  function focusCode(codeId: string | undefined) {
    if (!codeId) return;
    setActiveId(codeId);
    rowRefs.current.get(codeId)?.focus();
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLDivElement>, index: number, node: CodeNode) {
    const move = (to: number) => {
      event.preventDefault();
      focusCode(visible[Math.max(0, Math.min(visible.length - 1, to))]?.code.id);
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(visible.length - 1);
    else if (event.key === ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      if (node.code.codable && !readOnly) onPick(node.code.id);
    }
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Like a command palette: Enter takes the first match and leaves the search.
      event.preventDefault();
      const first = visible.find((node) => node.code.codable);
      if (!first) return;
      if (!readOnly) onPick(first.code.id);
      setQuery('');
      focusCode(first.code.id);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusCode(visible[0]?.code.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      else focusCode(tabStop ?? undefined);
    }
  }

  const selectedNames = selected.map((id) => names.get(id) ?? 'Unknown code');

  return (
    <Stack gap="xs" className={classes.panelCodes}>
      <TextInput
        ref={searchRef}
        type="search"
        aria-label="Search codes"
        placeholder="Search codes"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={<Kbd size="xs">/</Kbd>}
        rightSectionPointerEvents="none"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
        size="sm"
      />
      <Stack gap={4} aria-live="polite">
        <Group justify="space-between" gap="xs" mih={22}>
          <Text size="xs" c="dimmed">
            {mode === 'single' ? 'Your code' : 'Your codes'}
          </Text>
          {selectedNames.length > 0 && !readOnly ? (
            <Button variant="subtle" size="compact-xs" color="gray" onClick={onClear}>
              Clear
            </Button>
          ) : null}
        </Group>
        {selectedNames.length === 0 ? (
          <Text size="xs" c="dimmed" fs="italic" data-testid="selected-codes">
            none yet
          </Text>
        ) : (
          <Group gap={4} data-testid="selected-codes">
            {selectedNames.map((name, index) => (
              <Badge key={selected[index]} size="sm" variant="light" tt="none">
                {name}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      <div
        className={classes.codeList}
        role={mode === 'single' ? 'radiogroup' : 'group'}
        aria-label={`Codes of ${stageName}`}
        aria-readonly={readOnly || undefined}
      >
        {visible.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            No code matches “{query}”.
          </Text>
        ) : null}
        {visible.map((node, index) => {
          const { code } = node;
          const checked = selected.includes(code.id);
          const parentName = code.parentId ? (names.get(code.parentId) ?? null) : null;
          const descriptionId = `${idPrefix}-${code.id}`;
          return (
            <div key={code.id}>
              <Tooltip
                label={<CodeDetails node={node} parentName={parentName} />}
                position="left-start"
                multiline
                withArrow
                opened={detailsId === code.id}
              >
                <div
                  ref={(element) => {
                    if (element) rowRefs.current.set(code.id, element);
                    else rowRefs.current.delete(code.id);
                  }}
                  role={mode === 'single' ? 'radio' : 'checkbox'}
                  aria-checked={checked}
                  aria-disabled={!code.codable || readOnly || undefined}
                  aria-label={code.name}
                  aria-describedby={descriptionId}
                  aria-keyshortcuts={node.shortcut ?? undefined}
                  tabIndex={code.id === tabStop ? 0 : -1}
                  className={classes.codeRow}
                  data-depth={Math.min(node.depth, 4)}
                  data-group={!code.codable || undefined}
                  onClick={() => {
                    setActiveId(code.id);
                    if (code.codable && !readOnly) onPick(code.id);
                  }}
                  onFocus={() => {
                    window.clearTimeout(hoverTimer.current);
                    setActiveId(code.id);
                    setDetailsId(code.id);
                  }}
                  onBlur={() => hideDetails(code.id)}
                  onMouseEnter={() => showDetailsOnHover(code.id)}
                  onMouseLeave={() => hideDetails(code.id)}
                  onKeyDown={(event) => onRowKeyDown(event, index, node)}
                >
                  {code.codable ? (
                    <span className={classes.marker} data-shape={mode === 'single' ? 'radio' : 'checkbox'} aria-hidden>
                      {checked ? <IconCheck size={12} stroke={3} /> : null}
                    </span>
                  ) : null}
                  {code.color ? <ColorSwatch color={code.color} size={10} withShadow={false} aria-hidden /> : null}
                  <span className={classes.codeName}>{code.name}</span>
                  {node.shortcut ? (
                    <Kbd size="xs" aria-hidden>
                      {node.shortcut}
                    </Kbd>
                  ) : null}
                </div>
              </Tooltip>
              <VisuallyHidden id={descriptionId}>{describe(node, parentName)}</VisuallyHidden>
            </div>
          );
        })}
      </div>
    </Stack>
  );
}
